/** Reads what a unit's progress appendix shows as of a day. */
import type { ExportItem } from '../../domain/exports/progress-appendix.ts';
import { progressOf } from '../../domain/progress/fields.ts';
import { addDays, instantOf, type Day } from '../../domain/shared/day.ts';
import type { Db } from '../database.ts';
import { inForce } from './effective-updates.ts';
import { followUpLine } from '../../domain/accountability/proposals.ts';
import { PrismaProposalStore } from './proposal-store.ts';
import { explanationFollowUpLine } from '../../domain/accountability/explanations.ts';
import { PrismaExplanationStore } from './explanation-store.ts';

export async function unitsWithAssignments(prisma: Db, unitIds: number[] | null): Promise<{ id: number; name: string }[]> {
  return prisma.unit.findMany({
    where: { ...(unitIds ? { id: { in: unitIds } } : {}), assignments: { some: {} } },
    select: { id: true, name: true },
    orderBy: { id: 'asc' },
  });
}

export async function exportItems(prisma: Db, unitId: number, asOf: Day): Promise<ExportItem[]> {
  const assignments = await prisma.assignment.findMany({ where: { unitId }, include: { task: { include: { plan: true } } } });
  const end = instantOf(addDays(asOf, 1), 0);
  const updates = await prisma.progressUpdate.findMany({
    where: { assignmentId: { in: assignments.map((a) => a.id) }, reportedAt: { lt: end }, ...inForce },
    orderBy: [{ reportedAt: 'desc' }, { id: 'desc' }],
  });
  const latest = new Map<number, (typeof updates)[number]>();
  for (const u of updates) if (!latest.has(u.assignmentId)) latest.set(u.assignmentId, u);
  // The unit's tracked proposals and what became of them, for the proposals column (issue 15).
  const taskIds = assignments.map((a) => a.taskId);
  const followUps = await new PrismaProposalStore(prisma).history({ taskIds, fromUnitId: unitId, until: end });
  // …and the explanation requests the unit was asked, with their answers, reminders and escalations.
  const explained = await new PrismaExplanationStore(prisma).history({ taskIds, unitId, until: end });
  return assignments.map((a) => {
    const t = a.task;
    const u = latest.get(a.id);
    const followUp = [...(followUps.get(t.id) ?? []).map(followUpLine), ...(explained.get(t.id) ?? []).map(explanationFollowUpLine)];
    return {
      planId: t.planId,
      planCode: t.plan.code,
      planTitle: t.plan.title,
      kind: t.kind,
      sectionCode: t.sectionCode,
      sectionTitle: t.sectionTitle,
      groupCode: t.groupCode,
      groupTitle: t.groupTitle,
      label: t.label,
      number: t.number,
      position: t.position,
      title: t.title,
      deadlineText: t.deadlineText,
      progress: u ? progressOf(u) : null,
      ...(followUp.length ? { followUp } : {}),
    };
  });
}
