import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatService } from '../../bot/chat/service.ts';
import { i18n } from '../../bot/i18n.ts';
import { seedSampleData } from '../../bot/services/seed.ts';
import { createTelegramBot, mountWebhook } from '../../bot/telegram/bot.ts';
import { HttpRouter } from '../../bot/http/server.ts';
import { FixedClock } from '../../domain/shared/clock.ts';
import { instantOf } from '../../domain/shared/day.ts';
import { FakeTelegram } from '../fakes/telegram/server.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { SETTINGS, silentLog, TelegramHarness } from '../support/telegram-harness.ts';

describe('Telegram transport: retries, timeouts, webhook', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
  });
  afterAll(async () => {
    await db.destroy();
  });

  describe('polling', () => {
    let h: TelegramHarness;
    beforeAll(async () => {
      h = await TelegramHarness.start(db);
    });
    afterAll(async () => {
      await h.close();
    });

    it('a 429 is retried after retry_after, and a network error is retried', async () => {
      const u = h.user(2001);
      h.tg.failNext('sendMessage', { status: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 });
      const t0 = Date.now();
      const [reply] = await h.say(u, 'xin chào');
      expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
      expect(reply!.plainText).toContain('chưa được liên kết');
      expect(h.tg.stats().violations).toBe(0);
      h.tg.failNext('sendMessage', 'network');
      const [again] = await h.say(u, 'alo');
      expect(again!.plainText).toContain('chưa được liên kết');
    });

    it('a flow left unanswered times out and saves nothing', async () => {
      const u = h.user(2002);
      await h.linkAndAccept(u, 'Trần Thị Hồng Nhung');
      const before = await db.prisma.progressUpdate.count();
      const [status] = await h.say(u, '/capnhat A.II.8');
      await h.press(u, status!, 'Đang triển khai');
      h.clock.advance(31 * 60_000);
      const [expired, reply] = await h.say(u, '70', 2);
      expect(expired!.plainText).toContain('quá thời gian chờ');
      // A bare 70 answered the prompt that timed out: it is dead, never a report.
      expect(reply!.plainText).toContain('Lựa chọn này đã hết hiệu lực');
      expect(await db.prisma.progressUpdate.count()).toBe(before);
    });
  });

  it('a failure inside the bot gets an apology, not silence', async () => {
    const tg = await FakeTelegram.start({ token: '5550001:FAILING-test-token-abcdefghijklmn' });
    const failing = { handle: async () => Promise.reject(new Error('database is down')) };
    const bot = createTelegramBot({ token: tg.token, apiRoot: tg.apiRoot, handler: failing, tr: i18n(), log: silentLog, botInfo: tg.botInfo });
    const runner = (await import('../../bot/telegram/bot.ts')).startPolling(bot);
    try {
      tg.addUser({ id: 4001, first_name: 'A' });
      await tg.sendText(4001, 'nv 1');
      const [reply] = await tg.waitForMessages(4001, 1);
      expect(reply!.plainText).toContain('hệ thống gặp lỗi');
      expect(reply!.plainText).toContain('chưa có gì được lưu');
    } finally {
      await runner.stop();
      await tg.close();
    }
  });

  describe('webhook', () => {
    let tg: FakeTelegram;
    const router = new HttpRouter();
    const secret = 'test-secret-token-0123456789';
    let url: string;

    beforeAll(async () => {
      tg = await FakeTelegram.start({ token: '7654321:WEBHOOK-test-token-abcdefghijklmnop' });
      const service = new ChatService({ prisma: db.prisma, clock: new FixedClock(instantOf('2026-11-26', 9)), settings: SETTINGS, log: silentLog });
      const bot = createTelegramBot({ token: tg.token, apiRoot: tg.apiRoot, handler: service, tr: i18n(), log: silentLog, botInfo: tg.botInfo });
      const port = 20000 + Math.floor(Math.random() * 20000);
      url = `http://127.0.0.1:${port}/telegram/hook`;
      await router.listen(port, '127.0.0.1');
      await mountWebhook(bot, router, { url, secret });
    });
    afterAll(async () => {
      await router.close();
      await tg.close();
    });

    it('answers through the webhook the fake Bot API posts to', async () => {
      tg.addUser({ id: 3001, first_name: 'A' });
      await tg.sendText(3001, 'xin chào');
      const [reply] = await tg.waitForMessages(3001, 1);
      expect(reply!.plainText).toContain('chưa được liên kết');
      expect(tg.webhook).toMatchObject({ url, secret_token: secret });
    });

    it('refuses a forged update (no or wrong secret) before reading it, with no effect', async () => {
      const body = JSON.stringify({ update_id: 999_999_001, message: { message_id: 1, date: 0, chat: { id: 3002, type: 'private' }, from: { id: 3002, is_bot: false, first_name: 'X' }, text: '/start ABCDEFGH' } });
      const noHeader = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const wrong = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'nope' }, body });
      expect(noHeader.status).toBe(401);
      expect(wrong.status).toBe(401);
      expect(await db.prisma.processedUpdate.count({ where: { key: { endsWith: ':999999001' } } })).toBe(0);
      expect(tg.sentTo(3002)).toEqual([]);
    });

    it('the same update posted twice has one effect', async () => {
      tg.addUser({ id: 3003, first_name: 'B' });
      const update = await tg.sendText(3003, 'alo');
      await tg.waitForMessages(3003, 1);
      await tg.redeliver(update.update_id);
      await new Promise((r) => setTimeout(r, 300));
      expect(tg.sentTo(3003)).toHaveLength(1);
    });
  });
});
