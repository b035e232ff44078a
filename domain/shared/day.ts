/**
 * A calendar day in Asia/Ho_Chi_Minh, written 'YYYY-MM-DD'. Domain rules work
 * on days, never on instants, so "today" means the same thing on any server.
 */
export type Day = string;

export const VN_TZ = 'Asia/Ho_Chi_Minh';
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDay(s: string): s is Day {
  const m = DAY_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.toISOString().slice(0, 10) === s;
}

export function makeDay(year: number, month: number, day: number): Day {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/** Last day of a month (month 1–12). */
export function endOfMonth(year: number, month: number): Day {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

export function dayParts(day: Day): { year: number; month: number; day: number } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return { year: y, month: m, day: d };
}

export function addDays(day: Day, n: number): Day {
  const { year, month, day: d } = dayParts(day);
  return makeDay(year, month, d + n);
}

export function addMonths(day: Day, n: number): Day {
  const { year, month, day: d } = dayParts(day);
  const target = new Date(Date.UTC(year, month - 1 + n, 1));
  const ty = target.getUTCFullYear();
  const tm = target.getUTCMonth() + 1;
  const maxDay = dayParts(endOfMonth(ty, tm)).day;
  return makeDay(ty, tm, Math.min(d, maxDay));
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(day: Day): number {
  const w = new Date(`${day}T00:00:00Z`).getUTCDay();
  return w === 0 ? 7 : w;
}

/** The day an instant falls on in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
export function dayOf(instant: Date): Day {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The instant a Vietnamese wall-clock time happens (UTC+7). */
export function instantOf(day: Day, hour = 0, minute = 0): Date {
  const { year, month, day: d } = dayParts(day);
  return new Date(Date.UTC(year, month - 1, d, hour - 7, minute));
}

/** Formats a day the Vietnamese way: 05/09/2025. */
export function formatDay(day: Day): string {
  const { year, month, day: d } = dayParts(day);
  return `${String(d).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/** A Day from a database DATE value (Prisma returns it as UTC midnight). */
export function dayFromDb(value: Date): Day {
  return value.toISOString().slice(0, 10);
}

/** A database DATE value for a Day. */
export function dayToDb(day: Day): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function compareDays(a: Day, b: Day): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Quarter (1–4) of a month. */
export function quarterOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}
