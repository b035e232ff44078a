/**
 * Explanation requests (issue 15) in the database. ExplanationRequest holds
 * the latest state; ExplanationEvent is the append-only history (who, when,
 * channel, the answer's text and file). Messages to people are Delivery rows
 * (kind NOTICE), sent by the delivery worker like every other message.
 */
import type { ExplanationHistory, ExplanationView } from '../../domain/accountability/explanations.ts';
import type { Reply } from '../../domain/chat/reply.ts';
import { storedReply, type PlannedDelivery, type SendChannel } from '../../domain/delivery/types.ts';
import { dayFromDb, dayToDb, type Day } from '../../domain/shared/day.ts';
import type { Db } from '../database.ts';
import type { Prisma } from '../generated/client.ts';
import { bestIdentity, personIdsWithRoles, PrismaDeliveryStore, PrismaPlanningReads } from './delivery-store.ts';

/** A transaction, or the client itself for the daily jobs and reports (reads and single statements). */
type Tx = Db | Prisma.TransactionClient;
type Channel = 'TELEGRAM' | 'ZALO' | 'CONSOLE' | 'SYSTEM';
export type { ExplanationView };

export class PrismaExplanationStore {
  constructor(private readonly tx: Tx) {}

  async create(o: { taskId: number; unitId: number; requesterId: number; reason: string | null; dueOn: Day; channel: Channel; now: Date }): Promise<number> {
    const r = await this.tx.explanationRequest.create({ data: { taskId: o.taskId, unitId: o.unitId, requesterId: o.requesterId, reason: o.reason, dueOn: dayToDb(o.dueOn), createdAt: o.now } });
    await this.tx.explanationEvent.create({ data: { requestId: r.id, kind: 'REQUESTED', personId: o.requesterId, channel: o.channel, text: o.reason, at: o.now } });
    return r.id;
  }

  /** The open request of this task and unit, if one is waiting already. */
  async openFor(taskId: number, unitId: number): Promise<ExplanationView | null> {
    return (await this.views({ taskId, unitId, state: 'OPEN' }))[0] ?? null;
  }

  async find(id: number): Promise<ExplanationView | null> {
    return (await this.views({ id }))[0] ?? null;
  }

  /** Open requests about these units (all when null) or asked by `requesterId`, oldest deadline first. */
  async open(filter: { unitIds: number[] | null; requesterId?: number }): Promise<ExplanationView[]> {
    const or: Prisma.ExplanationRequestWhereInput[] = [];
    if (filter.unitIds) or.push({ unitId: { in: filter.unitIds } });
    if (filter.unitIds && filter.requesterId) or.push({ requesterId: filter.requesterId });
    return this.views({ state: 'OPEN', ...(or.length ? { OR: or } : {}) });
  }

  /** Requests counted for reports: open, answered, and open past their deadline on `today`. */
  async counts(unitIds: number[] | null, today: Day): Promise<{ open: number; answered: number; late: number }> {
    const where: Prisma.ExplanationRequestWhereInput = unitIds ? { unitId: { in: unitIds } } : {};
    const [open, answered, late] = await Promise.all([
      this.tx.explanationRequest.count({ where: { ...where, state: 'OPEN' } }),
      this.tx.explanationRequest.count({ where: { ...where, state: 'ANSWERED' } }),
      this.tx.explanationRequest.count({ where: { ...where, state: 'OPEN', dueOn: { lt: dayToDb(today) } } }),
    ]);
    return { open, answered, late };
  }

  /** Records an answer (text, a file, or both): the latest on the request, an event in its history. Returns the event's id. */
  async answer(o: { id: number; personId: number; channel: Channel; text: string | null; file: { id: string; name: string } | null; now: Date }): Promise<number> {
    const prev = await this.tx.explanationRequest.findUniqueOrThrow({ where: { id: o.id }, select: { answer: true, answeredAt: true } });
    const text = o.text ?? (o.file ? `[${o.file.name}]` : null);
    await this.tx.explanationRequest.update({ where: { id: o.id }, data: { state: 'ANSWERED', answer: prev.answer && text ? `${prev.answer}\n${text}` : (text ?? prev.answer), answeredAt: prev.answeredAt ?? o.now } });
    const e = await this.tx.explanationEvent.create({ data: { requestId: o.id, kind: 'ANSWERED', personId: o.personId, channel: o.channel, text: o.text, fileId: o.file?.id ?? null, fileName: o.file?.name ?? null, at: o.now } });
    return e.id;
  }

  /** The daily run's marks: once each, with an event (channel SYSTEM). False when another run marked it first. */
  async mark(id: number, kind: 'REMINDED' | 'ESCALATED', now: Date, text: string | null = null): Promise<boolean> {
    const field = kind === 'REMINDED' ? 'remindedAt' : 'escalatedAt';
    const done = await this.tx.explanationRequest.updateMany({ where: { id, state: 'OPEN', [field]: null }, data: { [field]: now } });
    if (!done.count) return false;
    await this.tx.explanationEvent.create({ data: { requestId: id, kind, personId: null, channel: 'SYSTEM', text, at: now } });
    return true;
  }

  /** Open requests whose deadline is `day` or before, not yet escalated (the daily run's candidates). */
  async due(day: Day): Promise<ExplanationView[]> {
    return this.views({ state: 'OPEN', escalatedAt: null, dueOn: { lte: dayToDb(day) } });
  }

