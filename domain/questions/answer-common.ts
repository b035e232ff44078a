/**
 * What every kind of answer shares: the run of one question (interpretation,
 * asker, day, data, scope), the filters a reading turns into, message
 * arguments, and the machine-readable items of `--json`.
 */
import type { Choice, Line, Reply } from '../chat/reply.ts';
import { line, t } from '../chat/reply.ts';
import type { PersonRef } from '../people/types.ts';
import { compareDays, daysBetween, formatDay, type Day } from '../shared/day.ts';
import type { StatusOptions } from '../status/derive-status.ts';
import type { TaskRow } from '../tasks/types.ts';
import type { UnitRef } from '../units/types.ts';
import { rowStatus } from './answer-filter.ts';
import type { Scope } from './answer-scope.ts';
import type { AsOf, DayRange, ItemFilter, QuestionData, UnitCounts } from './ports.ts';
import type { Interpretation, PlanRef, StatusFilter, TimeWindow } from './types.ts';

export interface AnswerContext {
  person: PersonRef;
  today: Day;
  status: StatusOptions;
}

export interface AnswerPage {
  offset: number;
  size: number;
}

export const DEFAULT_PAGE: AnswerPage = { offset: 0, size: 8 };

/** How the question ended: answered, or why not. */
export type AnswerOutcome =
  | 'ANSWERED'
  | 'REFUSED'
  | 'ASK_UNIT'
  | 'UNKNOWN_UNIT'
  | 'ASK_TASK'
  | 'NOT_FOUND'
  | 'NOT_UNDERSTOOD'
  | 'HELP'
  | 'REPORT'
  | 'NOT_A_QUESTION';

/** A task or indicator as `--json` lists it (one unit's share of it). */
export interface TaskItem {
  type: 'task';
  plan: string;
  number: string;
  kind: 'TASK' | 'INDICATOR';
  title: string;
  /** The unit this row is about (for a collective task, one of its units). */
  unit: string;
  /** The lead unit as the plan names it. */
  leadUnit: string;
  deadline: Day | null;
  deadlineText: string | null;
  status: string;
  daysOverdue: number;
  percent: number | null;
  actualValue: number | null;
  lastUpdate: Day | null;
  daysSinceUpdate: number | null;
  difficulties?: string | null;
  proposals?: string | null;
}

/** A unit as rankings, staleness lists and counts list it. */
export interface UnitItem extends Omit<UnitCounts, 'unitId'> {
  type: 'unit';
  unitId: number;
  unit: string;
  /** Share of open assignments updated in the period (0–100, one decimal). */
  updatedShare: number | null;
  /** Share of assignments done (0–100, one decimal). */
  doneRate: number | null;
  /** How many assignments match the question (counts by unit). */
  matched?: number;
}

export type AnswerItem = TaskItem | UnitItem;

export interface AnswerJson extends Interpretation {
  outcome: AnswerOutcome;
  /** The units named by the question. */
  units: { id: number; name: string }[];
  plan: string | null;
  /** The units actually answered about (null: every unit), after scope rules. */
  scope: { unitIds: number[] | null; label: string } | null;
  page: AnswerPage;
  items: AnswerItem[];
  totals: Record<string, number | string | boolean | null>;
  /** What `totals.matched` counts: tasks once each, or units' shares of them; null when the answer counts nothing. */
  counted: 'TASKS' | 'UNIT_SHARES' | null;
}

export interface Answer {
  reply: Reply;
  json: AnswerJson;
  /** More items remain after this page ("xem thêm"). */
  hasMore: boolean;
  /** The offset of the next page when there is one (a ranking's pages are its own length). */
  nextOffset: number | null;
}

/** One question being answered. */
export interface Run {
  interp: Interpretation;
  ctx: AnswerContext;
  data: QuestionData;
  page: AnswerPage;
  asOf: AsOf;
  units: UnitRef[];
  plans: PlanRef[];
}

export interface ScopedRun extends Run {
  scope: Scope;
}

export const MORE_CHOICE: Choice = { id: 'q:more', label: t('answer-more'), words: ['xem thêm', 'xem them', 'thêm', 'them', 'tiếp', 'tiep'] };

export function unitName(run: Run, id: number): string {
  return run.units.find((u) => u.id === id)?.name ?? `#${id}`;
}

/** The scope for scripts: "all", "me", "kinds:COMMUNE", or the units' names. */
export function scopeLabelText(scope: Scope): string {
  if (scope.label.scope === 'all' || scope.label.scope === 'me') return scope.label.scope;
  if (scope.label.scope === 'kinds') return `kinds:${scope.label.kinds}`;
  return scope.label.name;
}

