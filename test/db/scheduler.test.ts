/**
 * Scheduled jobs with several instances on one database: each tick runs
 * once. On PostgreSQL (DATABASE_URL) the three instances have their own
 * connection pools; on PGlite they share the one embedded connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleData } from '../../bot/services/seed.ts';
import { Scheduler, ticksBetween, type ScheduledJob } from '../../bot/delivery/scheduler.ts';
import { FixedClock } from '../../domain/shared/clock.ts';
import { addDays, instantOf } from '../../domain/shared/day.ts';
import { openDatabase, type Database } from '../../prisma/database.ts';
import { PrismaScheduleStore } from '../../prisma/stores/delivery-store.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../support/db.ts';
import { deliverySettings, linkSamplePeople, RecordingSender, silentLog, testDelivery } from './delivery-fixtures.ts';

const MINUTE = 60_000;

describe('scheduler', () => {
  let db: TestDatabase;
  const extra: Database[] = [];
  const clients = () => [db.prisma, ...extra.map((e) => e.prisma)];

  beforeAll(async () => {
    db = await createTestDatabase();
    if (usingPostgres) for (let i = 0; i < 2; i++) extra.push(await openDatabase({ databaseUrl: db.url, poolSize: 4 }));
    else extra.push({ ...db, close: async () => {} }, { ...db, close: async () => {} });
  });

  afterAll(async () => {
    for (const e of extra) if (usingPostgres) await e.close();
    await db?.destroy();
  });

  it('reads cron expressions in Asia/Ho_Chi_Minh', () => {
    expect(ticksBetween('0 8 * * 1', instantOf('2026-01-19', 0), instantOf('2026-02-03', 0))).toEqual([instantOf('2026-01-19', 8), instantOf('2026-01-26', 8), instantOf('2026-02-02', 8)]);
    expect(ticksBetween('0 8 25 * *', instantOf('2026-01-25', 8), instantOf('2026-02-25', 8))).toEqual([instantOf('2026-02-25', 8)]);
  });

  it('three instances: every tick runs exactly once', async () => {
    const clock = new FixedClock(instantOf('2026-03-02', 7, 59));
    const runs: { tick: number; instance: string }[] = [];
    const schedulers = clients().map((prisma, i) => {
      const job: ScheduledJob = {
        name: 'every-minute',
        cron: '* * * * *',
        run: async ({ tick }) => {
          runs.push({ tick: tick.getTime(), instance: `i${i}` });
          await new Promise((r) => setTimeout(r, 5));
          return { by: i };
        },
      };
      return new Scheduler({ jobs: [job], store: new PrismaScheduleStore(prisma), clock, log: silentLog, instanceId: `i${i}`, catchUpMs: 10 * MINUTE });
    });
    for (let m = 0; m < 30; m++) {
      clock.advance(MINUTE);
      await Promise.all(schedulers.map((s) => s.tick()));
    }
    // The first call catches up 07:51…08:00 (10 minutes), then one new tick a minute until 08:29.
    const ticks = runs.map((r) => r.tick);
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(ticks).toHaveLength(39);
    const rows = await db.prisma.scheduledRun.findMany({ where: { job: 'every-minute' } });
    expect(rows).toHaveLength(39);
    expect(rows.every((r) => r.finishedAt !== null)).toBe(true);
    if (usingPostgres) expect(new Set(runs.map((r) => r.instance)).size).toBeGreaterThan(1);
  });

  it('a run whose instance died is taken over after staleRunMs; ticks older than the catch-up window are not run', async () => {
    const clock = new FixedClock(instantOf('2026-03-03', 8, 5));
    const store = new PrismaScheduleStore(db.prisma);
    await db.prisma.scheduledRun.create({ data: { job: 'daily', tick: instantOf('2026-03-03', 8), instance: 'dead', startedAt: instantOf('2026-03-03', 8) } });
    const ran: Date[] = [];
    const s = new Scheduler({ jobs: [{ name: 'daily', cron: '0 8 * * *', run: async ({ tick }) => void ran.push(tick) }], store, clock, log: silentLog, instanceId: 'alive', catchUpMs: 6 * 3_600_000, staleRunMs: 15 * MINUTE });
    await s.tick();
    expect(ran).toEqual([]);
    clock.set(instantOf('2026-03-03', 8, 16));
    await s.tick();
    expect(ran).toEqual([instantOf('2026-03-03', 8)]);
    expect(await db.prisma.scheduledRun.findFirstOrThrow({ where: { job: 'daily' } })).toMatchObject({ instance: 'alive', finishedAt: instantOf('2026-03-03', 8, 16) });
    // Up again at 15:00 the next day after missing 08:00: beyond the 6-hour catch-up, so left alone.
    clock.set(instantOf('2026-03-04', 15));
    await s.tick();
    expect(ran).toHaveLength(1);
  });

  it('three workers and schedulers on the sample data: every reminder and digest goes out once', async () => {
    await seedSampleData(db.prisma);
    await linkSamplePeople(db.prisma);
    const clock = new FixedClock(instantOf('2026-01-26', 6));
    const senders = clients().map(() => new RecordingSender(clock));
    const instances = clients().map((prisma, i) => testDelivery(prisma, clock, { TELEGRAM: senders[i]! }, deliverySettings({ instanceId: `w${i}` })));
    for (let day = '2026-01-26'; day <= '2026-01-30'; day = addDays(day, 1)) {
      for (const hour of [7, 8, 9]) {
        clock.set(instantOf(day, hour));
        await Promise.all(instances.map((x) => x.scheduler.tick()));
        await Promise.all(instances.map((x) => x.worker.runUntilIdle()));
      }
    }
    const sent = senders.flatMap((s) => s.sent);
    const rows = await db.prisma.delivery.findMany();
    expect(rows).toHaveLength(12); // Monday digests (2), reminders on 27 (3), 29 (4) and 30 (3) January
    expect(rows.every((r) => r.state === 'SENT')).toBe(true);
    expect(sent).toHaveLength(rows.length);
    const runs = await db.prisma.scheduledRun.findMany({ where: { job: { in: ['reminders', 'digest-weekly', 'digest-monthly'] } } });
    // Five daily runs and Monday's weekly digest; Sunday's monthly tick is older than the 12-hour catch-up.
    expect(runs.map((r) => r.job).sort()).toEqual(['digest-weekly', 'reminders', 'reminders', 'reminders', 'reminders', 'reminders']);
  });
});
