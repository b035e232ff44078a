/**
 * QuestionData on PostgreSQL (a server or embedded PGlite). The filters of a
 * question, its counts and the "most urgent first" order run in SQL over the
 * Assignment table, so answers stay fast on a city of 100,000 tasks; only
 * the rows shown are loaded as full TaskRows.
 *
 * The SQL below says what domain/questions/answer-filter.ts says in
 * TypeScript, with the status rules of domain/status/derive-status.ts:
 * test/db/questions-sql.test.ts and test/db/status-counts.test.ts keep them
 * in agreement.
 *
 * The conditions read Assignment alone — the task's kind, rhythm and
 * deadline are copied on the row (migrations assignment_task_facts and
 * earlier) — and look a task up only where they must (a plan, a section, a
 * deadline kind): counts and lists over the whole city avoid a 100,000-row
 * join with Task that way.
 */
import { createHash } from 'node:crypto';
import type { ProposalHistory } from '../../domain/accountability/proposals.ts';
import type { ExplanationHistory } from '../../domain/accountability/explanations.ts';
import { namesOf, wordsOf, type TaskNames, type TaskWords } from '../../domain/questions/vocabulary.ts';
import { TitleIndex } from '../../domain/questions/title-index.ts';
import type { PersonRef } from '../../domain/people/types.ts';
import type { AsOf, DayRange, ItemFilter, QuestionData, Selected, TaskGroup, UnitCounts, UnitUpdates } from '../../domain/questions/ports.ts';
import type { PlanRef, StatusFilter } from '../../domain/questions/types.ts';
import type { NoteRow, ReportData, ReportFilter, ReportRun } from '../../domain/reports/ports.ts';
import { addDays, addMonths, compareDays, dayFromDb, dayOf, dayParts, endOfMonth, instantOf, makeDay, type Day } from '../../domain/shared/day.ts';
import type { TaskRow, UpdateRow } from '../../domain/tasks/types.ts';
import type { UnitRef } from '../../domain/units/types.ts';
import { GENERIC_PLAN, type Db } from '../database.ts';
import { inForceSql } from './effective-updates.ts';
import { numberLookup, PrismaTaskQueries, ROW_COLUMNS, ROW_JOINS, SHARE_JSON_COLUMNS, TASK_JSON_COLUMNS, taskRowsById, taskRowsOfShares, toTaskRow, UNITS_SQL, unitRefsOf, type RawRow, type TaskShares, type UnitRow } from './task-queries.ts';

/** A `timestamp` literal for an instant (the schema stores UTC wall time in `timestamp(3)`). */
function ts(instant: Date): string {
  return instant.toISOString().slice(0, 23).replace('T', ' ');
}

/** Positional parameters and the SQL of the status rules for one day. */
class Sql {
  readonly params: unknown[] = [];
  private readonly yearEnd: Day;
  /** 31/12 falls within the due-soon horizon: yearly tasks are due soon (the last days of December). */
  readonly yearlyDueSoon: boolean;

  constructor(private readonly asOf: AsOf) {
    const { year } = dayParts(asOf.today);
    this.yearEnd = makeDay(year, 12, 31);
    this.yearlyDueSoon = compareDays(this.yearEnd, addDays(asOf.today, asOf.dueSoonDays)) <= 0;
  }

  p(value: unknown, cast?: string): string {
    this.params.push(value);
    return `$${this.params.length}${cast ? `::${cast}` : ''}`;
  }

  /** A condition on the assignment's task (columns of "T0"), looked up only where it is evaluated. */
  task(condition: string): string {
    return `a."taskId" IN (SELECT id FROM "Task" T0 WHERE ${condition})`;
  }

  /**
   * A yearly task ("Hằng năm": reopens every 1 January, due 31/12). Yearly
   * tasks carry no deadline date. The row's copy of the task's rhythm
   * (migration assignment_task_facts), not a subquery over Task.
   */
  get yearly(): string {
    return `(a."deadlineDate" IS NULL AND a.yearly)`;
  }

  /** Tasks or indicators, by the row's copy of the task's kind: a city-wide count never joins the whole Task table. */
  kind(kind: 'TASK' | 'INDICATOR'): string {
    return `a."taskKind" = ${this.p(kind)}::"ItemKind"`;
  }

  get today(): string {
    return this.p(this.asOf.today, 'date');
  }

  get done(): string {
    const yearStart = this.p(`${dayParts(this.asOf.today).year}-01-01`, 'date');
    return `((a.state = 'DONE' AND (a."doneOn" >= ${yearStart} OR NOT ${this.yearly})) OR a."targetMet")`;
  }

  /** The due day in force: 31/12 of this year for a yearly task, else the deadline. */
  get due(): string {
    return `COALESCE(a."deadlineDate", CASE WHEN ${this.yearly} THEN ${this.p(this.yearEnd, 'date')} END)`;
  }

  get overdue(): string {
    return `(NOT ${this.done} AND COALESCE(a."deadlineDate" < ${this.today}, false))`;
  }

  get dueSoon(): string {
    const horizon = this.p(addDays(this.asOf.today, this.asOf.dueSoonDays), 'date');
    const yearly = this.yearlyDueSoon ? ` OR ${this.yearly}` : '';
    return `(NOT ${this.done} AND (COALESCE(a."deadlineDate" >= ${this.today} AND a."deadlineDate" <= ${horizon}, false)${yearly}))`;
  }

  get notStarted(): string {
    return `(NOT ${this.done} AND NOT ${this.overdue} AND NOT ${this.dueSoon} AND (a."lastReportedAt" IS NULL OR (a.state = 'NOT_STARTED' AND COALESCE(a.percent, 0) = 0) OR a.state = 'DONE'))`;
  }

  status(s: StatusFilter): string {
    switch (s) {
      case 'OVERDUE':
        return this.overdue;
      case 'DUE_SOON':
        return this.dueSoon;
      case 'DONE':
        return this.done;
      case 'NOT_STARTED':
        return this.notStarted;
      case 'ON_TRACK':
        return `(NOT ${this.done} AND NOT ${this.overdue} AND NOT ${this.notStarted})`;
      case 'IN_PROGRESS':
        return `(NOT ${this.done} AND (a.state = 'IN_PROGRESS' OR (a.state = 'NOT_STARTED' AND COALESCE(a.percent, 0) <> 0)))`;
      case 'OPEN':
        return `(NOT ${this.done})`;
      case 'STALE':
        return `(NOT ${this.done} AND (a."lastReportedAt" IS NULL OR a."lastReportedAt" < ${this.p(ts(instantOf(addMonths(this.asOf.today, -1))), 'timestamp')}))`;
      case 'HAS_DIFFICULTIES':
        return `(a.difficulties ~ '\\S')`;
      case 'MET':
        return `(${this.kind('INDICATOR')} AND ${this.done})`;
      case 'NOT_MET':
        return `(${this.kind('INDICATOR')} AND NOT ${this.done})`;
    }
  }

  /** The calendar month of the day, as bounds on "lastReportedAt" (UTC wall time). */
  get month(): { from: string; to: string } {
    const { year, month } = dayParts(this.asOf.today);
    return {
      from: this.p(ts(instantOf(makeDay(year, month, 1))), 'timestamp'),
      to: this.p(ts(instantOf(addDays(endOfMonth(year, month), 1))), 'timestamp'),
    };
  }

  /** The day a row was last reported on, in Asia/Ho_Chi_Minh. */
  get reportedDay(): string {
    return `(a."lastReportedAt" + interval '7 hours')::date`;
  }

