/**
 * Proposals (issue 15) in the database: raised from the progress updates a
 * message just saved, listed for leaders' questions, answered by the
 * addressee's leaders. Proposal holds the latest state; ProposalEvent is the
 * append-only history (who, when, channel). Messages to people are Delivery
 * rows (kind NOTICE), sent by the delivery worker like every other message.
 */
import type { WorkingCalendar } from '../../domain/calendar/working-days.ts';
import type { Reply } from '../../domain/chat/reply.ts';
import { recogniseAddressee, responseDue, splitProposals, type ProposalHistory, type ProposalView } from '../../domain/accountability/proposals.ts';
import { storedReply, type PlannedDelivery, type SendChannel } from '../../domain/delivery/types.ts';
import { dayFromDb, dayOf, dayToDb, type Day } from '../../domain/shared/day.ts';
import { fold } from '../../domain/shared/text.ts';
import type { UnitRef } from '../../domain/units/types.ts';
import type { Db } from '../database.ts';
import type { Prisma } from '../generated/client.ts';
import { bestIdentity, personIdsWithRoles, PrismaDeliveryStore, PrismaPlanningReads } from './delivery-store.ts';

/** A transaction, or the client itself for the daily jobs and reports (reads and single statements). */
type Tx = Db | Prisma.TransactionClient;
export type { ProposalView };
type Channel = 'TELEGRAM' | 'ZALO' | 'CONSOLE' | 'XLSX' | 'IMPORT' | 'SYSTEM';



export class PrismaProposalStore {
  constructor(private readonly tx: Tx) {}

  /**
   * Tracks the proposals of updates saved since `since` that have none yet (a report,
   * a correction — whose unchanged proposals are not raised twice — or an appendix sent in chat).
   */
  async raiseFromUpdates(o: { since: Date; now: Date; today: Day; responseDays: number; calendar: WorkingCalendar; units: UnitRef[]; reporterId?: number }): Promise<ProposalView[]> {
    const updates = await this.tx.progressUpdate.findMany({
      where: { reportedAt: { gte: o.since }, proposals: { not: null }, kind: { in: ['REPORT', 'CORRECTION'] }, ...(o.reporterId ? { reporterId: o.reporterId } : {}) },
      select: { id: true, taskId: true, unitId: true, reporterId: true, proposals: true, amendsId: true, channel: true },
      orderBy: { id: 'asc' },
    });
    if (!updates.length) return [];
    const done = new Set((await this.tx.proposal.findMany({ where: { updateId: { in: updates.map((u) => u.id) } }, select: { updateId: true } })).map((p) => p.updateId));
    const created: number[] = [];
    for (const u of updates) {
      if (done.has(u.id)) continue;
      const before = u.amendsId ? new Set((await this.tx.proposal.findMany({ where: { updateId: u.amendsId }, select: { text: true } })).map((p) => fold(p.text))) : new Set<string>();
      let position = 0;
      for (const text of splitProposals(u.proposals)) {
        position++;
        if (before.has(fold(text))) continue;
        const a = recogniseAddressee(text, o.units);
        const p = await this.tx.proposal.create({
          data: {
            updateId: u.id, position, taskId: u.taskId, fromUnitId: u.unitId, proposerId: u.reporterId, text,
            addresseeUnitId: a.kind === 'unit' ? a.unit.id : null, addresseeFrom: 'chosen' in a && a.chosen ? 'officer' : a.kind === 'unit' ? 'text' : a.kind === 'city' ? 'city' : 'default',
            dueOn: dayToDb(responseDue(o.today, o.responseDays, o.calendar)),
          },
        });
        await this.tx.proposalEvent.create({ data: { proposalId: p.id, kind: 'RAISED', personId: u.reporterId, channel: u.channel, text, toUnitId: p.addresseeUnitId, at: o.now } });
        created.push(p.id);
      }
    }
    return this.views({ id: { in: created } });
  }

  async find(id: number): Promise<ProposalView | null> {
    return (await this.views({ id }))[0] ?? null;
  }

  /** Pending proposals (open or only acknowledged), oldest due first. */
  async pending(filter: { addresseeUnitIds?: number[]; office?: boolean; fromUnitIds?: number[]; dueBy?: Day } = {}): Promise<ProposalView[]> {
    const or: Prisma.ProposalWhereInput[] = [];
    if (filter.addresseeUnitIds) or.push({ addresseeUnitId: { in: filter.addresseeUnitIds } });
    if (filter.office) or.push({ addresseeUnitId: null });
    if (filter.fromUnitIds) or.push({ fromUnitId: { in: filter.fromUnitIds } });
    return this.views({ state: { in: ['OPEN', 'ACKNOWLEDGED'] }, ...(or.length ? { OR: or } : {}), ...(filter.dueBy ? { dueOn: { lte: dayToDb(filter.dueBy) } } : {}) });
  }

