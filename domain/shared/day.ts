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

/*
 * Days are counted with integer arithmetic (days since 1970-01-01 in the
 * proleptic Gregorian calendar, H. Hinnant's days_from_civil): answers and
 * planning derive statuses for every row they list, and a Date per step was
 * most of their JavaScript. The results are exactly Date.UTC's (the same
 * overflow of months and days); anything else falls back to Date.
 */

/** Days since 1970-01-01 of year-month-01 (month 1–12). */
function monthStart(year: number, month: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** The Day `days` days after 1970-01-01 (years 1000–9999; others through Date). */
function dayFromNumber(days: number): Day {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 1000 || y > 9999) return new Date(days * 86_400_000).toISOString().slice(0, 10);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Days since 1970-01-01 as Date.UTC counts them (months and days overflow), or null for what only Date reads. */
function numberOf(year: number, month: number, day: number): number | null {
  if (!Number.isSafeInteger(year) || !Number.isSafeInteger(month) || !Number.isSafeInteger(day) || Math.abs(year) > 100_000 || Math.abs(month) > 1_000_000 || Math.abs(day) > 100_000_000) return null;
  const m0 = month - 1;
  const y = year + Math.floor(m0 / 12);
  const m = m0 - Math.floor(m0 / 12) * 12 + 1;
  return monthStart(y, m) + day - 1;
}

/** A 'YYYY-MM-DD' text as the number YYYYMMDD (null for any other shape), read without allocating. */
function ymdOf(day: Day): number | null {
  if (day.length !== 10 || day.charCodeAt(4) !== 45 || day.charCodeAt(7) !== 45) return null;
  let n = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = day.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return null;
    n = n * 10 + c;
  }
  return n;
}

export function makeDay(year: number, month: number, day: number): Day {
  const n = numberOf(year, month, day);
  return n === null ? new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10) : dayFromNumber(n);
}

/** Last day of a month (month 1–12). */
export function endOfMonth(year: number, month: number): Day {
  return makeDay(year, month + 1, 0);
}

export function dayParts(day: Day): { year: number; month: number; day: number } {
  const n = ymdOf(day);
  if (n !== null) return { year: Math.floor(n / 10_000), month: Math.floor(n / 100) % 100, day: n % 100 };
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return { year: y, month: m, day: d };
}

export function addDays(day: Day, n: number): Day {
  const { year, month, day: d } = dayParts(day);
  return makeDay(year, month, d + n);
}

export function addMonths(day: Day, n: number): Day {
  const { year, month, day: d } = dayParts(day);
  const target = numberOf(year, month + n, 1);
  if (target === null) {
    const t = new Date(Date.UTC(year, month - 1 + n, 1));
    const ty = t.getUTCFullYear();
    const tm = t.getUTCMonth() + 1;
    return makeDay(ty, tm, Math.min(d, dayParts(endOfMonth(ty, tm)).day));
  }
  const { year: ty, month: tm } = dayParts(dayFromNumber(target));
  const maxDay = (numberOf(ty, tm + 1, 1) ?? 0) - target;
  return makeDay(ty, tm, Math.min(d, maxDay));
}

/** A Day as Date.parse reads `${day}T00:00:00Z`, in days (months 1–12, days 1–31, as V8 accepts them), else null. */
function parsedNumber(day: Day): number | null {
  const n = ymdOf(day);
  if (n === null) return null;
  const m = Math.floor(n / 100) % 100;
  const d = n % 100;
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return monthStart(Math.floor(n / 10_000), m) + d - 1;
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: Day, b: Day): number {
  const na = parsedNumber(a);
  const nb = parsedNumber(b);
  if (na !== null && nb !== null) return nb - na;
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
