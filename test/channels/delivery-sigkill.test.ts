/**
 * Crash safety with real processes: the worker CLI sends a broadcast to a
 * few hundred recipients through the fake Telegram API and is killed with
 * SIGKILL three times midway; fresh workers take over. At the end every
 * recipient was sent exactly once or is recorded UNKNOWN — none missing,
 * none duplicated among those recorded SENT — and the last worker stops
 * cleanly on SIGTERM. Several processes share the queue, so this needs
 * PostgreSQL (DATABASE_URL); the embedded PGlite serves one process only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDelivery } from '../../bot/delivery/index.ts';
import { WorkingCalendar } from '../../domain/calendar/working-days.ts';
import { systemClock } from '../../domain/shared/clock.ts';
import { deliverySettings, silentLog } from '../db/delivery-fixtures.ts';
import { FakeTelegram } from '../fakes/telegram/server.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../support/db.ts';
import { checkOnce, spawnWorker, until, type WorkerChild } from './delivery-child.ts';

const TOKEN = '123456789:fake-telegram-token-for-delivery';
const N = 400;
const RATE = 150;

describe.skipIf(!usingPostgres)('SIGKILL ×3 while sending a broadcast (PostgreSQL)', () => {
  let db: TestDatabase;
  let tg: FakeTelegram;
  const children: WorkerChild[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    tg = await FakeTelegram.start({ token: TOKEN, enforceLimits: true, globalRatePerSecond: RATE });
  });

  afterAll(async () => {
    for (const c of children) if (c.process.exitCode === null && c.process.signalCode === null) c.process.kill('SIGKILL');
    await tg?.close();
    await db?.destroy();
  });

  it('every recipient exactly once or UNKNOWN, none missing, none duplicated', async () => {
    const unit = await db.prisma.unit.create({ data: { code: 'p', name: 'Phường Thử', kind: 'WARD' } });
    const sender = await db.prisma.person.create({ data: { code: 'team', fullName: 'Tổ CNS', unitId: unit.id, roles: ['COMMUNITY_TEAM'] } });
    await db.prisma.person.createMany({ data: Array.from({ length: N }, (_, i) => ({ code: `p${i}`, fullName: `Người ${i}`, unitId: unit.id, roles: ['OFFICER' as const] })) });
    const people = await db.prisma.person.findMany({ where: { roles: { isEmpty: false }, id: { not: sender.id } }, orderBy: { id: 'asc' } });
    await db.prisma.chatIdentity.createMany({ data: people.map((p, i) => ({ personId: p.id, channel: 'TELEGRAM' as const, externalId: String(20_000 + i), chatId: String(20_000 + i) })) });
    for (let i = 0; i < N; i++) tg.addUser({ id: 20_000 + i, first_name: `U${i}` });
    const d = createDelivery({
      prisma: db.prisma,
      clock: systemClock,
      calendar: new WorkingCalendar({ holidays: [], workDays: [1, 2, 3, 4, 5, 6, 7] }),
      settings: deliverySettings({ reminders: { window: 'always' } }),
      status: { dueSoonDays: 7 },
      log: silentLog,
    });
    const created = await d.broadcasts.create({ senderId: sender.id, text: 'Thông báo khẩn', audience: { roles: ['OFFICER'] }, now: new Date() });
    expect(created).toMatchObject({ ok: true, recipients: N });
    const broadcastId = created.ok ? created.broadcastId : 0;

    const env = (i: number) => ({
      DATABASE_URL: db.url!,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: tg.apiRoot,
      TELEGRAM_RATE_PER_SECOND: String(RATE),
      DELIVERY_WINDOW: 'always',
      DELIVERY_LEASE_SECONDS: '2',
      DELIVERY_POLL_MS: '50',
      INSTANCE_ID: `kill-test-${i}`,
    });
    const sent = () => tg.allSent().length;
    for (const [i, after] of [N * 0.15, N * 0.4, N * 0.65].entries()) {
      const child = spawnWorker(env(i));
      children.push(child);
      await until(() => sent() >= after, 30_000, `${after} messages (worker ${i}: ${child.stderr()})`);
      child.process.kill('SIGKILL');
      expect((await child.exited).signal).toBe('SIGKILL');
    }
    const last = spawnWorker(env(3));
    children.push(last);
    await until(async () => (await db.prisma.delivery.count({ where: { broadcastId, state: { in: ['PENDING', 'SENDING'] } } })) === 0, 60_000, `the queue to drain (${last.stderr()})`);
    last.process.kill('SIGTERM');
    expect(await last.exited).toEqual({ code: 0, signal: null });

    const rows = await db.prisma.delivery.findMany({ where: { broadcastId } });
    const report = checkOnce(rows, (chat) => tg.sentTo(Number(chat)));
    expect(report).toMatchObject({ rows: N, missing: 0, duplicates: 0 });
    expect(report.sent + report.unknown).toBe(N);
    // At most the rows in flight at each kill are in doubt.
    expect(report.unknown).toBeLessThanOrEqual(3 * 8);
    expect(tg.stats().violations).toBe(0);
  }, 120_000);
});
