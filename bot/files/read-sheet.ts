/**
 * Reads .xlsx and .csv files into grids of cell texts (domain/imports/grid.ts).
 * exceljs repeats a merged cell's value in every cell of the merge, which is
 * what the heading rules expect.
 */
import { extname } from 'node:path';
import { Readable } from 'node:stream';
// Loaded when a workbook is read or written: exceljs costs about a second of start-up otherwise.
import type * as ExcelJS from 'exceljs';
import type { Grid } from '../../domain/imports/grid.ts';

export class NotAWorkbookError extends Error {
  constructor(readonly fileName: string, readonly reason: string) {
    super(`${fileName} is not a readable workbook: ${reason}`);
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.replace(/\r\n/g, '\n').trim();
  if (typeof v === 'number') {
    if (cell.numFmt?.includes('%')) return `${Math.round(v * 10000) / 100}%`;
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'x' : '';
  if (v instanceof Date) return `${pad(v.getUTCDate())}/${pad(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string; hyperlink?: string };
    if (o.richText) return o.richText.map((r) => r.text).join('').trim();
    if (o.text !== undefined) return String(typeof o.text === 'object' ? ((o.text as { richText?: { text: string }[] }).richText ?? []).map((r) => r.text).join('') : o.text).trim();
    if (o.result !== undefined) return String(o.result).trim();
    if (o.error) return '';
  }
  return String(v).trim();
}

function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const rows: string[][] = [];
  const count = ws.actualRowCount ? ws.rowCount : 0;
  for (let r = 1; r <= count; r++) {
    const row = ws.getRow(r);
    const values: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, ws.columnCount); c++) values.push(cellText(row.getCell(c)));
    while (values.length && !values[values.length - 1]) values.pop();
    rows.push(values);
  }
  return { sheet: ws.name, rows };
}

/** Splits CSV text (RFC 4180: quotes, doubled quotes, newlines inside quotes; , or ; separators). */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.split('\n', 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      row.push(field.trim());
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field.trim());
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field.trim());
    rows.push(row);
  }
  return rows.map((r) => {
    while (r.length && !r[r.length - 1]) r.pop();
    return r;
  });
}

/** Reads a workbook (or CSV) from bytes; throws NotAWorkbookError for anything else. */
export async function readSheets(bytes: Uint8Array, fileName: string): Promise<Grid[]> {
  const ext = extname(fileName).toLowerCase();
  if (ext === '.csv') {
    const text = Buffer.from(bytes).toString('utf8');
    if (text.includes('\u0000')) throw new NotAWorkbookError(fileName, 'binary content');
    return [{ sheet: fileName.replace(/^.*[\\/]/, ''), rows: parseCsv(text) }];
  }
  // An .xlsx file is a zip archive: "PK\x03\x04".
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new NotAWorkbookError(fileName, 'not an .xlsx (zip) file');
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.read(Readable.from(Buffer.from(bytes)));
  } catch (err) {
    throw new NotAWorkbookError(fileName, err instanceof Error ? err.message : String(err));
  }
  return wb.worksheets.filter((ws) => ws.state !== 'hidden').map(worksheetToGrid);
}
