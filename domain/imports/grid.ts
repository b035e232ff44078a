/**
 * A sheet as the import rules see it: cell texts only, rows and columns
 * 1-based in messages (as Excel shows them). Reading .xlsx/.csv files into
 * grids is the adapters' job (bot/files/read-sheet.ts).
 */
export interface Grid {
  sheet: string;
  /** rows[r][c] is the text of row r+1, column c+1; '' when empty. Merged cells repeat their value. */
  rows: string[][];
}

export function cell(grid: Grid, row: number, col: number): string {
  return grid.rows[row - 1]?.[col - 1] ?? '';
}

/** Excel's column letter for a 1-based index: 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A problem with one place of one sheet; `code` is a locale key suffix, `args` its values. */
export interface ImportProblem {
  sheet: string;
  row: number | null;
  column: string | null; // "F (Đang triển khai)"
  code: ImportProblemCode;
  args?: Record<string, string | number>;
}

export type ImportProblemCode =
  | 'busy'
  | 'not-a-workbook'
  | 'empty-file'
  | 'no-header'
  | 'missing-column'
  | 'no-rows'
  | 'bad-number'
  | 'missing-number'
  | 'missing-title'
  | 'duplicate-number'
  | 'bad-deadline'
  | 'bad-date'
  | 'bad-as-of'
  | 'percent-not-number'
  | 'percent-over-100'
  | 'bad-done-mark'
  | 'done-and-percent'
  | 'unknown-unit'
  | 'no-unit'
  | 'no-plan'
  | 'bad-role'
  | 'bad-phone'
  | 'missing-name'
  | 'duplicate-person'
  | 'bad-unit-kind'
  | 'unknown-parent';
