/**
 * The delivery worker: claims due rows (FOR UPDATE SKIP LOCKED, so any number
 * of instances share the queue), sends them within each channel's rate
 * limits, and records every outcome. Per channel, a pump claims only as many
 * rows as may be sent right now, so a crash leaves at most the rows in flight
 * in doubt; the sweeper settles those: a row whose platform call had not
 * started is queued again; one whose call started is UNKNOWN for a
 * broadcast (never re-sent) and queued again for reminders and digests.
 *
 * Order of a send: claim (row SENDING, attempts + 1) → rate permit →
 * call gate (a window after the answer of the rate's worth of calls before) → callStartedAt written → platform call → SENT / retry later / fallback to the person's other account /
 * BLOCKED / FAILED / UNKNOWN. A 429 pauses the channel and the chat for its
 * retry_after and does not count as an attempt.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Choice, OutFile, Reply } from '../../domain/chat/reply.ts';
import { decideAfterFailure, isWithinWindow, nextWindowStart, type SendWindow } from '../../domain/delivery/policy.ts';
import { DELIVERY_ID_TOKEN, SEND_CHANNELS, type SendChannel } from '../../domain/delivery/types.ts';
import type { Clock } from '../../domain/shared/clock.ts';
import type { ClaimedDelivery, DeliveryQueue, SendBudget } from '../../domain/delivery/ports.ts';
import type { Logger } from '../logger.ts';
import { RENEW_EVERY_MS, SharedPacer } from './pacer.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { SendFailure, type SendContext, type Sender } from './sender.ts';

/** Rows are claimed at most about this long before their send slot (so a crash leaves few rows in doubt). */
const CLAIM_AHEAD_MS = 25;
/**
 * With the shared budget, batches are booked further ahead, so a slow claim
 * round trip does not leave the bound unused; a dead instance loses at most
 * this much of the budget, once.
 */
const SHARED_AHEAD_MS = 300;

export interface WorkerSettings {
  /** Sends in flight per channel. */
  concurrency: number;
  /** Attempts (transient failures, unknown outcomes of reminders) before FAILED. */
  maxAttempts: number;
  /** How long a claimed row stays locked; longer than any one send. */
  leaseMs: number;
  /** Idle poll when nothing is due. */
  pollMs: number;
  sweepEveryMs: number;
  /** How often broadcast progress is checked. */
  monitorEveryMs: number;
  /** A row whose chat must wait longer than this goes back to the queue instead of holding a slot. */
  maxChatWaitMs: number;
  /**
   * Quiet time after start(): a restarted process does not know what its
   * predecessor sent in the last second, and the platform still counts it.
   */
  warmUpMs: number;
}

export const DEFAULT_WORKER_SETTINGS: WorkerSettings = {
  concurrency: 8,
  maxAttempts: 5,
  leaseMs: 60_000,
  pollMs: 1000,
  sweepEveryMs: 5000,
  monitorEveryMs: 3000,
  maxChatWaitMs: 2000,
  warmUpMs: 1100,
};

export interface BroadcastMonitor {
  monitor(now: Date): Promise<unknown>;
}

export interface DeliveryWorkerOptions {
  /** The queue (PrismaDeliveryStore). */
  store: DeliveryQueue;
  senders: Partial<Record<SendChannel, Sender>>;
  limiters: Partial<Record<SendChannel, RateLimiter>>;
  /**
   * Telegram's paid broadcasts (TELEGRAM_PAID_BROADCAST): the limiter for rows
   * whose payload asks for them (an urgent notice). Without it such rows are
   * sent like any other, at the free rate and without the flag.
   */
  paidLimiters?: Partial<Record<SendChannel, RateLimiter>>;
  /** The send budget shared by every instance (the limiters' rate is then the global rate). */
  budget?: SendBudget;
  window: SendWindow;
  clock: Clock;
  log: Logger;
  instanceId: string;
  settings?: Partial<WorkerSettings>;
  /** Broadcast progress and final tallies (PrismaBroadcastStore). */
  monitor?: BroadcastMonitor;
  /** Channels without buttons: choices go into the chat's Conversation. Default ['ZALO']. */
  textChannels?: SendChannel[];
}

