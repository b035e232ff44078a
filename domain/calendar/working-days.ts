import { type Day, addDays, compareDays, isDay, weekday } from '../shared/day.ts';

export interface WorkingCalendarOptions {
  /** Days nobody works (public holidays and announced breaks). */
  holidays: Day[];
  /** ISO weekdays that are worked (1 = Monday … 7 = Sunday); default Monday–Friday. */
  workDays?: number[];
  /** Non-work weekdays that are worked anyway (Saturdays making up a swapped day). */
  makeupDays?: Day[];
}

/** A calendar gap longer than this means the configuration leaves (almost) no working day. */
const MAX_SCAN_DAYS = 3660;

/**
 * Working days of state offices: reminders and "N working days" rules use it.
 * A day that is both a holiday and a make-up day counts as a holiday, so a
 * config mistake never sends a reminder on a day off.
 */
export class WorkingCalendar {
  private readonly holidays: ReadonlySet<Day>;
  private readonly workDays: ReadonlySet<number>;
  private readonly makeupDays: ReadonlySet<Day>;

  constructor(options: WorkingCalendarOptions) {
    const workDays = options.workDays ?? [1, 2, 3, 4, 5];
    if (workDays.length === 0 || workDays.some((w) => !Number.isInteger(w) || w < 1 || w > 7)) {
      throw new Error(`Invalid workDays ${JSON.stringify(workDays)}: expected ISO weekdays 1–7, at least one`);
    }
    for (const d of [...options.holidays, ...(options.makeupDays ?? [])]) {
      if (!isDay(d)) throw new Error(`Invalid day "${d}" in the working calendar: expected YYYY-MM-DD`);
    }
    this.holidays = new Set(options.holidays);
    this.workDays = new Set(workDays);
    this.makeupDays = new Set(options.makeupDays ?? []);
  }

  isHoliday(d: Day): boolean {
    return this.holidays.has(d);
  }

  isWorkingDay(d: Day): boolean {
    if (this.holidays.has(d)) return false;
    return this.workDays.has(weekday(d)) || this.makeupDays.has(d);
  }

  /** `d` itself when it is a working day, else the first working day after it. */
  nextWorkingDay(d: Day): Day {
    return this.scan(d, 1);
  }

  /** `d` itself when it is a working day, else the last working day before it. */
  previousWorkingDay(d: Day): Day {
    return this.scan(d, -1);
  }

  /**
   * Moves `n` working days from `d` (backwards when n < 0); the start day is not
   * counted, so Friday + 1 is the next working Monday. n = 0 returns `d`.
   */
  addWorkingDays(d: Day, n: number): Day {
    if (!Number.isInteger(n)) throw new Error(`addWorkingDays needs a whole number, got ${n}`);
    const step = n < 0 ? -1 : 1;
    let day = d;
    for (let left = Math.abs(n); left > 0; left--) day = this.scan(addDays(day, step), step);
    return day;
  }

  /** The working days from `from` to `to` inclusive, in order (the calendar as data for SQL). */
  workingDaysIn(from: Day, to: Day): Day[] {
    const out: Day[] = [];
    for (let d = from; compareDays(d, to) <= 0; d = addDays(d, 1)) if (this.isWorkingDay(d)) out.push(d);
    return out;
  }

  /** Working days after `a` up to and including `b`; negative when b is before a. */
  workingDaysBetween(a: Day, b: Day): number {
    const order = compareDays(a, b);
    if (order === 0) return 0;
    const [from, to] = order < 0 ? [a, b] : [b, a];
    let count = 0;
    for (let d = addDays(from, 1); compareDays(d, to) <= 0; d = addDays(d, 1)) {
      if (this.isWorkingDay(d)) count++;
    }
    return order < 0 ? count : -count;
  }

  private scan(d: Day, step: 1 | -1): Day {
    let day = d;
    for (let i = 0; i < MAX_SCAN_DAYS; i++) {
      if (this.isWorkingDay(day)) return day;
      day = addDays(day, step);
    }
    throw new Error(`No working day within ${MAX_SCAN_DAYS} days of ${d}: check the holiday configuration`);
  }
}
