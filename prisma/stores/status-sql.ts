/**
 * The status rules of domain/status/derive-status.ts, written once more in
 * SQL so that city-wide counts run inside PostgreSQL over the indexed
 * Assignment table. test/db/status-sql.test.ts keeps both in agreement.
 */
import { addDays, type Day } from '../../domain/shared/day.ts';
import type { Db } from '../database.ts';

/** SQL expressions over Assignment "a" and Task "t" for a day $1 (date) and a due-soon horizon $2 (date). */
const DONE = `((a.state = 'DONE' AND (t.rhythm <> 'YEARLY' OR a."doneOn" >= date_trunc('year', $1::date))) OR a."targetMet")`;
const YEAR_END = `(date_trunc('year', $1::date) + interval '1 year - 1 day')::date`;
// COALESCE: a task without a deadline (NULL) is never overdue, and NOT NULL would drop the row from every count.
const OVERDUE = `(NOT ${DONE} AND COALESCE(a."deadlineDate" < $1::date, false))`;
const DUE_SOON = `(NOT ${DONE} AND (COALESCE(a."deadlineDate" >= $1::date AND a."deadlineDate" <= $2::date, false) OR (t.rhythm = 'YEARLY' AND ${YEAR_END} <= $2::date)))`;
const NOT_STARTED = `(NOT ${DONE} AND NOT ${OVERDUE} AND NOT ${DUE_SOON} AND (a."lastReportedAt" IS NULL OR (a.state = 'NOT_STARTED' AND COALESCE(a.percent, 0) = 0) OR a.state = 'DONE'))`;

export interface UnitStatusCounts {
  unitId: number;
  total: number;
  done: number;
  overdue: number;
  dueSoon: number;
  notStarted: number;
  onTrack: number;
  /** Open assignments updated in the calendar month of the day (the 90% rule). */
  updatedThisMonth: number;
  open: number;
}

export async function statusCountsByUnit(prisma: Db, today: Day, dueSoonDays: number, unitIds?: number[] | null): Promise<UnitStatusCounts[]> {
  const filter = unitIds ? `WHERE a."unitId" = ANY($3::int[])` : '';
  const sql = `
    SELECT a."unitId" AS "unitId", count(*)::int AS total,
      count(*) FILTER (WHERE ${DONE})::int AS done,
      count(*) FILTER (WHERE ${OVERDUE})::int AS overdue,
      count(*) FILTER (WHERE ${DUE_SOON})::int AS "dueSoon",
      count(*) FILTER (WHERE ${NOT_STARTED})::int AS "notStarted",
      count(*) FILTER (WHERE NOT ${DONE} AND a."lastReportedAt" >= (date_trunc('month', $1::date)::timestamp - interval '7 hours')
        AND a."lastReportedAt" < (date_trunc('month', $1::date)::timestamp + interval '1 month' - interval '7 hours'))::int AS "updatedThisMonth",
      count(*) FILTER (WHERE NOT ${DONE})::int AS open
    FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId"
    ${filter}
    GROUP BY a."unitId" ORDER BY a."unitId"`;
  const params: unknown[] = [today, addDays(today, dueSoonDays)];
  if (unitIds) params.push(unitIds);
  const rows = (await prisma.$queryRawUnsafe(sql, ...params)) as Omit<UnitStatusCounts, 'onTrack'>[];
  return rows.map((r) => ({ ...r, onTrack: r.total - r.done - r.overdue - r.dueSoon - r.notStarted }));
}
