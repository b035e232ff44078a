/**
 * The summary the standing office sends up with the appendix each quarter:
 * the figures per plan and status, the units with most overdue work, the
 * difficulties and proposals that are new since the previous report, and the
 * share of open tasks updated this month against the 90% rule. Pure: rows
 * (as of the report's day) in, figures and a channel-neutral Reply out.
 */
import { line, t, type Line, type Reply } from '../chat/reply.ts';
import { countRows, sumCounts } from '../questions/answer-filter.ts';
import type { UnitCounts } from '../questions/ports.ts';
import { UPDATE_RULE } from '../questions/answer-units.ts';
import { addDays, dayParts, formatDay, makeDay, quarterOf, type Day } from '../shared/day.ts';
import { shorten } from '../shared/text.ts';
import { compareNumbers, type TaskRow } from '../tasks/types.ts';
import type { NoteRow } from './ports.ts';
import { proposalReportLines } from '../accountability/proposal-reply.ts';
import type { ProposalCounts } from '../accountability/proposals.ts';

/** Units named as most overdue; notes listed per kind. */
const TOP_UNITS = 5;
const MAX_NOTES = 10;

export interface SummaryInput {
  asOf: Day;
  /** How the report names what it covers: the city, or its units' names. */
  scope: { kind: 'all' | 'units'; name: string };
  /** A plan code when the report covers one plan. */
  plan: string | null;
  rows: TaskRow[];
  notes: NoteRow[];
  /** New difficulties and proposals are those reported after this day… */
  since: Day;
  /** …which is the previous report's day, or the eve of the quarter when there was none. */
  sinceKind: 'report' | 'quarter';
  dueSoonDays: number;
  /** Proposals raised by or addressed to the scope (issue 15). */
  proposals?: ProposalCounts;
}

export interface UnitFigures extends UnitCounts {
  unit: string;
}

export interface SummaryFigures {
  total: UnitCounts;
  plans: { plan: string; counts: UnitCounts }[];
  units: UnitFigures[];
  /** Units with open work, and those updating less than 90% of it this month. */
  unitsWithOpen: number;
  unitsBelowRule: number;
  newDifficulties: NoteRow[];
  newProposals: NoteRow[];
}

/** The day before the quarter of `day` begins: "since the start of the quarter" when no report came before. */
export function quarterEve(day: Day): Day {
  const { year, month } = dayParts(day);
  return addDays(makeDay(year, (quarterOf(month) - 1) * 3 + 1, 1), -1);
}

const viName = new Intl.Collator('vi').compare;

function isNew(text: string | null, before: string | null): boolean {
  const clean = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
  return clean(text) !== '' && clean(text) !== clean(before);
}

export function summarize(input: SummaryInput): SummaryFigures {
  const asOf = { today: input.asOf, dueSoonDays: input.dueSoonDays };
  const perUnit = countRows(input.rows, asOf);
  const names = new Map(input.rows.map((r) => [r.unitId, r.unitName]));
  const units = perUnit
    .map((c) => ({ ...c, unit: names.get(c.unitId) ?? `#${c.unitId}` }))
    .sort((a, b) => b.overdue - a.overdue || viName(a.unit, b.unit));
  const plans = [...new Set(input.rows.map((r) => r.planCode))]
    .sort((a, b) => a.localeCompare(b))
    .map((plan) => ({ plan, counts: sumCounts(countRows(input.rows.filter((r) => r.planCode === plan), asOf)) }));
  const withOpen = perUnit.filter((c) => c.open > 0);
  const order = (a: NoteRow, b: NoteRow) => viName(a.unitName, b.unitName) || a.planCode.localeCompare(b.planCode) || compareNumbers(a.number, b.number);
  return {
    total: sumCounts(perUnit),
    plans,
    units,
    unitsWithOpen: withOpen.length,
    unitsBelowRule: withOpen.filter((c) => c.updatedThisMonth < UPDATE_RULE * c.open).length,
    newDifficulties: input.notes.filter((n) => isNew(n.difficulties, n.previousDifficulties)).sort(order),
    newProposals: input.notes.filter((n) => isNew(n.proposals, n.previousProposals)).sort(order),
  };
}

