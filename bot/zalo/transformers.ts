/**
 * API transformers: cross-cutting outgoing behaviour (retry, logging) wrapped
 * around the raw call, as in grammY (https://grammy.dev/advanced/transformers).
 * A transformer receives the previous call function and decides whether, when
 * and how often to call it. Handlers never retry on their own.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { ZaloHttpError } from './errors.ts';
import { silentLogger, type ZaloLogger } from './logger.ts';

/**
 * What the raw call resolves to: the envelope, normalised, plus the HTTP
 * status. A body that is not an envelope (an HTML error page from a proxy…)
 * becomes `ok: false` with `error_code` = the HTTP status.
 */
export type ZaloResponse<T = unknown> =
  | { ok: true; result: T; httpStatus: number }
  | { ok: false; error_code: number; description: string; httpStatus: number };

export interface ZaloCallOptions {
  /** Aborts the request and any retry wait. */
  signal?: AbortSignal;
  /** Read timeout for this call (ms); defaults to the client's `fetchTimeoutMs`. */
  timeoutMs?: number;
}

export type ZaloPayload = Record<string, unknown>;

/** Performs one API call. Resolves with the envelope (ok or not); rejects with {@link ZaloHttpError} when no answer came. */
export type ZaloCallFn = (method: string, payload: ZaloPayload, options: ZaloCallOptions) => Promise<ZaloResponse>;

/** Wraps a call function: may change the payload, call `prev` any number of times, or short-circuit. */
export type ZaloTransformer = (
  prev: ZaloCallFn,
  method: string,
  payload: ZaloPayload,
  options: ZaloCallOptions,
) => Promise<ZaloResponse>;

export function applyTransformer(prev: ZaloCallFn, t: ZaloTransformer): ZaloCallFn {
  return (method, payload, options) => t(prev, method, payload, options);
}

/**
 * Error codes worth trying again: 429 (quota exceeded), 403 (which Zalo's error
 * table labels "Internal server error"), and 5xx from whatever sits in front of
 * the API. 400/401/404 (our request is wrong) and 408 (empty long poll) are final.
 */
export function isRetryableCode(code: number): boolean {
  return code === 429 || code === 403 || (code >= 500 && code <= 599);
}

export interface RetryOptions {
  /** Total attempts, the first included. Default 4. `1` disables retrying. */
  maxAttempts?: number;
  /** Delay before the first retry; doubled each time. Default 500 ms. */
  baseDelayMs?: number;
  /** Cap on one delay. Default 10 s. */
  maxDelayMs?: number;
  /** Injectable for tests. Must reject when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injectable for tests; in [0, 1). */
  random?: () => number;
  logger?: ZaloLogger;
}

export const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  delay(ms, undefined, signal === undefined ? undefined : { signal });

/** Exponential backoff with "equal jitter": half fixed, half random, so no two clients retry in lockstep and no delay is ~0. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * Retries 429/403/5xx answers and network failures/timeouts with exponential
 * backoff and jitter. Zalo documents no `retry_after`, so the delay is ours.
 * Note: a timed-out `send*` may have been delivered; retrying it can duplicate
 * a message, which we accept over losing one.
 */
export function autoRetry(options: RetryOptions = {}): ZaloTransformer {
  const maxAttempts = Math.max(1, options.maxAttempts ?? 4);
  const baseMs = options.baseDelayMs ?? 500;
  const maxMs = options.maxDelayMs ?? 10_000;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const logger = options.logger ?? silentLogger;

  return async (prev, method, payload, callOptions) => {
    for (let attempt = 1; ; attempt++) {
      let response: ZaloResponse | undefined;
      let error: unknown;
      try {
        response = await prev(method, payload, callOptions);
      } catch (err) {
        error = err;
      }
      const retryable =
        response !== undefined
          ? !response.ok && isRetryableCode(response.error_code)
          : error instanceof ZaloHttpError && error.kind !== 'aborted';
      if (!retryable || attempt >= maxAttempts || callOptions.signal?.aborted === true) {
        if (response !== undefined) return response;
        throw error;
      }
      const waitMs = backoffDelay(attempt, baseMs, maxMs, random);
      logger.warn(
        {
          method,
          attempt,
          maxAttempts,
          delayMs: waitMs,
          ...(response !== undefined && !response.ok
            ? { error_code: response.error_code, description: response.description }
            : { kind: (error as ZaloHttpError).kind, code: (error as ZaloHttpError).code }),
        },
        'zalo api call failed; retrying',
      );
      try {
        await sleep(waitMs, callOptions.signal);
      } catch (err) {
        throw new ZaloHttpError(method, 'aborted', undefined, err);
      }
    }
  };
}

/**
 * Logs each attempt at debug level: method, outcome, duration, and the chat id
 * when there is one. Never the payload (message text may carry phone numbers)
 * and never the URL (it carries the token).
 */
export function logCalls(logger: ZaloLogger): ZaloTransformer {
  return async (prev, method, payload, options) => {
    const started = performance.now();
    const base: Record<string, unknown> = { method };
    if (typeof payload.chat_id === 'string') base.chat_id = payload.chat_id;
    try {
      const res = await prev(method, payload, options);
      const ms = Math.round(performance.now() - started);
      logger.debug(
        res.ok
          ? { ...base, ok: true, ms }
          : { ...base, ok: false, error_code: res.error_code, description: res.description, httpStatus: res.httpStatus, ms },
        'zalo api call',
      );
      return res;
    } catch (err) {
      const ms = Math.round(performance.now() - started);
      const fields = err instanceof ZaloHttpError ? { kind: err.kind, code: err.code } : { error: String(err) };
      logger.debug({ ...base, ok: false, ...fields, ms }, 'zalo api call failed');
      throw err;
    }
  };
}
