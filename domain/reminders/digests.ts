/**
 * Digests for leaders, pure over task rows: the weekly digest (what slipped,
 * what is coming, new difficulties and proposals, units with the most
 * overdue) and the monthly warning list (tasks not updated this month, each
 * unit's share updated against the programme's 90% rule).
 */
import { line, t, type Line, type Reply } from '../chat/reply.ts';
import { addDays, compareDays, formatDay, type Day } from '../shared/day.ts';
import { shorten } from '../shared/text.ts';
import type { StatusOptions } from '../status/derive-status.ts';
import { byUrgency, statusOf, type RowStatus, type TaskRow } from '../tasks/types.ts';

export const WEEK_DAYS = 7;
/** "Upcoming deadlines" look this many calendar days ahead. */
export const UPCOMING_DAYS = 14;
/** The programme's rule: at least 90% of open tasks updated every month. */
export const MONTHLY_TARGET_PERCENT = 90;

/**
 * Unit names in Vietnamese order: one collator, the order of
 * `localeCompare(…, 'vi')`, which builds a collator at every call (a city's
 * thousand units sorted that way held the event loop for a tenth of a second).
 */
const viName = new Intl.Collator('vi').compare;

/**
 * Units in viName order as [ids, places] (equal names share a place), for digests planned in SQL to sort
 * unit names as weeklyOrders and unitShares do.
 */
export function unitNamePlaces(units: { id: number; name: string }[]): [number[], number[]] {
  const sorted = [...units].sort((a, b) => viName(a.name, b.name));
  const places: number[] = [];
  for (const [i, u] of sorted.entries()) places.push(i > 0 && viName(sorted[i - 1]!.name, u.name) === 0 ? places[i - 1]! : i);
  return [sorted.map((u) => u.id), places];
}

export interface Item {
  row: TaskRow;
  status: RowStatus;
}

/**
 * What a digest line reads of a listed row: an Item is one; the digests
 * planned in SQL build only these fields for the rows they list.
 */
export interface ListItem {
  row: Pick<TaskRow, 'assignmentId' | 'taskId' | 'unitId' | 'unitName' | 'planCode' | 'number' | 'title' | 'difficulties' | 'proposals' | 'lastReportedOn'>;
  status: Pick<RowStatus, 'status' | 'due' | 'daysLeft' | 'daysOverdue'>;
}

export interface UnitCount {
  unitId: number;
  unitName: string;
  count: number;
}

export interface WeeklyDigest {
  day: Day;
  open: number;
  done: number;
  overdue: number;
  /** Became overdue during the last week (deadline in [day-7, day-1]). */
  newOverdue: ListItem[];
  /** Open with a deadline in [day, day+14]. */
  upcoming: ListItem[];
  /** Reported during the last week with difficulties or proposals. */
  newIssues: ListItem[];
  /** Most overdue first (only units with overdue tasks). */
  unitsMostOverdue: UnitCount[];
  /** Every overdue task, longest overdue first. */
  overdueItems: ListItem[];
  /**
   * When set, the lists above hold only their first rows (at least as many as
   * a reply shows) and these are their full lengths (digests planned in SQL).
   */
  counts?: { newOverdue: number; upcoming: number; newIssues: number };
}

/** Open tasks owe a monthly update, and so do continuous ones even when marked done. */
export function owesMonthlyUpdate(row: TaskRow, status: RowStatus): boolean {
  return status.status !== 'DONE' || row.rhythm === 'CONTINUOUS';
}

/** The orders of the weekly digest's lists (those planned in SQL sort their first rows with them too). */
export function weeklyOrders(day: Day, options?: StatusOptions) {
  const urgency = byUrgency(day, options);
  const byRow = (a: Item, b: Item) => urgency(a.row, b.row);
  return {
    byRow,
    upcoming: (a: Item, b: Item) => compareDays(a.status.due!, b.status.due!) || byRow(a, b),
    newIssues: (a: Item, b: Item) => compareDays(b.row.lastReportedOn!, a.row.lastReportedOn!) || byRow(a, b),
    units: (a: UnitCount, b: UnitCount) => b.count - a.count || viName(a.unitName, b.unitName),
  };
}

