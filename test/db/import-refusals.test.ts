import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../bot/i18n.ts';
import { describeOutcome, describeProblem, importBytes, importFile } from '../../bot/services/import.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { CAT_HAI_XLSX } from '../support/samples.ts';

const opts = { asOf: '2025-12-01', today: '2025-12-01', actor: 'test' } as const;
const HEADER = ['Số TT', 'Tên nhiệm vụ được giao', 'Thời gian hoàn thành theo kế hoạch', 'Sản phẩm đầu ra', 'Đã hoàn thành (đánh dấu X)', 'Đang triển khai (tỷ lệ % hoàn thành)', 'Dự kiến thời gian hoàn thành', 'Khó khăn, vướng mắc', 'Đề xuất, kiến nghị'];

async function workbook(rows: (string | number | null)[][], sheet = 'PL1'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  rows.forEach((r) => ws.addRow(r));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A small progress appendix of Cát Hải with one row replaced. */
function progressRows(bad: (string | null)[]): (string | null)[][] {
  return [
    ['ỦY BAN NHÂN DÂN\nĐẶC KHU CÁT HẢI'],
    [],
    HEADER,
    ['A', 'Nhiệm vụ Kế hoạch số 12-KH/TU, ngày 26/8/2025 của Ban Thường vụ Thành ủy'],
    ['II', 'Nhiệm vụ Kế hoạch số 12-KH/TU (11 nhiệm vụ)'],
    ['6', 'Xây dựng chiến lược phát triển hạ tầng số, ứng dụng, dịch vụ số', 'Hoàn thành trong năm 2027', null, null, 'Đang triển khai 45%'],
    bad,
  ];
}

describe('broken files are refused with row-level Vietnamese messages and nothing changes', () => {
  let db: TestDatabase;
  const tr = i18n();
  let before: number[];
  const counts = async () => [
    await db.prisma.task.count(),
    await db.prisma.progressUpdate.count(),
    await db.prisma.unit.count(),
    await db.prisma.plan.count(),
    await db.prisma.assignment.count(),
    await db.prisma.person.count(),
    await db.prisma.auditLog.count(),
  ];

  beforeAll(async () => {
    db = await createTestDatabase();
    await importFile(db.prisma, CAT_HAI_XLSX, { asOf: '2025-11-14', today: '2025-11-14', actor: 'test' });
    before = await counts();
  });
  afterAll(async () => {
    await db.destroy();
  });

  async function refused(bytes: Uint8Array, name = 'phu-luc.xlsx') {
    const outcome = await importBytes(db.prisma, bytes, name, opts);
    expect(outcome.ok).toBe(false);
    expect(await counts()).toEqual(before);
    const text = describeOutcome(outcome, tr);
    expect(text).toMatch(/^Không nhập tệp này/);
    return { outcome, text, lines: outcome.problems.map((p) => describeProblem(p, tr)) };
  }

  it('a file that is not a workbook', async () => {
    const { outcome, lines } = await refused(new TextEncoder().encode('%PDF-1.7 not a spreadsheet'), 'bao-cao.xlsx');
    expect(outcome.problems.map((p) => p.code)).toEqual(['not-a-workbook']);
    expect(lines[0]).toContain('không phải bảng tính Excel');
  });

  it('a zip that is not a workbook', async () => {
    const { outcome } = await refused(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), 'hong.xlsx');
    expect(outcome.problems[0]!.code).toBe('not-a-workbook');
  });

  it('an empty sheet', async () => {
    const { outcome, lines } = await refused(await workbook([]));
    expect(outcome.problems[0]!.code).toBe('empty-file');
    expect(lines[0]).toBe('Sheet "PL1": tệp không có dữ liệu.');
  });

  it('wrong columns', async () => {
    const { outcome, lines } = await refused(await workbook([['Họ và tên', 'Ngày sinh', 'Quê quán'], ['Nguyễn Văn A', '01/01/1990', 'Hải Phòng']], 'Danh sach'));
    // a people sheet without the required unit or with unusable content is caught; a random table has no appendix header
    expect(outcome.problems.length).toBeGreaterThan(0);
    expect(lines.join('\n')).toMatch(/Danh sach/);
    const { outcome: o2, lines: l2 } = await refused(await workbook([['Mã', 'Mô tả', 'Giá'], ['1', 'abc', '10']]));
    expect(o2.problems[0]!.code).toBe('no-header');
    expect(l2[0]).toContain('không tìm thấy dòng tiêu đề');
  });

  it('an appendix without the deadline column', async () => {
    const { outcome, lines } = await refused(await workbook([['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp'], ['1', 'Việc A', 'Sở Nội vụ', '']]));
    expect(outcome.problems.map((p) => p.code)).toEqual(['missing-column']);
    expect(lines[0]).toBe('Sheet "PL1", dòng 1: thiếu cột "Thời gian hoàn thành".');
  });

  it('text where a % belongs', async () => {
    const { outcome, lines } = await refused(await workbook(progressRows(['7', 'Xây dựng chiến lược tổng thể 10 năm', 'Hoàn thành trong năm 2026', null, null, 'abc'])));
    expect(outcome.problems.map((p) => [p.code, p.row])).toEqual([['percent-not-number', 7]]);
    expect(lines[0]).toBe('Sheet "PL1", dòng 7, cột F (Đang triển khai (tỷ lệ % hoàn thành)): ô tỷ lệ % hoàn thành chứa "abc" – cần một tỷ lệ như 30% hoặc "Đang triển khai (30%)".');
  });

  it('a percentage over 100', async () => {
    const { outcome, lines } = await refused(await workbook(progressRows(['7', 'Xây dựng chiến lược tổng thể 10 năm', 'Hoàn thành trong năm 2026', null, null, 'Đang triển khai (150%)'])));
    expect(outcome.problems.map((p) => [p.code, p.row])).toEqual([['percent-over-100', 7]]);
    expect(lines[0]).toContain('vượt quá 100%');
  });

  it('a done column with something other than an X', async () => {
    const { outcome } = await refused(await workbook(progressRows(['7', 'Xây dựng chiến lược tổng thể 10 năm', 'Hoàn thành trong năm 2026', null, 'chưa', null])));
    expect(outcome.problems.map((p) => p.code)).toEqual(['bad-done-mark']);
  });

  it('the same task number twice in one section', async () => {
    const { outcome, lines } = await refused(await workbook(progressRows(['6', 'Một nhiệm vụ khác cùng số', 'Năm 2026', null, 'x', null])));
    expect(outcome.problems.map((p) => [p.code, p.row])).toEqual([['duplicate-number', 7]]);
    expect(lines[0]).toBe('Sheet "PL1", dòng 7, cột A (Số TT): số thứ tự "6" bị trùng với dòng 6 trong cùng mục.');
  });

  it('every bad row is reported at once, and a good row before them is not written', async () => {
    const rows = progressRows(['7', '', 'Năm 2026', null, null, '30%']);
    rows.push(['x.1', 'Số sai', 'Năm 2026'], ['8', 'Quá trăm', 'Năm 2026', null, null, '101%']);
    const { outcome } = await refused(await workbook(rows));
    expect(outcome.problems.map((p) => `${p.code}@${p.row}`)).toEqual(['missing-title@7', 'bad-number@8', 'percent-over-100@9']);
  });

  it('a people registry naming an unknown unit is refused whole', async () => {
    const csv = 'Họ và tên,Chức vụ,Đơn vị,Vai trò,Điện thoại\nNguyễn Văn A,Chuyên viên,Đặc khu Cát Hải,cán bộ đầu mối,0912345678\nTrần Thị B,Chuyên viên,Sở Không Tồn Tại,cán bộ đầu mối,0912345679\n';
    const { outcome, lines } = await refused(new TextEncoder().encode(csv), 'can-bo.csv');
    expect(outcome.problems.map((p) => [p.code, p.row])).toEqual([['unknown-unit', 3]]);
    expect(lines[0]).toContain('không có đơn vị "Sở Không Tồn Tại"');
  });

  it('a bad phone number is refused without echoing it', async () => {
    const csv = 'Họ và tên,Đơn vị,Điện thoại\nNguyễn Văn A,Đặc khu Cát Hải,12345\n';
    const { lines } = await refused(new TextEncoder().encode(csv), 'can-bo.csv');
    expect(lines[0]).toContain('số điện thoại không đúng dạng');
    expect(lines[0]).not.toContain('12345');
  });

  it('a dry run of a good file writes nothing', async () => {
    const bytes = await workbook(progressRows(['7', 'Xây dựng chiến lược tổng thể 10 năm phát triển hệ sinh thái khởi nghiệp', 'Hoàn thành trong năm 2026', null, null, 'Đang triển khai 70%']));
    const outcome = await importBytes(db.prisma, bytes, 'ok.xlsx', { ...opts, dryRun: true });
    expect(outcome.ok).toBe(true);
    expect(outcome.dryRun).toBe(true);
    expect(outcome.summary.updatesCreated).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);
  });
});
