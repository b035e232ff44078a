/**
 * Closing the loop (issue 15) end to end on the sample data: the console and
 * the fake Zalo Bot API, through the same chat service as production.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleData } from '../../bot/services/seed.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { consoleChat } from '../support/console-chat.ts';
import { ZaloHarness } from '../support/zalo-harness.ts';

describe('the "6 rõ" check', () => {
  let db: TestDatabase;
  let zl: ZaloHarness;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    zl = await ZaloHarness.start(db);
  }, 300_000);
  afterAll(async () => {
    await zl?.close();
    await db?.destroy();
  }, 300_000);

  it('console: a city leader sees the gaps per plan and unit, with counts, with and without diacritics', async () => {
    const [city, plain, plan, programme, unit] = await consoleChat(db, 'Lê Minh Tuấn', ['/6ro', 'kiem tra 6 ro', '/6ro 12-KH/TU', '6 rõ chương trình 2026', '/6ro cat hai'], '2026-11-26');
    expect(city!.split('\n')[0]).toBe('Kiểm tra “6 rõ” — toàn thành phố: 82/94 nhiệm vụ, chỉ tiêu còn thiếu');
    expect(city).toContain('CTr-2026: 28/40 còn thiếu');
    expect(city).toContain('Chưa rõ người: 28 nhiệm vụ, 664/816 lượt đơn vị chưa có cán bộ phụ trách');
    expect(city).toContain('12-KH/TU: 34/34 còn thiếu');
    expect(city).toContain('Chưa rõ thẩm quyền (không có lãnh đạo chỉ đạo): 34');
    expect(city).toContain('Chưa rõ sản phẩm (không có sản phẩm đầu ra): 11');
    expect(city).toContain('238/KH-UBND: 20/20 còn thiếu');
    expect(city).toContain('Đặc khu Cát Hải: 54/70 việc');
    expect(city).toContain('Ban Tổ chức Thành ủy: 21/21 việc, 21 việc chưa có cán bộ phụ trách');
    expect(plain).toBe(city);
    expect(plan!.split('\n')[0]).toBe('Kiểm tra “6 rõ” — kế hoạch 12-KH/TU: 34/34 nhiệm vụ, chỉ tiêu còn thiếu');
    expect(plan).toMatch(/Chưa rõ sản phẩm \(không có sản phẩm đầu ra\): 11 — A\.II\.1, /);
    expect(programme!.split('\n')[0]).toBe('Kiểm tra “6 rõ” — kế hoạch CTr-2026: 28/40 nhiệm vụ, chỉ tiêu còn thiếu');
    expect(unit!.split('\n')[0]).toBe('Kiểm tra “6 rõ” — Đặc khu Cát Hải: 54/70 nhiệm vụ, chỉ tiêu còn thiếu');
    expect(unit).not.toContain('Chưa rõ người');
  });

  it('console: an officer sees her own unit; another unit is outside her scope; unknown names are said', async () => {
    const [own, other, unknown] = await consoleChat(db, 'Đinh Thị Thu', ['/6ro', '/6ro Sở Nội vụ', '/6ro Bạch Long Vĩ xyz'], '2026-11-26');
    expect(own!.split('\n')[0]).toMatch(/^Kiểm tra “6 rõ” — Xã Tiên Lãng: 0\/\d+ nhiệm vụ, chỉ tiêu còn thiếu$/);
    expect(own).toContain('Mọi nhiệm vụ đều đã rõ người');
    expect(other).toBe('Anh/chị không xem được “6 rõ” của Sở Nội vụ (ngoài phạm vi đơn vị mình).');
    expect(unknown).toContain('Không tìm thấy kế hoạch hay đơn vị “Bạch Long Vĩ xyz”');
  });

  it('Zalo: the same check, typed without diacritics', async () => {
    const u = 'ac6ac6ac6ac6ac6ac6ac';
    await zl.linkAndAccept(u, 'Lê Minh Tuấn');
    const [answer] = await zl.say(u, '/6ro kh 238');
    expect(answer!.split('\n')[0]).toBe('Kiểm tra “6 rõ” — kế hoạch 238/KH-UBND: 20/20 nhiệm vụ, chỉ tiêu còn thiếu');
    expect(answer).toContain('Chưa rõ thẩm quyền (không có lãnh đạo chỉ đạo): 20');
    const [unit] = await zl.say(u, 'kiem tra 6 ro ban to chuc thanh uy');
    expect(unit!.split('\n')[0]).toBe('Kiểm tra “6 rõ” — Ban Tổ chức Thành ủy: 21/21 nhiệm vụ, chỉ tiêu còn thiếu');
    expect(unit).toContain('Chưa rõ người: 21 nhiệm vụ, 21/21 lượt đơn vị chưa có cán bộ phụ trách');
  });
});
