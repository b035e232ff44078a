/**
 * What the delivery worker needs from storage (implemented on Prisma in
 * prisma/stores/delivery-store.ts). Every write after a claim names the
 * claimer (`lockedBy`), so only the instance holding a row records its outcome.
 */
import type { Choice } from '../chat/reply.ts';
import type { DeliveryKind, DeliveryPayload, PlannedDelivery, SendChannel } from './types.ts';

/** A row a worker holds (state SENDING, locked by it). */
export interface ClaimedDelivery {
  id: number;
  kind: DeliveryKind;
  dedupeKey: string;
  personId: number | null;
  identityId: number | null;
  unitId: number | null;
  broadcastId: number | null;
  payload: DeliveryPayload;
  /** Attempts so far, this one included. */
  attempts: number;
  channel: SendChannel;
  chatId: string;
  locale: string | null;
  /** The account was marked unreachable after the row was planned. */
  unreachable: boolean;
}

export interface ClaimRequest {
  channel: SendChannel;
  limit: number;
  now: Date;
  lockedBy: string;
  leaseMs: number;
  /** Chats that must not be sent to right now (rate limits). */
  excludeChats?: string[];
}

export interface DeliveryQueue {
  /** Inserts planned rows; those whose dedupeKey exists are left alone. Returns how many were new. */
  insert(rows: PlannedDelivery[]): Promise<number>;
  /** Due PENDING rows of one channel → SENDING, locked until now + leaseMs, attempts + 1. */
  claim(req: ClaimRequest): Promise<ClaimedDelivery[]>;
  /** Just before the platform call: false when the row is no longer ours (then no call is made). */
  markCalling(id: number, lockedBy: string, now: Date, until: Date): Promise<boolean>;
  extendLease(id: number, lockedBy: string, until: Date): Promise<void>;
  markSent(id: number, lockedBy: string, messageId: string, now: Date): Promise<boolean>;
  /** Back to the queue; a rate limit does not count as an attempt. */
  retry(id: number, lockedBy: string, input: { notBefore: Date; error: string; countsAsAttempt: boolean }): Promise<void>;
  finish(id: number, lockedBy: string, state: 'FAILED' | 'UNKNOWN' | 'BLOCKED', error: string): Promise<void>;
  markUnreachable(identityId: number, now: Date): Promise<void>;
  /** Gives the row to the person's next reachable account, or records BLOCKED. */
  fallback(row: ClaimedDelivery, lockedBy: string, now: Date, error: string): Promise<{ moved: true; channel: SendChannel; identityId: number } | { moved: false }>;
  /** Settles rows whose lock expired: never called → queued again; called → broadcasts UNKNOWN, others queued again or FAILED. */
  sweep(now: Date, maxAttempts: number): Promise<{ unknown: number; retried: number; failed: number }>;
  /** Text channels: the choices a typed number refers to, unless a flow is in progress in that chat. */
  writeChoices(channel: SendChannel, chatId: string, choices: Choice[], now: Date): Promise<boolean>;
  broadcastAttachment(broadcastId: number): Promise<{ base64: string } | null>;
}

/**
 * A channel's send budget shared by every instance: a virtual clock from
 * which each instance books its next few sends, on the database's clock, so
 * the platform's limit is the limit of all instances together and a dead
 * instance's share goes to the live ones at once.
 */
export interface SendBudget {
  /**
   * Books `count` consecutive slots `intervalMs` apart; the first slot and the budget's clock now (epoch ms).
   * `afterPaidMs`: the slots come at least that long after the last paid slot booked (the platform's window
   * still holds the paid sends, which count against the free rate too).
   */
  book(channel: SendChannel, count: number, intervalMs: number, afterPaidMs?: number): Promise<{ firstMs: number; nowMs: number }>;
  /**
   * Paid-broadcast slots (Telegram's allow_paid_broadcast): on their own, faster clock, after every free
   * slot already booked, so a free send never lands among them.
   */
  bookPaid(channel: SendChannel, count: number, intervalMs: number): Promise<{ firstMs: number; nowMs: number }>;
  /**
   * Takes or renews this channel's sending turn for `leaseMs` (database clock): granted when nobody holds it, the
   * holder is `holder` itself, or the holder's turn ran out (it died or stalled). Otherwise how long the other's
   * turn still lasts. One instance sends at a time, so one process's call gate sees every call.
   */
  hold(channel: SendChannel, holder: string, leaseMs: number): Promise<{ held: boolean; waitMs: number }>;
  /** Gives the turn up (a clean stop): another instance takes over at once. */
  release(channel: SendChannel, holder: string): Promise<void>;
  /** A 429: nobody sends on this channel for `ms`. */
  pause(channel: SendChannel, ms: number): Promise<void>;
  /** DeliveryQueue.markCalling, refused while the channel is paused (how long is returned then). */
  markCalling(channel: SendChannel, id: number, lockedBy: string, now: Date, until: Date): Promise<{ marked: boolean; pausedMs: number }>;
}