  /** The due day in force falls in a range; written so that the index-friendly deadline test stands alone when 31/12 is outside it. */
  dueIn(r: DayRange): string {
    const byDeadline = this.range('a."deadlineDate"', r);
    const yearEndIn = compareDays(r.from, this.yearEnd) <= 0 && compareDays(this.yearEnd, r.to) <= 0;
    return yearEndIn ? `(${byDeadline} OR (a."deadlineDate" IS NULL AND ${this.yearly}))` : byDeadline;
  }

  range(expr: string, r: DayRange): string {
    return `(${expr} BETWEEN ${this.p(r.from, 'date')} AND ${this.p(r.to, 'date')})`;
  }

  where(f: ItemFilter, options: { statuses?: boolean } = {}): string {
    const parts: string[] = [];
    if (f.unitIds) parts.push(`a."unitId" = ANY(${this.p(f.unitIds, 'int[]')})`);
    if (f.taskIds) parts.push(`a."taskId" = ANY(${this.p(f.taskIds, 'int[]')})`);
    if (f.planId != null) parts.push(this.task(`T0."planId" = ${this.p(f.planId, 'int')}`));
    if (f.kind) parts.push(this.kind(f.kind));
    // the task's section and group as one key ("A.I.3"), the section itself or under it; codes hold no LIKE wildcards
    if (f.section) parts.push(this.task(`concat_ws('.', T0."sectionCode", T0."groupCode") || '.' LIKE ${this.p(`${f.section.replace(/[\\%_]/g, '')}.%`)}`));
    if (options.statuses !== false) for (const s of f.statuses ?? []) parts.push(this.status(s));
    if (f.dueWindow) parts.push(this.dueIn(f.dueWindow));
    if (f.doneWindow) parts.push(`(${this.done} AND ${this.range(`COALESCE(a."doneOn", ${this.reportedDay})`, f.doneWindow)})`);
    if (f.reportedWindow) parts.push(this.range(this.reportedDay, f.reportedWindow));
    if (f.deadlineKinds?.length) parts.push(this.task(`T0."deadlineKind"::text = ANY(${this.p(f.deadlineKinds, 'text[]')})`));
    if (f.hasProposals) parts.push(`(a.proposals ~ '\\S')`);
    if (f.wholeTasksDone) {
      // no share of the same task, among the units asked about, still open
      const units = f.unitIds ? ` AND o."unitId" = ANY(${this.p(f.unitIds, 'int[]')})` : '';
      parts.push(`NOT EXISTS (SELECT 1 FROM "Assignment" o WHERE o."taskId" = a."taskId"${units} AND NOT ${this.done.replace(/\ba\./g, 'o.')})`);
    }
    return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  }

  get from(): string {
    return `"Assignment" a`;
  }
}

/** The span of one urgency in `dk`: the due day's number (days since 0001-01-01, 9,999,999 for none) stays below it. */
const URGENCY = 10_000_000;

/**
 * The matching assignments with their urgency (0 overdue, 1 due soon, 2 not
 * started, 3 on track, 4 done: `byUrgency`'s order) and due day as one
 * integer `dk` (urgency × URGENCY + days since 0001-01-01, no due day last),
 * reading Assignment alone: one number to order and to take the least of,
 * where a text key (the due day through to_char, then concatenated) cost more
 * than the scan on a city's 9,000 shares due by the year end.
 */
function ranked(sql: Sql, filter: ItemFilter, asOf: AsOf): string {
  const yearly = sql.yearlyDueSoon ? sql.yearly : 'false';
  const inner = `SELECT a.id, a."taskId", a."unitId", a."deadlineDate" AS d, a."lastReportedAt" AS r, a.state, a.percent,
      ${sql.done} AS done, ${yearly} AS yearly, ${sql.due} AS due
    FROM ${sql.from} ${sql.where(filter)}`;
  const today = sql.p(asOf.today, 'date');
  const horizon = sql.p(addDays(asOf.today, asOf.dueSoonDays), 'date');
  const rank = `CASE WHEN x.done THEN 4 WHEN COALESCE(x.d < ${today}, false) THEN 0
    WHEN COALESCE(x.d >= ${today} AND x.d <= ${horizon}, false) OR x.yearly THEN 1
    WHEN x.r IS NULL OR (x.state = 'NOT_STARTED' AND COALESCE(x.percent, 0) = 0) OR x.state = 'DONE' THEN 2 ELSE 3 END`;
  return `SELECT x.id, x."taskId", x."unitId", (${rank}) * ${URGENCY} + COALESCE(x.due - DATE '0001-01-01', ${URGENCY - 1}) AS dk FROM (${inner}) x`;
}

function pageLimit(page: { offset: number; size: number }): number {
  return Math.max(1, Math.floor(page.offset + page.size));
}

/**
 * `compareNumbers` as an SQL sort key: parts compared in turn ('.' sorts
 * before digits and letters), numbers as numbers (each run of digits
 * zero-padded to 18), the other parts case-insensitively. It orders exactly
 * as `compareNumbers` the numbers the importer writes — parts of digits or of
 * capital letters ("A.II.6", "B.NV.5", "1.3", "22"), leading zeros aside
 * ("01", which `compareNumbers` holds equal to "1.10" but not to "1.9");
 * test/db/question-order.test.ts checks it against `compareNumbers`.
 */
export function numberKeySql(column: string): string {
  return `lower(regexp_replace(regexp_replace(${column}, '([0-9]+)', '000000000000000000\\1', 'g'), '0*([0-9]{18})', '\\1', 'g')) COLLATE "C"`;
}

const rowInclude = { task: { include: { plan: true } }, unit: true } as const;
/**
 * Units and plans are re-read when the change check sees them change (their updatedAt included, which
 * Prisma sets on every update the app makes), and at least this often: a change written outside the app
 * (psql) need not touch updatedAt.
 */
const CACHE_MS = 3_600_000;
/**
 * How often a process that serves chats reads units and plans again on its own (`keepReferenceFresh`, bot/main.ts),
 * so that the hourly guard falls in the silence between questions, never on a leader's question.
 */
export const REFRESH_MS = CACHE_MS / 2;
/** How long a check that nothing changed holds within one PrismaQuestionData (chat makes one per message). */
const CHECK_MS = 1_000;
/** Base totals kept per change of the tasks and assignments (one per scope, plan, kind… asked about). */
const MAX_BASE_TOTALS = 2_000;

interface Registry {
  key: string;
  at: number;
  units: UnitRef[];
  plans: PlanRef[];
  planOrder: number[];
}

/** The texts a `string_agg(…, ' | ')` joined. */
const splitAgg = (text: string | null | undefined): string[] => (text ? text.split(' | ') : []);

/** What one change check reads: the units' and plans' fingerprint, the tasks', and the tasks' with the assignments'. */
interface Fingerprint {
  reference: string;
  tasks: string;
  structure: string;
}

/**
 * The change check as one text column: counts, highest ids and last changes of Unit and Plan,
 * count and highest id of UnitAlias; highest id and last change of Task; highest id of
 * Assignment (read from indexes).
 */
const FINGERPRINT = `concat_ws('|', (SELECT count(*) FROM "Unit"), (SELECT coalesce(max(id), 0) FROM "Unit"), (SELECT coalesce(max("updatedAt"), 'epoch') FROM "Unit")::text,
  (SELECT count(*) FROM "UnitAlias"), (SELECT coalesce(max(id), 0) FROM "UnitAlias"), (SELECT count(*) FROM "Plan"), (SELECT coalesce(max(id), 0) FROM "Plan"),
  (SELECT coalesce(max("updatedAt"), 'epoch') FROM "Plan")::text, (SELECT coalesce(max(id), 0) FROM "Task"),
  (SELECT coalesce(max("updatedAt"), 'epoch') FROM "Task")::text, (SELECT coalesce(max(id), 0) FROM "Assignment"))`;

