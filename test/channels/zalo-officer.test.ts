import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleData } from '../../bot/services/seed.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { ZaloHarness } from '../support/zalo-harness.ts';

const NHUNG = 'Trần Thị Hồng Nhung';

describe('officers on Zalo (the Zalo client against a local fake Zalo Bot API, real database)', () => {
  let db: TestDatabase;
  let h: ZaloHarness;
  let n = 0;
  const newUser = () => `zu${(++n).toString(16).padStart(6, '0')}abcdef01234`;
  const updatesOf = (number: string) => db.prisma.progressUpdate.findMany({ where: { task: { number }, unit: { name: 'Đặc khu Cát Hải' } }, orderBy: { id: 'asc' } });

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    h = await ZaloHarness.start(db);
  });
  afterAll(async () => {
    await h.close();
    await db.destroy();
  });

  it('a stranger is told to send an activation code (Zalo has no contact sharing)', async () => {
    const [reply] = await h.say(newUser(), 'xin chào');
    expect(reply).toContain('gửi mã kích hoạt');
    expect(h.zalo.allSent().every((m) => m.ignored.length === 0)).toBe(true); // no reply_markup sent to Zalo
  });

  it('links with a typed code and accepts the notice by replying 1', async () => {
    const u = newUser();
    const code = await h.invite('Bùi Thị Mai');
    const [welcome, notice] = await h.say(u, code.toLowerCase(), 2);
    expect(welcome).toBe('Đã liên kết tài khoản với Bùi Thị Mai (Đặc khu Cát Hải).');
    expect(notice).toContain('Thông báo về dữ liệu cá nhân');
    expect(notice).toContain('1. Tôi đồng ý\n2. Không đồng ý\nTrả lời 1 hoặc 2.');
    const [thanks, help] = await h.say(u, '1', 2);
    expect(thanks).toContain('Cảm ơn anh/chị');
    expect(help).toContain('Xin chào Bùi Thị Mai!');
    const [used] = await h.say(newUser(), code);
    expect(used).toContain('đã được dùng');
  });

  it('reports by numbered steps', async () => {
    const u = newUser();
    await h.linkAndAccept(u, NHUNG);
    const before = (await updatesOf('A.II.10')).length;
    const [status] = await h.say(u, '/capnhat A.II.10');
    expect(status).toContain('Tình trạng hiện nay?');
    expect(status).toContain('1. Đang triển khai\n2. Đã hoàn thành\n3. Chưa triển khai\n4. Huỷ');
    const [percent] = await h.say(u, '1');
    // Digits are data here: no numbered choices, only what to type.
    expect(percent).toContain('gõ một số từ 0 đến 100');
    expect(percent).not.toMatch(/^\d\. /m);
    expect(percent).not.toContain('Chọn một mục');
    const [output] = await h.say(u, '2'); // 2%, not the second choice
    expect(output).toContain('Sản phẩm đầu ra');
    await h.say(u, 'Công văn số 12/UBND ngày 01/11/2026');
    await h.say(u, 'bỏ qua');
    await h.say(u, 'khong');
    await h.say(u, 'Năm 2027');
    const [summary] = await h.say(u, 'xong');
    expect(summary).toContain('Tình trạng: đang triển khai (2%)');
    expect(summary).toContain('1. ✅ Lưu');
    const [saved] = await h.say(u, '1');
    expect(saved).toContain('Đã lưu cập nhật nhiệm vụ A.II.10: đang triển khai 2%');
    const updates = await updatesOf('A.II.10');
    expect(updates.length).toBe(before + 1);
    expect(updates[updates.length - 1]).toMatchObject({ channel: 'ZALO', percent: 2, outputDocument: 'Công văn số 12/UBND ngày 01/11/2026', expectedCompletionText: 'Năm 2027' });
  });

  it('reads one-line reports with and without diacritics and saves on "ok"', async () => {
    const u = newUser();
    await h.linkAndAccept(u, NHUNG);
    const [understood] = await h.say(u, 'nv II.6: 50%, đã xong dự thảo, vướng kinh phí, đề nghị TP bổ sung vốn');
    expect(understood).toContain('Tình trạng: đang triển khai (50%)');
    expect(understood).toContain('Khó khăn, vướng mắc: Kinh phí');
    expect(understood).toContain('Đề xuất, kiến nghị: TP bổ sung vốn');
    const [saved] = await h.say(u, 'ok');
    expect(saved).toContain('Đã lưu cập nhật nhiệm vụ A.II.6');
    const [which] = await h.say(u, 'dang trien khai 30% du kien quy 1/2026');
    expect(which).toContain('Anh/chị đang báo cáo cho nhiệm vụ nào?');
    const [again] = await h.say(u, 'II.8');
    expect(again).toContain('Dự kiến hoàn thành: quy 1/2026');
    await h.say(u, '1');
    expect((await updatesOf('A.II.8')).at(-1)).toMatchObject({ percent: 30, expectedCompletionText: 'quy 1/2026', channel: 'ZALO' });
  });

  it('corrects, cancels and survives a restart', async () => {
    const u = newUser();
    await h.linkAndAccept(u, NHUNG);
    await h.say(u, 'nv A.II.7: 70%');
    await h.say(u, '1');
    await h.say(u, '/sua', 2);
    await h.say(u, '1'); // in progress
    await h.stopBot();
    h.startBot(); // a new process
    await new Promise((r) => setTimeout(r, 300));
    await h.say(u, '72');
    for (let i = 0; i < 5; i++) await h.say(u, 'bỏ qua');
    const [saved] = await h.say(u, 'lưu');
    expect(saved).toContain('Đã lưu bản sửa cho nhiệm vụ A.II.7: đang triển khai 72%');
    const count = await db.prisma.progressUpdate.count();
    await h.say(u, '/capnhat A.II.7');
    const [cancelled] = await h.say(u, 'huỷ');
    expect(cancelled).toBe('Đã huỷ. Chưa có gì được lưu.');
    expect(await db.prisma.progressUpdate.count()).toBe(count);
  });

  it('bad input: 150%, "abc", another unit’s task, an old numbered answer', async () => {
    const u = newUser();
    await h.linkAndAccept(u, NHUNG);
    const count = await db.prisma.progressUpdate.count();
    expect((await h.say(u, 'nv A.II.6 150%'))[0]).toContain('không thể vượt quá 100%');
    await h.say(u, '/capnhat A.II.6');
    await h.say(u, '1');
    expect((await h.say(u, 'abc'))[0]).toContain('"abc" không phải là tỷ lệ phần trăm');
    await h.say(u, '/huy');
    expect((await h.say(u, 'nv 12: 50%'))[0]).toContain('không thuộc đơn vị của anh/chị');
    // "1" with nothing offered any more is not a save.
    const [stale] = await h.say(u, '1');
    expect(stale).not.toContain('Đã lưu');
    expect(await db.prisma.progressUpdate.count()).toBe(count);
  });

  it('the same Zalo message delivered twice has one effect', async () => {
    const u = newUser();
    await h.linkAndAccept(u, NHUNG);
    await h.say(u, 'nv A.II.6: 54%');
    const before = h.zalo.sentTo(u).length;
    const save = await h.zalo.sendText(u, '1');
    await h.zalo.waitForMessages(u, before + 1, 5000);
    const count = await db.prisma.progressUpdate.count();
    await h.zalo.redeliver(save.message.message_id);
    await new Promise((r) => setTimeout(r, 600));
    expect(await db.prisma.progressUpdate.count()).toBe(count);
    expect(h.zalo.sentTo(u).length).toBe(before + 1);
  });

  it('long answers are split under 2,000 characters', async () => {
    const u = newUser();
    await h.linkAndAccept(u, 'Lê Minh Tuấn');
    const before = h.zalo.sentTo(u).length;
    await h.zalo.sendText(u, 'đơn vị Cát Hải');
    const msgs = await h.zalo.waitForMessages(u, before + 2, 5000);
    await new Promise((r) => setTimeout(r, 300));
    const parts = h.zalo.sentTo(u).slice(before);
    expect(parts.length).toBeGreaterThan(1);
    for (const m of parts) expect(m.text!.length).toBeLessThanOrEqual(2000);
    expect(parts.map((m) => m.text).join('\n')).toContain('🔴 Quá hạn');
    void msgs;
  });
});