  /**
   * For a report: proposals raised by or addressed to `unitIds` (null: all), of tasks of `planId`,
   * still pending or answered since `since`.
   */
  async forReport(o: { unitIds: number[] | null; planId: number | null; since: Day }): Promise<ProposalView[]> {
    const and: Prisma.ProposalWhereInput[] = [{ OR: [{ state: { in: ['OPEN', 'ACKNOWLEDGED'] } }, { answeredAt: { gte: dayToDb(o.since) } }] }];
    if (o.unitIds) and.push({ OR: [{ fromUnitId: { in: o.unitIds } }, { addresseeUnitId: { in: o.unitIds } }] });
    if (o.planId !== null) and.push({ taskId: { in: (await this.tx.task.findMany({ where: { planId: o.planId }, select: { id: true } })).map((t) => t.id) } });
    return this.views({ AND: and });
  }

  /** The proposals of tasks (raised by `fromUnitId` when given) with their events up to `until`, oldest first. */
  async history(o: { taskIds: number[]; fromUnitId?: number; until?: Date }): Promise<Map<number, ProposalHistory[]>> {
    const out = new Map<number, ProposalHistory[]>();
    if (!o.taskIds.length) return out;
    const until = o.until ? { lt: o.until } : undefined;
    const rows = await this.tx.proposal.findMany({
      where: { taskId: { in: o.taskIds }, ...(o.fromUnitId ? { fromUnitId: o.fromUnitId } : {}), ...(until ? { events: { some: { kind: 'RAISED', at: until } } } : {}) },
      include: { events: { where: until ? { at: until } : {}, orderBy: [{ at: 'asc' }, { id: 'asc' }] } },
      orderBy: { id: 'asc' },
    });
    if (!rows.length) return out;
    const unitIds = new Set<number>();
    const personIds = new Set<number>();
    for (const r of rows) {
      if (r.addresseeUnitId) unitIds.add(r.addresseeUnitId);
      for (const e of r.events) {
        if (e.toUnitId) unitIds.add(e.toUnitId);
        if (e.personId) personIds.add(e.personId);
      }
    }
    const [units, people] = await Promise.all([
      this.tx.unit.findMany({ where: { id: { in: [...unitIds] } }, select: { id: true, name: true } }),
      this.tx.person.findMany({ where: { id: { in: [...personIds] } }, select: { id: true, fullName: true } }),
    ]);
    const unit = new Map(units.map((u) => [u.id, u.name]));
    const person = new Map(people.map((p) => [p.id, p.fullName]));
    for (const r of rows) {
      const h: ProposalHistory = {
        id: r.id, text: r.text, addresseeName: r.addresseeUnitId ? (unit.get(r.addresseeUnitId) ?? null) : null, state: r.state, dueOn: dayFromDb(r.dueOn),
        events: r.events.map((e) => ({ kind: e.kind, at: e.at, by: e.personId ? (person.get(e.personId) ?? null) : null, channel: e.channel, to: e.toUnitId ? (unit.get(e.toUnitId) ?? null) : null, toOffice: e.kind === 'FORWARDED' && !e.toUnitId, text: e.text })),
      };
      out.set(r.taskId, [...(out.get(r.taskId) ?? []), h]);
    }
    return out;
  }

  /** Whether the late-proposal step was taken for this due day (a forward sets a new one). */
  async stepDone(id: number, kind: 'REMINDED' | 'ESCALATED', dueOn: Day): Promise<boolean> {
    return (await this.tx.proposalEvent.count({ where: { proposalId: id, kind, text: dueOn } })) > 0;
  }

  /** The reminder or escalation in the proposal's history, by the system. */
  async recordStep(id: number, kind: 'REMINDED' | 'ESCALATED', dueOn: Day, now: Date): Promise<void> {
    await this.tx.proposalEvent.create({ data: { proposalId: id, kind, personId: null, channel: 'SYSTEM', text: dueOn, at: now } });
  }

