/**
 * "Nhắc lại sau": a snooze ends at the start of working hours of a working
 * day — tomorrow's (days = 1) or a week later's (days = 7), moved past days
 * off. The task comes back in that morning's reminder (planner.ts).
 */
import type { WorkingCalendar } from '../calendar/working-days.ts';
import { windowStartOn } from '../delivery/policy.ts';
import { addDays, dayOf, type Day } from '../shared/day.ts';
import type { WorkingHours } from './settings.ts';

export const SNOOZE_DAYS = [1, 7] as const;
export type SnoozeDays = (typeof SNOOZE_DAYS)[number];

export function isSnoozeDays(n: number): n is SnoozeDays {
  return (SNOOZE_DAYS as readonly number[]).includes(n);
}

export function snoozeUntil(now: Date, days: SnoozeDays, calendar: WorkingCalendar, hours: WorkingHours): { day: Day; until: Date } {
  const day = calendar.nextWorkingDay(addDays(dayOf(now), days));
  return { day, until: windowStartOn(day, hours) };
}

/** Reads a reminder choice id: rm:report:<taskId>, rm:same:<taskId>, rm:snooze:<taskId>:<1|7>, rm:list. */
export type ReminderChoice =
  | { action: 'report'; taskId: number }
  | { action: 'same'; taskId: number }
  | { action: 'snooze'; taskId: number; days: SnoozeDays }
  | { action: 'list' };

export function parseReminderChoice(id: string): ReminderChoice | null {
  if (id === 'rm:list') return { action: 'list' };
  const m = /^rm:(report|same|snooze):(\d{1,9})(?::(\d{1,2}))?$/.exec(id);
  if (!m) return null;
  const taskId = Number(m[2]);
  if (m[1] === 'snooze') {
    const days = Number(m[3]);
    return isSnoozeDays(days) ? { action: 'snooze', taskId, days } : null;
  }
  if (m[3] !== undefined) return null;
  return { action: m[1] as 'report' | 'same', taskId };
}
