/**
 * Closing the loop (issue 15), as an engine extension built per message on
 * the chat's transaction:
 * - /6ro [kế hoạch|đơn vị], "kiểm tra 6 rõ": the "6 rõ" check
 *   (domain/accountability/six-clear.ts), in the asker's scope;
 * - proposals (domain/accountability/proposals.ts): the four answers of the
 *   addressee's leaders (buttons / numbers on the notice, or typed
 *   "kn 12 đã giải quyết: …"), and "kiến nghị nào chưa được trả lời".
 * `raiseProposals` runs after each message (bot/chat/service.ts): the
 * proposals of the updates it saved become tracked items, sent to who must answer.
 */
import type { Extension, ExtensionInput, ExtensionResult, Inbound } from '../../domain/chat/engine.ts';
import type { WorkingCalendar } from '../../domain/calendar/working-days.ts';
import { DEFAULT_PROPOSAL_RESPONSE_DAYS, mayAnswer, readProposalAnswer, readProposalQuestion, responseDue, unitNamedIn, type ProposalAnswer } from '../../domain/accountability/proposals.ts';
import { answerNotice, parseProposalChoice, pendingReply, proposalNotice, raisedReply, type AnswerChoice } from '../../domain/accountability/proposal-reply.ts';
import { lookupUnit } from '../../domain/units/lookup.ts';
import { dayOf } from '../../domain/shared/day.ts';
import { fold } from '../../domain/shared/text.ts';
import { PrismaProposalStore } from '../../prisma/stores/proposal-store.ts';
import { line, say, t, type Reply } from '../../domain/chat/reply.ts';
import { formatDay as formatDayVi } from '../../domain/shared/day.ts';
import { checkSixClear, readSixClearRequest } from '../../domain/accountability/six-clear.ts';
import { sixClearReply, sixClearTarget } from '../../domain/accountability/six-clear-reply.ts';
import { canSee, visibleUnitIds } from '../../domain/people/scope.ts';
import type { PersonRef } from '../../domain/people/types.ts';
import type { Prisma } from '../../prisma/generated/client.ts';
import { PrismaSixClearStore } from '../../prisma/stores/accountability-store.ts';
import { PrismaTaskQueries } from '../../prisma/stores/task-queries.ts';

export interface AccountabilitySettings {
  /** PROPOSAL_RESPONSE_DAYS: working days the addressee has to answer a proposal. */
  responseDays: number;
}

/** PROPOSAL_RESPONSE_DAYS (default 10), a whole number of working days from 1 to 60. */
export function parseAccountabilitySettings(env: Record<string, string | undefined>): AccountabilitySettings {
  const raw = env.PROPOSAL_RESPONSE_DAYS?.trim();
  if (!raw) return { responseDays: DEFAULT_PROPOSAL_RESPONSE_DAYS };
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 60) throw new Error(`PROPOSAL_RESPONSE_DAYS must be a whole number of working days from 1 to 60, got "${raw}"`);
  return { responseDays: n };
}

export interface AccountabilityDeps {
  calendar: WorkingCalendar;
  settings: AccountabilitySettings;
}

const ANSWER_FLOW = 'proposal-answer';
/** "kn 12 đã tiếp thu", "/traloi 12 chuyển cho Sở Xây dựng", "kiến nghị số 12: không thể: …". */
const TYPED_ANSWER = /^(?:\/traloi(?:@\w+)?|kn|kien nghi|de xuat)\s*(?:so\s*)?#?(\d+)\s*[:.,-]?\s+(.+)$/s;

export class AccountabilityExtension implements Extension {
  readonly flows = [ANSWER_FLOW];
  private readonly sixClear: PrismaSixClearStore;
  private readonly proposals: PrismaProposalStore;

  constructor(
    private readonly tx: Prisma.TransactionClient,
    private readonly deps: AccountabilityDeps,
  ) {
    this.sixClear = new PrismaSixClearStore(tx);
    this.proposals = new PrismaProposalStore(tx);
  }

