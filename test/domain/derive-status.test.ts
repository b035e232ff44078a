import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../domain/deadlines/parse-deadline.ts';
import {
  DEFAULT_STATUS_OPTIONS,
  type DerivedStatus,
  type LatestProgress,
  type ProgressState,
  deriveStatus,
} from '../../domain/status/derive-status.ts';

const progress = (
  state: ProgressState,
  percent: number | null,
  reportedOn: string | null,
  doneOn: string | null = null,
): LatestProgress => ({ state, percent, reportedOn, doneOn });

const status = (deadlineText: string, latest: LatestProgress | null, today: string, dueSoonDays?: number): DerivedStatus =>
  deriveStatus(
    { deadline: parseDeadline(deadlineText), latest },
    today,
    dueSoonDays === undefined ? undefined : { dueSoonDays },
  );

const working = progress('IN_PROGRESS', 50, '2026-03-20');

describe('deriveStatus around a due day (Quý I/2026 → 31/03/2026)', () => {
  it.each<[string, number | undefined, Partial<DerivedStatus>]>([
    ['2026-03-22', undefined, { status: 'ON_TRACK', daysLeft: 9, daysOverdue: 0 }],
    ['2026-03-23', undefined, { status: 'ON_TRACK', daysLeft: 8 }],
    ['2026-03-24', undefined, { status: 'DUE_SOON', daysLeft: 7 }], // the default boundary
    ['2026-03-30', undefined, { status: 'DUE_SOON', daysLeft: 1 }],
    ['2026-03-31', undefined, { status: 'DUE_SOON', daysLeft: 0, daysOverdue: 0 }], // the due day is not overdue
    ['2026-04-01', undefined, { status: 'OVERDUE', daysLeft: -1, daysOverdue: 1 }],
    ['2026-05-01', undefined, { status: 'OVERDUE', daysLeft: -31, daysOverdue: 31 }],
    ['2026-03-17', 14, { status: 'DUE_SOON', daysLeft: 14 }],
    ['2026-03-16', 14, { status: 'ON_TRACK', daysLeft: 15 }],
    ['2026-03-31', 0, { status: 'DUE_SOON', daysLeft: 0 }],
    ['2026-03-30', 0, { status: 'ON_TRACK', daysLeft: 1 }],
  ])('on %s (dueSoonDays %s)', (today, dueSoonDays, expected) => {
    const s = status('Quý I/2026', working, today, dueSoonDays);
    expect(s).toMatchObject({ due: '2026-03-31', ...expected });
  });

  it('defaults to 7 days', () => {
    expect(DEFAULT_STATUS_OPTIONS).toEqual({ dueSoonDays: 7 });
  });

  it('puts overdue before not started', () => {
    expect(status('Tháng 01/2026', null, '2026-02-01')).toMatchObject({ status: 'OVERDUE', daysOverdue: 1 });
    expect(status('Tháng 01/2026', null, '2026-01-31')).toMatchObject({ status: 'DUE_SOON', daysLeft: 0 });
  });

  it('counts a done task as done even after its due day', () => {
    const done = progress('DONE', 100, '2026-04-10', '2026-04-10');
    expect(status('Quý I/2026', done, '2026-05-01')).toEqual({
      status: 'DONE',
      due: '2026-03-31',
      daysOverdue: 0,
      daysLeft: -31,
      stale: false,
      daysSinceUpdate: 21,
      updatedThisMonth: false,
    });
  });

  it('reads a BEFORE_MONTH deadline as due the day before the month', () => {
    const s = status('Hoàn thành trước tháng 10/2025', progress('IN_PROGRESS', 80, '2025-09-25'), '2025-10-01');
    expect(s).toMatchObject({ status: 'OVERDUE', due: '2025-09-30', daysOverdue: 1 });
  });
});

describe('deriveStatus: not started vs on track', () => {
  it.each<[string, LatestProgress | null, DerivedStatus['status']]>([
    ['no progress', null, 'NOT_STARTED'],
    ['NOT_STARTED, no percent', progress('NOT_STARTED', null, '2026-05-02'), 'NOT_STARTED'],
    ['NOT_STARTED, 0%', progress('NOT_STARTED', 0, '2026-05-02'), 'NOT_STARTED'],
    ['NOT_STARTED but 10%', progress('NOT_STARTED', 10, '2026-05-02'), 'ON_TRACK'],
    ['IN_PROGRESS 0%', progress('IN_PROGRESS', 0, '2026-05-02'), 'ON_TRACK'],
    ['IN_PROGRESS 30%', progress('IN_PROGRESS', 30, '2026-05-02'), 'ON_TRACK'],
  ])('%s', (_label, latest, expected) => {
    expect(status('12/2026', latest, '2026-05-05').status).toBe(expected);
  });
});