/** The directing leaders and the sections the tasks name, by skip scans of two indexes: as many probes as there are leaders and sections, not a pass over every task. */
const NAMES_SQL = `WITH RECURSIVE
           l(v) AS ((SELECT "directingLeader" FROM "Task" WHERE "directingLeader" IS NOT NULL ORDER BY 1 LIMIT 1)
             UNION ALL SELECT (SELECT t."directingLeader" FROM "Task" t WHERE t."directingLeader" > l.v ORDER BY 1 LIMIT 1) FROM l WHERE l.v IS NOT NULL),
           s(v) AS ((SELECT "sectionCode" FROM "Task" ORDER BY 1 LIMIT 1)
             UNION ALL SELECT (SELECT t."sectionCode" FROM "Task" t WHERE t."sectionCode" > s.v ORDER BY 1 LIMIT 1) FROM s WHERE s.v IS NOT NULL),
           g(s, v) AS (SELECT s.v, (SELECT t."groupCode" FROM "Task" t WHERE t."sectionCode" = s.v AND t."groupCode" IS NOT NULL ORDER BY 1 LIMIT 1) FROM s WHERE s.v IS NOT NULL
             UNION ALL SELECT g.s, (SELECT t."groupCode" FROM "Task" t WHERE t."sectionCode" = g.s AND t."groupCode" > g.v ORDER BY 1 LIMIT 1) FROM g WHERE g.v IS NOT NULL)
         SELECT (SELECT string_agg(v, ' | ' ORDER BY v) FROM l WHERE v IS NOT NULL) AS leaders,
           (SELECT string_agg(x, ' | ' ORDER BY x) FROM (
              SELECT s.v AS x FROM s WHERE s.v IS NOT NULL AND EXISTS (SELECT 1 FROM "Task" t WHERE t."sectionCode" = s.v AND t."groupCode" IS NULL)
              UNION SELECT g.s || '.' || g.v FROM g WHERE g.v IS NOT NULL) y) AS sections`;

interface NamesRow {
  leaders: string | null;
  sections: string | null;
}

/** Plans in id order. */
const PLANS_SQL = `SELECT id, code, title, year FROM "Plan" ORDER BY id`;

type PlanRow = { id: number; code: string; title: string; year: number | null };

/** The units (with their aliases) and the plans, as two JSON columns of one row: one statement, one round trip. */
const REFERENCE_COLUMNS = `(SELECT coalesce(json_agg(x ORDER BY x.id), '[]'::json) FROM (${UNITS_SQL}) x) AS units,
  (SELECT coalesce(json_agg(p ORDER BY p.id), '[]'::json) FROM (${PLANS_SQL}) p) AS plans`;

type ReferenceRow = { units: unknown; plans: unknown };

/** A JSON column as the adapter returns it: parsed already, or text. */
function jsonOf<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

function fingerprintOf(text: string): Fingerprint {
  const [u, um, uu, a, am, p, pm, pu, tm, tu, asm] = text.split('|');
  return { reference: [u, um, uu, a, am, p, pm, pu].join('|'), tasks: [tm, tu].join('|'), structure: [tm, tu, asm].join('|') };
}

/** How many shares and distinct tasks a filter of structure alone (units, plan, kind, section, task ids) selects. */
interface BaseTotal {
  total: number;
  taskTotal: number;
}

/**
 * The reference data answers read — units, plans, the words of the tasks,
 * and the totals a question's "/ N" is
 * counted against — shared by every PrismaQuestionData of a process (chat
 * makes one per message, inside its transaction): loaded once, and re-read
 * only when one cheap statement says it changed.
 */
export class QuestionReference {
  registry: Registry | null = null;
  /** What is read from the tasks alone (their names, words, title index), each with the tasks' fingerprint it holds for. */
  readonly ofTasks = new Map<string, { key: string; value: unknown }>();
  baseTotals: { key: string; totals: Map<string, BaseTotal> } | null = null;
  /** The fingerprint a statement last read: what an optimistic answer takes as current (its own statement checks it). */
  known: string | null = null;
  readonly loading = new Map<string, Promise<unknown>>();

  /** One load per key at a time, however many askers want it. */
  once<T>(key: string, load: () => Promise<T>): Promise<T> {
    const running = this.loading.get(key);
    if (running) return running as Promise<T>;
    const p = load().finally(() => this.loading.delete(key));
    this.loading.set(key, p);
    return p;
  }
}

/** A filter of structure alone: what it selects changes only when tasks or assignments are added or changed, never with progress or the day. */
function structural(f: ItemFilter): boolean {
  return !f.statuses?.length && !f.dueWindow && !f.doneWindow && !f.reportedWindow && !f.hasProposals && !f.wholeTasksDone;
}

function baseKey(f: ItemFilter): string {
  const key = JSON.stringify([f.unitIds ?? null, f.planId ?? null, f.kind ?? null, f.taskIds ?? null, f.section ?? null, f.deadlineKinds ?? null]);
  // a topic's tasks can be thousands of ids: the kept key is their hash
  return key.length > 200 ? createHash('sha1').update(key).digest('base64') : key;
}

/** A list statement's counts (its one result row, with the page). */
interface ListHead {
  matched: number;
  tasks: number;
  byUnit: string | null;
  total: number | null;
  taskTotal: number | null;
}

/** What a list's page adds to each TaskRow (the page's order, a task's shares by status). */
interface PageExtras {
  ord: number;
  n: number | null;
  c0: number | null;
  c1: number | null;
  c2: number | null;
  c3: number | null;
  c4: number | null;
}

interface ListResult {
  rows: TaskRow[];
  groups: TaskGroup[];
  byUnit: { unitId: number; count: number }[];
  matched: number;
  tasks: number;
  total: number;
  taskTotal: number;
}

/** How many updates a task's detail lists (domain/questions/answer-task.ts). */
const DETAIL_LIMIT = 6;

type Detail = { history: UpdateRow[]; proposals: boolean; explanations: boolean };

/**
 * A share's detail as one JSON value: its latest `limit` updates in force
 * (as `history` gives them), and whether the unit raised proposals or was
 * asked to explain on the task.
 */
function detailSql(assignment: string, task: string, unit: string, limit: string): string {
  return `json_build_object(
    'history', (SELECT coalesce(json_agg(h ORDER BY h.n), '[]'::json) FROM (
        SELECT row_number() OVER (ORDER BY u."reportedAt" DESC, u.id DESC) AS n, u.id, u.kind::text AS kind, un.name AS "unitName",
          u.state::text AS state, u.percent, u."actualValue", u."actualText", u."outputDocument", u.difficulties, u.proposals,
          u."expectedCompletionText", rp."fullName" AS "reporterName", u.channel::text AS channel,
          to_char(COALESCE(u."asOf", (u."reportedAt" + interval '7 hours')::date), 'YYYY-MM-DD') AS "reportedOn", u."amendsId"
        FROM "ProgressUpdate" u JOIN "Unit" un ON un.id = u."unitId" LEFT JOIN "Person" rp ON rp.id = u."reporterId"
        WHERE u."assignmentId" = ${assignment} AND ${inForceSql()}
        ORDER BY u."reportedAt" DESC, u.id DESC LIMIT ${limit}) h),
    'proposals', EXISTS (SELECT 1 FROM "Proposal" x WHERE x."taskId" = ${task} AND x."fromUnitId" = ${unit}),
    'explanations', EXISTS (SELECT 1 FROM "ExplanationRequest" x WHERE x."taskId" = ${task} AND x."unitId" = ${unit}))`;
}

