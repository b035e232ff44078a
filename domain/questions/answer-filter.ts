/**
 * The meaning of an ItemFilter, written once in plain TypeScript over the
 * status engine. The in-memory QuestionData uses it directly; the SQL store
 * (prisma/stores/question-data.ts) says the same in SQL, and
 * test/db/questions-sql.test.ts keeps the two equal.
 */
import { compareDays, type Day } from '../shared/day.ts';
import { inSection, taskSection } from './section.ts';
import { fold } from '../shared/text.ts';
import { compareNumbers, statusOf, type RowStatus, type TaskRow } from '../tasks/types.ts';
import type { AsOf, DayRange, ItemFilter, TaskGroup, UnitCounts } from './ports.ts';
import type { StatusFilter } from './types.ts';
import { ABBREVIATIONS, textWords } from './vocabulary.ts';

export function rowStatus(row: TaskRow, asOf: AsOf): RowStatus {
  return statusOf(row, asOf.today, { dueSoonDays: asOf.dueSoonDays });
}

/** Work has begun: a report with a state other than "not started", or a percentage. */
export function started(row: TaskRow, status: RowStatus): boolean {
  if (status.status === 'DONE') return false;
  return row.state === 'IN_PROGRESS' || (row.state === 'NOT_STARTED' && Boolean(row.percent));
}

export function inRange(day: Day | null, range: DayRange): boolean {
  return day !== null && compareDays(day, range.from) >= 0 && compareDays(day, range.to) <= 0;
}

const hasText = (s: string | null): boolean => Boolean(s && s.trim());

/**
 * One status word of a question against one assignment:
 * OVERDUE, DUE_SOON, DONE, NOT_STARTED: the engine's status;
 * ON_TRACK ("trong hạn"): open, not overdue, not in the not-started bucket (ON_TRACK or DUE_SOON);
 * IN_PROGRESS ("đang triển khai"): open and started, late or not;
 * OPEN: not done; STALE: open and no update for more than a month;
 * HAS_DIFFICULTIES: a difficulty in its latest state;
 * MET / NOT_MET: an indicator achieved (done) or not.
 */
export function matchesStatus(row: TaskRow, s: RowStatus, filter: StatusFilter): boolean {
  switch (filter) {
    case 'OVERDUE':
    case 'DUE_SOON':
    case 'DONE':
    case 'NOT_STARTED':
      return s.status === filter;
    case 'ON_TRACK':
      return s.status === 'ON_TRACK' || s.status === 'DUE_SOON';
    case 'IN_PROGRESS':
      return started(row, s);
    case 'OPEN':
      return s.status !== 'DONE';
    case 'STALE':
      return s.stale;
    case 'HAS_DIFFICULTIES':
      return hasText(row.difficulties);
    case 'MET':
      return row.kind === 'INDICATOR' && s.status === 'DONE';
    case 'NOT_MET':
      return row.kind === 'INDICATOR' && s.status !== 'DONE';
  }
}

/** A long id list as a set, made once per list (a topic can select thousands of tasks, tested against as many rows). */
const idSets = new WeakMap<readonly number[], Set<number>>();
function holds(ids: readonly number[], id: number): boolean {
  if (ids.length < 16) return ids.includes(id);
  let set = idSets.get(ids);
  if (!set) idSets.set(ids, (set = new Set(ids)));
  return set.has(id);
}

export function matchesFilter(row: TaskRow, filter: ItemFilter, asOf: AsOf, status: RowStatus = rowStatus(row, asOf)): boolean {
  if (filter.unitIds && !holds(filter.unitIds, row.unitId)) return false;
  if (filter.planId != null && row.planId !== filter.planId) return false;
  if (filter.kind && row.kind !== filter.kind) return false;
  if (filter.taskIds && !holds(filter.taskIds, row.taskId)) return false;
  if (filter.section && !inSection(taskSection(row.sectionCode, row.groupCode), filter.section)) return false;
  for (const s of filter.statuses ?? []) if (!matchesStatus(row, status, s)) return false;
  if (filter.dueWindow && !inRange(status.due, filter.dueWindow)) return false;
  if (filter.doneWindow && !(status.status === 'DONE' && inRange(row.doneOn ?? row.lastReportedOn, filter.doneWindow))) return false;
  if (filter.reportedWindow && !inRange(row.lastReportedOn, filter.reportedWindow)) return false;
  if (filter.hasProposals && !hasText(row.proposals)) return false;
  if (filter.deadlineKinds?.length && !filter.deadlineKinds.includes(row.deadlineKind)) return false;
  return true;
}

/** `rows` without the shares of tasks that still have an open share among `scope` (filter.wholeTasksDone). */
export function wholeTasksDone(rows: TaskRow[], scope: TaskRow[], asOf: AsOf): TaskRow[] {
  const open = new Set(scope.filter((r) => rowStatus(r, asOf).status !== 'DONE').map((r) => r.taskId));
  return rows.filter((r) => !open.has(r.taskId));
}

