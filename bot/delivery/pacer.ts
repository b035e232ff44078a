/**
 * One channel's pacing in one process over the budget all instances share
 * (domain/delivery/ports.ts SendBudget): rows claimed together get
 * consecutive slots of the shared clock, mapped onto this process's
 * monotonic clock; the local RateLimiter adds the per-chat spacing and the
 * pauses this process learnt of. A 429 pauses everyone: this process at once,
 * the others when they next mark a call as starting (that statement refuses
 * while the channel is paused, and says for how long).
 */
import type { ClaimedDelivery, SendBudget } from '../../domain/delivery/ports.ts';
import type { SendChannel } from '../../domain/delivery/types.ts';
import type { Clock } from '../../domain/shared/clock.ts';
import type { Logger } from '../logger.ts';
import type { RateLimiter } from './rate-limiter.ts';

export class SharedPacer {
  constructor(
    readonly channel: SendChannel,
    readonly limiter: RateLimiter,
    private readonly budget: SendBudget,
    private readonly log: Logger,
  ) {}

  /** `count` freshly booked shared slots, in the limiter's clock. */
  async book(count: number): Promise<number[]> {
    const iv = this.limiter.minIntervalMs;
    const { firstMs, nowMs } = await this.budget.book(this.channel, count, iv);
    const base = this.limiter.now() + (firstMs - nowMs);
    return Array.from({ length: count }, (_, i) => base + i * iv);
  }

  /** A slot for a later part of a reply (long texts, files): shared like the first. */
  async acquire(chatId: string): Promise<void> {
    const [slot] = await this.book(1);
    await this.limiter.waitFor(this.limiter.bookAt(chatId, slot!), chatId);
  }

  /** A 429's retry_after: for this process now, for every instance through the database. */
  pause(ms: number, chatId?: string): void {
    this.limiter.pause(ms);
    if (chatId !== undefined) this.limiter.pause(ms, chatId);
    this.budget.pause(this.channel, ms).catch((err: unknown) => this.log.error({ channel: this.channel, err: String(err) }, 'sharing a rate-limit pause failed'));
  }

  /**
   * Records that the call starts. While another instance's 429 pause lasts,
   * waits it out and takes a new shared slot first. False: the row is no
   * longer ours (its lease expired), so the call must not be made.
   */
  async markCalling(row: ClaimedDelivery, lockedBy: string, clock: Clock, leaseMs: number): Promise<boolean> {
    for (;;) {
      const now = clock.now();
      const r = await this.budget.markCalling(this.channel, row.id, lockedBy, now, new Date(now.getTime() + leaseMs));
      if (r.marked) return true;
      if (r.pausedMs <= 0) return false;
      this.limiter.pause(r.pausedMs);
      await this.acquire(row.chatId);
    }
  }
}
