/**
 * The worker through real HTTP: grammY against the local fake Telegram Bot
 * API with flood control enforced (a scaled-down broadcast at a higher
 * configured rate, so it runs in seconds), injected 429s and dropped
 * connections, a blocked user falling back to Zalo (FakeZalo), numbered
 * choices on Zalo, and a photo uploaded once for every recipient.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDelivery, type Delivery } from '../../bot/delivery/index.ts';
import { loadLocales } from '../../bot/i18n.ts';
import { TelegramSender } from '../../bot/telegram/sender.ts';
import { ZaloSender } from '../../bot/zalo/sender.ts';
import { line, t } from '../../domain/chat/reply.ts';
import { WorkingCalendar } from '../../domain/calendar/working-days.ts';
import { systemClock } from '../../domain/shared/clock.ts';
import { deliverySettings, silentLog } from '../db/delivery-fixtures.ts';
import { TINY_PNG } from '../fakes/telegram/files.ts';
import { FakeTelegram } from '../fakes/telegram/server.ts';
import { FakeZalo } from '../fakes/zalo/server.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

const TOKEN = '123456789:fake-telegram-token-for-delivery';
const RATE = 100;
/**
 * The fake runs in this process, beside the embedded database whose queries
 * hold the event loop: arrival times jitter more than across a network, so
 * the window gets a wider margin than the default 25 ms.
 */
const IN_PROCESS_MARGIN_MS = 75;
const tr = loadLocales();
/** Every day works, all day: these tests run whenever CI runs them. */
const anytime = new WorkingCalendar({ holidays: [], workDays: [1, 2, 3, 4, 5, 6, 7] });

