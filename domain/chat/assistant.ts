/**
 * The bot's answers to commands, the same on Telegram, Zalo and the console:
 * help, my tasks, one task (with history, or the roll-up of a collective
 * task), a unit's tasks grouped by status. Input is text or a chosen option;
 * output is channel-neutral replies.
 */
import { proposalHistoryLines } from '../accountability/proposal-reply.ts';
import { explanationHistoryLines } from '../accountability/explanations-reply.ts';
import type { ChatChannel, PersonRef } from '../people/types.ts';
import { canSee, visibleUnitIds } from '../people/scope.ts';
import type { Day } from '../shared/day.ts';
import { fold } from '../shared/text.ts';
import type { StatusOptions } from '../status/derive-status.ts';
import type { TaskQueries } from '../tasks/ports.ts';
import { byUrgency, isOpenFor, statusOf, type TaskRow } from '../tasks/types.ts';
import { openForPerson } from '../tasks/open-for-person.ts';
import { lookupUnit } from '../units/lookup.ts';
import type { UnitRef } from '../units/types.ts';
import { line, raw, say, t, type Choice, type Line, type Reply } from './reply.ts';
import { detailLines, historyLines, statusCounts, STATUS_ICON, taskLines } from './views.ts';

export interface ChatContext {
  person: PersonRef;
  today: Day;
  channel: ChatChannel;
  status: StatusOptions;
}

export interface AssistantDeps {
  queries: TaskQueries;
}

export type Incoming = { kind: 'text'; text: string } | { kind: 'choice'; id: string };

const PAGE = 8;
/** Typed words that ask for the next page of a list. */
/** The status groups of a unit's view, most urgent first. */
const GROUPS = ['OVERDUE', 'DUE_SOON', 'ON_TRACK', 'NOT_STARTED', 'DONE'] as const;
type GroupStatus = (typeof GROUPS)[number];
export const MORE_WORDS = ['xem them', 'them', 'tiep', 'tiep theo', 'xem tiep', 'more'];

type Command = { name: 'help' } | { name: 'mine' } | { name: 'task'; ref: string; kind: 'TASK' | 'INDICATOR' | null } | { name: 'unit'; query: string } | { name: 'unknown' };

/** The original text after its first `n` words (folding keeps words, so counts agree). */
function afterWords(text: string, n: number): string {
  return text.trim().split(/\s+/).slice(n).join(' ');
}

/** Commands and their everyday spellings, with or without diacritics. */
export function readCommand(text: string): Command {
  const f = fold(text);
  const cmd = /^\/([a-z_]+)(?:@\w+)?\s*(.*)$/.exec(f);
  const [name, rest] = cmd ? [cmd[1]!, text.replace(/^\/\S+\s*/, '').trim()] : ['', ''];
  if (['help', 'trogiup', 'huongdan', 'start'].includes(name) || /^(giup|tro giup|huong dan|help|menu|\?)$/.test(f)) return { name: 'help' };
  if (['viectoi', 'nhiemvucuatoi', 'mytasks'].includes(name) || /^(viec|nhiem vu|cong viec)( cua)? toi$|^my tasks$/.test(f)) return { name: 'mine' };
  if (['nv', 'nhiemvu', 'task'].includes(name)) return rest ? { name: 'task', ref: rest, kind: 'TASK' } : { name: 'mine' };
  if (['ct', 'chitieu'].includes(name) && rest) return { name: 'task', ref: rest, kind: 'INDICATOR' };
  const nv = /^(nv|nhiem vu|chi tieu|ct|task)\s*(?:so\s*)?#?([a-z]?(?:\.?[ivx]+)?(?:\.?[a-z]{1,2})?[\d.]*\d\.?)$/i.exec(f);
  if (nv) return { name: 'task', ref: afterWords(text, nv[1]!.split(' ').length).replace(/^(số|so)\s*/i, '') || nv[2]!, kind: nv[1] === 'chi tieu' || nv[1] === 'ct' ? 'INDICATOR' : nv[1] === 'nhiem vu' || nv[1] === 'nv' ? 'TASK' : null };
  if (['donvi', 'unit'].includes(name)) return { name: 'unit', query: rest };
  // "đơn vị Cát Hải" names a unit; "đơn vị nào chưa cập nhật…" is a question (domain/questions).
  const dv = /^(don vi)\s+(?!(nao|gi|chua|co|bao|da|dang|toi|minh)\b)([^?]+)$/.exec(f);
  if (dv) return { name: 'unit', query: afterWords(text, 2) };
  return { name: 'unknown' };
}

export class Assistant {
  constructor(private readonly deps: AssistantDeps) {}

