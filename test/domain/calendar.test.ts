import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLIDAYS, DEFAULT_MAKEUP_DAYS, parseHolidayList } from '../../domain/calendar/holidays.ts';
import { WorkingCalendar } from '../../domain/calendar/working-days.ts';
import { weekday } from '../../domain/shared/day.ts';

const vn = new WorkingCalendar({ holidays: DEFAULT_HOLIDAYS, makeupDays: DEFAULT_MAKEUP_DAYS });
const plain = new WorkingCalendar({ holidays: [] });

describe('parseHolidayList', () => {
  it('expands ranges, keeps single days, sorts and removes duplicates', () => {
    expect(parseHolidayList('2026-04-27, 2026-02-14..2026-02-17,2026-02-15')).toEqual([
      '2026-02-14',
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-04-27',
    ]);
  });

  it('reads the example spec of the config', () => {
    const days = parseHolidayList('2026-02-14..2026-02-22,2026-04-27');
    expect(days).toHaveLength(10);
    expect(days[0]).toBe('2026-02-14');
    expect(days[8]).toBe('2026-02-22');
    expect(days[9]).toBe('2026-04-27');
  });

  it('accepts an empty spec and stray separators', () => {
    expect(parseHolidayList('')).toEqual([]);
    expect(parseHolidayList(' 2026-01-01 ,, ;\n')).toEqual(['2026-01-01']);
  });

  it.each([
    ['2026-02-30', '"2026-02-30"'],
    ['2026-01-01,1/5/2026', '"1/5/2026"'],
    ['2026-13-01', '"2026-13-01"'],
    ['2026-02-22..2026-02-14', '"2026-02-22..2026-02-14"'],
    ['2026-02-14..2026-02-31', '"2026-02-14..2026-02-31"'],
    ['2026-01-01..2026-03-01', '"2026-01-01..2026-03-01"'],
    ['tet', '"tet"'],
  ])('rejects %s, naming the bad part', (spec, named) => {
    expect(() => parseHolidayList(spec)).toThrow(named);
  });
});

