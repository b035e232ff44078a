import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../bot/i18n.ts';
import { setCommands } from '../../bot/telegram/bot.ts';
import { seedSampleData } from '../../bot/services/seed.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { TelegramHarness } from '../support/telegram-harness.ts';

const NHUNG = 'Trần Thị Hồng Nhung'; // focal officer of Đặc khu Cát Hải
const HUY = 'Đỗ Quang Huy'; // focal officer of Sở Khoa học và Công nghệ (phone 0900000004)

describe('officers on Telegram (grammY against a local fake Bot API, real database)', () => {
  let db: TestDatabase;
  let h: TelegramHarness;
  let nextUser = 1000;
  const newUser = () => h.user(++nextUser);

  const updatesOf = async (number: string, unit = 'Đặc khu Cát Hải') =>
    db.prisma.progressUpdate.findMany({ where: { task: { number }, unit: { name: unit } }, orderBy: { id: 'asc' } });
  const assignment = async (number: string, unit = 'Đặc khu Cát Hải') =>
    db.prisma.assignment.findFirstOrThrow({ where: { task: { number }, unit: { name: unit } } });

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    h = await TelegramHarness.start(db);
  });
  afterAll(async () => {
    await h.close();
    await db.destroy();
  });
  afterEach(() => {
    expect(h.tg.stats().violations).toBe(0);
  });

  it('a stranger is told politely how to get access, with the contact button', async () => {
    const u = newUser();
    const [reply] = await h.say(u, 'xin chào');
    expect(reply!.plainText).toContain('chưa được liên kết');
    expect(h.tg.replyKeyboard(u)?.[0]?.[0]).toMatchObject({ text: '📱 Gửi số điện thoại của tôi', request_contact: true });
    expect(await db.prisma.chatIdentity.count({ where: { externalId: String(u) } })).toBe(0);
  });

  it('links by a one-time code, shows the personal-data notice once, and a code works once', async () => {
    const u = newUser();
    const code = await h.invite(NHUNG);
    await h.tg.sendCommand(u, '/start', code);
    const [welcome, notice] = await h.tg.waitForMessages(u, 2);
    expect(welcome!.plainText).toBe('Đã liên kết tài khoản với Trần Thị Hồng Nhung (Đặc khu Cát Hải).');
    expect(notice!.plainText).toContain('Thông báo về dữ liệu cá nhân');
    expect(notice!.plainText).toContain('/roikhoi');
    // Nothing but the notice until it is accepted.
    const [again] = await h.say(u, 'việc của tôi');
    expect(again!.plainText).toContain('Thông báo về dữ liệu cá nhân');
    const [thanks] = await h.press(u, again!, 'Tôi đồng ý', 2);
    expect(thanks!.plainText).toContain('Cảm ơn anh/chị');
    const person = await db.prisma.person.findFirstOrThrow({ where: { fullName: NHUNG } });
    expect(person.consentAt).not.toBeNull();

    // The same code from another account: refused.
    const other = newUser();
    await h.tg.sendCommand(other, '/start', code);
    const [used] = await h.tg.waitForMessages(other, 1);
    expect(used!.plainText).toContain('đã được dùng');
    expect(await db.prisma.chatIdentity.count({ where: { externalId: String(other) } })).toBe(0);
  });

  it('an expired or unknown code is refused', async () => {
    const code = await h.invite(HUY, 1);
    h.clock.advance(2 * 3_600_000);
    try {
      const u = newUser();
      await h.tg.sendCommand(u, '/start', code);
      expect((await h.tg.waitForMessages(u, 1))[0]!.plainText).toContain('đã hết hạn');
      const v = newUser();
      await h.tg.sendCommand(v, '/start', 'ZZZZ2222');
      expect((await h.tg.waitForMessages(v, 1))[0]!.plainText).toContain('không đúng');
    } finally {
      h.clock.advance(-2 * 3_600_000);
    }
  });

  it('links by sharing one’s own phone number; someone else’s contact is refused', async () => {
    const u = newUser();
    await h.tg.sendContact(u, { phone_number: '+84900000004', user_id: 999_999 });
    expect((await h.tg.waitForMessages(u, 1))[0]!.plainText).toContain('số điện thoại của chính mình');
    await h.tg.sendContact(u, { phone_number: '84900000004' });
    const [welcome, notice] = await h.tg.waitForMessages(u, 3).then((m) => m.slice(1));
    expect(welcome!.plainText).toBe('Đã liên kết tài khoản với Đỗ Quang Huy (Sở Khoa học và Công nghệ).');
    expect(notice!.plainText).toContain('dữ liệu cá nhân');
    const unknown = newUser();
    await h.tg.sendContact(unknown, { phone_number: '+84911111111' });
    expect((await h.tg.waitForMessages(unknown, 1))[0]!.plainText).toContain('chưa có trong danh sách');
  });

  it('reports through buttons, step by step, with an attachment', async () => {
    const u = newUser();
    await h.linkAndAccept(u, NHUNG);
    const before = (await updatesOf('A.II.10')).length;
    const [which] = await h.say(u, '/capnhat A.II.10');
    expect(which!.plainText).toContain('Nhiệm vụ A.II.10 (12-KH/TU)');
    expect(which!.plainText).toContain('Tình trạng hiện nay?');
    const [percent] = await h.press(u, which!, 'Đang triển khai');
    expect(percent!.plainText).toContain('Đã hoàn thành bao nhiêu phần trăm?');
    const [output] = await h.say(u, '65');
    expect(output!.plainText).toContain('Sản phẩm đầu ra');
    const [difficulties] = await h.say(u, 'Công văn số 1553/UBND-VHXH ngày 10/10/2025');
    const [proposals] = await h.press(u, difficulties!, 'Bỏ qua');
    const [expected] = await h.say(u, 'Đề nghị Sở KH&CN hướng dẫn <chi tiết>');
    const [files] = await h.say(u, 'quý II/2027');
    expect(files!.plainText).toContain('Gửi kèm tệp');
    const before2 = h.tg.sentTo(u).length;
    await h.tg.sendDocument(u, { file_name: 'bao-cao.pdf', mime_type: 'application/pdf', bytes: '%PDF-1.4 ...' });
    const [got] = (await h.tg.waitForMessages(u, before2 + 1)).slice(before2);
    expect(got!.plainText).toContain('Đã nhận 1 tệp');
    const [summary] = await h.press(u, got!, 'Xong, không gửi thêm');
    expect(summary!.plainText).toContain('Tình trạng: đang triển khai (65%)');
    expect(summary!.plainText).toContain('Đề xuất, kiến nghị: Đề nghị Sở KH&CN hướng dẫn <chi tiết>');
    expect(summary!.plainText).toContain('Tệp đính kèm: 1');
    expect((await updatesOf('A.II.10')).length).toBe(before); // nothing saved before confirmation
    const [saved] = await h.press(u, summary!, '✅ Lưu');
    expect(saved!.plainText).toContain('Đã lưu cập nhật nhiệm vụ A.II.10: đang triển khai 65%');
    const updates = await updatesOf('A.II.10');
    expect(updates.length).toBe(before + 1);
    const u1 = updates[updates.length - 1]!;
    expect(u1).toMatchObject({ kind: 'REPORT', channel: 'TELEGRAM', state: 'IN_PROGRESS', percent: 65, outputDocument: 'Công văn số 1553/UBND-VHXH ngày 10/10/2025', difficulties: 'Khó khăn trước đó là không có'.length ? u1.difficulties : null, expectedCompletionText: 'quý II/2027' });
    expect(u1.expectedCompletionDate?.toISOString().slice(0, 10)).toBe('2027-06-30');
    expect((u1.attachments as { fileName: string }[])[0]!.fileName).toBe('bao-cao.pdf');
    expect((await assignment('A.II.10')).percent).toBe(65);
    void proposals;
    void expected;
  });

  it('"my tasks" lists open tasks most urgent first, each with a button to report on it', async () => {
    const u = newUser();
    await h.linkAndAccept(u, NHUNG);
    const [mine] = await h.say(u, 'việc của tôi');
    expect(mine!.plainText).toMatch(/^Việc của anh\/chị: \d+ đang mở/);
    expect(mine!.plainText.split('\n')[1]).toMatch(/^🔴/);
    const first = h.tg.buttons(mine)[0]!;
    expect(first.text).toMatch(/^📝 Báo cáo /);
    const [status] = await h.press(u, mine!, first.data!);
    expect(status!.plainText).toContain('Tình trạng hiện nay?');
    await h.say(u, '/huy');
  });

  it('reads a one-line report with diacritics, shows what it understood, and saves on confirmation', async () => {
    const u = newUser();
    await h.linkAndAccept(u, NHUNG);
    const before = (await updatesOf('A.II.6')).length;
    const [understood] = await h.say(u, 'nv II.6: 50%, đã xong dự thảo, vướng kinh phí, đề nghị TP bổ sung vốn');
    expect(understood!.plainText).toContain('Tôi hiểu như sau');
    expect(understood!.plainText).toContain('Nhiệm vụ A.II.6 (12-KH/TU)');
    expect(understood!.plainText).toContain('Tình trạng: đang triển khai (50%)');
    expect(understood!.plainText).toContain('Khó khăn, vướng mắc: Kinh phí');
    expect(understood!.plainText).toContain('Đề xuất, kiến nghị: TP bổ sung vốn');
    expect(understood!.plainText).toContain('Ghi chú: Đã xong dự thảo');
    await h.press(u, understood!, '✅ Lưu');
    const updates = await updatesOf('A.II.6');
    expect(updates.length).toBe(before + 1);
    expect(updates[updates.length - 1]).toMatchObject({ state: 'IN_PROGRESS', percent: 50, difficulties: 'Kinh phí', proposals: 'TP bổ sung vốn', originalText: 'nv II.6: 50%, đã xong dự thảo, vướng kinh phí, đề nghị TP bổ sung vốn' });
  });

  it('reads a one-line report without diacritics and asks which task when several are open', async () => {
    const u = newUser();
    await h.linkAndAccept(u, NHUNG);
    const [which] = await h.say(u, 'dang trien khai 30% du kien quy 1/2026');
    expect(which!.plainText).toContain('Anh/chị đang báo cáo cho nhiệm vụ nào?');
    const [understood] = await h.say(u, 'A.II.11');
    expect(understood!.plainText).toContain('Nhiệm vụ A.II.11');
    expect(understood!.plainText).toContain('Tình trạng: đang triển khai (30%)');
    expect(understood!.plainText).toContain('Dự kiến hoàn thành: quy 1/2026');
    await h.press(u, understood!, '✅ Lưu');
    const a = await assignment('A.II.11');
    expect(a.percent).toBe(30);
    expect(a.expectedCompletionText).toBe('quy 1/2026');
  });

  it('"xong rồi" with a document marks a task done', async () => {
    const u = newUser();
    await h.linkAndAccept(u, NHUNG);
    const [understood] = await h.say(u, 'nv B.NV.2 xong rồi, KH số 52/KH-UBND ngày 05/9/2025');
    expect(understood!.plainText).toContain('Tình trạng: đã hoàn thành (100%)');
    expect(understood!.plainText).toContain('Sản phẩm: Kế hoạch số 52/KH-UBND ngày 05/9/2025');
    await h.press(u, understood!, '✅ Lưu');
    expect(await assignment('B.NV.2')).toMatchObject({ state: 'DONE', percent: 100, outputDocument: 'Kế hoạch số 52/KH-UBND ngày 05/9/2025' });
  });

  it('corrects the last update (a new history entry) and withdraws it', async () => {
    const u = newUser();
    await h.linkAndAccept(u, NHUNG);
    const [understood] = await h.say(u, 'nv A.II.7: 70%');
    await h.press(u, understood!, '✅ Lưu');
    const [status] = await h.say(u, '/sua', 2);
    expect(status!.plainText).toContain('Sửa lần cập nhật vừa rồi');
    const [percent] = await h.press(u, h.last(u), 'Đang triển khai');
    expect(percent!.plainText).toContain('lần trước 70%');
    await h.say(u, '75');
    await h.press(u, h.last(u), 'Bỏ qua'); // output
    await h.press(u, h.last(u), 'Bỏ qua'); // difficulties
    await h.press(u, h.last(u), 'Bỏ qua'); // proposals
    await h.press(u, h.last(u), 'Bỏ qua'); // expected
    const [summary] = await h.press(u, h.last(u), 'Bỏ qua'); // attachments
    const [saved] = await h.press(u, summary!, '✅ Lưu');
    expect(saved!.plainText).toContain('Đã lưu bản sửa cho nhiệm vụ A.II.7: đang triển khai 75%');
    let updates = await updatesOf('A.II.7');
    const [report, correction] = updates.slice(-2);
    expect(report).toMatchObject({ kind: 'REPORT', percent: 70 });
    expect(correction).toMatchObject({ kind: 'CORRECTION', percent: 75, amendsId: report!.id });
    expect((await assignment('A.II.7')).percent).toBe(75);

    const [ask] = await h.say(u, '/rutlai');
    expect(ask!.plainText).toContain('Rút lại lần cập nhật này?');
    const [done] = await h.press(u, ask!, 'Rút lại');
    expect(done!.plainText).toContain('Đã rút lại');
    updates = await updatesOf('A.II.7');
    expect(updates[updates.length - 1]).toMatchObject({ kind: 'WITHDRAWAL', amendsId: correction!.id, percent: 60 });
    // Back to what the appendix said before (60%), and the history kept all four entries.
    expect((await assignment('A.II.7')).percent).toBe(60);
    expect(updates.map((x) => x.kind)).toEqual(['IMPORT', 'REPORT', 'CORRECTION', 'WITHDRAWAL']);
    // Nothing left to withdraw.
    const [none] = await h.say(u, '/rutlai');
    expect(none!.plainText).toContain('chưa có lần cập nhật nào');
  });

  it('wrong activation codes: 5 per hour per account, then told how long to wait (even the right code waits); a code tried from many accounts is blocked too', async () => {
    const u = newUser();
    for (let i = 0; i < 5; i++) {
      const [wrong] = await h.say(u, `WRNG${i}AAA`.slice(0, 8).replace(/[01]/g, 'X'));
      expect(wrong!.plainText).toContain('không đúng');
    }
    const code = await h.invite(HUY);
    await h.tg.sendCommand(u, '/start', code);
    const [blocked] = await h.tg.waitForMessages(u, 6).then((m) => m.slice(5));
    expect(blocked!.plainText).toBe('Anh/chị đã nhập sai mã kích hoạt quá nhiều lần. Vui lòng thử lại sau 60 phút, hoặc xin mã mới từ Văn phòng Thường trực.');
    expect(await db.prisma.chatIdentity.count({ where: { externalId: String(u) } })).toBe(0);
    expect(await db.prisma.auditLog.count({ where: { action: 'link.failed', entity: 'ChatAccount', entityId: `TELEGRAM:${u}` } })).toBe(5);
    // After the hour, the right code works.
    h.clock.advance(61 * 60_000);
    const [welcome] = await h.say(u, code, 2);
    expect(welcome!.plainText).toContain('Đã liên kết tài khoản với Đỗ Quang Huy');

    // One code guessed from five accounts: the sixth account is told to wait.
    for (let i = 0; i < 5; i++) expect((await h.say(newUser(), 'QQQQ2345'))[0]!.plainText).toContain('không đúng');
    expect((await h.say(newUser(), 'QQQQ2345'))[0]!.plainText).toContain('quá nhiều lần');
  });

  it('cancels midway: nothing is saved', async () => {
    const u = newUser();
    await h.linkAndAccept(u, NHUNG);
    const before = await db.prisma.progressUpdate.count();
    const [status] = await h.say(u, '/capnhat A.II.8');
    await h.press(u, status!, 'Đang triển khai');
    await h.say(u, '80');
    const [cancelled] = await h.say(u, 'huỷ');
    expect(cancelled!.plainText).toBe('Đã huỷ. Chưa có gì được lưu.');
    expect(await db.prisma.progressUpdate.count()).toBe(before);
  });

  it('resumes after the bot restarts mid-conversation', async () => {
    const u = newUser();
    await h.linkAndAccept(u, NHUNG);
    const [status] = await h.say(u, '/capnhat A.II.8');
    await h.press(u, status!, 'Đang triển khai');
    await h.stopBot();
    await h.startBot(); // a new process: nothing in memory
    const [output] = await h.say(u, '55');
    expect(output!.plainText).toContain('Sản phẩm đầu ra');
    for (let i = 0; i < 5; i++) await h.press(u, h.last(u), /Bỏ qua|Xong/);
    const [saved] = await h.press(u, h.last(u), '✅ Lưu');
    expect(saved!.plainText).toContain('A.II.8: đang triển khai 55%');
  });

  it('bad input gets a clear Vietnamese answer and changes nothing', async () => {
    const u = newUser();
    await h.linkAndAccept(u, NHUNG);
    const count = () => db.prisma.progressUpdate.count();
    const before = await count();
    const [over] = await h.say(u, 'nv A.II.6 150%');
    expect(over!.plainText).toContain('không thể vượt quá 100%');
    const [status] = await h.say(u, '/capnhat A.II.6');
    await h.press(u, status!, 'Đang triển khai');
    const [abc] = await h.say(u, 'abc');
    expect(abc!.plainText).toBe('"abc" không phải là tỷ lệ phần trăm. Anh/chị gõ một số từ 0 đến 100, ví dụ 50.\n25% · 50% · 75% · 90% · Huỷ'.split('\n')[0]);
    const [big] = await h.say(u, '150');
    expect(big!.plainText).toContain('không thể vượt quá 100%');
    const [busy, question] = await h.say(u, '/viectoi', 2);
    expect(busy!.plainText).toContain('đang báo cáo dở');
    expect(question!.plainText).toContain('bao nhiêu phần trăm');
    await h.say(u, '/huy');
    // Another unit's task (task 12 of the programme belongs to Sở KH&CN).
    const [foreign] = await h.say(u, 'nv 12: 50%');
    expect(foreign!.plainText).toContain('không thuộc đơn vị của anh/chị');
    expect(await count()).toBe(before);
  });

  it('a button from an old message does nothing and says so', async () => {
    const u = newUser();
    await h.linkAndAccept(u, NHUNG);
    const [understood] = await h.say(u, 'nv A.II.6: 52%');
    const save = h.dataOf(understood!, 'f:save');
    await h.press(u, understood!, '✅ Lưu');
    const count = await db.prisma.progressUpdate.count();
    const before = h.tg.sentTo(u).length;
    await h.tg.pressButton(u, understood!.message_id, save, { force: true });
    const [old] = (await h.tg.waitForMessages(u, before + 1)).slice(before);
    expect(old!.plainText).toContain('Lựa chọn này đã hết hiệu lực');
    expect(h.tg.callbackAnswers().some((a) => a.text === 'Lựa chọn này đã hết hiệu lực')).toBe(true);
    expect(await db.prisma.progressUpdate.count()).toBe(count);
  });

  it('the same update delivered twice has one effect', async () => {
    const u = newUser();
    await h.linkAndAccept(u, NHUNG);
    const [understood] = await h.say(u, 'nv A.II.6: 53%');
    const before = h.tg.sentTo(u).length;
    const press = await h.tg.pressButton(u, understood!.message_id, h.dataOf(understood!, 'f:save'));
    await h.tg.waitForMessages(u, before + 1);
    const count = await db.prisma.progressUpdate.count();
    await h.tg.redeliver(press.update_id);
    await new Promise((r) => setTimeout(r, 500));
    expect(await db.prisma.progressUpdate.count()).toBe(count);
    expect(h.tg.sentTo(u).length).toBe(before + 1);
  });

  it('two chats talking at once each see their own conversation, in order', async () => {
    const a = newUser();
    const b = newUser();
    await h.linkAndAccept(a, NHUNG);
    await h.linkAndAccept(b, HUY);
    const startA = h.tg.sentTo(a).length;
    const startB = h.tg.sentTo(b).length;
    await Promise.all([h.tg.sendText(a, '/capnhat A.II.8'), h.tg.sendText(b, '/capnhat 12')]);
    await Promise.all([h.tg.waitForMessages(a, startA + 1), h.tg.waitForMessages(b, startB + 1)]);
    await Promise.all([h.tg.pressButton(a, h.last(a).message_id, h.dataOf(h.last(a), 'f:st:IN_PROGRESS')), h.tg.pressButton(b, h.last(b).message_id, h.dataOf(h.last(b), 'f:st:IN_PROGRESS'))]);
    await Promise.all([h.tg.waitForMessages(a, startA + 2), h.tg.waitForMessages(b, startB + 2)]);
    await Promise.all([h.tg.sendText(a, '41'), h.tg.sendText(b, '72')]);
    await Promise.all([h.tg.waitForMessages(a, startA + 3), h.tg.waitForMessages(b, startB + 3)]);
    expect(h.tg.sentTo(a)[startA]!.plainText).toContain('A.II.8');
    expect(h.tg.sentTo(b)[startB]!.plainText).toContain('Nhiệm vụ 12 (CTr-2026)');
    for (const [u, n] of [[a, startA], [b, startB]] as const) {
      const texts = h.tg.sentTo(u).slice(n).map((m) => m.plainText);
      expect(texts[0]).toContain('Tình trạng hiện nay?');
      expect(texts[1]).toContain('bao nhiêu phần trăm');
      expect(texts[2]).toContain('Sản phẩm đầu ra');
    }
    const conv = await db.prisma.conversation.findMany({ where: { chatId: { in: [String(a), String(b)] } } });
    const percents = conv.map((c) => (c.state as { report: { draft: { percent: number } } }).report.draft.percent).sort();
    expect(percents).toEqual([41, 72]);
  });

  it('/roikhoi unlinks the account', async () => {
    const u = newUser();
    await h.linkAndAccept(u, NHUNG);
    const [bye] = await h.say(u, '/roikhoi');
    expect(bye!.plainText).toContain('Đã huỷ liên kết');
    expect(await db.prisma.chatIdentity.count({ where: { externalId: String(u) } })).toBe(0);
    const [stranger] = await h.say(u, 'việc của tôi');
    expect(stranger!.plainText).toContain('chưa được liên kết');
  });

  it('a unit leader hands a task to another officer of the unit', async () => {
    const leader = newUser();
    await h.linkAndAccept(leader, 'Phạm Văn Đức');
    const [ask] = await h.say(leader, '/giao A.II.6 Bùi Thị Mai');
    expect(ask!.plainText).toContain('Giao nhiệm vụ A.II.6');
    // Nothing changes before the leader confirms.
    expect(await db.prisma.taskAssignee.count({ where: { task: { number: 'A.II.6' }, person: { fullName: 'Bùi Thị Mai' } } })).toBe(0);
    const [done] = await h.press(leader, ask!, '✅ Giao');
    expect(done!.plainText).toBe('Đã giao nhiệm vụ A.II.6 cho Bùi Thị Mai.');
    const task = await db.prisma.task.findFirstOrThrow({ where: { number: 'A.II.6' }, include: { assignees: { include: { person: true } } } });
    expect(task.assignees.map((a) => a.person.fullName)).toEqual(['Bùi Thị Mai']);
    const officer = newUser();
    await h.linkAndAccept(officer, NHUNG);
    const [refused] = await h.say(officer, '/giao A.II.6 Bùi Thị Mai');
    expect(refused!.plainText).toContain('Chỉ lãnh đạo đơn vị');
    await db.prisma.taskAssignee.deleteMany({ where: { taskId: task.id } });
  });

  it('renders long answers in parts under 4,096 characters, escapes HTML and keeps callback data short', async () => {
    const u = newUser();
    await h.linkAndAccept(u, 'Lê Minh Tuấn');
    const before = h.tg.sentTo(u).length;
    await h.tg.sendText(u, 'đơn vị Cát Hải');
    await h.tg.waitForMessages(u, before + 1);
    for (const m of h.tg.allSent()) {
      expect(m.plainText.length).toBeLessThanOrEqual(4096);
      for (const b of h.tg.buttons(m)) expect(Buffer.byteLength(b.data ?? '')).toBeLessThanOrEqual(64);
    }
    await setCommands(h.bot, i18n());
    expect(h.tg.commands({})?.map((c) => c.command)).toContain('baocao');
    expect(h.tg.commands({})?.find((c) => c.command === 'viectoi')?.description).toBe('Việc của tôi');
    expect(h.tg.commands({ language_code: 'en' })?.find((c) => c.command === 'viectoi')?.description).toBe('My tasks');
  });
});