  async handle(input: ExtensionInput): Promise<ExtensionResult | null> {
    const { person, inbound, choiceId } = input;
    if (!person) return null;
    const chosen = choiceId ? parseProposalChoice(choiceId) : null;
    if (chosen) return this.chosen(chosen.kind, chosen.proposalId, input);
    if (choiceId || !inbound.text) return null;
    const six = readSixClearRequest(inbound.text);
    if (six) return { replies: [await this.sixClearCheck(person, six.rest)] };
    const text = inbound.text.trim();
    const typed = TYPED_ANSWER.exec(fold(text));
    if (typed) {
      // The answer keeps its diacritics: cut the same number of characters from the original (folding keeps lengths of letters).
      const rest = text.slice(text.length - typed[2]!.length);
      const answer = readProposalAnswer(rest);
      if ('problem' in answer) return { replies: [say('kn-problem', { problem: answer.problem })] };
      return { replies: [await this.apply(Number(typed[1]), answer, input)] };
    }
    const question = readProposalQuestion(text);
    if (question) return { replies: [await this.pendingList(person, question, input)] };
    return null;
  }

  async step(input: ExtensionInput & { flow: string; state: unknown }): Promise<ExtensionResult> {
    const state = input.state as { id: number; kind: AnswerChoice };
    const text = input.inbound.text?.trim();
    if (!text) return { replies: [say('kn-ask-text', { kind: state.kind, id: state.id })], flow: { name: ANSWER_FLOW, state } };
    const answer: ProposalAnswer = state.kind === 'res' ? { kind: 'RESOLVED', text } : state.kind === 'ref' ? { kind: 'REFUSED', text } : { kind: 'FORWARDED', to: text };
    return { replies: [await this.apply(state.id, answer, input)], flow: null };
  }

  // ── Proposals ───────────────────────────────────────────────────────────

  private async chosen(kind: AnswerChoice, id: number, input: ExtensionInput): Promise<ExtensionResult> {
    if (kind === 'ack') return { replies: [await this.apply(id, { kind: 'ACKNOWLEDGED', text: null }, input)] };
    const refused = await this.refusal(id, input.person!);
    if (refused) return { replies: [refused] };
    return { replies: [say('kn-ask-text', { kind, id })], flow: { name: ANSWER_FLOW, state: { id, kind } } };
  }

  /** Why this person cannot answer this proposal now, or null. */
  private async refusal(id: number, person: PersonRef): Promise<Reply | null> {
    const p = await this.proposals.find(id);
    if (!p) return say('kn-not-found', { id });
    if (!mayAnswer(person, p.addresseeUnitId)) return say('kn-not-yours', { id, addressee: p.addresseeName ?? 'office' });
    if (p.state === 'RESOLVED' || p.state === 'REFUSED') return say('kn-already', { id, state: p.state });
    return null;
  }

  private async apply(id: number, answer: ProposalAnswer, input: ExtensionInput): Promise<Reply> {
    const person = input.person!;
    const refused = await this.refusal(id, person);
    if (refused) return refused;
    const p = (await this.proposals.find(id))!;
    const channel = input.inbound.channel;
    const by = p.addresseeName ?? 'office';
    if (answer.kind === 'FORWARDED') {
      const units = await new PrismaTaskQueries(this.tx).units();
      let target = unitNamedIn(answer.to, units);
      if (target.kind === 'ask') {
        const found = lookupUnit(answer.to, units);
        if (found.kind === 'one') target = { kind: 'unit', unit: found.unit };
      }
      if (target.kind === 'ask') return say('kn-forward-unknown', { text: answer.to });
      const unitId = target.kind === 'unit' ? target.unit.id : null;
      if (unitId === p.addresseeUnitId) return say('kn-forward-same', { id, addressee: by });
      const dueOn = responseDue(input.today, this.deps.settings.responseDays, this.deps.calendar);
      await this.proposals.answer({ id, kind: 'FORWARDED', text: answer.to, personId: person.id, channel, now: input.now, forward: { unitId, dueOn } });
      const moved = (await this.proposals.find(id))!;
      const event = await this.eventCount(id);
      await this.proposals.notify(await this.proposals.answerers(unitId), `proposal:${id}:${event}:to`, proposalNotice(moved, by), input.now);
      await this.proposals.notify(await this.proposals.proposerSide(p), `proposal:${id}:${event}:back`, answerNotice(p, { kind: 'FORWARDED', text: null, by: person.fullName, to: moved.addresseeName ?? 'office' }), input.now);
      return say('kn-forwarded', { id, addressee: moved.addresseeName ?? 'office', due: formatDayVi(dueOn) });
    }
    await this.proposals.answer({ id, kind: answer.kind, text: answer.text, personId: person.id, channel, now: input.now });
    const event = await this.eventCount(id);
    await this.proposals.notify(await this.proposals.proposerSide(p), `proposal:${id}:${event}:back`, answerNotice(p, { kind: answer.kind, text: answer.text, by: person.fullName }), input.now);
    return say('kn-answered', { id, kind: answer.kind, unit: p.fromUnitName });
  }

