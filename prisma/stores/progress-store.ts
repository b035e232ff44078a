/**
 * Progress written from chat: new entries of the append-only history and
 * the assignment's latest state, in the caller's transaction.
 */
import type { LastUpdate, ProgressStore, SavedUpdate } from '../../domain/chat/ports.ts';
import type { ChatChannel } from '../../domain/people/types.ts';
import { progressOf } from '../../domain/progress/fields.ts';
import { expectedDay, type Draft, type ReportTarget } from '../../domain/progress/report-flow.ts';
import { dayOf, dayToDb } from '../../domain/shared/day.ts';
import type { Prisma } from '../generated/client.ts';
import { targetMet } from './import-store.ts';

type Tx = Prisma.TransactionClient;
type Fields = Pick<Prisma.ProgressUpdateUncheckedCreateInput, 'state' | 'percent' | 'actualValue' | 'actualText' | 'outputDocument' | 'difficulties' | 'proposals' | 'expectedCompletionText' | 'expectedCompletionDate'>;

export class PrismaProgressStore implements ProgressStore {
  constructor(private readonly tx: Tx) {}

  /**
   * Appends an entry and makes it the assignment's latest state (workbooks sent in chat use it directly).
   * `reportedAt`: when the state in force was reported (a withdrawal restores the earlier entry's moment).
   */
  async append(assignmentId: number, fields: Fields, extra: Omit<Prisma.ProgressUpdateUncheckedCreateInput, 'taskId' | 'unitId' | 'assignmentId' | keyof Fields>, now: Date, reportedAt: Date | null = now): Promise<SavedUpdate> {
    const a = await this.tx.assignment.findUniqueOrThrow({ where: { id: assignmentId }, include: { task: true } });
    const update = await this.tx.progressUpdate.create({ data: { taskId: a.taskId, unitId: a.unitId, assignmentId, ...fields, ...extra, reportedAt: now } });
    await this.tx.assignment.update({
      where: { id: assignmentId },
      data: {
        state: fields.state,
        percent: fields.percent ?? null,
        actualValue: fields.actualValue ?? null,
        actualText: fields.actualText ?? null,
        outputDocument: fields.outputDocument ?? null,
        difficulties: fields.difficulties ?? null,
        proposals: fields.proposals ?? null,
        expectedCompletionText: fields.expectedCompletionText ?? null,
        lastUpdateId: update.id,
        lastReportedAt: reportedAt,
        doneOn: fields.state === 'DONE' ? (a.state === 'DONE' && a.doneOn ? a.doneOn : dayToDb(dayOf(now))) : null,
        targetMet: targetMet(a.task, fields.actualValue ?? null),
      },
    });
    return { id: update.id, reportedAt: now };
  }

  async record(input: Parameters<ProgressStore['record']>[0]): Promise<SavedUpdate> {
    const { target, draft } = input;
    // Voice clips the report was heard from are kept beside its files (one JSON list, no migration).
    const attachments = [...draft.attachments, ...(input.evidence ?? [])];
    const indicator = target.kind === 'INDICATOR';
    const value = draft.percent ?? (draft.state === 'DONE' && !indicator ? 100 : draft.state === 'NOT_STARTED' ? 0 : null);
    const expected = expectedDay(draft);
    return this.append(
      target.assignmentId,
      {
        state: draft.state ?? 'IN_PROGRESS',
        percent: indicator ? null : value,
        actualValue: indicator ? (draft.percent ?? null) : null,
        actualText: null,
        outputDocument: draft.outputDocument ?? null,
        difficulties: draft.difficulties ?? null,
        proposals: draft.proposals ?? null,
        expectedCompletionText: draft.expectedCompletionText ?? null,
        expectedCompletionDate: expected ? dayToDb(expected) : null,
      },
      {
        kind: input.amendsId ? 'CORRECTION' : 'REPORT',
        amendsId: input.amendsId ?? null,
        reporterId: input.personId,
        channel: input.channel,
        originalText: draft.originalText ?? null,
        attachments: attachments.length ? (attachments as unknown as Prisma.InputJsonValue) : undefined,
      },
      input.now,
    );
  }