export function weeklyDigest(rows: TaskRow[], day: Day, options?: StatusOptions): WeeklyDigest {
  const weekAgo = addDays(day, -WEEK_DAYS);
  const horizon = addDays(day, UPCOMING_DAYS);
  const items = rows.map((row) => ({ row, status: statusOf(row, day, options) }));
  const order = weeklyOrders(day, options);
  const byRow = order.byRow;
  const overdueByUnit = new Map<number, UnitCount>();
  for (const i of items) {
    if (i.status.status !== 'OVERDUE') continue;
    const u = overdueByUnit.get(i.row.unitId) ?? { unitId: i.row.unitId, unitName: i.row.unitName, count: 0 };
    u.count++;
    overdueByUnit.set(i.row.unitId, u);
  }
  return {
    day,
    open: items.filter((i) => i.status.status !== 'DONE').length,
    done: items.filter((i) => i.status.status === 'DONE').length,
    overdue: items.filter((i) => i.status.status === 'OVERDUE').length,
    newOverdue: items.filter((i) => i.status.status === 'OVERDUE' && i.status.due !== null && compareDays(i.status.due, weekAgo) >= 0).sort(byRow),
    upcoming: items
      .filter((i) => i.status.status !== 'DONE' && i.status.due !== null && compareDays(i.status.due, day) >= 0 && compareDays(i.status.due, horizon) <= 0)
      .sort(order.upcoming),
    newIssues: items
      .filter((i) => i.row.lastReportedOn !== null && compareDays(i.row.lastReportedOn, weekAgo) >= 0 && compareDays(i.row.lastReportedOn, day) < 0 && Boolean(i.row.difficulties || i.row.proposals))
      .sort(order.newIssues),
    unitsMostOverdue: [...overdueByUnit.values()].sort(order.units),
    overdueItems: items.filter((i) => i.status.status === 'OVERDUE').sort(byRow),
  };
}

function itemLine(i: ListItem): Line {
  return line(
    t('digest-item', {
      number: i.row.number,
      plan: i.row.planCode,
      title: shorten(i.row.title, 70),
      unit: i.row.unitName,
      due: i.status.due ? formatDay(i.status.due) : 'none',
      days: i.status.status === 'OVERDUE' ? i.status.daysOverdue : (i.status.daysLeft ?? 0),
      status: i.status.status,
    }),
    { indent: true },
  );
}

/** `total` is the list's full length when `items` holds only its first rows. */
function section(lines: Line[], heading: Line, items: ListItem[], max: number, render: (i: ListItem) => Line = itemLine, total = items.length): void {
  if (!total) return;
  lines.push(heading);
  for (const i of items.slice(0, max)) lines.push(render(i));
  if (total > max) lines.push(line(t('list-more', { count: total - max }), { indent: true }));
}

/** How many rows a weekly digest lists per section, and a monthly warning list. */
export const WEEKLY_LIST_MAX = 5;
export const MONTHLY_LIST_MAX = 10;
export const MONTHLY_UNITS_MAX = 15;

/** `scope` is a unit's name, or 'city' for the whole city. Null when there is nothing to report. */
export function weeklyDigestReply(d: WeeklyDigest, options: { scope: string; name: string; listMax?: number }): Reply | null {
  const n = d.counts ?? { newOverdue: d.newOverdue.length, upcoming: d.upcoming.length, newIssues: d.newIssues.length };
  if (d.overdue === 0 && !n.upcoming && !n.newIssues) return null;
  const max = options.listMax ?? WEEKLY_LIST_MAX;
  const lines: Line[] = [
    line(t('digest-weekly-title', { scope: options.scope, date: formatDay(d.day) }), { strong: true }),
    line(t('digest-weekly-summary', { open: d.open, done: d.done, overdue: d.overdue, upcoming: n.upcoming })),
  ];
  section(lines, line(t('digest-new-overdue', { count: n.newOverdue })), d.newOverdue, max, itemLine, n.newOverdue);
  section(lines, line(t('digest-upcoming', { count: n.upcoming, days: UPCOMING_DAYS })), d.upcoming, max, itemLine, n.upcoming);
  section(lines, line(t('digest-issues', { count: n.newIssues })), d.newIssues, max, (i) =>
    line(
      t('digest-issue', {
        number: i.row.number,
        unit: i.row.unitName,
        difficulties: i.row.difficulties ? shorten(i.row.difficulties, 120) : 'none',
        proposals: i.row.proposals ? shorten(i.row.proposals, 120) : 'none',
      }),
      { indent: true },
    ),
    n.newIssues,
  );
  if (d.unitsMostOverdue.length > 1) {
    lines.push(line(t('digest-top-units')));
    for (const u of d.unitsMostOverdue.slice(0, max)) lines.push(line(t('digest-unit-overdue', { unit: u.unitName, count: u.count }), { indent: true }));
  } else {
    // One unit: name its longest-overdue tasks instead.
    section(lines, line(t('digest-overdue-list', { count: d.overdue })), d.overdueItems, max, itemLine, d.overdue);
  }
  return { lines };
}

export interface UnitShare {
  unitId: number;
  unitName: string;
  /** Tasks that owe this month's update. */
  open: number;
  updated: number;
  /** Whole percent, rounded down (89.6% is not shown as 90%). */
  share: number;
  belowTarget: boolean;
}