  private async eventCount(id: number): Promise<number> {
    return this.tx.proposalEvent.count({ where: { proposalId: id } });
  }

  private async pendingList(person: PersonRef, q: { late: boolean; rest: string }, input: ExtensionInput): Promise<Reply> {
    const units = await new PrismaTaskQueries(this.tx).units();
    const visible = visibleUnitIds(person, units);
    if (visible && !visible.length) return say('six-not-allowed');
    const named = unitNamedIn(q.rest, units);
    let list = visible === null ? await this.proposals.pending() : await this.proposals.pending({ addresseeUnitIds: visible, fromUnitIds: visible });
    let scope = visible === null ? 'all' : (units.find((u) => u.id === person.unitId)?.name ?? 'all');
    if (named.kind === 'unit') {
      list = list.filter((p) => p.addresseeUnitId === named.unit.id);
      scope = named.unit.name;
    } else if (named.kind === 'city') {
      list = list.filter((p) => p.addresseeUnitId === null);
      scope = 'office';
    }
    return pendingReply(list, input.today, { scope, lateOnly: q.late });
  }

  private async sixClearCheck(person: PersonRef, rest: string): Promise<Reply> {
    const units = await new PrismaTaskQueries(this.tx).units();
    const visible = visibleUnitIds(person, units);
    if (visible && !visible.length) return { lines: [line(t('six-not-allowed'))] };
    const target = sixClearTarget(rest, await this.sixClear.plans(), units);
    const own = visible ? new Set(visible) : undefined;
    switch (target.kind) {
      case 'unknown':
        return { lines: [line(t('six-unknown', { text: target.text }))] };
      case 'many':
        return { lines: [line(t('six-which-unit', { text: rest, units: target.units.map((u) => u.name).join('; ') }))] };
      case 'unit': {
        if (!canSee(visible, target.unit.id)) return { lines: [line(t('six-out-of-scope', { unit: target.unit.name }))] };
        const report = checkSixClear(await this.sixClear.tasks({ unitIds: [target.unit.id] }), new Set([target.unit.id]));
        return sixClearReply(report, { scope: 'unit', name: target.unit.name });
      }
      case 'plan': {
        const report = checkSixClear(await this.sixClear.tasks({ planIds: [target.plan.id], ...(visible ? { unitIds: visible } : {}) }), own);
        return sixClearReply(report, { scope: 'plan', name: target.plan.code });
      }
      case 'all': {
        const report = checkSixClear(await this.sixClear.tasks(visible ? { unitIds: visible } : {}), own);
        if (!visible) return sixClearReply(report, { scope: 'city', name: '' });
        const name = units.find((u) => u.id === person.unitId)?.name ?? '';
        return sixClearReply(report, { scope: 'own', name });
      }
    }
  }
}

/**
 * After a message is handled, on its transaction: the proposals of the progress
 * updates it saved are tracked, addressed, and sent to who must answer; the
 * officer is told where each went (and that an unrecognised one went to the
 * standing office).
 */
export async function raiseProposals(tx: Prisma.TransactionClient, deps: AccountabilityDeps, inbound: Inbound, started: Date): Promise<Reply[]> {
  const personId = inbound.asPerson?.id ?? (await tx.chatIdentity.findUnique({ where: { channel_externalId: { channel: inbound.channel, externalId: inbound.user.externalId } }, select: { personId: true } }))?.personId;
  if (!personId) return [];
  const store = new PrismaProposalStore(tx);
  const units = await new PrismaTaskQueries(tx).units();
  const raised = await store.raiseFromUpdates({ since: new Date(started.getTime() - 1000), now: started, today: dayOf(started), responseDays: deps.settings.responseDays, calendar: deps.calendar, units, reporterId: personId });
  if (!raised.length) return [];
  for (const p of raised) await store.notify(await store.answerers(p.addresseeUnitId), `proposal:${p.id}:1:to`, proposalNotice(p), started);
  return [raisedReply(raised)];
}
