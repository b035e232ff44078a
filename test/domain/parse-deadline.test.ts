import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type DeadlineKind,
  type IndicatorTarget,
  effectiveDue,
  parseDeadline,
  parseTarget,
} from '../../domain/deadlines/parse-deadline.ts';

const SEED_DIR = join(import.meta.dirname, '../../prisma/seed');

/** Every string value of `field` anywhere in the seed JSON files. */
function seedTexts(field: string): Set<string> {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === field && typeof value === 'string') found.add(value);
        else walk(value);
      }
    }
  };
  for (const file of readdirSync(SEED_DIR).filter((f) => f.endsWith('.json'))) {
    walk(JSON.parse(readFileSync(join(SEED_DIR, file), 'utf8')));
  }
  return found;
}

type Expected = [kind: DeadlineKind, due: string | null, target?: [IndicatorTarget['comparator'], number, string | null, number | null]];

const pct = (v: number, year = 2025): Expected[2] => ['>=', v, '%', year];

/** The seed's deadline cells, with the answer written out by hand. */
const SEED_DEADLINES: Record<string, Expected> = {
  'Tháng 01/2026': ['MONTH', '2026-01-31'],
  'Thường xuyên': ['CONTINUOUS', null],
  '12/2026': ['MONTH', '2026-12-31'],
  'Quý I/2026': ['QUARTER', '2026-03-31'],
  'Quý II/2026': ['QUARTER', '2026-06-30'],
  'Tháng 3/2026': ['MONTH', '2026-03-31'],
  'Năm 2025: ≥60%': ['YEAR', '2025-12-31', pct(60)],
  'Năm 2025: 100%': ['YEAR', '2025-12-31', pct(100)],
  'Năm 2025-2030: Phấn đấu ít nhất 3%': ['YEAR_RANGE', '2030-12-31', pct(3, 2030)],
  'Năm 2025: 80%': ['YEAR', '2025-12-31', pct(80)],
  'Năm 2025: ≥75%': ['YEAR', '2025-12-31', pct(75)],
  'Năm 2025: ≥70%': ['YEAR', '2025-12-31', pct(70)],
  'Năm 2025: ≥90%': ['YEAR', '2025-12-31', pct(90)],
  'Năm 2025: ≥80%': ['YEAR', '2025-12-31', pct(80)],
  'Năm 2025: ≥100%': ['YEAR', '2025-12-31', pct(100)],
  'Năm 2025: ≥40%': ['YEAR', '2025-12-31', pct(40)],
  'Năm 2025: ≥50%': ['YEAR', '2025-12-31', pct(50)],
  'Năm 2025: ≥30%': ['YEAR', '2025-12-31', pct(30)],
  'Năm 2025: 30%': ['YEAR', '2025-12-31', pct(30)],
  'Hoàn thành trong tháng 9/2025': ['MONTH', '2025-09-30'],
  'Hoàn thành trước tháng 10/2025': ['BEFORE_MONTH', '2025-09-30'],
  'Hằng năm': ['YEARLY', null],
  'Hoàn thành trong năm 2027': ['YEAR', '2027-12-31'],
  'Hoàn thành trong năm 2026': ['YEAR', '2026-12-31'],
  'Năm 2025: ≥ 80%': ['YEAR', '2025-12-31', pct(80)],
  'Năm 2025: ≥ 70%': ['YEAR', '2025-12-31', pct(70)],
  'Năm 2025; ≥ 80%': ['YEAR', '2025-12-31', pct(80)],
  'Năm 2025; ≥ 70%': ['YEAR', '2025-12-31', pct(70)],
  'Năm 2025: ≥ 60%': ['YEAR', '2025-12-31', pct(60)],
  'Tháng 12/2025': ['MONTH', '2025-12-31'],
  'Tháng 6/2026': ['MONTH', '2026-06-30'],
  'Tháng 9/2025': ['MONTH', '2025-09-30'],
  'Tháng 5/2025': ['MONTH', '2025-05-31'],
  'Tháng 9/2026': ['MONTH', '2026-09-30'],
};

const SEED_EXPECTED_COMPLETION: Record<string, Expected> = {
  'Năm 2030': ['YEAR', '2030-12-31'],
  'Năm 2025-2030': ['YEAR_RANGE', '2030-12-31'],
  'Năm 2027': ['YEAR', '2027-12-31'],
  'Năm 2026': ['YEAR', '2026-12-31'],
};

