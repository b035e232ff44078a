/**
 * Telegram's text formatting, as the Bot API server applies it to `text` and
 * `caption`: parse_mode markup → plain text + entities, then trimming and the
 * automatic entities (urls, commands, mentions…) Telegram adds on its own.
 *
 * The HTML and MarkdownV2 parsers follow TDLib's `parse_html` and
 * `parse_markdown_v2` (td/telegram/MessageEntity.cpp) closely enough that the
 * error descriptions match what the real server says, byte offsets included.
 * One deliberate difference, on by default: a bare `&` that does not start a
 * known entity is an error here (`strictAmpersand`). Telegram itself keeps it
 * literally, but its documentation says it "must" be escaped, so a bot that
 * passes here is correct for Telegram too.
 */

/** A MessageEntity as the Bot API returns it (the subset of fields we fill). */
export interface Entity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
  user?: { id: number; is_bot: boolean; first_name: string };
}

/** Thrown with the part of the description after "Bad Request: can't parse entities: ". */
export class EntityParseError extends Error {
  override readonly name = 'EntityParseError';
}

export interface FormattedText {
  text: string;
  entities: Entity[];
}

export interface FormatOptions {
  /** Reject `&` that is not an entity (HTML only). Default true; Telegram itself is lenient. */
  strictAmpersand?: boolean;
}

/**
 * Applies `parse_mode` (or explicit `entities`) to a text the way the Bot API
 * does before it checks lengths: parse, trim surrounding whitespace, add the
 * entities Telegram detects by itself. Throws `EntityParseError`.
 */
export function formatText(
  raw: string,
  parseMode: string | undefined,
  explicitEntities: Entity[] | undefined,
  options: FormatOptions = {},
): FormattedText {
  let parsed: FormattedText;
  const mode = parseMode?.toLowerCase();
  if (explicitEntities !== undefined && explicitEntities.length > 0) {
    // Telegram ignores parse_mode when entities are given.
    parsed = { text: raw, entities: explicitEntities.map((e) => ({ ...e })) };
  } else if (mode === undefined || mode === '') {
    parsed = { text: raw, entities: [] };
  } else if (mode === 'html') {
    parsed = parseHtml(raw, options);
  } else if (mode === 'markdownv2') {
    parsed = parseMarkdownV2(raw);
  } else if (mode === 'markdown') {
    parsed = parseMarkdown(raw);
  } else {
    throw new UnsupportedParseModeError(parseMode ?? '');
  }
  const trimmed = trim(parsed);
  return { text: trimmed.text, entities: sortEntities([...trimmed.entities, ...detectEntities(trimmed)]) };
}

/** Telegram answers "Bad Request: unsupported parse_mode" for anything else. */
export class UnsupportedParseModeError extends Error {
  override readonly name = 'UnsupportedParseModeError';
}

