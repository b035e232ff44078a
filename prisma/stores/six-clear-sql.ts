/**
 * The city's "6 rõ" gaps per plan as SQL aggregates (issue 12): the monthly
 * warning list of the standing office ends with them, and reading every task
 * with its shares and assignees into JavaScript (PrismaSixClearStore.tasks()
 * then checkSixClear) cost more than the rest of the digest at 100k tasks.
 * The database counts, per plan, the tasks, those missing each criterion and
 * the shares without an officer; only one row per plan comes back.
 *
 * The rules are checkSixClear's (domain/accountability/six-clear.ts) written
 * in SQL: test/db/digest-sql.test.ts compares this summary with it.
 */
import type { Counts, SixClearReport } from '../../domain/accountability/six-clear.ts';
import type { Db } from '../database.ts';

/**
 * six-clear.ts's `blank`: null, or only dashes, dots and whitespace — JavaScript's
 * \s spelled out as characters, so that the database's locale does not decide.
 */
const BLANK_PATTERN = '^[-–—.\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*$';
const blank = (col: string) => `(${col} IS NULL OR ${col} ~ $1)`;

const SUMMARY_SQL = `
  WITH off AS (
    -- Shares whose unit has no officer: no active assignee of the task in the unit, no active focal officer.
    SELECT a."taskId", count(*)::int AS n FROM "Assignment" a
    WHERE NOT EXISTS (SELECT 1 FROM "Person" f WHERE f."unitId" = a."unitId" AND f.active AND f."isFocal")
      AND NOT EXISTS (SELECT 1 FROM "TaskAssignee" ta JOIN "Person" p ON p.id = ta."personId" WHERE ta."taskId" = a."taskId" AND p."unitId" = a."unitId" AND p.active)
    GROUP BY a."taskId"),
  sh AS (SELECT a."taskId", count(*)::int AS n FROM "Assignment" a GROUP BY a."taskId"),
  g AS (
    SELECT t."planId", COALESCE(sh.n, 0) AS shares, COALESCE(off.n, 0) AS "withoutOfficer",
      (off.n IS NOT NULL OR sh.n IS NULL) AS who,
      ${blank('t.title')} AS what,
      t."deadlineKind"::text IN ('NONE', 'UNKNOWN') AS "when",
      (sh.n IS NULL AND ${blank('t."leadUnitText"')}) AS responsibility,
      (${blank('t."expectedOutput"')} AND NOT (t.kind::text = 'INDICATOR' AND t."targetValue" IS NOT NULL)) AS output,
      ${blank('t."directingLeader"')} AS authority
    FROM "Task" t LEFT JOIN sh ON sh."taskId" = t.id LEFT JOIN off ON off."taskId" = t.id)
  SELECT g."planId", p.code AS "planCode", count(*)::int AS tasks,
    count(*) FILTER (WHERE who OR what OR "when" OR responsibility OR output OR authority)::int AS "withGaps",
    count(*) FILTER (WHERE who)::int AS who, count(*) FILTER (WHERE what)::int AS what, count(*) FILTER (WHERE "when")::int AS "when",
    count(*) FILTER (WHERE responsibility)::int AS responsibility, count(*) FILTER (WHERE output)::int AS output,
    count(*) FILTER (WHERE authority)::int AS authority,
    sum(shares)::int AS shares, sum("withoutOfficer")::int AS "sharesWithoutOfficer"
  FROM g JOIN "Plan" p ON p.id = g."planId" GROUP BY g."planId", p.code ORDER BY g."planId"`;

type PlanRow = Counts & { planId: number; planCode: string; tasks: number; withGaps: number; shares: number; sharesWithoutOfficer: number };

export class SixClearSql {
  constructor(private readonly prisma: Db) {}

  /**
   * checkSixClear over every task, without the tasks: each plan's counts (plans
   * in id order, as checkSixClear lists them), no task items and no units —
   * what the digest's section (withSixClearSection) shows.
   */
  async citySummary(): Promise<SixClearReport> {
    const rows = (await this.prisma.$queryRawUnsafe(SUMMARY_SQL, BLANK_PATTERN)) as PlanRow[];
    const counts: Counts = { who: 0, what: 0, when: 0, responsibility: 0, output: 0, authority: 0 };
    const plans = rows.map((r) => {
      const c: Counts = { who: r.who, what: r.what, when: r.when, responsibility: r.responsibility, output: r.output, authority: r.authority };
      for (const k of Object.keys(counts) as (keyof Counts)[]) counts[k] += c[k];
      return { planId: r.planId, planCode: r.planCode, tasks: r.tasks, withGaps: r.withGaps, counts: c, shares: r.shares, sharesWithoutOfficer: r.sharesWithoutOfficer, items: [] };
    });
    return { tasks: plans.reduce((n, p) => n + p.tasks, 0), withGaps: plans.reduce((n, p) => n + p.withGaps, 0), counts, plans, units: [] };
  }
}
