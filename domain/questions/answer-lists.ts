/**
 * Answers that list or count tasks: "nhiệm vụ nào quá hạn ở Cát Hải?",
 * "có bao nhiêu nhiệm vụ quá hạn", "vướng mắc của đặc khu Cát Hải". Totals
 * first ("Đặc khu Cát Hải: 8 nhiệm vụ quá hạn / 70"), then the items most
 * urgent first, one page at a time.
 *
 * Filters, counts and the order run in the data store (SQL on PostgreSQL);
 * what SQL cannot read — a topic in free words, "việc của tôi" — is filtered
 * here over the rows the store narrowed down.
 */
import { line, t, type Line } from '../chat/reply.ts';
import { taskLines } from '../chat/views.ts';
import { shorten } from '../shared/text.ts';
import type { TaskRow } from '../tasks/types.ts';
import { groupByTask, inRange, matchesFilter, rowStatus, sortByUrgency, topicMatcher, wholeTasksDone } from './answer-filter.ts';
import { coLed, roleFilter } from './answer-roles.ts';
import { parseDeadline } from '../deadlines/parse-deadline.ts';
import { citesDocument } from '../text/documents.ts';
import {
  answer,
  baseFilter,
  itemArg,
  moreLines,
  pastEnd,
  scopeArgs,
  statusArgs,
  statusFilter,
  taskItem,
  titleTopicTasks,
  unitName,
  windowArgs,
  withTasks,
  type Answer,
  type ScopedRun,
} from './answer-common.ts';
import type { ItemFilter, TaskGroup } from './ports.ts';
import { mayRequest, mayRequestAny } from '../accountability/explanations.ts';
import { requestChoice } from '../accountability/explanations-reply.ts';
import type { Choice } from '../chat/reply.ts';

/** How many units a count names ("nhiều nhất: …"). */
const TOP_UNITS = 5;

interface Selection {
  /** The page of rows to show, most urgent first. */
  rows: TaskRow[];
  /** The page of tasks to show, each once (`rows` is then empty). */
  groups: TaskGroup[];
  /** Rows matching everything the question asks. */
  matched: number;
  /** Rows matching the question without its statuses and time: the "/ N" of the totals. */
  total: number;
  /** Matching rows per unit, most first. */
  byUnit: { unitId: number; count: number }[];
  /** Distinct tasks among the matching rows, and among the rows of `total`. */
  tasks: number;
  taskTotal: number;
}

/** "đã hoàn thành" alone: a task counts done only when all its shares asked about are. */
const onlyDone = (statuses: ItemFilter['statuses']) => !!statuses?.length && statuses.every((s) => s === 'DONE');

const distinctTasks = (rows: TaskRow[]) => new Set(rows.map((r) => r.taskId)).size;

/**
 * The rows a question selects. `narrow` is a filter only TypeScript can apply
 * (topic words, the asker's own tasks); without it everything runs in the store.
 */
