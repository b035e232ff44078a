/**
 * Late proposals (issue 15): on a proposal's due day, if it is still open, its
 * addressee's leaders get a reminder; PROPOSAL_ESCALATE_DAYS (3) working days
 * later, still open, it is escalated to the standing office (and, for a
 * proposal to the standing office itself, to the city leaders), and the
 * addressee's leaders are told again. Runs on the daily reminders' schedule,
 * on working days only. Every message is a Delivery row keyed by proposal, step
 * and due day, and every step a ProposalEvent (REMINDED / ESCALATED, text = the
 * due day), so a second run, a second instance or a restart adds nothing; a
 * forward sets a new due day and the steps start again.
 */
import { escalationNotice, lateReminder } from '../../domain/accountability/proposal-reply.ts';
import { escalationDay, lateStep, PROPOSAL_ESCALATE_DAYS } from '../../domain/accountability/proposals.ts';
import { PrismaProposalStore } from '../../prisma/stores/proposal-store.ts';
import { personIdsWithRoles } from '../../prisma/stores/delivery-store.ts';
import type { JobDeps, JobSummary } from './jobs.ts';
import { runDay } from './run-day.ts';
import type { JobContext, ScheduledJob } from './scheduler.ts';

export const PROPOSAL_LATE_JOB = 'proposals-late';

export function proposalLateJob(deps: JobDeps): ScheduledJob {
  return { name: PROPOSAL_LATE_JOB, cron: deps.settings.cron.reminders, run: (c) => runProposalLate(deps, c) };
}

export async function runProposalLate(deps: JobDeps, c: JobContext): Promise<JobSummary> {
  const run = runDay(deps, c, { workingDaysOnly: true });
  if (run.skip) return run.skip;
  const { day, at } = run;
  const tx = deps.reads.prisma;
  const store = new PrismaProposalStore(tx);
  let planned = 0;
  for (const p of await store.pending({ dueBy: day })) {
    const step = lateStep(p, day, deps.calendar);
    if (!step) continue;
    const answerers = await store.answerers(p.addresseeUnitId);
    if (step === 'remind') {
      if (await store.stepDone(p.id, 'REMINDED', p.dueOn)) continue;
      const n = await store.notify(answerers, `proposal-late:${p.id}:remind:${p.dueOn}`, lateReminder(p, escalationDay(p.dueOn, deps.calendar)), at);
      // Recorded by the run whose rows went in (the dedupeKey lets only one do so): one event however many runs.
      if (n) await store.recordStep(p.id, 'REMINDED', p.dueOn, c.now);
      planned += n;
    } else {
      if (await store.stepDone(p.id, 'ESCALATED', p.dueOn)) continue;
      // The standing office; for a proposal addressed to the standing office itself, the city leaders.
      const up = p.addresseeUnitId === null ? await personIdsWithRoles(tx, ['CITY_LEADER']) : await store.answerers(null);
      const days = deps.calendar.workingDaysBetween(p.dueOn, day);
      const n =
        (await store.notify(up.filter((id) => !answerers.includes(id)), `proposal-late:${p.id}:escalate:${p.dueOn}`, escalationNotice(p, days || PROPOSAL_ESCALATE_DAYS, false), at)) +
        (await store.notify(answerers, `proposal-late:${p.id}:escalate:${p.dueOn}:to`, escalationNotice(p, days || PROPOSAL_ESCALATE_DAYS, true), at));
      if (n) await store.recordStep(p.id, 'ESCALATED', p.dueOn, c.now);
      planned += n;
    }
  }
  return { day, planned, noAccount: 0 };
}
