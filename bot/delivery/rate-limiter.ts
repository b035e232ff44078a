/**
 * Outgoing rate limits of one channel in one process:
 * - global: at most `perSecond` sends in any sliding window of 1 s (+ a small
 *   margin, because the platform counts arrivals, which jitter), paced evenly
 *   (one send every window/perSecond ms): a burst of simultaneous requests is
 *   what arrival jitter turns into a 429;
 * - per chat: at least `perChatIntervalMs` between two sends to one chat;
 * - pauses: a 429's retry_after closes the scope it applies to until then.
 * Telegram's 429 does not say whether the global or the chat limit was hit,
 * so the worker pauses both: never early, at worst a second of throughput lost.
 *
 * Sends are booked: `book` reserves a slot at a future instant, so rows
 * claimed a little ahead of their turn are counted at once, and a send
 * booked before a pause waits for the pause's end (`waitFor`).
 * The window is checked twice: on booked slots (pacing) and, at the very
 * moment of each platform call, on the calls' actual start times (`gate`).
 * Between a slot and its call lies a timer that may fire late on a busy
 * machine; when one call is late and a later one is not, booked slots a full
 * window apart turn into calls less than a window apart, and the platform
 * answers 429 (a second of nothing for everyone). The gate narrows that gap:
 * a call never starts within the window of the `perSecond`-th call before it.
 * (It runs before the call is marked as started, so the marking's round trip
 * still lies between the gate and the call: marking after the gate would leave
 * rows written off as UNKNOWN by a crash while they waited in it.)
 * Uses a monotonic clock (not the injectable domain clock): it measures real
 * time between HTTP calls.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RateLimiterOptions {
  perSecond: number;
  /** Added to the 1-second window. Default 25 ms. */
  marginMs?: number;
  /** Default 1000 ms (Telegram: about one message per second per chat). */
  perChatIntervalMs?: number;
  now?: () => number;
}

export class RateLimiter {
  readonly perSecond: number;
  readonly windowMs: number;
  readonly perChatIntervalMs: number;
  /** Even pacing between two sends. */
  readonly minIntervalMs: number;
  readonly #now: () => number;
  readonly #n: number;
  /** Booked send times (past and future), ascending; the last `n` are kept. */
  readonly #times: number[] = [];
  readonly #lastByChat = new Map<string, number>();
  readonly #chatPausedUntil = new Map<string, number>();
  /** Start times of the last `n` platform calls (reserved, then the actual instant), in call order. */
  readonly #calls: { at: number }[] = [];
  #pausedUntil = 0;

  constructor(options: RateLimiterOptions) {
    if (!(options.perSecond > 0)) throw new RangeError('perSecond must be above 0');
    this.perSecond = options.perSecond;
    this.windowMs = 1000 + (options.marginMs ?? 25);
    this.perChatIntervalMs = options.perChatIntervalMs ?? 1000;
    this.minIntervalMs = this.windowMs / this.perSecond;
    this.#n = Math.ceil(this.perSecond);
    this.#now = options.now ?? (() => performance.now());
  }

  now(): number {
    return this.#now();
  }

