/**
 * HTTP client for the Zalo Bot Platform API, after grammY's `ApiClient`: one
 * `call(method, params)` that POSTs JSON to `${apiRoot}/bot${token}/${method}`
 * and reads the `{ ok, result, error_code, description }` envelope, a stack of
 * transformers around it (retry, logging), and typed helpers on top.
 *
 * The token is part of every URL, so URLs are never logged or put in errors.
 */
import { type Dispatcher, request } from 'undici';
import { redact, scrubError, ZaloApiError, ZaloHttpError } from './errors.ts';
import { silentLogger, type ZaloLogger } from './logger.ts';
import { splitText, ZALO_TEXT_LIMIT } from './split-text.ts';
import {
  applyTransformer,
  autoRetry,
  type RetryOptions,
  type ZaloCallFn,
  type ZaloCallOptions,
  logCalls,
  type ZaloPayload,
  type ZaloResponse,
  type ZaloTransformer,
} from './transformers.ts';
import {
  parseZaloUpdate,
  type ZaloBotInfo,
  type ZaloParseMode,
  type ZaloSentMessage,
  type ZaloUpdate,
  type ZaloWebhookInfo,
} from './types.ts';

export const DEFAULT_ZALO_API_ROOT = 'https://bot-api.zaloplatforms.com';

export interface ZaloClientOptions {
  /** `<numeric_bot_id>:<secret>` from Zalo Bot Creator. */
  token: string;
  /** Default https://bot-api.zaloplatforms.com (the older https://bot-api.zapps.me also works). */
  apiRoot?: string;
  /** Default long-poll duration for `getUpdates`. Default 30 s. */
  pollTimeoutSeconds?: number;
  /** Read timeout of every call except `getUpdates` (which waits poll + 10 s). Default 30 s. */
  fetchTimeoutMs?: number;
  logger?: ZaloLogger;
  /** Retry policy for 429/403/5xx/network failures; `false` to disable. */
  retry?: RetryOptions | false;
  /** undici dispatcher (proxy, custom pool); default undici's global one. */
  dispatcher?: Dispatcher;
}

export interface SendMessageOptions {
  /** Without it Zalo shows the text literally. */
  parseMode?: ZaloParseMode;
  signal?: AbortSignal;
}

/** Extra time the read timeout of `getUpdates` allows over the long-poll duration. */
const POLL_GRACE_MS = 10_000;

const METHOD_NAME = /^[A-Za-z]+$/;

export class ZaloClient {
  readonly apiRoot: string;
  readonly pollTimeoutSeconds: number;
  readonly fetchTimeoutMs: number;
  /** ES private: invisible to util.inspect, JSON.stringify and loggers. */
  readonly #token: string;
  readonly #logger: ZaloLogger;
  readonly #dispatcher: Dispatcher | undefined;
  #callFn: ZaloCallFn;