export function answer(run: Run, outcome: AnswerOutcome, given: Reply, extra: Partial<Pick<AnswerJson, 'items' | 'totals' | 'counted'>> & { scope?: Scope | null; hasMore?: boolean; pageSize?: number } = {}): Answer {
  const { interp } = run;
  const hasMore = extra.hasMore ?? false;
  let reply = given;
  // words that were not used are said, under the first line, so the answer is never silently about less than was asked
  if (interp.ignored.length > 0 && outcome === 'ANSWERED' && reply.lines.length > 0) {
    const note = line(t('answer-ignored', { words: interp.ignored.map((w) => `“${w}”`).join(', ') }));
    reply = { ...reply, lines: [reply.lines[0]!, note, ...reply.lines.slice(1)] };
  }
  const choices = [...(reply.choices ?? [])];
  if (hasMore) choices.push(MORE_CHOICE);
  return {
    reply: choices.length ? { ...reply, choices } : reply,
    hasMore,
    nextOffset: hasMore ? run.page.offset + (extra.pageSize ?? run.page.size) : null,
    json: {
      ...interp,
      outcome,
      units: interp.unitIds.map((id) => ({ id, name: unitName(run, id) })),
      plan: interp.planId !== null ? (run.plans.find((p) => p.id === interp.planId)?.code ?? null) : null,
      scope: extra.scope ? { unitIds: extra.scope.unitIds, label: scopeLabelText(extra.scope) } : null,
      page: run.page,
      items: extra.items ?? [],
      totals: extra.totals ?? {},
      counted: extra.counted ?? null,
    },
  };
}

// ── filters ─────────────────────────────────────────────────────────────────

/** What the question selects before any status or time: units, plan, indicators. */
export function baseFilter(run: ScopedRun): ItemFilter {
  const { interp } = run;
  const indicators = interp.itemKind === 'INDICATOR' || interp.statuses.includes('MET') || interp.statuses.includes('NOT_MET');
  // "nhiệm vụ …" counts tasks apart from indicators (DOMAIN.md "Counting"); a question naming neither covers both
  return {
    unitIds: run.scope.unitIds,
    planId: interp.planId,
    kind: indicators ? 'INDICATOR' : interp.itemKind === 'TASK' && !interp.topic ? 'TASK' : null,
    section: interp.section,
    deadlineKinds: interp.continuous ? ['CONTINUOUS'] : null,
  };
}

/**
 * A topic on the tasks' titles as the ids of the tasks it selects (exactly
 * `topicMatcher` on the title), when the store indexes titles: rows are then
 * read for those tasks only, not for the whole scope. Null: no topic to
 * match, or no index.
 */
export async function titleTopicTasks(run: ScopedRun): Promise<number[] | null> {
  if (!run.interp.topic || !run.data.titleIndex) return null;
  return (await run.data.titleIndex()).tasks(run.interp.topic);
}

/** The filter narrowed to these tasks as well (null: unchanged). */
export function withTasks(filter: ItemFilter, ids: number[] | null): ItemFilter {
  if (ids === null) return filter;
  if (!filter.taskIds) return { ...filter, taskIds: ids };
  const keep = new Set(ids);
  return { ...filter, taskIds: filter.taskIds.filter((id) => keep.has(id)) };
}

export type WindowUse = 'none' | 'due' | 'done' | 'reported' | 'expected';

/**
 * Statuses and time of a question as a filter. A time window is a deadline
 * window ("quá hạn tháng 10", "sắp đến hạn trong 2 tuần": due in it, and open
 * for "sắp đến hạn"), except for done work, which it dates ("hoàn thành quý
 * III"). "Quá hạn" with a window wholly ahead ("hết hạn trước 31/12") can
 * only mean work falling due in it, still open.
 */
export interface StatusSelection {
  statuses: StatusFilter[];
  dueWindow: DayRange | null;
  doneWindow: DayRange | null;
  windowUse: WindowUse;
  /** The statuses as the answer words them ("hết hạn trước 31/12": due soon, not overdue). */
  shown: StatusFilter[];
}