async function select(run: ScopedRun, filter: ItemFilter, base: ItemFilter, narrow: Narrow | null, shown: 'none' | 'rows' | 'tasks'): Promise<Selection> {
  const withRows = shown === 'rows';
  const byTask = shown === 'tasks';
  const { data, asOf, page, scope } = run;
  // a topic on the titles alone, when the store indexes titles: the topic's tasks by id, in the filters;
  // when the topic was all the narrowing, everything runs in the store
  const topicTasks = narrow?.titleTopic ? await titleTopicTasks(run) : null;
  if (topicTasks) {
    base = withTasks(base, topicTasks);
    filter = withTasks(filter, topicTasks);
    if (narrow!.topicOnly) narrow = null;
  }
  if (scope.me || narrow) {
    const pool = scope.me ? await data.responsibleFor(run.ctx.person) : await data.assignments(base, asOf);
    const keep = (r: TaskRow) => matchesFilter(r, base, asOf) && (!narrow || narrow.keep(r));
    let all = pool.filter(keep);
    if (run.interp.role === 'CO_LEAD') all = coLed(all, run.interp.unitIds);
    const matching = all.filter((r) => matchesFilter(r, filter, asOf) && (!narrow || narrow.hit(r)));
    const hits = filter.wholeTasksDone ? wholeTasksDone(matching, all, asOf) : matching;
    const counts = new Map<number, number>();
    for (const r of hits) counts.set(r.unitId, (counts.get(r.unitId) ?? 0) + 1);
    return {
      rows: withRows ? sortByUrgency(hits, asOf).slice(page.offset, page.offset + page.size) : [],
      groups: byTask ? groupByTask(hits, asOf).slice(page.offset, page.offset + page.size) : [],
      matched: hits.length,
      total: all.length,
      byUnit: sortCounts([...counts].map(([unitId, count]) => ({ unitId, count }))),
      tasks: distinctTasks(hits),
      taskTotal: distinctTasks(all),
    };
  }
  if (data.selection) {
    const s = await data.selection(filter, base, asOf, page, shown);
    return { rows: s.rows, groups: s.groups, matched: s.matched, total: s.total, byUnit: sortCounts(s.byUnit), tasks: s.tasks, taskTotal: s.taskTotal };
  }
  const [rows, groups, byUnit, totals, tasks, taskTotal] = await Promise.all([
    withRows ? data.page(filter, asOf, page) : Promise.resolve([]),
    byTask ? data.pageTasks(filter, asOf, page) : Promise.resolve([]),
    data.countByUnit(filter, asOf),
    data.countByUnit(base, asOf),
    data.countTasks(filter, asOf),
    data.countTasks(base, asOf),
  ]);
  const sum = (list: { count: number }[]) => list.reduce((n, c) => n + c.count, 0);
  return { rows, groups, matched: sum(byUnit), total: sum(totals), byUnit: sortCounts(byUnit), tasks, taskTotal };
}

function sortCounts(list: { unitId: number; count: number }[]): { unitId: number; count: number }[] {
  return list.sort((a, b) => b.count - a.count || a.unitId - b.unitId);
}

/** What only TypeScript can filter on: `keep` narrows the rows counted ("/ N"), `hit` only the matches among them. */
interface Narrow {
  keep: (r: TaskRow) => boolean;
  hit: (r: TaskRow) => boolean;
  /** The topic is matched on the task's title alone (its tasks can be found by id first). */
  titleTopic: boolean;
  /** …and nothing else narrows: the topic's tasks by id say all of it. */
  topicOnly: boolean;
}

/** What only TypeScript can filter on: topic words, days overdue ("chậm hơn 90 ngày"). */
function topicNarrow(run: ScopedRun, fields: (r: TaskRow) => (string | null)[], titleOnly = false): Narrow | null {
  const m = topicMatcher(run.interp.topic);
  const minDays = run.interp.minDaysOverdue;
  const role = roleFilter(run.interp, run.units, run.ctx.person.unitId);
  const w = run.interp.windowOn === 'EXPECTED' ? run.interp.window : null;
  const expected = w ? (r: TaskRow) => inRange(parseDeadline(r.expectedCompletionText).due, w) : null;
  const doc = run.interp.document;
  const cites = doc ? (r: TaskRow) => [r.outputDocument, r.actualText, r.title, r.difficulties, r.proposals, r.expectedCompletionText].some((x) => citesDocument(x, doc)) : null;
  if (!m && minDays === null && !role && !expected && !cites) return null;
  // days overdue narrow the matches, not the "/ N" they are counted against
  return {
    keep: (r) => (!m || m(...fields(r))) && (!role || role(r)) && (!expected || expected(r)) && (!cites || cites(r)),
    hit: (r) => minDays === null || rowStatus(r, run.asOf).daysOverdue > minDays,
    titleTopic: titleOnly && m !== null,
    topicOnly: titleOnly && m !== null && minDays === null && !role && !expected && !cites,
  };
}

/**
 * What a count counts (DOMAIN.md "Counting"): tasks, once each however many
 * units share them; unit shares only when the question is about units ("bao
 * nhiêu đơn vị đã xong nhiệm vụ 1", "mỗi xã còn mấy việc").
 */
