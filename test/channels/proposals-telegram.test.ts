/**
 * Proposals on Telegram (issue 15): the addressee's leader gets the proposal
 * with four buttons from the delivery worker and answers by pressing them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleData } from '../../bot/services/seed.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { TelegramHarness } from '../support/telegram-harness.ts';

describe('proposals on Telegram', () => {
  let db: TestDatabase;
  let tg: TelegramHarness;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    const u = await db.prisma.unit.findFirstOrThrow({ where: { name: 'Sở Tài chính' } });
    await db.prisma.person.create({ data: { code: 't-stc', fullName: 'Trịnh Văn Lực', unitId: u.id, roles: ['UNIT_LEADER'] } });
    tg = await TelegramHarness.start(db);
  }, 300_000);
  afterAll(async () => {
    await tg?.close();
    await db?.destroy();
  }, 300_000);

  it('a proposal reaches the addressee with buttons; "đã tiếp thu" typed, then "Không thể…" pressed with a reason; the officer hears both', async () => {
    const nhung = tg.user(6101);
    const leader = tg.user(6102);
    await tg.linkAndAccept(nhung, 'Trần Thị Hồng Nhung');
    await tg.linkAndAccept(leader, 'Trịnh Văn Lực');
    await tg.say(nhung, 'nv II.6: 60%, de nghi so tai chinh bo tri von cho du an');
    const [saved] = await tg.press(nhung, tg.last(nhung), /Lưu/);
    expect(saved!.plainText).toMatch(/Số (\d+) → Sở Tài chính, hạn trả lời 10\/12\/2026/);
    const id = Number(/Số (\d+) →/.exec(saved!.plainText)![1]);

    const before = tg.tg.sentTo(leader).length;
    await tg.delivery().worker.runUntilIdle();
    const notice = (await tg.tg.waitForMessages(leader, before + 1)).at(-1)!;
    expect(notice.plainText).toContain(`Kiến nghị số ${id} cần Sở Tài chính trả lời, hạn 10/12/2026`);
    expect(tg.tg.buttons(notice).map((b) => b.text)).toEqual(['Đã tiếp thu', 'Đã giải quyết…', 'Chuyển cho…', 'Không thể…']);

    // Typed first (a pressed button's keyboard is removed), then a button of the notice.
    const [ack] = await tg.say(leader, `kn ${id} đã tiếp thu`);
    expect(ack!.plainText).toBe(`Đã ghi câu trả lời cho kiến nghị số ${id} (đã tiếp thu) và báo cho Đặc khu Cát Hải.`);
    const [ask] = await tg.press(leader, notice, 'Không thể…');
    expect(ask!.plainText).toBe(`Kiến nghị số ${id}: gõ lý do không thể giải quyết.`);
    const [refused] = await tg.say(leader, 'Ngân sách 2026 đã phân bổ hết');
    expect(refused!.plainText).toBe(`Đã ghi câu trả lời cho kiến nghị số ${id} (không thể giải quyết) và báo cho Đặc khu Cát Hải.`);

    const n0 = tg.tg.sentTo(nhung).length;
    await tg.delivery().worker.runUntilIdle();
    const told = (await tg.tg.waitForMessages(nhung, n0 + 2)).slice(n0).map((m) => m.plainText).join('\n');
    expect(told).toContain('Đã tiếp thu.');
    expect(told).toContain('Không thể giải quyết: Ngân sách 2026 đã phân bổ hết');
  });
});
