/**
 * The "6 rõ" check in chat, written once for every channel: totals first,
 * then each plan with what it misses (and, for one plan or one unit, the
 * task numbers), then the units with the most gaps.
 */
import { line, t, type Line, type Reply } from '../chat/reply.ts';
import { lookupUnit } from '../units/lookup.ts';
import type { UnitRef } from '../units/types.ts';
import { fold } from '../shared/text.ts';
import { CRITERIA, type PlanGaps, type SixClearReport } from './six-clear.ts';

export interface PlanRef {
  id: number;
  code: string;
  title: string;
}

export type SixClearTarget =
  | { kind: 'all' }
  | { kind: 'plan'; plan: PlanRef }
  | { kind: 'unit'; unit: UnitRef }
  | { kind: 'many'; units: UnitRef[] }
  | { kind: 'unknown'; text: string };

const codeKey = (s: string) => fold(s).replace(/[^a-z0-9]/g, '');
const PLAN_WORDS = /^(?:ke hoach|kh|chuong trinh|ctr|nghi quyet|nq|thong bao|tb)\b\.?\s*(?:so\s+)?/;

/** What follows "/6ro": a plan ("KH 12", "12-KH/TU", "chương trình 2026"), a unit ("Cát Hải"), or nothing. */
export function sixClearTarget(rest: string, plans: PlanRef[], units: UnitRef[]): SixClearTarget {
  const text = rest.trim();
  if (!text) return { kind: 'all' };
  const f = fold(text);
  const exact = plans.filter((p) => codeKey(p.code) === codeKey(text));
  if (exact.length === 1) return { kind: 'plan', plan: exact[0]! };
  const named = PLAN_WORDS.exec(f);
  const tail = named ? f.slice(named[0].length).trim() : f;
  if (/^\d+$/.test(tail)) {
    const n = Number(tail);
    const programme = named && /^(chuong trinh|ctr)/.test(named[0]);
    const byNumber = plans.filter((p) => (programme ? codeKey(p.code).includes(tail) && /^ctr|chuong/.test(fold(p.code + ' ' + p.title)) : Number(/^\d+/.exec(p.code.trim())?.[0] ?? NaN) === n));
    if (byNumber.length === 1) return { kind: 'plan', plan: byNumber[0]! };
  }
  const unit = lookupUnit(text.replace(/^(?:đơn vị|don vi)\s+/i, ''), units);
  if (unit.kind === 'one') return { kind: 'unit', unit: unit.unit };
  if (unit.kind === 'many') return { kind: 'many', units: unit.units };
  return { kind: 'unknown', text };
}

const NUMBERS_SHOWN = 12;

function numbersOf(plan: PlanGaps, criterion: string): string {
  const nums = plan.items.filter((i) => (i.gaps as string[]).includes(criterion)).map((i) => i.task.number);
  return nums.length > NUMBERS_SHOWN ? `${nums.slice(0, NUMBERS_SHOWN).join(', ')}, …` : nums.join(', ');
}

function planLines(plan: PlanGaps, detailed: boolean): Line[] {
  const out: Line[] = [line(t('six-plan', { plan: plan.planCode, gaps: plan.withGaps, tasks: plan.tasks }), { strong: true })];
  if (!plan.withGaps) return out;
  for (const c of CRITERIA) {
    const count = plan.counts[c];
    if (!count) continue;
    const numbers = detailed ? numbersOf(plan, c) : '';
    if (c === 'who') out.push(line(t('six-who', { count, missing: plan.sharesWithoutOfficer, shares: plan.shares, numbers: numbers || 'none' }), { indent: true }));
    else out.push(line(t('six-criterion', { criterion: c, count, numbers: numbers || 'none' }), { indent: true }));
  }
  return out;
}

const UNITS_SHOWN = 5;

/** The answer: `scope` names what was checked (a unit, a plan, or the city). */
export function sixClearReply(report: SixClearReport, target: { scope: 'city' | 'plan' | 'unit' | 'own'; name: string }): Reply {
  const lines: Line[] = [line(t('six-title', { scope: target.scope, name: target.name, gaps: report.withGaps, tasks: report.tasks }), { strong: true })];
  if (!report.tasks) return { lines: [line(t('six-none', { scope: target.scope, name: target.name }))] };
  if (!report.withGaps) {
    lines.push(line(t('six-all-clear')));
    return { lines };
  }
  const detailed = target.scope !== 'city' || report.plans.length === 1;
  for (const plan of report.plans) lines.push(...planLines(plan, detailed));
  if (target.scope !== 'unit' && report.units.length > 1) {
    lines.push(line(t('six-units', { count: report.units.length })));
    for (const u of report.units.slice(0, UNITS_SHOWN)) lines.push(line(t('six-unit', { unit: u.unitName, gaps: u.withGaps, shares: u.shares, who: u.counts.who }), { indent: true }));
  }
  if (target.scope === 'city' || target.scope === 'own') lines.push(line(t('six-hint')));
  return { lines };
}

/** One line for an import's summary: the gaps of the plans it touched. */
export function sixClearSummaryArgs(report: SixClearReport): { tasks: number; gaps: number; who: number; when: number; output: number; authority: number; responsibility: number } {
  const c = report.counts;
  return { tasks: report.tasks, gaps: report.withGaps, who: c.who, when: c.when, output: c.output, authority: c.authority, responsibility: c.responsibility };
}


/** The standing office's monthly digest ends with the city's "6 rõ" gaps per plan (or is only that, when the digest had nothing). */
export function withSixClearSection(reply: Reply | null, report: SixClearReport): Reply | null {
  if (!report.withGaps) return reply;
  const section: Line[] = [line(t('six-digest-title', { gaps: report.withGaps, tasks: report.tasks }), { strong: true })];
  for (const plan of report.plans) if (plan.withGaps) section.push(...planLines(plan, false));
  section.push(line(t('six-hint')));
  return reply ? { ...reply, lines: [...reply.lines, ...section] } : { lines: section };
}