export function counted(run: ScopedRun): 'TASKS' | 'UNIT_SHARES' {
  return run.interp.countUnits ? 'UNIT_SHARES' : 'TASKS';
}

/** The leading number of a selection and its "/ N", in what the question counts. */
function headCounts(run: ScopedRun, sel: Selection): { matched: number; total: number; shares: number; sharesTotal: number } {
  const tasks = counted(run) === 'TASKS';
  return { matched: tasks ? sel.tasks : sel.matched, total: tasks ? sel.taskTotal : sel.total, shares: sel.matched, sharesTotal: sel.total };
}

/** "Đặc khu Cát Hải: 8 nhiệm vụ quá hạn / 70" (or "… không có nhiệm vụ quá hạn"); tasks shared by units add "(149 lượt đơn vị)". */
function totalsLine(run: ScopedRun, matched: number, total: number, key = 'answer-list-total', shares = matched): Line {
  const { interp } = run;
  const sf = statusFilter(interp, run.asOf.today);
  return line(
    t(matched === 0 ? 'answer-list-empty' : key, {
      shares: counted(run) === 'TASKS' && shares !== matched ? shares : 'none',
      ...scopeArgs(run),
      ...statusArgs(sf.shown),
      ...windowArgs(sf.windowUse, interp.window),
      // "5 đơn vị (nhiệm vụ 1) đã hoàn thành / 48": a count of one task's units
      item: counted(run) === 'UNIT_SHARES' && interp.taskRef ? 'UNIT' : itemArg(interp),
      unitsOf: counted(run) === 'UNIT_SHARES' && interp.taskRef ? interp.taskRef : 'none',
      count: matched,
      total,
      ofTotal: total > 0 && (interp.statuses.length > 0 || interp.window !== null || interp.minDaysOverdue !== null) ? 'yes' : 'no',
      topic: interp.topic ?? 'none',
    }),
    { strong: true },
  );
}

interface Note {
  of: (r: TaskRow) => string | null;
  key: string;
}

/**
 * Two or three lines per row (views.ts `taskLines`). Consecutive rows of one
 * task shared by several units ("xã nào chưa xây dựng kế hoạch 2026?") show
 * the task once, then one line per unit.
 */
export function itemLines(run: ScopedRun, rows: TaskRow[], note?: Note): Line[] {
  const out: Line[] = [];
  const options = { dueSoonDays: run.asOf.dueSoonDays, showUnit: true, titleLength: 80 };
  for (let i = 0; i < rows.length; ) {
    let j = i + 1;
    while (j < rows.length && rows[j]!.taskId === rows[i]!.taskId) j++;
    const [head, meta, due] = taskLines(rows[i]!, run.asOf.today, options) as [Line, Line, Line];
    out.push(head);
    for (let k = i; k < j; k++) {
      out.push(k === i ? meta : taskLines(rows[k]!, run.asOf.today, options)[1]!);
      const text = note?.of(rows[k]!);
      if (note && text) out.push(line(t(note.key, { text: shorten(text, 220) }), { indent: true }));
    }
    out.push(due);
    i = j;
  }
  return out;
}

/** A task once: its head and due lines from its most urgent share; the unit on the middle line when one share matches, else how many and in which states. */
function groupLines(run: ScopedRun, groups: TaskGroup[]): Line[] {
  const options = { dueSoonDays: run.asOf.dueSoonDays, showUnit: true, titleLength: 80 };
  return groups.flatMap((g) => {
    const [head, meta, due] = taskLines(g.row, run.asOf.today, options) as [Line, Line, Line];
    if (g.units === 1) return [head, meta, due];
    return [head, line(t('answer-task-units', { units: g.units, ...g.byStatus }), { indent: true }), due];
  });
}

