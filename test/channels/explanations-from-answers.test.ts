/**
 * An explanation request from an overdue item of a leader's answer (issue 15,
 * item 1): "nhiệm vụ nào quá hạn ở Cát Hải?" offers, under each overdue item
 * the asker may ask about, "Yêu cầu giải trình …" — a button on Telegram, a
 * numbered choice on Zalo. The choice shows what will be sent (the unit, the
 * task, how late, the answer date: 5 working days) and sends it once
 * confirmed, as `/giaitrinh <task> <unit>` does. Officers and a unit's own
 * leader never see it; an old button or a number typed after the prompt ended
 * asks nothing of anybody.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleData } from '../../bot/services/seed.ts';
import { instantOf } from '../../domain/shared/day.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { TelegramHarness } from '../support/telegram-harness.ts';
import { ZaloHarness } from '../support/zalo-harness.ts';
import { consoleChat } from '../support/console-chat.ts';

describe('explanation requests from an overdue item', () => {
  let db: TestDatabase;
  let tg: TelegramHarness;
  let zl: ZaloHarness;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    [tg, zl] = await Promise.all([TelegramHarness.start(db), ZaloHarness.start(db)]);
  }, 300_000);
  afterAll(async () => {
    await Promise.all([tg?.close(), zl?.close()]);
    await db?.destroy();
  }, 300_000);

  const requests = async (number: string) => {
    const unit = await db.prisma.unit.findFirstOrThrow({ where: { name: 'Đặc khu Cát Hải' } });
    // The number as shown: the appendix's own numbering may carry a section before it.
    const tasks = await db.prisma.task.findMany({ where: { OR: [{ number }, { number: { endsWith: `.${number}` } }], assignments: { some: { unitId: unit.id } } }, select: { id: true } });
    return db.prisma.explanationRequest.findMany({ where: { unitId: unit.id, taskId: { in: tasks.map((x) => x.id) } }, include: { events: true } });
  };

  it('Telegram: a city leader asks Cát Hải to explain task 14 from the answer, confirmed by a button; old buttons ask nothing', async () => {
    const tuan = tg.user(7201);
    const duc = tg.user(7202);
    const nhung = tg.user(7203);
    await tg.linkAndAccept(tuan, 'Lê Minh Tuấn');
    await tg.linkAndAccept(duc, 'Phạm Văn Đức');
    await tg.linkAndAccept(nhung, 'Trần Thị Hồng Nhung');

    const [answer] = await tg.say(tuan, 'nhiệm vụ nào quá hạn ở Cát Hải?');
    expect(answer!.plainText.split('\n')[0]).toBe('Đặc khu Cát Hải: 2 nhiệm vụ quá hạn / 37');
    expect(tg.tg.buttons(answer).map((b) => b.text)).toEqual(['Yêu cầu giải trình: 14 · Đặc khu Cát Hải', 'Yêu cầu giải trình: 15 · Đặc khu Cát Hải']);
    // Without diacritics: the same answer and the same buttons.
    const [plain] = await tg.say(tuan, 'nhiem vu qua han cat hai');
    expect(tg.tg.buttons(plain).map((b) => b.text)).toEqual(tg.tg.buttons(answer).map((b) => b.text));

    // The unit's own leader and its officer see the same items, never the button.
    const [own] = await tg.say(duc, 'nhiệm vụ nào quá hạn ở Cát Hải?');
    expect(own!.plainText.split('\n')[0]).toBe('Đặc khu Cát Hải: 2 nhiệm vụ quá hạn / 37');
    expect(tg.tg.buttons(own).some((b) => /giải trình/i.test(b.text))).toBe(false);
    const [officer] = await tg.say(nhung, 'nhiem vu qua han');
    expect(tg.tg.buttons(officer).some((b) => /giải trình/i.test(b.text))).toBe(false);

    // The first answer's buttons were replaced by the second's: pressing one is dead.
    const [dead] = await tg.press(tuan, answer!, 'Yêu cầu giải trình: 14 · Đặc khu Cát Hải');
    expect(dead!.plainText).toContain('Lựa chọn này đã hết hiệu lực');
    expect(await requests('14')).toHaveLength(0);

    // (the refusal showed the menu, which is now the live prompt): asked again, then chosen.
    const [fresh] = await tg.say(tuan, 'nhiệm vụ nào quá hạn ở Cát Hải?');
    const [confirm] = await tg.press(tuan, fresh!, 'Yêu cầu giải trình: 14 · Đặc khu Cát Hải');
    expect(confirm!.plainText).toMatch(/^Yêu cầu Đặc khu Cát Hải giải trình nhiệm vụ 14 · \S+ \(quá hạn 149 ngày\), hạn trả lời 03\/12\/2026 \(5 ngày làm việc\)\?/);
    expect(confirm!.plainText).toContain('gõ ví dụ “hạn 15/12”, “10 ngày” hoặc “lý do: chưa cập nhật từ tháng 6”');
    expect(tg.tg.buttons(confirm).map((b) => b.text)).toEqual(['Gửi yêu cầu', 'Thôi']);
    expect(await requests('14')).toHaveLength(0);

    const [sent] = await tg.press(tuan, confirm!, 'Gửi yêu cầu');
    expect(sent!.plainText).toMatch(/^Đã gửi yêu cầu giải trình số \d+ tới Đặc khu Cát Hải \(nhiệm vụ 14 · \S+, quá hạn 149 ngày\), hạn trả lời 03\/12\/2026\. Đã báo 2 người/);
    const made = await requests('14');
    expect(made).toHaveLength(1);
    expect(made[0]!.dueOn.toISOString().slice(0, 10)).toBe('2026-12-03');
    expect(made[0]!.events.map((e) => [e.kind, e.channel])).toEqual([['REQUESTED', 'TELEGRAM']]);

    // Asked again from a new answer while one is open: said so, nothing new.
    const [again] = await tg.say(tuan, 'nhiệm vụ nào quá hạn ở Cát Hải?');
    const [open] = await tg.press(tuan, again!, 'Yêu cầu giải trình: 14 · Đặc khu Cát Hải');
    expect(open!.plainText).toBe(`Đặc khu Cát Hải đang có yêu cầu giải trình số ${made[0]!.id} về nhiệm vụ 14, hạn trả lời 03/12/2026.`);
    // "Thôi" on a confirmation sends nothing.
    const [again2] = await tg.say(tuan, 'nhiệm vụ nào quá hạn ở Cát Hải?');
    const [confirm15] = await tg.press(tuan, again2!, 'Yêu cầu giải trình: 15 · Đặc khu Cát Hải');
    const [dropped] = await tg.press(tuan, confirm15!, 'Thôi');
    expect(dropped!.plainText).toBe('Đã thôi, không gửi yêu cầu giải trình nào.');
    expect(await requests('15')).toHaveLength(0);
  }, 180_000);

  it('Zalo: the standing office picks an item by number, confirms with "1"; a number after the prompt ended, or typed days later, asks nothing', async () => {
    const ha = 'z-ha-answers-00000001';
    const nhung = 'z-nhung-answers-00001';
    await zl.linkAndAccept(ha, 'Nguyễn Thu Hà');
    await zl.linkAndAccept(nhung, 'Trần Thị Hồng Nhung');

    const [officer] = await zl.say(nhung, 'nhiệm vụ nào quá hạn');
    expect(officer).not.toMatch(/giải trình/i);

    const [answer] = await zl.say(ha, 'nhiem vu qua han cat hai');
    expect(answer!.split('\n')[0]).toBe('Đặc khu Cát Hải: 2 nhiệm vụ quá hạn / 37');
    expect(answer).toContain('\n1. Yêu cầu giải trình: 14 · Đặc khu Cát Hải\n2. Yêu cầu giải trình: 15 · Đặc khu Cát Hải');
    const [confirm] = await zl.say(ha, '2');
    expect(confirm).toMatch(/^Yêu cầu Đặc khu Cát Hải giải trình nhiệm vụ 15 · \S+ \(quá hạn 149 ngày\), hạn trả lời 03\/12\/2026 \(5 ngày làm việc\)\?/);
    expect(confirm).toContain('\n1. Gửi yêu cầu\n2. Thôi');
    // A deadline and a reason typed at the confirmation (no diacritics): shown again, then sent.
    const [changed] = await zl.say(ha, 'han 10/12, ly do: chua cap nhat tu thang 6');
    expect(changed).toMatch(/^Yêu cầu Đặc khu Cát Hải giải trình nhiệm vụ 15 · \S+ \(quá hạn 149 ngày\), hạn trả lời 10\/12\/2026\?/);
    expect(changed).toContain('Nội dung yêu cầu: chua cap nhat tu thang 6');
    const [sent] = await zl.say(ha, '1');
    expect(sent).toMatch(/^Đã gửi yêu cầu giải trình số \d+ tới Đặc khu Cát Hải \(nhiệm vụ 15 · \S+, quá hạn 149 ngày\), hạn trả lời 10\/12\/2026\./);
    // "1" again: the confirmation was answered, no prompt is live: nothing is sent.
    const [after] = await zl.say(ha, '1');
    expect(after).not.toMatch(/Đã gửi yêu cầu/);
    const made = await requests('15');
    expect(made).toHaveLength(1);
    expect(made[0]!.reason).toBe('chua cap nhat tu thang 6');
    expect(made[0]!.events.map((e) => [e.kind, e.channel])).toEqual([['REQUESTED', 'ZALO']]);

    // A list answered on Thursday, "1" typed the next Monday (the prompt lived 72 hours): expired, nothing sent.
    const [list] = await zl.say(ha, 'nhiệm vụ nào quá hạn ở Cát Hải?');
    expect(list).toContain('1. Yêu cầu giải trình: 14 · Đặc khu Cát Hải');
    zl.clock.set(instantOf('2026-11-30', 9));
    try {
      const [late] = await zl.say(ha, '1');
      expect(late).toContain('Lựa chọn này đã hết hiệu lực');
    } finally {
      zl.clock.set(instantOf('2026-11-26', 9));
    }
    expect(await requests('14')).toHaveLength(1); // only Telegram's

    // City-wide: a task shared by many units offers itself once; the choice asks which unit, late ones first.
    const [city] = await zl.say(ha, 'nhiệm vụ nào quá hạn');
    const choice = /\n(\d+)\. Yêu cầu giải trình: 1 · CTr-2026 \(\d+ đơn vị quá hạn\)/.exec(city!);
    expect(choice).not.toBeNull();
    const [which] = await zl.say(ha, choice![1]!);
    expect(which).toContain('Nhiệm vụ 1 · CTr-2026 giao cho 48 đơn vị. Yêu cầu đơn vị nào giải trình?');
  }, 180_000);

  it('console: the same numbered choice; a unit leader asks only the units under theirs', async () => {
    // Console lines are one conversation: list, choose 2 (task 15, already asked on Zalo: said so), list again, choose 1 (14: asked on Telegram).
    const [list, chosen] = await consoleChat(db, 'Lê Minh Tuấn', ['nhiệm vụ nào quá hạn ở Cát Hải?', '2'], '2026-11-26');
    expect(list).toContain('1. Yêu cầu giải trình: 14 · Đặc khu Cát Hải');
    expect(chosen).toMatch(/^Đặc khu Cát Hải đang có yêu cầu giải trình số \d+ về nhiệm vụ 15, hạn trả lời 10\/12\/2026\.$/);
    // Cát Hải's own leader: the items, no choice to ask his own unit.
    const [own] = await consoleChat(db, 'Phạm Văn Đức', ['nhiem vu qua han cat hai'], '2026-11-26');
    expect(own).toContain('Đặc khu Cát Hải: 2 nhiệm vụ quá hạn / 37');
    expect(own).not.toMatch(/giải trình/i);
  }, 120_000);
});
