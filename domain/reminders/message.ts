/**
 * A person's reminder for one run as a channel-neutral Reply: one message
 * grouping their tasks (most urgent first), each with its deadline, what is
 * due, and the last reported progress; then the actions. Choice ids are
 * handled by the conversation engine:
 *   rm:report:<taskId>   open the reporting flow for that task
 *   rm:same:<taskId>     "no change" since the last report
 *   rm:snooze:<taskId>:1 remind me tomorrow;  rm:snooze:<taskId>:7 next week
 *   rm:list              show all my tasks (when more than three are listed)
 */
import { line, t, type Choice, type Line, type Reply } from '../chat/reply.ts';
import { formatDay, type Day } from '../shared/day.ts';
import { shorten } from '../shared/text.ts';
import type { PersonPlan, ReminderItem, ReminderReason } from './planner.ts';

/** Report buttons shown one per task up to this many tasks; more → one "list" button. */
export const MAX_REPORT_CHOICES = 3;

const REASON_ORDER: ReminderReason['kind'][] = ['due-today', 'overdue', 'before', 'snoozed', 'monthly'];

export function mainReason(item: ReminderItem): ReminderReason {
  return [...item.reasons].sort((a, b) => REASON_ORDER.indexOf(a.kind) - REASON_ORDER.indexOf(b.kind))[0]!;
}

/** The arguments of reminder-item-state: deadline, what is due, last progress. */
export function itemStateArgs(item: ReminderItem, day: Day) {
  const reason = mainReason(item);
  const { row, status } = item;
  return {
    reason: reason.kind,
    due: row.rhythm === 'CONTINUOUS' || !status.due ? 'none' : formatDay(status.due),
    days: reason.kind === 'overdue' ? reason.days : (status.daysLeft ?? 0),
    workingDays: reason.kind === 'before' ? reason.workingDays : 0,
    month: day.slice(5, 7).replace(/^0/, '') + '/' + day.slice(0, 4),
    value: row.kind === 'INDICATOR' ? (row.actualValue ?? 'none') : (row.percent ?? 'none'),
    state: row.state,
    last: row.lastReportedOn ? formatDay(row.lastReportedOn) : 'none',
  };
}

function itemLines(item: ReminderItem, day: Day, withUnit: boolean): Line[] {
  const { row } = item;
  return [
    line(t('reminder-item', { number: row.number, plan: row.planCode, title: shorten(row.title, 90) })),
    line(t(withUnit ? 'reminder-item-unit-state' : 'reminder-item-state', { ...itemStateArgs(item, day), unit: row.unitName }), { indent: true }),
  ];
}

export function reminderChoices(items: ReminderItem[]): Choice[] {
  if (items.length === 0) return [];
  if (items.length === 1) {
    const { taskId, number } = items[0]!.row;
    return [
      { id: `rm:report:${taskId}`, label: t('reminder-report-now'), words: ['bao cao', `bao cao ${number}`, 'cap nhat'] },
      { id: `rm:same:${taskId}`, label: t('reminder-no-change'), words: ['khong thay doi', 'nhu cu', 'khong doi'] },
      { id: `rm:snooze:${taskId}:1`, label: t('reminder-snooze-tomorrow'), words: ['mai', 'nhac mai', 'ngay mai'] },
      { id: `rm:snooze:${taskId}:7`, label: t('reminder-snooze-week'), words: ['tuan sau', 'nhac tuan sau'] },
    ];
  }
  const choices: Choice[] = items.slice(0, MAX_REPORT_CHOICES).map((i) => ({
    id: `rm:report:${i.row.taskId}`,
    label: t('reminder-report-task', { number: i.row.number }),
    words: [`bao cao ${i.row.number}`],
  }));
  if (items.length > MAX_REPORT_CHOICES) choices.push({ id: 'rm:list', label: t('reminder-list', { count: items.length }), words: ['danh sach', 'xem tat ca'] });
  return choices;
}

/** The one message of a run for one person (null when there is nothing to say). */
export function reminderReply(plan: PersonPlan, day: Day, options: { name: string; maxTasksListed: number }): Reply | null {
  const { items, escalations } = plan;
  if (items.length === 0 && escalations.length === 0) return null;
  const max = options.maxTasksListed;
  const lines: Line[] = [];
  if (items.length) {
    lines.push(line(t('reminder-title', { name: options.name, count: items.length, date: formatDay(day) }), { strong: true }));
    for (const item of items.slice(0, max)) lines.push(...itemLines(item, day, false));
    if (items.length > max) lines.push(line(t('list-more', { count: items.length - max })));
  }
  if (escalations.length) {
    if (lines.length) lines.push(line({ raw: '' }));
    lines.push(line(t('reminder-escalation-title', { name: options.name, count: escalations.length, date: formatDay(day) }), { strong: true }));
    for (const item of escalations.slice(0, max)) lines.push(...itemLines(item, day, true));
    if (escalations.length > max) lines.push(line(t('list-more', { count: escalations.length - max })));
  }
  if (items.length) lines.push(line(t('reminder-footer')));
  // The monthly request about several tasks: the unit's appendix, filled in Excel, does them at once.
  if (items.filter((i) => i.reasons.some((r) => r.kind === 'monthly')).length > 1) lines.push(line(t('reminder-appendix-offer')));
  const choices = reminderChoices(items);
  return { lines, ...(choices.length ? { choices } : {}) };
}

/** What the person reads after choosing "remind me tomorrow / next week". */
export function snoozedReply(number: string, until: Day): Reply {
  return { lines: [line(t('reminder-snoozed', { number, date: formatDay(until) }))] };
}