function parseDetail(value: unknown): Detail {
  const d = jsonOf<{ history: (UpdateRow & { n?: number })[]; proposals: boolean; explanations: boolean }>(value);
  return { history: d.history.map(({ n: _n, ...u }) => u), proposals: d.proposals, explanations: d.explanations };
}

export class PrismaQuestionData implements QuestionData {
  private readonly queries: PrismaTaskQueries;
  /** Details found with their row by `findByRef` (one message's): the answer's next step reads them without a round trip. */
  private readonly details = new Map<number, { limit: number; detail: Detail }>();
  private check: { at: number; fingerprint: Promise<Fingerprint> } | null = null;
  /** Optimistic: the fingerprint taken as current without a statement (the process's last), until the answer's statement says. */
  private assumed: { text: string; verdict: boolean | null } | null = null;

  /**
   * `optimistic`: the reference data the process holds is used at once and the change check
   * rides on the answer's list statement; `settled()` then says whether it still held
   * (`withReference` reads the question again when not). Otherwise the check comes first.
   */
  constructor(
    private readonly prisma: Db,
    private readonly clock: () => number = Date.now,
    private readonly shared: QuestionReference = new QuestionReference(),
    private readonly optimistic = false,
  ) {
    this.queries = new PrismaTaskQueries(prisma);
  }

  /**
   * The change check: one statement (counts and highest ids of Unit,
   * UnitAlias and Plan; highest id and last change of Task and highest id of
   * Assignment, read from indexes), once per instance — once per message in
   * chat — and at most once a second in a long-lived one; concurrent steps of
   * an answer share it. Optimistic, the process's last fingerprint stands for
   * it until the answer's own statement reads the real one.
   */
  private fingerprint(): Promise<Fingerprint> {
    const now = this.clock();
    if (this.check && now - this.check.at < CHECK_MS) return this.check.fingerprint;
    const known = this.shared.known;
    // however old, the last fingerprint read is only assumed: the answer's own statement checks it
    if (this.optimistic && !this.check && known) {
      this.assumed = { text: known, verdict: null };
      this.check = { at: now, fingerprint: Promise.resolve(fingerprintOf(known)) };
      return this.check.fingerprint;
    }
    const fingerprint = (async () =>
      fingerprintOf(
        this.shared.registry
          ? this.seen((await this.prisma.$queryRawUnsafe(GENERIC_PLAN + `SELECT ${FINGERPRINT} AS fp`)) as { fp: string }[])
          : await this.shared.once('prime', () => this.prime()),
      ))();
    this.check = { at: now, fingerprint };
    fingerprint.catch(() => {
      if (this.check?.fingerprint === fingerprint) this.check = null;
    });
    return fingerprint;
  }

  /** A fingerprint read by a statement: the process's latest, and the verdict on an assumed one. */
  private seen(rows: { fp?: string | null }[]): string {
    const text = rows[0]?.fp;
    if (typeof text !== 'string') throw new Error('the change check returned no fingerprint');
    this.shared.known = text;
    if (this.assumed && this.assumed.verdict === null) this.assumed.verdict = this.assumed.text === text;
    return text;
  }

  /** Whether the statement still has to check an assumed fingerprint (its result then carries `fp`). */
  private get checking(): boolean {
    return this.assumed !== null && this.assumed.verdict === null;
  }

  /**
   * Whether the reference data this answer used was current: true unless it was assumed and
   * found changed. An assumption no statement checked is checked now (one statement).
   */
  async settled(): Promise<boolean> {
    if (!this.assumed) return true;
    if (this.assumed.verdict === null) this.seen((await this.prisma.$queryRawUnsafe(GENERIC_PLAN + `SELECT ${FINGERPRINT} AS fp`)) as { fp: string }[]);
    return this.assumed.verdict === true;
  }

  /** Units, plans and the plans in `localeCompare` order of their codes, re-read when they change. */
  private async registry(): Promise<Registry> {
    const { reference: key } = await this.fingerprint();
    const cached = this.shared.registry;
    if (cached && cached.key === key && this.clock() - cached.at < CACHE_MS) return cached;
    return this.shared.once(`registry:${key}`, async () => {
      const [row] = (await this.prisma.$queryRawUnsafe(`SELECT ${REFERENCE_COLUMNS}`)) as ReferenceRow[];
      return this.keepReference(key, row!);
    });
  }

  /** Units and plans read again whatever the change check says: the hourly guard, taken off the questions' path by `keepReferenceFresh`. */
  async reread(): Promise<void> {
    const [row] = (await this.prisma.$queryRawUnsafe(`SELECT ${FINGERPRINT} AS fp, ${REFERENCE_COLUMNS}`)) as (ReferenceRow & { fp: string })[];
    this.keepReference(fingerprintOf(this.seen([row!])).reference, row!);
  }

  /** A row of REFERENCE_COLUMNS kept as the registry for the change check's `key`. */
  private keepReference(key: string, row: ReferenceRow): Registry {
    const units = unitRefsOf(jsonOf<UnitRow[]>(row.units));
    const refs: PlanRef[] = jsonOf<PlanRow[]>(row.plans).map((p) => ({ id: p.id, code: p.code, title: p.title, year: p.year, aliases: [] }));
    const old = this.shared.registry;
    // Read again and found the same (the hourly guard, nearly always): the same objects kept, so that what the
    // parser built from them (the units' words, ~2 ms for a city's 1,000) is not built again on the next question.
    if (old && JSON.stringify(old.units) === JSON.stringify(units) && JSON.stringify(old.plans) === JSON.stringify(refs)) {
      this.shared.registry = { ...old, key, at: this.clock() };
      return this.shared.registry;
    }
    const planOrder = [...refs].sort((a, b) => a.code.localeCompare(b.code)).map((p) => p.id);
    this.shared.registry = { key, at: this.clock(), units, plans: refs, planOrder };
    return this.shared.registry;
  }

  /**
   * A process's first read: the change check, the units, the plans and the names the tasks use
   * in one statement (on a new connection each statement would cost a round trip on a cold
   * server process, and the reads running side by side would open more connections).
   */
  private async prime(): Promise<string> {
    const [row] = (await this.prisma.$queryRawUnsafe(
      `SELECT ${FINGERPRINT} AS fp, ${REFERENCE_COLUMNS}, (SELECT row_to_json(n) FROM (${NAMES_SQL}) n) AS names`,
    )) as (ReferenceRow & { fp: string; names: unknown })[];
    const text = this.seen([row!]);
    const fp = fingerprintOf(text);
    if (!this.shared.registry) this.keepReference(fp.reference, row!);
    if (!this.shared.ofTasks.has('names')) {
      const names = jsonOf<NamesRow | null>(row!.names);
      this.shared.ofTasks.set('names', { key: fp.tasks, value: namesOf(splitAgg(names?.leaders), splitAgg(names?.sections)) });
    }
    return text;
  }

  /** The status rules' SQL for a day. */
  private async sql(asOf: AsOf): Promise<Sql> {
    return new Sql(asOf);
  }

  /** The totals of a structural filter counted before (with the key they hold for), or the key to store them under. */
  private async baseTotal(f: ItemFilter): Promise<{ key: string; cached: BaseTotal | null }> {
    const { structure } = await this.fingerprint();
    const cached = this.shared.baseTotals?.key === structure ? (this.shared.baseTotals.totals.get(baseKey(f)) ?? null) : null;
    return { key: structure, cached };
  }

  private keepBaseTotal(key: string, f: ItemFilter, total: BaseTotal): void {
    if (this.shared.baseTotals?.key !== key) this.shared.baseTotals = { key, totals: new Map() };
    const totals = this.shared.baseTotals.totals;
    if (totals.size >= MAX_BASE_TOTALS) totals.clear();
    totals.set(baseKey(f), total);
  }

