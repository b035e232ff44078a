/**
 * Explanation requests (issue 15, item 1) as an engine extension built per
 * message on the chat's transaction:
 * - `/giaitrinh <nhiệm vụ> [đơn vị] [hạn] [lý do: …]`: a city leader, the
 *   standing office (or a unit leader, for the units under theirs) asks a unit
 *   to explain a task; a task of several units asks which one (a flow);
 * - the unit's leaders and the task's officers get it (a Delivery row) with
 *   the answer choice; choosing it opens a flow whose next message (text or a
 *   file) is the answer; "gt 5 <nội dung>" answers in one line;
 * - `/giaitrinh` alone, "những đơn vị nào chưa giải trình": the open requests.
 * Reminders and escalations are the daily job's (bot/delivery/explanation-jobs.ts).
 */
import type { Extension, ExtensionInput, ExtensionResult } from '../../domain/chat/engine.ts';
import type { WorkingCalendar } from '../../domain/calendar/working-days.ts';
import {
  DEFAULT_EXPLANATION_DAYS, mayAnswerExplanation, mayRequest, mayRequestAny, readDueAndReason, readExplanationCommand, readExplanationQuestion, readTypedExplanation, resolveDue,
  type ExplanationCommand,
} from '../../domain/accountability/explanations.ts';
import {
  CONFIRM_DROP, CONFIRM_SEND, explanationAnswerNotice, parseExplanationChoice, parseRequestChoice, pendingExplanations, requestConfirmation, requestNotice,
} from '../../domain/accountability/explanations-reply.ts';
import { line, say, t, type Reply } from '../../domain/chat/reply.ts';
import { visibleUnitIds } from '../../domain/people/scope.ts';
import type { PersonRef } from '../../domain/people/types.ts';
import { formatDay, type Day } from '../../domain/shared/day.ts';
import type { StatusOptions } from '../../domain/status/derive-status.ts';
import { statusOf, type TaskRow } from '../../domain/tasks/types.ts';
import { lookupUnit } from '../../domain/units/lookup.ts';
import type { UnitRef } from '../../domain/units/types.ts';
import type { Prisma } from '../../prisma/generated/client.ts';
import { PrismaExplanationStore } from '../../prisma/stores/explanation-store.ts';
import { PrismaTaskQueries } from '../../prisma/stores/task-queries.ts';

export interface ExplanationDeps {
  calendar: WorkingCalendar;
  status: StatusOptions;
}

const ANSWER_FLOW = 'explanation-answer';
const UNIT_FLOW = 'explanation-unit';
const CONFIRM_FLOW = 'explanation-confirm';
/** Units offered when a shared task's unit is not named. */
const UNITS_OFFERED = 8;

/** A shared task's unit being chosen: every unit this person may ask (the latest few are offered as choices; any may be typed). */
type UnitState = { taskId: number; dueOn: Day; reason: string | null; unitIds: number[] };
/** A request chosen from an overdue item of an answer, shown before it is sent; `days` null when a date was typed. */
type ConfirmState = { taskId: number; unitId: number; dueOn: Day; days: number | null; reason: string | null };

export class ExplanationExtension implements Extension {
  readonly flows = [ANSWER_FLOW, UNIT_FLOW, CONFIRM_FLOW];
  private readonly store: PrismaExplanationStore;
  private readonly queries: PrismaTaskQueries;

  constructor(
    private readonly tx: Prisma.TransactionClient,
    private readonly deps: ExplanationDeps,
  ) {
    this.store = new PrismaExplanationStore(tx);
    this.queries = new PrismaTaskQueries(tx);
  }

  async handle(input: ExtensionInput): Promise<ExtensionResult | null> {
    const { person, inbound, choiceId } = input;
    if (!person) return null;
    const chosen = choiceId ? parseExplanationChoice(choiceId) : null;
    if (chosen !== null) return this.startAnswer(chosen, person);
    const offer = choiceId ? parseRequestChoice(choiceId) : null;
    if (offer) return this.fromAnswer(person, offer, input);
    if (choiceId || !inbound.text) return null;
    const text = inbound.text.trim();
    const command = readExplanationCommand(text);
    if (command?.kind === 'list') return { replies: [await this.pendingList(person, false, input.today)] };
    if (command?.kind === 'usage') return { replies: [say('gt-usage')] };
    if (command) return this.request(person, command, input);
    const typed = readTypedExplanation(text);
    if (typed) {
      if (!typed.text) return this.startAnswer(typed.id, person);
      return { replies: [await this.apply(typed.id, person, { text: typed.text, file: null }, input)] };
    }
    const question = readExplanationQuestion(text);
    if (question) return { replies: [await this.pendingList(person, question.lateOnly, input.today)] };
    return null;
  }

