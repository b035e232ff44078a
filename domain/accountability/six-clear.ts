/**
 * The "6 rõ" check (seeds 000 and 001): every task of a plan is assigned with
 * a clear person, work, time, responsibility, output and authority. What is
 * missing is counted per plan and per unit, so the standing office can fix
 * the plan before asking anyone for progress.
 *
 * - who (rõ người): each unit's share has an officer: a person named for the
 *   task in that unit, or else an active focal officer of the unit;
 * - what (rõ việc): a title;
 * - when (rõ thời gian): a deadline the bot can read ("Thường xuyên" and
 *   "Hằng năm" are readable rhythms; text it could not read is a gap);
 * - responsibility (rõ trách nhiệm): a lead unit (the plan's "đơn vị chủ trì",
 *   or the reporting unit of a unit's own appendix), i.e. at least one share;
 * - output (rõ sản phẩm): the expected output; an indicator's target counts;
 * - authority (rõ thẩm quyền): the directing leader or approver.
 */
import { fold } from '../shared/text.ts';

/** Unit names in Vietnamese order (one collator: localeCompare(…, 'vi') builds one at every call). */
const viName = new Intl.Collator('vi').compare;

export const CRITERIA = ['who', 'what', 'when', 'responsibility', 'output', 'authority'] as const;
export type Criterion = (typeof CRITERIA)[number];

export interface ShareFacts {
  unitId: number;
  unitName: string;
  /** An active assignee of this unit, or an active focal officer of the unit. */
  hasOfficer: boolean;
}

export interface TaskFacts {
  taskId: number;
  planId: number;
  planCode: string;
  number: string;
  kind: 'TASK' | 'INDICATOR';
  title: string;
  deadlineKind: string;
  deadlineText: string | null;
  leadUnitText: string | null;
  directingLeader: string | null;
  expectedOutput: string | null;
  targetValue: number | null;
  shares: ShareFacts[];
}

const blank = (s: string | null | undefined) => !s || !s.trim() || /^[-–—.\s]*$/.test(s);
const UNREADABLE_DEADLINES = new Set(['NONE', 'UNKNOWN']);

/** The criteria a task itself misses (not counting its units' officers). */
export function taskGaps(t: TaskFacts): Criterion[] {
  const out: Criterion[] = [];
  if (blank(t.title)) out.push('what');
  if (UNREADABLE_DEADLINES.has(t.deadlineKind)) out.push('when');
  if (!t.shares.length && blank(t.leadUnitText)) out.push('responsibility');
  if (blank(t.expectedOutput) && !(t.kind === 'INDICATOR' && t.targetValue !== null)) out.push('output');
  if (blank(t.directingLeader)) out.push('authority');
  return out;
}

/** Every criterion the task misses, "who" when any of its shares (in `unitIds`, when given) has no officer. */
export function gapsOf(t: TaskFacts, unitIds?: ReadonlySet<number>): Criterion[] {
  const shares = unitIds ? t.shares.filter((s) => unitIds.has(s.unitId)) : t.shares;
  const who = shares.some((s) => !s.hasOfficer) || (!t.shares.length && !unitIds);
  return [...(who ? (['who'] as const) : []), ...taskGaps(t)];
}

export type Counts = Record<Criterion, number>;
const zero = (): Counts => ({ who: 0, what: 0, when: 0, responsibility: 0, output: 0, authority: 0 });

export interface PlanGaps {
  planId: number;
  planCode: string;
  tasks: number;
  /** Tasks missing at least one criterion. */
  withGaps: number;
  /** Tasks missing each criterion. */
  counts: Counts;
  /** Units' shares, and those without an officer. */
  shares: number;
  sharesWithoutOfficer: number;
  /** The tasks with gaps, in plan order. */
  items: { task: TaskFacts; gaps: Criterion[] }[];
}

export interface UnitGaps {
  unitId: number;
  unitName: string;
  /** The unit's shares (tasks assigned to it) and those with a gap. */
  shares: number;
  withGaps: number;
  counts: Counts;
}

export interface SixClearReport {
  tasks: number;
  withGaps: number;
  counts: Counts;
  plans: PlanGaps[];
  /** Units with gaps, most first. */
  units: UnitGaps[];
}

/**
 * The check over `tasks`; with `unitIds` only those units' shares are looked at
 * (a unit's view: its officers, and the plan-level gaps of the tasks it carries).
 */
export function checkSixClear(tasks: TaskFacts[], unitIds?: ReadonlySet<number>): SixClearReport {
  const plans = new Map<number, PlanGaps>();
  const units = new Map<number, UnitGaps>();
  const counts = zero();
  let withGaps = 0;
  let total = 0;
  for (const task of tasks) {
    const shares = unitIds ? task.shares.filter((s) => unitIds.has(s.unitId)) : task.shares;
    if (unitIds && !shares.length) continue;
    total++;
    const gaps = gapsOf(task, unitIds);
    let plan = plans.get(task.planId);
    if (!plan) plans.set(task.planId, (plan = { planId: task.planId, planCode: task.planCode, tasks: 0, withGaps: 0, counts: zero(), shares: 0, sharesWithoutOfficer: 0, items: [] }));
    plan.tasks++;
    plan.shares += shares.length;
    plan.sharesWithoutOfficer += shares.filter((s) => !s.hasOfficer).length;
    if (gaps.length) {
      plan.withGaps++;
      withGaps++;
      plan.items.push({ task, gaps });
    }
    for (const g of gaps) {
      plan.counts[g]++;
      counts[g]++;
    }
    const own = taskGaps(task);
    for (const s of shares) {
      let u = units.get(s.unitId);
      if (!u) units.set(s.unitId, (u = { unitId: s.unitId, unitName: s.unitName, shares: 0, withGaps: 0, counts: zero() }));
      u.shares++;
      const shareGaps: Criterion[] = [...(s.hasOfficer ? [] : (['who'] as const)), ...own];
      if (shareGaps.length) u.withGaps++;
      for (const g of shareGaps) u.counts[g]++;
    }
  }
  return {
    tasks: total,
    withGaps,
    counts,
    plans: [...plans.values()],
    units: [...units.values()].filter((u) => u.withGaps > 0).sort((a, b) => b.withGaps - a.withGaps || b.counts.who - a.counts.who || viName(a.unitName, b.unitName)),
  };
}

/** "6ro", "6 ro", "/6ro", "kiểm tra 6 rõ", "sáu rõ": the check is asked for; returns what follows (a plan or unit), or null. */
export function readSixClearRequest(text: string): { rest: string } | null {
  const f = fold(text).trim().replace(/[?.!]+$/, '');
  const m = /^(?:\/6ro(?:@\w+)?|(?:kiem tra |ra soat |danh gia )?(?:6|sau) ro(?! rang))(?:\s+(?:cua|o|tai|cho))?(?:\s+(.*))?$/.exec(f);
  if (!m) return null;
  // The rest keeps its diacritics: a unit or plan name is matched on the original text.
  const words = text.trim().replace(/[?.!]+$/, '').split(/\s+/);
  const headWords = f.split(/\s+/).length - (m[1] ? m[1].split(/\s+/).length : 0);
  return { rest: m[1] ? words.slice(headWords).join(' ') : '' };
}
