/**
 * Telegram's paid broadcasts as an emergency opt-in (TELEGRAM_PAID_BROADCAST):
 * without the setting the notice flow and the calls are as before; with it the
 * preview states the cost and offers urgent sending, and only a notice sent
 * that way carries allow_paid_broadcast. The fake Bot API lets flagged calls
 * past the free 30/s (up to 1,000/s) and refuses unflagged ones as before.
 */
import { Api, GrammyError } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDeliverySettings } from '../../bot/delivery/settings.ts';
import { seedSampleData } from '../../bot/services/seed.ts';
import { instantOf } from '../../domain/shared/day.ts';
import { FakeTelegram } from '../fakes/telegram/server.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { DELIVERY, TelegramHarness } from '../support/telegram-harness.ts';

const MONDAY = '2026-12-15';
const isPaid = (m: { params: Record<string, unknown> }) => m.params.allow_paid_broadcast === true || m.params.allow_paid_broadcast === 'true';

describe('Telegram paid broadcasts for urgent notices', () => {
  let db: TestDatabase;
  let tg: TelegramHarness;
  const sender = 7201;
  const officer = 7202;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    tg = await TelegramHarness.start(db, { today: MONDAY });
    tg.clock.set(instantOf(MONDAY, 9));
    await tg.linkAndAccept(tg.user(sender), 'Bùi Thị Mai');
    await tg.linkAndAccept(tg.user(officer), 'Phạm Văn Đức');
    // (tg.user registers the chat with the fake and returns its id)
  }, 120_000);
  afterAll(async () => {
    await tg?.close();
    await db?.destroy();
  });

  async function preview(text: string) {
    await tg.say(sender, '/thongbao');
    await tg.say(sender, text);
    const [audience] = await tg.press(sender, tg.last(sender), 'Bỏ qua');
    const [shown] = await tg.press(sender, audience!, 'Tất cả cán bộ trong địa bàn');
    return shown!;
  }

  it('without the setting: no urgent choice, no cost, "khẩn cấp" is not taken, nothing sent with the flag', async () => {
    const shown = await preview('Lịch họp giao ban chuyển đổi số: 14h thứ Sáu.');
    expect(shown.plainText).toContain('Xem trước thông báo');
    expect(shown.plainText).not.toContain('Star');
    expect(tg.tg.buttons(shown).map((b) => b.text).join(' ')).not.toContain('khẩn cấp');
    const [again] = await tg.say(sender, 'khẩn cấp');
    expect(again!.plainText).toContain('Anh/chị chọn gửi, hẹn giờ hoặc huỷ');
    const [queued] = await tg.press(sender, again!, '📤 Gửi ngay');
    expect(queued!.plainText).toMatch(/Đã xếp thông báo số \d+/);
    expect(queued!.plainText).not.toContain('khẩn cấp');
    const before = tg.tg.sentTo(officer).length;
    await tg.delivery().worker.runUntilIdle();
    const got = (await tg.tg.waitForMessages(officer, before + 1)).slice(before);
    expect(got[0]!.plainText).toContain('Lịch họp giao ban');
    expect(tg.tg.allSent().filter(isPaid)).toHaveLength(0);
  });

  it('with TELEGRAM_PAID_BROADCAST on: the preview states the cost; the urgent choice sends with allow_paid_broadcast, other messages without', async () => {
    await tg.restartWith(parseDeliverySettings({ DELIVERY_WINDOW: 'always', PER_CHAT_INTERVAL_MS: '0', TELEGRAM_RATE_PER_SECOND: '200', ZALO_RATE_PER_SECOND: '200', INSTANCE_ID: 'test', TELEGRAM_PAID_BROADCAST: 'on' }));
    expect(DELIVERY.paidBroadcast).toBe(false);
    const shown = await preview('Cảnh báo khẩn: bão số 3 đổ bộ tối nay, sơ tán dân khỏi vùng ven biển.');
    const telegram = Number(/Telegram (\d+)/.exec(shown.plainText)![1]);
    expect(telegram).toBeGreaterThan(0);
    // the cost, for this many Telegram recipients (fewer than 30 a second: nothing above the free rate)
    expect(shown.plainText).toContain('Telegram tính 0,1 Star cho mỗi tin vượt mức 30 tin/giây');
    expect(shown.plainText).toContain(`với ${telegram} người nhận Telegram là khoảng 0 Star`);
    const urgent = tg.tg.buttons(shown).find((b) => b.text.includes('Gửi khẩn cấp'));
    expect(urgent?.text).toBe('🚨 Gửi khẩn cấp (trả phí ~0 Star)');
    const [queued] = await tg.press(sender, shown, /Gửi khẩn cấp/);
    expect(queued!.plainText).toContain('🚨 Gửi khẩn cấp');
    const row = await db.prisma.delivery.findFirstOrThrow({ where: { kind: 'BROADCAST', chatId: String(officer) }, orderBy: { id: 'desc' } });
    expect(row.payload).toMatchObject({ paid: true });

    const before = tg.tg.sentTo(officer).length;
    const sentBefore = tg.tg.allSent().length;
    await tg.delivery().worker.runUntilIdle();
    const got = (await tg.tg.waitForMessages(officer, before + 1)).slice(before);
    expect(got[0]!.plainText).toContain('bão số 3');
    expect(isPaid(got[0]!)).toBe(true);
    // the sender's progress and tally are ordinary messages (the notice itself reaches her paid too: she is in the audience)
    const toSender = tg.tg.allSent().slice(sentBefore).filter((m) => m.chat_id === sender && !m.plainText.includes('bão số 3'));
    expect(toSender.length).toBeGreaterThan(0);
    expect(toSender.some(isPaid)).toBe(false);
  });

  it('typed without diacritics, "khan cap" picks the urgent sending when offered; a plain "gui" does not', async () => {
    let shown = await preview('Canh bao: mat dien dien rong, khong ra duong.');
    expect(shown.plainText).toContain('Star');
    const [queued] = await tg.say(sender, 'khan cap');
    expect(queued!.plainText).toContain('Gửi khẩn cấp');
    shown = await preview('Nhac lich hop thuong ky.');
    const [plain] = await tg.say(sender, 'gui');
    expect(plain!.plainText).toMatch(/Đã xếp thông báo số \d+/);
    expect(plain!.plainText).not.toContain('khẩn cấp');
    const rows = await db.prisma.delivery.findMany({ where: { kind: 'BROADCAST', chatId: String(officer) }, orderBy: { id: 'desc' }, take: 2 });
    expect(rows[0]!.payload).not.toHaveProperty('paid');
    expect(rows[1]!.payload).toMatchObject({ paid: true });
  });
});

describe('the fake Bot API: the paid limit only with the flag', () => {
  it('past 30/s only calls flagged allow_paid_broadcast go through; unflagged ones get 429 as before', async () => {
    const fake = await FakeTelegram.start({ enforceLimits: true, globalRatePerSecond: 30, perChatBurst: 3 });
    try {
      for (let i = 0; i < 80; i++) fake.addUser({ id: 500 + i, first_name: `U${i}` });
      const api = new Api(fake.token, { apiRoot: fake.apiRoot });
      const paid = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => api.sendMessage(500 + i, 'khẩn', { allow_paid_broadcast: true })));
      expect(paid.filter((r) => r.status === 'fulfilled')).toHaveLength(40);
      const free = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => api.sendMessage(540 + i, 'thường')));
      const refused = free.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      // the window still holds the 40 paid ones: every free call is refused with 429
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.every((r) => r.reason instanceof GrammyError && r.reason.error_code === 429)).toBe(true);
    } finally {
      await fake.close();
    }
  });
});