  async step(input: ExtensionInput & { flow: string; state: unknown }): Promise<ExtensionResult> {
    const person = input.person!;
    const text = input.inbound.text?.trim() ?? '';
    if (input.flow === UNIT_FLOW) return this.unitChosen(person, input.state as UnitState, input);
    if (input.flow === CONFIRM_FLOW) return this.confirmed(person, input.state as ConfirmState, input);
    const { id } = input.state as { id: number };
    // A command typed meanwhile leaves the answer unwritten: nothing is recorded from it.
    if (!input.inbound.file && /^\/\w+/.test(text)) return { replies: [say('gt-answer-dropped', { id })], flow: null };
    const file = input.inbound.file ? { id: input.inbound.file.fileId, name: input.inbound.file.fileName ?? (input.inbound.file.kind === 'photo' ? 'ảnh' : 'tệp') } : null;
    if (!text && !file) return { replies: [say('gt-ask-answer', { id })], flow: { name: ANSWER_FLOW, state: { id } } };
    return { replies: [await this.apply(id, person, { text: text || null, file }, input)], flow: null };
  }

  // ── Requesting ─────────────────────────────────────────────────────────

  private async request(person: PersonRef, c: ExplanationCommand, input: ExtensionInput): Promise<ExtensionResult> {
    const units = await this.queries.units();
    if (!mayRequestAny(person, units)) return { replies: [say('gt-not-allowed')] };
    let rows = await this.queries.findByRef(c.ref, null);
    if (!rows.length) rows = await this.queries.findByNumber(c.ref, null);
    if (!rows.length) return { replies: [say('gt-task-not-found', { ref: c.ref })] };
    let taskIds = [...new Set(rows.map((r) => r.taskId))];
    if (taskIds.length > 1 && c.unitText) {
      // "II.6 Cát Hải": the unit named tells which of the tasks numbered so.
      const named = lookupUnit(c.unitText, units);
      const ofUnit = named.kind === 'one' ? rows.filter((r) => r.unitId === named.unit.id) : [];
      if (new Set(ofUnit.map((r) => r.taskId)).size === 1) {
        rows = rows.filter((r) => r.taskId === ofUnit[0]!.taskId);
        taskIds = [ofUnit[0]!.taskId];
      }
    }
    if (taskIds.length > 1) {
      const seen = taskIds.map((id) => rows.find((r) => r.taskId === id)!).slice(0, 6);
      return { replies: [say('gt-task-many', { ref: c.ref, tasks: seen.map((r) => `${r.number} (${r.planCode})`).join('; ') })] };
    }
    const due = resolveDue(c.due, input.today, this.deps.calendar);
    if (!due.ok) return { replies: [say('gt-due-problem', { problem: due.problem })] };
    if (c.unitText) {
      const assigned = units.filter((u) => rows.some((r) => r.unitId === u.id));
      const found = lookupUnit(c.unitText, assigned);
      if (found.kind === 'many') return { replies: [say('gt-unit-many', { text: c.unitText, units: found.units.map((u) => u.name).join('; ') })] };
      if (found.kind === 'none') {
        const anywhere = lookupUnit(c.unitText, units);
        if (anywhere.kind === 'one') return { replies: [say('gt-unit-not-assigned', { unit: anywhere.unit.name, number: rows[0]!.number })] };
        return { replies: [say('gt-unit-unknown', { text: c.unitText })] };
      }
      return { replies: [await this.create(person, rows.find((r) => r.unitId === found.unit.id)!, due.dueOn, c.reason, units, input)] };
    }
    if (rows.length === 1) return { replies: [await this.create(person, rows[0]!, due.dueOn, c.reason, units, input)] };
    return this.offerUnits(person, rows, due.dueOn, c.reason, units, input);
  }

  /** A task of several units: which one? The late ones (longest first) that this person may ask. */
  private offerUnits(person: PersonRef, rows: TaskRow[], dueOn: Day, reason: string | null, units: UnitRef[], input: ExtensionInput): ExtensionResult {
    const taskIds = [...new Set(rows.map((r) => r.taskId))];
    const allowed = rows.filter((r) => mayRequest(person, r.unitId, units).ok && statusOf(r, input.today, this.deps.status).status !== 'DONE');
    if (!allowed.length) return { replies: [say('gt-no-unit-to-ask', { number: rows[0]!.number })] };
    const ranked = [...allowed].sort((a, b) => statusOf(b, input.today, this.deps.status).daysOverdue - statusOf(a, input.today, this.deps.status).daysOverdue).slice(0, UNITS_OFFERED);
    const state: UnitState = { taskId: taskIds[0]!, dueOn, reason, unitIds: allowed.map((r) => r.unitId) };
    return {
      replies: [{
        lines: [line(t('gt-which-unit', { number: rows[0]!.number, plan: rows[0]!.planCode, count: rows.length, shown: ranked.length }))],
        choices: ranked.map((r) => ({ id: `gt:u:${r.unitId}`, label: t('gt-unit-choice', { unit: r.unitName, late: statusOf(r, input.today, this.deps.status).daysOverdue, percent: r.percent ?? 'none' }) })),
      }],
      flow: { name: UNIT_FLOW, state },
    };
  }