export interface MonthlyWarning {
  day: Day;
  open: number;
  updated: number;
  share: number;
  belowTarget: boolean;
  /** Worst share first. */
  units: UnitShare[];
  /** Not updated this month, units with the worst share first (only the first rows when `staleCount` is set). */
  stale: ListItem[];
  /** The full length of `stale` when it holds only its first rows (planned in SQL). */
  staleCount?: number;
}

const shareOf = (updated: number, open: number) => (open === 0 ? 100 : Math.floor((updated * 100) / open));
const below = (updated: number, open: number) => updated * 100 < open * MONTHLY_TARGET_PERCENT;

/** Each unit's share with its flag, worst share first. */
export function unitShares(units: { unitId: number; unitName: string; open: number; updated: number }[]): UnitShare[] {
  const list = units.map((u) => ({ unitId: u.unitId, unitName: u.unitName, open: u.open, updated: u.updated, share: shareOf(u.updated, u.open), belowTarget: below(u.updated, u.open) }));
  return list.sort((a, b) => a.updated * b.open - b.updated * a.open || b.open - a.open || viName(a.unitName, b.unitName));
}

/** The month's totals over units' shares, with `stale` (the first rows, ordered by the caller) and its full length. */
export function monthlyWarningOf(day: Day, units: UnitShare[], stale: ListItem[]): MonthlyWarning {
  const open = units.reduce((s, u) => s + u.open, 0);
  const updated = units.reduce((s, u) => s + u.updated, 0);
  return { day, open, updated, share: shareOf(updated, open), belowTarget: below(updated, open), units, stale, staleCount: open - updated };
}

export function monthlyWarning(rows: TaskRow[], day: Day, options?: StatusOptions): MonthlyWarning {
  const items = rows.map((row) => ({ row, status: statusOf(row, day, options) })).filter((i) => owesMonthlyUpdate(i.row, i.status));
  const units = new Map<number, UnitShare>();
  for (const i of items) {
    const u = units.get(i.row.unitId) ?? { unitId: i.row.unitId, unitName: i.row.unitName, open: 0, updated: 0, share: 0, belowTarget: false };
    u.open++;
    if (i.status.updatedThisMonth) u.updated++;
    units.set(i.row.unitId, u);
  }
  const list = unitShares([...units.values()]);
  const rank = new Map(list.map((u, index) => [u.unitId, index]));
  const urgency = byUrgency(day, options);
  const stale = items.filter((i) => !i.status.updatedThisMonth).sort((a, b) => rank.get(a.row.unitId)! - rank.get(b.row.unitId)! || urgency(a.row, b.row));
  const open = items.length;
  const updated = open - stale.length;
  return { day, open, updated, share: shareOf(updated, open), belowTarget: below(updated, open), units: list, stale };
}

export function monthlyWarningReply(w: MonthlyWarning, options: { scope: string; name: string; unitsMax?: number; listMax?: number }): Reply | null {
  if (w.open === 0) return null;
  const month = `${w.day.slice(5, 7)}/${w.day.slice(0, 4)}`;
  const lines: Line[] = [
    line(t('digest-monthly-title', { scope: options.scope, month, date: formatDay(w.day) }), { strong: true }),
    line(t('digest-monthly-summary', { updated: w.updated, open: w.open, share: w.share, target: MONTHLY_TARGET_PERCENT, flag: w.belowTarget ? 'low' : 'ok' })),
  ];
  if (w.units.length > 1) {
    const unitsMax = options.unitsMax ?? MONTHLY_UNITS_MAX;
    lines.push(line(t('digest-monthly-units')));
    for (const u of w.units.slice(0, unitsMax)) {
      lines.push(line(t('digest-monthly-unit', { unit: u.unitName, updated: u.updated, open: u.open, share: u.share, flag: u.belowTarget ? 'low' : 'ok' }), { indent: true }));
    }
    if (w.units.length > unitsMax) lines.push(line(t('list-more', { count: w.units.length - unitsMax }), { indent: true }));
  }
  const staleCount = w.staleCount ?? w.stale.length;
  section(lines, line(t('digest-monthly-stale', { count: staleCount })), w.stale, options.listMax ?? MONTHLY_LIST_MAX, (i) =>
    line(
      t('digest-stale-item', {
        number: i.row.number,
        plan: i.row.planCode,
        title: shorten(i.row.title, 70),
        unit: i.row.unitName,
        last: i.row.lastReportedOn ? formatDay(i.row.lastReportedOn) : 'none',
      }),
      { indent: true },
    ),
    staleCount,
  );
  return { lines };
}
