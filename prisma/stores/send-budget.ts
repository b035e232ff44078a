/**
 * The shared send budget (domain/delivery/ports.ts SendBudget) on one row per
 * channel. Booking is one upsert: the row is locked for the statement only,
 * so instances take turns in the order they ask. Times are the database's
 * (clock_timestamp()), so instances on machines with different clocks agree.
 */
import type { SendBudget } from '../../domain/delivery/ports.ts';
import type { SendChannel } from '../../domain/delivery/types.ts';
import type { Db } from '../database.ts';
import { GroupCommit } from './group-commit.ts';

const NOW_MS = `(extract(epoch FROM clock_timestamp()) * 1000)::float8`;

export class PrismaSendBudget implements SendBudget {
  constructor(private readonly prisma: Db) {}

  async book(channel: SendChannel, count: number, intervalMs: number, afterPaidMs = 0): Promise<{ firstMs: number; nowMs: number }> {
    const span = count * intervalMs;
    const [row] = await this.prisma.$queryRawUnsafe<{ next: number; now: number }[]>(
      `INSERT INTO "SendBudget" AS b (channel, "nextSlotMs") VALUES ($1::"Channel", ${NOW_MS} + $2::float8)
       ON CONFLICT (channel) DO UPDATE SET "nextSlotMs" = GREATEST(b."nextSlotMs", b."pausedUntilMs", b."paidNextSlotMs" + $3::float8, ${NOW_MS}) + $2::float8
       RETURNING b."nextSlotMs" AS next, ${NOW_MS} AS now`,
      channel,
      span,
      afterPaidMs,
    );
    return { firstMs: Number(row!.next) - span, nowMs: Number(row!.now) };
  }

  /** Paid slots start after every free slot already booked (and any pause); free bookings then wait `afterPaidMs` after the last paid one. */
  async bookPaid(channel: SendChannel, count: number, intervalMs: number): Promise<{ firstMs: number; nowMs: number }> {
    const span = count * intervalMs;
    const [row] = await this.prisma.$queryRawUnsafe<{ next: number; now: number }[]>(
      `INSERT INTO "SendBudget" AS b (channel, "paidNextSlotMs") VALUES ($1::"Channel", ${NOW_MS} + $2::float8)
       ON CONFLICT (channel) DO UPDATE SET "paidNextSlotMs" = GREATEST(b."paidNextSlotMs", b."nextSlotMs", b."pausedUntilMs", ${NOW_MS}) + $2::float8
       RETURNING b."paidNextSlotMs" AS next, ${NOW_MS} AS now`,
      channel,
      span,
    );
    return { firstMs: Number(row!.next) - span, nowMs: Number(row!.now) };
  }

  async hold(channel: SendChannel, holder: string, leaseMs: number): Promise<{ held: boolean; waitMs: number }> {
    // The CTE's upsert is not visible to the outer SELECT: `remaining` is the turn as it was (someone else's, when refused).
    const [row] = await this.prisma.$queryRawUnsafe<{ held: number; remaining: number }[]>(
      `WITH up AS (
         INSERT INTO "SendBudget" AS b (channel, holder, "holderUntilMs") VALUES ($1::"Channel", $2, ${NOW_MS} + $3::float8)
         ON CONFLICT (channel) DO UPDATE SET holder = $2, "holderUntilMs" = ${NOW_MS} + $3::float8
           WHERE b.holder IS NULL OR b.holder = $2 OR b."holderUntilMs" <= ${NOW_MS}
         RETURNING 1)
       SELECT (SELECT count(*) FROM up)::int AS held,
              GREATEST(0, COALESCE((SELECT "holderUntilMs" FROM "SendBudget" WHERE channel = $1::"Channel"), 0) - ${NOW_MS})::float8 AS remaining`,
      channel,
      holder,
      leaseMs,
    );
    const held = Number(row!.held) === 1;
    return { held, waitMs: held ? 0 : Number(row!.remaining) };
  }

  async release(channel: SendChannel, holder: string): Promise<void> {
    await this.prisma.$executeRawUnsafe(`UPDATE "SendBudget" SET holder = NULL, "holderUntilMs" = 0 WHERE channel = $1::"Channel" AND holder = $2`, channel, holder);
  }

  async pause(channel: SendChannel, ms: number): Promise<void> {
    await this.prisma.$executeRawUnsafe(
      `INSERT INTO "SendBudget" AS b (channel, "pausedUntilMs") VALUES ($1::"Channel", ${NOW_MS} + $2::float8)
       ON CONFLICT (channel) DO UPDATE SET "pausedUntilMs" = GREATEST(b."pausedUntilMs", ${NOW_MS} + $2::float8)`,
      channel,
      ms,
    );
  }

  markCalling(channel: SendChannel, id: number, lockedBy: string, now: Date, until: Date): Promise<{ marked: boolean; pausedMs: number }> {
    let calls = this.#calling.get(channel);
    if (!calls) this.#calling.set(channel, (calls = new GroupCommit((rows) => this.#markCalls(channel, rows))));
    return calls.add({ id, lockedBy, now: iso(now), until: iso(until) });
  }

  /**
   * Calls marked together (GroupCommit), per channel: at the free rate (a call every ~34 ms) each goes alone,
   * as before; a paid broadcast's hundreds a second take one statement per round trip. The pause is read once
   * for the batch: every call in it is refused while it lasts.
   */
  readonly #calling = new Map<SendChannel, GroupCommit<CallRow, { marked: boolean; pausedMs: number }>>();

  async #markCalls(channel: SendChannel, rows: CallRow[]): Promise<{ marked: boolean; pausedMs: number }[]> {
    const [row] = await this.prisma.$queryRawUnsafe<{ marked: number[] | null; paused: number }[]>(
      `WITH p AS (SELECT GREATEST(0, COALESCE((SELECT "pausedUntilMs" FROM "SendBudget" WHERE channel = $1::"Channel"), 0) - ${NOW_MS}) AS ms),
       m AS (UPDATE "Delivery" d SET "callStartedAt" = x.now::timestamp, "lockedUntil" = x.until::timestamp
             FROM jsonb_to_recordset($2::jsonb) AS x(id int, "lockedBy" text, now text, until text)
             WHERE d.id = x.id AND d."lockedBy" = x."lockedBy" AND d.state = 'SENDING' AND (SELECT ms FROM p) = 0 RETURNING d.id)
       SELECT (SELECT array_agg(id) FROM m) AS marked, (SELECT ms FROM p)::float8 AS paused`,
      channel,
      JSON.stringify(rows),
    );
    const marked = new Set((row!.marked ?? []).map(Number));
    const pausedMs = Number(row!.paused);
    return rows.map((r) => ({ marked: marked.has(r.id), pausedMs }));
  }
}

interface CallRow {
  id: number;
  lockedBy: string;
  now: string;
  until: string;
}

const iso = (d: Date) => d.toISOString();