  /**
   * "Yêu cầu giải trình" chosen under an overdue item of an answer (the engine bound the
   * press or the number to the live prompt): one unit's share is shown for confirmation
   * with the default deadline; a shared task asks which unit first, as `/giaitrinh <task>`.
   */
  private async fromAnswer(person: PersonRef, offer: { taskId: number; unitId: number | null }, input: ExtensionInput): Promise<ExtensionResult> {
    const units = await this.queries.units();
    if (!mayRequestAny(person, units)) return { replies: [say('gt-not-allowed')] };
    const rows = await this.queries.assignments({ taskIds: [offer.taskId], ...(offer.unitId !== null ? { unitIds: [offer.unitId] } : {}) });
    if (!rows.length) return { replies: [say('chat-old-choice')] };
    const dueOn = this.deps.calendar.addWorkingDays(input.today, DEFAULT_EXPLANATION_DAYS);
    if (offer.unitId === null) return this.offerUnits(person, rows, dueOn, null, units, input);
    return this.confirm(person, rows[0]!, { taskId: offer.taskId, unitId: offer.unitId, dueOn, days: DEFAULT_EXPLANATION_DAYS, reason: null }, units, input);
  }

  /** The confirmation, or why nothing can be asked (no right, done, already asked). */
  private async confirm(person: PersonRef, row: TaskRow, state: ConfirmState, units: UnitRef[], input: ExtensionInput): Promise<ExtensionResult> {
    const refused = await this.cannotAsk(person, row, units, input.today);
    if (refused) return { replies: [refused], flow: null };
    const status = statusOf(row, input.today, this.deps.status);
    return {
      replies: [requestConfirmation({ unitName: row.unitName, number: row.number, planCode: row.planCode, daysLate: status.daysOverdue, dueOn: state.dueOn, days: state.days, reason: state.reason })],
      flow: { name: CONFIRM_FLOW, state },
    };
  }

  private async confirmed(person: PersonRef, state: ConfirmState, input: ExtensionInput): Promise<ExtensionResult> {
    const units = await this.queries.units();
    const [row] = await this.queries.assignments({ unitIds: [state.unitId], taskIds: [state.taskId] });
    if (!row) return { replies: [say('chat-old-choice')], flow: null };
    if (input.choiceId === CONFIRM_SEND) return { replies: [await this.create(person, row, state.dueOn, state.reason, units, input)], flow: null };
    if (input.choiceId === CONFIRM_DROP) return { replies: [say('gt-confirm-dropped')], flow: null };
    const text = input.inbound.text?.trim() ?? '';
    if (!input.choiceId && text && !text.startsWith('/')) {
      // "hạn 15/12", "10 ngày", "lý do: …": the confirmation again with them.
      const typed = readDueAndReason(text, true);
      if ((typed.due || typed.reason) && !typed.rest) {
        const due = typed.due ? resolveDue(typed.due, input.today, this.deps.calendar) : { ok: true as const, dueOn: state.dueOn };
        if (!due.ok) return { replies: [say('gt-due-problem', { problem: due.problem })], flow: { name: CONFIRM_FLOW, state } };
        const days = typed.due ? (typed.due.kind === 'days' ? typed.due.days : null) : state.days;
        return this.confirm(person, row, { ...state, dueOn: due.dueOn, days, reason: typed.reason ?? state.reason }, units, input);
      }
    }
    // Another command or question meanwhile: nothing is sent, the message is read afresh.
    if (!input.choiceId && text) {
      const fresh = await this.handle({ ...input, choiceId: null });
      if (fresh) return { ...fresh, flow: fresh.flow ?? null };
      if (text.startsWith('/')) return { replies: [say('gt-confirm-dropped')], flow: null };
    }
    return { replies: [say('gt-confirm-again')], flow: { name: CONFIRM_FLOW, state } };
  }

