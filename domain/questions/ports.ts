/**
 * What answering a leader's question reads. Implemented on PostgreSQL in
 * prisma/stores/question-data.ts (filters, counts and ordering run in SQL, so
 * a city of 100,000 tasks answers in milliseconds) and in memory in
 * ./answer-memory.ts, whose plain TypeScript over the status engine is the
 * reference the SQL is tested against.
 */
import type { ProposalHistory } from '../accountability/proposals.ts';
import type { ExplanationHistory } from '../accountability/explanations.ts';
import type { PersonRef } from '../people/types.ts';
import type { Day } from '../shared/day.ts';
import type { TaskRow, UpdateRow } from '../tasks/types.ts';
import type { DeadlineKind } from '../deadlines/parse-deadline.ts';
import type { UnitRef } from '../units/types.ts';
import type { PlanRef, StatusFilter } from './types.ts';
import type { TaskNames, TaskWords } from './vocabulary.ts';
import type { TitleIndex } from './title-index.ts';

/** An inclusive range of days. */
export interface DayRange {
  from: Day;
  to: Day;
}

/** The day statuses are derived for (Asia/Ho_Chi_Minh) and the "sắp đến hạn" horizon. */
export interface AsOf {
  today: Day;
  dueSoonDays: number;
}

/**
 * Which assignments (one unit's share of a task) a question selects. Every
 * condition must hold. Statuses are derived on `asOf.today` by the status
 * engine's rules (see `matchesFilter` in ./answer-filter.ts for the exact
 * meaning of each).
 */
export interface ItemFilter {
  /** null: every unit. */
  unitIds: number[] | null;
  planId?: number | null;
  kind?: 'TASK' | 'INDICATOR' | null;
  taskIds?: number[] | null;
  /** A section of the appendices ("A.II", "III"): tasks in it or in a group under it. */
  section?: string | null;
  statuses?: StatusFilter[];
  /** The due day in force (31/12 for a yearly task) falls in the range. */
  dueWindow?: DayRange | null;
  /** Done, on a day in the range. */
  doneWindow?: DayRange | null;
  /** Last reported on a day in the range. */
  reportedWindow?: DayRange | null;
  /** Has a proposal (đề xuất, kiến nghị) in its latest state. */
  hasProposals?: boolean;
  /**
   * Only tasks whose every share in `unitIds` (every unit when null) is done:
   * a programme task of 48 units is done when all 48 are (DOMAIN.md).
   */
  wholeTasksDone?: boolean;
  /** Only tasks of these deadline kinds ("thường xuyên": CONTINUOUS). */
  deadlineKinds?: DeadlineKind[] | null;
}

/** A task on a page of tasks: its most urgent matching share, and the statuses of all its matching shares. */
export interface TaskGroup {
  row: TaskRow;
  units: number;
  byStatus: { OVERDUE: number; DUE_SOON: number; NOT_STARTED: number; ON_TRACK: number; DONE: number };
}

/** Status counts of one unit's assignments, as the city's reports count them. */
export interface UnitCounts {
  unitId: number;
  total: number;
  done: number;
  overdue: number;
  dueSoon: number;
  notStarted: number;
  /** Open, in time and started (the engine's ON_TRACK). */
  onTrack: number;
  open: number;
  /** Open assignments updated in the calendar month of `asOf.today` (the 90% rule). */
  updatedThisMonth: number;
}

/** Open assignments of a unit and how many of them were updated within a range of days. */
export interface UnitUpdates {
  unitId: number;
  open: number;
  updated: number;
}

/** A list answer's data: what `page`/`pageTasks`, `countByUnit` and `countTasks` return for the filter and its base. */
export interface Selected {
  rows: TaskRow[];
  groups: TaskGroup[];
  /** Matching assignments per unit: only when nothing is shown (a count names the units with most). */
  byUnit: { unitId: number; count: number }[];
  /** Matching assignments, and the base's (the "/ N"). */
  matched: number;
  total: number;
  tasks: number;
  taskTotal: number;
}

