/**
 * What the quarterly report reads and records. Implemented on Prisma in
 * prisma/stores/question-data.ts.
 */
import type { Day } from '../shared/day.ts';
import type { TaskRow } from '../tasks/types.ts';

export interface ReportFilter {
  /** null: every unit. */
  unitIds: number[] | null;
  planId: number | null;
}

/**
 * The latest difficulties and proposals an assignment reported within a
 * period, beside what was known before it (to tell new from repeated).
 */
export interface NoteRow {
  assignmentId: number;
  unitId: number;
  unitName: string;
  planCode: string;
  number: string;
  title: string;
  reportedOn: Day;
  difficulties: string | null;
  proposals: string | null;
  previousDifficulties: string | null;
  previousProposals: string | null;
}

/** A report run, as recorded in the audit log (action 'report'). */
export interface ReportRun {
  /** Which units and plan the report covered: reports of the same scope follow one another. */
  scopeKey: string;
  asOf: Day;
  /** The day after which difficulties and proposals counted as new. */
  since: Day;
  unitIds: number[] | null;
  planId: number | null;
  personId: number | null;
  actor: string;
}

export interface ReportData {
  /** Assignments with the state their latest update up to the end of `asOf` gave them (what the appendix shows). */
  rowsAsOf(filter: ReportFilter, asOf: Day): Promise<TaskRow[]>;
  /** Per assignment, the latest update reported after `after` and up to `upTo` that carries difficulties or proposals. */
  notes(filter: ReportFilter, after: Day, upTo: Day): Promise<NoteRow[]>;
  /** The latest earlier report of the same scope, as of a day before `before`. */
  lastRun(scopeKey: string, before: Day): Promise<{ asOf: Day } | null>;
  recordRun(run: ReportRun): Promise<void>;
}

export function reportScopeKey(filter: ReportFilter): string {
  const units = filter.unitIds ? [...filter.unitIds].sort((a, b) => a - b).join(',') : 'all';
  return `units:${units}|plan:${filter.planId ?? 'all'}`;
}
