/**
 * The weekly list of proposals waiting for an answer, per addressee (issue
 * 15): each addressee's leaders (the standing office for the city) get the
 * proposals addressed to them that are still open or only acknowledged,
 * late first. Runs on the weekly digest's schedule, one row per person and week.
 */
import { pendingReply } from '../../domain/accountability/proposal-reply.ts';
import { PrismaProposalStore, type ProposalView } from '../../prisma/stores/proposal-store.ts';
import type { JobDeps, JobSummary } from './jobs.ts';
import { runDay } from './run-day.ts';
import type { JobContext, ScheduledJob } from './scheduler.ts';

export const PROPOSAL_DIGEST_JOB = 'proposals-weekly';

export function proposalDigestJob(deps: JobDeps): ScheduledJob {
  return { name: PROPOSAL_DIGEST_JOB, cron: deps.settings.cron.digestWeekly, run: (c) => runProposalDigest(deps, c) };
}

export async function runProposalDigest(deps: JobDeps, c: JobContext): Promise<JobSummary> {
  const run = runDay(deps, c, { workingDaysOnly: false });
  if (run.skip) return run.skip;
  const { day, at } = run;
  const store = new PrismaProposalStore(deps.reads.prisma);
  const byAddressee = new Map<number | null, ProposalView[]>();
  for (const p of await store.pending()) byAddressee.set(p.addresseeUnitId, [...(byAddressee.get(p.addresseeUnitId) ?? []), p]);
  let planned = 0;
  for (const [unitId, list] of byAddressee) {
    const reply = pendingReply(list, day, { scope: list[0]!.addresseeName ?? 'office', lateOnly: false });
    planned += await store.notify(await store.answerers(unitId), `proposal-digest:${day}:${unitId ?? 'office'}`, reply, at, 'DIGEST');
  }
  return { day, planned, noAccount: 0 };
}
