/**
 * Answers about units and aggregates: progress ("tiến độ Sở Nội vụ" reads like
 * the city's reports: "được giao 40 nhiệm vụ, đã hoàn thành 12, đang triển
 * khai 25 trong hạn, 3 quá hạn"), rates, the monthly 90% update rule
 * ("đơn vị nào chưa cập nhật tháng này") and rankings of units.
 *
 * City-wide figures come from the store's status counts per unit (one SQL
 * aggregate); a single unit, the asker's own tasks or a topic are counted
 * here over their rows, which also gives the per-plan lines and the items.
 */
import { line, t, type Line } from '../chat/reply.ts';
import { dayParts, endOfMonth, formatDay, makeDay, type Day } from '../shared/day.ts';
import type { TaskRow } from '../tasks/types.ts';
import { countRows, emptyCounts, matchesFilter, rowStatus, sortByUrgency, sumCounts, topicMatcher } from './answer-filter.ts';
import {
  answer,
  baseFilter,
  itemArg,
  moreLines,
  pastEnd,
  percent,
  scopeArgs,
  statusArgs,
  statusFilter,
  taskItem,
  titleTopicTasks,
  unitItem,
  unitName,
  windowArgs,
  withTasks,
  type Answer,
  type ScopedRun,
  type UnitItem,
} from './answer-common.ts';
import { breakdownArgs, itemLines } from './answer-lists.ts';
import type { DayRange, ItemFilter, UnitCounts, UnitUpdates } from './ports.ts';
import type { Rank } from './types.ts';

/** The share of open tasks to update every month (programme 2026, seed 001). */
export const UPDATE_RULE = 0.9;
/** How many units a progress answer names as most overdue. */
const TOP_OVERDUE = 5;

export function thisMonthRange(today: Day): DayRange {
  const { year, month } = dayParts(today);
  return { from: makeDay(year, month, 1), to: endOfMonth(year, month) };
}

function isThisMonth(range: DayRange, today: Day): boolean {
  const m = thisMonthRange(today);
  return range.from === m.from && range.to === m.to;
}

function monthLabel(today: Day): string {
  const { year, month } = dayParts(today);
  return `${month}/${year}`;
}

const viName = new Intl.Collator('vi').compare;

/** Units in scope with open work, and how much of it was updated in `range`. */
async function updatesByUnit(run: ScopedRun, base: ItemFilter, range: DayRange): Promise<UnitUpdates[]> {
  const list = isThisMonth(range, run.asOf.today)
    ? await run.data.monthlyUpdates(base, run.asOf)
    : await run.data.updatesIn(base, range);
  return list.filter((u) => u.open > 0);
}

function scopeNarrow(run: ScopedRun): ((r: TaskRow) => boolean) | null {
  const m = topicMatcher(run.interp.topic);
  return m ? (r) => m(r.title) : null;
}

// ── progress ────────────────────────────────────────────────────────────────

