/**
 * The digests' planning in SQL (issue 12): what the weekly digest and the
 * monthly warning list show is computed by the database as per-unit
 * aggregates (counts by status, tasks owing the monthly update and those
 * updated) and, for each list a digest shows, the first rows of each unit
 * (and of the whole city) by a window function — the rows tied with the
 * last included, so that JavaScript's exact order (byUrgency: plan code and
 * task number last) picks the same first rows. JavaScript then works per
 * recipient × units and per listed row, never per assignment, and memory
 * does not grow with the number of assignments.
 *
 * The status rules are those of domain/status/derive-status.ts and
 * statusOf (an indicator meeting its target is done), written in SQL;
 * test/db/digest-sql.test.ts compares every leader's digest with the pure
 * planner's over the sample city, day after day, on PGlite and PostgreSQL.
 */
import { addDays, dayParts, endOfMonth, makeDay, type Day } from '../../domain/shared/day.ts';
import type { StatusOptions } from '../../domain/status/derive-status.ts';
import type { TaskRow } from '../../domain/tasks/types.ts';
import type { Db } from '../database.ts';
import { taskRowsById } from './task-queries.ts';

/**
 * One row per assignment with its status as statusOf derives it on $1 (the
 * day): rank 0 OVERDUE, 1 DUE_SOON, 2 NOT_STARTED, 3 ON_TRACK, 4 DONE; the due
 * day in force; whether it was updated this month and the day it was last
 * reported (Vietnam time). Parameters: $1 day, $2 due-soon horizon, $3 31/12
 * of the day's year, $4 1/1 of that year, $5/$6 the month's first and last
 * days.
 */
export const STATUS_SQL = `
  SELECT a.id, a."unitId", a."taskId", a."lastReportedAt", a.difficulties, a.proposals, t.rhythm::text AS rhythm, x.due, x.reported,
    CASE WHEN x.done THEN 4 WHEN x.due < $1::date THEN 0 WHEN x.due <= $2::date THEN 1
         WHEN NOT x.latest OR (a.state = 'NOT_STARTED' AND COALESCE(a.percent, 0) = 0) THEN 2 ELSE 3 END AS rank,
    COALESCE(x.reported BETWEEN $5::date AND $6::date, false) AS "updatedThisMonth"
  FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId"
  CROSS JOIN LATERAL (SELECT (t."deadlineKind" = 'YEARLY' OR t.rhythm = 'YEARLY') AS yearly,
                             (a."lastReportedAt" + interval '7 hours')::date AS reported) y
  CROSS JOIN LATERAL (SELECT
      -- The latest progress counts unless it is last year's DONE of a yearly task (it reopens on 1 January).
      ((a."lastReportedAt" IS NOT NULL OR a.state <> 'NOT_STARTED')
        AND NOT (y.yearly AND a.state = 'DONE' AND NOT COALESCE(COALESCE(a."doneOn", y.reported) BETWEEN $4::date AND $3::date, false))) AS latest) l
  CROSS JOIN LATERAL (SELECT l.latest, y.reported,
      CASE WHEN t."deadlineKind" IN ('CONTINUOUS', 'UNKNOWN') THEN NULL WHEN y.yearly THEN $3::date ELSE t."deadlineDate" END AS due,
      (l.latest AND a.state = 'DONE')
      OR (t.kind = 'INDICATOR' AND t."targetValue" IS NOT NULL AND a."actualValue" IS NOT NULL AND CASE t."targetComparator"
            WHEN '>=' THEN a."actualValue" >= t."targetValue" - 1e-9 WHEN '>' THEN a."actualValue" > t."targetValue" + 1e-9
            WHEN '<=' THEN a."actualValue" <= t."targetValue" + 1e-9 WHEN '<' THEN a."actualValue" < t."targetValue" - 1e-9
            WHEN '=' THEN abs(a."actualValue" - t."targetValue") <= 1e-9 ELSE false END) AS done) x`;

export function statusParams(day: Day, options: StatusOptions): unknown[] {
  const { year, month } = dayParts(day);
  return [day, addDays(day, options.dueSoonDays), makeDay(year, 12, 31), makeDay(year, 1, 1), makeDay(year, month, 1), endOfMonth(year, month)];
}

export interface UnitWeekly {
  unitId: number;
  unitName: string;
  open: number;
  done: number;
  overdue: number;
  newOverdue: number;
  upcoming: number;
  newIssues: number;
}

export interface UnitMonthly {
  unitId: number;
  unitName: string;
  /** Tasks owing this month's update (open, or continuous). */
  open: number;
  updated: number;
}

/** The lists a digest shows, each with the SQL prefix of its JavaScript order and its filter. */
const WEEKLY_LISTS = {
  newOverdue: { where: 's.rank = 0 AND s.due >= $7::date', order: 's.due' },
  upcoming: { where: 's.rank <> 4 AND s.due BETWEEN $1::date AND $8::date', order: 's.due, s.rank' },
  newIssues: { where: `s.reported >= $7::date AND s.reported < $1::date AND (COALESCE(s.difficulties, '') <> '' OR COALESCE(s.proposals, '') <> '')`, order: 's.reported DESC, s.rank, s.due' },
  overdue: { where: 's.rank = 0', order: 's.due' },
} as const;

/** Options the digests are planned with. */
export interface DigestScope {
  /** Units whose own first rows are needed (the units of unit leaders' scopes). */
  unitIds: number[];
  /** Whether the whole city's first rows are needed (a city leader or admin receives it). */
  city: boolean;
  /** How many rows a list shows. */
  max: number;
}