export async function answerList(run: ScopedRun): Promise<Answer> {
  const sf = statusFilter(run.interp, run.asOf.today);
  const base = baseFilter(run);
  // tasks once each (a programme task of 48 communes is one item, with its units' statuses); units' shares when the question is about units
  const byTask = counted(run) === 'TASKS';
  const filter: ItemFilter = { ...base, statuses: sf.statuses, dueWindow: sf.dueWindow, doneWindow: sf.doneWindow, wholeTasksDone: byTask && onlyDone(sf.statuses) };
  const sel = await select(run, filter, base, topicNarrow(run, (r) => [r.title], true), byTask ? 'tasks' : 'rows');
  const head = headCounts(run, sel);
  const shown = byTask ? sel.groups.length : sel.rows.length;
  const more = moreLines(run, shown, head.matched);
  const body = byTask ? groupLines(run, sel.groups) : itemLines(run, sel.rows);
  const lines: Line[] = [totalsLine(run, head.matched, head.total, undefined, head.shares), ...pastEnd(run, head.matched), ...body, ...more.lines];
  const choices = explanationOffers(run, sel);
  return answer(run, 'ANSWERED', { lines, ...(choices.length ? { choices } : {}) }, {
    scope: run.scope,
    hasMore: more.hasMore,
    items: byTask ? sel.groups.map((g) => ({ ...taskItem(g.row, run.asOf), units: g.units })) : sel.rows.map((r) => taskItem(r, run.asOf)),
    totals: { ...head, shown, offset: run.page.offset },
    counted: counted(run),
  });
}

/**
 * Under an answer about overdue work, "Yêu cầu giải trình" for each overdue item
 * shown that the asker may ask about (explanations.ts `mayRequest`: city leaders
 * and the standing office any unit, a unit leader the units under theirs): one
 * unit's share names the unit; a task several units share names how many are
 * late, and the unit is asked next. Nobody else sees them.
 */
function explanationOffers(run: ScopedRun, sel: Selection): Choice[] {
  const { interp, ctx, units, asOf } = run;
  if (!interp.statuses.includes('OVERDUE') && interp.minDaysOverdue === null) return [];
  if (!mayRequestAny(ctx.person, units)) return [];
  const late = (r: TaskRow) => rowStatus(r, asOf).status === 'OVERDUE';
  const one = (r: TaskRow) => requestChoice({ taskId: r.taskId, unitId: r.unitId, number: r.number, planCode: r.planCode, unitName: r.unitName, lateUnits: 1 });
  if (sel.groups.length) {
    return sel.groups.flatMap((g) => {
      if (g.units === 1) return late(g.row) && mayRequest(ctx.person, g.row.unitId, units).ok ? [one(g.row)] : [];
      return g.byStatus.OVERDUE > 0 ? [requestChoice({ taskId: g.row.taskId, unitId: null, number: g.row.number, planCode: g.row.planCode, unitName: null, lateUnits: g.byStatus.OVERDUE })] : [];
    });
  }
  return sel.rows.filter((r) => late(r) && mayRequest(ctx.person, r.unitId, units).ok).map(one);
}

