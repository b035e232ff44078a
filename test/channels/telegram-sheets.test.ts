/**
 * Workbooks through the chat on Telegram: the fake Bot API delivers real
 * .xlsx documents (written and edited here with exceljs), the bot downloads
 * them through the file endpoint, previews, and applies on "Áp dụng" only.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exportProgressAppendix } from '../../bot/services/export.ts';
import { seedSampleData, SEED_DIR } from '../../bot/services/seed.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { TelegramHarness } from '../support/telegram-harness.ts';
import type { SentMessage } from '../fakes/telegram/types.ts';

const NHUNG = 'Trần Thị Hồng Nhung'; // focal officer, Đặc khu Cát Hải
const DUC = 'Phạm Văn Đức'; // unit leader, Đặc khu Cát Hải
const HA = 'Nguyễn Thu Hà'; // admin (standing office) and focal officer of Văn phòng Thành ủy
const HUY = 'Đỗ Quang Huy'; // focal officer, Sở Khoa học và Công nghệ
const TUAN = 'Lê Minh Tuấn'; // city leader

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  return wb;
}
const save = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());

/** The row whose first cell is `label` and whose title starts with `title`. */
function rowOf(ws: ExcelJS.Worksheet, label: string, title: string): ExcelJS.Row {
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (String(row.getCell(1).value ?? '') === label && String(row.getCell(2).value ?? '').startsWith(title)) return row;
  }
  throw new Error(`no row ${label} ${title}`);
}

