import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ResultReading, readResultText } from '../../domain/progress/result-text.ts';
import { indicatorResult } from '../../domain/deadlines/indicator.ts';
import { type IndicatorTarget, parseDeadline } from '../../domain/deadlines/parse-deadline.ts';

const SEED_DIR = join(import.meta.dirname, '../../prisma/seed');

interface SeedRow {
  no: string;
  deadlineText: string | null;
  progressText: string | null;
  percent: number | null;
}

/** Rows of the seed files that carry a progress column. */
function seedRows(): SeedRow[] {
  const rows: SeedRow[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if ('progressText' in node) rows.push(node as SeedRow);
      for (const value of Object.values(node)) walk(value);
    }
  };
  for (const file of readdirSync(SEED_DIR).filter((f) => f.endsWith('.json'))) {
    walk(JSON.parse(readFileSync(join(SEED_DIR, file), 'utf8')));
  }
  return rows;
}

const NONE: ResultReading = {
  percent: null,
  range: null,
  fraction: null,
  saysDone: false,
  saysInProgress: false,
  saysNotStarted: false,
};
const read = (over: Partial<ResultReading>): ResultReading => ({ ...NONE, ...over });

/** Every progressText of the seeds, read by hand. */
const SEED_PROGRESS: Record<string, ResultReading> = {
  'Đạt Năm 2025: ≥60%': read({ percent: 60 }),
  'Đạt Năm 2025: 100%': read({ percent: 100, saysDone: true }),
  'khoảng 10–15%': read({ range: { low: 10, high: 15 } }),
  'Đang triển khai (1%)\nNăm 2025: Chi 2.540 triệu': read({ percent: 1, saysInProgress: true }),
  '(Đạt 100%)': read({ percent: 100, saysDone: true }),
  'Đang triển khai Đạt 62%': read({ percent: 62, saysInProgress: true }),
  'Đang triển khai (68%)': read({ percent: 68, saysInProgress: true }),
  'Đang triển khai (58%)': read({ percent: 58, saysInProgress: true }),
  '(Đạt 99,16%)': read({ percent: 99.16 }),
  '(Đạt 82%)': read({ percent: 82 }),
  '(Đạt 78%)': read({ percent: 78 }),
  '(Đạt 64%)': read({ percent: 64 }),
  '(Đạt 85%)': read({ percent: 85 }),
  'Đạt 80%': read({ percent: 80 }),
  'Đang triển khai (22%)': read({ percent: 22, saysInProgress: true }),
  'Đang triển khai 30%': read({ percent: 30, saysInProgress: true }),
  'Đang triển khai 60%': read({ percent: 60, saysInProgress: true }),
  'Đang triển khai 50%': read({ percent: 50, saysInProgress: true }),
  'Đang triển khai 40%': read({ percent: 40, saysInProgress: true }),
  'Đang triển khai 20%': read({ percent: 20, saysInProgress: true }),
  'Đang triển khai (65%)': read({ percent: 65, saysInProgress: true }),
  'Đang triển khai 90%': read({ percent: 90, saysInProgress: true }),
  'Đang triển khai (30%)': read({ percent: 30, saysInProgress: true }),
};

describe('readResultText on the seed files', () => {
  const rows = seedRows();

  it('covers every progressText of the seeds', () => {
    const texts = new Set(rows.map((r) => r.progressText).filter((t): t is string => t !== null));
    expect([...texts].sort()).toEqual(Object.keys(SEED_PROGRESS).sort());
  });

  it.each(Object.entries(SEED_PROGRESS))('%j', (text, expected) => {
    expect(readResultText(text)).toEqual(expected);
  });

  it.each(rows.map((r) => [r.no, r.progressText, r.percent] as const))(
    'row %s: %j gives the transcribed percent %s',
    (_no, text, percent) => {
      expect(readResultText(text).percent).toBe(percent);
    },
  );
});

describe('readResultText forms', () => {
  it.each<[string | null | undefined, ResultReading]>([
    [null, NONE],
    [undefined, NONE],
    ['', NONE],
    ['  ', NONE],
    ['Đang triển khai 90%', read({ percent: 90, saysInProgress: true })],
    ['dang trien khai (30%)', read({ percent: 30, saysInProgress: true })],
    ['(dat 99,16%)', read({ percent: 99.16 })],
    ['đạt 99.16 %', read({ percent: 99.16 })],
    ['khoảng 10-15%', read({ range: { low: 10, high: 15 } })],
    ['khoang 10% - 15%', read({ range: { low: 10, high: 15 } })],
    ['từ 10 đến 15%', read({ range: { low: 10, high: 15 } })],
    ['26538/37141', read({ fraction: { num: 26538, den: 37141 }, percent: 71.45 })],
    ['(Đã kích hoạt mức 2 thường trú 26538/37141)', read({ fraction: { num: 26538, den: 37141 }, percent: 71.45 })],
    ['82/114 đơn vị đã hoàn thành', read({ fraction: { num: 82, den: 114 }, percent: 71.93 })],
    ['114/114', read({ fraction: { num: 114, den: 114 }, percent: 100, saysDone: true })],
    ['chưa triển khai', read({ saysNotStarted: true })],
    ['chua trien khai', read({ saysNotStarted: true })],
    ['Chưa thực hiện', read({ saysNotStarted: true })],
    ['Đã hoàn thành', read({ saysDone: true })],
    ['hoàn thành', read({ saysDone: true })],
    ['da hoan thanh', read({ saysDone: true })],
    ['X', read({ saysDone: true })],
    ['xong rồi, KH số 52/KH-UBND ngày 05/9/2025', read({ saysDone: true })],
    ['Đã hoàn thành (Kế hoạch số 52/KH-UBND ngày 05/9/2025)', read({ saysDone: true })],
    ['Hoàn thành 100%', read({ percent: 100, saysDone: true })],
    // not done
    ['chưa hoàn thành', NONE],
    ['Dự kiến thời gian hoàn thành: Năm 2027', NONE],
    ['Hoàn thành trong năm 2027', NONE],
    ['Hoàn thành 80%', read({ percent: 80 })],
    ['50%, đã xong dự thảo, vướng kinh phí', read({ percent: 50 })],
    ['Đang triển khai 100%', read({ percent: 100, saysInProgress: true })],
    // figures that are not percentages
    ['Năm 2025: Chi 2.540 triệu', NONE],
    ['Kế hoạch số 52/KH-UBND ngày 05/9/2025', NONE],
    ['Tháng 9/2025', NONE],
    ['Quyết định 13/2023/QĐ-UBND', NONE],
  ])('%j', (text, expected) => {
    expect(readResultText(text)).toEqual(expected);
  });

  it('takes the first percentage when several are written', () => {
    expect(readResultText('Đạt 62% (kế hoạch 70%)').percent).toBe(62);
  });
});