export async function answerProgress(run: ScopedRun): Promise<Answer> {
  const { interp, data, asOf, scope } = run;
  const sf = statusFilter(interp, asOf.today);
  const base = baseFilter(run);
  const filter: ItemFilter = { ...base, statuses: sf.statuses, dueWindow: sf.dueWindow, doneWindow: sf.doneWindow };
  const narrow = scopeNarrow(run);
  const detailed = scope.me || narrow !== null || scope.single !== null || sf.statuses.length > 0;
  const args = { ...scopeArgs(run), ...windowArgs(sf.windowUse, interp.window), ...statusArgs(sf.shown), item: itemArg(interp) };
  const lines: Line[] = [];

  if (!detailed) {
    // the city's figures in one aggregate; the most overdue units from the overdue counts per unit
    const [c, overdueByUnit] = await Promise.all([data.statusTotals(filter, asOf), data.countByUnit({ ...filter, statuses: ['OVERDUE'] }, asOf)]);
    lines.push(line(t(c.total ? 'answer-progress-total' : 'answer-progress-empty', { ...args, ...breakdownArgs(c) }), { strong: true }));
    const multiple = scope.unitIds === null || scope.unitIds.length > 1;
    const top = multiple ? [...overdueByUnit].sort((a, b) => b.count - a.count || viName(unitName(run, a.unitId), unitName(run, b.unitId))).slice(0, TOP_OVERDUE) : [];
    const totals = top.length ? new Map((await data.countByUnit({ ...filter, unitIds: top.map((u) => u.unitId) }, asOf)).map((u) => [u.unitId, u.count])) : new Map<number, number>();
    if (top.length > 0) {
      lines.push(line(t('answer-progress-top')));
      for (const u of top) lines.push(line(t('answer-unit-overdue', { unit: unitName(run, u.unitId), overdue: u.count, total: totals.get(u.unitId) ?? 0 }), { indent: true }));
    }
    if (c.open > 0) lines.push(updatedLine(c, asOf.today));
    return answer(run, 'ANSWERED', { lines }, {
      scope,
      items: top.map((u) => ({ type: 'unit' as const, ...emptyCounts(u.unitId), unit: unitName(run, u.unitId), matched: u.count, overdue: u.count, total: totals.get(u.unitId) ?? 0, updatedShare: null, doneRate: null })),
      totals: { ...breakdownArgs(c), open: c.open, updatedThisMonth: c.updatedThisMonth, updatedShare: percent(c.updatedThisMonth, c.open), unitsOverdue: overdueByUnit.length },
    });
  }

  const pool = scope.me ? await data.responsibleFor(run.ctx.person) : await data.assignments(narrow ? withTasks(filter, await titleTopicTasks(run)) : filter, asOf);
  const rows = pool.filter((r) => matchesFilter(r, filter, asOf) && (!narrow || narrow(r)));
  const c = sumCounts(countRows(rows, asOf));
  lines.push(line(t(c.total ? 'answer-progress-total' : 'answer-progress-empty', { ...args, ...breakdownArgs(c) }), { strong: true }));
  const plans = [...new Set(rows.map((r) => r.planCode))].sort((a, b) => a.localeCompare(b));
  if (plans.length > 1) {
    for (const plan of plans) {
      const pc = sumCounts(countRows(rows.filter((r) => r.planCode === plan), asOf));
      lines.push(line(t('answer-progress-plan', { plan, ...breakdownArgs(pc) }), { indent: true }));
    }
  }
  if (c.open > 0) lines.push(updatedLine(c, asOf.today));
  const open = sortByUrgency(rows.filter((r) => rowStatus(r, asOf).status !== 'DONE'), asOf);
  const shown = open.slice(run.page.offset, run.page.offset + run.page.size);
  const more = moreLines(run, shown.length, open.length);
  if (shown.length > 0) lines.push(line(t('answer-progress-items', { count: open.length }), { strong: true }), ...itemLines(run, shown), ...more.lines);
  else lines.push(...pastEnd(run, open.length));
  return answer(run, 'ANSWERED', { lines }, {
    scope,
    hasMore: more.hasMore,
    items: shown.map((r) => taskItem(r, asOf)),
    totals: { ...breakdownArgs(c), open: c.open, updatedThisMonth: c.updatedThisMonth, updatedShare: percent(c.updatedThisMonth, c.open), plans: plans.length, shown: shown.length, offset: run.page.offset },
  });
}

function updatedLine(c: UnitCounts, today: Day): Line {
  const share = percent(c.updatedThisMonth, c.open);
  return line(t('answer-updated-share', { month: monthLabel(today), updated: c.updatedThisMonth, open: c.open, pct: share, ok: share >= UPDATE_RULE * 100 ? 'yes' : 'no' }));
}

// ── rates ───────────────────────────────────────────────────────────────────

