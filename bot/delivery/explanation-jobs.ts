/**
 * The daily run of explanation requests (issue 15): an open request whose
 * reply deadline has come is reminded to the unit (its leaders and the
 * task's officers) once; ESCALATE_AFTER_DAYS working days after the deadline,
 * still open, it goes to the unit's head (its UNIT_LEADER people, or the unit
 * above's when it has none) and the requester gets a note. Runs on the daily
 * reminders' schedule, working days only; each step is marked on the request
 * (with an event) and its messages are deduplicated by key, so a second run
 * of the same day sends nothing twice.
 */
import { deadlineActions } from '../../domain/accountability/explanations.ts';
import { escalationNote, escalationNotice, reminderNotice } from '../../domain/accountability/explanations-reply.ts';
import { PrismaExplanationStore } from '../../prisma/stores/explanation-store.ts';
import type { JobDeps, JobSummary } from './jobs.ts';
import { runDay } from './run-day.ts';
import type { JobContext, ScheduledJob } from './scheduler.ts';

export const EXPLANATION_JOB = 'explanations-daily';

export function explanationJob(deps: JobDeps): ScheduledJob {
  return { name: EXPLANATION_JOB, cron: deps.settings.cron.reminders, run: (c) => runExplanationDeadlines(deps, c) };
}

export async function runExplanationDeadlines(deps: JobDeps, c: JobContext): Promise<JobSummary> {
  const run = runDay(deps, c, { workingDaysOnly: true });
  if (run.skip) return run.skip;
  const { day, at } = run;
  const store = new PrismaExplanationStore(deps.reads.prisma);
  let planned = 0;
  for (const r of await store.due(day)) {
    const act = deadlineActions({ state: r.state, dueOn: r.dueOn, reminded: r.remindedAt !== null, escalated: r.escalatedAt !== null }, day, deps.calendar);
    if (act.remind) {
      planned += await store.notify(await store.recipients(r.taskId, r.unitId), `explanation:${r.id}:remind`, reminderNotice(r), at);
      await store.mark(r.id, 'REMINDED', c.now);
    }
    if (act.escalate) {
      const late = deps.calendar.workingDaysBetween(r.dueOn, day);
      const heads = await store.heads(r.unitId);
      planned += await store.notify(heads, `explanation:${r.id}:escalate`, escalationNotice(r, late), at);
      planned += await store.notify([r.requesterId], `explanation:${r.id}:escalate-note`, escalationNote(r, late, heads.length), at);
      await store.mark(r.id, 'ESCALATED', c.now, String(late));
    }
  }
  return { day, planned, noAccount: 0 };
}
