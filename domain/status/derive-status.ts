import { type Day, addMonths, compareDays, dayParts, daysBetween } from '../shared/day.ts';
import { type ParsedDeadline, effectiveDue } from '../deadlines/parse-deadline.ts';

export type TaskStatus = 'DONE' | 'OVERDUE' | 'DUE_SOON' | 'ON_TRACK' | 'NOT_STARTED';
export type ProgressState = 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE';

/** The latest progress update of a task (or of one unit's share of a collective task). */
export interface LatestProgress {
  state: ProgressState;
  percent: number | null;
  reportedOn: Day | null;
  doneOn: Day | null;
}

export interface StatusInput {
  deadline: Pick<ParsedDeadline, 'kind' | 'due' | 'rhythm'>;
  latest: LatestProgress | null;
}

export interface StatusOptions {
  /** A task is "sắp đến hạn" when at most this many calendar days are left (0 = due today). */
  dueSoonDays: number;
}

export interface DerivedStatus {
  status: TaskStatus;
  /** The due day in force today (31/12 of this year for a yearly task). */
  due: Day | null;
  /** Calendar days past due; 0 unless OVERDUE. */
  daysOverdue: number;
  /** Calendar days from today to due (negative once past); null without a due day. */
  daysLeft: number | null;
  /** Not done and no update within the monthly reporting rhythm: the warning list. */
  stale: boolean;
  daysSinceUpdate: number | null;
  updatedThisMonth: boolean;
}

export const DEFAULT_STATUS_OPTIONS: StatusOptions = { dueSoonDays: 7 };

/**
 * The status a leader sees on `today` (Asia/Ho_Chi_Minh). Pure: the same input
 * and day always give the same answer, so reports can be recomputed "as of"
 * any date.
 */
export function deriveStatus(
  input: StatusInput,
  today: Day,
  options: StatusOptions = DEFAULT_STATUS_OPTIONS,
): DerivedStatus {
  const { deadline } = input;
  // A yearly task reopens on 1/1: last year's DONE says nothing about this year.
  const yearly = deadline.kind === 'YEARLY' || deadline.rhythm === 'YEARLY';
  const latest =
    yearly && input.latest?.state === 'DONE' && !doneInYear(input.latest, dayParts(today).year)
      ? null
      : input.latest;

  // Continuous and unknown deadlines have no day to be late for.
  const hasDue = deadline.kind !== 'CONTINUOUS' && deadline.kind !== 'UNKNOWN';
  const due = hasDue ? effectiveDue(deadline, today) : null;
  const daysLeft = due === null ? null : daysBetween(today, due);

  const reportedOn = input.latest?.reportedOn ?? null;
  const daysSinceUpdate = reportedOn === null ? null : daysBetween(reportedOn, today);
  const updatedThisMonth = reportedOn !== null && reportedOn.slice(0, 7) === today.slice(0, 7);

  let status: TaskStatus;
  if (latest?.state === 'DONE') status = 'DONE';
  else if (daysLeft !== null && daysLeft < 0) status = 'OVERDUE';
  else if (daysLeft !== null && daysLeft <= options.dueSoonDays) status = 'DUE_SOON';
  else if (!latest || (latest.state === 'NOT_STARTED' && !latest.percent)) status = 'NOT_STARTED';
  else status = 'ON_TRACK';

  const stale = status !== 'DONE' && (reportedOn === null || compareDays(reportedOn, monthBefore(today)) < 0);
  return {
    status,
    due,
    daysOverdue: status === 'OVERDUE' && daysLeft !== null ? -daysLeft : 0,
    daysLeft,
    stale,
    daysSinceUpdate,
    updatedThisMonth,
  };
}

/** `addMonths(today, -1)`, kept for the last day asked: every row of an answer or a run asks it for the same day. */
let lastMonthBefore: { today: Day; day: Day } | null = null;
function monthBefore(today: Day): Day {
  if (lastMonthBefore?.today !== today) lastMonthBefore = { today, day: addMonths(today, -1) };
  return lastMonthBefore.day;
}

function doneInYear(p: LatestProgress, year: number): boolean {
  const when = p.doneOn ?? p.reportedOn;
  return when !== null && dayParts(when).year === year;
}
