/**
 * A notice to the residents subscribed to communes is written in one
 * statement (prisma/stores/broadcast-store.ts writeRows): exactly one row per
 * reachable subscriber — a registry person once, on their best account,
 * whatever they subscribed from — none for inactive people, SKIPPED for
 * accounts that refused messages before; running the statement again adds
 * nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Delivery } from '../../bot/delivery/index.ts';
import { FixedClock } from '../../domain/shared/clock.ts';
import { instantOf } from '../../domain/shared/day.ts';
import { PrismaBroadcastStore } from '../../prisma/stores/broadcast-store.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { RecordingSender, testDelivery } from './delivery-fixtures.ts';

const RESIDENTS = 3000;

describe('a notice to many subscribed residents', () => {
  let db: TestDatabase;
  let d: Delivery;
  const clock = new FixedClock(instantOf('2026-03-03', 9));
  let adminId = 0;
  const units: number[] = [];
  let anna = { id: 0, zalo: 0, telegram: 0 };
  let blocked = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    d = testDelivery(db.prisma, clock, { TELEGRAM: new RecordingSender(clock), ZALO: new RecordingSender(clock) });
    for (const [i, kind] of (['COMMUNE', 'WARD', 'COMMUNE'] as const).entries()) units.push((await db.prisma.unit.create({ data: { code: `x${i}`, name: `Xã ${i}`, kind } })).id);
    adminId = (await db.prisma.person.create({ data: { code: 'admin', fullName: 'Quản trị', roles: ['ADMIN'] } })).id;
    // Residents not in the registry, alternately on Telegram and Zalo, subscribed to the first two units; every tenth also to the second.
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO "ChatIdentity"(channel, "externalId", "chatId") SELECT CASE WHEN i % 2 = 0 THEN 'TELEGRAM' ELSE 'ZALO' END::"Channel", 'res' || i, 'res' || i FROM generate_series(1, ${RESIDENTS}) i`,
    );
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO "Subscription"("identityId", "unitId") SELECT id, CASE WHEN id % 2 = 0 THEN $1::int ELSE $2::int END FROM "ChatIdentity" WHERE "externalId" LIKE 'res%'
       UNION ALL SELECT id, $2::int FROM "ChatIdentity" WHERE "externalId" LIKE 'res%' AND id % 2 = 0 AND id % 10 = 0`,
      units[0],
      units[1],
    );
    // A registry person with two accounts (Zalo preferred) subscribed from both, to two units: one message, on Zalo.
    const p = await db.prisma.person.create({ data: { code: 'anna', fullName: 'Anna', roles: ['OFFICER'], preferredChannel: 'ZALO' } });
    const z = await db.prisma.chatIdentity.create({ data: { personId: p.id, channel: 'ZALO', externalId: 'anna-z', chatId: 'anna-z', linkedAt: new Date('2026-01-01') } });
    const t = await db.prisma.chatIdentity.create({ data: { personId: p.id, channel: 'TELEGRAM', externalId: 'anna-t', chatId: 'anna-t', linkedAt: new Date('2026-02-01') } });
    anna = { id: p.id, zalo: z.id, telegram: t.id };
    await db.prisma.subscription.createMany({ data: [{ identityId: t.id, unitId: units[1]! }, { identityId: z.id, unitId: units[0]! }] });
    // An inactive person's subscription: nothing. A resident who blocked the bot: SKIPPED.
    const gone = await db.prisma.person.create({ data: { code: 'gone', fullName: 'Đã nghỉ', active: false } });
    const goneId = await db.prisma.chatIdentity.create({ data: { personId: gone.id, channel: 'TELEGRAM', externalId: 'gone', chatId: 'gone' } });
    await db.prisma.subscription.create({ data: { identityId: goneId.id, unitId: units[0]! } });
    blocked = (await db.prisma.chatIdentity.create({ data: { channel: 'TELEGRAM', externalId: 'blocked', chatId: 'blocked', unreachableAt: new Date('2026-02-01') } })).id;
    await db.prisma.subscription.create({ data: { identityId: blocked, unitId: units[1]! } });
    // Subscribers of the third unit are not in this audience.
    const other = await db.prisma.chatIdentity.create({ data: { channel: 'ZALO', externalId: 'other', chatId: 'other' } });
    await db.prisma.subscription.create({ data: { identityId: other.id, unitId: units[2]! } });
  }, 300_000);

  afterAll(async () => {
    await db?.destroy();
  });

  it('one row per subscribed resident, each once, on their best account; idempotent', async () => {
    const audience = { residentsOf: [units[0]!, units[1]!] };
    const preview = await d.broadcasts.count(adminId, audience);
    expect(preview).toEqual({ ok: true, count: { recipients: RESIDENTS + 1, people: 0, residents: RESIDENTS + 1, byChannel: { TELEGRAM: RESIDENTS / 2, ZALO: RESIDENTS / 2 + 1 }, unreachable: 1, notLinked: 0 } });

    const r = await d.broadcasts.create({ senderId: adminId, text: 'Thông báo lịch cắt điện ngày mai.', audience, now: clock.now() });
    expect(r).toMatchObject({ ok: true, recipients: RESIDENTS + 1 });
    const broadcastId = r.ok ? r.broadcastId : 0;
    const rows = await db.prisma.delivery.findMany({ where: { broadcastId }, orderBy: { id: 'asc' } });
    expect(rows).toHaveLength(RESIDENTS + 2);
    const pending = rows.filter((x) => x.state === 'PENDING');
    expect(pending).toHaveLength(RESIDENTS + 1);
    expect(new Set(pending.map((x) => `${x.channel}:${x.chatId}`)).size).toBe(RESIDENTS + 1);
    // Every subscribed resident account exactly once, on its own channel and chat, in the unit of its first subscription.
    const subs = await db.prisma.$queryRawUnsafe<{ id: number; channel: string; chatId: string; unitId: number }[]>(
      `SELECT DISTINCT ON (i.id) i.id, i.channel::text AS channel, i."chatId", s."unitId" FROM "ChatIdentity" i JOIN "Subscription" s ON s."identityId" = i.id
       WHERE i."externalId" LIKE 'res%' ORDER BY i.id, s."createdAt", s.id`,
    );
    const byIdentity = new Map(pending.map((x) => [x.identityId, x]));
    for (const s of subs) expect(byIdentity.get(s.id)).toMatchObject({ channel: s.channel, chatId: s.chatId, unitId: s.unitId, personId: null, kind: 'BROADCAST', dedupeKey: `broadcast:${broadcastId}:i:${s.id}` });
    // Anna: one row, on Zalo (her preferred app), keyed by her person.
    expect(rows.filter((x) => x.personId === anna.id)).toEqual([expect.objectContaining({ identityId: anna.zalo, channel: 'ZALO', dedupeKey: `broadcast:${broadcastId}:p:${anna.id}` })]);
    expect(rows.find((x) => x.state === 'SKIPPED')).toMatchObject({ identityId: null, chatId: null, dedupeKey: `broadcast:${broadcastId}:i:${blocked}` });
    expect(rows.some((x) => x.chatId === 'gone' || x.chatId === 'other')).toBe(false);

    // The statement run again for the same notice writes nothing new.
    // (writeRows does not look at the send window.)
    const store = new PrismaBroadcastStore(db.prisma, { window: undefined as never });
    const payload = rows[0]!.payload as never;
    expect(await store.writeRows(db.prisma, broadcastId, { people: null, residentsOf: audience.residentsOf }, payload, clock.now())).toMatchObject({ inserted: 0, count: { recipients: RESIDENTS + 1 } });
    expect(await db.prisma.delivery.count({ where: { broadcastId } })).toBe(RESIDENTS + 2);
  });
});