  async handle(input: Incoming, ctx: ChatContext): Promise<Reply[]> {
    if (input.kind === 'choice') return this.choice(input.id, ctx);
    const cmd = readCommand(input.text);
    switch (cmd.name) {
      case 'help':
        return [this.help(ctx)];
      case 'mine':
        return [await this.mine(ctx)];
      case 'task':
        return this.task(cmd.ref, cmd.kind, ctx);
      case 'unit':
        return this.unit(cmd.query, ctx);
      default:
        return [{ lines: [line(t('chat-not-understood'))], choices: this.menu() }];
    }
  }

  menu(): Choice[] {
    return [
      { id: 'menu:mine', label: t('menu-mine'), words: ['viec cua toi', 'nhiem vu cua toi'] },
      { id: 'menu:unit', label: t('menu-unit'), words: ['don vi', 'don vi toi'] },
      { id: 'menu:help', label: t('menu-help'), words: ['huong dan', 'giup'] },
    ];
  }

  help(ctx: ChatContext): Reply {
    return { lines: [line(t('help-title', { name: ctx.person.fullName }), { strong: true }), line(t('help-body', { channel: ctx.channel }))], choices: this.menu() };
  }

  private async choice(id: string, ctx: ChatContext): Promise<Reply[]> {
    const [kind, value] = id.split(':');
    if (kind === 'menu' && value === 'mine') return [await this.mine(ctx, Number(id.split(':')[2] ?? 0) || 0)];
    if (kind === 'menu' && value === 'unit') return this.unit('', ctx);
    if (kind === 'menu' && value === 'help') return [this.help(ctx)];
    if (kind === 'nv' && value) return this.taskById(Number(value), ctx, Number(id.split(':')[2] ?? 0) || 0);
    if (kind === 'dv' && value) {
      // dv:<unit>:<status>:<offset> pages one status group of a unit ("Xem thêm" under the unit's view).
      const [, , status, offset] = id.split(':');
      if (status && (GROUPS as readonly string[]).includes(status)) return [await this.unitGroup(Number(value), status as GroupStatus, Number(offset) || 0, ctx)];
      return this.unitById(Number(value), ctx);
    }
    return [say('chat-old-choice')];
  }

  private async visible(ctx: ChatContext): Promise<{ units: UnitRef[]; visible: number[] | null }> {
    const units = await this.deps.queries.units();
    return { units, visible: visibleUnitIds(ctx.person, units) };
  }

  /** The person's open tasks, most urgent first, a page at a time ("Xem thêm" for the next). */
  async mine(ctx: ChatContext, offset = 0): Promise<Reply> {
    // The same definition and count as the report's "which task?" (domain/tasks/open-for-person.ts).
    const { all: rows, open, whose } = await openForPerson(this.deps.queries, ctx.person, ctx.today, ctx.status);
    const done = rows.length - open.length;
    if (!rows.length) return say('mine-none');
    const page = open.slice(offset, offset + PAGE);
    const lines: Line[] = [line(t(offset ? 'mine-title-page' : 'mine-title', { open: open.length, done, total: rows.length, from: offset + 1, to: offset + page.length, whose }), { strong: true })];
    for (const r of page) lines.push(...taskLines(r, ctx.today, { ...ctx.status, showUnit: false }));
    const rest = open.length - offset - page.length;
    if (rest > 0) lines.push(line(t('list-more', { count: rest })));
    // A button per task opens the report on it (the same choice as a reminder's "report now").
    const choices: Choice[] = page.map((r) => ({ id: `rm:report:${r.taskId}`, label: t('reminder-report-task', { number: r.number }), words: [`bao cao ${fold(r.number)}`] }));
    if (rest > 0) choices.push({ id: `menu:mine:${offset + PAGE}`, label: t('answer-more'), words: MORE_WORDS });
    return { lines, choices };
  }

  private async task(ref: string, kind: 'TASK' | 'INDICATOR' | null, ctx: ChatContext): Promise<Reply[]> {
    const { visible } = await this.visible(ctx);
    // every plan's task of that number: several are asked about, never picked silently
    const found = await this.deps.queries.findByNumber(ref, visible);
    // "nhiệm vụ II.6" means the task, "chỉ tiêu 1.3" the indicator, when both kinds carry the number.
    const ofKind = kind ? found.filter((r) => r.kind === kind) : [];
    const rows = ofKind.length ? ofKind : found;
    const taskIds = [...new Set(rows.map((r) => r.taskId))];
    if (!taskIds.length) return [say('task-not-found', { ref })];
    if (taskIds.length > 1) {
      const first = taskIds.map((id) => rows.find((r) => r.taskId === id)!);
      return [
        {
          lines: [line(t('task-which', { ref, count: taskIds.length })), ...first.slice(0, PAGE).map((r) => line(t('task-option', { number: r.number, plan: r.planCode, unit: r.unitName, units: rows.filter((x) => x.taskId === r.taskId).length, title: r.title.slice(0, 60) }), { indent: true }))],
          choices: first.slice(0, PAGE).map((r) => ({ id: `nv:${r.taskId}`, label: t('choice-task-plan', { number: r.number, plan: r.planCode }) })),
        },
      ];
    }
    return this.taskById(taskIds[0]!, ctx);
  }