/** Entities Telegram detects in any text (also in what users type). */
export function detectEntities(formatted: FormattedText): Entity[] {
  const { text } = formatted;
  // Auto entities never overlap code, pre or explicit links.
  const blocked = formatted.entities.filter((e) =>
    ['code', 'pre', 'text_link', 'text_mention', 'custom_emoji'].includes(e.type),
  );
  const free = (start: number, end: number) =>
    !blocked.some((b) => start < b.offset + b.length && b.offset < end);
  const found: Entity[] = [];
  const taken: Array<[number, number]> = [];
  const add = (type: string, start: number, length: number) => {
    const end = start + length;
    if (!free(start, end) || taken.some(([s, e]) => start < e && s < end)) return;
    taken.push([start, end]);
    found.push({ type, offset: start, length });
  };
  const scan = (type: string, re: RegExp) => {
    for (const m of text.matchAll(re)) add(type, m.index, m[0].length);
  };
  scan('url', /(?<![\w@/.])(?:https?:\/\/|www\.)[^\s<>"']*[^\s<>"'.,;:!?)\]]/giu);
  scan('email', /(?<![\w.+-])[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![\w])/giu);
  scan('bot_command', /(?<![\w/])\/[a-z0-9_]{1,64}(?:@[a-z0-9_]{3,32})?(?![\w/])/giu);
  scan('mention', /(?<![\w@])@[a-z0-9_]{5,32}(?![\w])/giu);
  scan('hashtag', /(?<![\w#])#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*/gu);
  return found;
}

// ---------------------------------------------------------------- helpers

const TYPE_PRIORITY: Record<string, number> = {
  blockquote: 0,
  expandable_blockquote: 0,
  pre: 11,
  code: 20,
  text_link: 49,
  text_mention: 49,
  bold: 90,
  italic: 91,
  underline: 92,
  strikethrough: 93,
  spoiler: 94,
  custom_emoji: 99,
};

/** TDLib's order: by offset, longer first, then by type priority. */
export function sortEntities(entities: Entity[]): Entity[] {
  return entities.sort(
    (a, b) =>
      a.offset - b.offset ||
      b.length - a.length ||
      (TYPE_PRIORITY[a.type] ?? 50) - (TYPE_PRIORITY[b.type] ?? 50),
  );
}

function trim(input: FormattedText): FormattedText {
  const { text } = input;
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  if (start === 0 && end === text.length) return input;
  if (end <= start) return { text: '', entities: [] };
  const entities: Entity[] = [];
  for (const e of input.entities) {
    const s = Math.max(e.offset, start);
    const t = Math.min(e.offset + e.length, end);
    if (t > s) entities.push({ ...e, offset: s - start, length: t - s });
  }
  return { text: text.slice(start, end), entities };
}

const byteOffset = (s: string, index: number): number => Buffer.byteLength(s.slice(0, index), 'utf8');
const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\v' || c === '\f';

/**
 * TDLib's check_url, roughly: http(s)/tg/ton links and bare domains
 * ("telegram.org" → "http://telegram.org/"); anything else is not a link.
 */
export function normalizeUrl(raw: string): string | undefined {
  // Not trimmed: TDLib rejects "telegram.org " as a link.
  let rest = raw;
  if (rest === '' || /\s/.test(rest)) return undefined;
  if (/^tg:/i.test(rest)) return rest;
  let scheme = 'http';
  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(rest);
  if (schemeMatch) {
    scheme = schemeMatch[1]!.toLowerCase();
    if (!['http', 'https', 'ton', 'tonsite'].includes(scheme)) return undefined;
    rest = rest.slice(schemeMatch[0].length);
  }
  const m = /^(?:[^@/?#]*@)?([^/?#:]+)(:\d{1,5})?([/?#].*)?$/u.exec(rest);
  if (!m) return undefined;
  const host = m[1]!;
  const validHost =
    host.toLowerCase() === 'localhost' ||
    /^\d{1,3}(\.\d{1,3}){3}$/.test(host) ||
    /^([\p{L}\p{N}_-]+\.)+[\p{L}]{2,}$/u.test(host);
  if (!validHost) return undefined;
  let path = m[3] ?? '/';
  if (!path.startsWith('/')) path = `/${path}`;
  return `${scheme}://${host}${m[2] ?? ''}${path}`;
}

function linkEntity(url: string, offset: number, length: number): Entity | undefined {
  const mention = /^tg:(?:\/\/)?user\?id=(\d+)$/i.exec(url);
  if (mention) {
    return { type: 'text_mention', offset, length, user: { id: Number(mention[1]), is_bot: false, first_name: '' } };
  }
  const normalized = normalizeUrl(url);
  return normalized === undefined ? undefined : { type: 'text_link', offset, length, url: normalized };
}

// ------------------------------------------------------------------- HTML

const HTML_TAGS = new Set([
  'a', 'b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler',
  'code', 'pre', 'blockquote', 'tg-emoji',
]);

function decodeHtmlEntity(s: string, pos: number): { ch: string; end: number } | undefined {
  let end = pos + 1;
  let code = 0;
  if (s[end] === '#') {
    end++;
    if (s[end] === 'x') {
      end++;
      while (end < s.length && /[0-9a-fA-F]/.test(s[end]!)) code = code * 16 + parseInt(s[end++]!, 16);
    } else {
      while (end < s.length && /[0-9]/.test(s[end]!)) code = code * 10 + Number(s[end++]);
    }
    if (code === 0 || code >= 0x10ffff || end - pos >= 10) return undefined;
    if (code >= 0xd800 && code <= 0xdfff) {
      throw new EntityParseError(
        'Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units',
      );
    }
  } else {
    while (end < s.length && /[a-zA-Z]/.test(s[end]!)) end++;
    const name = s.slice(pos + 1, end);
    const named: Record<string, number> = { lt: 60, gt: 62, amp: 38, quot: 34 };
    if (!(name in named)) return undefined;
    code = named[name]!;
  }
  if (s[end] === ';') end++;
  return { ch: String.fromCodePoint(code), end };
}

interface OpenTag {
  tag: string;
  argument: string;
  expandable: boolean;
  offset: number;
}

/** Telegram's HTML parse mode. */
export function parseHtml(src: string, options: FormatOptions = {}): FormattedText {
  const strict = options.strictAmpersand ?? true;
  const n = src.length;
  const fail = (message: string): never => {
    throw new EntityParseError(message);
  };
  let out = '';
  const stack: OpenTag[] = [];
  const entities: Entity[] = [];
  let i = 0;
  while (i < n) {
    const c = src[i]!;
    if (c === '&') {
      const decoded = decodeHtmlEntity(src, i);
      if (decoded) {
        out += decoded.ch;
        i = decoded.end;
        continue;
      }
      if (strict) {
        fail(
          `Character '&' at byte offset ${byteOffset(src, i)} is not part of an HTML entity and must be escaped as "&amp;" (strict mode of the fake Telegram server)`,
        );
      }
    }
    if (c !== '<') {
      out += c;
      i++;
      continue;
    }
    const begin = i++;
    if (src[i] !== '/') {
      while (i < n && !isSpace(src[i]) && src[i] !== '>') i++;
      if (i >= n) fail(`Unclosed start tag at byte offset ${byteOffset(src, begin)}`);
      const tag = src.slice(begin + 1, i).toLowerCase();
      if (!HTML_TAGS.has(tag)) fail(`Unsupported start tag "${tag}" at byte offset ${byteOffset(src, begin)}`);
      let argument = '';
      let expandable = false;
      while (src[i] !== '>') {
        while (i < n && isSpace(src[i])) i++;
        if (i >= n) fail(`Unclosed start tag "${tag}" at byte offset ${byteOffset(src, begin)}`);
        if (src[i] === '>') break;
        const attrBegin = i;
        while (i < n && !isSpace(src[i]) && src[i] !== '=' && src[i] !== '>') i++;
        const attr = src.slice(attrBegin, i).toLowerCase();
        if (attr === '') fail(`Empty attribute name in the tag "${tag}" at byte offset ${byteOffset(src, begin)}`);
        while (i < n && isSpace(src[i])) i++;
        if (i >= n) fail(`Unclosed start tag "${tag}" at byte offset ${byteOffset(src, begin)}`);
        if (src[i] !== '=') {
          // An attribute without a value.
          if (tag === 'blockquote' && attr === 'expandable') expandable = true;
          continue;
        }
        i++;
        while (i < n && isSpace(src[i])) i++;
        if (i >= n) fail(`Unclosed start tag "${tag}" at byte offset ${byteOffset(src, begin)}`);
        let value = '';
        if (src[i] !== '"' && src[i] !== "'") {
          const tokenBegin = i;
          while (i < n && /[A-Za-z0-9.-]/.test(src[i]!)) i++;
          value = src.slice(tokenBegin, i).toLowerCase();
          if (i < n && !isSpace(src[i]) && src[i] !== '>') {
            fail(`Unexpected end of name token at byte offset ${byteOffset(src, tokenBegin)}`);
          }
        } else {
          const quote = src[i++];
          while (i < n && src[i] !== quote) {
            if (src[i] === '&') {
              const decoded = decodeHtmlEntity(src, i);
              if (decoded) {
                value += decoded.ch;
                i = decoded.end;
                continue;
              }
            }
            value += src[i++];
          }
          if (i < n) i++;
        }
        if (i >= n) fail(`Unclosed start tag at byte offset ${byteOffset(src, begin)}`);
        if (tag === 'a' && attr === 'href') argument = value;
        else if (tag === 'code' && attr === 'class' && value.startsWith('language-')) argument = value.slice(9);
        else if (tag === 'span' && attr === 'class' && value.startsWith('tg-')) argument = value.slice(3);
        else if (tag === 'tg-emoji' && attr === 'emoji-id') argument = value;
        else if (tag === 'blockquote' && attr === 'expandable') expandable = true;
      }
      if (tag === 'span' && argument !== 'spoiler') {
        fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(src, begin)}`);
      }
      stack.push({ tag, argument, expandable, offset: out.length });
      i++;
      continue;
    }
    // An end tag.
    if (stack.length === 0) fail(`Unexpected end tag at byte offset ${byteOffset(src, begin)}`);
    i++;
    while (i < n && !isSpace(src[i]) && src[i] !== '>') i++;
    const endName = src.slice(begin + 2, i).toLowerCase();
    while (i < n && isSpace(src[i])) i++;
    if (i >= n || src[i] !== '>') fail(`Unclosed end tag at byte offset ${byteOffset(src, begin)}`);
    const open = stack.pop()!;
    if (endName !== '' && endName !== open.tag) {
      fail(
        `Unmatched end tag at byte offset ${byteOffset(src, begin)}, expected "</${open.tag}>", found "</${endName}>"`,
      );
    }
    i++;
    const length = out.length - open.offset;
    if (length === 0) continue;
    const entity = htmlEntity(open, out, length);
    if (entity) entities.push(entity);
  }
  if (stack.length > 0) fail(`Can't find end tag corresponding to start tag "${stack[stack.length - 1]!.tag}"`);
  return { text: out, entities: sortEntities(mergePreCode(entities)) };
}

function htmlEntity(open: OpenTag, out: string, length: number): Entity | undefined {
  const { offset } = open;
  switch (open.tag) {
    case 'b':
    case 'strong':
      return { type: 'bold', offset, length };
    case 'i':
    case 'em':
      return { type: 'italic', offset, length };
    case 'u':
    case 'ins':
      return { type: 'underline', offset, length };
    case 's':
    case 'strike':
    case 'del':
      return { type: 'strikethrough', offset, length };
    case 'span':
    case 'tg-spoiler':
      return { type: 'spoiler', offset, length };
    case 'code':
      return open.argument ? { type: 'code', offset, length, language: open.argument } : { type: 'code', offset, length };
    case 'pre':
      return { type: 'pre', offset, length };
    case 'blockquote':
      return { type: open.expandable ? 'expandable_blockquote' : 'blockquote', offset, length };
    case 'tg-emoji':
      return open.argument ? { type: 'custom_emoji', offset, length, custom_emoji_id: open.argument } : undefined;
    case 'a':
      return linkEntity(open.argument || out.slice(offset), offset, length);
    default:
      return undefined;
  }
}

/** `<pre><code class="language-x">` over the same range is one pre entity with a language. */
function mergePreCode(entities: Entity[]): Entity[] {
  const drop = new Set<Entity>();
  for (const code of entities) {
    if (code.type !== 'code' || code.language === undefined) continue;
    const pre = entities.find((e) => e.type === 'pre' && e.offset === code.offset && e.length === code.length);
    if (pre) {
      pre.language = code.language;
      drop.add(code);
    }
  }
  return entities
    .filter((e) => !drop.has(e))
    .map((e) => {
      if (e.type !== 'code' || e.language === undefined) return e;
      const { language: _language, ...rest } = e;
      return rest;
    });
}

// ------------------------------------------------------------- MarkdownV2

type MdType =
  | 'Bold' | 'Italic' | 'Underline' | 'Strikethrough' | 'Spoiler' | 'Code' | 'Pre' | 'PreCode' | 'TextUrl' | 'CustomEmoji';

interface OpenMd {
  type: MdType;
  argument: string;
  offset: number;
  bytePos: number;
}

const MD_BOT_API_TYPE: Record<MdType, string> = {
  Bold: 'bold', Italic: 'italic', Underline: 'underline', Strikethrough: 'strikethrough', Spoiler: 'spoiler',
  Code: 'code', Pre: 'pre', PreCode: 'pre', TextUrl: 'text_link', CustomEmoji: 'custom_emoji',
};

/** Telegram's MarkdownV2 parse mode (block quotes included, date-time entities not). */
export function parseMarkdownV2(src: string): FormattedText {
  const n = src.length;
  const fail = (message: string): never => {
    throw new EntityParseError(message);
  };
  const reservedError = (c: string) => fail(`Character '${c}' is reserved and must be escaped with the preceding '\\'`);
  let out = '';
  const stack: OpenMd[] = [];
  const entities: Entity[] = [];
  let quote: { offset: number; depth: number; expandable: boolean } | undefined;
  const atLineStart = () => out === '' || out.endsWith('\n') || out.endsWith('\r');
  const closeQuote = () => {
    if (!quote) return;
    if (stack.length > quote.depth) {
      const open = stack[stack.length - 1]!;
      fail(`Can't find end of ${open.type} entity at byte offset ${open.bytePos}`);
    }
    const length = out.length - quote.offset;
    if (length > 0) {
      entities.push({ type: quote.expandable ? 'expandable_blockquote' : 'blockquote', offset: quote.offset, length });
    }
    quote = undefined;
  };
  const inCode = () => {
    const top = stack[stack.length - 1];
    return top !== undefined && (top.type === 'Code' || top.type === 'Pre' || top.type === 'PreCode');
  };
  let i = 0;
  while (i < n) {
    const c = src[i]!;
    const next = src[i + 1];
    if (c === '\\' && next !== undefined && next.charCodeAt(0) > 0 && next.charCodeAt(0) <= 126) {
      out += next;
      i += 2;
      continue;
    }
    if (!inCode() && atLineStart()) {
      if (c === '>') {
        if (!quote) quote = { offset: out.length, depth: stack.length, expandable: false };
        i++;
        continue;
      }
      if (c === '*' && next === '*' && src[i + 2] === '>') {
        closeQuote();
        quote = { offset: out.length, depth: stack.length, expandable: false };
        i += 3;
        continue;
      }
    }
    if (
      quote && !inCode() && c === '|' && next === '|' &&
      stack[stack.length - 1]?.type !== 'Spoiler' &&
      (i + 2 >= n || src[i + 2] === '\n' || (src[i + 2] === '\r' && src[i + 3] === '\n'))
    ) {
      quote.expandable = true;
      i += 2;
      continue;
    }
    const reserved = inCode() ? '`' : '_*[]()~`>#+-=|{}.!';
    if (!reserved.includes(c)) {
      out += c;
      i++;
      if (c === '\n' && quote && !inCode()) {
        if (src[i] === '>') i++;
        else closeQuote();
      }
      continue;
    }
    const top = stack[stack.length - 1];
    let isEnd = false;
    if (top) {
      switch (top.type) {
        case 'Bold': isEnd = c === '*'; break;
        case 'Italic': isEnd = c === '_' && next !== '_'; break;
        case 'Code': isEnd = c === '`'; break;
        case 'Pre':
        case 'PreCode': isEnd = c === '`' && next === '`' && src[i + 2] === '`'; break;
        case 'TextUrl':
        case 'CustomEmoji': isEnd = c === ']'; break;
        case 'Underline': isEnd = c === '_' && next === '_'; break;
        case 'Strikethrough': isEnd = c === '~'; break;
        case 'Spoiler': isEnd = c === '|' && next === '|'; break;
      }
    }
    if (!isEnd) {
      const bytePos = byteOffset(src, i);
      let type: MdType;
      let argument = '';
      switch (c) {
        case '_':
          if (next === '_') {
            type = 'Underline';
            i++;
          } else type = 'Italic';
          break;
        case '*': type = 'Bold'; break;
        case '~': type = 'Strikethrough'; break;
        case '|':
          if (next !== '|') return reservedError(c);
          type = 'Spoiler';
          i++;
          break;
        case '[': type = 'TextUrl'; break;
        case '!':
          if (next !== '[') return reservedError(c);
          type = 'CustomEmoji';
          i++;
          break;
        case '`':
          if (next === '`' && src[i + 2] === '`') {
            i += 3;
            type = 'Pre';
            let languageEnd = i;
            while (languageEnd < n && !isSpace(src[languageEnd]) && src[languageEnd] !== '`') languageEnd++;
            if (i !== languageEnd && languageEnd < n && src[languageEnd] !== '`') {
              type = 'PreCode';
              argument = src.slice(i, languageEnd);
              i = languageEnd;
            }
            if (src[i] === '\n' || src[i] === '\r') {
              if ((src[i + 1] === '\n' || src[i + 1] === '\r') && src[i] !== src[i + 1]) i += 2;
              else i++;
            }
            stack.push({ type, argument, offset: out.length, bytePos });
            continue;
          }
          type = 'Code';
          break;
        default:
          return reservedError(c);
      }
      stack.push({ type, argument, offset: out.length, bytePos });
      i++;
      continue;
    }
    // The end of the innermost entity.
    const open = stack.pop()!;
    let skip = out.length === open.offset;
    let entity: Entity | undefined;
    const length = out.length - open.offset;
    switch (open.type) {
      case 'Underline':
      case 'Spoiler':
        i += 1;
        break;
      case 'Pre':
      case 'PreCode':
        i += 2;
        break;
      case 'TextUrl':
      case 'CustomEmoji': {
        let url = '';
        if (src[i + 1] !== '(') {
          if (open.type === 'CustomEmoji') fail('The entity must contain a tg://emoji or tg://time URL');
          url = out.slice(open.offset);
        } else {
          i += 2;
          const urlBegin = i;
          while (i < n && src[i] !== ')') {
            if (src[i] === '\\' && src[i + 1] !== undefined && src[i + 1]!.charCodeAt(0) <= 126) {
              url += src[i + 1];
              i += 2;
              continue;
            }
            url += src[i++];
          }
          if (src[i] !== ')') fail(`Can't find end of a URL at byte offset ${byteOffset(src, urlBegin)}`);
        }
        if (open.type === 'CustomEmoji') {
          const m = /^tg:\/\/emoji\/?\?(?:[^#]*&)?id=([1-9]\d*)(?:&[^#]*)?(?:#.*)?$/i.exec(url);
          if (!m) fail('Invalid tg://emoji or tg://time URL specified');
          entity = { type: 'custom_emoji', offset: open.offset, length, custom_emoji_id: m![1]! };
        } else {
          entity = linkEntity(url, open.offset, length);
          if (!entity) skip = true;
        }
        break;
      }
      default:
        break;
    }
    i++;
    if (skip) continue;
    entity ??= { type: MD_BOT_API_TYPE[open.type], offset: open.offset, length };
    if (open.type === 'PreCode') entity.language = open.argument;
    entities.push(entity);
  }
  if (stack.length > 0) {
    const open = stack[stack.length - 1]!;
    fail(`Can't find end of ${open.type} entity at byte offset ${open.bytePos}`);
  }
  closeQuote();
  return { text: out, entities: sortEntities(entities) };
}

// ------------------------------------------------------- legacy Markdown

/** Telegram's legacy "Markdown" parse mode: *bold* _italic_ `code` ```pre``` [text](url). */
export function parseMarkdown(src: string): FormattedText {
  const n = src.length;
  let out = '';
  const entities: Entity[] = [];
  let i = 0;
  while (i < n) {
    const c = src[i]!;
    const next = src[i + 1];
    if (c === '\\' && next !== undefined && '_*`['.includes(next)) {
      out += next;
      i += 2;
      continue;
    }
    if (!'_*`['.includes(c)) {
      out += c;
      i++;
      continue;
    }
    const beginPos = byteOffset(src, i);
    let end = c === '[' ? ']' : c;
    let isPre = false;
    let language = '';
    i++;
    if (c === '`' && src[i] === '`' && src[i + 1] === '`') {
      i += 2;
      isPre = true;
      let languageEnd = i;
      while (languageEnd < n && !isSpace(src[languageEnd]) && src[languageEnd] !== '`') languageEnd++;
      if (i !== languageEnd && languageEnd < n && src[languageEnd] !== '`') {
        language = src.slice(i, languageEnd);
        i = languageEnd;
      }
      if (src[i] === '\n' || src[i] === '\r') {
        if ((src[i + 1] === '\n' || src[i + 1] === '\r') && src[i] !== src[i + 1]) i += 2;
        else i++;
      }
      end = '`';
    }
    const offset = out.length;
    while (i < n && !(src[i] === end && (!isPre || (src[i + 1] === '`' && src[i + 2] === '`')))) {
      out += src[i++];
    }
    if (i >= n) throw new EntityParseError(`Can't find end of the entity starting at byte offset ${beginPos}`);
    const length = out.length - offset;
    if (length > 0) {
      if (c === '_') entities.push({ type: 'italic', offset, length });
      else if (c === '*') entities.push({ type: 'bold', offset, length });
      else if (c === '`') {
        entities.push(isPre ? { type: 'pre', offset, length, ...(language ? { language } : {}) } : { type: 'code', offset, length });
      }
    }
    if (c === '[') {
      let url = '';
      if (src[i + 1] === '(') {
        i += 2;
        while (i < n && src[i] !== ')') url += src[i++];
      } else {
        url = out.slice(offset);
      }
      const link = length > 0 ? linkEntity(url, offset, length) : undefined;
      if (link) entities.push(link);
    }
    i += isPre ? 3 : 1;
  }
  return { text: out, entities: sortEntities(entities) };
}
