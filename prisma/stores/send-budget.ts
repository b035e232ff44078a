/**
 * The shared send budget (domain/delivery/ports.ts SendBudget) on one row per
 * channel. Booking is one upsert: the row is locked for the statement only,
 * so instances take turns in the order they ask. Times are the database's
 * (clock_timestamp()), so instances on machines with different clocks agree.
 */
import type { SendBudget } from '../../domain/delivery/ports.ts';
import type { SendChannel } from '../../domain/delivery/types.ts';
import type { Db } from '../database.ts';

const NOW_MS = `(extract(epoch FROM clock_timestamp()) * 1000)::float8`;
const EXTRA_STEP_MS = 20;
const EXTRA_MAX_MS = 150;
/** Milliseconds the window is widened by now: the last pause's widening, worn off since the pause ended. */
const extra = (b: string) => `GREATEST(0, ${b}."extraWindowMs" - 0.00025 * GREATEST(0, ${NOW_MS} - ${b}."pausedUntilMs"))`;

export class PrismaSendBudget implements SendBudget {
  constructor(private readonly prisma: Db) {}

  async book(channel: SendChannel, count: number, intervalMs: number, perSecond = 1000 / intervalMs): Promise<{ firstMs: number; nowMs: number; intervalMs: number }> {
    const iv = (b: string) => `($3::float8 + ${extra(b)} / $4::float8)`;
    const [row] = await this.prisma.$queryRawUnsafe<{ next: number; now: number; iv: number }[]>(
      `INSERT INTO "SendBudget" AS b (channel, "nextSlotMs") VALUES ($1::"Channel", ${NOW_MS} + $2::int * $3::float8)
       ON CONFLICT (channel) DO UPDATE SET "nextSlotMs" = GREATEST(b."nextSlotMs", b."pausedUntilMs", ${NOW_MS}) + $2::int * ${iv('b')}
       RETURNING b."nextSlotMs" AS next, ${NOW_MS} AS now, ${iv('b')} AS iv`,
      channel,
      count,
      intervalMs,
      perSecond,
    );
    const used = Number(row!.iv);
    return { firstMs: Number(row!.next) - count * used, nowMs: Number(row!.now), intervalMs: used };
  }

  /** A 429: everyone pauses; a new pause also widens the window by 20 ms (up to 150 ms), which wears off at 0.25 ms a second. */
  async pause(channel: SendChannel, ms: number): Promise<void> {
    await this.prisma.$executeRawUnsafe(
      `INSERT INTO "SendBudget" AS b (channel, "pausedUntilMs", "extraWindowMs") VALUES ($1::"Channel", ${NOW_MS} + $2::float8, ${EXTRA_STEP_MS})
       ON CONFLICT (channel) DO UPDATE SET "pausedUntilMs" = GREATEST(b."pausedUntilMs", ${NOW_MS} + $2::float8),
         "extraWindowMs" = CASE WHEN b."pausedUntilMs" > ${NOW_MS} THEN b."extraWindowMs" ELSE LEAST(${EXTRA_MAX_MS}, ${extra('b')} + ${EXTRA_STEP_MS}) END`,
      channel,
      ms,
    );
  }

  async markCalling(channel: SendChannel, id: number, lockedBy: string, now: Date, until: Date): Promise<{ marked: boolean; pausedMs: number }> {
    const [row] = await this.prisma.$queryRawUnsafe<{ marked: number; paused: number }[]>(
      `WITH p AS (SELECT GREATEST(0, COALESCE((SELECT "pausedUntilMs" FROM "SendBudget" WHERE channel = $1::"Channel"), 0) - ${NOW_MS}) AS ms),
       m AS (UPDATE "Delivery" SET "callStartedAt" = $4::timestamp, "lockedUntil" = $5::timestamp
             WHERE id = $2 AND "lockedBy" = $3 AND state = 'SENDING' AND (SELECT ms FROM p) = 0 RETURNING id)
       SELECT (SELECT count(*) FROM m)::int AS marked, (SELECT ms FROM p)::float8 AS paused`,
      channel,
      id,
      lockedBy,
      iso(now),
      iso(until),
    );
    return { marked: Number(row!.marked) === 1, pausedMs: Number(row!.paused) };
  }
}

const iso = (d: Date) => d.toISOString();