describe('workbooks sent to the bot on Telegram (fake Bot API, real .xlsx, real database)', () => {
  let db: TestDatabase;
  let h: TelegramHarness;
  let next = 5000;
  const users: Record<string, number> = {};

  const user = async (name: string) => {
    if (users[name]) return users[name]!;
    const u = h.user(++next);
    await h.linkAndAccept(u, name);
    return (users[name] = u);
  };
  const snapshot = async () => ({
    updates: await db.prisma.progressUpdate.count(),
    tasks: (await db.prisma.task.findMany({ select: { title: true, deadlineText: true }, orderBy: { id: 'asc' } })).map((t) => `${t.title}|${t.deadlineText}`).join('\n'),
    units: await db.prisma.unit.count(),
    people: await db.prisma.person.count(),
  });
  /** Sends a document and returns the bot's replies (one, or `count`). */
  const send = async (u: number, fileName: string, bytes: Uint8Array | string, count = 1): Promise<SentMessage[]> => {
    const before = h.tg.sentTo(u).length;
    await h.tg.sendDocument(u, { file_name: fileName, bytes });
    return (await h.tg.waitForMessages(u, before + count, 60_000)).slice(before);
  };
  const appendixOf = async (name: string) => {
    const u = await user(name);
    const [note, doc] = await h.say(u, '/phuluc', 2);
    return { u, note: note!, doc: doc! };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    h = await TelegramHarness.start(db);
  }, 120_000);
  afterAll(async () => {
    await h.close();
    await db.destroy();
  });
  afterEach(() => {
    expect(h.tg.stats().violations).toBe(0);
  });

  it('/phuluc sends the unit’s progress appendix pre-filled as of today, in the layout of seed 003', async () => {
    const { note, doc } = await appendixOf(NHUNG);
    expect(note.plainText).toContain('Phụ lục tiến độ của Đặc khu Cát Hải (số liệu đến ngày 26/11/2026)');
    expect(doc.document!.file_name).toBe('phu-luc-tien-do-dac-khu-cat-hai-2026-11-26.xlsx');
    const ws = (await load(doc.document!.bytes)).worksheets[0]!;
    expect(String(ws.getCell('A2').value)).toBe('Đơn vị báo cáo: Đặc khu Cát Hải');
    expect(String(ws.getCell('A4').value)).toContain('số liệu đến ngày 26/11/2026');
    expect(String(rowOf(ws, '3.2', 'Tỷ lệ giao dịch hành chính').getCell(6).value)).toBe('Đang triển khai (68%)');
    // Said without diacritics, the same.
    const [again] = await h.say(users[NHUNG]!, 'gui phu luc cua don vi toi', 2);
    expect(again!.plainText).toContain('Đặc khu Cát Hải');
  });

  it('round trip: export → edit two rows → send back → exactly those changes previewed, then saved as the officer’s updates', async () => {
    const { u, doc } = await appendixOf(NHUNG);
    const wb = await load(doc.document!.bytes);
    const ws = wb.worksheets[0]!;
    const task = rowOf(ws, '6', 'Xây dựng chiến lược phát triển hạ tầng số');
    task.getCell(6).value = 'Đang triển khai (70%)';
    task.getCell(8).value = 'Thiếu kinh phí';
    rowOf(ws, '3.2', 'Tỷ lệ giao dịch hành chính').getCell(6).value = 'Đang triển khai (72%)';
    const before = await snapshot();

    const [preview] = await send(u, 'phu-luc-cat-hai.xlsx', await save(wb));
    const text = preview!.plainText;
    expect(text).toContain('Phụ lục tiến độ Đặc khu Cát Hải ("phu-luc-cat-hai.xlsx"): 2 nhiệm vụ thay đổi');
    expect(text).toContain('A.II.6 Xây dựng chiến lược phát triển hạ tầng số');
    expect(text).toMatch(/Khó khăn, vướng mắc: .* → Thiếu kinh phí/);
    expect(text).toContain('Giá trị đạt được: 68 → 72');
    expect(text).not.toContain('A.II.7');
    expect(h.tg.buttons(preview!).map((b) => b.text)).toEqual(['Áp dụng', 'Huỷ']);
    expect(await snapshot()).toEqual(before); // a preview changes nothing

    const [saved] = await h.press(u, preview!, 'Áp dụng');
    expect(saved!.plainText).toContain('Đã lưu 2 cập nhật tiến độ của Đặc khu Cát Hải');
    const nhung = await db.prisma.person.findFirstOrThrow({ where: { fullName: NHUNG } });
    const fresh = await db.prisma.progressUpdate.findMany({ where: { id: { gt: 0 }, channel: 'XLSX' }, include: { task: true }, orderBy: { id: 'asc' } });
    expect(fresh.map((f) => f.task.number).sort()).toEqual(['A.I.3.2', 'A.II.6']);
    const upload = await db.prisma.upload.findFirstOrThrow({ where: { state: 'APPLIED' } });
    for (const f of fresh) {
      expect(f.reporterId).toBe(nhung.id);
      expect(f.attachments).toEqual([{ kind: 'document', fileId: `upload:${upload.id}`, fileName: 'phu-luc-cat-hai.xlsx', channel: 'XLSX' }]);
    }
    expect(fresh.find((f) => f.task.number === 'A.II.6')).toMatchObject({ percent: 70, difficulties: 'Thiếu kinh phí', state: 'IN_PROGRESS' });
    expect(fresh.find((f) => f.task.number === 'A.I.3.2')).toMatchObject({ actualValue: 72 });
    expect(upload).toMatchObject({ personId: nhung.id, fileName: 'phu-luc-cat-hai.xlsx', channel: 'TELEGRAM' });
    expect(upload.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect((await snapshot()).updates).toBe(before.updates + 2);

    // The pressed keyboard is gone; the same file again: nothing new, no prompt.
    expect(h.tg.buttons(preview!)).toEqual([]);
    const [same] = await send(u, 'phu-luc-cat-hai.xlsx', await save(wb));
    expect(same!.plainText).toContain('không có gì mới');
    expect(h.tg.buttons(same!)).toEqual([]);
    expect((await snapshot()).updates).toBe(before.updates + 2);
  });

  it('a unit leader’s appendix with another unit’s sheet: only their unit is previewed, the other is listed and ignored; "Huỷ" saves nothing', async () => {
    const { u, doc } = await appendixOf(DUC);
    const wb = await load(doc.document!.bytes);
    rowOf(wb.worksheets[0]!, '7', 'Xây dựng chiến lược tổng thể 10 năm').getCell(8).value = 'Chờ hướng dẫn của Sở';
    // Sở KH&CN's sheet of an export of several units, copied in and edited too.
    const so = await db.prisma.unit.findFirstOrThrow({ where: { name: 'Sở Khoa học và Công nghệ' } });
    const other = await load((await exportProgressAppendix(db.prisma, { unitIds: [so.id], asOf: '2026-11-26' })).data);
    const copy = wb.addWorksheet('So KHCN');
    other.worksheets[0]!.eachRow((row, r) => (copy.getRow(r).values = row.values as ExcelJS.CellValue[]));
    copy.getRow(other.worksheets[0]!.rowCount).getCell(8).value = 'Sửa trộm';
    const before = await snapshot();
    const [preview] = await send(u, 'hai-don-vi.xlsx', await save(wb));
    expect(preview!.plainText).toContain('1 nhiệm vụ thay đổi');
    expect(preview!.plainText).toContain('Chờ hướng dẫn của Sở');
    expect(preview!.plainText).toMatch(/Sheet "So KHCN" \(\d+ dòng\) thuộc Sở Khoa học và Công nghệ: ngoài phạm vi của anh\/chị, bỏ qua\./);
    const [cancelled] = await h.press(u, preview!, 'Huỷ');
    expect(cancelled!.plainText).toBe('Đã huỷ. Không có gì thay đổi.');
    expect(await snapshot()).toEqual(before);
    expect(await db.prisma.upload.count({ where: { state: 'CANCELLED', fileName: 'hai-don-vi.xlsx' } })).toBe(1);
  });

  it('the standing office sends the programme appendix with one task changed → preview with counts and the change → applied', async () => {
    const u = await user(HA);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(`${SEED_DIR}chuong-trinh-cong-tac-2026-phu-luc.xlsx`);
    const ws = wb.worksheets[0]!;
    let changed = '';
    for (let r = 1; r <= ws.rowCount && !changed; r++) {
      const c = ws.getRow(r).getCell(2);
      if (typeof c.value === 'string' && c.value.startsWith('Xây dựng')) {
        c.value = `${c.value} (sửa đổi)`;
        changed = c.value;
      }
    }
    const before = await snapshot();
    const sent = await save(wb);
    const [preview] = await send(u, 'chuong-trinh-2026.xlsx', sent);
    expect(preview!.plainText).toMatch(/Xem trước "chuong-trinh-2026\.xlsx":\n40 nhiệm vụ\/chỉ tiêu — 0 mới, 1 thay đổi, 39 không đổi\./);
    expect(preview!.plainText).toContain(`Thay đổi: 1 ${changed.slice(0, 40)}`);
    expect(await snapshot()).toEqual(before);
    const [applied] = await h.press(u, preview!, 'Áp dụng');
    expect(applied!.plainText).toContain('Đã áp dụng "chuong-trinh-2026.xlsx": 0 nhiệm vụ mới, 1 thay đổi');
    expect(await db.prisma.task.count({ where: { title: changed } })).toBe(1);
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'sheet.import' } });
    expect(audit.data).toMatchObject({ fileName: 'chuong-trinh-2026.xlsx' });
    // Recorded with who, when, the file name and a checksum; the file kept as the source.
    const ha = await db.prisma.person.findFirstOrThrow({ where: { fullName: HA } });
    const upload = await db.prisma.upload.findFirstOrThrow({ where: { fileName: 'chuong-trinh-2026.xlsx' } });
    expect(upload).toMatchObject({ personId: ha.id, state: 'APPLIED', channel: 'TELEGRAM' });
    expect(upload.appliedAt).toBeInstanceOf(Date);
    expect(upload.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(upload.data!).equals(Buffer.from(sent))).toBe(true);
  });

  it('the standing office sends a units registry as .xlsx → the new unit previewed, then created', async () => {
    const u = await user(HA);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Don vi');
    const csv = (await readFile(`${SEED_DIR}don-vi.csv`, 'utf8')).split('\n')[0]!.split(',');
    ws.addRow(csv);
    ws.addRow(['Xã Thử Nghiệm', 'xã', ...csv.slice(2).map(() => '')]);
    const [preview] = await send(u, 'don-vi-moi.xlsx', await save(wb));
    expect(preview!.plainText).toContain('Đơn vị: 1 mới, 0 thay đổi.');
    expect(await db.prisma.unit.count({ where: { name: 'Xã Thử Nghiệm' } })).toBe(0);
    await h.press(u, preview!, 'Áp dụng');
    expect(await db.prisma.unit.count({ where: { name: 'Xã Thử Nghiệm' } })).toBe(1);
  });

  it('an admin who reports for no unit sends a unit’s progress appendix → imported as `npm run import` would (the unit from its title), after a preview', async () => {
    await db.prisma.person.create({ data: { code: 'admin-only', fullName: 'Quản Trị Viên', roles: ['ADMIN'] } });
    const u = await user('Quản Trị Viên');
    const unit = await db.prisma.unit.findFirstOrThrow({ where: { name: 'Đặc khu Cát Hải' } });
    const wb = await load((await exportProgressAppendix(db.prisma, { unitIds: [unit.id], asOf: '2026-11-26' })).data);
    rowOf(wb.worksheets[0]!, '8', 'Xây dựng chiến lược giai đoạn 5 năm').getCell(9).value = 'Đề nghị hỗ trợ chuyên gia';
    const [preview] = await send(u, 'cat-hai-tu-van-phong.xlsx', await save(wb));
    expect(preview!.plainText).toContain('Cập nhật tiến độ mới: 1.');
    const before = await db.prisma.progressUpdate.count();
    await h.press(u, preview!, 'Áp dụng');
    expect(await db.prisma.progressUpdate.count()).toBe(before + 1);
    expect(await db.prisma.progressUpdate.findFirstOrThrow({ orderBy: { id: 'desc' } })).toMatchObject({ proposals: 'Đề nghị hỗ trợ chuyên gia', channel: 'IMPORT' });
  });

  it('who may send what: an officer or the community team cannot send the programme, a city leader cannot send a progress appendix; nothing changes', async () => {
    const programme = await readFile(`${SEED_DIR}chuong-trinh-cong-tac-2026-phu-luc.xlsx`);
    const before = await snapshot();
    const [officer] = await send(await user(HUY), 'ct.xlsx', programme);
    expect(officer!.plainText).toContain('chỉ Văn phòng thường trực (quản trị) gửi được loại tệp này');
    const [team] = await send(await user('Bùi Thị Mai'), 'ct.xlsx', programme);
    expect(team!.plainText).toContain('chỉ Văn phòng thường trực (quản trị) gửi được loại tệp này');
    const appendix = (await appendixOf(NHUNG)).doc.document!.bytes;
    const [leader] = await send(await user(TUAN), 'pl.xlsx', appendix);
    expect(leader!.plainText).toContain('là phụ lục tiến độ: chỉ cán bộ đầu mối, lãnh đạo đơn vị và Văn phòng thường trực gửi được');
    for (const m of [officer!, team!, leader!]) {
      expect(m.plainText).toContain('Không có gì thay đổi.');
      expect(h.tg.buttons(m)).toEqual([]);
    }
    // The rest of role × layout: only the standing office sends a programme or a registry; the community team sends no appendix.
    const registry = new ExcelJS.Workbook();
    const header = (await readFile(`${SEED_DIR}don-vi.csv`, 'utf8')).split('\n')[0]!.split(',');
    registry.addWorksheet('Don vi').addRows([header, ['Xã Không Được Tạo', 'xã', ...header.slice(2).map(() => '')]]);
    const registryBytes = await save(registry);
    const rows: Array<[string, string, Uint8Array | Buffer, string]> = [
      [TUAN, 'ct.xlsx', programme, 'chỉ Văn phòng thường trực (quản trị) gửi được loại tệp này'],
      [DUC, 'ct.xlsx', programme, 'chỉ Văn phòng thường trực (quản trị) gửi được loại tệp này'],
      [TUAN, 'dv.xlsx', registryBytes, 'chỉ Văn phòng thường trực (quản trị) gửi được loại tệp này'],
      [HUY, 'dv.xlsx', registryBytes, 'chỉ Văn phòng thường trực (quản trị) gửi được loại tệp này'],
      [DUC, 'dv.xlsx', registryBytes, 'chỉ Văn phòng thường trực (quản trị) gửi được loại tệp này'],
      ['Bùi Thị Mai', 'pl.xlsx', appendix, 'chỉ cán bộ đầu mối, lãnh đạo đơn vị và Văn phòng thường trực gửi được'],
    ];
    for (const [who, name, bytes, says] of rows) {
      const [m] = await send(await user(who), name, bytes);
      expect(m!.plainText, `${who} ${name}`).toContain(says);
      expect(m!.plainText, `${who} ${name}`).toContain('Không có gì thay đổi.');
      expect(h.tg.buttons(m!), `${who} ${name}`).toEqual([]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an unknown layout, a row error, a file too big, a password-protected file, macros and a non-xlsx, in Vietnamese, changing nothing', async () => {
    const u = await user(HA);
    const before = await snapshot();
    const odd = new ExcelJS.Workbook();
    odd.addWorksheet('Chi tieu').addRows([['Họ tên', 'Số tiền'], ['An', 100]]);
    const bad = await load((await appendixOf(NHUNG)).doc.document!.bytes);
    rowOf(bad.worksheets[0]!, '6', 'Xây dựng chiến lược phát triển hạ tầng số').getCell(6).value = 'Đang triển khai (170%)';
    const zip = await JSZip.loadAsync(await save(odd));
    zip.file('xl/vbaProject.bin', new Uint8Array([1, 2, 3]));
    const withMacros = await zip.generateAsync({ type: 'uint8array' });
    // What Excel writes for a workbook with a password: an OLE compound file holding EncryptionInfo.
    const encrypted = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(1024)]);
    const cases: [string, Uint8Array | string, RegExp][] = [
      ['bang-la.xlsx', await save(odd), /không nhận ra mẫu của tệp "bang-la\.xlsx"/],
      ['loi-dong.xlsx', await save(bad), /có 1 lỗi, chưa áp dụng được:\n.*dòng \d+.*vượt quá 100%/],
      ['qua-lon.xlsx', new Uint8Array(10 * 1024 * 1024 + 1), /quá lớn \(10\.0 MB\): bot chỉ nhận tệp đến 10 MB/],
      ['mat-khau.xlsx', encrypted, /có mật khẩu nên bot không đọc được/],
      ['macro.xlsm', await save(odd), /có macro \(\.xlsm\)/],
      ['macro-an.xlsx', withMacros, /có macro/],
      ['bao-cao.pdf', '%PDF-1.4 không phải bảng tính', /không phải bảng tính Excel \(\.xlsx\)/],
      ['gia-mao.xlsx', 'chỉ là chữ', /không phải bảng tính Excel \(\.xlsx\)/],
    ];
    for (const [name, bytes, expected] of cases) {
      const [reply] = await send(u, name, bytes);
      expect(reply!.plainText, name).toMatch(expected);
      expect(reply!.plainText, name).toContain('Không có gì thay đổi.');
      expect(h.tg.buttons(reply!), name).toEqual([]);
    }
    expect(await snapshot()).toEqual(before);
    expect(await db.prisma.upload.count({ where: { state: { in: ['PREVIEWED', 'APPLIED'] }, fileName: { in: cases.map((c) => c[0]) } } })).toBe(0);
  });
});
