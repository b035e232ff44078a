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
 * The conditions read Assignment alone and look a task up only where they
 * must (a yearly task, a plan or item kind filter): counts and lists over
 * the whole city avoid a 100,000-row join with Task that way.
 */
import type { ProposalHistory } from '../../domain/accountability/proposals.ts';
import type { ExplanationHistory } from '../../domain/accountability/explanations.ts';
import { buildVocabulary, type Vocabulary } from '../../domain/questions/vocabulary.ts';
import type { PersonRef } from '../../domain/people/types.ts';
import type { AsOf, DayRange, ItemFilter, QuestionData, Selected, TaskGroup, UnitCounts, UnitUpdates } from '../../domain/questions/ports.ts';
import type { PlanRef, StatusFilter } from '../../domain/questions/types.ts';
import type { NoteRow, ReportData, ReportFilter, ReportRun } from '../../domain/reports/ports.ts';
import { addDays, addMonths, compareDays, dayFromDb, dayOf, dayParts, endOfMonth, instantOf, makeDay, type Day } from '../../domain/shared/day.ts';
import { compareNumbers, type TaskRow, type UpdateRow } from '../../domain/tasks/types.ts';
import type { UnitRef } from '../../domain/units/types.ts';
import type { Db } from '../database.ts';
import { inForceSql } from './effective-updates.ts';
import { PrismaTaskQueries, taskRowsById, toTaskRow } from './task-queries.ts';

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

  /** The yearly tasks' ids (read once per change of Task, see QuestionReference), or null: looked up in Task where evaluated. */
  constructor(
    private readonly asOf: AsOf,
    private readonly yearlyIds: number[] | null = null,
  ) {
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

  private yearlyParam: string | null = null;

  /**
   * A yearly task ("Hằng năm": reopens every 1 January, due 31/12). Yearly
   * tasks carry no deadline date. With the ids known, a hashed array test on
   * the row (one parameter however often the condition appears), not a
   * subquery over the whole Task table.
   */
  get yearly(): string {
    if (this.yearlyIds) {
      this.yearlyParam ??= this.p(this.yearlyIds, 'int[]');
      return `(a."deadlineDate" IS NULL AND a."taskId" = ANY(${this.yearlyParam}))`;
    }
    return `(a."deadlineDate" IS NULL AND ${this.task(`T0.rhythm = 'YEARLY' OR T0."deadlineKind" = 'YEARLY'`)})`;
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
        return `(${this.task(`T0.kind = 'INDICATOR'`)} AND ${this.done})`;
      case 'NOT_MET':
        return `(${this.task(`T0.kind = 'INDICATOR'`)} AND NOT ${this.done})`;
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
    if (f.kind) parts.push(this.task(`T0.kind = ${this.p(f.kind)}::"ItemKind"`));
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

/**
 * The matching assignments with their urgency (0 overdue, 1 due soon, 2 not
 * started, 3 on track, 4 done: `byUrgency`'s order) and due day as YYYYMMDD,
 * reading Assignment alone.
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
  return `SELECT x.id, x."taskId", x."unitId", ${rank} AS rank, COALESCE(to_char(x.due, 'YYYYMMDD'), '99991231') AS due FROM (${inner}) x`;
}

function pageLimit(page: { offset: number; size: number }): number {
  return Math.max(1, Math.floor(page.offset + page.size));
}

/** The first `limit` ranked rows of `from` and every row tied with the last, packed in one text value. */
function pageSql(from: string, limit: number): string {
  return `(SELECT string_agg(concat_ws(',', y.id, y."taskId", y."unitId", y.rank, y.due), ';') FROM (
    SELECT * FROM ${from} r ORDER BY rank, due FETCH FIRST ${limit} ROWS WITH TIES) y)`;
}

/** The same by task: each task's most urgent share stands for it, with its shares' counts by status. */
function pageTasksSql(from: string, limit: number): string {
  return `(SELECT string_agg(concat_ws(',', g.rep, g."taskId", g.unit, g.rank, g.due, g.n, g.c0, g.c1, g.c2, g.c3, g.c4), ';') FROM (
    SELECT (array_agg(y.id ORDER BY y.rank, y.due, y."unitId"))[1] AS rep, y."taskId", min(y."unitId") AS unit,
           min(y.rank) AS rank, (array_agg(y.due ORDER BY y.rank, y.due))[1] AS due, count(*) AS n,
           count(*) FILTER (WHERE y.rank = 0) AS c0, count(*) FILTER (WHERE y.rank = 1) AS c1, count(*) FILTER (WHERE y.rank = 2) AS c2,
           count(*) FILTER (WHERE y.rank = 3) AS c3, count(*) FILTER (WHERE y.rank = 4) AS c4
    FROM ${from} y GROUP BY y."taskId" ORDER BY 4, 5 FETCH FIRST ${limit} ROWS WITH TIES) g)`;
}

const rowInclude = { task: { include: { plan: true } }, unit: true } as const;
/** Units and plans are re-read when they change, and at least this often (a rename does not change the fingerprint). */
const CACHE_MS = 60_000;
/** How long a check that nothing changed holds within one PrismaQuestionData (chat makes one per message). */
const CHECK_MS = 1_000;

interface Registry {
  key: string;
  at: number;
  units: UnitRef[];
  plans: PlanRef[];
  planOrder: number[];
}

/** What one change check reads: the units' and plans' fingerprint, and the tasks'. */
interface Fingerprint {
  reference: string;
  tasks: string;
}

/**
 * The reference data answers read — units, plans, the words of the tasks and
 * which tasks are yearly — shared by every PrismaQuestionData of a process
 * (chat makes one per message, inside its transaction): loaded once, and
 * re-read only when one cheap statement says it changed.
 */
export class QuestionReference {
  registry: Registry | null = null;
  words: { key: string; vocabulary: Vocabulary } | null = null;
  yearly: { key: string; ids: number[] } | null = null;
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

export class PrismaQuestionData implements QuestionData {
  private readonly queries: PrismaTaskQueries;
  private readonly tasks = new Map<number, { planId: number; number: string }>();
  private check: { at: number; fingerprint: Promise<Fingerprint> } | null = null;

  constructor(
    private readonly prisma: Db,
    private readonly clock: () => number = Date.now,
    private readonly shared: QuestionReference = new QuestionReference(),
  ) {
    this.queries = new PrismaTaskQueries(prisma);
  }

  /**
   * The change check: one statement (counts and highest ids of Unit,
   * UnitAlias and Plan; highest id and last change of Task, both read from an
   * index), once per instance — once per message in chat — and at most once a
   * second in a long-lived one; concurrent steps of an answer share it.
   */
  private fingerprint(): Promise<Fingerprint> {
    const now = this.clock();
    if (this.check && now - this.check.at < CHECK_MS) return this.check.fingerprint;
    const fingerprint = (async () => {
      const [f] = (await this.prisma.$queryRawUnsafe(
        `SELECT (SELECT count(*) FROM "Unit")::int AS u, (SELECT coalesce(max(id), 0) FROM "Unit")::int AS um,
                (SELECT count(*) FROM "UnitAlias")::int AS a, (SELECT coalesce(max(id), 0) FROM "UnitAlias")::int AS am,
                (SELECT count(*) FROM "Plan")::int AS p, (SELECT coalesce(max(id), 0) FROM "Plan")::int AS pm,
                (SELECT coalesce(max(id), 0) FROM "Task")::int AS tm, (SELECT coalesce(max("updatedAt"), 'epoch') FROM "Task")::text AS tu`,
      )) as Record<string, number | string>[];
      const { tm, tu, ...reference } = f!;
      return { reference: JSON.stringify(reference), tasks: JSON.stringify({ tm, tu }) };
    })();
    this.check = { at: now, fingerprint };
    fingerprint.catch(() => {
      if (this.check?.fingerprint === fingerprint) this.check = null;
    });
    return fingerprint;
  }

  /** Units, plans and the plans in `localeCompare` order of their codes, re-read when they change. */
  private async registry(): Promise<Registry> {
    const { reference: key } = await this.fingerprint();
    const cached = this.shared.registry;
    if (cached && cached.key === key && this.clock() - cached.at < CACHE_MS) return cached;
    return this.shared.once(`registry:${key}`, async () => {
      const [units, plans] = await Promise.all([this.queries.units(), this.prisma.plan.findMany({ orderBy: { id: 'asc' } })]);
      const refs: PlanRef[] = plans.map((p) => ({ id: p.id, code: p.code, title: p.title, year: p.year, aliases: [] }));
      const planOrder = [...refs].sort((a, b) => a.code.localeCompare(b.code)).map((p) => p.id);
      this.shared.registry = { key, at: this.clock(), units, plans: refs, planOrder };
      return this.shared.registry;
    });
  }

  /** The ids of the yearly tasks, re-read when tasks change. */
  private async yearlyIds(): Promise<number[]> {
    const { tasks: key } = await this.fingerprint();
    if (this.shared.yearly?.key === key) return this.shared.yearly.ids;
    return this.shared.once(`yearly:${key}`, async () => {
      const rows = (await this.prisma.$queryRawUnsafe(`SELECT id FROM "Task" WHERE rhythm = 'YEARLY' OR "deadlineKind" = 'YEARLY' ORDER BY id`)) as { id: number }[];
      const ids = rows.map((r) => r.id);
      this.shared.yearly = { key, ids };
      return ids;
    });
  }

  /** The status rules' SQL for a day, with the yearly tasks known. */
  private async sql(asOf: AsOf): Promise<Sql> {
    return new Sql(asOf, await this.yearlyIds());
  }

  /**
   * The words of every task's title, output, headings, units and directing
   * leader (not of progress notes, whose everyday words — "thời tiết" — would
   * make any chat a subject): built once and rebuilt only when tasks were
   * added or changed.
   */
  async vocabulary(): Promise<Vocabulary> {
    const { tasks: key } = await this.fingerprint();
    if (this.shared.words?.key === key) return this.shared.words.vocabulary;
    return this.shared.once(`words:${key}`, async () => {
      const rows = (await this.prisma.$queryRawUnsafe(
        `SELECT string_agg(DISTINCT concat_ws(' ', title, "expectedOutput", "sectionTitle", "groupTitle", "directingLeader", "leadUnitText", "coordinatingText"), ' | ') AS text FROM "Task"
         UNION ALL
         SELECT NULL
         UNION ALL
         SELECT string_agg(DISTINCT "directingLeader", ' | ') FROM "Task"
         UNION ALL
         SELECT string_agg(DISTINCT concat_ws('.', "sectionCode", "groupCode"), ' | ') FROM "Task"`,
      )) as { text: string | null }[];
      const split = (r: { text: string | null } | undefined) => (r?.text ? r.text.split(' | ') : []);
      const vocabulary = buildVocabulary([...split(rows[0]), ...split(rows[1])], split(rows[2]), split(rows[3]));
      this.shared.words = { key, vocabulary };
      return vocabulary;
    });
  }

  async units(): Promise<UnitRef[]> {
    return (await this.registry()).units;
  }

  async plans(): Promise<PlanRef[]> {
    return (await this.registry()).plans;
  }

  private async ids(sql: Sql, filter: ItemFilter): Promise<number[]> {
    const rows = (await this.prisma.$queryRawUnsafe(`SELECT a.id FROM ${sql.from} ${sql.where(filter)}`, ...sql.params)) as { id: number }[];
    return rows.map((r) => r.id);
  }

  /** Full rows for assignment ids, in the given order. */
  private async hydrate(ids: number[]): Promise<TaskRow[]> {
    return taskRowsById(this.prisma, ids);
  }

  async assignments(filter: ItemFilter, asOf: AsOf): Promise<TaskRow[]> {
    const rows = await this.hydrate(await this.ids(await this.sql(asOf), filter));
    return rows.sort((a, b) => a.taskId - b.taskId || a.unitId - b.unitId);
  }

  async countTasks(filter: ItemFilter, asOf: AsOf): Promise<number> {
    const sql = await this.sql(asOf);
    const where = sql.where(filter);
    const [row] = (await this.prisma.$queryRawUnsafe(`SELECT count(DISTINCT a."taskId")::int AS n FROM ${sql.from} ${where}`, ...sql.params)) as { n: number }[];
    return row?.n ?? 0;
  }

  async countByUnit(filter: ItemFilter, asOf: AsOf): Promise<{ unitId: number; count: number }[]> {
    const sql = await this.sql(asOf);
    const where = sql.where(filter);
    return (await this.prisma.$queryRawUnsafe(`SELECT a."unitId" AS "unitId", count(*)::int AS count FROM ${sql.from} ${where} GROUP BY 1 ORDER BY 1`, ...sql.params)) as {
      unitId: number;
      count: number;
    }[];
  }

  /**
   * Most urgent first, exactly as `byUrgency`: status, then due day, then
   * plan code, then task number. The database orders the matching rows by
   * status and due day, reading Assignment alone, and returns the first ones
   * with every row tied with the last, packed in one text value (thousands of
   * rows due the same month end cost one round trip, not thousands of rows).
   * Plan and number — fixed for a task once created, so cached here — order
   * the rest, and only the page's rows are then loaded in full.
   */
  async page(filter: ItemFilter, asOf: AsOf, page: { offset: number; size: number }): Promise<TaskRow[]> {
    const sql = await this.sql(asOf);
    const limit = pageLimit(page);
    const [packed] = (await this.prisma.$queryRawUnsafe(`SELECT ${pageSql(`(${ranked(sql, filter, asOf)})`, limit)} AS rows`, ...sql.params)) as { rows: string | null }[];
    return this.pageRows(packed?.rows ?? null, page);
  }

  private async pageRows(packed: string | null, page: { offset: number; size: number }): Promise<TaskRow[]> {
    if (!packed) return [];
    const rows = packed.split(';').map((r) => {
      const [id, taskId, unitId, rank, due] = r.split(',').map(Number) as [number, number, number, number, number];
      return { id, taskId, unitId, rank, due };
    });
    const ordered = await this.inOrder(rows, pageLimit(page));
    return this.hydrate(ordered.slice(page.offset, page.offset + page.size).map((r) => r.id));
  }

  /** Tasks once each, ordered by their most urgent matching share (the one that stands for the task), with their shares' statuses. */
  async pageTasks(filter: ItemFilter, asOf: AsOf, page: { offset: number; size: number }): Promise<TaskGroup[]> {
    const sql = await this.sql(asOf);
    const [packed] = (await this.prisma.$queryRawUnsafe(`SELECT ${pageTasksSql(`(${ranked(sql, filter, asOf)})`, pageLimit(page))} AS rows`, ...sql.params)) as {
      rows: string | null;
    }[];
    return this.pageGroups(packed?.rows ?? null, page);
  }

  private async pageGroups(packed: string | null, page: { offset: number; size: number }): Promise<TaskGroup[]> {
    if (!packed) return [];
    const groups = packed.split(';').map((r) => {
      const [id, taskId, unitId, rank, due, n, ...c] = r.split(',').map(Number) as number[];
      return { id: id!, taskId: taskId!, unitId: unitId!, rank: rank!, due: due!, n: n!, c };
    });
    const ordered = (await this.inOrder(groups, pageLimit(page))).slice(page.offset, page.offset + page.size);
    const rows = await this.hydrate(ordered.map((g) => g.id));
    return ordered.map((g, i) => ({
      row: rows[i]!,
      units: g.n,
      byStatus: { OVERDUE: g.c[0]!, DUE_SOON: g.c[1]!, NOT_STARTED: g.c[2]!, ON_TRACK: g.c[3]!, DONE: g.c[4]! },
    }));
  }

  /**
   * A list answer's data in one statement (issue 12): the matching shares
   * per unit, the base's per unit, both counted in tasks, and the page's
   * candidates (rows or tasks), over the matching rows read once; then the
   * page's rows loaded in a second. The same results as `page` or
   * `pageTasks`, `countByUnit` and `countTasks` of the filter and the base.
   */
  async selection(filter: ItemFilter, base: ItemFilter, asOf: AsOf, page: { offset: number; size: number }, shown: 'none' | 'rows' | 'tasks'): Promise<Selected> {
    const sql = await this.sql(asOf);
    const limit = pageLimit(page);
    const f = shown === 'none' ? `SELECT a."taskId", a."unitId" FROM ${sql.from} ${sql.where(filter)}` : ranked(sql, filter, asOf);
    const same = JSON.stringify(filter) === JSON.stringify(base);
    const b = same ? null : `SELECT a."taskId", a."unitId" FROM ${sql.from} ${sql.where(base)}`;
    const byUnit = (cte: string) => `(SELECT string_agg(c."unitId" || ',' || c.n, ';') FROM (SELECT "unitId", count(*) AS n FROM ${cte} GROUP BY 1) c)`;
    const shownSql = shown === 'rows' ? pageSql('f', limit) : shown === 'tasks' ? pageTasksSql('f', limit) : 'NULL';
    const [r] = (await this.prisma.$queryRawUnsafe(
      `WITH f AS (${f})${b ? `, b AS (${b})` : ''}
       SELECT ${byUnit('f')} AS "byUnit", ${byUnit(b ? 'b' : 'f')} AS totals,
         (SELECT count(DISTINCT "taskId") FROM f)::int AS tasks, (SELECT count(DISTINCT "taskId") FROM ${b ? 'b' : 'f'})::int AS "taskTotal",
         ${shownSql} AS shown`,
      ...sql.params,
    )) as { byUnit: string | null; totals: string | null; tasks: number; taskTotal: number; shown: string | null }[];
    const counts = (packed: string | null) =>
      packed
        ? packed
            .split(';')
            .map((x) => x.split(',').map(Number) as [number, number])
            .map(([unitId, count]) => ({ unitId, count }))
            .sort((x, y) => x.unitId - y.unitId)
        : [];
    const [rows, groups] = await Promise.all([
      shown === 'rows' ? this.pageRows(r!.shown, page) : Promise.resolve([]),
      shown === 'tasks' ? this.pageGroups(r!.shown, page) : Promise.resolve([]),
    ]);
    return { rows, groups, byUnit: counts(r!.byUnit), totals: counts(r!.totals), tasks: r!.tasks, taskTotal: r!.taskTotal };
  }

  /**
   * `byUrgency` on ranked rows: status and due (as the database returned
   * them), then plan; then by number only within the groups the page reaches
   * (plan and number are fixed for a task once created, so cached here).
   */
  private async inOrder<R extends { taskId: number; unitId: number; rank: number; due: number }>(rows: R[], limit: number): Promise<R[]> {
    const { planOrder } = await this.registry();
    const tasks = await this.taskKeys(rows.map((r) => r.taskId));
    const planRank = new Map(planOrder.map((id, i) => [id, i]));
    const keyed = rows.map((r) => {
      const task = tasks.get(r.taskId)!;
      return { r, planRank: planRank.get(task.planId) ?? planOrder.length, number: task.number };
    });
    keyed.sort((a, b) => a.r.rank - b.r.rank || a.r.due - b.r.due || a.planRank - b.planRank);
    const ordered: R[] = [];
    for (let i = 0; i < keyed.length && ordered.length < limit; ) {
      let j = i + 1;
      while (j < keyed.length && keyed[j]!.r.rank === keyed[i]!.r.rank && keyed[j]!.r.due === keyed[i]!.r.due && keyed[j]!.planRank === keyed[i]!.planRank) j++;
      const group = keyed.slice(i, j).sort((a, b) => compareNumbers(a.number, b.number) || a.r.taskId - b.r.taskId || a.r.unitId - b.r.unitId);
      ordered.push(...group.map((k) => k.r));
      i = j;
    }
    return ordered;
  }

  /** Plan and number of tasks by id, read once (a task never changes either). */
  private async taskKeys(ids: number[]): Promise<Map<number, { planId: number; number: string }>> {
    const missing = [...new Set(ids.filter((id) => !this.tasks.has(id)))];
    if (missing.length) {
      const found = (await this.prisma.$queryRawUnsafe(`SELECT id, "planId" AS "planId", number FROM "Task" WHERE id = ANY($1::int[])`, missing)) as { id: number; planId: number; number: string }[];
      for (const t of found) this.tasks.set(t.id, { planId: t.planId, number: t.number });
    }
    return this.tasks;
  }

  statusCounts(filter: ItemFilter, asOf: AsOf): Promise<UnitCounts[]> {
    return this.counts(filter, asOf, true);
  }

  /** Status counts in one pass: "done" (and, in late December, "yearly") once per row, then plain comparisons. */
  private async counts(filter: ItemFilter, asOf: AsOf, byUnit: boolean): Promise<UnitCounts[]> {
    const sql = await this.sql(asOf);
    const yearly = sql.yearlyDueSoon ? sql.yearly : 'false';
    const inner = `SELECT a."unitId", a."deadlineDate" AS d, a."lastReportedAt" AS r, a.state, a.percent, ${sql.done} AS done, ${yearly} AS yearly
      FROM ${sql.from} ${sql.where(filter, { statuses: false })}`;
    const today = sql.p(asOf.today, 'date');
    const horizon = sql.p(addDays(asOf.today, asOf.dueSoonDays), 'date');
    const month = sql.month;
    const overdue = `COALESCE(x.d < ${today}, false)`;
    const dueSoon = `(COALESCE(x.d >= ${today} AND x.d <= ${horizon}, false) OR x.yearly)`;
    const rows = (await this.prisma.$queryRawUnsafe(
      `SELECT ${byUnit ? 'x."unitId"' : '0'} AS "unitId", count(*)::int AS total,
         count(*) FILTER (WHERE x.done)::int AS done,
         count(*) FILTER (WHERE NOT x.done AND ${overdue})::int AS overdue,
         count(*) FILTER (WHERE NOT x.done AND ${dueSoon})::int AS "dueSoon",
         count(*) FILTER (WHERE NOT x.done AND NOT ${overdue} AND NOT ${dueSoon}
           AND (x.r IS NULL OR (x.state = 'NOT_STARTED' AND COALESCE(x.percent, 0) = 0) OR x.state = 'DONE'))::int AS "notStarted",
         count(*) FILTER (WHERE NOT x.done)::int AS open,
         count(*) FILTER (WHERE NOT x.done AND x.r >= ${month.from} AND x.r < ${month.to})::int AS "updatedThisMonth"
       FROM (${inner}) x ${byUnit ? 'GROUP BY 1 ORDER BY 1' : 'HAVING count(*) > 0'}`,
      ...sql.params,
    )) as Omit<UnitCounts, 'onTrack'>[];
    return rows.map((r) => ({ ...r, onTrack: r.total - r.done - r.overdue - r.dueSoon - r.notStarted }));
  }

  async statusTotals(filter: ItemFilter, asOf: AsOf): Promise<UnitCounts> {
    const rows = await this.counts(filter, asOf, false);
    return rows[0] ?? { unitId: 0, total: 0, done: 0, overdue: 0, dueSoon: 0, notStarted: 0, onTrack: 0, open: 0, updatedThisMonth: 0 };
  }

  async monthlyUpdates(filter: ItemFilter, asOf: AsOf): Promise<UnitUpdates[]> {
    const sql = await this.sql(asOf);
    const { from, to } = sql.month;
    return (await this.prisma.$queryRawUnsafe(
      `SELECT x."unitId" AS "unitId", count(*)::int AS open, count(*) FILTER (WHERE x.r >= ${from} AND x.r < ${to})::int AS updated
       FROM (SELECT a."unitId", a."lastReportedAt" AS r, ${sql.done} AS done FROM ${sql.from} ${sql.where(filter, { statuses: false })}) x
       WHERE NOT x.done GROUP BY 1 ORDER BY 1`,
      ...sql.params,
    )) as UnitUpdates[];
  }

  async updatesIn(filter: ItemFilter, range: DayRange): Promise<UnitUpdates[]> {
    const sql = new Sql({ today: range.to, dueSoonDays: 0 }, await this.yearlyIds());
    const where = sql.where({ ...filter, statuses: [] });
    const doneBy = `(${sql.done} AND COALESCE(a."doneOn", ${sql.reportedDay}) <= ${sql.p(range.to, 'date')})`;
    const from = sql.p(ts(instantOf(range.from)), 'timestamp');
    const to = sql.p(ts(instantOf(addDays(range.to, 1))), 'timestamp');
    return (await this.prisma.$queryRawUnsafe(
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

  findByRef(ref: string, unitIds: number[] | null): Promise<TaskRow[]> {
    return this.queries.findByNumber(ref, unitIds);
  }

  history(assignmentId: number, limit?: number): Promise<UpdateRow[]> {
    return this.queries.history(assignmentId, limit);
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
