/**
 * What the "6 rõ" check and the proposals need from the database. One
 * instance per message (on the chat's transaction) or per job.
 */
import type { TaskFacts } from '../../domain/accountability/six-clear.ts';
import type { PlanRef } from '../../domain/accountability/six-clear-reply.ts';
import type { Prisma, PrismaClient } from '../generated/client.ts';

type Client = Prisma.TransactionClient | PrismaClient;

export class PrismaSixClearStore {
  constructor(private readonly prisma: Client) {}

  async plans(): Promise<PlanRef[]> {
    return this.prisma.plan.findMany({ select: { id: true, code: true, title: true }, orderBy: { code: 'asc' } });
  }

  /** Every task (of `planIds`, when given) with its units' shares and whether each has an officer. */
  async tasks(filter: { planIds?: number[]; unitIds?: number[] } = {}): Promise<TaskFacts[]> {
    const tasks = await this.prisma.task.findMany({
      where: {
        ...(filter.planIds ? { planId: { in: filter.planIds } } : {}),
        ...(filter.unitIds ? { assignments: { some: { unitId: { in: filter.unitIds } } } } : {}),
      },
      select: {
        id: true, planId: true, number: true, kind: true, title: true, deadlineKind: true, deadlineText: true, leadUnitText: true, directingLeader: true, expectedOutput: true, targetValue: true,
        plan: { select: { code: true } },
        assignments: { select: { unitId: true, unit: { select: { name: true } } } },
        assignees: { select: { person: { select: { unitId: true, active: true } } } },
      },
      orderBy: [{ planId: 'asc' }, { scope: 'asc' }, { position: 'asc' }],
    });
    const focal = new Set((await this.prisma.person.findMany({ where: { active: true, isFocal: true, unitId: { not: null } }, select: { unitId: true } })).map((p) => p.unitId!));
    return tasks.map((t) => {
      const named = new Set(t.assignees.filter((a) => a.person.active && a.person.unitId !== null).map((a) => a.person.unitId!));
      return {
        taskId: t.id, planId: t.planId, planCode: t.plan.code, number: t.number, kind: t.kind, title: t.title, deadlineKind: t.deadlineKind, deadlineText: t.deadlineText,
        leadUnitText: t.leadUnitText, directingLeader: t.directingLeader, expectedOutput: t.expectedOutput, targetValue: t.targetValue,
        shares: t.assignments.map((a) => ({ unitId: a.unitId, unitName: a.unit.name, hasOfficer: named.has(a.unitId) || focal.has(a.unitId) })),
      };
    });
  }
}