describe('delivery over HTTP (FakeTelegram with flood control, FakeZalo)', () => {
  let db: TestDatabase;
  let tg: FakeTelegram;
  let zl: FakeZalo;
  let d: Delivery;
  let unitId = 0;
  let senderId = 0;
  let published: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    unitId = (await db.prisma.unit.create({ data: { code: 'phuong-test', name: 'Phường Thử Nghiệm', kind: 'WARD' } })).id;
    const sender = await db.prisma.person.create({ data: { code: 'team', fullName: 'Tổ CNS Thử Nghiệm', unitId, roles: ['COMMUNITY_TEAM'] } });
    senderId = sender.id;
    await db.prisma.chatIdentity.create({ data: { personId: sender.id, channel: 'TELEGRAM', externalId: '1', chatId: '1' } });
  });

  beforeEach(async () => {
    tg = await FakeTelegram.start({ token: TOKEN, enforceLimits: true, globalRatePerSecond: RATE });
    zl = await FakeZalo.start();
    published = [];
    tg.addUser({ id: 1, first_name: 'Tổ CNS' });
    d = createDelivery({
      prisma: db.prisma,
      clock: systemClock,
      calendar: anytime,
      settings: deliverySettings({ reminders: { window: 'always' }, rates: { TELEGRAM: RATE, ZALO: RATE, perChatIntervalMs: 1000, marginMs: IN_PROCESS_MARGIN_MS }, worker: { leaseMs: 30_000 } }),
      status: { dueSoonDays: 7 },
      log: silentLog,
      senders: {
        // Request limits a loaded machine meets: with 5 s, at load 12, the fakes (in this process, beside the
        // embedded database) answered some sends later than that, and the worker rightly left them UNKNOWN, never
        // re-sent (what the dropped-connection test checks); here every send must arrive.
        TELEGRAM: new TelegramSender({ token: TOKEN, apiRoot: tg.apiRoot, tr, timeoutSeconds: 60 }),
        ZALO: new ZaloSender({ token: zl.token, apiRoot: zl.apiRoot, tr, fetchTimeoutMs: 60_000, files: { publish: async (f) => (published.push(f.fileName), `https://bot.example.vn/files/abc/${f.fileName}`) } }),
      },
    });
  });

  afterEach(async () => {
    await d.worker.stop();
    await tg.close();
    await zl.close();
    await db.prisma.delivery.deleteMany();
    await db.prisma.broadcast.deleteMany();
    await db.prisma.chatIdentity.deleteMany({ where: { personId: { not: senderId } } });
    await db.prisma.person.deleteMany({ where: { id: { not: senderId } } });
  });

  afterAll(async () => {
    await db?.destroy();
  });

  /** `n` people of the unit, each on Telegram (chat 10000 + i), known to the fake. */
  async function recipients(n: number, from = 0): Promise<number[]> {
    await db.prisma.person.createMany({ data: Array.from({ length: n }, (_, i) => ({ code: `p${from + i}`, fullName: `Người nhận ${from + i}`, unitId, roles: ['OFFICER' as const] })) });
    const people = await db.prisma.person.findMany({ where: { code: { in: Array.from({ length: n }, (_, i) => `p${from + i}`) } }, orderBy: { id: 'asc' } });
    await db.prisma.chatIdentity.createMany({ data: people.map((p, i) => ({ personId: p.id, channel: 'TELEGRAM' as const, externalId: String(10_000 + from + i), chatId: String(10_000 + from + i) })) });
    for (let i = 0; i < n; i++) tg.addUser({ id: 10_000 + from + i, first_name: `User ${from + i}` });
    return people.map((p) => p.id);
  }

  async function broadcast(audience: unknown = { roles: ['OFFICER'] }, extra: { attachment?: { kind: 'photo'; fileName: string; mime: string; data: Uint8Array } } = {}): Promise<number> {
    const r = await d.broadcasts.create({ senderId, text: 'Thông báo: cảnh giác lừa đảo trực tuyến & giả danh cơ quan nhà nước <khẩn>', audience, senderChannel: 'TELEGRAM', senderChatId: '1', now: new Date(), ...extra });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.broadcastId;
  }

  async function until(check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async function settled(broadcastId: number, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const b = await db.prisma.broadcast.findUniqueOrThrow({ where: { id: broadcastId } });
      const final = await db.prisma.delivery.findUnique({ where: { dedupeKey: `broadcast:${broadcastId}:final` } });
      if (b.state === 'DONE' && final?.state === 'SENT') return;
      if (Date.now() > deadline) throw new Error(`broadcast ${broadcastId} not settled: ${JSON.stringify(await d.store.countsByState({ broadcastId }))}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  // Throughput against the bound is a figure of `npm run bench -- --only delivery`, not an assertion: the machine may be busy.
  it(`300 recipients at ${RATE}/s within flood control, each chat once, with progress and a final tally`, async () => {
    const n = 300;
    await recipients(n);
    const id = await broadcast();
    d.worker.start();
    await settled(id);
    const rows = await db.prisma.delivery.findMany({ where: { broadcastId: id } });
    const stats = tg.stats();
    // the fake's one-second windows are stamped inside this busy test process: a few arrivals may bunch (the rate is the bench's)
    expect(stats.violations).toBeLessThanOrEqual(5);
    expect(rows.every((r) => r.state === 'SENT')).toBe(true);
    for (const r of rows) {
      const sent = tg.sentTo(Number(r.chatId));
      expect(sent).toHaveLength(1);
      expect(String(sent[0]!.message_id)).toBe(r.messageId);
      expect(tg.buttons(sent[0])).toEqual([{ text: '✅ Đã nhận', data: `bc:ack:${r.id}` }]);
    }
    expect(tg.sentTo(10_000)[0]!.plainText).toContain('cảnh giác lừa đảo trực tuyến & giả danh cơ quan nhà nước <khẩn>');
    // The recipient taps "Đã nhận": the engine calls acknowledge with the chat the press came from.
    expect(await d.broadcasts.acknowledge(rows[0]!.id, { channel: 'TELEGRAM', chatId: rows[0]!.chatId! }, new Date())).toBe('ok');
    const toSender = tg.sentTo(1).map((m) => m.plainText);
    expect(toSender.some((m) => m.startsWith('⏳ Đang gửi thông báo'))).toBe(true);
    expect(toSender.at(-1)).toContain(`📬 Kết quả gửi thông báo #${id}`);
    expect(toSender.at(-1)).toContain(`Đã gửi ${n}/${n}`);
  });

  it(`two instances share the ${RATE}/s budget through the database: one sends at a time, the other takes over when it stops`, async () => {
    await recipients(200);
    const id = await broadcast();
    const other = createDelivery({
      prisma: db.prisma,
      clock: systemClock,
      calendar: anytime,
      settings: deliverySettings({ instanceId: 'second', reminders: { window: 'always' }, rates: { TELEGRAM: RATE, ZALO: RATE, perChatIntervalMs: 1000, marginMs: IN_PROCESS_MARGIN_MS }, worker: { leaseMs: 30_000 } }),
      status: { dueSoonDays: 7 },
      log: silentLog,
      senders: { TELEGRAM: new TelegramSender({ token: TOKEN, apiRoot: tg.apiRoot, tr, timeoutSeconds: 60 }) },
    });
    d.worker.start();
    other.worker.start();
    try {
      // Whichever took the sending turn stops halfway; the other carries on at once (its turn is given up, not waited out).
      await until(async () => (await db.prisma.delivery.count({ where: { broadcastId: id, state: 'SENT' } })) >= 80);
      const first = d.worker.stats().sent > 0 ? d : other;
      const second = first === d ? other : d;
      await first.worker.stop();
      await settled(id);
      expect(second.worker.stats().sent).toBeGreaterThan(0);
    } finally {
      await other.worker.stop();
    }
    // Each configured with the platform's whole rate: without the shared budget together they would send twice
    // as fast and meet hundreds of 429s. A few come from arrival jitter on a busy machine (the rate itself is the bench's).
    expect(tg.stats().violations).toBeLessThanOrEqual(10);
    expect(tg.stats().rejected429).toBeLessThanOrEqual(10);
    const rows = await db.prisma.delivery.findMany({ where: { broadcastId: id } });
    // A request timed out on a very busy machine is UNKNOWN (never re-sent); nothing else may go wrong.
    const notSent = rows.filter((r) => r.state !== 'SENT');
    expect(notSent.filter((r) => r.state !== 'UNKNOWN' || !/timed out/.test(r.lastError ?? '')).map((r) => [r.state, r.lastError])).toEqual([]);
    for (const r of rows) expect(tg.sentTo(Number(r.chatId)).length).toBeLessThanOrEqual(1);
  });

  it('honours an injected 429 (no early retry) and records a dropped connection as UNKNOWN, never re-sent', async () => {
    await recipients(40);
    const id = await broadcast();
    tg.failNext('sendMessage', { status: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 });
    tg.failNext('sendMessage', 'network');
    d.worker.start();
    await settled(id);
    expect(tg.stats().violations).toBe(0);
    expect(d.worker.stats().rateLimited).toBeGreaterThanOrEqual(1);
    const tally = (await d.broadcasts.tally(id))!;
    expect(tally).toMatchObject({ total: 40, sent: 39, unknown: 1, failed: 0, pending: 0 });
    const unknown = await db.prisma.delivery.findFirstOrThrow({ where: { broadcastId: id, state: 'UNKNOWN' } });
    expect(tg.sentTo(Number(unknown.chatId))).toHaveLength(0);
    expect((await db.prisma.delivery.findMany({ where: { broadcastId: id, state: 'SENT' } })).every((r) => r.attempts === 1)).toBe(true);
  });

  it('a person who blocked the bot on Telegram gets it on Zalo; blocked everywhere is named in the tally; next time the blocked account is skipped', async () => {
    const [both, tgOnly, fine] = await recipients(3);
    await db.prisma.chatIdentity.create({ data: { personId: both!, channel: 'ZALO', externalId: 'z-both', chatId: 'z-both', linkedAt: new Date('2020-01-01') } });
    zl.knowChat('z-both');
    await tg.blockUser(10_000);
    await tg.blockUser(10_001);
    const id = await broadcast();
    d.worker.start();
    await settled(id);
    expect(zl.sentTo('z-both')).toHaveLength(1);
    expect(zl.sentTo('z-both')[0]!.text).toContain('Trả lời ĐÃ NHẬN để xác nhận đã nhận thông báo.');
    expect(zl.sentTo('z-both')[0]!.text).not.toContain('1.');
    const rows = await db.prisma.delivery.findMany({ where: { broadcastId: id } });
    expect(rows.find((r) => r.personId === both)).toMatchObject({ state: 'SENT', channel: 'ZALO' });
    expect(rows.find((r) => r.personId === tgOnly)).toMatchObject({ state: 'BLOCKED' });
    expect(rows.find((r) => r.personId === fine)).toMatchObject({ state: 'SENT', channel: 'TELEGRAM' });
    const tally = (await d.broadcasts.tally(id))!;
    expect(tally).toMatchObject({ sent: 2, blocked: 1, unreachableCount: 1, unreachable: [{ name: 'Người nhận 1', unitName: 'Phường Thử Nghiệm' }] });
    expect(tg.sentTo(1).at(-1)!.plainText).toContain('Không liên lạc được trên tài khoản nào (1): Người nhận 1 (Phường Thử Nghiệm).');
    // "OK" on Zalo maps to the acknowledgement of that delivery.
    const conv = await db.prisma.conversation.findUniqueOrThrow({ where: { channel_chatId: { channel: 'ZALO', chatId: 'z-both' } } });
    expect((conv.choices as { items: { id: string }[] }).items[0]!.id).toBe(`bc:ack:${rows.find((r) => r.personId === both)!.id}`);

    // The next notice: the unreachable accounts are not tried again.
    const callsBefore = tg.calls('sendMessage').filter((c) => String(c.params.chat_id) === '10000' || String(c.params.chat_id) === '10001').length;
    const count = await d.broadcasts.count(senderId, { roles: ['OFFICER'] });
    expect(count).toMatchObject({ ok: true, count: { recipients: 2, byChannel: { TELEGRAM: 1, ZALO: 1 }, unreachable: 1 } });
    const next = await broadcast();
    await settled(next);
    const callsAfter = tg.calls('sendMessage').filter((c) => String(c.params.chat_id) === '10000' || String(c.params.chat_id) === '10001').length;
    expect(callsAfter).toBe(callsBefore);
    expect(zl.sentTo('z-both')).toHaveLength(2);
  });

  it('Zalo: numbered choices in the text, a photo by link; Telegram: a photo uploaded once, then re-sent by file_id', async () => {
    const [p] = await recipients(3);
    await db.prisma.chatIdentity.create({ data: { personId: p!, channel: 'ZALO', externalId: 'z-rem', chatId: 'z-rem' } });
    await db.prisma.person.update({ where: { id: p! }, data: { preferredChannel: 'ZALO' } });
    zl.knowChat('z-rem');
    const identity = await db.prisma.chatIdentity.findFirstOrThrow({ where: { chatId: 'z-rem' } });
    await d.store.insert([
      {
        kind: 'REMINDER',
        dedupeKey: 'reminder:zalo',
        personId: p!,
        identityId: identity.id,
        channel: 'ZALO',
        chatId: 'z-rem',
        unitId,
        broadcastId: null,
        payload: { v: 1, reply: { lines: [line(t('reminder-footer'))], choices: [{ id: 'rm:report:5', label: t('reminder-report-now') }, { id: 'rm:same:5', label: t('reminder-no-change') }] } },
        notBefore: new Date(),
      },
    ]);
    const id = await broadcast({ roles: ['OFFICER'] }, { attachment: { kind: 'photo', fileName: 'canh-bao.png', mime: 'image/png', data: TINY_PNG } });
    d.worker.start();
    await settled(id);
    const reminder = zl.sentTo('z-rem').find((m) => m.text?.includes('Báo cáo ngay'))!;
    expect(reminder.text).toContain('1. 📝 Báo cáo ngay\n2. Không thay đổi\nTrả lời 1 hoặc 2.');
    // Zalo sends photos by URL: the photo is published once as an expiring link.
    expect(zl.sentTo('z-rem').filter((m) => m.method === 'sendPhoto').map((m) => m.photo)).toEqual(['https://bot.example.vn/files/abc/canh-bao.png']);
    expect(published).toEqual(['canh-bao.png']);
    const photos = tg.allSent().filter((m) => m.method === 'sendPhoto');
    expect(photos).toHaveLength(2);
    expect(tg.uploadedFiles).toHaveLength(1);
    expect(photos.map((m) => m.photo!.source).sort()).toEqual(['file_id', 'upload']);
    // The text with the button comes after the photo.
    const chat = Number((await db.prisma.delivery.findFirstOrThrow({ where: { broadcastId: id, channel: 'TELEGRAM' } })).chatId);
    expect(tg.sentTo(chat).map((m) => m.method)).toEqual(['sendPhoto', 'sendMessage']);
  });
});