  private async unitChosen(person: PersonRef, state: UnitState, input: ExtensionInput): Promise<ExtensionResult> {
    const units = await this.queries.units();
    const offered = units.filter((u) => state.unitIds.includes(u.id));
    let unit: UnitRef | undefined;
    const m = input.choiceId ? /^gt:u:(\d+)$/.exec(input.choiceId) : null;
    if (m) unit = offered.find((u) => u.id === Number(m[1]));
    else if (input.inbound.text?.trim()) {
      const found = lookupUnit(input.inbound.text, offered);
      if (found.kind === 'one') unit = found.unit;
    }
    if (!unit) {
      // Another command or question meanwhile: the choice is dropped and the message read afresh (ours), or said to be typed again.
      const text = input.inbound.text?.trim() ?? '';
      if (!input.choiceId && text) {
        const fresh = await this.handle({ ...input, choiceId: null });
        if (fresh) return { ...fresh, flow: fresh.flow ?? null };
        if (text.startsWith('/')) return { replies: [say('gt-unit-dropped')], flow: null };
      }
      return { replies: [say('gt-which-unit-again')], flow: { name: UNIT_FLOW, state } };
    }
    const [row] = (await this.queries.assignments({ unitIds: [unit.id], taskIds: [state.taskId] })).filter((r) => r.taskId === state.taskId);
    if (!row) return { replies: [say('gt-unit-not-assigned', { unit: unit.name, number: '' })], flow: null };
    return { replies: [await this.create(person, row, state.dueOn, state.reason, units, input)], flow: null };
  }

  /** Why this person cannot ask this unit about this task now, or null. */
  private async cannotAsk(person: PersonRef, row: TaskRow, units: UnitRef[], today: Day): Promise<Reply | null> {
    const allowed = mayRequest(person, row.unitId, units);
    if (!allowed.ok) return say(allowed.why === 'out-of-scope' ? 'gt-out-of-scope' : 'gt-not-allowed', { unit: row.unitName });
    if (statusOf(row, today, this.deps.status).status === 'DONE') return say('gt-task-done', { number: row.number, unit: row.unitName });
    const open = await this.store.openFor(row.taskId, row.unitId);
    if (open) return say('gt-already-open', { id: open.id, unit: row.unitName, number: row.number, due: formatDay(open.dueOn) });
    return null;
  }

  private async create(person: PersonRef, row: TaskRow, dueOn: Day, reason: string | null, units: UnitRef[], input: ExtensionInput): Promise<Reply> {
    const refused = await this.cannotAsk(person, row, units, input.today);
    if (refused) return refused;
    const status = statusOf(row, input.today, this.deps.status);
    const id = await this.store.create({ taskId: row.taskId, unitId: row.unitId, requesterId: person.id, reason, dueOn, channel: input.inbound.channel, now: input.now });
    const view = (await this.store.find(id))!;
    const recipients = await this.store.recipients(row.taskId, row.unitId);
    const facts = { daysLate: status.daysOverdue, deadline: status.due, lastReportedOn: row.lastReportedOn, percent: row.percent, state: row.state };
    const reached = await this.store.notify(recipients, `explanation:${id}:requested`, requestNotice(view, facts), input.now);
    return say('gt-created', { id, unit: row.unitName, number: row.number, plan: row.planCode, due: formatDay(dueOn), count: reached, late: status.daysOverdue });
  }

  // ── Answering ──────────────────────────────────────────────────────────

  private async startAnswer(id: number, person: PersonRef): Promise<ExtensionResult> {
    const refused = await this.refusal(id, person);
    if (refused) return { replies: [refused] };
    return { replies: [say('gt-ask-answer', { id })], flow: { name: ANSWER_FLOW, state: { id } } };
  }

  private async refusal(id: number, person: PersonRef): Promise<Reply | null> {
    const v = await this.store.find(id);
    if (!v) return say('gt-not-found', { id });
    if (!mayAnswerExplanation(person, v.unitId)) return say('gt-not-yours', { id, unit: v.unitName });
    return null;
  }

  private async apply(id: number, person: PersonRef, a: { text: string | null; file: { id: string; name: string } | null }, input: ExtensionInput): Promise<Reply> {
    const refused = await this.refusal(id, person);
    if (refused) return refused;
    const v = (await this.store.find(id))!;
    const event = await this.store.answer({ id, personId: person.id, channel: input.inbound.channel, text: a.text, file: a.file, now: input.now });
    await this.store.notify([v.requesterId], `explanation:${id}:answer:${event}`, explanationAnswerNotice(v, { by: person.fullName, text: a.text, fileName: a.file?.name ?? null }), input.now);
    return say('gt-answered', { id, requester: v.requesterName, again: v.state === 'ANSWERED' ? 'yes' : 'no' });
  }

  // ── Listing ────────────────────────────────────────────────────────────

  private async pendingList(person: PersonRef, lateOnly: boolean, today: Day): Promise<Reply> {
    const units = await this.queries.units();
    const visible = visibleUnitIds(person, units);
    if (visible && !visible.length) return say('gt-list-not-allowed');
    const list = await this.store.open({ unitIds: visible, requesterId: person.id });
    const scope = visible === null ? 'all' : (units.find((u) => u.id === person.unitId)?.name ?? 'all');
    return pendingExplanations(list, today, { scope, lateOnly });
  }
}