  /** A value read from the tasks alone, shared by every message and read again only when tasks were added or changed. */
  private async ofTasks<T>(name: string, load: () => Promise<T>): Promise<T> {
    const { tasks: key } = await this.fingerprint();
    const known = this.shared.ofTasks.get(name);
    if (known?.key === key) return known.value as T;
    return this.shared.once(`${name}:${key}`, async () => {
      const value = await load();
      this.shared.ofTasks.set(name, { key, value });
      return value;
    });
  }

  /** The directing leaders and the sections the tasks name, re-read only when tasks were added or changed. */
  async taskNames(): Promise<TaskNames> {
    return this.ofTasks('names', async () => {
      // Skip scans of two indexes: as many probes as there are leaders and sections, not a pass over every task.
      const [row] = (await this.prisma.$queryRawUnsafe(GENERIC_PLAN + NAMES_SQL)) as NamesRow[];
      return namesOf(splitAgg(row?.leaders), splitAgg(row?.sections));
    });
  }

  /**
   * The words of every task's title, output, headings, units and directing
   * leader (not of progress notes, whose everyday words — "thời tiết" — would
   * make any chat a subject): built once and rebuilt only when tasks were
   * added or changed.
   */
  async taskWords(): Promise<TaskWords> {
    return this.ofTasks('words', async () => {
      const rows = (await this.prisma.$queryRawUnsafe(
        GENERIC_PLAN +
        `SELECT string_agg(DISTINCT concat_ws(' ', title, "expectedOutput", "sectionTitle", "groupTitle", "directingLeader", "leadUnitText", "coordinatingText"), ' | ') AS text FROM "Task"`,
      )) as { text: string | null }[];
      return wordsOf(splitAgg(rows[0]?.text));
    });
  }

  /** The tasks' titles indexed by their words (a topic's tasks by id): built once per change of the tasks, shared by every message. */
  async titleIndex(): Promise<TitleIndex> {
    return this.ofTasks('titles', async () => new TitleIndex((await this.prisma.$queryRawUnsafe(`SELECT id, title FROM "Task" ORDER BY id`)) as { id: number; title: string }[]));
  }


  async units(): Promise<UnitRef[]> {
    return (await this.registry()).units;
  }

  async plans(): Promise<PlanRef[]> {
    return (await this.registry()).plans;
  }

  private async ids(sql: Sql, filter: ItemFilter): Promise<number[]> {
    const rows = (await this.prisma.$queryRawUnsafe(GENERIC_PLAN + `SELECT a.id FROM ${sql.from} ${sql.where(filter)}`, ...sql.params)) as { id: number }[];
    return rows.map((r) => r.id);
  }

  async assignments(filter: ItemFilter, asOf: AsOf): Promise<TaskRow[]> {
    const rows = await taskRowsById(this.prisma, await this.ids(await this.sql(asOf), filter));
    return rows.sort((a, b) => a.taskId - b.taskId || a.unitId - b.unitId);
  }

  async countTasks(filter: ItemFilter, asOf: AsOf): Promise<number> {
    if (structural(filter)) return (await this.structureTotal(filter, asOf)).taskTotal;
    const sql = await this.sql(asOf);
    const where = sql.where(filter);
    const [row] = (await this.prisma.$queryRawUnsafe(GENERIC_PLAN + `SELECT count(DISTINCT a."taskId")::int AS n FROM ${sql.from} ${where}`, ...sql.params)) as { n: number }[];
    return row?.n ?? 0;
  }

  /** Shares and distinct tasks of a structural filter: counted once per change of the tasks and assignments. */
  private async structureTotal(filter: ItemFilter, asOf: AsOf): Promise<BaseTotal> {
    const { key, cached } = await this.baseTotal(filter);
    if (cached) return cached;
    const sql = await this.sql(asOf);
    const [row] = (await this.prisma.$queryRawUnsafe(
        GENERIC_PLAN +
      `SELECT count(*)::int AS total, count(DISTINCT a."taskId")::int AS "taskTotal" FROM ${sql.from} ${sql.where(filter)}`,
      ...sql.params,
    )) as BaseTotal[];
    this.keepBaseTotal(key, filter, row!);
    return row!;
  }

  async countByUnit(filter: ItemFilter, asOf: AsOf): Promise<{ unitId: number; count: number }[]> {
    const sql = await this.sql(asOf);
    const where = sql.where(filter);
    return (await this.prisma.$queryRawUnsafe(GENERIC_PLAN + `SELECT a."unitId" AS "unitId", count(*)::int AS count FROM ${sql.from} ${where} GROUP BY 1 ORDER BY 1`, ...sql.params)) as {
      unitId: number;
      count: number;
    }[];
  }

  /**
   * Most urgent first, exactly as `byUrgency`: status, then due day, then
   * plan code, then task number (then task and unit, the storage order a
   * stable sort keeps) — all in SQL, in one statement with the page's rows.
   */
  async page(filter: ItemFilter, asOf: AsOf, page: { offset: number; size: number }): Promise<TaskRow[]> {
    return (await this.list(filter, null, asOf, page, 'rows', false)).rows;
  }

  /** Tasks once each, ordered by their most urgent matching share (the one that stands for the task), with their shares' statuses. */
  async pageTasks(filter: ItemFilter, asOf: AsOf, page: { offset: number; size: number }): Promise<TaskGroup[]> {
    return (await this.list(filter, null, asOf, page, 'tasks', false)).groups;
  }

  /**
   * A list answer's data in one statement (issue 12): the matching shares and
   * tasks (per unit when nothing is shown: a count's "nhiều nhất"), the
   * base's totals (the "/ N", kept per change of tasks and assignments since
   * it depends on structure alone) and the page's full rows, ordered as
   * `byUrgency`. The same results as `page` or `pageTasks`, `countByUnit` and
   * `countTasks` of the filter and the base.
   */
  async selection(filter: ItemFilter, base: ItemFilter, asOf: AsOf, page: { offset: number; size: number }, shown: 'none' | 'rows' | 'tasks'): Promise<Selected> {
    return this.list(filter, base, asOf, page, shown, true);
  }