export function statusFilter(interp: Interpretation, today: Day): StatusSelection {
  let statuses = [...interp.statuses];
  const shown = [...interp.statuses];
  const w = interp.window;
  if (!w) return { statuses, dueWindow: null, doneWindow: null, windowUse: 'none', shown };
  const range = { from: w.from, to: w.to };
  const open = (list: StatusFilter[], drop: StatusFilter) => {
    const out = list.filter((s) => s !== drop);
    if (!out.includes('OPEN')) out.push('OPEN');
    return out;
  };
  if (statuses.includes('DUE_SOON')) statuses = open(statuses, 'DUE_SOON');
  if (statuses.includes('OVERDUE') && compareDays(w.from, today) >= 0) {
    statuses = open(statuses, 'OVERDUE');
    shown.splice(shown.indexOf('OVERDUE'), 1, ...(shown.includes('DUE_SOON') ? [] : (['DUE_SOON'] as StatusFilter[])));
  }
  // "dự kiến hoàn thành năm 2027": the window dates what units expect, filtered over their reports (see answer-lists)
  if (interp.windowOn === 'EXPECTED') return { statuses: statuses.filter((s) => s !== 'DONE'), dueWindow: null, doneWindow: null, windowUse: 'expected', shown: shown.filter((s) => s !== 'DONE') };
  if (statuses.includes('DONE')) return { statuses, dueWindow: null, doneWindow: range, windowUse: 'done', shown };
  return { statuses, dueWindow: range, doneWindow: null, windowUse: 'due', shown };
}

// ── message arguments ───────────────────────────────────────────────────────

/**
 * The arguments of the shared message parts (`answer-scope`, `answer-item-word`,
 * `answer-status-word…`, `answer-topic-phrase`, `answer-window-phrase`), with
 * their "nothing" values: every message that references a part gets them all.
 */
export function scopeArgs(run: ScopedRun): Record<string, string> {
  const { scope } = run;
  return {
    scope: scope.label.scope,
    name: scope.label.name,
    kinds: scope.label.kinds,
    plan: run.interp.planId !== null ? (run.plans.find((p) => p.id === run.interp.planId)?.code ?? 'none') : 'none',
    item: 'TASK',
    status: 'none',
    status2: 'none',
    topic: 'none',
    section: run.interp.section ?? 'none',
    document: run.interp.document ?? 'none',
    continuous: run.interp.continuous ? 'yes' : 'no',
    window: 'none',
    from: '',
    to: '',
    ofTotal: 'no',
  };
}

export function statusArgs(statuses: StatusFilter[]): { status: string; status2: string } {
  return { status: statuses[0] ?? 'none', status2: statuses[1] ?? 'none' };
}

export function itemArg(interp: Interpretation): string {
  return interp.itemKind === 'INDICATOR' || interp.statuses.includes('MET') || interp.statuses.includes('NOT_MET') ? 'INDICATOR' : 'TASK';
}

export function windowArgs(use: WindowUse, w: TimeWindow | DayRange | null): { window: string; from: string; to: string } {
  if (!w || use === 'none') return { window: 'none', from: '', to: '' };
  return { window: use, from: formatDay(w.from), to: formatDay(w.to) };
}

/** A share in percent with one decimal (0 when there is nothing to share). */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}

// ── items ───────────────────────────────────────────────────────────────────

export function taskItem(row: TaskRow, asOf: AsOf, withNotes = false): TaskItem {
  const s = rowStatus(row, asOf);
  return {
    type: 'task',
    plan: row.planCode,
    number: row.number,
    kind: row.kind,
    title: row.title,
    unit: row.unitName,
    leadUnit: row.leadUnitText ?? row.unitName,
    deadline: s.due,
    deadlineText: row.deadlineText,
    status: s.status,
    daysOverdue: s.daysOverdue,
    percent: row.percent,
    actualValue: row.actualValue,
    lastUpdate: row.lastReportedOn,
    daysSinceUpdate: row.lastReportedOn ? daysBetween(row.lastReportedOn, asOf.today) : null,
    ...(withNotes ? { difficulties: row.difficulties, proposals: row.proposals } : {}),
  };
}

export function unitItem(run: Run, c: UnitCounts, updated = c.updatedThisMonth, open = c.open): UnitItem {
  return {
    type: 'unit',
    ...c,
    open,
    updatedThisMonth: updated,
    unit: unitName(run, c.unitId),
    updatedShare: open > 0 ? percent(updated, open) : null,
    doneRate: c.total > 0 ? percent(c.done, c.total) : null,
  };
}

/** "… và N mục khác" and the paging flag for a page of `shown` items out of `total`. */
export function moreLines(run: Run, shown: number, total: number): { lines: Line[]; hasMore: boolean } {
  const rest = total - run.page.offset - shown;
  if (rest <= 0) return { lines: [], hasMore: false };
  return { lines: [line(t('answer-more-count', { count: rest }))], hasMore: true };
}

/** The line a page starting past the end gets. */
export function pastEnd(run: Run, total: number): Line[] {
  return run.page.offset > 0 && run.page.offset >= total ? [line(t('answer-no-more'))] : [];
}
