/**
 * Telegram's flood control as a test oracle. Two scopes:
 *
 * - global: at most `globalPerSecond` send-type calls in any sliding 1-second window
 *   (`paidPerSecond` for a call made with allow_paid_broadcast; the window counts both kinds);
 * - per chat: a token bucket refilled at `perChatPerSecond`, holding
 *   `perChatBurst` tokens (default 3), so a short multi-part reply passes
 *   while a steady stream above the rate is refused. Telegram documents the
 *   limit as "about one message per second per chat, short bursts allowed".
 *
 * A refusal is a 429 with `retry_after` N ≥ 1 seconds, and closes the scope
 * until N seconds have passed. Any send in a closed scope is refused again
 * and counted as a *violation*: the client did not wait as it was told.
 * Injected 429s (`failNext`) close their scope the same way, so a client's
 * retry logic can be checked without really exceeding a limit.
 */

export interface RateLimiterOptions {
  enforce: boolean;
  globalPerSecond: number;
  /** The global limit for calls flagged allow_paid_broadcast (Telegram: 1,000). */
  paidPerSecond?: number;
  perChatPerSecond: number;
  perChatBurst: number;
  /** Monotonic milliseconds. */
  now: () => number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfter: number; violation: boolean };

export interface RateStats {
  /** Send-type calls that succeeded. */
  sent: number;
  /** 429 answers given to send-type calls (limits, violations and injected ones). */
  rejected429: number;
  /** Sends that arrived in a scope before its retry_after had elapsed. */
  violations: number;
  /** Most successful sends seen in any sliding 1-second window. */
  maxPerSecond: number;
}

const GLOBAL = 'global';

export class RateLimiter {
  private readonly closedUntil = new Map<string, number>();
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  /** Times of sends that passed the global check, for the sliding window. */
  private readonly window: number[] = [];
  /** Times of successful sends, for maxPerSecond. */
  private readonly sentTimes: number[] = [];
  private counters: RateStats = { sent: 0, rejected429: 0, violations: 0, maxPerSecond: 0 };

  constructor(private readonly options: RateLimiterOptions) {}

  /** Decides whether a send to `chatKey` may go through now, and reserves capacity if so. */
  admit(chatKey: string | undefined, paid = false): RateDecision {
    const now = this.options.now();
    for (const scope of chatKey === undefined ? [GLOBAL] : [GLOBAL, chatScope(chatKey)]) {
      const until = this.closedUntil.get(scope);
      if (until !== undefined && now < until) {
        this.counters.violations++;
        this.counters.rejected429++;
        return { ok: false, retryAfter: Math.max(1, Math.ceil((until - now) / 1000)), violation: true };
      }
    }
    if (!this.options.enforce) return { ok: true };

    prune(this.window, now);
    if (this.window.length >= (paid ? (this.options.paidPerSecond ?? this.options.globalPerSecond) : this.options.globalPerSecond)) {
      const retryAfter = Math.max(1, Math.ceil((this.window[0]! + 1000 - now) / 1000));
      return this.refuse(GLOBAL, now, retryAfter);
    }
    if (chatKey !== undefined) {
      const rate = this.options.perChatPerSecond;
      const capacity = Math.max(this.options.perChatBurst, rate);
      const scope = chatScope(chatKey);
      const bucket = this.buckets.get(scope) ?? { tokens: capacity, at: now };
      bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * rate);
      bucket.at = now;
      this.buckets.set(scope, bucket);
      if (bucket.tokens < 1) {
        return this.refuse(scope, now, Math.max(1, Math.ceil((1 - bucket.tokens) / rate)));
      }
      bucket.tokens -= 1;
    }
    this.window.push(now);
    return { ok: true };
  }

  /** Records an injected 429 so that early retries count as violations. */
  noteInjected429(chatKey: string | undefined, retryAfter: number | undefined): void {
    this.counters.rejected429++;
    if (retryAfter === undefined) return;
    const scope = chatKey === undefined ? GLOBAL : chatScope(chatKey);
    this.closedUntil.set(scope, this.options.now() + retryAfter * 1000);
  }

  /** Records a send that went through. */
  noteSent(): void {
    const now = this.options.now();
    this.counters.sent++;
    prune(this.sentTimes, now);
    this.sentTimes.push(now);
    this.counters.maxPerSecond = Math.max(this.counters.maxPerSecond, this.sentTimes.length);
  }

  stats(): RateStats {
    return { ...this.counters };
  }

  reset(): void {
    this.closedUntil.clear();
    this.buckets.clear();
    this.window.length = 0;
    this.sentTimes.length = 0;
    this.counters = { sent: 0, rejected429: 0, violations: 0, maxPerSecond: 0 };
  }

  private refuse(scope: string, now: number, retryAfter: number): RateDecision {
    this.counters.rejected429++;
    this.closedUntil.set(scope, now + retryAfter * 1000);
    return { ok: false, retryAfter, violation: false };
  }
}

const chatScope = (chatKey: string) => `chat:${chatKey}`;

function prune(times: number[], now: number): void {
  while (times.length > 0 && times[0]! <= now - 1000) times.shift();
}
