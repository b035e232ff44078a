/**
 * Request bodies the Bot API accepts: query string, JSON,
 * application/x-www-form-urlencoded and multipart/form-data.
 *
 * The multipart parser is our own and small, but it must cope with what
 * grammY really sends when an InputFile is uploaded: header names in lower
 * case with no space after the colon, and an *unquoted* file name that may
 * contain spaces and UTF-8 (`content-disposition:form-data;name="x3k";filename=báo cáo.xlsx`).
 * The file goes in a part named by a random id, and the method field holds
 * `attach://<id>`. Quoted names (undici's FormData) and `filename*=` work too.
 */

/** An uploaded file part, bytes as received. */
export interface FilePart {
  /** The form field name of the part (grammY: a random id referenced by `attach://`). */
  field: string;
  filename: string;
  contentType: string | undefined;
  bytes: Buffer;
}

export interface ParsedBody {
  /** Plain fields. Values are strings unless the body was JSON. */
  fields: Record<string, unknown>;
  /** File parts by field name. */
  files: Map<string, FilePart>;
}

/** A body we cannot read; becomes a 400 answer. */
export class BodyParseError extends Error {
  override readonly name = 'BodyParseError';
}

export function parseBody(contentType: string | undefined, body: Buffer, query: URLSearchParams): ParsedBody {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of query) fields[key] = value;
  const files = new Map<string, FilePart>();
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (body.length === 0) return { fields, files };
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new BodyParseError("can't parse JSON request body");
    }
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) Object.assign(fields, parsed);
  } else if (type === 'application/x-www-form-urlencoded') {
    for (const [key, value] of new URLSearchParams(body.toString('utf8'))) fields[key] = value;
  } else if (type === 'multipart/form-data') {
    const boundary = contentTypeParam(contentType ?? '', 'boundary');
    if (!boundary) throw new BodyParseError('multipart/form-data without a boundary');
    for (const part of parseMultipart(body, boundary)) {
      if (part.filename !== undefined) {
        files.set(part.name, { field: part.name, filename: part.filename, contentType: part.contentType, bytes: part.body });
      } else {
        fields[part.name] = part.body.toString('utf8');
      }
    }
  }
  return { fields, files };
}

function contentTypeParam(header: string, name: string): string | undefined {
  const re = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]*))`, 'i');
  const m = re.exec(header);
  return m ? (m[1] ?? m[2]) : undefined;
}

export interface MultipartPart {
  name: string;
  filename: string | undefined;
  contentType: string | undefined;
  headers: Record<string, string>;
  body: Buffer;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/** Splits a multipart/form-data body (RFC 7578) into its parts. */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const nextDelimiter = Buffer.from(`\r\n--${boundary}`);
  const parts: MultipartPart[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new BodyParseError('multipart body without its boundary');
  pos += delimiter.length;
  for (;;) {
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break; // "--": the closing delimiter
    while (body[pos] === 0x20 || body[pos] === 0x09) pos++; // transport padding
    if (!body.subarray(pos, pos + 2).equals(CRLF)) throw new BodyParseError('malformed multipart delimiter line');
    const headerEnd = body.indexOf(HEADER_END, pos);
    if (headerEnd < 0) throw new BodyParseError('multipart part without the end of its headers');
    const headers = parseHeaders(body.subarray(pos + 2, headerEnd).toString('utf8'));
    const contentStart = headerEnd + HEADER_END.length;
    const contentEnd = body.indexOf(nextDelimiter, contentStart);
    if (contentEnd < 0) throw new BodyParseError('unterminated multipart part');
    const disposition = parseDisposition(headers['content-disposition'] ?? '');
    if (disposition.name === undefined) throw new BodyParseError('multipart part without a name');
    parts.push({
      name: disposition.name,
      filename: disposition.filename,
      contentType: headers['content-type'],
      headers,
      body: Buffer.from(body.subarray(contentStart, contentEnd)),
    });
    pos = contentEnd + nextDelimiter.length;
  }
  return parts;
}

function parseHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** Parses `form-data; name="x"; filename="y"` including grammY's unquoted, last `filename=`. */
export function parseDisposition(value: string): { name?: string; filename?: string } {
  const result: { name?: string; filename?: string } = {};
  let i = value.indexOf(';');
  if (i < 0) return result;
  let extendedFilename: string | undefined;
  while (i < value.length) {
    while (i < value.length && (value[i] === ';' || value[i] === ' ' || value[i] === '\t')) i++;
    const eq = value.indexOf('=', i);
    if (eq < 0) break;
    const key = value.slice(i, eq).trim().toLowerCase();
    i = eq + 1;
    while (value[i] === ' ') i++;
    let param: string;
    if (value[i] === '"') {
      i++;
      param = '';
      while (i < value.length && value[i] !== '"') {
        if (value[i] === '\\' && i + 1 < value.length) i++;
        param += value[i++];
      }
      i++;
      // undici's FormData percent-escapes these three inside quotes.
      param = param.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');
    } else if (key === 'filename') {
      // grammY writes the file name unquoted and last: it runs to the end.
      param = value.slice(i).trim();
      i = value.length;
    } else {
      const end = value.indexOf(';', i);
      param = value.slice(i, end < 0 ? value.length : end).trim();
      i = end < 0 ? value.length : end;
    }
    if (key === 'name') result.name = param;
    else if (key === 'filename') result.filename = param;
    else if (key === 'filename*') extendedFilename = decodeExtValue(param);
  }
  if (extendedFilename !== undefined) result.filename = extendedFilename;
  return result;
}

/** RFC 8187 `UTF-8''b%C3%A1o.xlsx`. */
function decodeExtValue(value: string): string {
  const m = /^([^']*)'[^']*'(.*)$/.exec(value);
  if (!m) return value;
  try {
    return decodeURIComponent(m[2]!);
  } catch {
    return m[2]!;
  }
}