export async function answerRate(run: ScopedRun): Promise<Answer> {
  const { interp, data, asOf, scope } = run;
  const base = baseFilter(run);
  if (interp.statuses.includes('STALE')) {
    const range = interp.window ? { from: interp.window.from, to: interp.window.to } : thisMonthRange(asOf.today);
    const list = await updatesByUnit(run, base, range);
    const open = list.reduce((n, u) => n + u.open, 0);
    const updated = list.reduce((n, u) => n + u.updated, 0);
    const pct = percent(updated, open);
    const lines = [line(t('answer-rate-updated', { ...scopeArgs(run), from: formatDay(range.from), to: formatDay(range.to), updated, open, pct, ok: pct >= UPDATE_RULE * 100 ? 'yes' : 'no' }), { strong: true })];
    return answer(run, 'ANSWERED', { lines }, { scope, totals: { updated, open, rate: pct, from: range.from, to: range.to } });
  }
  const sf = statusFilter(interp, asOf.today);
  const filter: ItemFilter = { ...base, statuses: sf.statuses, dueWindow: sf.dueWindow, doneWindow: sf.doneWindow };
  const narrow = scopeNarrow(run);
  let matched: number;
  let total: number;
  if (scope.me || narrow) {
    const pool = scope.me ? await data.responsibleFor(run.ctx.person) : await data.assignments(narrow ? withTasks(base, await titleTopicTasks(run)) : base, asOf);
    const all = pool.filter((r) => matchesFilter(r, base, asOf) && (!narrow || narrow(r)));
    total = all.length;
    matched = all.filter((r) => matchesFilter(r, filter, asOf)).length;
  } else {
    const [a, b] = await Promise.all([data.countByUnit(filter, asOf), data.countByUnit(base, asOf)]);
    matched = a.reduce((n, c) => n + c.count, 0);
    total = b.reduce((n, c) => n + c.count, 0);
  }
  const pct = percent(matched, total);
  const lines = [
    line(
      t(total ? 'answer-rate' : 'answer-rate-none', { ...scopeArgs(run), ...statusArgs(sf.shown), ...windowArgs(sf.windowUse, interp.window), item: itemArg(interp), count: matched, total, pct }),
      { strong: true },
    ),
  ];
  return answer(run, 'ANSWERED', { lines }, { scope, totals: { matched, total, rate: pct } });
}

// ── the 90% rule ────────────────────────────────────────────────────────────

export async function answerStaleUnits(run: ScopedRun): Promise<Answer> {
  const { interp, asOf, scope } = run;
  const range = interp.window ? { from: interp.window.from, to: interp.window.to } : thisMonthRange(asOf.today);
  const period = { from: formatDay(range.from), to: formatDay(range.to) };
  const list = await updatesByUnit(run, baseFilter(run), range);
  const items = list.map((u) => unitItem(run, { unitId: u.unitId, total: 0, done: 0, overdue: 0, dueSoon: 0, notStarted: 0, onTrack: 0, open: u.open, updatedThisMonth: u.updated }, u.updated, u.open));
  const totals = { units: list.length, below: 0, from: range.from, to: range.to, rule: UPDATE_RULE * 100 };

  if (scope.single) {
    const u = items[0];
    const pct = u ? percent(u.updatedThisMonth, u.open) : 0;
    const lines = [
      line(t('answer-stale-one', { unit: scope.single.name, ...period, updated: u?.updatedThisMonth ?? 0, open: u?.open ?? 0, pct, ok: !u ? 'none' : pct >= UPDATE_RULE * 100 ? 'yes' : 'no' }), { strong: true }),
    ];
    return answer(run, 'ANSWERED', { lines }, { scope, items, totals: { ...totals, below: u && pct < UPDATE_RULE * 100 ? 1 : 0 } });
  }

  const below = items
    .filter((u) => (u.updatedShare ?? 0) < UPDATE_RULE * 100)
    .sort((a, b) => (a.updatedShare ?? 0) - (b.updatedShare ?? 0) || b.open - a.open || viName(a.unit, b.unit));
  totals.below = below.length;
  if (below.length === 0) {
    const lines = [line(t(list.length ? 'answer-stale-none' : 'answer-stale-nothing-open', { ...scopeArgs(run), ...period, units: list.length }), { strong: true })];
    return answer(run, 'ANSWERED', { lines }, { scope, totals });
  }
  const shown = below.slice(run.page.offset, run.page.offset + run.page.size);
  const more = moreLines(run, shown.length, below.length);
  const lines: Line[] = [
    line(t('answer-stale-total', { ...scopeArgs(run), ...period, below: below.length, units: list.length }), { strong: true }),
    ...pastEnd(run, below.length),
    ...shown.map((u) => line(t('answer-stale-unit', { unit: u.unit, updated: u.updatedThisMonth, open: u.open, pct: u.updatedShare ?? 0 }), { indent: true })),
    ...more.lines,
  ];
  return answer(run, 'ANSWERED', { lines }, { scope, hasMore: more.hasMore, items: shown, totals });
}