function check(text: string, [kind, due, target]: Expected): void {
  const p = parseDeadline(text);
  expect(p.text).toBe(text);
  expect(p.kind).toBe(kind);
  expect(p.due).toBe(due);
  expect(p.flagged).toBe(kind === 'UNKNOWN');
  if (target) {
    expect(p.target).toMatchObject({ comparator: target[0], value: target[1], unit: target[2], year: target[3] });
  } else {
    expect(p.target).toBeNull();
  }
}

describe('parseDeadline on the seed files', () => {
  it('covers every deadlineText and expectedCompletionText of the seeds', () => {
    expect([...seedTexts('deadlineText')].sort()).toEqual(Object.keys(SEED_DEADLINES).sort());
    expect([...seedTexts('expectedCompletionText')].sort()).toEqual(Object.keys(SEED_EXPECTED_COMPLETION).sort());
  });

  it.each(Object.entries(SEED_DEADLINES))('deadlineText %j', (text, expected) => check(text, expected));
  it.each(Object.entries(SEED_EXPECTED_COMPLETION))('expectedCompletionText %j', (text, expected) =>
    check(text, expected),
  );
});

describe('parseDeadline forms', () => {
  it.each<[string, Expected]>([
    // months
    ['tháng 9/2025', ['MONTH', '2025-09-30']],
    ['THÁNG 01/2026', ['MONTH', '2026-01-31']],
    ['  Tháng   12 / 2025  ', ['MONTH', '2025-12-31']],
    ['thang 1 nam 2026', ['MONTH', '2026-01-31']],
    ['Tháng 2/2026', ['MONTH', '2026-02-28']], // non-leap
    ['Tháng 2/2028', ['MONTH', '2028-02-29']], // leap
    ['tháng 4/2026.', ['MONTH', '2026-04-30']],
    ['03/2026', ['MONTH', '2026-03-31']],
    ['Cuối tháng 11/2026', ['MONTH', '2026-11-30']],
    ['Chậm nhất tháng 6/2026', ['MONTH', '2026-06-30']],
    ['hoan thanh trong thang 9/2025', ['MONTH', '2025-09-30']],
    // quarters
    ['Quý III/2026', ['QUARTER', '2026-09-30']],
    ['Quý IV/2026', ['QUARTER', '2026-12-31']],
    ['quý 2/2026', ['QUARTER', '2026-06-30']],
    ['Q3/2026', ['QUARTER', '2026-09-30']],
    ['q1/2027', ['QUARTER', '2027-03-31']],
    ['quy II/2026', ['QUARTER', '2026-06-30']],
    ['quy iv nam 2026', ['QUARTER', '2026-12-31']],
    ['Trong quý I/2028', ['QUARTER', '2028-03-31']],
    // half years
    ['6 tháng đầu năm 2026', ['HALF_YEAR', '2026-06-30']],
    ['6 tháng cuối năm 2026', ['HALF_YEAR', '2026-12-31']],
    ['6 thang dau nam 2027', ['HALF_YEAR', '2027-06-30']],
    // years
    ['năm 2027', ['YEAR', '2027-12-31']],
    ['Trong năm 2026', ['YEAR', '2026-12-31']],
    ['hoan thanh trong nam 2027', ['YEAR', '2027-12-31']],
    ['Đến năm 2030', ['YEAR', '2030-12-31']],
    ['2026', ['YEAR', '2026-12-31']],
    // before a month
    ['hoan thanh truoc thang 10/2025', ['BEFORE_MONTH', '2025-09-30']],
    ['Trước tháng 01/2026', ['BEFORE_MONTH', '2025-12-31']],
    ['Trước tháng 3/2028', ['BEFORE_MONTH', '2028-02-29']],
    ['trước 7/2026', ['BEFORE_MONTH', '2026-06-30']],
    // full days: "trước" a day means by that day
    ['15/3/2026', ['DAY', '2026-03-15']],
    ['ngày 05/9/2025', ['DAY', '2025-09-05']],
    ['trước ngày 31/12/2025', ['DAY', '2025-12-31']],
    ['Hoàn thành trước 15/01/2026', ['DAY', '2026-01-15']],
    ['truoc ngay 15/01/2026', ['DAY', '2026-01-15']],
    ['Ngày 29/02/2028', ['DAY', '2028-02-29']],
    ['15-3-2026', ['DAY', '2026-03-15']],
    ['ngày 15 tháng 3 năm 2026', ['DAY', '2026-03-15']],
    ['2026-03-15', ['DAY', '2026-03-15']],
    // ranges
    ['Năm 2025- 2030', ['YEAR_RANGE', '2030-12-31']],
    ['Giai đoạn 2026 - 2030', ['YEAR_RANGE', '2030-12-31']],
    ['2026–2030', ['YEAR_RANGE', '2030-12-31']],
    ['giai doan 2026-2030', ['YEAR_RANGE', '2030-12-31']],
    ['Từ năm 2025 đến năm 2030', ['YEAR_RANGE', '2030-12-31']],
    // rhythms
    ['thường xuyên', ['CONTINUOUS', null]],
    ['THUONG XUYEN', ['CONTINUOUS', null]],
    ['Hàng năm', ['YEARLY', null]],
    ['hang nam', ['YEARLY', null]],
    ['Hằng năm.', ['YEARLY', null]],
    // empty
    ['', ['NONE', null]],
    ['   ', ['NONE', null]],
    // not understood: kept as text, flagged, never guessed
    ['Theo tiến độ dự án', ['UNKNOWN', null]],
    ['Khi có chỉ đạo', ['UNKNOWN', null]],
    ['2026?', ['UNKNOWN', null]],
    ['asdf qwer', ['UNKNOWN', null]],
    ['31/02/2026', ['UNKNOWN', null]],
    ['29/02/2026', ['UNKNOWN', null]],
    ['Tháng 13/2026', ['UNKNOWN', null]],
    ['13/2026', ['UNKNOWN', null]],
    ['Tháng 0/2026', ['UNKNOWN', null]],
    ['32/1/2026', ['UNKNOWN', null]],
    ['Quý V/2026', ['UNKNOWN', null]],
    ['Năm 2030-2025', ['UNKNOWN', null]],
    ['Trước quý II/2026', ['UNKNOWN', null]],
    ['Trước năm 2027', ['UNKNOWN', null]],
    ['Hằng quý', ['UNKNOWN', null]],
    ['6 tháng đầu năm', ['UNKNOWN', null]],
    ['Năm 2025: theo chỉ tiêu của thành phố', ['UNKNOWN', null]],
    ['≥60%', ['UNKNOWN', null]],
    ['15/3/26', ['UNKNOWN', null]],
  ])('%j', (text, expected) => check(text, expected));

  it('keeps null and undefined as empty text', () => {
    expect(parseDeadline(null)).toEqual({
      text: '',
      kind: 'NONE',
      due: null,
      start: null,
      rhythm: 'ONCE',
      milestones: [],
      flagged: false,
      target: null,
    });
    expect(parseDeadline(undefined).kind).toBe('NONE');
  });

  it('keeps the original text untouched', () => {
    expect(parseDeadline('  Quý I/2026 ').text).toBe('  Quý I/2026 ');
  });

  it('gives a year range its start and yearly milestones', () => {
    expect(parseDeadline('Năm 2025-2030')).toMatchObject({
      kind: 'YEAR_RANGE',
      start: '2025-01-01',
      due: '2030-12-31',
      rhythm: 'ONCE',
      milestones: ['2025-12-31', '2026-12-31', '2027-12-31', '2028-12-31', '2029-12-31', '2030-12-31'],
    });
    expect(parseDeadline('Giai đoạn 2026 - 2030').start).toBe('2026-01-01');
    expect(parseDeadline('Năm 2025').start).toBeNull();
    expect(parseDeadline('Năm 2025').milestones).toEqual([]);
  });

  it('sets the rhythm', () => {
    expect(parseDeadline('Hằng năm').rhythm).toBe('YEARLY');
    expect(parseDeadline('Thường xuyên').rhythm).toBe('CONTINUOUS');
    expect(parseDeadline('Quý I/2026').rhythm).toBe('ONCE');
    expect(parseDeadline('Khi có chỉ đạo').rhythm).toBe('ONCE');
  });

  it('keeps the target text as written', () => {
    expect(parseDeadline('Năm 2025; ≥ 80%').target?.text).toBe('≥ 80%');
    expect(parseDeadline('Năm 2025-2030: Phấn đấu ít nhất 3%').target?.text).toBe('Phấn đấu ít nhất 3%');
  });

  it.each<[string, Expected]>([
    ['Năm 2025 ≥60%', ['YEAR', '2025-12-31', ['>=', 60, '%', 2025]]],
    ['nam 2025: >=60%', ['YEAR', '2025-12-31', ['>=', 60, '%', 2025]]],
    ['Năm 2026: tối thiểu 70%', ['YEAR', '2026-12-31', ['>=', 70, '%', 2026]]],
    ['Năm 2026: không dưới 70%', ['YEAR', '2026-12-31', ['>=', 70, '%', 2026]]],
    ['Năm 2026: trên 50 doanh nghiệp', ['YEAR', '2026-12-31', ['>', 50, 'doanh nghiệp', 2026]]],
    ['Năm 2026: tối đa 5 ngày', ['YEAR', '2026-12-31', ['<=', 5, 'ngày', 2026]]],
    ['Năm 2026: không quá 5%', ['YEAR', '2026-12-31', ['<=', 5, '%', 2026]]],
    ['Năm 2026: dưới 2%', ['YEAR', '2026-12-31', ['<', 2, '%', 2026]]],
    ['Năm 2026: ≤ 10%', ['YEAR', '2026-12-31', ['<=', 10, '%', 2026]]],
    ['Năm 2026: từ 80% trở lên', ['YEAR', '2026-12-31', ['>=', 80, '%', 2026]]],
    ['Năm 2026: 99,5%', ['YEAR', '2026-12-31', ['>=', 99.5, '%', 2026]]],
    ['Quý II/2026: 100%', ['QUARTER', '2026-06-30', ['>=', 100, '%', 2026]]],
    ['Hằng năm: ≥ 80%', ['YEARLY', null, ['>=', 80, '%', null]]],
  ])('deadline with a target %j', (text, expected) => check(text, expected));
});