  /** `offset`: for a task shared by many units, where the list of units that reported starts ("Xem thêm"). */
  private async taskById(taskId: number, ctx: ChatContext, offset = 0): Promise<Reply[]> {
    const { visible } = await this.visible(ctx);
    const all = await this.deps.queries.assignments({ taskIds: [taskId] });
    const rows = all.filter((r) => canSee(visible, r.unitId));
    if (!rows.length) return [say(all.length ? 'task-out-of-scope' : 'task-not-found', { ref: String(taskId) })];
    const mineFirst = rows.find((r) => r.unitId === ctx.person.unitId) ?? rows[0]!;
    if (rows.length === 1) {
      const history = await this.deps.queries.history(mineFirst.assignmentId, 6);
      const lines = [...detailLines(mineFirst, ctx.today, ctx.status)];
      if (history.length) lines.push(line(t('history-title', { count: history.length }), { strong: true }), ...historyLines(history));
      else lines.push(line(t('history-none')));
      lines.push(...proposalHistoryLines((await this.deps.queries.proposalHistory?.(taskId, mineFirst.unitId)) ?? []));
      lines.push(...explanationHistoryLines((await this.deps.queries.explanationHistory?.(taskId, mineFirst.unitId)) ?? []));
      return [{ lines }];
    }
    return [this.rollUp(mineFirst, all, rows, ctx, offset)];
  }

  /** A task shared by many units: "5/55 đơn vị đã hoàn thành", then units not done, most urgent first. */
  private rollUp(head: TaskRow, all: TaskRow[], visibleRows: TaskRow[], ctx: ChatContext, offset = 0): Reply {
    const counts = statusCounts(all, ctx.today, ctx.status);
    const reported = all.filter((r) => r.lastReportedOn).length;
    const lines: Line[] = [
      line(t('detail-head', { icon: '📋', number: head.number, plan: head.planCode, kind: head.kind }), { strong: true }),
      line(raw(head.title)),
      line(t('detail-deadline', { text: head.deadlineText ?? '—' })),
      line(t('rollup-summary', { done: counts.DONE!, total: all.length, overdue: counts.OVERDUE!, reported, lead: head.leadUnitText ?? '' }), { strong: true }),
    ];
    const order = byUrgency(ctx.today, ctx.status);
    const statusOfRow = (r: TaskRow) => statusOf(r, ctx.today, ctx.status);
    // Units that reported are listed one by one; the silent ones in one line each for overdue / not overdue.
    const reportedOpen = visibleRows.filter((r) => r.lastReportedOn && statusOfRow(r).status !== 'DONE').sort(order);
    const silent = visibleRows.filter((r) => !r.lastReportedOn && statusOfRow(r).status !== 'DONE');
    const done = visibleRows.filter((r) => statusOfRow(r).status === 'DONE');
    const page = reportedOpen.slice(offset, offset + PAGE);
    if (offset) lines.push(line(t('rollup-page', { from: offset + 1, to: offset + page.length, count: reportedOpen.length })));
    for (const r of page) {
      const s = statusOfRow(r);
      lines.push(line(t('rollup-unit', { icon: STATUS_ICON[s.status], unit: r.unitName, status: s.status, value: r.percent ?? r.actualValue ?? 'none', reported: 'yes' }), { indent: true }));
    }
    const rest = reportedOpen.length - offset - page.length;
    if (rest > 0) lines.push(line(t('list-more', { count: rest }), { indent: true }));
    const more: Choice[] = rest > 0 ? [{ id: `nv:${head.taskId}:${offset + PAGE}`, label: t('answer-more'), words: MORE_WORDS }] : [];
    const names = (rs: TaskRow[]) => ({ count: rs.length, units: rs.slice(0, 6).map((r) => r.unitName).join(', '), more: Math.max(0, rs.length - 6) });
    const silentOverdue = silent.filter((r) => statusOfRow(r).status === 'OVERDUE');
    const silentOther = silent.filter((r) => statusOfRow(r).status !== 'OVERDUE');
    if (silentOverdue.length) lines.push(line(t('rollup-silent', { overdue: 'yes', ...names(silentOverdue) }), { indent: true }));
    if (silentOther.length) lines.push(line(t('rollup-silent', { overdue: 'no', ...names(silentOther) }), { indent: true }));
    if (done.length) lines.push(line(t('rollup-done', names(done)), { indent: true }));
    return { lines, ...(more.length ? { choices: more } : {}) };
  }

