/**
 * Issue 11 on Telegram: a button answers the prompt it was shown with. Its
 * callback data carries that prompt's id ("choice|prompt"), so a press on a
 * cancelled, expired or replaced prompt's button gets "Lựa chọn này đã hết
 * hiệu lực" and saves nothing, even when a newer prompt offers a button
 * with the same choice ("✅ Lưu" of another summary).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleData } from '../../bot/services/seed.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { TelegramHarness } from '../support/telegram-harness.ts';

const NHUNG = 'Trần Thị Hồng Nhung';

describe('Telegram buttons are bound to their prompt (fake Bot API, real database)', () => {
  let db: TestDatabase;
  let h: TelegramHarness;
  const updates = () => db.prisma.progressUpdate.count();

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    h = await TelegramHarness.start(db, { today: '2026-11-26' });
  });
  afterAll(async () => {
    await h?.close();
    await db?.destroy();
  });

  it('callback data carry the prompt id, under 64 bytes', async () => {
    const u = h.user(9101);
    await h.linkAndAccept(u, NHUNG);
    const [understood] = await h.say(u, 'nv A.II.6: 41%');
    const data = h.tg.buttons(understood!).map((b) => b.data!);
    expect(data.length).toBeGreaterThan(1);
    for (const d of data) {
      expect(d).toMatch(/^[^|]+\|[0-9a-z]+$/);
      expect(Buffer.byteLength(d)).toBeLessThanOrEqual(64);
    }
    expect(new Set(data.map((d) => d.split('|')[1])).size).toBe(1);
    await h.say(u, 'huỷ');
  });

  it('"Rút lại" pressed after "huỷ" withdraws nothing', async () => {
    const u = h.user(9102);
    await h.linkAndAccept(u, NHUNG);
    const [understood] = await h.say(u, 'nv A.II.6: 42%');
    await h.press(u, understood!, '✅ Lưu');
    const [ask] = await h.say(u, '/rutlai');
    expect(ask!.plainText).toContain('Rút lại lần cập nhật này?');
    await h.say(u, 'huỷ');
    const count = await updates();
    const [stale] = await h.press(u, ask!, 'Rút lại');
    expect(stale!.plainText).toContain('Lựa chọn này đã hết hiệu lực');
    expect(h.tg.callbackAnswers().at(-1)!.text).toBe('Lựa chọn này đã hết hiệu lực');
    expect(await updates()).toBe(count);
  });

  it('"✅ Lưu" of a cancelled summary does not save the newer report waiting for its own "✅ Lưu"', async () => {
    const u = h.user(9103);
    await h.linkAndAccept(u, NHUNG);
    const [first] = await h.say(u, 'nv A.II.6: 43%');
    await h.say(u, 'huỷ');
    const [second] = await h.say(u, 'nv A.II.6: 44%');
    expect(second!.plainText).toContain('44%');
    const count = await updates();
    const [stale] = await h.press(u, first!, '✅ Lưu');
    expect(stale!.plainText).toContain('Lựa chọn này đã hết hiệu lực');
    expect(await updates()).toBe(count);
    // The live summary's own button still saves, with its own value.
    await h.press(u, second!, '✅ Lưu');
    expect(await updates()).toBe(count + 1);
    expect((await db.prisma.progressUpdate.findFirstOrThrow({ orderBy: { id: 'desc' } })).percent).toBe(44);
  });

  it('a summary left past FLOW_TIMEOUT_MINUTES: its "✅ Lưu" saves nothing', async () => {
    const u = h.user(9104);
    await h.linkAndAccept(u, NHUNG);
    const [understood] = await h.say(u, 'nv A.II.6: 45%');
    const count = await updates();
    h.clock.advance(31 * 60_000);
    try {
      const replies = await h.press(u, understood!, '✅ Lưu');
      expect(replies.map((m) => m.plainText).join('\n')).toMatch(/hết hiệu lực|quá thời gian/);
      expect(await updates()).toBe(count);
    } finally {
      h.clock.advance(-31 * 60_000);
    }
  });
});