export interface WorkerStats {
  claimed: number;
  sent: number;
  rateLimited: number;
  fallbacks: number;
  failures: Record<string, number>;
  swept: { unknown: number; retried: number; failed: number };
}

export class DeliveryWorker {
  /** Unique per worker object, so a restarted instance never mistakes an old lock for its own. */
  readonly lockedBy: string;
  readonly settings: WorkerSettings;
  readonly #o: DeliveryWorkerOptions;
  readonly #channels: SendChannel[];
  readonly #inFlight = new Map<SendChannel, Set<Promise<void>>>();
  /** Rows in flight still waiting for their booked slot: they do not count against `concurrency`. */
  readonly #waitingForSlot = new Map<SendChannel, number>();
  readonly #pacers = new Map<SendChannel, SharedPacer>();
  readonly #attachments = new Map<number, Uint8Array | null>();
  #running = false;
  #loops: Promise<void>[] = [];
  #wake = new AbortController();
  #claimedThisRound = 0;
  readonly #stats: WorkerStats = { claimed: 0, sent: 0, rateLimited: 0, fallbacks: 0, failures: {}, swept: { unknown: 0, retried: 0, failed: 0 } };

  constructor(options: DeliveryWorkerOptions) {
    this.#o = options;
    this.settings = { ...DEFAULT_WORKER_SETTINGS, ...options.settings };
    this.lockedBy = `${options.instanceId}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.#channels = SEND_CHANNELS.filter((c) => options.senders[c] && options.limiters[c]);
    for (const c of this.#channels) this.#inFlight.set(c, new Set());
    for (const c of this.#channels) this.#waitingForSlot.set(c, 0);
    if (options.budget) for (const c of this.#channels) this.#pacers.set(c, new SharedPacer(c, options.limiters[c]!, options.budget, options.log, options.paidLimiters?.[c]));
  }

  get channels(): SendChannel[] {
    return [...this.#channels];
  }

  stats(): WorkerStats {
    return structuredClone(this.#stats);
  }

  /** Runs until stop(): one pump per channel, the sweeper, the broadcast monitor. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    // With the shared budget a restarted process books after what its predecessor booked: no warm-up needed.
    if (this.settings.warmUpMs > 0 && !this.#pacers.size) for (const c of this.#channels) this.#o.limiters[c]!.pause(this.settings.warmUpMs);
    this.#loops = [
      ...this.#channels.map((c) => this.#pump(c, false)),
      this.#every(this.settings.sweepEveryMs, () => this.sweep()),
      ...(this.#o.monitor ? [this.#every(this.settings.monitorEveryMs, () => this.#o.monitor!.monitor(this.#o.clock.now()))] : []),
      ...[...this.#pacers.values()].map((p) => this.#every(RENEW_EVERY_MS, () => p.renew(this.lockedBy))),
    ];
    this.#o.log.info({ instance: this.lockedBy, channels: this.#channels }, 'delivery worker started');
  }

  /** Stops claiming, lets the sends in flight finish and record their outcome. */
  async stop(): Promise<void> {
    if (!this.#running) return;
    this.#running = false;
    this.#wake.abort();
    await Promise.allSettled(this.#loops);
    await this.#settle();
    await this.#releaseTurns();
    this.#wake = new AbortController();
    this.#o.log.info({ instance: this.lockedBy, stats: this.#stats }, 'delivery worker stopped');
  }

  /**
   * Sends everything due now, then returns (tests with a fake clock). Rows a
   * fallback moves to another channel are picked up in the same call.
   */
  async runUntilIdle(): Promise<void> {
    if (this.#running) throw new Error('runUntilIdle: the worker is running');
    this.#running = true;
    try {
      await this.sweep();
      for (let round = 0; round < 100; round++) {
        this.#claimedThisRound = 0;
        await Promise.all(this.#channels.map((c) => this.#pump(c, true)));
        await this.#settle();
        if (this.#o.monitor) await this.#o.monitor.monitor(this.#o.clock.now());
        if (this.#claimedThisRound === 0) break;
      }
    } finally {
      this.#running = false;
      await this.#releaseTurns();
    }
  }

  /** Gives up the channels' sending turns, so another instance takes over at once. */
  async #releaseTurns(): Promise<void> {
    for (const pacer of this.#pacers.values()) {
      try {
        await pacer.release(this.lockedBy);
      } catch (err) {
        this.#o.log.error({ channel: pacer.channel, err: errFields(err) }, 'giving up the sending turn failed');
      }
    }
  }

  /** Settles rows whose lock expired (their instance died mid-call). */
  async sweep(): Promise<void> {
    const r = await this.#o.store.sweep(this.#o.clock.now(), this.settings.maxAttempts);
    this.#stats.swept.unknown += r.unknown;
    this.#stats.swept.retried += r.retried;
    this.#stats.swept.failed += r.failed;
    if (r.unknown || r.retried || r.failed) this.#o.log.warn(r, 'expired delivery locks settled');
  }

  async #pump(channel: SendChannel, untilIdle: boolean): Promise<void> {
    const limiter = this.#o.limiters[channel]!;
    const paidLimiter = this.#o.paidLimiters?.[channel];
    const pacer = this.#pacers.get(channel);
    const aheadMs = pacer ? SHARED_AHEAD_MS : CLAIM_AHEAD_MS;
    const inFlight = this.#inFlight.get(channel)!;
    const { concurrency, pollMs, leaseMs } = this.settings;
    // Sends under way: rows claimed ahead and waiting for their slot are bounded by the claim-ahead time instead.
    const busy = () => inFlight.size - this.#waitingForSlot.get(channel)!;
    // While paid rows come, batches are sized for the paid rate.
    let paidMode = false;
    while (this.#running) {
      const now = this.#o.clock.now();
      if (!isWithinWindow(now, this.#o.window)) {
        if (untilIdle) return;
        await this.#idle(Math.min(60_000, Math.max(pollMs, nextWindowStart(now, this.#o.window).getTime() - now.getTime())));
        continue;
      }
      if (busy() >= concurrency) {
        await Promise.race(inFlight);
        continue;
      }
      // One instance sends on a channel at a time (see SharedPacer.holdWait); the others wait for its turn to end.
      if (pacer) {
        let holdWait: number;
        try {
          holdWait = await pacer.holdWait(this.lockedBy);
        } catch (err) {
          this.#o.log.error({ channel, err: errFields(err) }, 'taking the sending turn failed');
          if (untilIdle) return;
          await this.#idle(pollMs);
          continue;
        }
        if (holdWait > 0) {
          if (inFlight.size > 0) await Promise.race([...inFlight, sleep(holdWait)]);
          else await this.#idle(Math.min(holdWait, pollMs));
          continue;
        }
      }
      // Claim a little ahead of the next slot, so the claim's round trip overlaps the pacing gap;
      // each claimed row books its slot at once, so the rows in doubt after a crash stay few.
      // While paid rows come, the paid clock paces the claims: its booked slots say how far ahead this process is.
      const pacing = paidMode && paidLimiter ? paidLimiter : limiter;
      const wait = pacing.globalWait();
      if (wait > aheadMs) {
        // A long 429 pause: nothing is due now as far as runUntilIdle is concerned.
        if (untilIdle && wait > this.settings.maxChatWaitMs && inFlight.size === 0) return;
        await this.#idle(wait - aheadMs);
        continue;
      }
      const ahead = Math.floor((aheadMs - wait) / pacing.minIntervalMs) + 1;
      // Paid rows (up to 1,000/s) are claimed a claim-ahead time's worth at once: `concurrency` at a time made a
      // claim and a booking round trip per 8 messages.
      // Rows waiting for their slot are not sends in flight; a crash queues them again (their call had not started).
      const limit = paidMode && paidLimiter ? ahead : Math.min(concurrency - busy(), ahead);
      let rows: ClaimedDelivery[];
      try {
        rows = await this.#o.store.claim({ channel, limit, now: this.#o.clock.now(), lockedBy: this.lockedBy, leaseMs, excludeChats: [...limiter.coolingChats(aheadMs), ...(paidLimiter?.coolingChats(aheadMs) ?? [])] });
      } catch (err) {
        this.#o.log.error({ channel, err: errFields(err) }, 'claiming deliveries failed');
        if (untilIdle) return;
        await this.#idle(pollMs);
        continue;
      }
      if (rows.length === 0) {
        // The paid rows are all claimed: the next claim is sized for the free rate again.
        paidMode = false;
        if (inFlight.size > 0) {
          await Promise.race(inFlight);
          continue;
        }
        if (untilIdle) return;
        await this.#idle(pollMs);
        continue;
      }
      this.#stats.claimed += rows.length;
      this.#claimedThisRound += rows.length;
      // Paid rows (an urgent notice, the setting on) book on the paid clock and go through the paid limiter.
      const paid = new Set(paidLimiter ? rows.filter((r) => r.payload?.paid === true && !r.unreachable) : []);
      paidMode = paid.size > 0;
      const slots = new Map<ClaimedDelivery, number>();
      if (pacer && rows.length) {
        try {
          for (const group of [rows.filter((r) => !paid.has(r)), rows.filter((r) => paid.has(r))]) {
            if (!group.length) continue;
            const booked = await pacer.book(group.length, paid.has(group[0]!));
            group.forEach((r, i) => slots.set(r, booked[i]!));
          }
        } catch (err) {
          this.#o.log.error({ channel, err: errFields(err) }, 'booking shared send slots failed');
          await Promise.all(rows.map((row) => this.#release(row, pollMs)));
          continue;
        }
      }
      for (const row of rows) {
        let task: Promise<void>;
        const lim = paid.has(row) ? paidLimiter! : limiter;
        const now = lim.now();
        const chatWait = lim.nextSlot(row.chatId, now) - now;
        if (row.unreachable) task = this.#process(row, lim, null);
        else if (chatWait > this.settings.maxChatWaitMs) task = this.#release(row, chatWait);
        else task = this.#process(row, lim, lim.bookAt(row.chatId, slots.get(row) ?? -Infinity, now), paid.has(row));
        const p: Promise<void> = task.finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
    }
  }

  /** The chat must wait long (a 429 pause): back to the queue, no attempt counted, no call made. */
  async #release(row: ClaimedDelivery, waitMs: number): Promise<void> {
    try {
      await this.#o.store.retry(row.id, this.lockedBy, { notBefore: new Date(this.#o.clock.now().getTime() + waitMs), error: 'waiting for the chat rate limit', countsAsAttempt: false });
    } catch (err) {
      this.#o.log.error({ delivery: row.id, err: errFields(err) }, 'releasing a delivery failed');
    }
  }

  async #process(row: ClaimedDelivery, limiter: RateLimiter, slot: number | null, paid = false): Promise<void> {
    const { store, clock } = this.#o;
    const pacer = this.#pacers.get(row.channel);
    const log = this.#o.log.child({ delivery: row.id, kind: row.kind, channel: row.channel });
    // Counted at once (no await before), so the pump sees it when it claims next.
    let waiting = !(row.unreachable || slot === null);
    const slotCame = () => {
      if (waiting) this.#waitingForSlot.set(row.channel, this.#waitingForSlot.get(row.channel)! - 1);
      waiting = false;
    };
    if (waiting) this.#waitingForSlot.set(row.channel, this.#waitingForSlot.get(row.channel)! + 1);
    try {
      if (row.unreachable || slot === null) {
        await this.#failed(row, new SendFailure('blocked', 'account marked unreachable earlier'), log);
        return;
      }
      let reply: { send: Reply; choices: Choice[] };
      try {
        reply = await this.#reply(row);
      } catch (err) {
        await store.finish(row.id, this.lockedBy, 'FAILED', `payload: ${errFields(err).message}`);
        log.error({ err: errFields(err) }, 'delivery payload unreadable');
        return;
      }
      await limiter.waitFor(slot, row.chatId);
      slotCame();
      const sender = this.#o.senders[row.channel]!;
      // The call passed by the gate and not yet answered: the limiter counts it as arriving at any moment until then.
      let answered: (() => void) | null = null;
      const answer = () => {
        answered?.();
        answered = null;
      };
      const context: SendContext = {
        // Recorded just before the call: a crash from here on leaves the outcome unknown; before it, the row is simply queued again.
        beforeFirstCall: async () => {
          // Calls bunched by late timers go out a window apart again; before the marking, so a crash never leaves
          // a row marked as called while it waits here.
          answered = await this.#gate(row.channel, limiter, row.chatId);
          const marked = pacer
            ? await pacer.markCalling(row, this.lockedBy, clock, this.settings.leaseMs, paid)
            : await store.markCalling(row.id, this.lockedBy, clock.now(), new Date(clock.now().getTime() + this.settings.leaseMs));
          if (!marked) throw new NotOurs();
        },
        beforeCall: async () => {
          await store.extendLease(row.id, this.lockedBy, new Date(clock.now().getTime() + this.settings.leaseMs));
          await (pacer ? pacer.acquire(row.chatId, paid) : limiter.acquire(row.chatId));
          answered = await this.#gate(row.channel, limiter, row.chatId);
        },
        rateLimited: (ms) => {
          this.#stats.rateLimited++;
          this.#pause(row, ms);
        },
        afterCall: answer,
      };
      let messageId: string;
      try {
        messageId = (await sender.send({ channel: row.channel, chatId: row.chatId, locale: row.locale === 'en' ? 'en' : 'vi', ...(paid ? { paid: true } : {}) }, reply.send, context).finally(answer)).messageId;
      } catch (err) {
        if (err instanceof NotOurs) {
          log.warn({}, 'the row was taken back before its call (lease expired): not sent');
          return;
        }
        await this.#failed(row, err instanceof SendFailure ? err : new SendFailure('unknown', errFields(err).message), log);
        return;
      }
      this.#stats.sent++;
      if (!(await store.markSent(row.id, this.lockedBy, messageId, clock.now()))) log.warn({}, 'sent, but the row was no longer ours to record');
      if (reply.choices.length && (this.#o.textChannels ?? ['ZALO']).includes(row.channel)) {
        await store.writeChoices(row.channel, row.chatId, reply.choices, clock.now());
      }
    } catch (err) {
      // The database failed around a send: the row stays SENDING and the sweeper settles it.
      log.error({ err: errFields(err) }, 'recording a delivery failed');
    } finally {
      slotCame();
    }
  }

  async #failed(row: ClaimedDelivery, failure: SendFailure, log: Logger): Promise<void> {
    const { store, clock } = this.#o;
    const now = clock.now();
    this.#stats.failures[failure.kind] = (this.#stats.failures[failure.kind] ?? 0) + 1;
    if (failure.kind === 'rate_limited') {
      this.#stats.rateLimited++;
      this.#pause(row, failure.retryAfterMs ?? 1000);
    }
    const decision = decideAfterFailure({ kind: row.kind, failure: failure.kind, attempts: row.attempts, maxAttempts: this.settings.maxAttempts, now, retryAfterMs: failure.retryAfterMs });
    switch (decision.action) {
      case 'retry':
        await store.retry(row.id, this.lockedBy, { notBefore: decision.notBefore, error: failure.detail, countsAsAttempt: decision.countsAsAttempt });
        break;
      case 'fallback': {
        if (row.identityId !== null) await store.markUnreachable(row.identityId, now);
        const moved = await store.fallback(row, this.lockedBy, now, failure.detail);
        if (moved.moved) this.#stats.fallbacks++;
        log.info({ moved: moved.moved, to: moved.moved ? moved.channel : null, detail: failure.detail }, moved.moved ? 'account unreachable: trying the other one' : 'unreachable on every account');
        break;
      }
      case 'final':
        await store.finish(row.id, this.lockedBy, decision.state, failure.detail);
        log.warn({ state: decision.state, failure: failure.kind, detail: failure.detail }, 'delivery settled without a send');
        break;
    }
  }

  /** A 429 closes the channel and the chat for retry_after: every instance's, with the shared budget. */
  #pause(row: ClaimedDelivery, ms: number): void {
    const pacer = this.#pacers.get(row.channel);
    if (pacer) return pacer.pause(ms, row.chatId);
    for (const limiter of [this.#o.limiters[row.channel], this.#o.paidLimiters?.[row.channel]]) {
      limiter?.pause(ms);
      limiter?.pause(ms, row.chatId);
    }
  }

  /** The call gate of the limiter the row goes through; a paid call also counts in the free limiter's window. */
  async #gate(channel: SendChannel, limiter: RateLimiter, chatId: string): Promise<() => void> {
    const answered = await limiter.gate(chatId);
    const free = this.#o.limiters[channel]!;
    if (free === limiter) return answered;
    const alsoFree = free.noteCall();
    return () => {
      answered();
      alsoFree();
    };
  }

  /** The stored Reply for this recipient: delivery id filled in, files loaded, text-channel wording. */
  async #reply(row: ClaimedDelivery): Promise<{ send: Reply; choices: Choice[] }> {
    const p = row.payload;
    if (!p || p.v !== 1 || !Array.isArray(p.reply?.lines)) throw new Error('not a v1 delivery payload');
    const id = String(row.id);
    const choices = (p.reply.choices ?? []).map((c) => ({ ...c, id: c.id.split(DELIVERY_ID_TOKEN).join(id) }));
    const files: OutFile[] = [];
    for (const f of p.reply.files ?? []) {
      const data = 'base64' in f ? Buffer.from(f.base64, 'base64') : await this.#attachment(row.broadcastId);
      if (!data) throw new Error('the broadcast attachment is missing');
      files.push({ kind: f.kind, fileName: f.fileName, mime: f.mime, data, ...(f.caption ? { caption: f.caption } : {}) });
    }
    const text = (this.#o.textChannels ?? ['ZALO']).includes(row.channel) ? p.textChannel : undefined;
    const lines = [...p.reply.lines, ...(text?.append ?? [])];
    const shown = text?.hideChoices ? [] : choices;
    return { send: { lines, ...(shown.length ? { choices: shown } : {}), ...(files.length ? { files } : {}) }, choices };
  }

  async #attachment(broadcastId: number | null): Promise<Uint8Array | null> {
    if (broadcastId === null) return null;
    if (!this.#attachments.has(broadcastId)) {
      const a = await this.#o.store.broadcastAttachment(broadcastId);
      if (this.#attachments.size > 8) this.#attachments.delete(this.#attachments.keys().next().value!);
      this.#attachments.set(broadcastId, a ? Buffer.from(a.base64, 'base64') : null);
    }
    return this.#attachments.get(broadcastId) ?? null;
  }

  async #settle(): Promise<void> {
    for (;;) {
      const all = [...this.#inFlight.values()].flatMap((s) => [...s]);
      if (!all.length) return;
      await Promise.allSettled(all);
    }
  }

  async #every(ms: number, fn: () => Promise<unknown>): Promise<void> {
    while (this.#running) {
      await this.#idle(ms);
      if (!this.#running) return;
      try {
        await fn();
      } catch (err) {
        this.#o.log.error({ err: errFields(err) }, 'periodic delivery task failed');
      }
    }
  }

  async #idle(ms: number): Promise<void> {
    try {
      await sleep(Math.max(1, Math.ceil(ms)), undefined, { signal: this.#wake.signal });
    } catch {
      // woken by stop()
    }
  }
}

/** markCalling found the row no longer ours: the call is not made. */
class NotOurs extends Error {}

function errFields(err: unknown): { name: string; message: string } {
  return err instanceof Error ? { name: err.name, message: err.message.slice(0, 300) } : { name: 'Error', message: String(err) };
}
