import { type Day, addDays, compareDays, isDay } from '../shared/day.ts';

/** Longest range accepted in a holiday spec: a longer one is almost surely a typo (wrong year). */
const MAX_RANGE_DAYS = 31;

/**
 * Parses a holiday list such as `2026-02-14..2026-02-22,2026-04-27` into sorted,
 * unique days. Parts are separated by commas (or semicolons / new lines); a part
 * is one day or an inclusive range `from..to`. Empty parts are ignored so a
 * trailing comma in an environment variable is harmless.
 * @throws Error naming the part that is not a valid day or range.
 */
export function parseHolidayList(spec: string): Day[] {
  const days = new Set<Day>();
  for (const raw of spec.split(/[,;\n]/)) {
    const part = raw.trim();
    if (part === '') continue;
    const range = /^(\S+?)\s*\.\.\s*(\S+)$/.exec(part);
    if (!range) {
      if (!isDay(part)) throw new Error(`Invalid holiday "${part}": expected YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD`);
      days.add(part);
      continue;
    }
    const [, from, to] = range as unknown as [string, string, string];
    if (!isDay(from) || !isDay(to)) {
      throw new Error(`Invalid holiday range "${part}": both ends must be real days written YYYY-MM-DD`);
    }
    if (compareDays(from, to) > 0) throw new Error(`Invalid holiday range "${part}": it ends before it starts`);
    let count = 0;
    for (let d = from; compareDays(d, to) <= 0; d = addDays(d, 1)) {
      if (++count > MAX_RANGE_DAYS) {
        throw new Error(`Invalid holiday range "${part}": longer than ${MAX_RANGE_DAYS} days`);
      }
      days.add(d);
    }
  }
  return [...days].sort(compareDays);
}

/**
 * Days off for state offices (cán bộ, công chức, viên chức), one entry per
 * announced break, weekends inside or adjoining the break included: Labour Code
 * 2019 art. 111–112 (New Year, 5 days of Tết, Hùng Kings 10/3 lunar, 30/4, 1/5,
 * 2/9 + one adjacent day; a holiday falling on a weekend is compensated on the
 * next working day) plus the swaps the Government announces each year.
 *
 * This is a DEFAULT and partly a forecast: 2025 and most of 2026 follow the
 * published notices; for 2027–2030 the lunar dates are computed (UTC+7) but the
 * Tết layout and the adjacent National Day day follow earlier years' pattern and
 * the Government decides them later. Operators correct it through config
 * (parsed with `parseHolidayList`). Not included: Vietnam Culture Day 24/11,
 * announced as a paid day off by Politburo Resolution 80 (2026) but not yet in
 * the Labour Code.
 */
const DEFAULT_BREAKS: ReadonlyArray<readonly [spec: string, note: string]> = [
  // 2025 (published)
  ['2025-01-01', 'New Year (Wed)'],
  ['2025-01-25..2025-02-02', 'Tết Ất Tỵ: Tết day Wed 29/1; off Mon 27/1–Fri 31/1'],
  ['2025-04-05..2025-04-07', "Hùng Kings' day Mon 7/4"],
  ['2025-04-30..2025-05-04', '30/4 Wed, 1/5 Thu; Fri 2/5 swapped with Sat 26/4'],
  ['2025-08-30..2025-09-02', 'National Day Tue 2/9 + Mon 1/9'],
  // 2026 (published except the National Day adjacent day)
  ['2026-01-01..2026-01-04', 'New Year Thu 1/1; Fri 2/1 swapped with Sat 10/1'],
  ['2026-02-14..2026-02-22', 'Tết Bính Ngọ: Tết day Tue 17/2; off Mon 16/2–Fri 20/2'],
  ['2026-04-25..2026-04-27', "Hùng Kings' day Sun 26/4, compensated Mon 27/4"],
  ['2026-04-30..2026-05-03', '30/4 Thu, 1/5 Fri'],
  ['2026-09-01..2026-09-02', 'National Day Wed 2/9 + Tue 1/9 (adjacent day not confirmed: may be Thu 3/9)'],
  // 2027 (forecast)
  ['2027-01-01..2027-01-03', 'New Year (Fri)'],
  ['2027-02-04..2027-02-10', 'Tết Đinh Mùi: Tết day Sat 6/2; off Thu 4/2–Wed 10/2 (as in 2024)'],
  ['2027-04-16..2027-04-18', "Hùng Kings' day Fri 16/4"],
  ['2027-04-30..2027-05-03', '30/4 Fri, 1/5 Sat compensated Mon 3/5'],
  ['2027-09-02..2027-09-05', 'National Day Thu 2/9 + Fri 3/9'],
  // 2028 (forecast)
  ['2028-01-01..2028-01-03', 'New Year Sat 1/1, compensated Mon 3/1'],
  ['2028-01-22..2028-01-30', 'Tết Mậu Thân: Tết day Wed 26/1; off Mon 24/1–Fri 28/1 (as in 2025)'],
  ['2028-04-04', "Hùng Kings' day (Tue)"],
  ['2028-04-29..2028-05-02', '30/4 Sun compensated Tue 2/5, 1/5 Mon'],
  ['2028-09-01..2028-09-04', 'National Day Sat 2/9 + Fri 1/9, compensated Mon 4/9'],
  // 2029 (forecast)
  ['2028-12-30..2029-01-01', 'New Year (Mon)'],
  ['2029-02-10..2029-02-18', 'Tết Kỷ Dậu: Tết day Tue 13/2; off Mon 12/2–Fri 16/2 (as in 2026)'],
  ['2029-04-21..2029-04-23', "Hùng Kings' day Mon 23/4"],
  ['2029-04-28..2029-05-01', '30/4 Mon, 1/5 Tue'],
  ['2029-09-01..2029-09-04', 'National Day Sun 2/9: off Mon 3/9 and Tue 4/9'],
  // 2030 (forecast; Vietnamese Tết is 2/2, a day before the Chinese New Year)
  ['2030-01-01', 'New Year (Tue)'],
  ['2030-01-31..2030-02-06', 'Tết Canh Tuất: Tết day Sat 2/2; off Thu 31/1–Wed 6/2 (as in 2024)'],
  ['2030-04-12..2030-04-14', "Hùng Kings' day Fri 12/4"],
  ['2030-04-30..2030-05-01', '30/4 Tue, 1/5 Wed'],
  ['2030-08-31..2030-09-03', 'National Day Mon 2/9 + Tue 3/9'],
];

/** Default public holidays 2025–2030 (a default, corrected via config; see DEFAULT_BREAKS). */
export const DEFAULT_HOLIDAYS: Day[] = parseHolidayList(DEFAULT_BREAKS.map(([spec]) => spec).join(','));

/** Saturdays worked to make up for a swapped weekday (published swaps only). */
export const DEFAULT_MAKEUP_DAYS: Day[] = ['2025-04-26', '2026-01-10'];