  /** Records an answer: the latest state on the proposal, an event in its history. A forward re-addresses it with a new due day. */
  async answer(o: { id: number; kind: 'ACKNOWLEDGED' | 'RESOLVED' | 'REFUSED' | 'FORWARDED'; text: string | null; personId: number; channel: Channel; now: Date; forward?: { unitId: number | null; dueOn: Day } }): Promise<void> {
    if (o.kind === 'FORWARDED') {
      await this.tx.proposal.update({ where: { id: o.id }, data: { addresseeUnitId: o.forward!.unitId, addresseeFrom: 'forward', state: 'OPEN', dueOn: dayToDb(o.forward!.dueOn) } });
    } else {
      await this.tx.proposal.update({ where: { id: o.id }, data: { state: o.kind, answer: o.text, answeredAt: o.now } });
    }
    await this.tx.proposalEvent.create({ data: { proposalId: o.id, kind: o.kind, personId: o.personId, channel: o.channel, text: o.text, toUnitId: o.forward?.unitId ?? null, at: o.now } });
  }

  /** Who answers for an addressee: its unit leaders, or the standing office (admins) for the city. */
  async answerers(addresseeUnitId: number | null): Promise<number[]> {
    const ids = await personIdsWithRoles(this.tx, [addresseeUnitId === null ? 'ADMIN' : 'UNIT_LEADER']);
    if (addresseeUnitId === null) return ids;
    return (await this.tx.person.findMany({ where: { id: { in: ids }, unitId: addresseeUnitId }, select: { id: true } })).map((p) => p.id);
  }

  /** The proposer and the leaders of the proposing unit. */
  async proposerSide(p: ProposalView): Promise<number[]> {
    const leaders = await this.tx.person.findMany({ where: { id: { in: await personIdsWithRoles(this.tx, ['UNIT_LEADER']) }, unitId: p.fromUnitId }, select: { id: true } });
    return [...new Set([...(p.proposerId ? [p.proposerId] : []), ...leaders.map((l) => l.id)])];
  }

  /** Queues one message per person (deduplicated by `key`), on their preferred reachable account. */
  async notify(personIds: number[], key: string, reply: Reply, now: Date, kind: 'NOTICE' | 'DIGEST' = 'NOTICE'): Promise<number> {
    if (!personIds.length) return 0;
    const reads = new PrismaPlanningReads(this.tx as unknown as Db);
    const people = await reads.people(personIds);
    const rows: PlannedDelivery[] = [];
    for (const r of people.values()) {
      const identity = bestIdentity(r);
      if (!identity) continue;
      rows.push({ kind, dedupeKey: `${key}:${r.personId}`, personId: r.personId, identityId: identity.id, channel: identity.channel as SendChannel, chatId: identity.chatId, unitId: r.unitId, broadcastId: null, payload: { v: 1, reply: storedReply(reply) }, notBefore: now });
    }
    return new PrismaDeliveryStore(this.tx as unknown as Db).insert(rows);
  }

  private async views(where: Prisma.ProposalWhereInput): Promise<ProposalView[]> {
    const rows = await this.tx.proposal.findMany({ where, orderBy: [{ dueOn: 'asc' }, { id: 'asc' }] });
    if (!rows.length) return [];
    const [tasks, units, people] = await Promise.all([
      this.tx.task.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.taskId))] } }, select: { id: true, number: true, title: true, plan: { select: { code: true } } } }),
      this.tx.unit.findMany({ where: { id: { in: [...new Set(rows.flatMap((r) => [r.fromUnitId, ...(r.addresseeUnitId ? [r.addresseeUnitId] : [])]))] } }, select: { id: true, name: true } }),
      this.tx.person.findMany({ where: { id: { in: rows.flatMap((r) => (r.proposerId ? [r.proposerId] : [])) } }, select: { id: true, fullName: true } }),
    ]);
    const task = new Map(tasks.map((t) => [t.id, t]));
    const unit = new Map(units.map((u) => [u.id, u.name]));
    const person = new Map(people.map((p) => [p.id, p.fullName]));
    return rows.map((r) => ({
      id: r.id, taskId: r.taskId, taskNumber: task.get(r.taskId)?.number ?? '', planCode: task.get(r.taskId)?.plan.code ?? '', taskTitle: task.get(r.taskId)?.title ?? '',
      fromUnitId: r.fromUnitId, fromUnitName: unit.get(r.fromUnitId) ?? '', proposerId: r.proposerId, proposerName: r.proposerId ? (person.get(r.proposerId) ?? null) : null,
      text: r.text, addresseeUnitId: r.addresseeUnitId, addresseeName: r.addresseeUnitId ? (unit.get(r.addresseeUnitId) ?? null) : null, addresseeFrom: r.addresseeFrom,
      state: r.state, dueOn: dayFromDb(r.dueOn), answer: r.answer, answeredOn: r.answeredAt ? dayOf(r.answeredAt) : null,
    }));
  }
}