export class PlanningSql {
  constructor(private readonly prisma: Db) {}

  /** Per-unit counts of the weekly digest on `day` (units with at least one assignment). */
  async weeklyUnits(day: Day, options: StatusOptions): Promise<UnitWeekly[]> {
    const rows = (await this.prisma.$queryRawUnsafe(
      `WITH s AS (${STATUS_SQL})
       SELECT s."unitId", u.name AS "unitName",
              count(*) FILTER (WHERE s.rank <> 4)::int AS open, count(*) FILTER (WHERE s.rank = 4)::int AS done,
              count(*) FILTER (WHERE ${WEEKLY_LISTS.overdue.where})::int AS overdue,
              count(*) FILTER (WHERE ${WEEKLY_LISTS.newOverdue.where})::int AS "newOverdue",
              count(*) FILTER (WHERE ${WEEKLY_LISTS.upcoming.where})::int AS upcoming,
              count(*) FILTER (WHERE ${WEEKLY_LISTS.newIssues.where})::int AS "newIssues"
       FROM s JOIN "Unit" u ON u.id = s."unitId" GROUP BY s."unitId", u.name ORDER BY s."unitId"`,
      ...statusParams(day, options),
      addDays(day, -7),
      addDays(day, 14),
    )) as UnitWeekly[];
    return rows;
  }

  /**
   * The first rows of each weekly list, per unit asked for and for the whole
   * city when asked: list name → unit id (0 for the city) → assignment ids.
   */
  async weeklyFirstRows(day: Day, options: StatusOptions, scope: DigestScope): Promise<Map<string, Map<number, number[]>>> {
    const parts = Object.entries(WEEKLY_LISTS).map(
      ([name, l]) => `SELECT '${name}' AS list, z."unitId", z.id FROM (
          SELECT s.id, s."unitId", rank() OVER (PARTITION BY s."unitId" ORDER BY ${l.order}) AS r FROM s WHERE ${l.where} AND s."unitId" = ANY($9::int[])) z WHERE z.r <= $11
        UNION ALL
        SELECT '${name}', 0, z.id FROM (SELECT s.id, rank() OVER (ORDER BY ${l.order}) AS r FROM s WHERE $10 AND ${l.where}) z WHERE z.r <= $11`,
    );
    const rows = (await this.prisma.$queryRawUnsafe(
      `WITH s AS MATERIALIZED (${STATUS_SQL}) ${parts.join(' UNION ALL ')}`,
      ...statusParams(day, options),
      addDays(day, -7),
      addDays(day, 14),
      scope.unitIds,
      scope.city,
      scope.max,
    )) as { list: string; unitId: number; id: number }[];
    return group(rows);
  }

  /** Per-unit counts of the monthly warning list on `day` (units owing at least one update). */
  async monthlyUnits(day: Day, options: StatusOptions): Promise<UnitMonthly[]> {
    return (await this.prisma.$queryRawUnsafe(
      `WITH s AS (${STATUS_SQL})
       SELECT s."unitId", u.name AS "unitName", count(*)::int AS open, count(*) FILTER (WHERE s."updatedThisMonth")::int AS updated
       FROM s JOIN "Unit" u ON u.id = s."unitId" WHERE s.rank <> 4 OR s.rhythm = 'CONTINUOUS' GROUP BY s."unitId", u.name ORDER BY s."unitId"`,
      ...statusParams(day, options),
    )) as UnitMonthly[];
  }

  /** The first tasks not updated this month of each unit asked for, most urgent first (ties with the last included). */
  async monthlyFirstStale(day: Day, options: StatusOptions, unitIds: number[], max: number): Promise<Map<number, number[]>> {
    if (!unitIds.length) return new Map();
    const rows = (await this.prisma.$queryRawUnsafe(
      `WITH s AS (${STATUS_SQL} WHERE a."unitId" = ANY($7::int[]))
       SELECT 'stale' AS list, z."unitId", z.id FROM (
         SELECT s.id, s."unitId", rank() OVER (PARTITION BY s."unitId" ORDER BY s.rank, s.due) AS r
         FROM s WHERE (s.rank <> 4 OR s.rhythm = 'CONTINUOUS') AND NOT s."updatedThisMonth") z WHERE z.r <= $8`,
      ...statusParams(day, options),
      unitIds,
      max,
    )) as { list: string; unitId: number; id: number }[];
    return group(rows).get('stale') ?? new Map();
  }

  /** Full rows for the listed ids (one statement per thousand). */
  async rows(ids: Iterable<number>): Promise<Map<number, TaskRow>> {
    const all = [...new Set(ids)];
    const out = new Map<number, TaskRow>();
    for (let i = 0; i < all.length; i += 1000) for (const r of await taskRowsById(this.prisma, all.slice(i, i + 1000))) out.set(r.assignmentId, r);
    return out;
  }
}

function group(rows: { list: string; unitId: number; id: number }[]): Map<string, Map<number, number[]>> {
  const out = new Map<string, Map<number, number[]>>();
  for (const r of rows) {
    const byUnit = out.get(r.list) ?? out.set(r.list, new Map()).get(r.list)!;
    (byUnit.get(r.unitId) ?? byUnit.set(r.unitId, []).get(r.unitId)!).push(r.id);
  }
  return out;
}