  /** The requests a unit was asked on tasks, with their events up to `until`, oldest first; per task. */
  async history(o: { taskIds: number[]; unitId: number; until?: Date }): Promise<Map<number, ExplanationHistory[]>> {
    const out = new Map<number, ExplanationHistory[]>();
    if (!o.taskIds.length) return out;
    const until = o.until ? { lt: o.until } : undefined;
    const rows = await this.tx.explanationRequest.findMany({
      where: { taskId: { in: o.taskIds }, unitId: o.unitId, ...(until ? { createdAt: until } : {}) },
      include: { events: { where: until ? { at: until } : {}, orderBy: [{ at: 'asc' }, { id: 'asc' }] } },
      orderBy: { id: 'asc' },
    });
    if (!rows.length) return out;
    const ids = new Set<number>();
    for (const r of rows) {
      ids.add(r.requesterId);
      for (const e of r.events) if (e.personId) ids.add(e.personId);
    }
    const person = new Map((await this.tx.person.findMany({ where: { id: { in: [...ids] } }, select: { id: true, fullName: true } })).map((p) => [p.id, p.fullName]));
    for (const r of rows) {
      const h: ExplanationHistory = {
        id: r.id, requesterName: person.get(r.requesterId) ?? '', state: r.state, dueOn: dayFromDb(r.dueOn),
        events: r.events.map((e) => ({ kind: e.kind, at: e.at, by: e.personId ? (person.get(e.personId) ?? null) : null, channel: e.channel, text: e.text, fileName: e.fileName })),
      };
      out.set(r.taskId, [...(out.get(r.taskId) ?? []), h]);
    }
    return out;
  }

  async events(requestIds: number[]): Promise<{ requestId: number; kind: string; personId: number | null; channel: string; text: string | null; fileName: string | null; at: Date }[]> {
    return this.tx.explanationEvent.findMany({ where: { requestId: { in: requestIds } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  }

  /** Who receives a request: the unit's leaders and the task's officers (its assignees in that unit, else the unit's focal officers). */
  async recipients(taskId: number, unitId: number): Promise<number[]> {
    const leaders = await this.leaders(unitId);
    const named = await this.tx.taskAssignee.findMany({ where: { taskId, person: { unitId, active: true } }, select: { personId: true } });
    const officers = named.length ? named.map((n) => n.personId) : (await this.tx.person.findMany({ where: { unitId, isFocal: true, active: true }, select: { id: true } })).map((p) => p.id);
    return [...new Set([...leaders, ...officers])];
  }

  /** The unit's head: its leaders (UNIT_LEADER); for a unit with none, the leaders of the unit above it. */
  async heads(unitId: number): Promise<number[]> {
    const own = await this.leaders(unitId);
    if (own.length) return own;
    const unit = await this.tx.unit.findUnique({ where: { id: unitId }, select: { parentId: true } });
    return unit?.parentId ? this.leaders(unit.parentId) : [];
  }

  private async leaders(unitId: number): Promise<number[]> {
    const ids = await personIdsWithRoles(this.tx, ['UNIT_LEADER']);
    return (await this.tx.person.findMany({ where: { id: { in: ids }, unitId }, select: { id: true } })).map((p) => p.id);
  }

  /** Queues one message per person (deduplicated by `key`), on their preferred reachable account; returns the rows added. */
  async notify(personIds: number[], key: string, reply: Reply, now: Date): Promise<number> {
    if (!personIds.length) return 0;
    const people = await new PrismaPlanningReads(this.tx as unknown as Db).people(personIds);
    const rows: PlannedDelivery[] = [];
    for (const r of people.values()) {
      const identity = bestIdentity(r);
      if (!identity) continue;
      rows.push({ kind: 'NOTICE', dedupeKey: `${key}:${r.personId}`, personId: r.personId, identityId: identity.id, channel: identity.channel as SendChannel, chatId: identity.chatId, unitId: r.unitId, broadcastId: null, payload: { v: 1, reply: storedReply(reply) }, notBefore: now });
    }
    return new PrismaDeliveryStore(this.tx as unknown as Db).insert(rows);
  }

  private async views(where: Prisma.ExplanationRequestWhereInput): Promise<ExplanationView[]> {
    const rows = await this.tx.explanationRequest.findMany({ where, orderBy: [{ dueOn: 'asc' }, { id: 'asc' }] });
    if (!rows.length) return [];
    const [tasks, units, people] = await Promise.all([
      this.tx.task.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.taskId))] } }, select: { id: true, number: true, title: true, plan: { select: { code: true } } } }),
      this.tx.unit.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.unitId))] } }, select: { id: true, name: true } }),
      this.tx.person.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.requesterId))] } }, select: { id: true, fullName: true } }),
    ]);
    const task = new Map(tasks.map((x) => [x.id, x]));
    const unit = new Map(units.map((u) => [u.id, u.name]));
    const person = new Map(people.map((p) => [p.id, p.fullName]));
    return rows.map((r) => ({
      id: r.id, taskId: r.taskId, taskNumber: task.get(r.taskId)?.number ?? '', planCode: task.get(r.taskId)?.plan.code ?? '', taskTitle: task.get(r.taskId)?.title ?? '',
      unitId: r.unitId, unitName: unit.get(r.unitId) ?? '', requesterId: r.requesterId, requesterName: person.get(r.requesterId) ?? '',
      reason: r.reason, dueOn: dayFromDb(r.dueOn), state: r.state, answer: r.answer, remindedAt: r.remindedAt, escalatedAt: r.escalatedAt,
    }));
  }
}
