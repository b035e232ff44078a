/**
 * Notices of the Digital Community Team on the sample registry: who may send
 * to whom, the preview count, one row per recipient (people and subscribed
 * residents, deduplicated), acknowledgements, tallies per unit with the
 * unreachable named, progress and final tally to the sender, attachments,
 * scheduling and cancelling, /dangky and /huydangky.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleData } from '../../bot/services/seed.ts';
import type { Delivery } from '../../bot/delivery/index.ts';
import { FixedClock } from '../../domain/shared/clock.ts';
import { instantOf } from '../../domain/shared/day.ts';
import { TINY_PNG } from '../fakes/telegram/files.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { linkSamplePeople, personId, RecordingSender, SendFailure, testDelivery, tgChat } from './delivery-fixtures.ts';

describe('broadcasts', () => {
  let db: TestDatabase;
  let d: Delivery;
  const clock = new FixedClock(instantOf('2026-03-03', 9));
  let telegram: RecordingSender;
  let zalo: RecordingSender;
  const p: Record<string, number> = {};
  let catHai = 0;
  let hongBang = 0;
  const residents: number[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    await linkSamplePeople(db.prisma);
    for (const [k, name] of Object.entries({ mai: 'Bùi Thị Mai', nhung: 'Trần Thị Hồng Nhung', duc: 'Phạm Văn Đức', ha: 'Nguyễn Thu Hà', khai: 'Ngô Văn Khải' })) p[k] = await personId(db.prisma, name);
    catHai = (await db.prisma.unit.findFirstOrThrow({ where: { name: 'Đặc khu Cát Hải' } })).id;
    hongBang = (await db.prisma.unit.findFirstOrThrow({ where: { name: 'Phường Hồng Bàng' } })).id;
    telegram = new RecordingSender(clock);
    zalo = new RecordingSender(clock);
    d = testDelivery(db.prisma, clock, { TELEGRAM: telegram, ZALO: zalo });
    // Three residents on Zalo (not in the registry) subscribe to Cát Hải; one to Hồng Bàng.
    for (let i = 1; i <= 4; i++) {
      const identity = await db.prisma.chatIdentity.create({ data: { channel: 'ZALO', externalId: `r${i}`, chatId: `r${i}`, displayName: `Cư dân ${i}` } });
      residents.push(identity.id);
      expect(await d.broadcasts.subscribe(identity.id, i <= 3 ? catHai : hongBang)).toEqual({ result: 'ok', unitName: i <= 3 ? 'Đặc khu Cát Hải' : 'Phường Hồng Bàng' });
    }
    // The Cát Hải leader also subscribed, from his Telegram account: he still gets one message.
    const ducTg = await db.prisma.chatIdentity.findFirstOrThrow({ where: { personId: p.duc } });
    await d.broadcasts.subscribe(ducTg.id, catHai);
    // Nhung blocked the bot earlier; a new Cát Hải officer never linked an account.
    await db.prisma.chatIdentity.updateMany({ where: { personId: p.nhung }, data: { unreachableAt: instantOf('2026-02-01', 9) } });
    await db.prisma.person.create({ data: { code: 'new-officer', fullName: 'Cán Bộ Mới', unitId: catHai, roles: ['OFFICER'] } });
  }, 300_000);

  afterAll(async () => {
    await db?.destroy();
  });

  it('only the community team and admins; a local team only in its own area', async () => {
    expect(await d.broadcasts.permission(p.nhung!)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    const mai = await d.broadcasts.permission(p.mai!);
    expect(mai).toMatchObject({ ok: true, area: [catHai] });
    expect(await d.broadcasts.permission(p.ha!)).toMatchObject({ ok: true, area: null });
    expect(await d.broadcasts.count(p.mai!, { unitIds: [hongBang] })).toEqual({ ok: false, error: { code: 'outside-area', unitIds: [hongBang] }, unitNames: ['Phường Hồng Bàng'] });
    expect(await d.broadcasts.create({ senderId: p.nhung!, text: 'x', audience: { all: true }, now: clock.now() })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
  });

  it('counts the preview: people of the area and subscribed residents, each once; unreachable and unlinked apart', async () => {
    const r = await d.broadcasts.count(p.mai!, { all: true, residentsOf: [catHai] });
    // Đức and Mai (Telegram) + 3 residents (Zalo); Nhung unreachable; the new officer has no account.
    expect(r).toEqual({ ok: true, count: { recipients: 5, people: 2, residents: 3, byChannel: { TELEGRAM: 2, ZALO: 3 }, unreachable: 1, notLinked: 1 } });
    expect(await d.broadcasts.count(p.mai!, { residentsOf: [catHai] })).toMatchObject({ ok: true, count: { recipients: 4, residents: 4 } });
  });

  let broadcastId = 0;

  it('confirming writes one row per recipient; outside working hours it waits for the morning', async () => {
    clock.set(instantOf('2026-03-03', 20));
    const r = await d.broadcasts.create({ senderId: p.mai!, text: 'Cảnh báo: lừa đảo qua điện thoại giả danh công an.', audience: { all: true, residentsOf: [catHai] }, senderChannel: 'TELEGRAM', senderChatId: tgChat(p.mai!), now: clock.now() });
    expect(r).toMatchObject({ ok: true, recipients: 5, notBefore: instantOf('2026-03-04', 8) });
    broadcastId = r.ok ? r.broadcastId : 0;
    const rows = await db.prisma.delivery.findMany({ where: { broadcastId }, orderBy: { id: 'asc' } });
    expect(rows.map((x) => x.state).sort()).toEqual(['PENDING', 'PENDING', 'PENDING', 'PENDING', 'PENDING', 'SKIPPED']);
    expect(new Set(rows.map((x) => x.dedupeKey)).size).toBe(6);
    expect((await db.prisma.broadcast.findUniqueOrThrow({ where: { id: broadcastId } })).state).toBe('SENDING');
    await d.worker.runUntilIdle();
    expect(telegram.sent.length + zalo.sent.length).toBe(0);
  });

  it('sends: a "Đã nhận" button on Telegram; on Zalo "reply ĐÃ NHẬN", which maps to the same choice', async () => {
    clock.set(instantOf('2026-03-04', 8));
    zalo.fail('r3', new SendFailure('blocked', '404: Not found: user is unreachable', undefined, 404));
    await d.worker.runUntilIdle();
    const tg = telegram.sent.filter((s) => s.reply.choices?.[0]?.id.startsWith('bc:ack:'));
    expect(tg.map((s) => s.target.chatId).sort()).toEqual([tgChat(p.duc!), tgChat(p.mai!)].sort());
    const row = await db.prisma.delivery.findFirstOrThrow({ where: { broadcastId, chatId: tgChat(p.duc!) } });
    expect(tg.find((s) => s.target.chatId === tgChat(p.duc!))!.reply.choices![0]!.id).toBe(`bc:ack:${row.id}`);
    const z = zalo.to('r1')[0]!;
    expect(z.reply.choices).toBeUndefined();
    expect(z.reply.lines.map((l) => ('key' in l.text ? l.text.key : 'raw'))).toEqual(['broadcast-header', 'raw', 'broadcast-ack-hint-text']);
    const conv = await db.prisma.conversation.findUniqueOrThrow({ where: { channel_chatId: { channel: 'ZALO', chatId: 'r1' } } });
    const r1 = await db.prisma.delivery.findFirstOrThrow({ where: { broadcastId, chatId: 'r1' } });
    // Stored as the chat's live prompt, with an expiry.
    expect(conv.choices).toMatchObject({ items: [expect.objectContaining({ id: `bc:ack:${r1.id}`, words: expect.arrayContaining(['ok', 'da nhan']) })], expiresAt: expect.any(String) });
  });

  it('acknowledgements count only from the chat the notice went to', async () => {
    const row = await db.prisma.delivery.findFirstOrThrow({ where: { broadcastId, chatId: tgChat(p.duc!) } });
    expect(await d.broadcasts.acknowledge(row.id, { channel: 'TELEGRAM', chatId: tgChat(p.mai!) }, clock.now())).toBe('not-found');
    expect(await d.broadcasts.acknowledge(row.id, { channel: 'TELEGRAM', chatId: tgChat(p.duc!) }, clock.now())).toBe('ok');
    expect(await d.broadcasts.acknowledge(row.id, { channel: 'TELEGRAM', chatId: tgChat(p.duc!) }, clock.now())).toBe('already');
    const r1 = await db.prisma.delivery.findFirstOrThrow({ where: { broadcastId, chatId: 'r1' } });
    expect(await d.broadcasts.acknowledge(r1.id, { channel: 'ZALO', chatId: 'r1' }, clock.now())).toBe('ok');
  });

  it('the tally per unit names who is unreachable everywhere, and the sender gets the final tally', async () => {
    const tally = (await d.broadcasts.tally(broadcastId))!;
    expect(tally).toMatchObject({ total: 6, sent: 4, acknowledged: 2, blocked: 2, failed: 0, unknown: 0, pending: 0, finished: true });
    expect(tally.units).toEqual([expect.objectContaining({ unitName: 'Đặc khu Cát Hải', total: 6, sent: 4, blocked: 2 })]);
    expect(tally.unreachable.map((u) => u.name).sort()).toEqual(['Cư dân 3', 'Trần Thị Hồng Nhung']);
    // The monitor ran at the end of runUntilIdle: DONE, and the final tally is a notice to the sender's chat.
    expect((await db.prisma.broadcast.findUniqueOrThrow({ where: { id: broadcastId } })).state).toBe('DONE');
    const notice = await db.prisma.delivery.findUniqueOrThrow({ where: { dedupeKey: `broadcast:${broadcastId}:final` } });
    expect(notice).toMatchObject({ kind: 'NOTICE', personId: p.mai, chatId: tgChat(p.mai!), state: 'SENT' });
    const sent = telegram.to(tgChat(p.mai!)).find((s) => 'key' in s.reply.lines[0]!.text && s.reply.lines[0]!.text.key === 'broadcast-tally-title')!;
    expect(sent.reply.lines[0]!.text).toMatchObject({ args: { final: 'yes', id: broadcastId } });
    expect(sent.reply.choices).toEqual([expect.objectContaining({ id: `bc:tally:${broadcastId}` })]);
  });

  it('a photo is stored once with the notice and sent with each message', async () => {
    const r = await d.broadcasts.create({ senderId: p.ha!, text: 'Lịch tập huấn Bình dân học vụ số', audience: { unitIds: [hongBang] }, attachment: { kind: 'photo', fileName: 'lich.png', mime: 'image/png', data: TINY_PNG }, now: clock.now() });
    expect(r).toMatchObject({ ok: true, recipients: 1 });
    const row = await db.prisma.delivery.findFirstOrThrow({ where: { broadcastId: r.ok ? r.broadcastId : 0 } });
    expect(JSON.stringify(row.payload)).not.toContain(TINY_PNG.toString('base64'));
    await d.worker.runUntilIdle();
    const got = telegram.to(tgChat(p.khai!)).at(-1)!;
    expect(got.reply.files).toEqual([expect.objectContaining({ kind: 'photo', fileName: 'lich.png', data: Buffer.from(TINY_PNG) })]);
  });

  it('a scheduled notice waits for its time; a cancelled one never goes', async () => {
    const at = instantOf('2026-03-05', 9, 30);
    const r = await d.broadcasts.create({ senderId: p.mai!, text: 'Họp tổ công nghệ số', audience: { residentsOf: [catHai] }, scheduledAt: at, now: clock.now() });
    expect(r).toMatchObject({ ok: true, notBefore: at });
    const id = r.ok ? r.broadcastId : 0;
    expect((await db.prisma.broadcast.findUniqueOrThrow({ where: { id } })).state).toBe('SCHEDULED');
    const before = zalo.sent.length;
    await d.worker.runUntilIdle();
    expect(zalo.sent.length).toBe(before);
    clock.set(at);
    await d.worker.runUntilIdle();
    expect(zalo.sent.length).toBeGreaterThan(before);
    expect((await db.prisma.broadcast.findUniqueOrThrow({ where: { id } })).state).toBe('DONE');

    const later = await d.broadcasts.create({ senderId: p.mai!, text: 'Sẽ hủy', audience: { residentsOf: [catHai] }, scheduledAt: instantOf('2026-03-06', 9), now: clock.now() });
    const laterId = later.ok ? later.broadcastId : 0;
    expect(await d.broadcasts.cancel(laterId, p.nhung!, clock.now())).toBe('not-allowed');
    expect(await d.broadcasts.cancel(laterId, p.mai!, clock.now())).toBe('cancelled');
    clock.set(instantOf('2026-03-06', 10));
    const n = zalo.sent.length + telegram.sent.length;
    await d.worker.runUntilIdle();
    expect(zalo.sent.length + telegram.sent.length).toBe(n);
    expect(await db.prisma.delivery.count({ where: { broadcastId: laterId, state: { not: 'SKIPPED' } } })).toBe(0);
    expect(await d.broadcasts.create({ senderId: p.mai!, text: 'x', audience: { all: true }, scheduledAt: instantOf('2026-03-01', 9), now: clock.now() })).toMatchObject({ ok: false, error: { code: 'scheduled-in-past' } });
  });

  it('/dangky and /huydangky', async () => {
    const r = residents[3]!;
    expect(await d.broadcasts.subscribe(r, hongBang)).toEqual({ result: 'already', unitName: 'Phường Hồng Bàng' });
    const dept = await db.prisma.unit.findFirstOrThrow({ where: { kind: 'DEPARTMENT' } });
    expect(await d.broadcasts.subscribe(r, dept.id)).toEqual({ result: 'not-local', unitName: dept.name });
    expect(await d.broadcasts.subscribe(r, 999_999)).toEqual({ result: 'unknown-unit', unitName: null });
    await d.broadcasts.subscribe(r, catHai);
    expect(await d.broadcasts.subscriptions(r)).toEqual([{ unitId: hongBang, unitName: 'Phường Hồng Bàng' }, { unitId: catHai, unitName: 'Đặc khu Cát Hải' }]);
    expect(await d.broadcasts.unsubscribe(r, catHai)).toEqual(['Đặc khu Cát Hải']);
    expect(await d.broadcasts.unsubscribe(r)).toEqual(['Phường Hồng Bàng']);
    expect(await d.broadcasts.unsubscribe(r)).toEqual([]);
    expect((await d.broadcasts.subscribableUnits()).every((u) => ['COMMUNE', 'WARD', 'SPECIAL_ZONE'].includes(u.kind))).toBe(true);
  });
});
