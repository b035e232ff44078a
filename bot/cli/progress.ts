/**
 * Progress of a long import on the operator's terminal: a line as rows are
 * read, checked and written (at most one "written" line a second); when the
 * output is not a terminal (a pipe, a log file, cron), one summary line at
 * the end instead, so logs are not flooded.
 */
import type { Locale, Translator } from '../i18n.ts';
import type { ImportProgress } from '../services/import.ts';

export interface ProgressOut {
  isTTY?: boolean;
  write(text: string): unknown;
}

export function importProgress(out: ProgressOut, tr: Translator, locale: Locale, now: () => number = Date.now) {
  const started = now();
  const seen = { read: 0, checked: 0, written: 0 };
  let lastLine = -Infinity;
  const line = (key: string, args: Record<string, number>): void => void out.write(`${tr.t(key, args, locale)}\n`);
  return {
    onProgress(p: ImportProgress): void {
      seen[p.stage] = p.rows;
      if (!out.isTTY) return;
      if (p.stage !== 'written') return line(`import-progress-${p.stage}`, { rows: p.rows });
      const t = now();
      if (p.rows < p.total && t - lastLine < 1_000) return;
      lastLine = t;
      line('import-progress-written', { rows: p.rows, total: p.total });
    },
    /** The summary line (non-terminal output only; a terminal has seen the lines already). */
    finish(): void {
      if (out.isTTY) return;
      line('import-progress-summary', { ...seen, seconds: Math.round((now() - started) / 100) / 10 });
    },
  };
}
