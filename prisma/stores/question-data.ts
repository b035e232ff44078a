/**
 * QuestionData on PostgreSQL (a server or embedded PGlite). The filters of a
 * question, its counts and the "most urgent first" order run in SQL over the
 * Assignment table, so answers stay fast on a city of 100,000 tasks; only
 * the rows shown are loaded as full TaskRows.
 *
 * The SQL below says what domain/questions/answer-filter.ts says in
 * TypeScript, with the status rules of prisma/stores/status-sql.ts;
 * test/db/questions-sql.test.ts keeps all three in agreement.
 *
 * Two forms of the same conditions: "join" reads task columns from Task t
 * (needed to order by plan and number), "free" reads Assignment alone and
 * looks tasks up only where it must (yearly tasks, a plan or item kind
 * filter) — counts over the whole city avoid a 100,000-row join that way.
 */
import type { PersonRef } from '../../domain/people/types.ts';
import type { AsOf, DayRange, ItemFilter, QuestionData, UnitCounts, UnitUpdates } from '../../domain/questions/ports.ts';
import type { PlanRef, StatusFilter } from '../../domain/questions/types.ts';
import { addDays, addMonths, compareDays, dayParts, endOfMonth, instantOf, makeDay, type Day } from '../../domain/shared/day.ts';
import { compareNumbers, type TaskRow, type UpdateRow } from '../../domain/tasks/types.ts';
import type { UnitRef } from '../../domain/units/types.ts';
import type { Db } from '../database.ts';
import { PrismaTaskQueries, toTaskRow } from './task-queries.ts';

type Mode = 'join' | 'free';

/** A `timestamp` literal for an instant (the schema stores UTC wall time in `timestamp(3)`). */
function ts(instant: Date): string {
  return instant.toISOString().slice(0, 23).replace('T', ' ');
}

/** Positional parameters and the SQL of the status rules for one day. */
class Sql {
  readonly params: unknown[] = [];
  private readonly yearEnd: Day;
  private readonly yearlyDueSoon: boolean;

  constructor(
    readonly mode: Mode,
    private readonly asOf: AsOf,
  ) {
    const { year } = dayParts(asOf.today);
    this.yearEnd = makeDay(year, 12, 31);
    this.yearlyDueSoon = compareDays(this.yearEnd, addDays(asOf.today, asOf.dueSoonDays)) <= 0;
  }

  p(value: unknown, cast?: string): string {
    this.params.push(value);
    return `$${this.params.length}${cast ? `::${cast}` : ''}`;
  }

  /** A task column condition: on Task t, or looked up by the assignment's task. */
  task(condition: string): string {
    return this.mode === 'join' ? condition.replace(/\bT\./g, 't.') : `a."taskId" IN (SELECT id FROM "Task" T0 WHERE ${condition.replace(/\bT\./g, 'T0.')})`;
  }

  /** A yearly task ("Hằng năm": reopens every 1 January, due 31/12). Yearly tasks carry no deadline date. */
  get yearly(): string {
    const yearly = `(T.rhythm = 'YEARLY' OR T."deadlineKind" = 'YEARLY')`;
    return this.mode === 'join' ? yearly.replace(/\bT\./g, 't.') : `(a."deadlineDate" IS NULL AND ${this.task(yearly)})`;
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
        return `(${this.task(`T.kind = 'INDICATOR'`)} AND ${this.done})`;
      case 'NOT_MET':
        return `(${this.task(`T.kind = 'INDICATOR'`)} AND NOT ${this.done})`;
    }
  }

  /** 0 overdue, 1 due soon, 2 not started, 3 on track, 4 done: the order of `byUrgency`. */
  get rank(): string {
    return `(CASE WHEN ${this.done} THEN 4 WHEN ${this.overdue} THEN 0 WHEN ${this.dueSoon} THEN 1 WHEN ${this.notStarted} THEN 2 ELSE 3 END)`;
  }

  /** The day a row was last reported on, in Asia/Ho_Chi_Minh. */
  get reportedDay(): string {
    return `(a."lastReportedAt" + interval '7 hours')::date`;
  }

  range(expr: string, r: DayRange): string {
    return `(${expr} BETWEEN ${this.p(r.from, 'date')} AND ${this.p(r.to, 'date')})`;
  }

  where(f: ItemFilter, options: { statuses?: boolean } = {}): string {
    const parts: string[] = [];
    if (f.unitIds) parts.push(`a."unitId" = ANY(${this.p(f.unitIds, 'int[]')})`);
    if (f.taskIds) parts.push(`a."taskId" = ANY(${this.p(f.taskIds, 'int[]')})`);
    if (f.planId != null) parts.push(this.task(`T."planId" = ${this.p(f.planId, 'int')}`));
    if (f.kind) parts.push(this.task(`T.kind = ${this.p(f.kind)}::"ItemKind"`));
    if (options.statuses !== false) for (const s of f.statuses ?? []) parts.push(this.status(s));
    if (f.dueWindow) parts.push(this.range(this.due, f.dueWindow));
    if (f.doneWindow) parts.push(`(${this.done} AND ${this.range(`COALESCE(a."doneOn", ${this.reportedDay})`, f.doneWindow)})`);
    if (f.reportedWindow) parts.push(this.range(this.reportedDay, f.reportedWindow));
    if (f.hasProposals) parts.push(`(a.proposals ~ '\\S')`);
    return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  }

  get from(): string {
    return this.mode === 'join' ? `"Assignment" a JOIN "Task" t ON t.id = a."taskId"` : `"Assignment" a`;
  }
}

