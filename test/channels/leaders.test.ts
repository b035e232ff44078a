import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleData } from '../../bot/services/seed.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { choiceOf, TelegramHarness } from '../support/telegram-harness.ts';
import { ZaloHarness } from '../support/zalo-harness.ts';

describe('leaders ask in chat', () => {
  let db: TestDatabase;
  let tg: TelegramHarness;
  let zl: ZaloHarness;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    [tg, zl] = await Promise.all([TelegramHarness.start(db), ZaloHarness.start(db)]);
  });
  afterAll(async () => {
    await Promise.all([tg.close(), zl.close()]);
    await db.destroy();
  });

  it('Telegram: a counted, sorted answer, more on request, with and without diacritics', async () => {
    const u = tg.user(5001);
    await tg.linkAndAccept(u, 'Lê Minh Tuấn');
    const [answer] = await tg.say(u, 'nhiệm vụ nào quá hạn ở Cát Hải?');
    expect(answer!.plainText.split('\n')[0]).toMatch(/^Đặc khu Cát Hải: \d+ nhiệm vụ quá hạn \/ \d+/);
    const [plain] = await tg.say(u, 'nhiem vu qua han cat hai');
    expect(plain!.plainText).toBe(answer!.plainText);
    // more tasks than a page (each task once, however many units share it)
    const [city] = await tg.say(u, 'các nhiệm vụ chưa hoàn thành');
    expect(city!.plainText.split('\n')[0]).toMatch(/^Toàn thành phố: \d+ nhiệm vụ chưa hoàn thành/);
    const more = tg.tg.buttons(city).find((b) => choiceOf(b.data) === 'q:more');
    expect(more).toBeDefined();
    const [page2] = await tg.press(u, city!, 'q:more');
    expect(page2!.plainText).not.toBe(city!.plainText);
    expect(page2!.plainText).toMatch(/^[🔴🟠🟢⚪]/mu);
  });

  it('Telegram: /baocao sends the summary, the appendix as a document and the chart as a photo', async () => {
    const u = tg.user(5002);
    await tg.linkAndAccept(u, 'Lê Minh Tuấn');
    const before = tg.tg.sentTo(u).length;
    await tg.tg.sendText(u, '/baocao');
    const msgs = (await tg.tg.waitForMessages(u, before + 3, 120_000)).slice(before);
    const kinds = msgs.map((m) => m.method);
    expect(kinds).toContain('sendDocument');
    expect(kinds).toContain('sendPhoto');
    const doc = msgs.find((m) => m.method === 'sendDocument')!;
    expect(doc.document!.file_name).toMatch(/\.xlsx$/);
    expect(msgs.find((m) => m.method === 'sendMessage')!.plainText).toMatch(/90%/);
  }, 300_000);

  it('Telegram: an officer asking about another unit is refused politely', async () => {
    const u = tg.user(5003);
    await tg.linkAndAccept(u, 'Đinh Thị Thu');
    const [answer] = await tg.say(u, 'tiến độ Sở Nội vụ');
    expect(answer!.plainText).toMatch(/không (có quyền|thuộc phạm vi)/);
    expect(answer!.plainText).toContain('Sở Nội vụ');
  });

  it('Zalo: the same questions, with numbered choices and "xem thêm" typed', async () => {
    const u = 'ab12ab12ab12ab12ab12';
    await zl.linkAndAccept(u, 'Lê Minh Tuấn');
    const [answer] = await zl.say(u, 'nhiem vu qua han cat hai');
    expect(answer!.split('\n')[0]).toMatch(/^Đặc khu Cát Hải: \d+ nhiệm vụ quá hạn \/ \d+/);
    const [city] = await zl.say(u, 'cac nhiem vu chua hoan thanh');
    expect(city).toMatch(/\d\. Xem thêm/);
    const [page2] = await zl.say(u, 'xem thêm');
    expect(page2).toMatch(/^[🔴🟠🟢⚪]/mu);
    expect(page2).not.toBe(city);
    const [stale] = await zl.say(u, 'đơn vị nào chưa cập nhật tháng này');
    expect(stale).toMatch(/90%/);
  });

  it('Zalo: /baocao without a public address says where to get the files', async () => {
    const u = 'cd34cd34cd34cd34cd34';
    await zl.linkAndAccept(u, 'Lê Minh Tuấn');
    const before = zl.zalo.sentTo(u).length;
    await zl.zalo.sendText(u, '/baocao');
    const msgs = (await zl.zalo.waitForMessages(u, before + 3, 20_000)).slice(before);
    expect(msgs.some((m) => (m.text ?? '').includes('Zalo không gửi được'))).toBe(true);
    expect(msgs.every((m) => m.method === 'sendMessage')).toBe(true);
    // No message to a chat user names a command-line tool.
    expect(msgs.map((m) => m.text ?? '').join('\n')).not.toMatch(/npm|dòng lệnh/);
  }, 120_000);
});