  /**
   * The one statement behind a list: `f` the matching rows ranked (0 overdue,
   * 1 due soon, 2 not started, 3 on track, 4 done; with the due day, one
   * integer `dk`: see `ranked`),
   * reading Assignment alone; their counts; the base's totals; the first
   * `offset + size` rows by rank and due day with every row tied with the
   * last (or tasks: each task's most urgent share stands for it), then only
   * those looked up in Task to finish the order by plan and number; the
   * page's slice joined to its full rows. One result row: the counts and the
   * page as a JSON array (null when the page is empty).
   */
  private async list(
    filter: ItemFilter,
    base: ItemFilter | null,
    asOf: AsOf,
    page: { offset: number; size: number },
    shown: 'none' | 'rows' | 'tasks',
    counted: boolean,
  ): Promise<ListResult> {
    const sql = await this.sql(asOf);
    const ctes: string[] = [`f AS (${shown === 'none' ? `SELECT a.id, a."taskId", a."unitId" FROM ${sql.from} ${sql.where(filter)}` : ranked(sql, filter, asOf)})`];
    if (shown === 'tasks') {
      // Each task once, with its most urgent share: the least (dk, unit) as one bigint (a task has one share per
      // unit, so the unit names the share), and its shares counted by urgency. Plain aggregates, no sort per task.
      const B = 2 ** 31;
      ctes.push(`g AS (SELECT gk."taskId", (gk.k / ${B})::int AS dk, (gk.k % ${B})::int AS "unitId", gk.n, gk.c0, gk.c1, gk.c2, gk.c3, gk.c4 FROM (
          SELECT f."taskId", min(f.dk::bigint * ${B} + f."unitId") AS k, count(*)::int AS n,
            count(*) FILTER (WHERE f.dk < ${URGENCY})::int AS c0, count(*) FILTER (WHERE f.dk >= ${URGENCY} AND f.dk < ${2 * URGENCY})::int AS c1,
            count(*) FILTER (WHERE f.dk >= ${2 * URGENCY} AND f.dk < ${3 * URGENCY})::int AS c2, count(*) FILTER (WHERE f.dk >= ${3 * URGENCY} AND f.dk < ${4 * URGENCY})::int AS c3,
            count(*) FILTER (WHERE f.dk >= ${4 * URGENCY})::int AS c4
          FROM f GROUP BY f."taskId") gk)`);
    }
    const perUnit = shown === 'none' ? `, (SELECT string_agg(x."unitId" || ',' || x.n, ';') FROM (SELECT "unitId", count(*) AS n FROM f GROUP BY 1) x) AS "byUnit"` : `, NULL::text AS "byUnit"`;
    // the distinct tasks are g's rows when there is g (counted there, not sorted again)
    const tasks = shown === 'tasks' ? `(SELECT count(*) FROM g)::int` : `count(DISTINCT "taskId")::int`;
    ctes.push(counted ? `c AS (SELECT count(*)::int AS matched, ${tasks} AS tasks${perUnit} FROM f)` : `c AS (SELECT 0 AS matched, 0 AS tasks, NULL::text AS "byUnit")`);
    // the base's totals: the filter's own when the same, else remembered, else counted here and remembered
    let store: { key: string; base: ItemFilter } | null = null;
    if (!counted || !base) ctes.push(`bc AS (SELECT NULL::int AS total, NULL::int AS "taskTotal")`);
    else if (JSON.stringify(filter) === JSON.stringify(base)) ctes.push(`bc AS (SELECT matched AS total, tasks AS "taskTotal" FROM c)`);
    else {
      const known = structural(base) ? await this.baseTotal(base) : null;
      if (known?.cached) ctes.push(`bc AS (SELECT ${sql.p(known.cached.total, 'int')} AS total, ${sql.p(known.cached.taskTotal, 'int')} AS "taskTotal")`);
      else {
        if (known) store = { key: known.key, base };
        ctes.push(`bc AS (SELECT count(*)::int AS total, count(DISTINCT a."taskId")::int AS "taskTotal" FROM ${sql.from} ${sql.where(base)})`);
      }
    }
    let select = `SELECT c.matched, c.tasks, c."byUnit", bc.total, bc."taskTotal"/*fp*/ FROM c CROSS JOIN bc`;
    if (shown !== 'none') {
      const limit = pageLimit(page);
      const { planOrder } = await this.registry();
      const from = shown === 'tasks' ? 'g' : 'f';
      const groupCols = shown === 'tasks' ? 'q.n, q.c0, q.c1, q.c2, q.c3, q.c4' : 'NULL::int AS n';
      // a task's share by its unit (unique per task), a row by its id
      const share = shown === 'tasks' ? `a."taskId" = q."taskId" AND a."unitId" = q."unitId"` : 'a.id = q.id';
      ctes.push(`cand AS (SELECT * FROM ${from} ORDER BY dk FETCH FIRST ${limit} ROWS WITH TIES)`);
      ctes.push(`q AS (SELECT * FROM (
          SELECT cand.*, row_number() OVER (ORDER BY cand.dk, array_position(${sql.p(planOrder, 'int[]')}, t0."planId"), ${numberKeySql('t0.number')}, cand."taskId", cand."unitId") AS ord
          FROM cand JOIN "Task" t0 ON t0.id = cand."taskId") o
        WHERE o.ord > ${sql.p(Math.max(0, Math.floor(page.offset)), 'int')} AND o.ord <= ${sql.p(limit, 'int')})`);
      // The page as one JSON value (its rows as objects keyed as ROW_COLUMNS names them), not one result row per
      // shown row: ~50 columns × 10 rows, the counts and the fingerprint repeated on each, were decoded cell by cell
      // by pg and then by Prisma, the largest part of an answer's own work in Node.
      select = `SELECT c.matched, c.tasks, c."byUnit", bc.total, bc."taskTotal"/*fp*/,
          (SELECT json_agg(r ORDER BY r.ord) FROM (SELECT q.ord, ${groupCols}, ${ROW_COLUMNS} FROM q JOIN "Assignment" a ON ${share} ${ROW_JOINS}) r) AS page
        FROM c CROSS JOIN bc`;
    }
    // an assumed fingerprint is checked by this statement (one statement for the answer)
    const checks = this.checking;
    const text = `WITH ${ctes.join(',\n')}\n${select}`.replace('/*fp*/', checks ? `, ${FINGERPRINT} AS fp` : '');
    const raw = (await this.prisma.$queryRawUnsafe(GENERIC_PLAN + text, ...sql.params)) as (ListHead & { fp?: string; page?: unknown })[];
    if (checks) this.seen(raw);
    const head = raw[0]!;
    const rows: TaskRow[] = [];
    const groups: TaskGroup[] = [];
    for (const r of jsonOf<(RawRow & PageExtras)[] | null>(head.page) ?? []) {
      const { ord: _o, n, c0, c1, c2, c3, c4, ...row } = r;
      const taskRow = row as RawRow;
      if (shown === 'tasks') groups.push({ row: taskRow, units: n!, byStatus: { OVERDUE: c0!, DUE_SOON: c1!, NOT_STARTED: c2!, ON_TRACK: c3!, DONE: c4! } });
      else rows.push(taskRow);
    }
    if (store) this.keepBaseTotal(store.key, store.base, { total: head.total!, taskTotal: head.taskTotal! });
    const byUnit = head.byUnit
      ? head.byUnit
          .split(';')
          .map((x) => x.split(',').map(Number) as [number, number])
          .map(([unitId, count]) => ({ unitId, count }))
          .sort((x, y) => x.unitId - y.unitId)
      : [];
    return { rows, groups, byUnit, matched: head.matched, tasks: head.tasks, total: head.total ?? 0, taskTotal: head.taskTotal ?? 0 };
  }

  /**
   * A statement's rows in `order`, carrying the change check when an assumed fingerprint is
   * still to be checked (one more column, and one row even when there are none): the answer
   * stays one statement.
   */
  private async checked<T>(text: string, key: string, params: unknown[]): Promise<T[]> {
    if (!this.checking) return (await this.prisma.$queryRawUnsafe(GENERIC_PLAN + `${text} ORDER BY "${key}"`, ...params)) as T[];
    const raw = (await this.prisma.$queryRawUnsafe(
      GENERIC_PLAN + `SELECT ${FINGERPRINT} AS fp, x.* FROM (SELECT 1) one LEFT JOIN (${text}) x ON true ORDER BY x."${key}"`,
      ...params,
    )) as (Record<string, unknown> & { fp: string })[];
    this.seen(raw);
    return raw.filter((r) => r[key] !== null).map(({ fp: _fp, ...row }) => row as T);
  }

  statusCounts(filter: ItemFilter, asOf: AsOf): Promise<UnitCounts[]> {
    return this.counts(filter, asOf, true);
  }