describe('indicatorResult', () => {
  const target = (text: string): IndicatorTarget => {
    const t = parseDeadline(text).target;
    if (!t) throw new Error(`no target in ${text}`);
    return t;
  };

  it.each<[string, string, 'MET' | 'NOT_MET' | 'UNKNOWN']>([
    // seed pairs (deadlineText, progressText)
    ['Năm 2025: ≥60%', 'Đạt Năm 2025: ≥60%', 'MET'],
    ['Năm 2025: 100%', 'Đạt Năm 2025: 100%', 'MET'],
    ['Năm 2025: ≥60%', 'khoảng 10–15%', 'NOT_MET'],
    ['Năm 2025-2030: Phấn đấu ít nhất 3%', 'Đang triển khai (1%)\nNăm 2025: Chi 2.540 triệu', 'NOT_MET'],
    ['Năm 2025: 80%', '(Đạt 100%)', 'MET'],
    ['Năm 2025: ≥70%', 'Đang triển khai Đạt 62%', 'NOT_MET'],
    ['Năm 2025: ≥100%', 'Đang triển khai (58%)', 'NOT_MET'],
    ['Năm 2025: ≥70%', '(Đạt 99,16%)', 'MET'],
    ['Năm 2025: ≥40%', '(Đạt 82%)', 'MET'],
    ['Năm 2025: 30%', 'Đang triển khai (22%)', 'NOT_MET'],
    ['Năm 2025; ≥ 70%', 'Đạt 80%', 'MET'],
    // boundaries and ranges
    ['Năm 2025: ≥70%', 'Đạt 70%', 'MET'],
    ['Năm 2025: ≥70%', 'Đạt 69,99%', 'NOT_MET'],
    ['Năm 2025: ≥60%', 'khoảng 60–65%', 'MET'],
    ['Năm 2025: ≥60%', 'khoảng 55–65%', 'UNKNOWN'],
    ['Năm 2025: ≥60%', 'khoảng 50–59%', 'NOT_MET'],
    ['Năm 2025: trên 60%', 'Đạt 60%', 'NOT_MET'],
    ['Năm 2025: trên 60%', 'Đạt 60,5%', 'MET'],
    ['Năm 2025: tối đa 5%', 'khoảng 3–5%', 'MET'],
    ['Năm 2025: tối đa 5%', 'khoảng 4–6%', 'UNKNOWN'],
    ['Năm 2025: dưới 5%', 'Đạt 5%', 'NOT_MET'],
    ['Năm 2025: = 100%', 'khoảng 90–100%', 'UNKNOWN'],
    ['Năm 2025: ≥60%', '26538/37141', 'MET'],
    ['Năm 2025: ≥80%', '26538/37141', 'NOT_MET'],
    ['Năm 2025: ≥60%', 'Đang triển khai', 'UNKNOWN'],
    ['Năm 2025: ≥60%', '', 'UNKNOWN'],
    ['Năm 2026: 50 doanh nghiệp', 'Đạt 60%', 'UNKNOWN'], // a percentage against a count
  ])('%j with %j → %s', (deadlineText, progressText, expected) => {
    expect(indicatorResult(target(deadlineText), readResultText(progressText))).toBe(expected);
  });

  it('compares plain numbers in the target unit', () => {
    const companies = target('Năm 2026: 50 doanh nghiệp');
    expect(indicatorResult(companies, 50)).toBe('MET');
    expect(indicatorResult(companies, 49)).toBe('NOT_MET');
    expect(indicatorResult(target('Năm 2026: không quá 5 ngày'), 6)).toBe('NOT_MET');
    expect(indicatorResult(companies, Number.NaN)).toBe('UNKNOWN');
  });

  it('is UNKNOWN without a target or an actual value', () => {
    expect(indicatorResult(null, 80)).toBe('UNKNOWN');
    expect(indicatorResult(target('Năm 2025: ≥60%'), null)).toBe('UNKNOWN');
  });
});
