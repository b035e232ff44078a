/**
 * When reminders, digests and notices go out, with the defaults the issue
 * names. bot/delivery/settings.ts reads them from the environment; tests
 * build them with `reminderSettings({...})`.
 */

/** Minutes after midnight, Asia/Ho_Chi_Minh. */
export interface WorkingHours {
  startMinute: number;
  endMinute: number;
}

export interface ReminderSettings {
  /** Deliveries are due only inside these hours (on working days). */
  workingHours: WorkingHours;
  /** 'always' lifts the working-day/working-hours rule (tests, emergencies). */
  window: 'working' | 'always';
  /** Working days before a deadline when the officer is reminded; 0 = the (last working) day itself. */
  offsets: number[];
  /** After the deadline: one reminder every this many calendar days (the first on the day after). */
  overdueEveryDays: number;
  /** Calendar days overdue after which the unit leaders are told (once per task). */
  escalateAfterDays: number;
  /** Day of the month of the monthly update request (the next working day when it is a day off). */
  monthlyRequestDay: number;
  /** Tasks listed in one reminder before "… and N more". */
  maxTasksListed: number;
  /** Cron expressions (croner syntax) in Asia/Ho_Chi_Minh. */
  cron: { reminders: string; digestWeekly: string; digestMonthly: string };
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  workingHours: { startMinute: 8 * 60, endMinute: 17 * 60 },
  window: 'working',
  offsets: [7, 3, 1, 0],
  overdueEveryDays: 7,
  escalateAfterDays: 14,
  monthlyRequestDay: 15,
  maxTasksListed: 8,
  cron: { reminders: '0 8 * * *', digestWeekly: '0 8 * * 1', digestMonthly: '0 8 25 * *' },
};

export function reminderSettings(overrides: Partial<ReminderSettings> = {}): ReminderSettings {
  return {
    ...DEFAULT_REMINDER_SETTINGS,
    ...overrides,
    cron: { ...DEFAULT_REMINDER_SETTINGS.cron, ...(overrides.cron ?? {}) },
    offsets: [...new Set(overrides.offsets ?? DEFAULT_REMINDER_SETTINGS.offsets)].sort((a, b) => b - a),
  };
}

/**
 * "08:00-17:00" → minutes. "00:00-24:00" means the whole day.
 * @throws Error naming the problem.
 */
export function parseWorkingHours(text: string): WorkingHours {
  const m = /^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!m) throw new Error(`"${text}" is not a range like 08:00-17:00`);
  const [h1, m1, h2, m2] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  if (h1 > 23 || m1 > 59 || h2 > 24 || m2 > 59 || (h2 === 24 && m2 !== 0)) throw new Error(`"${text}" has an impossible time`);
  const startMinute = h1 * 60 + m1;
  const endMinute = h2 * 60 + m2;
  if (endMinute <= startMinute) throw new Error(`"${text}" ends before it starts`);
  return { startMinute, endMinute };
}

/** "7,3,1,0" → [7, 3, 1, 0] (whole working days, 0–60). */
export function parseOffsets(text: string): number[] {
  const parts = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (parts.length === 0) throw new Error('expected whole numbers separated by commas, e.g. 7,3,1,0');
  const out = parts.map((p) => {
    if (!/^\d{1,2}$/.test(p) || Number(p) > 60) throw new Error(`"${p}" is not a number of working days between 0 and 60`);
    return Number(p);
  });
  return [...new Set(out)].sort((a, b) => b - a);
}