  constructor(options: ZaloClientOptions) {
    const { token } = options;
    if (typeof token !== 'string' || token === '' || /[\s/?#]/.test(token)) {
      throw new TypeError('ZaloClient: the token is empty or contains characters that cannot appear in the URL path');
    }
    this.#token = token;
    this.apiRoot = (options.apiRoot ?? DEFAULT_ZALO_API_ROOT).replace(/\/+$/, '');
    this.pollTimeoutSeconds = options.pollTimeoutSeconds ?? 30;
    this.fetchTimeoutMs = options.fetchTimeoutMs ?? 30_000;
    this.#logger = options.logger ?? silentLogger;
    this.#dispatcher = options.dispatcher;
    const transformers: ZaloTransformer[] = [logCalls(this.#logger)];
    if (options.retry !== false) transformers.push(autoRetry({ logger: this.#logger, ...options.retry }));
    this.#callFn = transformers.reduce(applyTransformer, this.#fetch);
  }

  /**
   * Installs transformers around the current call function; the last one
   * installed runs first (outermost). The built-ins are logging (innermost,
   * one log per attempt) then retry.
   */
  use(...transformers: ZaloTransformer[]): this {
    this.#callFn = transformers.reduce(applyTransformer, this.#callFn);
    return this;
  }

  /**
   * Calls any API method with a JSON body (`{}` when there are no params) and
   * returns `result`. Throws {@link ZaloApiError} when the answer is not
   * `ok: true` (whatever the HTTP status), {@link ZaloHttpError} when no answer came.
   */
  async call<T = unknown>(method: string, params: ZaloPayload = {}, options: ZaloCallOptions = {}): Promise<T> {
    if (!METHOD_NAME.test(method)) throw new TypeError(`ZaloClient: invalid method name '${method}'`);
    const res = await this.#callFn(method, params, options);
    if (res.ok) return res.result as T;
    throw new ZaloApiError(method, res.error_code, res.description, res.httpStatus);
  }

  /** Validates the token and returns the bot's identity. */
  getMe(options: ZaloCallOptions = {}): Promise<ZaloBotInfo> {
    return this.call<ZaloBotInfo>('getMe', {}, options);
  }

  /**
   * Long-polls for ONE update. Returns null when none arrived within
   * `timeoutSeconds` (Zalo answers `ok:false, error_code:408`, which is the
   * normal empty outcome, not a failure). Fails while a webhook is set.
   */
  async getUpdates(
    timeoutSeconds: number = this.pollTimeoutSeconds,
    options: { signal?: AbortSignal } = {},
  ): Promise<ZaloUpdate | null> {
    let result: unknown;
    try {
      // The docs type `timeout` as a string; the official samples send a number. Both work.
      result = await this.call('getUpdates', { timeout: String(timeoutSeconds) }, {
        signal: options.signal,
        timeoutMs: timeoutSeconds * 1000 + POLL_GRACE_MS,
      });
    } catch (err) {
      if (err instanceof ZaloApiError && err.error_code === 408) return null;
      throw err;
    }
    if (result === undefined || result === null) return null;
    const update = parseZaloUpdate(result);
    if (update === null) {
      this.#logger.warn(
        { method: 'getUpdates', resultType: Array.isArray(result) ? 'array' : typeof result },
        'zalo getUpdates returned something that is not an update; skipped',
      );
    }
    return update;
  }

  /** `secret` (8–256 chars) comes back in the `X-Bot-Api-Secret-Token` header of every webhook request. */
  setWebhook(url: string, secret: string, options: ZaloCallOptions = {}): Promise<ZaloWebhookInfo> {
    if (secret.length < 8 || secret.length > 256) {
      return Promise.reject(new RangeError('setWebhook: secret_token must be 8–256 characters'));
    }
    return this.call<ZaloWebhookInfo>('setWebhook', { url, secret_token: secret }, options);
  }

  /** Removes the webhook, which re-enables getUpdates. */
  deleteWebhook(options: ZaloCallOptions = {}): Promise<ZaloWebhookInfo> {
    return this.call<ZaloWebhookInfo>('deleteWebhook', {}, options);
  }

  getWebhookInfo(options: ZaloCallOptions = {}): Promise<ZaloWebhookInfo> {
    return this.call<ZaloWebhookInfo>('getWebhookInfo', {}, options);
  }

  /** Sends 1–2000 characters. Longer text: use {@link sendText}. There are no buttons on Zalo. */
  sendMessage(chatId: string, text: string, options: SendMessageOptions = {}): Promise<ZaloSentMessage> {
    const payload: ZaloPayload = { chat_id: chatId, text };
    if (options.parseMode !== undefined) payload.parse_mode = options.parseMode;
    return this.call<ZaloSentMessage>('sendMessage', payload, { signal: options.signal });
  }

  /** Zalo fetches `photoUrl` itself, possibly more than once: it must stay valid. */
  sendPhoto(chatId: string, photoUrl: string, caption?: string, options: ZaloCallOptions = {}): Promise<ZaloSentMessage> {
    const payload: ZaloPayload = { chat_id: chatId, photo: photoUrl };
    if (caption !== undefined && caption !== '') payload.caption = caption;
    return this.call<ZaloSentMessage>('sendPhoto', payload, options);
  }

  /** Shows "typing…". The response has no `result`. */
  async sendChatAction(chatId: string, action: 'typing' = 'typing', options: ZaloCallOptions = {}): Promise<void> {
    await this.call('sendChatAction', { chat_id: chatId, action }, options);
  }

  /**
   * Sends text of any length as consecutive messages of ≤ 2000 UTF-16 units,
   * split on paragraph/line/sentence/word boundaries (see {@link splitText}),
   * in order, each after the previous one succeeded. Sends nothing for `''`.
   * If a chunk fails, the error propagates and later chunks are not sent.
   */
  async sendText(chatId: string, text: string, options: SendMessageOptions = {}): Promise<ZaloSentMessage[]> {
    const sent: ZaloSentMessage[] = [];
    for (const chunk of splitText(text, ZALO_TEXT_LIMIT)) {
      sent.push(await this.sendMessage(chatId, chunk, options));
    }
    return sent;
  }

  /** The innermost call function: one HTTP request, no retry. */
  readonly #fetch: ZaloCallFn = async (method, payload, options) => {
    const timeoutMs = options.timeoutMs ?? this.fetchTimeoutMs;
    // One controller for both our timeout and the caller's signal. Combined by hand (not
    // AbortSignal.any) so a long-lived polling signal does not collect a listener per call.
    const controller = new AbortController();
    let timedOut = false;
    const handle = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onCallerAbort = (): void => controller.abort();
    options.signal?.addEventListener('abort', onCallerAbort, { once: true });
    if (options.signal?.aborted === true) controller.abort();
    const signal = controller.signal;
    try {
      const res = await request(`${this.apiRoot}/bot${this.#token}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' },
        body: JSON.stringify(payload),
        signal,
        // Our own timer decides; undici's are a backstop.
        headersTimeout: timeoutMs + 1000,
        bodyTimeout: timeoutMs + 1000,
        ...(this.#dispatcher === undefined ? {} : { dispatcher: this.#dispatcher }),
      });
      const text = await res.body.text();
      return toResponse(text, res.statusCode, this.#token);
    } catch (err) {
      const code = errorCode(err);
      const cause = scrubError(err, this.#token);
      if (options.signal?.aborted === true) throw new ZaloHttpError(method, 'aborted', code, cause);
      if (timedOut || (code !== undefined && TIMEOUT_CODES.has(code))) {
        throw new ZaloHttpError(method, 'timeout', code, cause);
      }
      throw new ZaloHttpError(method, 'network', code, cause);
    } finally {
      clearTimeout(handle);
      options.signal?.removeEventListener('abort', onCallerAbort);
    }
  };
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);

function errorCode(err: unknown): string | undefined {
  // undici wraps socket errors; the interesting code may be on the cause.
  for (let e: unknown = err, depth = 0; e !== null && typeof e === 'object' && depth < 3; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Reads the envelope whatever the HTTP status; anything else becomes `ok:false` with the status as code. */
export function toResponse(text: string, httpStatus: number, token: string): ZaloResponse {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, error_code: httpStatus, description: `Non-JSON response (HTTP ${httpStatus})`, httpStatus };
  }
  if (typeof body !== 'object' || body === null || typeof (body as { ok?: unknown }).ok !== 'boolean') {
    return { ok: false, error_code: httpStatus, description: `Unexpected response body (HTTP ${httpStatus})`, httpStatus };
  }
  const env = body as Record<string, unknown>;
  if (env.ok === true) return { ok: true, result: env.result, httpStatus };
  // One documented mirror spells it `errorCode` (testWebhook's 426).
  const code = numeric(env.error_code) ?? numeric(env.errorCode) ?? httpStatus;
  const description =
    typeof env.description === 'string' ? redact(env.description, token) : `Error ${code} (no description)`;
  return { ok: false, error_code: code, description, httpStatus };
}

function numeric(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  return undefined;
}
