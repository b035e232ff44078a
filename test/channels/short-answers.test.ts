/**
 * The two reported bugs, end to end through the fake Bot API and the fake
 * Zalo: a stray "1" after "huỷ" must save nothing, and a notice arriving
 * while a report waits for "OK" must not take the report's answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleData } from '../../bot/services/seed.ts';
import { instantOf } from '../../domain/shared/day.ts';
import { PrismaBroadcastStore } from '../../prisma/stores/broadcast-store.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { CALENDAR, choiceOf, DELIVERY, SETTINGS, TelegramHarness } from '../support/telegram-harness.ts';
import { ZaloHarness } from '../support/zalo-harness.ts';
import { PrismaTaskQueries } from '../../prisma/stores/task-queries.ts';
import { byUrgency, isOpenFor } from '../../domain/tasks/types.ts';

const NHUNG = 'Trần Thị Hồng Nhung';
const MAI = 'Bùi Thị Mai';
const DAY = '2026-11-26';

describe('short answers are bound to what they answer (Telegram and Zalo, real database)', () => {
  let db: TestDatabase;
  let tg: TelegramHarness;
  let zl: ZaloHarness;
  const updates = () => db.prisma.progressUpdate.count();

  /** The community team's notice to everyone of Cát Hải, queued as /thongbao's "send now" does. */
  async function notice(text: string): Promise<number> {
    const mai = await db.prisma.person.findFirstOrThrow({ where: { fullName: MAI } });
    const store = new PrismaBroadcastStore(db.prisma, { window: { calendar: CALENDAR, hours: DELIVERY.reminders.workingHours, mode: DELIVERY.reminders.window } });
    const created = await store.create({ senderId: mai.id, text, audience: { all: true }, now: tg.clock.now() });
    if (!created.ok) throw new Error(JSON.stringify(created));
    return created.broadcastId;
  }
  const ackOf = async (broadcastId: number, chatId: string) => (await db.prisma.delivery.findFirstOrThrow({ where: { broadcastId, chatId } })).acknowledgedAt;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    [tg, zl] = await Promise.all([TelegramHarness.start(db, { today: DAY }), ZaloHarness.start(db, { today: DAY })]);
  });
  afterAll(async () => {
    await Promise.all([tg?.close(), zl?.close()]);
    await db?.destroy();
  });

  it('Zalo: a stray "1" after "huỷ" answers a dead prompt and saves nothing', async () => {
    const u = 'c0ffee00c0ffee00c0ff';
    await zl.linkAndAccept(u, NHUNG);
    await zl.say(u, '/capnhat A.II.6');
    await zl.say(u, '1'); // đang triển khai
    const [output] = await zl.say(u, '50');
    expect(output).toContain('1. Bỏ qua');
    expect((await zl.say(u, 'huỷ'))[0]).toContain('Đã huỷ');
    const count = await updates();
    const [stray] = await zl.say(u, '1');
    expect(stray).toContain('Lựa chọn này đã hết hiệu lực');
    expect(stray).not.toContain('nhiệm vụ nào');
    expect(stray).toContain('1. Báo cáo tiến độ');
    // The next "1" answers the menu just shown (it is the live prompt): it asks, it saves nothing.
    const [again] = await zl.say(u, '1');
    expect(again).toContain('Anh/chị báo cáo nhiệm vụ nào?');
    const [ok] = await zl.say(u, 'OK');
    expect(ok).not.toContain('Đã lưu');
    expect(await updates()).toBe(count);
  });

  it('Telegram: a stray "1" after "huỷ" answers a dead prompt and saves nothing', async () => {
    const u = tg.user(8801);
    await tg.linkAndAccept(u, NHUNG);
    await tg.say(u, '/capnhat A.II.6');
    await tg.press(u, tg.last(u), 'f:st:IN_PROGRESS');
    await tg.say(u, '50');
    const skipPrompt = tg.last(u);
    expect((await tg.say(u, 'huỷ'))[0]!.plainText).toContain('Đã huỷ');
    const count = await updates();
    const [stray] = await tg.say(u, '1');
    expect(stray!.plainText).toContain('Lựa chọn này đã hết hiệu lực');
    const [ok] = await tg.say(u, 'ok');
    expect(ok!.plainText).not.toContain('Đã lưu');
    // The cancelled prompt's button does nothing either.
    const [old] = await tg.press(u, skipPrompt, 'f:skip');
    expect(old!.plainText).toContain('Lựa chọn này đã hết hiệu lực');
    expect(await updates()).toBe(count);
  });

  it('Zalo: a notice arriving while a report waits for "OK" asks with other words; each answer goes to its own prompt', async () => {
    const u = 'c0ffee01c0ffee01c0ff';
    await zl.linkAndAccept(u, NHUNG);
    const [summary] = await zl.say(u, 'nv A.II.6: 55%, vướng kinh phí');
    expect(summary).toContain('Tình trạng: đang triển khai (55%)');
    const count = await updates();
    const id = await notice('Họp giao ban chuyển đổi số 14h00 thứ Sáu.');
    const before = zl.zalo.sentTo(u).length;
    await zl.delivery().worker.runUntilIdle();
    const [text] = (await zl.zalo.waitForMessages(u, before + 1, 5000)).slice(before).map((m) => m.text ?? '');
    expect(text).toContain('Họp giao ban');
    expect(text).toContain('Trả lời ĐÃ NHẬN');
    const [thanks, reask] = await zl.say(u, 'đã nhận', 2);
    expect(thanks).toContain('Cảm ơn anh/chị đã xác nhận');
    expect(reask).toContain('Tình trạng: đang triển khai (55%)');
    expect(await ackOf(id, u)).not.toBeNull();
    expect(await updates()).toBe(count);
    const [saved] = await zl.say(u, 'OK');
    expect(saved).toContain('Đã lưu cập nhật nhiệm vụ A.II.6');
    expect(await updates()).toBe(count + 1);
  });

  it('Zalo: the other order, a notice first and then a report: "OK" saves the report, "đã nhận" still acknowledges', async () => {
    const u = 'c0ffee02c0ffee02c0ff';
    await zl.linkAndAccept(u, NHUNG);
    const id = await notice('Kiểm tra an toàn thông tin trước ngày 30/11.');
    const before = zl.zalo.sentTo(u).length;
    await zl.delivery().worker.runUntilIdle();
    await zl.zalo.waitForMessages(u, before + 1, 5000);
    const [summary] = await zl.say(u, 'nv A.II.7: 60%');
    expect(summary).toContain('(60%)');
    const count = await updates();
    const [saved] = await zl.say(u, 'ok');
    expect(saved).toContain('Đã lưu cập nhật nhiệm vụ A.II.7');
    expect(await updates()).toBe(count + 1);
    expect(await ackOf(id, u)).toBeNull();
    const [thanks] = await zl.say(u, 'Đã nhận');
    expect(thanks).toContain('Cảm ơn anh/chị đã xác nhận');
    expect(await ackOf(id, u)).not.toBeNull();
  });

  it('Telegram: "Đã nhận" pressed while a report waits acknowledges the notice and keeps the report waiting', async () => {
    const u = tg.user(8802);
    await tg.linkAndAccept(u, NHUNG);
    const [summary] = await tg.say(u, 'nv A.II.8: 35%');
    expect(summary!.plainText).toContain('(35%)');
    const count = await updates();
    const id = await notice('Nộp báo cáo tháng trước 16h thứ Sáu.');
    const before = tg.tg.sentTo(u).length;
    await tg.delivery().worker.runUntilIdle();
    const [msg] = (await tg.tg.waitForMessages(u, before + 1)).slice(before);
    const [thanks, reask] = await tg.press(u, msg!, /^bc:ack:/, 2);
    expect(thanks!.plainText).toContain('Cảm ơn anh/chị đã xác nhận');
    expect(reask!.plainText).toContain('(35%)');
    expect(await ackOf(id, String(u))).not.toBeNull();
    expect(await updates()).toBe(count);
    const [saved] = await tg.press(u, reask!, 'f:save');
    expect(saved!.plainText).toContain('Đã lưu cập nhật nhiệm vụ A.II.8');
  });

  it('Zalo: a sticker gets what the step accepts, and changes nothing', async () => {
    const u = 'c0ffee03c0ffee03c0ff';
    await zl.linkAndAccept(u, NHUNG);
    const before = zl.zalo.sentTo(u).length;
    await zl.zalo.sendSticker(u, 'st-1');
    const [idle] = (await zl.zalo.waitForMessages(u, before + 1, 5000)).slice(before).map((m) => m.text ?? '');
    expect(idle).toContain('Tôi chưa đọc được nhãn dán');
    expect(idle).toContain('1. Báo cáo tiến độ');
    await zl.say(u, '/capnhat A.II.6');
    await zl.say(u, '1');
    const b2 = zl.zalo.sentTo(u).length;
    await zl.zalo.sendSticker(u, 'st-2');
    const [step, again] = (await zl.zalo.waitForMessages(u, b2 + 2, 5000)).slice(b2).map((m) => m.text ?? '');
    expect(step).toContain('Ở bước này anh/chị gõ một số từ 0 đến 100');
    expect(again).toContain('gõ một số từ 0 đến 100');
    // The flow is where it was: 40 is the percentage.
    expect((await zl.say(u, '40'))[0]).toContain('Sản phẩm đầu ra');
    await zl.say(u, 'huỷ');
  });

  it('Telegram: a voice message, with voice not enabled (no STT_URL), asks for text and offers the menu', async () => {
    const u = tg.user(8803);
    await tg.linkAndAccept(u, NHUNG);
    const before = tg.tg.sentTo(u).length;
    await tg.tg.injectUpdate({ message: { message_id: 9_000_001, date: Math.floor(Date.now() / 1000), chat: { id: u, type: 'private', first_name: 'U' }, from: { id: u, is_bot: false, first_name: 'U' }, voice: { file_id: 'v1', file_unique_id: 'v1u', duration: 3 } } });
    const [reply] = (await tg.tg.waitForMessages(u, before + 1)).slice(before);
    expect(reply!.plainText).toContain('Bot chưa bật nhận giọng nói, xin anh/chị gõ chữ.');
    expect(tg.tg.buttons(reply!).map((b) => choiceOf(b.data))).toContain('menu:report');
  });

  it('Telegram: opening one’s own used invite link once linked greets the person', async () => {
    const u = tg.user(8804);
    const code = await tg.invite(NHUNG);
    const before = tg.tg.sentTo(u).length;
    await tg.tg.sendCommand(u, '/start', code);
    const notice = (await tg.tg.waitForMessages(u, before + 2)).at(-1)!;
    if (tg.tg.buttons(notice).some((b) => choiceOf(b.data) === 'consent:yes')) await tg.press(u, notice, 'consent:yes', 2);
    const b2 = tg.tg.sentTo(u).length;
    await tg.tg.sendCommand(u, '/start', code);
    const [hello] = (await tg.tg.waitForMessages(u, b2 + 2)).slice(b2);
    expect(hello!.plainText).toContain('Chào Trần Thị Hồng Nhung, tài khoản này đã được liên kết rồi');
    expect(hello!.plainText).not.toContain('đã được dùng');
  });

  it('Zalo: "việc của tôi" pages with "xem thêm"; the count of open tasks is the one the report uses', async () => {
    const u = 'c0ffee04c0ffee04c0ff';
    await zl.linkAndAccept(u, NHUNG);
    const [mine] = await zl.say(u, 'việc của tôi');
    const open = Number(/: (\d+) đang mở/.exec(mine!)?.[1]);
    expect(open).toBeGreaterThan(8);
    expect(mine).toContain('9. Xem thêm');
    const [page2] = await zl.say(u, 'xem thêm');
    expect(page2).toContain(`mục 9–16 / ${open}`);
    const [tiep] = await zl.say(u, 'tiếp');
    expect(tiep).toContain(`mục 17–`);
    // The same count when a one-line report asks which task; tasks come before indicators for a %.
    const [which] = await zl.say(u, '45%, vướng kinh phí');
    expect(which).toContain(`(${open} nhiệm vụ đang mở)`);
    const first = /\n1\. (\S+) · ([^\n]+)/.exec(which!)!;
    expect(first[2]).not.toMatch(/^Tỷ lệ/); // a task, not an indicator
    expect((await zl.say(u, 'huỷ'))[0]).toContain('Đã huỷ');
  });
  it('Telegram: the other order, a notice first and then a report: typed "ok" saves the report, the notice\'s "Đã nhận" still acknowledges', async () => {
    const u = tg.user(8805);
    await tg.linkAndAccept(u, NHUNG);
    const id = await notice('Rà soát danh mục dữ liệu dùng chung trước ngày 30/11.');
    const before = tg.tg.sentTo(u).length;
    await tg.delivery().worker.runUntilIdle();
    const [msg] = (await tg.tg.waitForMessages(u, before + 1)).slice(before);
    expect(msg!.plainText).toContain('Rà soát danh mục');
    const [summary] = await tg.say(u, 'nv A.II.9: 65%');
    expect(summary!.plainText).toContain('(65%)');
    const count = await updates();
    const [saved] = await tg.say(u, 'ok');
    expect(saved!.plainText).toContain('Đã lưu cập nhật nhiệm vụ A.II.9');
    expect(await updates()).toBe(count + 1);
    expect(await ackOf(id, String(u))).toBeNull();
    const [thanks] = await tg.press(u, msg!, /^bc:ack:/);
    expect(thanks!.plainText).toContain('Cảm ơn anh/chị đã xác nhận');
    expect(await ackOf(id, String(u))).not.toBeNull();
    expect(await updates()).toBe(count + 1);
  });

  it('Zalo: sending one’s own used code again once linked greets the person', async () => {
    const u = 'c0ffee05c0ffee05c0ff';
    const code = await zl.invite(NHUNG);
    const first = await zl.say(u, code, 2);
    if (first[1]!.includes('dữ liệu cá nhân')) await zl.say(u, '1', 2);
    const [hello, menu] = await zl.say(u, code, 2);
    expect(hello).toContain('Chào Trần Thị Hồng Nhung, tài khoản này đã được liên kết rồi');
    expect(`${hello}\n${menu}`).not.toContain('đã được dùng');
    expect(menu).toContain('1. Báo cáo tiến độ');
  });

  it('Zalo: an image where text is expected says what the step accepts, and changes nothing', async () => {
    const u = 'c0ffee06c0ffee06c0ff';
    await zl.linkAndAccept(u, NHUNG);
    await zl.say(u, '/capnhat A.II.6');
    await zl.say(u, '1'); // đang triển khai
    const b = zl.zalo.sentTo(u).length;
    await zl.zalo.sendImage(u, 'https://example.org/anh.jpg');
    const [said] = (await zl.zalo.waitForMessages(u, b + 1, 5000)).slice(b).map((m) => m.text ?? '');
    expect(said).toContain('gõ một số từ 0 đến 100');
    expect(said).not.toContain('Chọn một mục ở trên');
    expect((await zl.say(u, '40'))[0]).toContain('Sản phẩm đầu ra');
    const b2 = zl.zalo.sentTo(u).length;
    await zl.zalo.sendImage(u, 'https://example.org/anh2.jpg');
    const [out] = (await zl.zalo.waitForMessages(u, b2 + 1, 5000)).slice(b2).map((m) => m.text ?? '');
    expect(out).toContain('tệp đính kèm gửi ở bước sau');
    expect((await zl.say(u, 'huỷ'))[0]).toContain('Đã huỷ');
  });
  it('Telegram: "which task?" buttons show number and short title, tasks before indicators for a %, an unanswered reminder\'s task first', async () => {
    const u = tg.user(8806);
    await tg.linkAndAccept(u, NHUNG);
    const nhung = await db.prisma.person.findFirstOrThrow({ where: { fullName: NHUNG } });
    const status = SETTINGS.status;
    const open = (await new PrismaTaskQueries(db.prisma).responsibleFor(nhung.id)).filter((r) => isOpenFor(r, DAY, status)).sort(byUrgency(DAY, status));
    const tasks = open.filter((r) => r.kind === 'TASK');
    const reminded = tasks.at(-1)!; // the least urgent task: never first by urgency alone
    expect(tasks[0]!.taskId).not.toBe(reminded.taskId);
    // A reminder about it went out this morning; since then the officer looked at another list.
    await db.prisma.delivery.create({ data: { kind: 'REMINDER', dedupeKey: `rm-test-${u}`, personId: nhung.id, payload: { v: 1, reply: { lines: [], choices: [{ id: `rm:report:${reminded.taskId}`, label: 'Báo cáo ngay' }] } }, state: 'SENT', channel: 'TELEGRAM', chatId: String(u), sentAt: instantOf(DAY, 8) } });
    await tg.say(u, 'việc của tôi');
    const [which] = await tg.say(u, '45%, vướng kinh phí');
    const labels = tg.tg.buttons(which).map((b) => b.text);
    expect(labels[0]).toContain(`${reminded.number} · ${reminded.title.slice(0, 20)}`);
    const kinds = labels.slice(0, -1).map((l) => open.find((r) => l.startsWith(`${r.number} · `))?.kind);
    expect(kinds.every((k) => k !== undefined)).toBe(true);
    expect(kinds.lastIndexOf('TASK')).toBeLessThan(kinds.includes('INDICATOR') ? kinds.indexOf('INDICATOR') : Infinity);
    expect((await tg.say(u, 'huỷ'))[0]!.plainText).toContain('Đã huỷ');
    // Once reported on, the reminder is answered: its task is back in its place.
    await tg.say(u, `nv ${reminded.number}: 50%`);
    await tg.say(u, 'ok');
    const [again] = await tg.say(u, '/capnhat');
    expect(tg.tg.buttons(again).map((b) => b.text)[0]).not.toContain(`${reminded.number} · `);
    await tg.say(u, 'huỷ');
  });
  it('Zalo: a voice message inside a report, with voice not enabled, says so and asks the step again', async () => {
    const u = 'c0ffee07c0ffee07c0ff';
    await zl.linkAndAccept(u, NHUNG);
    await zl.say(u, '/capnhat A.II.6');
    await zl.say(u, '1'); // đang triển khai
    const count = await updates();
    const b = zl.zalo.sentTo(u).length;
    await zl.zalo.sendVoice(u, 'https://example.org/giong-noi.aac');
    const [why, again] = (await zl.zalo.waitForMessages(u, b + 2, 5000)).slice(b).map((m) => m.text ?? '');
    expect(why).toContain('Bot chưa bật nhận giọng nói, xin anh/chị gõ chữ.');
    expect(again).toContain('gõ một số từ 0 đến 100');
    expect((await zl.say(u, '40'))[0]).toContain('Sản phẩm đầu ra');
    expect((await zl.say(u, 'huỷ'))[0]).toContain('Đã huỷ');
    expect(await updates()).toBe(count);
  });
});