  /** The earliest instant (limiter clock) a send to this chat — or any send — may start. */
  nextSlot(chatId?: string, now = this.#now()): number {
    let at = Math.max(now, this.#pausedUntil);
    const t = this.#times;
    if (t.length) at = Math.max(at, t[t.length - 1]! + this.minIntervalMs);
    if (t.length >= this.#n) at = Math.max(at, t[t.length - this.#n]! + this.windowMs * (this.#n / this.perSecond));
    if (chatId !== undefined) {
      const last = this.#lastByChat.get(chatId);
      if (last !== undefined) at = Math.max(at, last + this.perChatIntervalMs);
      at = Math.max(at, this.#chatPausedUntil.get(chatId) ?? 0);
    }
    return at;
  }

  /** Milliseconds until any send may go out (0 = now). */
  globalWait(now = this.#now()): number {
    return Math.max(0, this.nextSlot(undefined, now) - now);
  }

  /** Milliseconds until a send to this chat may go out, global limits included. */
  wait(chatId: string, now = this.#now()): number {
    return Math.max(0, this.nextSlot(chatId, now) - now);
  }

  /** Books the earliest slot for this chat and returns it (limiter clock). */
  book(chatId: string, now = this.#now()): number {
    return this.bookAt(chatId, -Infinity, now);
  }

  /** Books a slot given from outside (the shared budget), or later when this chat or a pause asks. */
  bookAt(chatId: string, earliest: number, now = this.#now()): number {
    const at = Math.max(earliest, this.nextSlot(chatId, now));
    this.#times.push(at);
    if (this.#times.length > this.#n) this.#times.splice(0, this.#times.length - this.#n);
    this.#lastByChat.set(chatId, at);
    if (this.#lastByChat.size > 4 * this.#n + 64) this.#prune(now);
    return at;
  }

  /** Waits until a booked slot; if a pause began meanwhile, books again after it. */
  async waitFor(at: number, chatId: string, signal?: AbortSignal): Promise<void> {
    for (let slot = at; ; ) {
      const now = this.#now();
      if (slot > now) {
        await sleep(Math.ceil(slot - now), undefined, signal ? { signal } : undefined);
        continue;
      }
      if (this.#pausedUntil > now || (this.#chatPausedUntil.get(chatId) ?? 0) > now) {
        slot = this.book(chatId, now);
        continue;
      }
      return;
    }
  }

  /**
   * Just before a platform call: waits, if need be, until the call is at
   * least a window after the `perSecond`-th call before it (actual start
   * times, not booked slots), and records it.
   */
  async gate(chatId?: string, signal?: AbortSignal): Promise<void> {
    const c = this.#calls;
    const now = this.#now();
    // A pause (429) that began while the call waited for its slot holds it too: a call in a closed scope is a violation.
    const paused = Math.max(this.#pausedUntil, chatId === undefined ? 0 : (this.#chatPausedUntil.get(chatId) ?? 0));
    // Half the pacing interval at least after the call before: calls that bunched up (a slow round trip, a stalled
    // event loop) go out spread again, so fewer are already on their way when a 429 comes back.
    const spacing = c.length ? c[c.length - 1]!.at + this.minIntervalMs / 2 : 0;
    const entry = { at: Math.max(now, paused, spacing, c.length >= this.#n ? c[c.length - this.#n]!.at + this.windowMs : 0) };
    c.push(entry);
    if (c.length > this.#n) c.splice(0, c.length - this.#n);
    for (;;) {
      const t = this.#now();
      if (entry.at > t) {
        await sleep(Math.ceil(entry.at - t), undefined, signal ? { signal } : undefined);
        continue;
      }
      const until = Math.max(this.#pausedUntil, chatId === undefined ? 0 : (this.#chatPausedUntil.get(chatId) ?? 0));
      if (until <= t) break;
      entry.at = until;
    }
    // A late timer moves the record to when the call really starts, so the calls after it keep their distance.
    entry.at = Math.max(entry.at, this.#now());
  }

  /** A call that went through another limiter (a paid broadcast) but still fills this one's window. */
  noteCall(): void {
    this.#calls.push({ at: this.#now() });
    if (this.#calls.length > this.#n) this.#calls.splice(0, this.#calls.length - this.#n);
  }

  /** Books a slot and waits for it. */
  async acquire(chatId: string, signal?: AbortSignal): Promise<void> {
    await this.waitFor(this.book(chatId), chatId, signal);
  }

  /** A 429: nothing goes out before `ms` have passed (for the chat only, or for everything). */
  pause(ms: number, chatId?: string): void {
    const until = this.#now() + ms;
    if (chatId === undefined) this.#pausedUntil = Math.max(this.#pausedUntil, until);
    else this.#chatPausedUntil.set(chatId, Math.max(this.#chatPausedUntil.get(chatId) ?? 0, until));
  }

  /** Chats that cannot be sent to within `horizonMs` (spacing or pause), so a claim can skip their rows. */
  coolingChats(horizonMs = 0, now = this.#now()): string[] {
    this.#prune(now);
    const out = new Set<string>();
    for (const [chat, at] of this.#lastByChat) if (at + this.perChatIntervalMs > now + horizonMs) out.add(chat);
    for (const [chat, until] of this.#chatPausedUntil) if (until > now + horizonMs) out.add(chat);
    return [...out];
  }

  #prune(now: number): void {
    for (const [chat, at] of this.#lastByChat) if (at + this.perChatIntervalMs <= now) this.#lastByChat.delete(chat);
    for (const [chat, until] of this.#chatPausedUntil) if (until <= now) this.#chatPausedUntil.delete(chat);
  }
}
