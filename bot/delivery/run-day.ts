/**
 * What a daily job's tick plans for: the day, and when its rows may go out
 * (the next opening of the send window) — or the summary of a run that plans
 * nothing, because the day is not a working day or the job's next tick comes
 * before the window opens.
 */
import { nextWindowStart } from '../../domain/delivery/policy.ts';
import { dayOf, type Day } from '../../domain/shared/day.ts';
import type { JobDeps, JobSummary } from './jobs.ts';
import type { JobContext } from './scheduler.ts';

export type RunDay = { day: Day; at: Date; skip?: undefined } | { day: Day; skip: JobSummary };

export function runDay(deps: Pick<JobDeps, 'calendar' | 'window'>, c: JobContext, o: { workingDaysOnly: boolean }): RunDay {
  const day = dayOf(c.tick);
  if (o.workingDaysOnly && !deps.calendar.isWorkingDay(day)) return { day, skip: { day, planned: 0, noAccount: 0, skipped: 'not-a-working-day' } };
  const at = nextWindowStart(c.now > c.tick ? c.now : c.tick, deps.window);
  if (c.nextTick && at >= c.nextTick) return { day, skip: { day, planned: 0, noAccount: 0, skipped: 'superseded-by-next-tick' } };
  return { day, at };
}
