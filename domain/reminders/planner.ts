/**
 * Who is reminded of what on a given day — pure, so a simulated month can be
 * checked day by day and any instance planning the same day plans the same.
 *
 * An officer's task comes up on a day when:
 * - the deadline is 7, 3, 1 or 0 working days away (counted back from the
 *   last working day on or before the deadline, so a Saturday deadline is
 *   "today" on Friday);
 * - it is overdue, on the first working day after the deadline and then every
 *   7 days (each moved to the next working day when it falls on a day off);
 * - it is the monthly request day and the task (open, or continuous) has not
 *   been updated this month;
 * - a snooze ends that day ("nhắc lại sau").
 * A snoozed task is left out until its snooze ends. Unit leaders hear about
 * a task once, when it has been overdue for `escalateAfterDays`.
 */
import type { WorkingCalendar } from '../calendar/working-days.ts';
import { addDays, dayOf, dayParts, daysBetween, endOfMonth, makeDay, type Day } from '../shared/day.ts';
import type { StatusOptions } from '../status/derive-status.ts';
import { byUrgency, statusOf, type RowStatus, type TaskRow } from '../tasks/types.ts';
import type { ReminderSettings } from './settings.ts';

export type ReminderReason =
  | { kind: 'before'; workingDays: number }
  | { kind: 'due-today' }
  | { kind: 'overdue'; days: number }
  | { kind: 'monthly' }
  | { kind: 'snoozed' };

export interface ReminderItem {
  row: TaskRow;
  status: RowStatus;
  reasons: ReminderReason[];
}

export interface Snooze {
  personId: number;
  taskId: number;
  until: Date;
}

export interface PersonPlan {
  personId: number;
  /** Their own tasks, most urgent first. */
  items: ReminderItem[];
  /** Tasks of their unit that just crossed the escalation delay (unit leaders). */
  escalations: ReminderItem[];
}

export interface PlannerInput {
  day: Day;
  /** Open assignments each person answers for (explicit assignee, else focal officer). */
  responsibilities: Map<number, TaskRow[]>;
  /** Every open assignment, for escalations (whether or not someone answers for it). */
  assignments: TaskRow[];
  /** unitId → the unit's leaders. */
  leaders: Map<number, number[]>;
  snoozes: Snooze[];
  calendar: WorkingCalendar;
  settings: ReminderSettings;
  status?: StatusOptions;
}

/** Holidays never last longer than this: enough look-back for days moved past a break. */
export const MAX_BREAK_DAYS = 31;

/** A reminder before (or on) the deadline, if `day` is one of the offsets. */
export function deadlineReason(due: Day, day: Day, calendar: WorkingCalendar, offsets: number[]): ReminderReason | null {
  if (day > due) return null;
  const last = calendar.previousWorkingDay(due);
  for (const n of offsets) {
    if (calendar.addWorkingDays(last, -n) === day) return n === 0 ? { kind: 'due-today' } : { kind: 'before', workingDays: n };
  }
  return null;
}

/** True when an overdue reminder is due on `day`: nominal days due+1, due+1+every, … moved to working days. */
export function isOverdueReminderDay(due: Day, day: Day, calendar: WorkingCalendar, every: number): boolean {
  if (day <= due || !calendar.isWorkingDay(day)) return false;
  for (let back = 0; back <= MAX_BREAK_DAYS; back++) {
    const nominal = addDays(day, -back);
    if (nominal <= due) break;
    if ((daysBetween(due, nominal) - 1) % every === 0 && calendar.nextWorkingDay(nominal) === day) return true;
  }
  return false;
}

/** The first working day on or after due + `after` days: the day leaders are told. */
export function escalationDay(due: Day, after: number, calendar: WorkingCalendar): Day {
  return calendar.nextWorkingDay(addDays(due, after));
}

/** The monthly request day of the month containing `day`, kept inside that month. */
export function monthlyRequestDay(day: Day, requestDay: number, calendar: WorkingCalendar): Day {
  const { year, month } = dayParts(day);
  const last = endOfMonth(year, month);
  const nominal = makeDay(year, month, Math.min(requestDay, dayParts(last).day));
  const next = calendar.nextWorkingDay(nominal);
  return next.slice(0, 7) === nominal.slice(0, 7) ? next : calendar.previousWorkingDay(nominal);
}

/** Why one task comes up on `day` for its officer (ignoring snoozes). */
export function reasonsFor(row: TaskRow, status: RowStatus, day: Day, input: Pick<PlannerInput, 'calendar' | 'settings'>): ReminderReason[] {
  const { calendar, settings } = input;
  const reasons: ReminderReason[] = [];
  if (status.status !== 'DONE' && status.due) {
    const before = deadlineReason(status.due, day, calendar, settings.offsets);
    if (before) reasons.push(before);
    if (isOverdueReminderDay(status.due, day, calendar, settings.overdueEveryDays)) reasons.push({ kind: 'overdue', days: status.daysOverdue });
  }
  const open = status.status !== 'DONE' || row.rhythm === 'CONTINUOUS';
  if (open && !status.updatedThisMonth && monthlyRequestDay(day, settings.monthlyRequestDay, calendar) === day) reasons.push({ kind: 'monthly' });
  return reasons;
}

export function planReminders(input: PlannerInput): PersonPlan[] {
  const { day, calendar, settings } = input;
  if (!calendar.isWorkingDay(day)) return [];
  const snoozeEnd = new Map<string, Day>();
  for (const s of input.snoozes) snoozeEnd.set(`${s.personId}:${s.taskId}`, dayOf(s.until));

  const plans = new Map<number, PersonPlan>();
  const planOf = (personId: number) => {
    let p = plans.get(personId);
    if (!p) plans.set(personId, (p = { personId, items: [], escalations: [] }));
    return p;
  };

  for (const [personId, rows] of input.responsibilities) {
    for (const row of rows) {
      const status = statusOf(row, day, input.status);
      const ends = snoozeEnd.get(`${personId}:${row.taskId}`);
      if (ends !== undefined && day < ends) continue;
      const reasons = reasonsFor(row, status, day, input);
      if (ends === day && (status.status !== 'DONE' || row.rhythm === 'CONTINUOUS')) reasons.push({ kind: 'snoozed' });
      if (reasons.length) planOf(personId).items.push({ row, status, reasons });
    }
  }

  for (const row of input.assignments) {
    const status = statusOf(row, day, input.status);
    if (status.status !== 'OVERDUE' || !status.due) continue;
    if (escalationDay(status.due, settings.escalateAfterDays, calendar) !== day) continue;
    for (const leaderId of input.leaders.get(row.unitId) ?? []) {
      planOf(leaderId).escalations.push({ row, status, reasons: [{ kind: 'overdue', days: status.daysOverdue }] });
    }
  }

  const urgency = byUrgency(day, input.status);
  return [...plans.values()]
    .map((p) => ({ ...p, items: p.items.sort((a, b) => urgency(a.row, b.row)), escalations: p.escalations.sort((a, b) => urgency(a.row, b.row)) }))
    .sort((a, b) => a.personId - b.personId);
}