  /**
   * Status counts in one pass: each row's status worked out once, as a number (0 done, 1 overdue, 2 due
   * soon, 3 not started, 4 on track: the first that holds, as deriveStatus), then plain comparisons.
   * OFFSET 0 keeps the inner query apart: flattened, PostgreSQL would evaluate its CASE again in each count
   * (it does not share subexpressions), and the counts of the city's ~100,000 rows cost 1.6× those of a
   * plain count, which 20 askers at once on two cores turned into 2×.
   */
  private async counts(filter: ItemFilter, asOf: AsOf, byUnit: boolean): Promise<UnitCounts[]> {
    const sql = await this.sql(asOf);
    const yearly = sql.yearlyDueSoon ? ` OR ${sql.yearly}` : '';
    const today = sql.p(asOf.today, 'date');
    const horizon = sql.p(addDays(asOf.today, asOf.dueSoonDays), 'date');
    const month = sql.month;
    const inner = `SELECT a."unitId",
        CASE WHEN ${sql.done} THEN 0 WHEN a."deadlineDate" < ${today} THEN 1
             WHEN (a."deadlineDate" >= ${today} AND a."deadlineDate" <= ${horizon})${yearly} THEN 2
             WHEN a."lastReportedAt" IS NULL OR (a.state = 'NOT_STARTED' AND COALESCE(a.percent, 0) = 0) OR a.state = 'DONE' THEN 3 ELSE 4 END AS s,
        COALESCE(a."lastReportedAt" >= ${month.from} AND a."lastReportedAt" < ${month.to}, false) AS updated
      FROM ${sql.from} ${sql.where(filter, { statuses: false })} OFFSET 0`;
    const rows = await this.checked<Omit<UnitCounts, 'onTrack'>>(
      `SELECT ${byUnit ? 'x."unitId"' : '0'} AS "unitId", count(*)::int AS total,
         count(*) FILTER (WHERE x.s = 0)::int AS done,
         count(*) FILTER (WHERE x.s = 1)::int AS overdue,
         count(*) FILTER (WHERE x.s = 2)::int AS "dueSoon",
         count(*) FILTER (WHERE x.s = 3)::int AS "notStarted",
         count(*) FILTER (WHERE x.s <> 0)::int AS open,
         count(*) FILTER (WHERE x.s <> 0 AND x.updated)::int AS "updatedThisMonth"
       FROM (${inner}) x ${byUnit ? 'GROUP BY 1' : 'HAVING count(*) > 0'}`,
      'unitId',
      sql.params,
    );
    return rows.map((r) => ({ ...r, onTrack: r.total - r.done - r.overdue - r.dueSoon - r.notStarted }));
  }

  async statusTotals(filter: ItemFilter, asOf: AsOf): Promise<UnitCounts> {
    const rows = await this.counts(filter, asOf, false);
    return rows[0] ?? { unitId: 0, total: 0, done: 0, overdue: 0, dueSoon: 0, notStarted: 0, onTrack: 0, open: 0, updatedThisMonth: 0 };
  }

  async monthlyUpdates(filter: ItemFilter, asOf: AsOf): Promise<UnitUpdates[]> {
    const sql = await this.sql(asOf);
    const { from, to } = sql.month;
    return this.checked<UnitUpdates>(
      `SELECT x."unitId" AS "unitId", count(*)::int AS open, count(*) FILTER (WHERE x.r >= ${from} AND x.r < ${to})::int AS updated
       FROM (SELECT a."unitId", a."lastReportedAt" AS r, ${sql.done} AS done FROM ${sql.from} ${sql.where(filter, { statuses: false })}) x
       WHERE NOT x.done GROUP BY 1`,
      'unitId',
      sql.params,
    );
  }

  async updatesIn(filter: ItemFilter, range: DayRange): Promise<UnitUpdates[]> {
    const sql = new Sql({ today: range.to, dueSoonDays: 0 });
    const where = sql.where({ ...filter, statuses: [] });
    const doneBy = `(${sql.done} AND COALESCE(a."doneOn", ${sql.reportedDay}) <= ${sql.p(range.to, 'date')})`;
    const from = sql.p(ts(instantOf(range.from)), 'timestamp');
    const to = sql.p(ts(instantOf(addDays(range.to, 1))), 'timestamp');
    return (await this.prisma.$queryRawUnsafe(
        GENERIC_PLAN +
      `SELECT a."unitId" AS "unitId", count(*)::int AS open,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "ProgressUpdate" u WHERE u."assignmentId" = a.id AND u."reportedAt" >= ${from} AND u."reportedAt" < ${to} AND ${inForceSql()}))::int AS updated
       FROM ${sql.from} ${where ? `${where} AND` : 'WHERE'} NOT ${doneBy}
       GROUP BY 1 ORDER BY 1`,
      ...sql.params,
    )) as UnitUpdates[];
  }

  async responsibleFor(person: PersonRef): Promise<TaskRow[]> {
    return (await this.queries.responsibleFor(person.id)).sort((a, b) => a.taskId - b.taskId || a.unitId - b.unitId);
  }

  /**
   * `findByNumber` in one statement; when it finds one unit's share alone, that share's detail (see
   * `detail`) comes with it and is kept for the answer's next step. A task shared by many units is its
   * columns once and its shares as arrays (one JSON value): the 48 shares of a city task as full rows were
   * ~2,000 values for pg and Prisma to decode, most of them the task's own columns repeated.
   */
  async findByRef(ref: string, unitIds: number[] | null): Promise<TaskRow[]> {
    this.details.clear();
    const q = numberLookup(ref, unitIds);
    if (!q) return [];
    const limit = `$${q.params.length + 1}::int`;
    const text = `WITH m AS MATERIALIZED (SELECT a.id, a."taskId", a."unitId", row_number() OVER (ORDER BY ${q.order}) AS ord
         FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId" WHERE ${q.where})
       SELECT 1 AS one, (SELECT json_agg(g ORDER BY g.first) FROM (
           SELECT min(m.ord) AS first, (SELECT row_to_json(tc) FROM (SELECT ${TASK_JSON_COLUMNS} FROM "Task" t JOIN "Plan" p ON p.id = t."planId" WHERE t.id = m."taskId") tc) AS task,
             json_agg(json_build_array(${SHARE_JSON_COLUMNS}) ORDER BY m.ord) AS shares
           FROM m JOIN "Assignment" a ON a.id = m.id JOIN "Unit" u ON u.id = a."unitId" GROUP BY m."taskId") g) AS tasks,
         CASE WHEN (SELECT count(*) FROM m) = 1 THEN (SELECT ${detailSql('m.id', 'm."taskId"', 'm."unitId"', limit)} FROM m) END AS detail`;
    const [found] = await this.checked<{ tasks: unknown; detail: unknown }>(text, 'one', [...q.params, DETAIL_LIMIT]);
    const rows = found ? taskRowsOfShares(jsonOf<TaskShares[] | null>(found.tasks) ?? []) : [];
    if (found?.detail && rows.length === 1) this.details.set(rows[0]!.assignmentId, { limit: DETAIL_LIMIT, detail: parseDetail(found.detail) });
    return rows;
  }

  history(assignmentId: number, limit?: number): Promise<UpdateRow[]> {
    return this.queries.history(assignmentId, limit);
  }

  /** The latest updates in force (as `history`) and whether proposals or explanation requests exist, in one statement (or none: found with the row). */
  async detail(row: { assignmentId: number; taskId: number; unitId: number }, limit: number): Promise<Detail> {
    const known = this.details.get(row.assignmentId);
    if (known && known.limit === limit) return known.detail;
    const [r] = (await this.prisma.$queryRawUnsafe(GENERIC_PLAN + `SELECT ${detailSql('$1::int', '$3::int', '$4::int', '$2::int')} AS detail`, row.assignmentId, limit, row.taskId, row.unitId)) as {
      detail: unknown;
    }[];
    return parseDetail(r!.detail);
  }

  proposalHistory(taskId: number, unitId: number): Promise<ProposalHistory[]> {
    return this.queries.proposalHistory(taskId, unitId);
  }

  explanationHistory(taskId: number, unitId: number): Promise<ExplanationHistory[]> {
    return this.queries.explanationHistory(taskId, unitId);
  }
}

