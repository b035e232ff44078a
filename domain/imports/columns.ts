/**
 * Finding the header of an appendix despite title rows, two-row merged
 * headers and the "(1)…(9)" numbering row, and naming its columns.
 */
import { fold } from '../shared/text.ts';
import { cell, columnLetter, type Grid } from './grid.ts';

export type ColumnKey =
  // appendix tables
  | 'number'
  | 'title'
  | 'directingLeader'
  | 'leadUnit'
  | 'coordinating'
  | 'output'
  | 'deadline'
  | 'done'
  | 'inProgress'
  | 'expected'
  | 'difficulties'
  | 'proposals'
  | 'reportingUnit'
  // registries
  | 'fullName'
  | 'jobTitle'
  | 'unit'
  | 'roles'
  | 'phone'
  | 'email'
  | 'telegram'
  | 'zalo'
  | 'focal'
  | 'unitName'
  | 'unitKind'
  | 'parentUnit'
  | 'aliases';

/**
 * Header words per column, checked in this order (first match wins), on the
 * folded text of the header (both header rows joined). Order matters:
 * "Dự kiến thời gian hoàn thành" must not be read as the deadline column.
 */
const RULES: [ColumnKey, RegExp][] = [
  ['number', /^(so )?(stt|tt|thu tu)$|^so thu tu$/],
  ['expected', /du kien/],
  ['done', /da hoan thanh|danh dau x/],
  ['inProgress', /dang trien khai|ty le %|ti le %/],
  ['difficulties', /kho khan|vuong mac/],
  ['proposals', /de xuat|kien nghi/],
  ['directingLeader', /chu tri chi dao|lanh dao chi dao|chi dao/],
  ['reportingUnit', /don vi bao cao/],
  ['leadUnit', /(don vi|co quan) chu tri|^chu tri$/],
  ['coordinating', /phoi hop/],
  ['output', /san pham/],
  ['deadline', /thoi gian|thoi han|han hoan thanh|tien do/],
  ['title', /ten nhiem vu|noi dung|^nhiem vu|ten chi tieu/],
  // registries
  ['fullName', /ho (va )?ten|^ten can bo/],
  ['jobTitle', /chuc vu|chuc danh/],
  ['unitKind', /loai (don vi|hinh)/],
  ['parentUnit', /truc thuoc|don vi cap tren/],
  ['aliases', /ten (goi )?khac|ten viet tat|bi danh/],
  ['unitName', /^ten don vi$/],
  ['unit', /^(don vi|co quan|noi cong tac)/],
  ['roles', /vai tro|quyen/],
  ['phone', /dien thoai|so dt|^sdt$/],
  ['email', /e-?mail|thu dien tu/],
  ['telegram', /telegram/],
  ['zalo', /zalo/],
  ['focal', /dau moi/],
];

export interface HeaderInfo {
  /** Last header row (data starts after it and after a numbering row). */
  headerRow: number;
  firstDataRow: number;
  columns: Partial<Record<ColumnKey, number>>;
  labels: Record<number, string>;
}

function classify(label: string): ColumnKey | null {
  const f = fold(label).replace(/\s*\(.*?\)\s*/g, ' ').trim() || fold(label);
  for (const [key, re] of RULES) if (re.test(f)) return key;
  // "Đang triển khai (tỷ lệ % hoàn thành)": the bracket carries the meaning.
  const full = fold(label);
  for (const [key, re] of RULES) if (re.test(full)) return key;
  return null;
}

function rowWidth(grid: Grid, row: number): number {
  return grid.rows[row - 1]?.length ?? 0;
}

const isNumberingRow = (values: string[]) => {
  const filled = values.filter(Boolean);
  return filled.length >= 2 && filled.every((v) => /^\(\s*\d+\s*\)$/.test(v.trim()));
};

/**
 * Looks in the first 25 rows for the row naming at least `minColumns` known
 * columns, merges a second header row below it when the first is a merged
 * group header ("Kết quả thực hiện" over "Đã hoàn thành | Đang triển khai…").
 */
export function findHeader(grid: Grid, minColumns = 3): HeaderInfo | null {
  const last = Math.min(grid.rows.length, 25);
  for (let r = 1; r <= last; r++) {
    const width = rowWidth(grid, r);
    const found = new Map<number, ColumnKey>();
    for (let c = 1; c <= width; c++) {
      const key = classify(cell(grid, r, c));
      if (key) found.set(c, key);
    }
    if (new Set(found.values()).size < minColumns) continue;

    // A second header row: cells that differ from the row above and name columns.
    let headerRow = r;
    const labels: Record<number, string> = {};
    for (let c = 1; c <= width; c++) labels[c] = cell(grid, r, c);
    const next = r + 1;
    if (next <= grid.rows.length) {
      // Distinct labels: a merged section row ("I | Công tác chỉ đạo…" across) is not a header.
      const subHeaders = new Set<string>();
      for (let c = 1; c <= Math.max(width, rowWidth(grid, next)); c++) {
        const below = cell(grid, next, c);
        if (below && below !== cell(grid, r, c) && classify(below)) subHeaders.add(below);
      }
      if (subHeaders.size >= 2) {
        headerRow = next;
        for (let c = 1; c <= Math.max(width, rowWidth(grid, next)); c++) {
          const top = cell(grid, r, c);
          const below = cell(grid, next, c);
          labels[c] = below && below !== top ? below : top;
        }
      }
    }
    const columns: Partial<Record<ColumnKey, number>> = {};
    for (const [c, label] of Object.entries(labels)) {
      const key = classify(label);
      if (key && columns[key] === undefined) columns[key] = Number(c);
    }
    let firstDataRow = headerRow + 1;
    const rowValues = (n: number) => grid.rows[n - 1] ?? [];
    while (firstDataRow <= grid.rows.length && isNumberingRow(rowValues(firstDataRow))) firstDataRow++;
    return { headerRow, firstDataRow, columns, labels };
  }
  return null;
}

/** "F (Đang triển khai (tỷ lệ % hoàn thành))" for messages. */
export function describeColumn(header: HeaderInfo, col: number): string {
  const label = (header.labels[col] ?? '').replace(/\s+/g, ' ').trim();
  return label ? `${columnLetter(col)} (${label})` : columnLetter(col);
}