export async function answerCount(run: ScopedRun, taskIds: number[] | null): Promise<Answer> {
  const { interp, data, asOf } = run;
  const sf = statusFilter(interp, asOf.today);
  const base: ItemFilter = { ...baseFilter(run), taskIds };
  const narrow = topicNarrow(run, (r) => [r.title], true);
  const lines: Line[] = [];
  const totals: Record<string, number> = {};
  let byUnit: { unitId: number; count: number }[] = [];

  if (interp.statuses.length === 0 && !interp.window && !narrow && !run.scope.me) {
    // "có bao nhiêu nhiệm vụ": everything, broken down by status, in one aggregate
    const [c, tasks] = await Promise.all([data.statusTotals(base, asOf), data.countTasks(base, asOf)]);
    const n = counted(run) === 'TASKS' ? tasks : c.total;
    lines.push(totalsLine(run, n, n, undefined, c.total), line(t('answer-breakdown', breakdownArgs(c))));
    Object.assign(totals, { matched: n, total: n, shares: c.total, sharesTotal: c.total, done: c.done, inTime: c.onTrack + c.dueSoon, overdue: c.overdue, notStarted: c.notStarted, dueSoon: c.dueSoon });
  } else {
    const filter: ItemFilter = { ...base, statuses: sf.statuses, dueWindow: sf.dueWindow, doneWindow: sf.doneWindow, wholeTasksDone: counted(run) === 'TASKS' && onlyDone(sf.statuses) };
    const sel = await select(run, filter, base, narrow, 'none');
    const head = headCounts(run, sel);
    lines.push(totalsLine(run, head.matched, head.total, undefined, head.shares));
    Object.assign(totals, head);
    byUnit = sel.byUnit;
    if ((run.scope.unitIds === null || run.scope.unitIds.length > 1) && byUnit.length > 1) {
      lines.push(line(t('answer-count-top')));
      for (const u of byUnit.slice(0, TOP_UNITS)) lines.push(line(t('answer-unit-count', { unit: unitName(run, u.unitId), count: u.count }), { indent: true }));
      if (byUnit.length > TOP_UNITS) lines.push(line(t('answer-more-units', { count: byUnit.length - TOP_UNITS }), { indent: true }));
    }
  }
  return answer(run, 'ANSWERED', { lines }, {
    scope: run.scope,
    items: byUnit.map((u) => ({ type: 'unit' as const, unitId: u.unitId, unit: unitName(run, u.unitId), matched: u.count, total: 0, done: 0, overdue: 0, dueSoon: 0, notStarted: 0, onTrack: 0, open: 0, updatedThisMonth: 0, updatedShare: null, doneRate: null })),
    totals,
    counted: counted(run),
  });
}

export function breakdownArgs(c: { total: number; done: number; onTrack: number; dueSoon: number; overdue: number; notStarted: number }) {
  return { total: c.total, done: c.done, inTime: c.onTrack + c.dueSoon, overdue: c.overdue, notStarted: c.notStarted };
}

const DIFFICULTY: Note = { of: (r) => r.difficulties, key: 'answer-difficulty' };
const PROPOSAL: Note = { of: (r) => r.proposals, key: 'answer-proposal' };

/** "vướng mắc của Cát Hải", "kiến nghị về kinh phí": the latest difficulties or proposals, most urgent task first. */
export async function answerNotes(run: ScopedRun, which: 'DIFFICULTIES' | 'PROPOSALS', taskIds: number[] | null): Promise<Answer> {
  const { interp, asOf } = run;
  const sf = statusFilter({ ...interp, window: null }, asOf.today);
  const base: ItemFilter = { ...baseFilter(run), taskIds };
  const statuses = sf.statuses.filter((s) => s !== 'HAS_DIFFICULTIES');
  const filter: ItemFilter = {
    ...base,
    statuses: which === 'DIFFICULTIES' ? [...statuses, 'HAS_DIFFICULTIES'] : statuses,
    hasProposals: which === 'PROPOSALS',
    reportedWindow: interp.window ? { from: interp.window.from, to: interp.window.to } : null,
  };
  const note = which === 'DIFFICULTIES' ? DIFFICULTY : PROPOSAL;
  const narrow = topicNarrow(run, (r) => [note.of(r), r.title]);
  const sel = await select(run, filter, base, narrow, 'rows');
  const more = moreLines(run, sel.rows.length, sel.matched);
  const head = line(
    t(sel.matched === 0 ? 'answer-notes-empty' : 'answer-notes-total', {
      ...scopeArgs(run),
      which,
      ref: interp.taskRef ?? 'none',
      item: itemArg(interp),
      count: sel.matched,
      total: sel.total,
      topic: interp.topic ?? 'none',
      ...windowArgs(interp.window ? 'reported' : 'none', interp.window),
    }),
    { strong: true },
  );
  return answer(run, 'ANSWERED', { lines: [head, ...pastEnd(run, sel.matched), ...itemLines(run, sel.rows, note), ...more.lines] }, {
    scope: run.scope,
    hasMore: more.hasMore,
    items: sel.rows.map((r) => taskItem(r, asOf, true)),
    totals: { matched: sel.matched, total: sel.total, shown: sel.rows.length, offset: run.page.offset },
  });
}
