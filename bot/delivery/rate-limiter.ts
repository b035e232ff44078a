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
 * The window is checked twice: on booked slots (pacing) and, just before
 * each platform call, on the answers of the calls before it (`gate`).
 * Between a slot and its request's arrival lie a timer that may fire late on
 * a busy machine, the round trip that marks the call as starting and the
 * network: when one call is late and a later one is not, booked slots a full
 * window apart turn into arrivals less than a window apart, and the platform
 * answers 429 (a second of nothing for everyone). A request arrives before
 * its answer comes back, so the gate lets a call start only a window after
 * the answer of the `perSecond`-th call before it: whatever delayed that
 * call, the two cannot arrive within one window.
 * (The gate runs before the call is marked as started, so the marking's round
 * trip lies between the gate and the call, which only makes the call later:
 * marking before the gate would leave rows written off as UNKNOWN by a crash
 * while they waited in it.)
 * Uses a monotonic clock (not the injectable domain clock): it measures real
 * time between HTTP calls.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/** The platform's window: at most `perSecond` calls arrive in any second. */
const PLATFORM_WINDOW_MS = 1000;

/** A platform call: when it started, and when its answer came back (null: not yet). */
interface Call {
  start: number;
  done: number | null;
}

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
  /** Platform calls in start order, kept while unanswered or answered within the last window. */
  readonly #calls: Call[] = [];
  /** Gates waiting for an answer because `n` calls are unanswered. */
  readonly #answered: Array<() => void> = [];
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
   * Just before a platform call: waits, if need be, until the call cannot
   * make the platform see more than `perSecond` calls in one second, and
   * records it. Returns `done`, to be called once the call has its answer (or
   * failed): until then the call counts as arriving at any moment.
   *
   * The bound is on answers, not on start times: a call's request reaches the
   * platform before its answer comes back, so a call that starts 1 s after
   * the answer of the `perSecond`-th most recent call arrives at least 1 s
   * after it, however late that one's request travelled (a slow marking
   * round trip, a late timer, a busy machine). Start times a window apart
   * are not enough: a call that left late and one that left on time arrive
   * less than a second apart, and the platform answers 429 (a second of
   * nothing for everyone).
   */
  async gate(chatId?: string, signal?: AbortSignal): Promise<() => void> {
    const entry: Call = { start: Infinity, done: null };
    for (;;) {
      const t = this.#now();
      const at = Math.max(this.#callBound(t), Math.max(this.#pausedUntil, chatId === undefined ? 0 : (this.#chatPausedUntil.get(chatId) ?? 0)));
      if (at === Infinity) {
        // `perSecond` calls still await their answer: the next answer frees a place.
        await new Promise<void>((resolve) => this.#answered.push(resolve));
        continue;
      }
      if (at > t) {
        await sleep(Math.ceil(at - t), undefined, signal ? { signal } : undefined);
        continue;
      }
      // Checked and recorded in one synchronous step, so two calls woken together never take the same place.
      entry.start = t;
      this.#calls.push(entry);
      return () => this.#answer(entry);
    }
  }

  /** A call that went through another limiter (a paid broadcast) but still fills this one's window. */
  noteCall(): () => void {
    const entry: Call = { start: this.#now(), done: null };
    this.#calls.push(entry);
    return () => this.#answer(entry);
  }

  /** The earliest instant a new call may start as far as the calls already made are concerned. */
  #callBound(now: number): number {
    const c = this.#calls;
    // Calls answered more than a window ago no longer count.
    while (c.length && c[0]!.done !== null && c[0]!.done <= now - PLATFORM_WINDOW_MS) c.shift();
    if (!c.length) return 0;
    // Half the pacing interval at least after the call before: calls that bunched up (a slow round trip, a stalled
    // event loop) go out spread again, so fewer are already on their way when a 429 comes back.
    const spacing = c[c.length - 1]!.start + this.minIntervalMs / 2;
    let pending = 0;
    const answers: number[] = [];
    for (const x of c) {
      if (x.done === null) pending++;
      else if (x.done > now - PLATFORM_WINDOW_MS) answers.push(x.done);
    }
    const free = this.#n - 1 - pending;
    if (free < 0) return Infinity;
    if (answers.length <= free) return spacing;
    answers.sort((a, b) => b - a);
    return Math.max(spacing, answers[free]! + PLATFORM_WINDOW_MS);
  }

  #answer(entry: Call): void {
    if (entry.done !== null) return;
    entry.done = Math.max(this.#now(), entry.start);
    const waiting = this.#answered.splice(0);
    for (const resolve of waiting) resolve();
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