  private async unit(query: string, ctx: ChatContext): Promise<Reply[]> {
    const { units, visible } = await this.visible(ctx);
    if (!query.trim()) {
      if (ctx.person.unitId === null) return [say('unit-which')];
      return this.unitById(ctx.person.unitId, ctx);
    }
    const found = lookupUnit(query, units);
    if (found.kind === 'none') return [say('unit-not-found', { query })];
    if (found.kind === 'many') {
      return [{ lines: [line(t('unit-which-of', { query }))], choices: found.units.map((u) => ({ id: `dv:${u.id}`, label: raw(u.name) })) }];
    }
    if (!canSee(visible, found.unit.id)) return [say('unit-out-of-scope', { unit: found.unit.name })];
    return this.unitById(found.unit.id, ctx);
  }

  private async unitById(unitId: number, ctx: ChatContext): Promise<Reply[]> {
    const { units, visible } = await this.visible(ctx);
    const unit = units.find((u) => u.id === unitId);
    if (!unit) return [say('unit-not-found', { query: String(unitId) })];
    if (!canSee(visible, unitId)) return [say('unit-out-of-scope', { unit: unit.name })];
    const rows = await this.deps.queries.assignments({ unitIds: [unitId] });
    if (!rows.length) return [say('unit-no-tasks', { unit: unit.name })];
    const counts = statusCounts(rows, ctx.today, ctx.status);
    const lines: Line[] = [
      line(t('unit-title', { unit: unit.name, total: rows.length, done: counts.DONE!, overdue: counts.OVERDUE!, dueSoon: counts.DUE_SOON!, onTrack: counts.ON_TRACK!, notStarted: counts.NOT_STARTED! }), { strong: true }),
    ];
    const order = byUrgency(ctx.today, ctx.status);
    // A group cut short offers its next page; typed "xem thêm" continues the most urgent one.
    const choices: Choice[] = [];
    for (const status of GROUPS) {
      const group = rows.filter((r) => statusOf(r, ctx.today, ctx.status).status === status).sort(order);
      if (!group.length) continue;
      lines.push(line(t('unit-group', { status, count: group.length }), { strong: true }));
      const limit = status === 'DONE' ? 3 : PAGE;
      for (const r of group.slice(0, limit)) lines.push(...taskLines(r, ctx.today, { ...ctx.status, showUnit: false, titleLength: 70 }));
      if (group.length > limit) {
        lines.push(line(t('list-more', { count: group.length - limit }), { indent: true }));
        choices.push({ id: `dv:${unitId}:${status}:${limit}`, label: t('unit-more', { status, count: group.length - limit }), ...(choices.length ? {} : { words: MORE_WORDS }) });
      }
    }
    return [{ lines, ...(choices.length ? { choices } : {}) }];
  }

  /** One status group of a unit, a page at a time. */
  private async unitGroup(unitId: number, status: GroupStatus, offset: number, ctx: ChatContext): Promise<Reply> {
    const { units, visible } = await this.visible(ctx);
    const unit = units.find((u) => u.id === unitId);
    if (!unit) return say('unit-not-found', { query: String(unitId) });
    if (!canSee(visible, unitId)) return say('unit-out-of-scope', { unit: unit.name });
    const group = (await this.deps.queries.assignments({ unitIds: [unitId] })).filter((r) => statusOf(r, ctx.today, ctx.status).status === status).sort(byUrgency(ctx.today, ctx.status));
    const page = group.slice(offset, offset + PAGE);
    if (!page.length) return say('answer-no-more');
    const lines: Line[] = [line(t('unit-group-page', { unit: unit.name, status, from: offset + 1, to: offset + page.length, count: group.length }), { strong: true })];
    for (const r of page) lines.push(...taskLines(r, ctx.today, { ...ctx.status, showUnit: false, titleLength: 70 }));
    const rest = group.length - offset - page.length;
    if (rest <= 0) return { lines };
    lines.push(line(t('list-more', { count: rest })));
    return { lines, choices: [{ id: `dv:${unitId}:${status}:${offset + PAGE}`, label: t('answer-more'), words: MORE_WORDS }] };
  }
}
