/**
 * The two ways a Zalo API call fails, after grammY's GrammyError/HttpError split:
 * - {@link ZaloApiError}: Zalo (or something in front of it) answered, and the
 *   answer was not `ok: true`.
 * - {@link ZaloHttpError}: no usable answer arrived (network failure, timeout, abort).
 *
 * The bot token sits in the request URL, so neither class ever holds the URL,
 * and every string that came from outside is scrubbed of the token before it is
 * stored. Neither holds the request payload either: message text may contain
 * phone numbers, and loggers serialise every enumerable field of an error.
 */

/** Zalo answered with `ok: false`, or with a body that is not an API envelope. */
export class ZaloApiError extends Error {
  /** Always `false`, like the envelope. */
  readonly ok = false as const;

  constructor(
    /** The API method called, e.g. `sendMessage`. */
    readonly method: string,
    /** Zalo's `error_code` (400, 401, 403, 404, 408, 429, …); the HTTP status when the body was not an envelope. */
    readonly error_code: number,
    /** Zalo's `description`, the only place the detail lives. */
    readonly description: string,
    /** The HTTP status line, which may or may not mirror `error_code` (undocumented). */
    readonly httpStatus: number,
  ) {
    super(`Call to '${method}' failed! (${error_code}: ${description})`);
    this.name = 'ZaloApiError';
  }
}

export type ZaloHttpErrorKind = 'network' | 'timeout' | 'aborted';

/** The request never produced an answer: connection failure, timeout, or the caller aborted it. */
export class ZaloHttpError extends Error {
  constructor(
    /** The API method called. */
    readonly method: string,
    /** `network`: connection refused/reset/DNS…; `timeout`: our read timeout fired; `aborted`: the caller's signal fired. */
    readonly kind: ZaloHttpErrorKind,
    /** The underlying error code when there is one, e.g. `ECONNREFUSED`, `UND_ERR_SOCKET`. */
    readonly code: string | undefined,
    /** The underlying error (token scrubbed from its message). */
    cause: unknown,
  ) {
    super(messageFor(method, kind, code), { cause });
    this.name = 'ZaloHttpError';
  }
}

function messageFor(method: string, kind: ZaloHttpErrorKind, code: string | undefined): string {
  const suffix = code === undefined ? '' : ` (${code})`;
  switch (kind) {
    case 'timeout':
      return `Request to '${method}' timed out${suffix}`;
    case 'aborted':
      return `Request to '${method}' was aborted`;
    default:
      return `Network request for '${method}' failed!${suffix}`;
  }
}

/** Replaces every occurrence of `secret` in `text` (no-op for an empty secret). */
export function redact(text: string, secret: string): string {
  return secret === '' ? text : text.split(secret).join('<redacted>');
}

/**
 * Returns an error safe to keep and log: the same object when its message and
 * stack do not contain the token, else a plain Error with both scrubbed.
 */
export function scrubError(err: unknown, token: string): unknown {
  if (!(err instanceof Error)) {
    return typeof err === 'string' ? redact(err, token) : err;
  }
  const leaks = err.message.includes(token) || (err.stack ?? '').includes(token);
  if (!leaks) return err;
  const clean = new Error(redact(err.message, token));
  clean.name = err.name;
  clean.stack = redact(err.stack ?? '', token);
  return clean;
}

/** Fields of an error that are safe to log (no payload, no URL, no cause chain). */
export function errorFields(err: unknown): Record<string, unknown> {
  if (err instanceof ZaloApiError) {
    return { name: err.name, method: err.method, error_code: err.error_code, description: err.description, httpStatus: err.httpStatus };
  }
  if (err instanceof ZaloHttpError) return { name: err.name, method: err.method, kind: err.kind, code: err.code };
  if (err instanceof Error) return { name: err.name, message: err.message };
  return { value: String(err) };
}