// ── rankings ────────────────────────────────────────────────────────────────

interface Ranked {
  item: UnitItem;
  value: number;
}

function measure(rank: Rank, u: UnitItem): number {
  if (rank.by === 'OVERDUE') return u.overdue;
  if (rank.by === 'STALE') return u.updatedShare ?? 0;
  return u.doneRate ?? 0;
}

/** Worst first: most overdue, least updated, lowest done rate. */
function worseFirst(rank: Rank): (a: Ranked, b: Ranked) => number {
  const moreIsWorse = rank.by === 'OVERDUE';
  const sign = (moreIsWorse ? -1 : 1) * (rank.order === 'WORST' ? 1 : -1);
  return (a, b) => sign * (a.value - b.value) || b.item.total - a.item.total || b.item.open - a.item.open || viName(a.item.unit, b.item.unit);
}

export async function answerRank(run: ScopedRun): Promise<Answer> {
  const { interp, data, asOf, scope } = run;
  const rank: Rank = interp.rank ?? { by: 'DONE_RATE', order: 'BEST', limit: 5 };
  const base = baseFilter(run);
  let items: UnitItem[];
  if (rank.by === 'STALE') {
    const range = interp.window ? { from: interp.window.from, to: interp.window.to } : thisMonthRange(asOf.today);
    items = (await updatesByUnit(run, base, range)).map((u) =>
      unitItem(run, { unitId: u.unitId, total: u.open, done: 0, overdue: 0, dueSoon: 0, notStarted: 0, onTrack: 0, open: u.open, updatedThisMonth: u.updated }, u.updated, u.open),
    );
  } else {
    const w = interp.window ? { from: interp.window.from, to: interp.window.to } : null;
    items = (await data.statusCounts({ ...base, dueWindow: w }, asOf)).filter((c) => c.total > 0).map((c) => unitItem(run, c));
  }
  const ranked = items.map((item) => ({ item, value: measure(rank, item) })).sort(worseFirst(rank));
  const size = rank.limit;
  const shown = ranked.slice(run.page.offset, run.page.offset + size);
  const rest = ranked.length - run.page.offset - shown.length;
  const lines: Line[] = [
    line(t('answer-rank-title', { ...scopeArgs(run), by: rank.by, order: rank.order, count: shown.length, units: ranked.length, ...windowArgs(interp.window ? 'due' : 'none', interp.window) }), { strong: true }),
    ...pastEnd(run, ranked.length),
    ...shown.map((r, i) =>
      line(
        t('answer-rank-line', {
          pos: run.page.offset + i + 1,
          unit: r.item.unit,
          by: rank.by,
          overdue: r.item.overdue,
          total: r.item.total,
          done: r.item.done,
          pct: rank.by === 'STALE' ? (r.item.updatedShare ?? 0) : (r.item.doneRate ?? 0),
          updated: r.item.updatedThisMonth,
          open: r.item.open,
        }),
        { indent: true },
      ),
    ),
  ];
  if (rest > 0) lines.push(line(t('answer-more-count', { count: rest })));
  return answer(run, 'ANSWERED', { lines }, {
    scope,
    hasMore: rest > 0,
    pageSize: size,
    items: shown.map((r) => r.item),
    totals: { units: ranked.length, shown: shown.length, offset: run.page.offset, by: rank.by, order: rank.order },
  });
}