describe('parseTarget', () => {
  it.each<[string, [IndicatorTarget['comparator'], number, string | null, number | null] | null]>([
    ['≥60%', ['>=', 60, '%', null]],
    ['≥ 80%', ['>=', 80, '%', null]],
    ['100%', ['>=', 100, '%', null]],
    ['80 %', ['>=', 80, '%', null]],
    ['Phấn đấu ít nhất 3%', ['>=', 3, '%', null]],
    ['phan dau it nhat 3%', ['>=', 3, '%', null]],
    ['tối thiểu 70%', ['>=', 70, '%', null]],
    ['không dưới 70%', ['>=', 70, '%', null]],
    ['trên 60%', ['>', 60, '%', null]],
    ['tối đa 5%', ['<=', 5, '%', null]],
    ['không quá 3 ngày', ['<=', 3, 'ngày', null]],
    ['dưới 2%', ['<', 2, '%', null]],
    ['< 2%', ['<', 2, '%', null]],
    ['= 100%', ['=', 100, '%', null]],
    ['50 doanh nghiệp', ['>=', 50, 'doanh nghiệp', null]],
    ['Năm 2025: ≥60%', ['>=', 60, '%', 2025]],
    ['Năm 2025: 80%', ['>=', 80, '%', 2025]],
    ['Năm 2025-2030: Phấn đấu ít nhất 3%', ['>=', 3, '%', 2030]],
    ['Theo chỉ tiêu của thành phố', null],
    ['khoảng 10–15%', null],
    ['Năm 2025', null],
    ['', null],
    ['80% (2025)', null],
  ])('%j', (text, expected) => {
    const t = parseTarget(text);
    if (expected === null) expect(t).toBeNull();
    else expect(t).toMatchObject({ comparator: expected[0], value: expected[1], unit: expected[2], year: expected[3] });
  });
});

describe('effectiveDue', () => {
  it.each([
    ['Hằng năm', '2026-01-01', '2026-12-31'],
    ['Hằng năm', '2026-12-31', '2026-12-31'],
    ['Hằng năm', '2027-01-01', '2027-12-31'],
    ['Quý I/2026', '2027-06-01', '2026-03-31'],
    ['Năm 2025-2030', '2026-05-05', '2030-12-31'],
    ['Thường xuyên', '2026-05-05', null],
    ['Khi có chỉ đạo', '2026-05-05', null],
    ['', '2026-05-05', null],
  ])('%j on %s → %s', (text, today, expected) => {
    expect(effectiveDue(parseDeadline(text), today)).toBe(expected);
  });
});