// ── reports ─────────────────────────────────────────────────────────────────

/** ReportData on Prisma: states as of a day from the progress history, and report runs in the audit log. */
export class PrismaReportData implements ReportData {
  constructor(private readonly prisma: Db) {}

  private unitAndPlan(filter: ReportFilter, sql: Sql): string {
    const parts: string[] = [];
    if (filter.unitIds) parts.push(`a."unitId" = ANY(${sql.p(filter.unitIds, 'int[]')})`);
    if (filter.planId !== null) parts.push(`t."planId" = ${sql.p(filter.planId, 'int')}`);
    return parts.length ? `AND ${parts.join(' AND ')}` : '';
  }

  async rowsAsOf(filter: ReportFilter, asOf: Day): Promise<TaskRow[]> {
    const assignments = await this.prisma.assignment.findMany({
      where: { ...(filter.unitIds ? { unitId: { in: filter.unitIds } } : {}), ...(filter.planId !== null ? { task: { planId: filter.planId } } : {}) },
      include: rowInclude,
      orderBy: [{ taskId: 'asc' }, { unitId: 'asc' }],
    });
    if (!assignments.length) return [];
    const latest = (await this.prisma.$queryRawUnsafe(
        GENERIC_PLAN +
      `SELECT DISTINCT ON (u."assignmentId") u.id FROM "ProgressUpdate" u
       WHERE u."assignmentId" = ANY($1::int[]) AND u."reportedAt" < $2::timestamp AND ${inForceSql()}
       ORDER BY u."assignmentId", u."reportedAt" DESC, u.id DESC`,
      assignments.map((a) => a.id),
      ts(instantOf(addDays(asOf, 1))),
    )) as { id: number }[];
    const updates = await this.prisma.progressUpdate.findMany({ where: { id: { in: latest.map((l) => l.id) } } });
    const byAssignment = new Map(updates.map((u) => [u.assignmentId, u]));
    return assignments.map((a) => {
      const row = toTaskRow(a);
      const u = byAssignment.get(a.id);
      return {
        ...row,
        state: u?.state ?? 'NOT_STARTED',
        percent: u?.percent ?? null,
        actualValue: u?.actualValue ?? null,
        actualText: u?.actualText ?? null,
        outputDocument: u?.outputDocument ?? null,
        difficulties: u?.difficulties ?? null,
        proposals: u?.proposals ?? null,
        expectedCompletionText: u?.expectedCompletionText ?? null,
        lastReportedOn: u ? dayOf(u.reportedAt) : null,
        doneOn: u?.state === 'DONE' ? (u.asOf ? dayFromDb(u.asOf) : dayOf(u.reportedAt)) : null,
      };
    });
  }

  async notes(filter: ReportFilter, after: Day, upTo: Day): Promise<NoteRow[]> {
    const sql = new Sql({ today: upTo, dueSoonDays: 0 });
    const from = sql.p(ts(instantOf(addDays(after, 1))), 'timestamp');
    const to = sql.p(ts(instantOf(addDays(upTo, 1))), 'timestamp');
    const scope = this.unitAndPlan(filter, sql);
    return (await this.prisma.$queryRawUnsafe(
        GENERIC_PLAN +
      `WITH inrange AS (
         SELECT DISTINCT ON (u."assignmentId") u."assignmentId", u.difficulties, u.proposals, u."reportedAt"
         FROM "ProgressUpdate" u JOIN "Assignment" a ON a.id = u."assignmentId" JOIN "Task" t ON t.id = a."taskId"
         WHERE u."reportedAt" >= ${from} AND u."reportedAt" < ${to} AND (u.difficulties ~ '\\S' OR u.proposals ~ '\\S') AND ${inForceSql()} ${scope}
         ORDER BY u."assignmentId", u."reportedAt" DESC, u.id DESC
       ), earlier AS (
         SELECT DISTINCT ON (u."assignmentId") u."assignmentId", u.difficulties, u.proposals
         FROM "ProgressUpdate" u WHERE u."assignmentId" IN (SELECT "assignmentId" FROM inrange) AND u."reportedAt" < ${from} AND ${inForceSql()}
         ORDER BY u."assignmentId", u."reportedAt" DESC, u.id DESC
       )
       SELECT i."assignmentId" AS "assignmentId", a."unitId" AS "unitId", un.name AS "unitName", p.code AS "planCode", t.number, t.title,
         to_char((i."reportedAt" + interval '7 hours')::date, 'YYYY-MM-DD') AS "reportedOn",
         i.difficulties, i.proposals, e.difficulties AS "previousDifficulties", e.proposals AS "previousProposals"
       FROM inrange i JOIN "Assignment" a ON a.id = i."assignmentId" JOIN "Task" t ON t.id = a."taskId"
         JOIN "Plan" p ON p.id = t."planId" JOIN "Unit" un ON un.id = a."unitId"
         LEFT JOIN earlier e ON e."assignmentId" = i."assignmentId"
       ORDER BY i."assignmentId"`,
      ...sql.params,
    )) as NoteRow[];
  }

  async lastRun(scopeKey: string, before: Day): Promise<{ asOf: Day } | null> {
    const runs = await this.prisma.auditLog.findMany({ where: { action: 'report', entity: 'Report', entityId: scopeKey }, orderBy: { id: 'desc' } });
    const days = runs.map((r) => (r.data as { asOf?: unknown } | null)?.asOf).filter((d): d is Day => typeof d === 'string' && d < before);
    return days.length ? { asOf: days.sort().at(-1)! } : null;
  }

  async recordRun(run: ReportRun): Promise<void> {
    await this.prisma.auditLog.create({
      data: {
        actorId: run.personId,
        actor: run.actor,
        action: 'report',
        entity: 'Report',
        entityId: run.scopeKey,
        data: { asOf: run.asOf, since: run.since, unitIds: run.unitIds, planId: run.planId },
      },
    });
  }
}

/**
 * Reads and answers with the reference data the process holds (units, plans, the tasks'
 * words, base totals), the change check riding on the answer's own statement: most answers
 * are one statement (issue 12). When the check finds a change, `work` runs again with what
 * changed re-read — twice at most optimistically, then with the check first — so no answer
 * comes from stale names. `work` must only read: it may run more than once.
 */
/**
 * Reads the reference data into `shared` (units, plans, the tasks' names: one statement), as a process's
 * first question would: the bot does it at start, so that its first question is one statement too.
 */
export async function primeReference(prisma: Db, shared: QuestionReference): Promise<void> {
  await new PrismaQuestionData(prisma, Date.now, shared).units();
}

/** What the timer of `keepReferenceFresh` does: units and plans read again (one statement), whether or not they changed. */
export async function refreshReference(prisma: Db, shared: QuestionReference, clock: () => number = Date.now): Promise<void> {
  await new PrismaQuestionData(prisma, clock, shared).reread();
}

/**
 * For a process that serves chats (bot/main.ts): the reference data read now, while the chats start, and again every
 * `every` ms on a timer that does not keep the process alive. Returns the function that stops it.
 */
export function keepReferenceFresh(prisma: Db, shared: QuestionReference, onError: (err: unknown) => void, every = REFRESH_MS): () => void {
  primeReference(prisma, shared).catch(onError);
  const timer = setInterval(() => refreshReference(prisma, shared).catch(onError), every);
  timer.unref();
  return () => clearInterval(timer);
}

export async function withReference<T>(prisma: Db, shared: QuestionReference, work: (data: PrismaQuestionData) => Promise<T>, clock: () => number = Date.now): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const data = new PrismaQuestionData(prisma, clock, shared, attempt < 3);
    const result = await work(data);
    if (await data.settled()) return result;
  }
}