export interface QuestionData {
  /** Every unit (the parser's vocabulary and the scope rules' tree). */
  units(): Promise<UnitRef[]>;
  plans(): Promise<PlanRef[]>;
  /** The directing leaders and the sections the tasks name. */
  taskNames(): Promise<TaskNames>;
  /** The words tasks are written in (titles, outputs, headings): what a question's leftover words are checked against. */
  taskWords(): Promise<TaskWords>;
  /** Optional: the tasks' titles indexed by their words (a topic's tasks without reading every row); rebuilt when tasks change. */
  titleIndex?(): Promise<TitleIndex>;
  /** Every assignment matching the filter, full rows, by task then unit. */
  assignments(filter: ItemFilter, asOf: AsOf): Promise<TaskRow[]>;
  /** How many assignments match, per unit (units without any are left out). */
  countByUnit(filter: ItemFilter, asOf: AsOf): Promise<{ unitId: number; count: number }[]>;
  /** How many distinct tasks (or indicators) have at least one matching assignment: "bao nhiêu nhiệm vụ" counts a task once, however many units share it. */
  countTasks(filter: ItemFilter, asOf: AsOf): Promise<number>;
  /** One page of the matching assignments, most urgent first (the order of `byUrgency`). */
  page(filter: ItemFilter, asOf: AsOf, page: { offset: number; size: number }): Promise<TaskRow[]>;
  /**
   * One page of the matching tasks, each once: its most urgent matching
   * assignment stands for it, with how many units' shares match and their
   * statuses. Tasks in the order of their most urgent share (`byUrgency`).
   */
  pageTasks(filter: ItemFilter, asOf: AsOf, page: { offset: number; size: number }): Promise<TaskGroup[]>;
  /**
   * Optional: `selection` in as few round trips as the store can (PostgreSQL:
   * one statement with the page's rows); the same results as the separate calls.
   */
  selection?(filter: ItemFilter, base: ItemFilter, asOf: AsOf, page: { offset: number; size: number }, shown: 'none' | 'rows' | 'tasks'): Promise<Selected>;
  /** Status counts per unit of the assignments matching the filter (its statuses are ignored). */
  statusCounts(filter: ItemFilter, asOf: AsOf): Promise<UnitCounts[]>;
  /** The same counts summed over every unit, in one aggregate (`unitId` 0). */
  statusTotals(filter: ItemFilter, asOf: AsOf): Promise<UnitCounts>;
  /** Open assignments per unit and those updated in the calendar month of `asOf.today`: the 90% rule, this month (units with open work only). */
  monthlyUpdates(filter: ItemFilter, asOf: AsOf): Promise<UnitUpdates[]>;
  /**
   * Open assignments (as of the end of `range`) and those with an update
   * reported within it, per unit: the 90% rule for a period that is not the
   * current month.
   */
  updatesIn(filter: ItemFilter, range: DayRange): Promise<UnitUpdates[]>;
  /** The assignments a person answers for (explicitly named, or focal officer of the unit). */
  responsibleFor(person: PersonRef): Promise<TaskRow[]>;
  /** Assignments whose task number is `ref` or ends with ".ref" (in any plan: "5" is also "A.II.5"), the exact number first, within some units. */
  findByRef(ref: string, unitIds: number[] | null): Promise<TaskRow[]>;
  history(assignmentId: number, limit?: number): Promise<UpdateRow[]>;
  /**
   * Optional: what a one-share task's detail shows besides the row, in one
   * round trip — its latest `limit` updates in force (as `history`), and
   * whether the unit raised proposals or was asked to explain on the task
   * (their histories are read only then).
   */
  detail?(row: { assignmentId: number; taskId: number; unitId: number }, limit: number): Promise<{ history: UpdateRow[]; proposals: boolean; explanations: boolean }>;
  /** The proposals a unit raised on a task, with their history (issue 15); absent in fakes that have none. */
  proposalHistory?(taskId: number, unitId: number): Promise<ProposalHistory[]>;
  /** The explanation requests a unit was asked on a task, with their history (issue 15); absent in fakes that have none. */
  explanationHistory?(taskId: number, unitId: number): Promise<ExplanationHistory[]>;
}