function pct(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}

function breakdown(c: UnitCounts) {
  return { total: c.total, done: c.done, inTime: c.onTrack + c.dueSoon, overdue: c.overdue, notStarted: c.notStarted, pct: pct(c.done, c.total) };
}

function noteLines(notes: NoteRow[], which: 'DIFFICULTIES' | 'PROPOSALS', input: SummaryInput): Line[] {
  const since = { since: formatDay(addDays(input.since, 1)), sinceKind: input.sinceKind, which };
  if (notes.length === 0) return [line(t('report-notes-none', since))];
  const out = [line(t('report-notes-title', { ...since, count: notes.length }), { strong: true })];
  for (const n of notes.slice(0, MAX_NOTES)) {
    const text = which === 'DIFFICULTIES' ? n.difficulties : n.proposals;
    out.push(line(t('report-note', { unit: n.unitName, number: n.number, plan: n.planCode, date: formatDay(n.reportedOn), text: shorten(text ?? '', 200) }), { indent: true }));
  }
  if (notes.length > MAX_NOTES) out.push(line(t('report-notes-more', { count: notes.length - MAX_NOTES }), { indent: true }));
  return out;
}

export function summaryReply(f: SummaryFigures, input: SummaryInput): Reply {
  const head = { scope: input.scope.kind, name: input.scope.name, asOf: formatDay(input.asOf), plan: input.plan ?? 'none' };
  if (f.total.total === 0) return { lines: [line(t('report-title', head), { strong: true }), line(t('report-empty'))] };
  const { year, month } = dayParts(input.asOf);
  const share = pct(f.total.updatedThisMonth, f.total.open);
  const lines: Line[] = [
    line(t('report-title', head), { strong: true }),
    line(t('report-total', { ...breakdown(f.total), units: f.units.length })),
  ];
  if (f.plans.length > 0) {
    lines.push(line(t('report-plans-title'), { strong: true }));
    for (const p of f.plans) lines.push(line(t('report-plan', { plan: p.plan, ...breakdown(p.counts) }), { indent: true }));
  }
  if (f.units.length > 1) {
    const worst = f.units.filter((u) => u.overdue > 0).slice(0, TOP_UNITS);
    if (worst.length === 0) lines.push(line(t('report-overdue-none')));
    else {
      lines.push(line(t('report-overdue-title'), { strong: true }));
      for (const u of worst) lines.push(line(t('report-overdue-unit', { unit: u.unit, overdue: u.overdue, total: u.total }), { indent: true }));
    }
  }
  lines.push(
    line(
      t('report-updated', {
        month: `${month}/${year}`,
        updated: f.total.updatedThisMonth,
        open: f.total.open,
        pct: share,
        ok: share >= UPDATE_RULE * 100 ? 'yes' : 'no',
        below: f.unitsBelowRule,
        units: f.unitsWithOpen,
      }),
    ),
  );
  lines.push(...noteLines(f.newDifficulties, 'DIFFICULTIES', input), ...noteLines(f.newProposals, 'PROPOSALS', input));
  lines.push(...proposalReportLines(input.proposals));
  lines.push(line(t('report-files')));
  return { lines };
}

/** Bars of the progress chart, one per unit: done, in progress in time, overdue, not started. */
export interface ChartBar {
  label: string;
  done: number;
  inProgress: number;
  overdue: number;
  notStarted: number;
}

/** The units the chart shows: most overdue first, at most `max`. */
export function chartBars(f: SummaryFigures, max: number): ChartBar[] {
  return f.units.slice(0, max).map((u) => ({ label: u.unit, done: u.done, inProgress: u.onTrack + u.dueSoon, overdue: u.overdue, notStarted: u.notStarted }));
}
