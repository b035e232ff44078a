/**
 * One channel's pacing in one process over the budget all instances share
 * (domain/delivery/ports.ts SendBudget): rows claimed together get
 * consecutive slots of the shared clock, mapped onto this process's
 * monotonic clock; the local RateLimiter adds the per-chat spacing and the
 * pauses this process learnt of. A 429 pauses everyone: this process at once,
 * the others when they next mark a call as starting (that statement refuses
 * while the channel is paused, and says for how long).
 * Paid broadcasts (Telegram's allow_paid_broadcast, an emergency opt-in) book
 * on the budget's second, faster clock; they count against the platform's
 * window like any send, so free sends wait a window after the last of them.
 */
import type { ClaimedDelivery, SendBudget } from '../../domain/delivery/ports.ts';
import type { SendChannel } from '../../domain/delivery/types.ts';
import type { Clock } from '../../domain/shared/clock.ts';
import type { Logger } from '../logger.ts';
import type { RateLimiter } from './rate-limiter.ts';

/** How long a sending turn lasts unless renewed: also how long a dead holder's channel stays silent. */
const HOLD_MS = 1000;
/** The worker renews a turn it holds this often. */
export const RENEW_EVERY_MS = HOLD_MS / 4;

export class SharedPacer {
  constructor(
    readonly channel: SendChannel,
    readonly limiter: RateLimiter,
    private readonly budget: SendBudget,
    private readonly log: Logger,
    /** Telegram's paid broadcasts (allow_paid_broadcast): their own faster limiter, when enabled. */
    readonly paidLimiter?: RateLimiter,
  ) {}

  /** The best estimate so far of (database clock − limiter clock), and how far it may be off. */
  #offset: { ms: number; error: number; at: number } | null = null;

  /** `count` freshly booked shared slots, in the (paid) limiter's clock. */
  async book(count: number, paid = false): Promise<number[]> {
    const lim = paid && this.paidLimiter ? this.paidLimiter : this.limiter;
    const iv = lim.minIntervalMs;
    const t0 = lim.now();
    const { firstMs, nowMs } = lim === this.limiter ? await this.budget.book(this.channel, count, iv, this.paidLimiter ? this.limiter.windowMs : 0) : await this.budget.bookPaid(this.channel, count, iv);
    const base = firstMs - this.#clockOffset(nowMs, t0, lim.now());
    return Array.from({ length: count }, (_, i) => base + i * iv);
  }

  /**
   * Maps the database clock onto this process's clock. Reading the answer
   * "now" late by the round trip would shift every slot by that much, and the
   * round trip varies (a loaded machine, the budget row's lock): slots of two
   * instances would then crowd together and the platform answer 429. So the
   * offset comes from the fastest round trip seen (as NTP does), its
   * uncertainty growing slowly with age so that a better sample replaces it.
   */
  #clockOffset(dbNowMs: number, t0: number, t1: number): number {
    const sample = { ms: dbNowMs - (t0 + t1) / 2, error: (t1 - t0) / 2, at: t1 };
    const aged = this.#offset ? this.#offset.error + (t1 - this.#offset.at) / 10_000 : Infinity;
    if (sample.error <= aged) this.#offset = sample;
    return this.#offset!.ms;
  }

  /** A slot for a later part of a reply (long texts, files): shared like the first. */
  async acquire(chatId: string, paid = false): Promise<void> {
    const lim = paid && this.paidLimiter ? this.paidLimiter : this.limiter;
    const [slot] = await this.book(1, paid);
    await lim.waitFor(lim.bookAt(chatId, slot!), chatId);
  }

  /** Until when (limiter clock) this process's sending turn surely lasts. */
  #heldUntil = -Infinity;

  /**
   * 0 when this process holds the channel's sending turn (taken or renewed
   * by the worker's timer, or here when little of it is left), else how long to wait before asking again.
   * One instance sends at a time: the call gate of one process sees every
   * call and its answer, which start times booked across processes cannot
   * give (one instance's late call and another's on-time one arrive within a
   * window). A dead holder's turn passes to a live instance after HOLD_MS.
   */
  async holdWait(holder: string): Promise<number> {
    const t0 = this.limiter.now();
    if (t0 < this.#heldUntil - HOLD_MS / 4) return 0;
    const r = await this.budget.hold(this.channel, holder, HOLD_MS);
    if (r.held) {
      // Counted from before the statement: the database's turn began later, so it lasts at least this long.
      this.#heldUntil = t0 + HOLD_MS;
      return 0;
    }
    this.#heldUntil = -Infinity;
    return Math.max(20, r.waitMs);
  }

  /**
   * While this process holds the turn, renews it (every quarter of it, from
   * the worker's timer), so a pump busy with a slow claim or waiting for its
   * sends never lets it lapse to another instance mid-notice; a lapse would
   * put two processes' calls in one window again.
   */
  async renew(holder: string): Promise<void> {
    const t0 = this.limiter.now();
    if (t0 >= this.#heldUntil) return;
    const r = await this.budget.hold(this.channel, holder, HOLD_MS);
    this.#heldUntil = r.held ? t0 + HOLD_MS : -Infinity;
  }

  /** A clean stop: the turn goes to another instance at once. */
  async release(holder: string): Promise<void> {
    this.#heldUntil = -Infinity;
    await this.budget.release(this.channel, holder);
  }

  /** A 429's retry_after: for this process now, for every instance through the database. */
  pause(ms: number, chatId?: string): void {
    for (const lim of this.paidLimiter ? [this.limiter, this.paidLimiter] : [this.limiter]) {
      lim.pause(ms);
      if (chatId !== undefined) lim.pause(ms, chatId);
    }
    this.budget.pause(this.channel, ms).catch((err: unknown) => this.log.error({ channel: this.channel, err: String(err) }, 'sharing a rate-limit pause failed'));
  }

  /**
   * Records that the call starts. While another instance's 429 pause lasts,
   * waits it out and takes a new shared slot first. False: the row is no
   * longer ours (its lease expired), so the call must not be made.
   */
  async markCalling(row: ClaimedDelivery, lockedBy: string, clock: Clock, leaseMs: number, paid = false): Promise<boolean> {
    for (;;) {
      const now = clock.now();
      const r = await this.budget.markCalling(this.channel, row.id, lockedBy, now, new Date(now.getTime() + leaseMs));
      if (r.marked) return true;
      if (r.pausedMs <= 0) return false;
      this.limiter.pause(r.pausedMs);
      this.paidLimiter?.pause(r.pausedMs);
      await this.acquire(row.chatId, paid);
    }
  }
}
