/**
 * Writes the progress appendix workbook (one sheet per unit) in the layout
 * of seed 003: title rows, a two-row merged header, the (1)…(9) row, merged
 * heading rows and items. Reading it back gives the same data.
 */
// Loaded when a workbook is read or written: exceljs costs about a second of start-up otherwise.
import type * as ExcelJS from 'exceljs';
import type { AppendixRow } from '../../domain/exports/progress-appendix.ts';
import { formatDay, type Day } from '../../domain/shared/day.ts';

export interface AppendixSheet {
  unitName: string;
  asOf: Day;
  rows: AppendixRow[];
}

const HEADER_TOP = ['Số TT', 'Tên nhiệm vụ được giao (ghi nội dung)', 'Thời gian hoàn thành theo kế hoạch', 'Sản phẩm đầu ra (kế hoạch, báo cáo... ghi rõ số, ngày tháng năm ban hành)', 'Kết quả thực hiện', 'Kết quả thực hiện', 'Kết quả thực hiện', 'Kết quả thực hiện', 'Đề xuất, kiến nghị'];
const HEADER_SUB = ['Số TT', 'Tên nhiệm vụ được giao (ghi nội dung)', 'Thời gian hoàn thành theo kế hoạch', 'Sản phẩm đầu ra (kế hoạch, báo cáo... ghi rõ số, ngày tháng năm ban hành)', 'Đã hoàn thành (đánh dấu X)', 'Đang triển khai (tỷ lệ % hoàn thành)', 'Dự kiến thời gian hoàn thành', 'Khó khăn, vướng mắc', 'Đề xuất, kiến nghị'];
const WIDTHS = [8, 50, 18, 40, 12, 20, 16, 36, 36];

function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim() || 'Đơn vị';
  let n = base;
  for (let i = 2; used.has(n.toLowerCase()); i++) n = `${base.slice(0, 28)} ${i}`;
  used.add(n.toLowerCase());
  return n;
}

export async function writeAppendixWorkbook(sheets: AppendixSheet[]): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'nq57-bot';
  const used = new Set<string>();
  const border: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  for (const s of sheets) {
    const ws = wb.addWorksheet(sheetName(s.unitName, used), { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    ws.columns = WIDTHS.map((width) => ({ width }));
    ws.getCell('A1').value = s.unitName.toUpperCase();
    ws.mergeCells('A1:C1');
    ws.getCell('A2').value = `Đơn vị báo cáo: ${s.unitName}`;
    ws.mergeCells('A2:D2');
    ws.getCell('A3').value = 'PHỤ LỤC';
    ws.mergeCells('A3:I3');
    ws.getCell('A4').value = `Tiến độ thực hiện các nhiệm vụ theo Nghị quyết 57-NQ/TW (số liệu đến ngày ${formatDay(s.asOf)})`;
    ws.mergeCells('A4:I4');
    for (const cell of ['A1', 'A3', 'A4']) ws.getCell(cell).font = { bold: true };
    ws.getCell('A3').alignment = { horizontal: 'center' };
    ws.getCell('A4').alignment = { horizontal: 'center', wrapText: true };
    ws.getRow(6).values = HEADER_TOP;
    ws.getRow(7).values = HEADER_SUB;
    for (const c of ['A', 'B', 'C', 'D', 'I']) ws.mergeCells(`${c}6:${c}7`);
    ws.mergeCells('E6:H6');
    ws.getRow(8).values = Array.from({ length: 9 }, (_, i) => `(${i + 1})`);
    for (const r of [6, 7, 8]) {
      const row = ws.getRow(r);
      row.font = { bold: r !== 8, italic: r === 8 };
      row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      for (let c = 1; c <= 9; c++) row.getCell(c).border = border;
    }
    let r = 9;
    for (const item of s.rows) {
      const row = ws.getRow(r);
      if (item.type === 'heading') {
        row.getCell(1).value = item.label;
        row.getCell(2).value = item.title;
        ws.mergeCells(`B${r}:I${r}`);
        row.font = { bold: true };
      } else {
        row.values = item.cells;
      }
      row.alignment = { vertical: 'top', wrapText: true };
      for (let c = 1; c <= 9; c++) row.getCell(c).border = border;
      r++;
    }
    ws.views = [{ state: 'frozen', ySplit: 8 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