/** Tasks once each, in the order of their most urgent row, which stands for the task; with the statuses of all their rows. */
export function groupByTask(rows: TaskRow[], asOf: AsOf): TaskGroup[] {
  const groups = new Map<number, TaskGroup>();
  for (const row of sortByUrgency(rows, asOf)) {
    let g = groups.get(row.taskId);
    if (!g) groups.set(row.taskId, (g = { row, units: 0, byStatus: { OVERDUE: 0, DUE_SOON: 0, NOT_STARTED: 0, ON_TRACK: 0, DONE: 0 } }));
    g.units++;
    g.byStatus[rowStatus(row, asOf).status]++;
  }
  return [...groups.values()];
}

/** Rows most urgent first: exactly `byUrgency`, with each status derived once. */
export function sortByUrgency(rows: TaskRow[], asOf: AsOf): TaskRow[] {
  const rank: Record<string, number> = { OVERDUE: 0, DUE_SOON: 1, NOT_STARTED: 2, ON_TRACK: 3, DONE: 4 };
  const keyed = rows.map((row) => ({ row, s: rowStatus(row, asOf) }));
  keyed.sort((a, b) => {
    const ra = rank[a.s.status]!;
    const rb = rank[b.s.status]!;
    if (ra !== rb) return ra - rb;
    if (a.s.status === 'OVERDUE' && a.s.daysOverdue !== b.s.daysOverdue) return b.s.daysOverdue - a.s.daysOverdue;
    const da = a.s.due ?? '9999-12-31';
    const db = b.s.due ?? '9999-12-31';
    if (da !== db) return da < db ? -1 : 1;
    return a.row.planCode.localeCompare(b.row.planCode) || compareNumbers(a.row.number, b.row.number);
  });
  return keyed.map((k) => k.row);
}

/** The storage order of rows (task, then unit): what a stable sort keeps among equals. */
export function byTaskThenUnit(a: TaskRow, b: TaskRow): number {
  return a.taskId - b.taskId || a.unitId - b.unitId;
}

export function emptyCounts(unitId: number): UnitCounts {
  return { unitId, total: 0, done: 0, overdue: 0, dueSoon: 0, notStarted: 0, onTrack: 0, open: 0, updatedThisMonth: 0 };
}

/** Status counts per unit, ordered by unit id. */
export function countRows(rows: TaskRow[], asOf: AsOf): UnitCounts[] {
  const byUnit = new Map<number, UnitCounts>();
  for (const row of rows) {
    const c = byUnit.get(row.unitId) ?? emptyCounts(row.unitId);
    byUnit.set(row.unitId, c);
    const s = rowStatus(row, asOf);
    c.total++;
    if (s.status === 'DONE') c.done++;
    else {
      c.open++;
      if (s.updatedThisMonth) c.updatedThisMonth++;
    }
    if (s.status === 'OVERDUE') c.overdue++;
    if (s.status === 'DUE_SOON') c.dueSoon++;
    if (s.status === 'NOT_STARTED') c.notStarted++;
    if (s.status === 'ON_TRACK') c.onTrack++;
  }
  return [...byUnit.values()].sort((a, b) => a.unitId - b.unitId);
}

/** The sum of several units' counts. */
export function sumCounts(list: UnitCounts[]): UnitCounts {
  const total = emptyCounts(0);
  for (const c of list) {
    total.total += c.total;
    total.done += c.done;
    total.overdue += c.overdue;
    total.dueSoon += c.dueSoon;
    total.notStarted += c.notStarted;
    total.onTrack += c.onTrack;
    total.open += c.open;
    total.updatedThisMonth += c.updatedThisMonth;
  }
  return total;
}

// ── topics ──────────────────────────────────────────────────────────────────

/** Words that carry no subject ("về kinh phí", "của các xã"). */
const FILLER = new Set(['ve', 'cua', 'cac', 'nhung', 'trong', 'linh', 'vuc', 'voi', 'cho', 'la', 'thi', 'gi', 'nao', 'co', 'khong', 'chu', 'de']);

function topicWords(text: string): string[] {
  return textWords(text).filter((w) => !FILLER.has(w));
}

/**
 * A topic ("kinh phí và nhân lực", "5G", "CĐS") as alternatives of word
 * lists: "và", "hoặc" and commas separate alternatives; each alternative
 * matches a text holding all its words (an abbreviation also matches its
 * expansion). Null when nothing is left to match.
 */
export function topicAlternatives(topic: string | null): string[][] | null {
  if (!topic) return null;
  const alternatives = fold(topic)
    .split(/,|;|\bva\b|\bhoac\b/)
    .map(topicWords)
    .filter((a) => a.length > 0);
  return alternatives.length ? alternatives : null;
}

/** The texts' words as one string a topic's words are looked up in (` word word `). */
export function topicHay(...texts: (string | null)[]): string {
  return ` ${texts.filter((t): t is string => Boolean(t)).map((t) => topicWords(t).join(' ')).join(' ')} `;
}

export function hayMatches(hay: string, alternatives: string[][]): boolean {
  return alternatives.some((words) => words.every((w) => hay.includes(` ${w} `) || (ABBREVIATIONS[w] ?? []).some((x) => hay.includes(` ${x} `))));
}

export function topicMatcher(topic: string | null): ((...texts: (string | null)[]) => boolean) | null {
  const alternatives = topicAlternatives(topic);
  return alternatives ? (...texts) => hayMatches(topicHay(...texts), alternatives) : null;
}