describe('deriveStatus: yearly tasks reopen each year', () => {
  const doneLastNovember = progress('DONE', 100, '2025-11-20', '2025-11-20');

  it.each<[string, LatestProgress | null, Partial<DerivedStatus>]>([
    ['2025-12-31', doneLastNovember, { status: 'DONE', due: '2025-12-31', daysLeft: 0, stale: false }],
    ['2026-01-01', doneLastNovember, { status: 'NOT_STARTED', due: '2026-12-31', daysLeft: 364, stale: true }],
    ['2026-12-24', doneLastNovember, { status: 'DUE_SOON', due: '2026-12-31', daysLeft: 7 }],
    // done on 30/12 but reported on 3/1: the work belongs to last year
    ['2026-01-05', progress('DONE', 100, '2026-01-03', '2025-12-30'), { status: 'NOT_STARTED', stale: false, updatedThisMonth: true }],
    // no doneOn: the report day decides
    ['2026-06-01', progress('DONE', 100, '2026-03-01'), { status: 'DONE' }],
    ['2027-01-01', progress('DONE', 100, '2026-03-01'), { status: 'NOT_STARTED', due: '2027-12-31' }],
    // no day at all: cannot be counted for this year
    ['2026-06-01', progress('DONE', 100, null), { status: 'NOT_STARTED', stale: true }],
    // still in progress at year end rolls to next year's due day instead of turning overdue
    ['2026-12-28', progress('IN_PROGRESS', 20, '2026-12-15'), { status: 'DUE_SOON', daysLeft: 3 }],
    ['2027-01-01', progress('IN_PROGRESS', 20, '2026-12-15'), { status: 'ON_TRACK', due: '2027-12-31', daysOverdue: 0 }],
  ])('on %s', (today, latest, expected) => {
    expect(status('Hằng năm', latest, today)).toMatchObject(expected);
  });
});

describe('deriveStatus: no due day', () => {
  it.each<[string, LatestProgress | null, string, DerivedStatus['status']]>([
    ['Thường xuyên', progress('IN_PROGRESS', 90, '2025-01-01'), '2030-01-01', 'ON_TRACK'],
    ['Thường xuyên', null, '2030-01-01', 'NOT_STARTED'],
    ['Thường xuyên', progress('DONE', null, '2026-01-10', '2026-01-10'), '2030-01-01', 'DONE'],
    ['Khi có chỉ đạo', progress('IN_PROGRESS', 10, '2025-01-01'), '2030-01-01', 'ON_TRACK'],
    ['2026?', null, '2030-01-01', 'NOT_STARTED'],
    ['', null, '2030-01-01', 'NOT_STARTED'],
  ])('%j is never overdue or due soon', (text, latest, today, expected) => {
    expect(status(text, latest, today)).toMatchObject({ status: expected, due: null, daysLeft: null, daysOverdue: 0 });
  });

  it('ignores a due day on a continuous or unknown deadline', () => {
    for (const kind of ['CONTINUOUS', 'UNKNOWN'] as const) {
      const s = deriveStatus(
        { deadline: { kind, due: '2020-01-01', rhythm: 'ONCE' }, latest: working },
        '2026-03-25',
      );
      expect(s).toMatchObject({ status: 'ON_TRACK', due: null, daysOverdue: 0 });
    }
  });

  it('uses the end of a year range, not its milestones', () => {
    expect(status('Năm 2025-2030', working, '2026-03-25')).toMatchObject({ status: 'ON_TRACK', due: '2030-12-31' });
  });
});

describe('deriveStatus: staleness and monthly updates', () => {
  it.each<[string, string | null, Partial<DerivedStatus>]>([
    // today, reportedOn → the month-back boundary is addMonths(today, -1)
    ['2026-03-15', '2026-02-15', { stale: false, daysSinceUpdate: 28, updatedThisMonth: false }],
    ['2026-03-15', '2026-02-14', { stale: true, daysSinceUpdate: 29 }],
    ['2026-03-31', '2026-02-28', { stale: false, daysSinceUpdate: 31 }],
    ['2026-03-31', '2026-02-27', { stale: true, daysSinceUpdate: 32 }],
    ['2028-03-30', '2028-02-29', { stale: false }], // leap year
    ['2028-03-30', '2028-02-28', { stale: true }],
    ['2026-01-10', '2025-12-10', { stale: false, updatedThisMonth: false }], // across the year boundary
    ['2026-01-10', '2025-12-09', { stale: true }],
    ['2026-03-01', '2026-03-01', { stale: false, daysSinceUpdate: 0, updatedThisMonth: true }], // 1st of the month
    ['2026-03-01', '2026-02-28', { stale: false, daysSinceUpdate: 1, updatedThisMonth: false }],
    ['2026-03-20', '2026-03-01', { updatedThisMonth: true }],
    ['2026-03-20', '2025-03-20', { updatedThisMonth: false, stale: true }], // same month, other year
    ['2026-03-20', null, { stale: true, daysSinceUpdate: null, updatedThisMonth: false }],
  ])('on %s, last report %s', (today, reportedOn, expected) => {
    const latest = reportedOn === null ? null : progress('IN_PROGRESS', 40, reportedOn);
    expect(status('Thường xuyên', latest, today)).toMatchObject(expected);
  });

  it('never calls a done task stale', () => {
    const s = status('Quý I/2026', progress('DONE', 100, '2025-06-01', '2025-06-01'), '2026-12-01');
    expect(s).toMatchObject({ status: 'DONE', stale: false, daysSinceUpdate: 548 });
  });
});
