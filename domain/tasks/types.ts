/**
 * The read model of tasks as questions and chat see them: one row per
 * assignment (a task and one unit responsible for it) with its latest state.
 */
import type { DeadlineKind, Rhythm } from '../deadlines/parse-deadline.ts';
import { indicatorResult, type IndicatorResult } from '../deadlines/indicator.ts';
import type { Day } from '../shared/day.ts';
import type { ProgressFields } from '../progress/fields.ts';
import { deriveStatus, DEFAULT_STATUS_OPTIONS, type DerivedStatus, type StatusOptions } from '../status/derive-status.ts';
import type { Collective } from '../units/names.ts';
import type { UnitKind } from '../units/types.ts';

/** The latest state of the assignment is its ProgressFields. */
export interface TaskRow extends ProgressFields {
  assignmentId: number;
  taskId: number;
  unitId: number;
  unitName: string;
  unitKind: UnitKind;
  planId: number;
  planCode: string;
  scope: string;
  kind: 'TASK' | 'INDICATOR';
  number: string;
  sectionCode: string;
  /** The group inside the section ("3" of A.I.3), where the appendix has one. */
  groupCode?: string | null;
  title: string;
  leadUnitText: string | null;
  /** Coordinating units and directing leader as the plan writes them (absent where a source does not carry them). */
  coordinatingText?: string | null;
  directingLeader?: string | null;
  collective: Collective | null;
  deadlineText: string | null;
  deadlineKind: DeadlineKind;
  deadlineDate: Day | null;
  rhythm: Rhythm;
  targetComparator: string | null;
  targetValue: number | null;
  targetUnit: string | null;
  targetYear: number | null;
  lastReportedOn: Day | null;
  doneOn: Day | null;
}

export interface UpdateRow extends ProgressFields {
  id: number;
  kind: 'REPORT' | 'IMPORT' | 'CORRECTION' | 'WITHDRAWAL';
  unitName: string;
  reporterName: string | null;
  channel: string;
  reportedOn: Day;
  amendsId: number | null;
}

export interface RowStatus extends DerivedStatus {
  indicator: IndicatorResult | null;
}

export function statusOf(row: TaskRow, today: Day, options: StatusOptions = DEFAULT_STATUS_OPTIONS): RowStatus {
  const derived = deriveStatus(
    {
      deadline: { kind: row.deadlineKind, due: row.deadlineDate, rhythm: row.rhythm },
      latest: row.lastReportedOn || row.state !== 'NOT_STARTED' ? { state: row.state, percent: row.percent, reportedOn: row.lastReportedOn, doneOn: row.doneOn } : null,
    },
    today,
    options,
  );
  const indicator =
    row.kind === 'INDICATOR' && row.targetComparator && row.targetValue !== null
      ? indicatorResult(
          { comparator: row.targetComparator as never, value: row.targetValue, unit: row.targetUnit, year: row.targetYear, text: row.deadlineText ?? '' },
          row.actualValue,
        )
      : null;
  // deriveStatus's object is this call's own: completed in place, not copied (statusOf runs for every row of an answer)
  const status = derived as RowStatus;
  status.indicator = indicator;
  // An indicator that meets its target is achieved, marked or not (the appendix's "Đạt 100%" rows).
  if (indicator === 'MET' && status.status !== 'DONE') {
    status.status = 'DONE';
    status.daysOverdue = 0;
    status.stale = false;
  }
  return status;
}

/**
 * Open for the people who answer for it: not done, or done but reported on again and
 * again (continuous, yearly). The one definition behind "việc của tôi", the tasks one may
 * report on and their counts.
 */
export function isOpenFor(row: TaskRow, today: Day, options?: StatusOptions): boolean {
  return statusOf(row, today, options).status !== 'DONE' || row.rhythm !== 'ONCE';
}

/** Most urgent first: overdue (longest first), due soon (soonest first), then the rest by deadline. */
export function byUrgency(today: Day, options?: StatusOptions) {
  const rank: Record<string, number> = { OVERDUE: 0, DUE_SOON: 1, NOT_STARTED: 2, ON_TRACK: 3, DONE: 4 };
  // A sort compares each row many times: its status is derived once per comparator (rows are not changed while sorted).
  const cache = new WeakMap<TaskRow, RowStatus>();
  const status = (r: TaskRow): RowStatus => {
    let s = cache.get(r);
    if (!s) cache.set(r, (s = statusOf(r, today, options)));
    return s;
  };
  return (a: TaskRow, b: TaskRow): number => {
    const sa = status(a);
    const sb = status(b);
    if (rank[sa.status] !== rank[sb.status]) return rank[sa.status]! - rank[sb.status]!;
    if (sa.status === 'OVERDUE' && sa.daysOverdue !== sb.daysOverdue) return sb.daysOverdue - sa.daysOverdue;
    const da = sa.due ?? '9999-12-31';
    const dbb = sb.due ?? '9999-12-31';
    if (da !== dbb) return da < dbb ? -1 : 1;
    return a.planCode.localeCompare(b.planCode) || compareNumbers(a.number, b.number);
  };
}

/** "A.I.1.10" after "A.I.1.9": numbers compared part by part. */
export function compareNumbers(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    if (x === y) continue;
    const nx = Number(x);
    const ny = Number(y);
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    return x.localeCompare(y);
  }
  return 0;
}

/**
 * Whether a task number answers to what someone typed: the same number, or,
 * for a qualified reference such as "II.6", a number ending in it ("A.II.6").
 * A bare "12" is task 12 only, never "A.I.3.12".
 */
export function matchesRef(number: string, ref: string): boolean {
  const r = ref.trim().replace(/^#/, '').replace(/\.$/, '').toUpperCase();
  return number === r || (r.includes('.') && number.endsWith(`.${r}`));
}
