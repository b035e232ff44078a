import type { ProgressState } from '../status/derive-status.ts';

/**
 * What one progress report says: the columns (5)–(9) of the progress
 * appendix. Imports read them, chat writes them, the history keeps them, the
 * export writes them back.
 */
export interface ProgressFields {
  state: ProgressState;
  /** % complete of a task, as reported. */
  percent: number | null;
  /** An indicator's achieved value, as reported. */
  actualValue: number | null;
  /** The result as written ("Đang triển khai (30%)", "(Đạt 99,16%)"). */
  actualText: string | null;
  outputDocument: string | null;
  expectedCompletionText: string | null;
  difficulties: string | null;
  proposals: string | null;
}

export const PROGRESS_FIELDS = ['state', 'percent', 'actualValue', 'actualText', 'outputDocument', 'expectedCompletionText', 'difficulties', 'proposals'] as const satisfies readonly (keyof ProgressFields)[];

/** Just the progress fields of a row that has more (an assignment, an update). */
export function progressOf(row: ProgressFields): ProgressFields {
  return Object.fromEntries(PROGRESS_FIELDS.map((k) => [k, row[k]])) as unknown as ProgressFields;
}
