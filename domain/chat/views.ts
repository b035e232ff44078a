/**
 * How tasks read in chat, written once for every channel: two short lines
 * per task (number and title; unit, deadline, state, %, age of the last
 * update), totals first, most urgent first.
 */
import { daysBetween, formatDay, type Day } from '../shared/day.ts';
import { shorten } from '../shared/text.ts';
import type { StatusOptions } from '../status/derive-status.ts';
import { statusOf, type RowStatus, type TaskRow, type UpdateRow } from '../tasks/types.ts';
import { line, raw, t, type Line, type Text } from './reply.ts';

export const STATUS_ICON: Record<string, string> = { OVERDUE: '🔴', DUE_SOON: '🟠', ON_TRACK: '🟢', NOT_STARTED: '⚪', DONE: '✅' };

export function dueText(row: Pick<TaskRow, 'deadlineKind' | 'deadlineText' | 'rhythm'>, status: RowStatus): Text {
  if (row.rhythm === 'CONTINUOUS') return t('due-continuous');
  if (row.rhythm === 'YEARLY') return t('due-yearly', { date: status.due ? formatDay(status.due) : '' });
  if (status.due) return t('due-date', { date: formatDay(status.due) });
  if (row.deadlineText) return t('due-text', { text: row.deadlineText });
  return t('due-none');
}

export function progressArgs(row: TaskRow, status: RowStatus, today: Day) {
  const value = row.kind === 'INDICATOR' ? row.actualValue : row.percent;
  return {
    status: status.status,
    days: status.status === 'OVERDUE' ? status.daysOverdue : (status.daysLeft ?? 0),
    value: value ?? 'none',
    indicator: status.indicator ?? 'none',
    age: row.lastReportedOn ? daysBetween(row.lastReportedOn, today) : -1,
  };
}

/** Two lines: "🔴 A.II.6 · Xây dựng chiến lược…" and "Đặc khu Cát Hải · hạn 31/12/2027 · quá hạn 3 ngày · 30% · cập nhật 12 ngày trước". */
export function taskLines(row: TaskRow, today: Day, options?: StatusOptions & { showUnit?: boolean; titleLength?: number }): Line[] {
  const status = statusOf(row, today, options);
  const args = progressArgs(row, status, today);
  return [
    line(t('task-head', { icon: STATUS_ICON[status.status], number: row.number, plan: row.planCode, title: shorten(row.title, options?.titleLength ?? 90) })),
    line(
      t('task-meta', {
        unit: options?.showUnit === false ? 'none' : row.unitName,
        ...args,
      }),
      { indent: true },
    ),
    line(dueText(row, status), { indent: true }),
  ];
}

export function statusCounts(rows: TaskRow[], today: Day, options?: StatusOptions): Record<string, number> {
  const counts: Record<string, number> = { OVERDUE: 0, DUE_SOON: 0, ON_TRACK: 0, NOT_STARTED: 0, DONE: 0 };
  for (const r of rows) counts[statusOf(r, today, options).status]!++;
  return counts;
}

export function historyLines(updates: UpdateRow[]): Line[] {
  return updates.map((u) =>
    line(
      t('history-line', {
        date: formatDay(u.reportedOn),
        kind: u.kind,
        state: u.state,
        value: u.percent ?? u.actualValue ?? 'none',
        who: u.reporterName ?? (u.channel === 'IMPORT' ? 'import' : 'none'),
        text: shorten([u.actualText, u.outputDocument, u.difficulties && `⚠ ${u.difficulties}`, u.proposals && `→ ${u.proposals}`].filter(Boolean).join(' · '), 160) || 'none',
      }),
      { indent: true },
    ),
  );
}

export function detailLines(row: TaskRow, today: Day, options?: StatusOptions): Line[] {
  const status = statusOf(row, today, options);
  const out: Line[] = [
    line(t('detail-head', { icon: STATUS_ICON[status.status], number: row.number, plan: row.planCode, kind: row.kind }), { strong: true }),
    line(raw(row.title)),
    line(t('detail-unit', { unit: row.unitName, lead: row.leadUnitText ?? row.unitName })),
    line(t('detail-deadline', { text: row.deadlineText ?? '—' })),
    line(t('detail-status', progressArgs(row, status, today))),
  ];
  if (row.kind === 'INDICATOR' && row.targetValue !== null) {
    out.push(line(t('detail-target', { comparator: row.targetComparator ?? '', value: row.targetValue, unit: row.targetUnit ?? '', year: row.targetYear === null ? '' : String(row.targetYear), actual: row.actualValue ?? 'none', result: status.indicator ?? 'UNKNOWN' })));
  }
  if (row.actualText) out.push(line(t('detail-result', { text: row.actualText })));
  if (row.outputDocument) out.push(line(t('detail-output', { text: row.outputDocument })));
  if (row.expectedCompletionText) out.push(line(t('detail-expected', { text: row.expectedCompletionText })));
  if (row.difficulties) out.push(line(t('detail-difficulties', { text: row.difficulties })));
  if (row.proposals) out.push(line(t('detail-proposals', { text: row.proposals })));
  return out;
}
