/**
 * Explanation requests on Telegram (issue 15.1): a city leader asks Sở Tài
 * chính to explain its overdue task 13; the unit's leader and its focal
 * officer get the request with a button from the delivery worker; the officer
 * answers by pressing it and typing, then adds a file; the leader receives
 * both; the history holds each step with who and the channel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleData } from '../../bot/services/seed.ts';
import { exportProgressAppendix } from '../../bot/services/export.ts';
import { importBytes } from '../../bot/services/import.ts';
import { readSheets } from '../../bot/files/read-sheet.ts';
import { i18n } from '../../bot/i18n.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { TelegramHarness } from '../support/telegram-harness.ts';

describe('explanation requests on Telegram', () => {
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

  it('requested by a city leader, answered by the officer (button, text, then a file), forwarded to the requester', async () => {
    const tuan = tg.user(7101);
    const ngoc = tg.user(7102);
    const luc = tg.user(7103);
    await tg.linkAndAccept(tuan, 'Lê Minh Tuấn');
    await tg.linkAndAccept(ngoc, 'Phan Thị Ngọc');
    await tg.linkAndAccept(luc, 'Trịnh Văn Lực');

    // An officer may not ask.
    const [refused] = await tg.say(ngoc, '/giaitrinh 13 Sở Tài chính');
    expect(refused!.plainText).toContain('Chỉ lãnh đạo thành phố và Văn phòng thường trực được yêu cầu đơn vị giải trình');

    const [created] = await tg.say(tuan, '/giaitrinh 13 so tai chinh lý do: chậm thành lập Tổ công tác');
    expect(created!.plainText).toMatch(/^Đã gửi yêu cầu giải trình số (\d+) tới Sở Tài chính \(nhiệm vụ 13 · CTr-2026, quá hạn 240 ngày\), hạn trả lời 03\/12\/2026\. Đã báo 2 người/);
    const id = Number(/số (\d+)/.exec(created!.plainText)![1]);
    const [again] = await tg.say(tuan, '/giaitrinh 13 Sở Tài chính');
    expect(again!.plainText).toBe(`Sở Tài chính đang có yêu cầu giải trình số ${id} về nhiệm vụ 13, hạn trả lời 03/12/2026.`);

    const [n0, l0] = [tg.tg.sentTo(ngoc).length, tg.tg.sentTo(luc).length];
    await tg.delivery().worker.runUntilIdle();
    const notice = (await tg.tg.waitForMessages(ngoc, n0 + 1)).at(-1)!;
    expect(notice.plainText).toContain(`📝 Yêu cầu giải trình số ${id} của Lê Minh Tuấn, hạn trả lời 03/12/2026`);
    expect(notice.plainText).toContain('Nhiệm vụ 13 · CTr-2026');
    expect(notice.plainText).toContain('Đã quá hạn 240 ngày (hạn 31/03/2026).');
    expect(notice.plainText).toContain('Cập nhật gần nhất: 31/10/2026, 60%.');
    expect(notice.plainText).toContain('Nội dung yêu cầu: chậm thành lập Tổ công tác');
    expect(tg.tg.buttons(notice).map((b) => b.text)).toEqual(['Trả lời giải trình']);
    expect((await tg.tg.waitForMessages(luc, l0 + 1)).at(-1)!.plainText).toContain(`Yêu cầu giải trình số ${id}`);

    // Somebody of another unit cannot answer.
    const [notYours] = await tg.say(tuan, `gt ${id} xong`);
    expect(notYours!.plainText).toBe(`Yêu cầu giải trình số ${id} gửi Sở Tài chính: chỉ lãnh đạo, cán bộ của đơn vị đó trả lời được.`);

    const [ask] = await tg.press(ngoc, notice, 'Trả lời giải trình');
    expect(ask!.plainText).toBe(`Yêu cầu giải trình số ${id}: gõ nội dung giải trình hoặc gửi tệp (gõ /huy để thôi).`);
    const [done] = await tg.say(ngoc, 'Đang chờ Bộ Tài chính hướng dẫn định mức chi; dự kiến trình trong tháng 12.');
    expect(done!.plainText).toBe(`Đã ghi giải trình cho yêu cầu số ${id} và gửi tới Lê Minh Tuấn.`);
    // A file added afterwards: "gt <số>" alone opens the answer, the document is the answer.
    await tg.say(ngoc, `gt ${id}`);
    const before = tg.tg.sentTo(ngoc).length;
    await tg.tg.sendDocument(ngoc, { file_name: 'cong-van-45.pdf', bytes: '%PDF-1.4 test' });
    const [filed] = (await tg.tg.waitForMessages(ngoc, before + 1)).slice(before);
    expect(filed!.plainText).toBe(`Đã ghi phần giải trình bổ sung cho yêu cầu số ${id} và gửi tới Lê Minh Tuấn.`);

    const t0 = tg.tg.sentTo(tuan).length;
    await tg.delivery().worker.runUntilIdle();
    const told = (await tg.tg.waitForMessages(tuan, t0 + 2)).slice(t0).map((m) => m.plainText).join('\n');
    expect(told).toContain(`📬 Sở Tài chính đã giải trình (yêu cầu số ${id}, nhiệm vụ 13 · CTr-2026) — Phan Thị Ngọc`);
    expect(told).toContain('“Đang chờ Bộ Tài chính hướng dẫn định mức chi; dự kiến trình trong tháng 12.”');
    expect(told).toContain('Kèm tệp: cong-van-45.pdf');

    const [list] = await tg.say(tuan, 'những đơn vị nào chưa giải trình');
    expect(list!.plainText).toBe('Toàn thành phố: 0 yêu cầu giải trình chưa được trả lời (0 đơn vị), 0 quá hạn');
    const request = await db.prisma.explanationRequest.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { id: 'asc' } } } });
    expect(request.state).toBe('ANSWERED');
    expect(request.events.map((e) => [e.kind, e.channel, e.fileName])).toEqual([['REQUESTED', 'TELEGRAM', null], ['ANSWERED', 'TELEGRAM', null], ['ANSWERED', 'TELEGRAM', 'cong-van-45.pdf']]);
    explained = id;
  }, 120_000);

  let explained = 0;

  it('history: the task\'s detail lists the request, its answers, who, when and the channel; the appendix carries one line per request, which the import drops', async () => {
    const tuan = tg.user(7101);
    const [detail] = await tg.say(tuan, 'nhiệm vụ 13 Sở Tài chính');
    const text = detail!.plainText;
    expect(text).toContain('Yêu cầu giải trình (1):');
    expect(text).toContain(`Số ${explained} của Lê Minh Tuấn · hạn 03/12/2026 · đã giải trình`);
    expect(text).toContain('26/11/2026 09:00 · yêu cầu giải trình — Lê Minh Tuấn (Telegram): chậm thành lập Tổ công tác');
    expect(text).toContain('26/11/2026 09:00 · giải trình — Phan Thị Ngọc (Telegram): Đang chờ Bộ Tài chính hướng dẫn định mức chi; dự kiến trình trong tháng 12.');
    expect(text).toContain('26/11/2026 09:00 · giải trình — Phan Thị Ngọc (Telegram) [tệp cong-van-45.pdf]');
    // Without diacritics: the same detail.
    const [plain] = await tg.say(tuan, 'nhiem vu 13 so tai chinh');
    expect(plain!.plainText).toBe(text);

    // The export: one line under the proposals column, after what the officer wrote.
    const stc = await db.prisma.unit.findFirstOrThrow({ where: { name: 'Sở Tài chính' } });
    const { data } = await exportProgressAppendix(db.prisma, { unitIds: [stc.id], asOf: '2026-11-26' });
    const grid = (await readSheets(data, 'x.xlsx'))[0]!;
    const row = grid.rows.find((r) => String(r[1] ?? '').length > 0 && String(r[8] ?? '').includes(`↳ Giải trình số ${explained}`))!;
    expect(row).toBeDefined();
    const lines = String(row[8]).split('\n');
    expect(lines.at(-1)).toBe(`↳ Giải trình số ${explained} (hạn 03/12/2026): yêu cầu 26/11/2026 (Lê Minh Tuấn, Telegram): chậm thành lập Tổ công tác · giải trình 26/11/2026 (Phan Thị Ngọc, Telegram): Đang chờ Bộ Tài chính hướng dẫn định mức chi; dự kiến trình trong tháng 12. · giải trình 26/11/2026 (Phan Thị Ngọc, Telegram): [tệp cong-van-45.pdf]`);

    // Export → import: nothing changes.
    const before = await db.prisma.assignment.findMany({ where: { unitId: stc.id }, orderBy: { id: 'asc' } });
    const updates = await db.prisma.progressUpdate.count();
    const outcome = await importBytes(db.prisma, data, 'so-tai-chinh.xlsx', { today: '2026-11-26', actor: 'test' });
    expect(outcome.problems).toEqual([]);
    expect(outcome.summary).toMatchObject({ tasksCreated: 0, tasksChanged: 0, updatesCreated: 0 });
    expect(await db.prisma.progressUpdate.count()).toBe(updates);
    expect(await db.prisma.assignment.findMany({ where: { unitId: stc.id }, orderBy: { id: 'asc' } })).toEqual(before);
  }, 120_000);

  it('every example the help gives names one task and one unit (the sample data has two tasks numbered II.6)', async () => {
    const tuan = tg.user(7101);
    const texts = ['gt-usage', 'gt-task-not-found'].map((k) => i18n().t(k, { ref: 'x' }, 'vi')).join(' ');
    const examples = [...texts.matchAll(/\/giaitrinh \d[^,]*?(?=, |\. |\.$)/g)].map((m) => m[0]);
    expect(examples).toEqual(['/giaitrinh 14 Cát Hải', '/giaitrinh 13 Sở Tài chính 10 ngày làm việc', '/giaitrinh 13 Sở Tài chính hạn 15/12', '/giaitrinh 14 Cát Hải']);
    for (const example of examples) {
      const [reply] = await tg.say(tuan, example);
      expect(reply!.plainText).toMatch(/^(Đã gửi yêu cầu giải trình số \d+ tới|\S.* đang có yêu cầu giải trình số \d+ về nhiệm vụ)/);
    }
    const [ambiguous] = await tg.say(tuan, '/giaitrinh II.6 Cát Hải');
    expect(ambiguous!.plainText).toContain('khớp nhiều nhiệm vụ');
  }, 120_000);
});
