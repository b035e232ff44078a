/**
 * Proposals routed to who must answer (issue 15), end to end on the sample
 * data: an officer's report on the fake Zalo raises a proposal to Sở Tài
 * chính, whose leader forwards it to Sở Xây dựng, whose leader resolves it;
 * the officer hears each answer. The standing office answers on the console.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleData } from '../../bot/services/seed.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { ZaloHarness } from '../support/zalo-harness.ts';
import { consoleChat } from '../support/console-chat.ts';
import { exportItems } from '../../prisma/stores/export-store.ts';
import { appendixRows } from '../../domain/exports/progress-appendix.ts';
import { withoutFollowUp } from '../../domain/accountability/proposals.ts';

describe('proposals routed to who must answer', () => {
  let db: TestDatabase;
  let zl: ZaloHarness;
  const NHUNG = 'z-nhung-000000000001';
  const STC = 'z-stc-leader-00000001';
  const SXD = 'z-sxd-leader-00000001';
  let proposalId = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    for (const [code, name, unit] of [['t-stc', 'Trịnh Văn Lực', 'Sở Tài chính'], ['t-sxd', 'Đào Thị Xuân', 'Sở Xây dựng']] as const) {
      const u = await db.prisma.unit.findFirstOrThrow({ where: { name: unit } });
      await db.prisma.person.create({ data: { code, fullName: name, unitId: u.id, roles: ['UNIT_LEADER'] } });
    }
    zl = await ZaloHarness.start(db, { today: '2026-11-26' });
    await zl.linkAndAccept(NHUNG, 'Trần Thị Hồng Nhung');
    await zl.linkAndAccept(STC, 'Trịnh Văn Lực');
    await zl.linkAndAccept(SXD, 'Đào Thị Xuân');
  }, 300_000);
  afterAll(async () => {
    await zl?.close();
    await db?.destroy();
  }, 300_000);

  const deliver = async () => zl.delivery().worker.runUntilIdle();

  it('an officer\'s report raises the proposal to Sở Tài chính, with a deadline in working days', async () => {
    await zl.say(NHUNG, 'nv II.6: 50%, vướng kinh phí, đề nghị Sở Tài chính bố trí vốn');
    // One message: the save, then where the proposal went.
    const [raised] = await zl.say(NHUNG, 'ok');
    expect(raised).toContain('Đã lưu cập nhật nhiệm vụ A.II.6');
    expect(raised).toMatch(/\nĐã chuyển 1 kiến nghị tới nơi phải trả lời:\n\s+Số (\d+) → Sở Tài chính, hạn trả lời 10\/12\/2026: Sở Tài chính bố trí vốn/);
    proposalId = Number(/Số (\d+)/.exec(raised!)![1]);
    const before = zl.zalo.sentTo(STC).length;
    await deliver();
    const notice = (await zl.zalo.waitForMessages(STC, before + 1, 10_000)).at(-1)!.text!;
    expect(notice).toContain(`📨 Kiến nghị số ${proposalId} cần Sở Tài chính trả lời, hạn 10/12/2026`);
    expect(notice).toContain('Từ Đặc khu Cát Hải (Trần Thị Hồng Nhung), nhiệm vụ A.II.6 · 12-KH/TU');
    expect(notice).toMatch(/1\. Đã tiếp thu\n2\. Đã giải quyết…\n3\. Chuyển cho…\n4\. Không thể…/);
  });

  it('the addressee forwards it (numbered choice, then the unit typed without diacritics); the officer is told', async () => {
    const [ask] = await zl.say(STC, '3');
    expect(ask).toBe(`Kiến nghị số ${proposalId}: gõ tên đơn vị nhận kiến nghị.`);
    const [done] = await zl.say(STC, 'so xay dung');
    expect(done).toBe(`Đã chuyển kiến nghị số ${proposalId} cho Sở Xây dựng, hạn trả lời 10/12/2026. Đơn vị đề xuất đã được báo.`);
    const [n0, x0] = [zl.zalo.sentTo(NHUNG).length, zl.zalo.sentTo(SXD).length];
    await deliver();
    const told = (await zl.zalo.waitForMessages(NHUNG, n0 + 1, 10_000)).at(-1)!.text!;
    expect(told).toContain(`Kiến nghị số ${proposalId} của Đặc khu Cát Hải (nhiệm vụ A.II.6 · 12-KH/TU): Sở Tài chính đã trả lời (Trịnh Văn Lực)`);
    expect(told).toContain('Đã chuyển cho Sở Xây dựng trả lời.');
    const notice = (await zl.zalo.waitForMessages(SXD, x0 + 1, 10_000)).at(-1)!.text!;
    expect(notice).toContain(`📨 Kiến nghị số ${proposalId} (chuyển từ Sở Tài chính) cần Sở Xây dựng trả lời`);
  });

  it('only the addressee\'s leaders answer; the new addressee resolves it and the officer sees the answer', async () => {
    const [refused] = await zl.say(STC, `kn ${proposalId} đã tiếp thu`);
    expect(refused).toBe(`Kiến nghị số ${proposalId} gửi Sở Xây dựng: chỉ lãnh đạo nơi nhận trả lời được.`);
    const [missing] = await zl.say(SXD, `kn ${proposalId} da giai quyet`);
    expect(missing).toContain('Xin ghi kết quả sau “đã giải quyết:”');
    const [ok] = await zl.say(SXD, `kn ${proposalId} đã giải quyết: đã cấp phép trạm BTS theo GP 45/GP-SXD`);
    expect(ok).toBe(`Đã ghi câu trả lời cho kiến nghị số ${proposalId} (đã giải quyết) và báo cho Đặc khu Cát Hải.`);
    const n0 = zl.zalo.sentTo(NHUNG).length;
    await deliver();
    const told = (await zl.zalo.waitForMessages(NHUNG, n0 + 1, 10_000)).at(-1)!.text!;
    expect(told).toContain('Đã giải quyết: đã cấp phép trạm BTS theo GP 45/GP-SXD');
    const [again] = await zl.say(SXD, `kn ${proposalId} không thể: hết vốn`);
    expect(again).toBe(`Kiến nghị số ${proposalId} đã được trả lời xong (đã giải quyết).`);
    const events = await db.prisma.proposalEvent.findMany({ where: { proposalId }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.kind, e.channel])).toEqual([['RAISED', 'ZALO'], ['FORWARDED', 'ZALO'], ['RESOLVED', 'ZALO']]);
  });

  it('the task\'s detail lists the proposal with its history (who, when, channel); the appendix export carries it in the proposals column', async () => {
    const [detail] = await zl.say(NHUNG, 'nv II.6');
    expect(detail).toContain('Kiến nghị của đơn vị (1):');
    expect(detail).toContain(`Số ${proposalId} → Sở Xây dựng · đã giải quyết · hạn 10/12/2026: “Sở Tài chính bố trí vốn”`);
    expect(detail).toMatch(/26\/11\/2026 \d\d:\d\d · nêu — Trần Thị Hồng Nhung \(Zalo\)/);
    expect(detail).toMatch(/26\/11\/2026 \d\d:\d\d · chuyển cho Sở Xây dựng — Trịnh Văn Lực \(Zalo\)/);
    expect(detail).toMatch(/26\/11\/2026 \d\d:\d\d · đã giải quyết — Đào Thị Xuân \(Zalo\): đã cấp phép trạm BTS theo GP 45\/GP-SXD/);
    const catHai = await db.prisma.unit.findFirstOrThrow({ where: { name: 'Đặc khu Cát Hải' } });
    const items = await exportItems(db.prisma, catHai.id, '2026-11-26');
    const item = items.find((i) => i.number === 'A.II.6')!;
    expect(item.followUp).toEqual([`↳ Kiến nghị số ${proposalId} → Sở Xây dựng: nêu 26/11/2026 (Trần Thị Hồng Nhung, Zalo) · chuyển Sở Xây dựng 26/11/2026 (Trịnh Văn Lực, Zalo) · đã giải quyết 26/11/2026 (Đào Thị Xuân, Zalo): đã cấp phép trạm BTS theo GP 45/GP-SXD`]);
    const row = appendixRows([item]).find((r) => r.type === 'item')!;
    expect(row.type === 'item' && row.cells[8]).toBe(`Sở Tài chính bố trí vốn\n${item.followUp![0]}`);
    expect(withoutFollowUp(row.type === 'item' ? row.cells[8] : null)).toBe('Sở Tài chính bố trí vốn');
  }, 120_000);

  it('console: the standing office lists what is unanswered (late ones first) and answers for the city', async () => {
    await zl.say(NHUNG, 'nv II.8: 40%, de nghi thanh pho bo sung kinh phi');
    const [raised] = await zl.say(NHUNG, 'ok');
    expect(raised).toMatch(/Số (\d+) → Văn phòng thường trực \(thành phố\), hạn trả lời 10\/12\/2026/);
    const officeId = Number(/Số (\d+)/.exec(raised!)![1]);
    const [list, late, plain, answered, after] = await consoleChat(db, 'Nguyễn Thu Hà', ['kiến nghị nào chưa được trả lời', 'Sở Tài chính còn bao nhiêu kiến nghị quá hạn', 'kien nghi nao chua duoc tra loi', `kn ${officeId} đã tiếp thu, sẽ trình trong quý I`, 'kiến nghị nào quá hạn'], '2026-12-14');
    expect(list!.split('\n')[0]).toBe('Toàn thành phố: 1 kiến nghị chưa được trả lời xong, 1 quá hạn');
    expect(list).toContain(`🔴 Số ${officeId} · gửi Văn phòng thường trực (thành phố) · hạn 10/12/2026 (quá hạn) · từ Đặc khu Cát Hải, nhiệm vụ A.II.8`);
    expect(late).toBe('Sở Tài chính: 0 kiến nghị quá hạn trả lời');
    expect(plain).toBe(list);
    expect(answered).toBe(`Đã ghi câu trả lời cho kiến nghị số ${officeId} (đã tiếp thu) và báo cho Đặc khu Cát Hải.`);
    expect(after!.split('\n')[0]).toBe('Toàn thành phố: 0 kiến nghị quá hạn trả lời');
    const p = await db.prisma.proposal.findUniqueOrThrow({ where: { id: officeId } });
    expect(p).toMatchObject({ state: 'ACKNOWLEDGED', answer: 'sẽ trình trong quý I' });
  });
  it('the summary before saving shows where each proposal goes; the officer changes one with "gửi 2 <đơn vị>"', async () => {
    const [summary] = await zl.say(NHUNG, 'nv II.6: 60%, kiến nghị: 1. Đề nghị Sở Tài chính bố trí vốn 2. Đề nghị hỗ trợ thêm máy tính');
    expect(summary).toMatch(/Kiến nghị sẽ chuyển tới:\n\s+1\. “Sở Tài chính bố trí vốn” → Sở Tài chính\n\s+2\. “Hỗ trợ thêm máy tính” → chưa rõ nơi nhận: ghi “gửi <đơn vị>” để chọn/);
    expect(summary).toContain('Đổi nơi nhận: gõ “gửi <số thứ tự> <đơn vị>” (ví dụ: gửi 2 Sở Xây dựng).');
    expect(summary).not.toMatch(/vốn 2/);
    const [which] = await zl.say(NHUNG, 'gui so xay dung');
    expect(which).toContain('Có 2 kiến nghị: anh/chị gõ kèm số thứ tự');
    const [unknown] = await zl.say(NHUNG, 'gửi 2 Sở Ngoại giao');
    expect(unknown).toContain('2. “Hỗ trợ thêm máy tính” → chưa rõ nơi nhận: ghi “gửi <đơn vị>” để chọn (nếu không, chuyển Văn phòng thường trực (thành phố)) — không tìm thấy đơn vị “Sở Ngoại giao”');
    const [changed] = await zl.say(NHUNG, 'gui 2 so xay dung');
    expect(changed).toContain('2. “Hỗ trợ thêm máy tính” → Sở Xây dựng (anh/chị chọn)');
    expect(changed).toContain('1. “Sở Tài chính bố trí vốn” → Sở Tài chính\n');
    const [raised] = await zl.say(NHUNG, 'ok');
    expect(raised).toContain('Đã lưu cập nhật nhiệm vụ A.II.6');
    expect(raised).toMatch(/Số \d+ → Sở Tài chính, hạn trả lời [\d/]+: Sở Tài chính bố trí vốn/);
    expect(raised).toMatch(/Số (\d+) → Sở Xây dựng, hạn trả lời [\d/]+: Hỗ trợ thêm máy tính \[gửi so xay dung\]/);
    const id = Number(/Số (\d+) → Sở Xây dựng/.exec(raised!)![1]);
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id } })).toMatchObject({ addresseeFrom: 'officer' });
  }, 120_000);
});