  async lastByPerson(personId: number): Promise<LastUpdate | null> {
    const u = await this.tx.progressUpdate.findFirst({
      where: { reporterId: personId },
      orderBy: [{ reportedAt: 'desc' }, { id: 'desc' }],
      include: { task: { include: { plan: true } }, amendedBy: { select: { id: true } }, assignment: true },
    });
    if (!u) return null;
    return {
      id: u.id,
      kind: u.kind,
      reportedAt: u.reportedAt,
      amended: u.amendedBy.length > 0,
      target: {
        assignmentId: u.assignmentId,
        taskId: u.taskId,
        unitId: u.unitId,
        number: u.task.number,
        planCode: u.task.plan.code,
        title: u.task.title,
        kind: u.task.kind,
        lastPercent: u.task.kind === 'INDICATOR' ? u.actualValue : u.percent,
      },
      draft: {
        state: u.state,
        percent: u.task.kind === 'INDICATOR' ? u.actualValue : u.percent,
        outputDocument: u.outputDocument,
        difficulties: u.difficulties,
        proposals: u.proposals,
        expectedCompletionText: u.expectedCompletionText,
        originalText: u.originalText ?? undefined,
      },
    };
  }

  async withdraw(updateId: number, personId: number, channel: ChatChannel, now: Date): Promise<SavedUpdate> {
    const withdrawn = await this.tx.progressUpdate.findUniqueOrThrow({ where: { id: updateId } });
    // The state before it: the latest earlier entry that nothing has corrected or withdrawn
    // (withdrawing a correction also forgets what it corrected).
    const earlier = await this.tx.progressUpdate.findMany({
      where: { assignmentId: withdrawn.assignmentId, id: { not: updateId }, reportedAt: { lte: withdrawn.reportedAt } },
      orderBy: [{ reportedAt: 'desc' }, { id: 'desc' }],
      include: { amendedBy: { select: { id: true } } },
    });
    const amendedIds = new Set([withdrawn.amendsId].filter((x): x is number => x !== null));
    const previous = earlier.find((e) => e.amendedBy.length === 0 && !amendedIds.has(e.id) && e.kind !== 'WITHDRAWAL');
    return this.append(
      withdrawn.assignmentId,
      previous
        ? { ...progressOf(previous), expectedCompletionDate: previous.expectedCompletionDate }
        : { state: 'NOT_STARTED', percent: null, actualValue: null, actualText: null, outputDocument: null, difficulties: null, proposals: null, expectedCompletionText: null, expectedCompletionDate: null },
      { kind: 'WITHDRAWAL', amendsId: updateId, reporterId: personId, channel, originalText: null },
      now,
      previous?.reportedAt ?? null,
    );
  }

  async noChange(assignmentId: number, personId: number, channel: ChatChannel, now: Date): Promise<SavedUpdate | null> {
    const a = await this.tx.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    return this.append(
      assignmentId,
      { ...progressOf(a), expectedCompletionDate: null },
      { kind: 'REPORT', reporterId: personId, channel, originalText: 'không thay đổi' },
      now,
    );
  }

  async handOver(taskId: number, unitId: number, personId: number, byPersonId: number): Promise<void> {
    const ofUnit = await this.tx.taskAssignee.findMany({ where: { taskId, person: { unitId } } });
    await this.tx.taskAssignee.deleteMany({ where: { taskId, personId: { in: ofUnit.map((a) => a.personId) } } });
    await this.tx.taskAssignee.create({ data: { taskId, personId } });
    await this.tx.auditLog.create({ data: { actor: 'chat', actorId: byPersonId, action: 'assignee.handover', entity: 'Task', entityId: String(taskId), data: { unitId, from: ofUnit.map((a) => a.personId), to: personId } } });
  }

  async remindedTasks(personId: number, since: Date): Promise<Map<number, Date>> {
    // A reminder's payload holds its reply ({ v, reply }): each task it lists has a "report" choice (rm:report:<taskId>).
    const rows = await this.tx.delivery.findMany({ where: { personId, kind: 'REMINDER', state: 'SENT', sentAt: { gte: since } }, select: { payload: true, sentAt: true }, orderBy: { sentAt: 'desc' }, take: 50 });
    const out = new Map<number, Date>();
    for (const r of rows) {
      const choices = (r.payload as { reply?: { choices?: Array<{ id?: unknown }> } } | null)?.reply?.choices ?? [];
      for (const c of choices) {
        const m = typeof c.id === 'string' ? /^rm:report:(\d+)$/.exec(c.id) : null;
        if (m && r.sentAt && !out.has(Number(m[1]))) out.set(Number(m[1]), r.sentAt);
      }
    }
    return out;
  }
}
