/**
 * The port between the delivery worker and a chat platform: send one Reply
 * to one chat, or throw a SendFailure saying what kind of failure it was.
 * Senders never retry and never sleep on their own: the worker owns retries
 * and rate limits, and calls `context.beforeCall()` before every platform
 * call after the first (long replies and files take several calls).
 */
import type { Reply } from '../../domain/chat/reply.ts';
import type { SendFailureKind, SendTarget } from '../../domain/delivery/types.ts';

export type { SendFailureKind, SendTarget } from '../../domain/delivery/types.ts';

export interface SendContext {
  /**
   * Just before the first platform call, once the request is built: the
   * worker records that the call starts (a crash from here on leaves the
   * outcome unknown). Throws when the call must not be made.
   */
  beforeFirstCall?(): Promise<void>;
  /** Waits until the next platform call may go out (rate limits; keeps the row's lease alive). */
  beforeCall(): Promise<void>;
  /** A 429 on a later part of a reply: pause as told before the sender tries that part again. */
  rateLimited(retryAfterMs: number): void;
  /**
   * After every platform call, answered or failed: its request has reached
   * the platform by now if it ever will (the rate limiter counts from here).
   */
  afterCall?(): void;
}

export interface SendResult {
  /** The platform's id of the (last) message sent. */
  messageId: string;
}

export interface Sender {
  send(target: SendTarget, reply: Reply, context?: SendContext): Promise<SendResult>;
}

/**
 * A classified failure. Fields only — no payload, no URL, no token, no
 * phone number — so it is safe to log and to store in Delivery.lastError.
 */
export class SendFailure extends Error {
  override readonly name = 'SendFailure';
  constructor(
    readonly kind: SendFailureKind,
    /** The platform's words ("Forbidden: bot was blocked by the user"), for lastError. */
    readonly detail: string,
    /** rate_limited: how long to wait. */
    readonly retryAfterMs?: number,
    /** The platform's error code when it answered. */
    readonly code?: number | string,
  ) {
    super(`${kind}: ${detail}`);
  }
}

export const noWait: SendContext = { beforeCall: async () => {}, rateLimited: () => {} };

/**
 * Sends a reply that takes several platform calls (parts of a long text,
 * files), in order. A failure of the first call is the whole send's failure.
 * Once a part arrived, only a rate limit is safe to wait out and retry; any
 * other failure makes the outcome unknown (the recipient has part of it).
 */
export async function sendParts<T>(calls: Array<() => Promise<T>>, context: SendContext, classify: (err: unknown) => SendFailure, rateLimitFallbackMs: number): Promise<T | undefined> {
  let last: T | undefined;
  for (let i = 0; i < calls.length; i++) {
    if (i > 0) await context.beforeCall();
    else await context.beforeFirstCall?.();
    for (let retry = 0; ; retry++) {
      try {
        last = await calls[i]!().finally(() => context.afterCall?.());
        break;
      } catch (err) {
        const failure = classify(err);
        if (i === 0) throw failure;
        if (failure.kind === 'rate_limited' && retry < 3) {
          context.rateLimited(failure.retryAfterMs ?? rateLimitFallbackMs);
          await context.beforeCall();
          continue;
        }
        throw new SendFailure('unknown', `part ${i + 1}/${calls.length} failed after earlier parts were delivered (${failure.detail})`, undefined, failure.code);
      }
    }
  }
  return last;
}
