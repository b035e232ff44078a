/**
 * Day arithmetic is integer arithmetic (domain/shared/day.ts): it must give
 * exactly what Date.UTC and Date.parse give — the same overflow of months and
 * days, the same leap years, the same reading of a day like 30/02 — or every
 * deadline, status and reminder day moves with it.
 */
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayParts, daysBetween, endOfMonth, formatDay, makeDay } from '../../domain/shared/day.ts';

// The previous implementation, through Date: the reference.
const viaDate = {
  makeDay: (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10),
  endOfMonth: (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10),
  addMonths(day: string, n: number) {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1 + n, 1));
    const max = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
    return viaDate.makeDay(t.getUTCFullYear(), t.getUTCMonth() + 1, Math.min(d, max));
  },
  daysBetween: (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000),
};

const everyThirdDay: string[] = [];
for (let t = Date.UTC(1899, 11, 1); t <= Date.UTC(2101, 1, 1); t += 3 * 86_400_000) everyThirdDay.push(new Date(t).toISOString().slice(0, 10));

describe('day arithmetic without Date', () => {
  it('makeDay and endOfMonth overflow months and days as Date.UTC does, leap years included', () => {
    const diffs: string[] = [];
    for (let y = 1896; y <= 2104; y++) {
      for (let m = -13; m <= 26; m++) {
        if (endOfMonth(y, m) !== viaDate.endOfMonth(y, m)) diffs.push(`endOfMonth(${y}, ${m})`);
        for (const d of [-31, 0, 1, 28, 29, 30, 31, 32, 367]) if (makeDay(y, m, d) !== viaDate.makeDay(y, m, d)) diffs.push(`makeDay(${y}, ${m}, ${d})`);
      }
    }
    expect(diffs).toEqual([]);
    expect(endOfMonth(2024, 2)).toBe('2024-02-29');
    expect(endOfMonth(2100, 2)).toBe('2100-02-28');
    expect(makeDay(2026, 13, 1)).toBe('2027-01-01');
    expect(makeDay(2026, 3, 0)).toBe('2026-02-28');
  });

  it('addDays, addMonths and daysBetween agree with Date on two centuries of days', () => {
    const diffs: string[] = [];
    for (const [i, day] of everyThirdDay.entries()) {
      for (const n of [-366, -1, 1, 31, 365]) {
        const expected = viaDate.makeDay(...(day.split('-').map(Number) as [number, number, number]).map((v, k) => (k === 2 ? v + n : v)) as [number, number, number]);
        if (addDays(day, n) !== expected) diffs.push(`addDays(${day}, ${n})`);
      }
      for (const n of [-13, -1, 1, 12, 25]) if (addMonths(day, n) !== viaDate.addMonths(day, n)) diffs.push(`addMonths(${day}, ${n})`);
      const other = everyThirdDay[(i * 7919) % everyThirdDay.length]!;
      if (daysBetween(day, other) !== viaDate.daysBetween(day, other)) diffs.push(`daysBetween(${day}, ${other})`);
    }
    expect(diffs).toEqual([]);
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(daysBetween('2026-11-26', '2027-01-01')).toBe(36);
  });

  it('reads odd days as Date.parse does, and other shapes as before', () => {
    for (const [a, b] of [
      ['2026-02-28', '2026-02-30'], // read as 2 March, as Date.parse does
      ['2026-02-28', '2026-13-01'], // not a day: NaN
      ['2026-1-5', '2026-01-10'], // not YYYY-MM-DD
    ] as const) {
      expect(daysBetween(a, b), `${a} → ${b}`).toEqual(viaDate.daysBetween(a, b));
    }
    expect(dayParts('2026-1-5')).toEqual({ year: 2026, month: 1, day: 5 });
    expect(dayParts('2026-11-26')).toEqual({ year: 2026, month: 11, day: 26 });
    expect(formatDay('2026-09-05')).toBe('05/09/2026');
  });
});