const rowInclude = { task: { include: { plan: true } }, unit: true } as const;
/** Units and plans are re-read when they change, and at least this often (a rename does not change the fingerprint). */
const CACHE_MS = 60_000;

export class PrismaQuestionData implements QuestionData {
  private readonly queries: PrismaTaskQueries;
  private cache: { key: string; at: number; units: UnitRef[]; plans: PlanRef[]; planOrder: number[] } | null = null;

  constructor(
    private readonly prisma: Db,
    private readonly clock: () => number = Date.now,
  ) {
    this.queries = new PrismaTaskQueries(prisma);
  }

  /** Units, plans and the plans in `localeCompare` order of their codes, re-read when they change. */
  private async registry(): Promise<NonNullable<PrismaQuestionData['cache']>> {
    const [f] = (await this.prisma.$queryRawUnsafe(
      `SELECT (SELECT count(*) FROM "Unit")::int AS u, (SELECT coalesce(max(id), 0) FROM "Unit")::int AS um,
              (SELECT count(*) FROM "UnitAlias")::int AS a, (SELECT coalesce(max(id), 0) FROM "UnitAlias")::int AS am,
              (SELECT count(*) FROM "Plan")::int AS p, (SELECT coalesce(max(id), 0) FROM "Plan")::int AS pm`,
    )) as Record<string, number>[];
    const key = JSON.stringify(f);
    const now = this.clock();
    if (this.cache && this.cache.key === key && now - this.cache.at < CACHE_MS) return this.cache;
    const [units, plans] = await Promise.all([this.queries.units(), this.prisma.plan.findMany({ orderBy: { id: 'asc' } })]);
    const refs: PlanRef[] = plans.map((p) => ({ id: p.id, code: p.code, title: p.title, year: p.year, aliases: [] }));
    const planOrder = [...refs].sort((a, b) => a.code.localeCompare(b.code)).map((p) => p.id);
    this.cache = { key, at: now, units, plans: refs, planOrder };
    return this.cache;
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
    if (!ids.length) return [];
    const rows = (await this.prisma.assignment.findMany({ where: { id: { in: ids } }, include: rowInclude })).map(toTaskRow);
    const byId = new Map(rows.map((r) => [r.assignmentId, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is TaskRow => r !== undefined);
  }

  async assignments(filter: ItemFilter, asOf: AsOf): Promise<TaskRow[]> {
    const rows = await this.hydrate(await this.ids(new Sql('free', asOf), filter));
    return rows.sort((a, b) => a.taskId - b.taskId || a.unitId - b.unitId);
  }

  async countByUnit(filter: ItemFilter, asOf: AsOf): Promise<{ unitId: number; count: number }[]> {
    const sql = new Sql('free', asOf);
    const where = sql.where(filter);
    return (await this.prisma.$queryRawUnsafe(`SELECT a."unitId" AS "unitId", count(*)::int AS count FROM ${sql.from} ${where} GROUP BY 1 ORDER BY 1`, ...sql.params)) as {
      unitId: number;
      count: number;
    }[];
  }

  /**
   * The database orders by status, due day and plan and returns the first
   * rows with every row tied with the last; the task numbers ("A.II.10" after
   * "A.II.9") are then compared here, exactly as `byUrgency` does.
   */
  async page(filter: ItemFilter, asOf: AsOf, page: { offset: number; size: number }): Promise<TaskRow[]> {
    const { planOrder } = await this.registry();
    const sql = new Sql('join', asOf);
    const rank = sql.rank;
    const due = sql.due;
    const where = sql.where(filter);
    const planRank = `array_position(${sql.p(planOrder, 'int[]')}, t."planId")`;
    const limit = Math.max(1, Math.floor(page.offset + page.size));
    const rows = (await this.prisma.$queryRawUnsafe(
      `SELECT a.id, a."taskId" AS "taskId", a."unitId" AS "unitId", t.number, ${rank} AS rank, to_char(${due}, 'YYYY-MM-DD') AS due, ${planRank} AS "planRank"
       FROM ${sql.from} ${where}
       ORDER BY rank, due NULLS LAST, "planRank" NULLS LAST
       FETCH FIRST ${limit} ROWS WITH TIES`,
      ...sql.params,
    )) as { id: number; taskId: number; unitId: number; number: string; rank: number; due: string | null; planRank: number | null }[];
    rows.sort(
      (a, b) =>
        a.rank - b.rank ||
        (a.due ?? '9999-12-31').localeCompare(b.due ?? '9999-12-31') ||
        (a.planRank ?? 1e9) - (b.planRank ?? 1e9) ||
        compareNumbers(a.number, b.number) ||
        a.taskId - b.taskId ||
        a.unitId - b.unitId,
    );
    return this.hydrate(rows.slice(page.offset, page.offset + page.size).map((r) => r.id));
  }

  async statusCounts(filter: ItemFilter, asOf: AsOf): Promise<UnitCounts[]> {
    const sql = new Sql('free', asOf);
    const { year, month } = dayParts(asOf.today);
    const monthStart = sql.p(ts(instantOf(makeDay(year, month, 1))), 'timestamp');
    const monthEnd = sql.p(ts(instantOf(addDays(endOfMonth(year, month), 1))), 'timestamp');
    // one evaluation of "done" per row, then counts over it
    const inner = `SELECT a."unitId", a."deadlineDate", a."lastReportedAt", a.state, a.percent, ${sql.done} AS done,
        ${sql.dueSoon} AS "dueSoon" FROM ${sql.from} ${sql.where(filter, { statuses: false })}`;
    const today = sql.today;
    const rows = (await this.prisma.$queryRawUnsafe(
      `SELECT x."unitId" AS "unitId", count(*)::int AS total,
         count(*) FILTER (WHERE x.done)::int AS done,
         count(*) FILTER (WHERE NOT x.done AND COALESCE(x."deadlineDate" < ${today}, false))::int AS overdue,
         count(*) FILTER (WHERE x."dueSoon")::int AS "dueSoon",
         count(*) FILTER (WHERE NOT x.done AND NOT COALESCE(x."deadlineDate" < ${today}, false) AND NOT x."dueSoon"
           AND (x."lastReportedAt" IS NULL OR (x.state = 'NOT_STARTED' AND COALESCE(x.percent, 0) = 0) OR x.state = 'DONE'))::int AS "notStarted",
         count(*) FILTER (WHERE NOT x.done)::int AS open,
         count(*) FILTER (WHERE NOT x.done AND x."lastReportedAt" >= ${monthStart} AND x."lastReportedAt" < ${monthEnd})::int AS "updatedThisMonth"
       FROM (${inner}) x GROUP BY 1 ORDER BY 1`,
      ...sql.params,
    )) as Omit<UnitCounts, 'onTrack'>[];
    return rows.map((r) => ({ ...r, onTrack: r.total - r.done - r.overdue - r.dueSoon - r.notStarted }));
  }

  async updatesIn(filter: ItemFilter, range: DayRange): Promise<UnitUpdates[]> {
    const sql = new Sql('free', { today: range.to, dueSoonDays: 0 });
    const where = sql.where({ ...filter, statuses: [] });
    const doneBy = `(${sql.done} AND COALESCE(a."doneOn", ${sql.reportedDay}) <= ${sql.p(range.to, 'date')})`;
    const from = sql.p(ts(instantOf(range.from)), 'timestamp');
    const to = sql.p(ts(instantOf(addDays(range.to, 1))), 'timestamp');
    return (await this.prisma.$queryRawUnsafe(
      `SELECT a."unitId" AS "unitId", count(*)::int AS open,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "ProgressUpdate" u WHERE u."assignmentId" = a.id AND u."reportedAt" >= ${from} AND u."reportedAt" < ${to}))::int AS updated
       FROM ${sql.from} ${where ? `${where} AND` : 'WHERE'} NOT ${doneBy}
       GROUP BY 1 ORDER BY 1`,
      ...sql.params,
    )) as UnitUpdates[];
  }

  async responsibleFor(person: PersonRef): Promise<TaskRow[]> {
    return (await this.queries.responsibleFor(person.id)).sort((a, b) => a.taskId - b.taskId || a.unitId - b.unitId);
  }

  findByRef(ref: string, unitIds: number[] | null): Promise<TaskRow[]> {
    return this.queries.findByRef(ref, unitIds);
  }

  history(assignmentId: number, limit?: number): Promise<UpdateRow[]> {
    return this.queries.history(assignmentId, limit);
  }
}