describe('DEFAULT_HOLIDAYS', () => {
  it.each([
    // [day, holiday?] — written from the published notices / the Labour Code rule
    ['2025-01-01', true],
    ['2025-01-24', false], // Friday before Tết Ất Tỵ
    ['2025-01-25', true],
    ['2025-01-29', true], // Tết day
    ['2025-02-02', true],
    ['2025-02-03', false],
    ['2025-04-07', true], // Hùng Kings (Mon)
    ['2025-05-02', true], // swapped with Sat 26/4
    ['2025-09-01', true],
    ['2025-09-02', true],
    ['2025-09-03', false],
    ['2026-01-01', true],
    ['2026-01-02', true], // swapped with Sat 10/1
    ['2026-01-05', false],
    ['2026-02-13', false], // Friday before Tết Bính Ngọ
    ['2026-02-14', true],
    ['2026-02-17', true], // Tết day
    ['2026-02-22', true],
    ['2026-02-23', false],
    ['2026-04-26', true], // Hùng Kings on a Sunday
    ['2026-04-27', true], // its compensatory Monday
    ['2026-04-30', true],
    ['2026-05-01', true],
    ['2026-09-02', true],
    ['2027-02-06', true], // Tết Đinh Mùi (Sat)
    ['2027-04-16', true],
    ['2027-05-03', true], // 1/5 on Saturday → Monday
    ['2028-01-03', true], // 1/1 on Saturday → Monday
    ['2028-01-26', true], // Tết Mậu Thân
    ['2028-04-04', true],
    ['2028-05-02', true], // 30/4 on Sunday → Tuesday (1/5 is Monday)
    ['2028-09-04', true], // 2/9 on Saturday → Monday
    ['2029-02-13', true], // Tết Kỷ Dậu
    ['2029-04-23', true],
    ['2029-09-04', true],
    ['2030-02-02', true], // Tết Canh Tuất in Vietnam (UTC+7)
    ['2030-04-12', true],
    ['2030-09-03', true],
    ['2030-11-24', false], // Culture Day not (yet) in the Labour Code
    ['2026-12-25', false],
  ])('%s holiday = %s', (day, expected) => {
    expect(DEFAULT_HOLIDAYS.includes(day)).toBe(expected);
  });

  it.each([
    // weekday days off per year: 11 statutory, +1 where a weekday was swapped for a make-up Saturday
    [2025, 12],
    [2026, 12],
    [2027, 11],
    [2028, 11],
    [2029, 11],
    [2030, 11],
  ])('%i has %i weekday days off', (year, count) => {
    const weekdaysOff = DEFAULT_HOLIDAYS.filter((d) => d.startsWith(`${year}-`) && weekday(d) <= 5);
    expect(weekdaysOff).toHaveLength(count);
  });

  it('is sorted, unique and made of real days', () => {
    expect([...new Set(DEFAULT_HOLIDAYS)].sort()).toEqual(DEFAULT_HOLIDAYS);
    expect(DEFAULT_HOLIDAYS.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
  });

  it('has make-up days on Saturdays only', () => {
    expect(DEFAULT_MAKEUP_DAYS.map(weekday)).toEqual([6, 6]);
  });
});

describe('WorkingCalendar', () => {
  it.each([
    ['2026-02-13', true], // Friday before Tết
    ['2026-02-14', false],
    ['2026-02-16', false],
    ['2026-02-20', false],
    ['2026-02-21', false],
    ['2026-02-23', true],
    ['2026-04-26', false], // holiday on a Sunday
    ['2026-04-27', false], // compensatory Monday
    ['2026-04-28', true],
    ['2026-01-10', true], // make-up Saturday
    ['2026-01-17', false], // ordinary Saturday
    ['2025-04-26', true], // make-up Saturday
    ['2026-03-31', true], // quarter ends on weekdays
    ['2026-06-30', true],
    ['2026-09-30', true],
    ['2026-12-31', true],
  ])('isWorkingDay(%s) = %s', (day, expected) => {
    expect(vn.isWorkingDay(day)).toBe(expected);
  });

  it('tells holidays from weekends', () => {
    expect(vn.isHoliday('2026-04-26')).toBe(true);
    expect(vn.isHoliday('2026-04-25')).toBe(true); // Saturday inside the announced break
    expect(vn.isHoliday('2026-03-07')).toBe(false); // ordinary Saturday: off, but no holiday
    expect(vn.isWorkingDay('2026-03-07')).toBe(false);
  });

  it.each([
    ['2026-02-13', '2026-02-13'], // working day: itself
    ['2026-02-14', '2026-02-23'], // across Tết
    ['2026-04-25', '2026-04-28'], // weekend + compensatory Monday
    ['2025-12-31', '2025-12-31'],
    ['2026-01-01', '2026-01-05'], // New Year across the year boundary
    ['2027-12-31', '2027-12-31'],
    ['2028-01-01', '2028-01-04'], // 1/1/2028 Saturday, compensated Monday 3/1
    ['2026-02-28', '2026-03-02'], // Saturday month end, non-leap February
    ['2028-02-29', '2028-02-29'], // leap day is a Tuesday
  ])('nextWorkingDay(%s) = %s', (day, expected) => {
    expect(vn.nextWorkingDay(day)).toBe(expected);
  });

  it.each([
    ['2026-02-23', '2026-02-23'],
    ['2026-02-22', '2026-02-13'], // back across Tết
    ['2026-01-04', '2025-12-31'], // back across the year boundary
    ['2026-02-28', '2026-02-27'], // month ends on a weekend → the Friday before
    ['2026-05-31', '2026-05-29'],
    ['2027-01-31', '2027-01-29'],
    ['2028-12-31', '2028-12-29'],
    ['2025-08-31', '2025-08-29'], // National Day break 2025
  ])('previousWorkingDay(%s) = %s', (day, expected) => {
    expect(vn.previousWorkingDay(day)).toBe(expected);
  });

  it.each([
    ['2026-02-13', 1, '2026-02-23'], // the Friday before Tết + 1 = the Monday after
    ['2026-02-13', 2, '2026-02-24'],
    ['2026-02-13', 5, '2026-02-27'],
    ['2026-02-13', 0, '2026-02-13'],
    ['2026-02-23', -1, '2026-02-13'],
    ['2026-02-27', -5, '2026-02-13'],
    ['2026-02-14', 1, '2026-02-23'], // start on a holiday: the next working day is the first
    ['2026-02-14', -1, '2026-02-13'],
    ['2025-12-31', 1, '2026-01-05'], // across New Year 2026 (1/1 + swapped 2/1)
    ['2026-01-05', -1, '2025-12-31'],
    ['2026-01-09', 1, '2026-01-10'], // Friday → make-up Saturday
    ['2027-12-31', 1, '2028-01-04'],
    ['2026-04-24', 1, '2026-04-28'],
    ['2026-04-24', 3, '2026-05-04'], // 28, 29, then 30/4–3/5 off → Monday 4/5
  ])('addWorkingDays(%s, %i) = %s', (day, n, expected) => {
    expect(vn.addWorkingDays(day, n)).toBe(expected);
  });

  it.each([
    ['2026-02-13', '2026-02-23', 1],
    ['2026-02-23', '2026-02-13', -1],
    ['2026-02-13', '2026-02-13', 0],
    ['2026-02-13', '2026-02-22', 0], // only days off in between
    ['2026-02-01', '2026-02-28', 15], // 20 weekdays in February 2026, 5 of them Tết
    ['2026-02-28', '2026-02-01', -15],
    ['2025-12-31', '2026-01-05', 1],
    ['2028-01-31', '2028-02-29', 21], // leap February 2028: 21 weekdays, no holiday
  ])('workingDaysBetween(%s, %s) = %i', (a, b, expected) => {
    expect(vn.workingDaysBetween(a, b)).toBe(expected);
  });

  it('without holidays counts plain weekdays', () => {
    expect(plain.isWorkingDay('2026-02-17')).toBe(true);
    expect(plain.addWorkingDays('2026-01-30', 1)).toBe('2026-02-02');
    expect(plain.addWorkingDays('2026-02-02', -1)).toBe('2026-01-30');
    expect(plain.workingDaysBetween('2026-02-01', '2026-02-28')).toBe(20);
  });

  it('honours custom work days (a six-day week)', () => {
    const sixDays = new WorkingCalendar({ holidays: ['2026-02-17'], workDays: [1, 2, 3, 4, 5, 6] });
    expect(sixDays.isWorkingDay('2026-03-07')).toBe(true);
    expect(sixDays.isWorkingDay('2026-03-08')).toBe(false);
    expect(sixDays.addWorkingDays('2026-02-16', 1)).toBe('2026-02-18');
    expect(sixDays.nextWorkingDay('2026-03-08')).toBe('2026-03-09');
  });

  it('lets a holiday win over a make-up day listed by mistake', () => {
    const cal = new WorkingCalendar({ holidays: ['2026-01-10'], makeupDays: ['2026-01-10'] });
    expect(cal.isWorkingDay('2026-01-10')).toBe(false);
  });

  it('rejects a configuration that has no working day or a bad day', () => {
    expect(() => new WorkingCalendar({ holidays: [], workDays: [] })).toThrow('workDays');
    expect(() => new WorkingCalendar({ holidays: [], workDays: [0, 8] })).toThrow('workDays');
    expect(() => new WorkingCalendar({ holidays: ['2026-02-30'] })).toThrow('2026-02-30');
    expect(() => plain.addWorkingDays('2026-01-01', 1.5)).toThrow();
  });
});
