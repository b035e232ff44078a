/**
 * The digests' planning in SQL (issue 12): what the weekly digest and the
 * monthly warning list show is computed by the database as per-unit
 * aggregates (counts by status, tasks owing the monthly update and those
 * updated) and, for each list a digest shows, the first rows of each unit
 * (and of the whole city) by a window function in a total order — only the
 * rows a digest shows, with the fields its lines read (byUrgency's order:
 * plan codes placed as localeCompare sorts them, task numbers part by part,
 * then task and unit ids), merged per recipient, and each recipient's
 * message written as the domain's replies write it and inserted with
 * INSERT … SELECT … ON CONFLICT DO NOTHING, as the reminders are
 * (reminder-sql.ts). JavaScript passes what it decides per recipient and
 * unit (who sees which units, the units' name order, sections written by
 * other features) and reads no rows back: memory does not grow with the
 * number of assignments or of digests.
 *
 * The status rules are those of domain/status/derive-status.ts and
 * statusOf (an indicator meeting its target is done), written in SQL;
 * test/db/digest-sql.test.ts compares every leader's digest with the pure
 * planner's over the sample city, day after day, on PGlite and PostgreSQL.
 */
import { addDays, dayParts, endOfMonth, formatDay, makeDay, type Day } from '../../domain/shared/day.ts';
import type { StatusOptions } from '../../domain/status/derive-status.ts';
import type { IdentityRef } from '../../domain/delivery/types.ts';
import type { Role } from '../../domain/people/types.ts';
import type { UnitRef } from '../../domain/units/types.ts';
import type { Db } from '../database.ts';
import { jLit, jNum, jObj, jStr } from './json-text-sql.ts';
import type { Recipient } from './delivery-store.ts';

/**
 * One row per assignment with its status as statusOf derives it on $1 (the
 * day): rank 0 OVERDUE, 1 DUE_SOON, 2 NOT_STARTED, 3 ON_TRACK, 4 DONE; the due
 * day in force; whether it was updated this month and the day it was last
 * reported (Vietnam time). Parameters: $1 day, $2 due-soon horizon, $3 31/12
 * of the day's year, $4 1/1 of that year, $5/$6 the month's first and last
 * days. What it reads of the task is copied onto the row by triggers
 * (migrations assignment_task_facts, assignment_status_facts): no join with
 * Task, whose hashing cost two thirds of a whole-city pass.
 */
export const STATUS_SQL = `
  SELECT a.id, a."unitId", a."taskId", a."planId", a."lastReportedAt", a.difficulties, a.proposals, a.continuous, x.due, x.reported,
    CASE WHEN x.done THEN 4 WHEN x.due < $1::date THEN 0 WHEN x.due <= $2::date THEN 1
         WHEN NOT x.latest OR (a.state = 'NOT_STARTED' AND COALESCE(a.percent, 0) = 0) THEN 2 ELSE 3 END AS rank,
    COALESCE(x.reported BETWEEN $5::date AND $6::date, false) AS "updatedThisMonth"
  FROM "Assignment" a
  CROSS JOIN LATERAL (SELECT a.yearly, (a."lastReportedAt" + interval '7 hours')::date AS reported) y
  CROSS JOIN LATERAL (SELECT
      -- The latest progress counts unless it is last year's DONE of a yearly task (it reopens on 1 January).
      ((a."lastReportedAt" IS NOT NULL OR a.state <> 'NOT_STARTED')
        AND NOT (y.yearly AND a.state = 'DONE' AND NOT COALESCE(COALESCE(a."doneOn", y.reported) BETWEEN $4::date AND $3::date, false))) AS latest) l
  CROSS JOIN LATERAL (SELECT l.latest, y.reported,
      CASE WHEN a."dueYearly" THEN $3::date ELSE a."taskDue" END AS due,
      (l.latest AND a.state = 'DONE') OR a."meetsTarget" AS done) x`;

export function statusParams(day: Day, options: StatusOptions): unknown[] {
  const { year, month } = dayParts(day);
  return [day, addDays(day, options.dueSoonDays), makeDay(year, 12, 31), makeDay(year, 1, 1), makeDay(year, month, 1), endOfMonth(year, month)];
}

/**
 * The lists a digest shows, each with its filter and the SQL form of its
 * JavaScript order (weeklyOrders, byUrgency) up to the plan code; orderTail
 * completes it.
 */
const WEEKLY_LISTS = {
  newOverdue: { where: 's.rank = 0 AND s.due >= $7::date', order: 's.due' },
  upcoming: { where: 's.rank <> 4 AND s.due BETWEEN $1::date AND $8::date', order: 's.due, s.rank' },
  newIssues: { where: `s.reported >= $7::date AND s.reported < $1::date AND s.issue`, order: 's.reported DESC, s.rank, s.due' },
  overdue: { where: 's.rank = 0', order: 's.due' },
} as const;

/**
 * byUrgency's last keys and the jobs' tie-breakers, so that the order is total
 * and a list needs only its first rows: the plan code's place in JavaScript's
 * localeCompare order (pr.r, computed from the plans), the task number part by
 * part (its stored sort key Task."numberKey": numbers as numbers, zero-padded
 * to 18 digits; other parts without case, as compareNumbers), then task and
 * unit ids (the jobs sort by those before their stable sort).
 */
const orderTail = (x: string) => `pr.r, ${x}."numberKey" COLLATE "C", ${x}."taskId", ${x}."unitId"`;

/**
 * STATUS_SQL narrowed to what the lists filter and order by (whether the row
 * reports difficulties or proposals, not their text): the status rows of the
 * whole city are kept once for several passes, and narrow rows stay in
 * memory. What a listed row shows (number, title, texts) is read for the
 * listed rows only.
 */
const LIST_STATUS_SQL = `SELECT x.id, x."unitId", x."taskId", x."planId", x."numberKey", x.continuous, x.due, x.reported, x.rank, x."updatedThisMonth",
    (COALESCE(x.difficulties, '') <> '' OR COALESCE(x.proposals, '') <> '') AS issue
  FROM (${STATUS_SQL.replace('SELECT a.id,', 'SELECT t."numberKey", a.id,').replace('FROM "Assignment" a', 'FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId"')}) x`;

/**
 * JavaScript's \s (what String.prototype.trim removes too) spelled out as characters, for a regular
 * expression's bracket: PostgreSQL's \s leaves out the no-break and other Unicode spaces.
 */
export const JS_SPACE = '\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/**
 * The text expression `x` with its spaces as shorten writes them (\s+ → one space, trimmed). The regular
 * expression's replace costs a few microseconds a row; a match finds the texts that need it (a space other
 * than ' ', two in a row, or one at either end), and the others, nearly all, are kept as they are.
 */
export const cleanSql = (x: string) =>
  `CASE WHEN ${x} ~ '[${JS_SPACE.replace(' ', '')}]|  |^ | $' THEN btrim(regexp_replace(${x}, '[${JS_SPACE}]+', ' ', 'g')) ELSE ${x} END`;

/** shorten(text, max) of domain/shared/text.ts in SQL, over the text expression `x` (JavaScript's max × 0.6 inlined). */
const shortenSql = (x: string, max: number) => `(SELECT CASE WHEN length(z.clean) <= ${max} THEN z.clean ELSE regexp_replace(
    CASE WHEN z.space > ${max * 0.6} THEN left(z.cut, z.space) ELSE z.cut END, '[,;:.\\-–${JS_SPACE}]+$', '') || '…' END
  FROM (SELECT c.clean, left(c.clean, ${max - 1}) AS cut,
      CASE WHEN strpos(reverse(left(c.clean, ${max - 1})), ' ') = 0 THEN -1 ELSE length(left(c.clean, ${max - 1})) - strpos(reverse(left(c.clean, ${max - 1})), ' ') END AS space
    FROM (SELECT ${cleanSql(x)} AS clean) c) z)`;

/** A Line (domain/chat/reply.ts) as JSON text (json-text-sql.ts): `key` with `args` (JSON-text expressions, or none), and its option. */
const lineSql = (key: string, args: Record<string, string> | null, opt?: 'strong' | 'indent') =>
  jObj({ text: jObj({ key: jLit(key), ...(args ? { args: jObj(args) } : {}) }), ...(opt ? { [opt]: jLit(true) } : {}) });

/** The account a person's message goes to (orderIdentities: reachable, the preferred channel first, then the latest linked). */
const ACCOUNT_SQL = (person: string, preferred: string) => `LEFT JOIN LATERAL (SELECT i.id, i.channel, i."chatId" FROM "ChatIdentity" i
      WHERE i."personId" = ${person} AND i."unreachableAt" IS NULL AND i.channel::text IN ('TELEGRAM', 'ZALO')
      ORDER BY CASE WHEN i.channel::text = ${preferred}::text THEN 0 ELSE 1 END, i."linkedAt" DESC, i.id DESC LIMIT 1) idn ON true`;

/** What the weekly digests are planned for, worked out in JavaScript per recipient and unit (never per assignment). */
export interface WeeklyInput {
  /** Unit recipients' visible units (visibleUnitIds), flattened: person, unit, the unit's place in that person's list. */
  scopes: { personIds: number[]; unitIds: number[]; places: number[] };
  /** Recipients who see the whole city. */
  cityIds: number[];
  /** Each unit's place in Vietnamese name order (viName; equal names share a place). */
  unitOrder: [number[], number[]];
  /** Requesters' lines (explanation requests late): appended to their digest, or under their own title when they get none. */
  extras: { personId: number; lines: unknown[] }[];
}

/** What the monthly warning lists are planned for (as WeeklyInput), and the standing office's "6 rõ" section. */
export interface MonthlyInput extends Omit<WeeklyInput, 'extras'> {
  /** The section's lines (none when no task has a gap) and who gets it (admins who see the city). */
  sixClear: { lines: unknown[]; personIds: number[] };
}

/**
 * The digests' last two CTEs: the people with a message (`r` and those of `extra`), their unit and
 * the account it goes to; then one DIGEST row each, its key `keyParam` || person, its lines (the
 * `lines` CTE: person, sec, pos, line as JSON text) in order.
 */
function digestDeliveries(extra: string, keyParam: string): string {
  return `-- The people with a message, their unit and the account it goes to.
       acct AS (
         SELECT pe.id AS "personId", pe."unitId", idn.id AS "identityId", idn.channel::text AS channel, idn."chatId"
         FROM "Person" pe ${ACCOUNT_SQL('pe.id', 'pe."preferredChannel"')}
         WHERE pe.id IN (SELECT "personId" FROM r UNION SELECT "personId" FROM ${extra})),
       planned AS (
         SELECT ${keyParam}::text || m."personId" AS "dedupeKey", 'DIGEST' AS kind, m."personId", ac."unitId", ac."identityId", ac.channel, ac."chatId",
           ('{"v":1,"reply":{"lines":' || m.lines || '}}')::jsonb AS payload
         FROM (SELECT "personId", '[' || string_agg(line, ',' ORDER BY sec, pos) || ']' AS lines FROM lines GROUP BY "personId") m JOIN acct ac ON ac."personId" = m."personId")`;
}

export class PlanningSql {
  constructor(private readonly prisma: Db) {}

  /**
   * Each plan's place in byUrgency's order of plan codes (localeCompare, as
   * JavaScript sorts them; equal codes share a place), as two arrays for unnest.
   */
  async planOrder(): Promise<[number[], number[]]> {
    const plans = (await this.prisma.$queryRawUnsafe(`SELECT id, code FROM "Plan"`)) as { id: number; code: string }[];
    plans.sort((a, b) => a.code.localeCompare(b.code));
    const ranks: number[] = [];
    for (const [i, p] of plans.entries()) ranks.push(i > 0 && plans[i - 1]!.code.localeCompare(p.code) === 0 ? ranks[i - 1]! : i);
    return [plans.map((p) => p.id), ranks];
  }

  /**
   * The weekly digests planned in one statement (issue 12): the rows'
   * statuses computed once; per-unit counts (units with at least one
   * assignment) summed per recipient; the first `max` rows of each list per
   * unit (and of the whole city) in a total order (orderTail) — a two-pass
   * rank keeps only the rows that can be among a unit's first —, merged per
   * recipient by their place in the city's list; then each recipient's
   * message, line for line as weeklyDigestReply (and the requesters' lines
   * of withRequestersLines) write it, with the account it goes to. Nothing
   * per assignment or per recipient comes into JavaScript: `planned` holds
   * the rows, which the caller inserts or reads (tests).
   */
  async weeklyStatement(day: Day, options: StatusOptions, input: WeeklyInput, o: { max: number; upcomingDays: number; keyPrefix: string }): Promise<{ sql: string; params: unknown[] }> {
    const [planIds, planRanks] = await this.planOrder();
    // Two passes: rank() in each unit by the list's own order (cheap keys) keeps the rows that can be among a
    // unit's first (ties included) — the city's first are among them too —, and only those are ordered by the full
    // order (plan, number's key, ids), per unit and over the city.
    const parts = Object.entries(WEEKLY_LISTS).map(
      ([name, l]) => `SELECT '${name}' AS list, c.*,
          row_number() OVER (PARTITION BY c."unitId" ORDER BY ${l.order.replaceAll('s.', 'c.')}, ${orderTail('c')}) AS u,
          row_number() OVER (ORDER BY ${l.order.replaceAll('s.', 'c.')}, ${orderTail('c')}) AS g
        FROM (SELECT s.*, rank() OVER (PARTITION BY s."unitId" ORDER BY ${l.order}) AS u1 FROM s WHERE ${l.where}) c
        JOIN pr ON pr.id = c."planId" WHERE c.u1 <= $11`,
    );
    const item = lineSql(
      'digest-item',
      {
        number: jStr('tt.number'),
        plan: jStr('pl.code'),
        title: jStr(shortenSql('tt.title', 70)),
        unit: jStr('un.name'),
        due: jStr(`CASE WHEN p.due IS NULL THEN 'none' ELSE to_char(p.due, 'DD/MM/YYYY') END`),
        days: jNum('CASE WHEN p.rank = 0 THEN $1::date - p.due ELSE COALESCE(p.due - $1::date, 0) END'),
        status: jStr(`(ARRAY['OVERDUE', 'DUE_SOON', 'NOT_STARTED', 'ON_TRACK', 'DONE'])[p.rank + 1]`),
      },
      'indent',
    );
    const issue = lineSql(
      'digest-issue',
      {
        number: jStr('tt.number'),
        unit: jStr('un.name'),
        difficulties: jStr(`CASE WHEN COALESCE(aa.difficulties, '') = '' THEN 'none' ELSE ${shortenSql('aa.difficulties', 120)} END`),
        proposals: jStr(`CASE WHEN COALESCE(aa.proposals, '') = '' THEN 'none' ELSE ${shortenSql('aa.proposals', 120)} END`),
      },
      'indent',
    );
    // Each list's section: its heading (sec), its rows (sec + 1) and "… N more" (sec + 2); whether the recipient's digest shows it.
    const sections: [string, number, string, Record<string, string>, string, string][] = [
      ['newOverdue', 10, 'digest-new-overdue', { count: jNum('r."newOverdue"') }, `r."newOverdue"`, `r."newOverdue" > 0`],
      ['upcoming', 20, 'digest-upcoming', { count: jNum('r.upcoming'), days: jNum('$23::int') }, `r.upcoming`, `r.upcoming > 0`],
      ['newIssues', 30, 'digest-issues', { count: jNum('r."newIssues"') }, `r."newIssues"`, `r."newIssues" > 0`],
      // One unit with overdue tasks (or none): its longest-overdue tasks instead of the units (sec 40).
      ['overdue', 50, 'digest-overdue-list', { count: jNum('r.overdue') }, `r.overdue`, `r.overdue > 0 AND r."overdueUnits" <= 1`],
    ];
    const sql = `WITH s AS MATERIALIZED (${LIST_STATUS_SQL}),
       pr AS (SELECT * FROM unnest($12::int[], $13::int[]) AS pr(id, r)),
       l AS (${parts.join(' UNION ALL ')}),
       counts AS (
         SELECT s."unitId",
                count(*) FILTER (WHERE s.rank <> 4)::int AS open, count(*) FILTER (WHERE s.rank = 4)::int AS done,
                count(*) FILTER (WHERE ${WEEKLY_LISTS.overdue.where})::int AS overdue,
                count(*) FILTER (WHERE ${WEEKLY_LISTS.newOverdue.where})::int AS "newOverdue",
                count(*) FILTER (WHERE ${WEEKLY_LISTS.upcoming.where})::int AS upcoming,
                count(*) FILTER (WHERE ${WEEKLY_LISTS.newIssues.where})::int AS "newIssues"
         FROM s GROUP BY s."unitId"),
       sc AS (SELECT * FROM unnest($14::int[], $15::int[], $16::int[]) AS sc("personId", "unitId", place)),
       city AS (SELECT * FROM unnest($17::int[]) AS city("personId")),
       vi AS (SELECT * FROM unnest($18::int[], $19::int[]) AS vi(id, r)),
       -- Each recipient's units that have assignments (a city recipient's: every unit, in id order).
       mine AS (
         SELECT sc."personId", sc.place, c.* FROM sc JOIN counts c ON c."unitId" = sc."unitId"
         UNION ALL
         SELECT city."personId", c."unitId", c.* FROM city CROSS JOIN counts c),
       -- The recipients with a digest: something overdue, coming up or newly reported (weeklyDigestReply's rule).
       r AS (
         SELECT t.*, pe."fullName", CASE WHEN t."personId" IN (SELECT "personId" FROM city) THEN 'city' ELSE COALESCE(un.name, 'city') END AS scope
         FROM (SELECT "personId", sum(open)::int AS open, sum(done)::int AS done, sum(overdue)::int AS overdue, sum("newOverdue")::int AS "newOverdue",
                 sum(upcoming)::int AS upcoming, sum("newIssues")::int AS "newIssues", count(*) FILTER (WHERE overdue > 0)::int AS "overdueUnits"
               FROM mine GROUP BY "personId") t
         JOIN "Person" pe ON pe.id = t."personId" LEFT JOIN "Unit" un ON un.id = pe."unitId"
         WHERE t.overdue > 0 OR t.upcoming > 0 OR t."newIssues" > 0),
       -- Each recipient's first rows of each list: their units' first rows by place in the city's list (g), or the city's.
       p AS (
         SELECT x.* FROM (
           SELECT sc."personId", l.list, l.id, l."taskId", l."unitId", l."planId", l.due, l.rank,
                  row_number() OVER (PARTITION BY sc."personId", l.list ORDER BY l.g) AS k
           FROM sc JOIN l ON l."unitId" = sc."unitId" AND l.u <= $11 WHERE l."unitId" = ANY($9::int[])) x
         WHERE x.k <= $11
         UNION ALL
         SELECT city."personId", l.list, l.id, l."taskId", l."unitId", l."planId", l.due, l.rank, l.g FROM city JOIN l ON l.g <= $11 WHERE $10::boolean),
       ex AS (SELECT (e->>'personId')::int AS "personId", e->'lines' AS lines FROM jsonb_array_elements($21::jsonb) e),
       lines AS (
         SELECT r."personId", 0 AS sec, 0::bigint AS pos, ${lineSql('digest-weekly-title', { scope: jStr('r.scope'), date: jStr('$20::text') }, 'strong')} AS line FROM r
         UNION ALL
         SELECT r."personId", 1, 0, ${lineSql('digest-weekly-summary', { open: jNum('r.open'), done: jNum('r.done'), overdue: jNum('r.overdue'), upcoming: jNum('r.upcoming') })} FROM r
         ${sections
           .map(
             ([, sec, key, args, total, shown]) => `UNION ALL
         SELECT r."personId", ${sec}, 0, ${lineSql(key, args)} FROM r WHERE ${shown}
         UNION ALL
         SELECT r."personId", ${sec + 2}, 0, ${lineSql('list-more', { count: jNum(`${total} - $11`) }, 'indent')} FROM r WHERE ${shown} AND ${total} > $11`,
           )
           .join(' ')}
         UNION ALL
         SELECT p."personId", b.sec + 1, p.k, CASE WHEN p.list = 'newIssues' THEN ${issue} ELSE ${item} END
         FROM p JOIN r ON r."personId" = p."personId"
         JOIN (VALUES ${sections.map(([name, sec]) => `('${name}', ${sec})`).join(', ')}) b(list, sec) ON b.list = p.list
         JOIN "Task" tt ON tt.id = p."taskId" JOIN "Unit" un ON un.id = p."unitId" JOIN "Plan" pl ON pl.id = p."planId"
         LEFT JOIN "Assignment" aa ON aa.id = p.id AND p.list = 'newIssues'
         WHERE ${sections.map(([name, , , , , shown]) => `(p.list = '${name}' AND ${shown})`).join(' OR ')}
         UNION ALL
         -- Several units with overdue tasks: the most overdue first (then Vietnamese name order, then the recipient's order of units).
         SELECT r."personId", 40, 0, ${lineSql('digest-top-units', null)} FROM r WHERE r."overdueUnits" > 1
         UNION ALL
         SELECT m."personId", 41, m.k, ${lineSql('digest-unit-overdue', { unit: jStr('un.name'), count: jNum('m.overdue') }, 'indent')}
         FROM (SELECT mine."personId", mine."unitId", mine.overdue,
                 row_number() OVER (PARTITION BY mine."personId" ORDER BY mine.overdue DESC, vi.r, mine.place) AS k
               FROM mine JOIN r ON r."personId" = mine."personId" AND r."overdueUnits" > 1 JOIN vi ON vi.id = mine."unitId" WHERE mine.overdue > 0) m
         JOIN "Unit" un ON un.id = m."unitId" WHERE m.k <= $11
         UNION ALL
         -- Requesters' lines (withRequestersLines): after their digest, or under their own title.
         SELECT ex."personId", 90, 0, ${lineSql('gt-digest-own-title', { date: jStr('$20::text') }, 'strong')} FROM ex WHERE ex."personId" NOT IN (SELECT "personId" FROM r)
         UNION ALL
         SELECT ex."personId", 100, o.n, o.line::text FROM ex CROSS JOIN LATERAL jsonb_array_elements(ex.lines) WITH ORDINALITY o(line, n)),
       ${digestDeliveries('ex', '$22')}`;
    return {
      sql,
      params: [
        ...statusParams(day, options),
        addDays(day, -7),
        addDays(day, 14),
        [...new Set(input.scopes.unitIds)],
        input.cityIds.length > 0,
        o.max,
        planIds,
        planRanks,
        input.scopes.personIds,
        input.scopes.unitIds,
        input.scopes.places,
        input.cityIds,
        input.unitOrder[0],
        input.unitOrder[1],
        formatDay(day),
        JSON.stringify(input.extras),
        o.keyPrefix,
        o.upcomingDays,
      ],
    };
  }

  /**
   * The monthly warning lists planned in one statement, as weeklyStatement
   * plans the weekly digests: per-unit counts of the tasks owing this
   * month's update and of those updated (units owing at least one), each
   * recipient's units in unitShares' order (worst share first), and the
   * first `max` tasks not updated of those units in that order, most urgent
   * first within a unit (byUrgency, made total by orderTail); then each
   * message as monthlyWarningReply (and, for the standing office,
   * withSixClearSection) writes it.
   */
  async monthlyStatement(day: Day, options: StatusOptions, input: MonthlyInput, o: { max: number; unitsMax: number; target: number; keyPrefix: string }): Promise<{ sql: string; params: unknown[] }> {
    const [planIds, planRanks] = await this.planOrder();
    const flag = (updated: string, open: string) => jStr(`CASE WHEN ${updated} * 100 < ${open} * $22::int THEN 'low' ELSE 'ok' END`);
    const stale = lineSql(
      'digest-stale-item',
      {
        number: jStr('tt.number'),
        plan: jStr('pl.code'),
        title: jStr(shortenSql('tt.title', 70)),
        unit: jStr('un.name'),
        last: jStr(`CASE WHEN st.reported IS NULL THEN 'none' ELSE to_char(st.reported, 'DD/MM/YYYY') END`),
      },
      'indent',
    );
    // OFFSET 0: each row's status worked out once, not again by the filter (a flattened subquery repeats it).
    const sql = `WITH s AS MATERIALIZED (SELECT * FROM (${LIST_STATUS_SQL} OFFSET 0) x WHERE x.rank <> 4 OR x.continuous),
       pr AS (SELECT * FROM unnest($8::int[], $9::int[]) AS pr(id, r)),
       -- As for the weekly lists: rank() by status and due day keeps the candidates, the full order ranks only those.
       c AS (SELECT s.*, rank() OVER (PARTITION BY s."unitId" ORDER BY s.rank, s.due) AS u1 FROM s WHERE NOT s."updatedThisMonth"),
       l AS (SELECT c.*, row_number() OVER (PARTITION BY c."unitId" ORDER BY c.rank, c.due, ${orderTail('c')}) AS u FROM c JOIN pr ON pr.id = c."planId" WHERE c.u1 <= $7),
       counts AS (SELECT s."unitId", count(*)::int AS open, count(*) FILTER (WHERE s."updatedThisMonth")::int AS updated FROM s GROUP BY s."unitId"),
       sc AS (SELECT * FROM unnest($10::int[], $11::int[], $12::int[]) AS sc("personId", "unitId", place)),
       city AS (SELECT * FROM unnest($13::int[]) AS city("personId")),
       vi AS (SELECT * FROM unnest($14::int[], $15::int[]) AS vi(id, r)),
       -- Each recipient's units owing updates (a city recipient's: every unit, in id order), worst share first (unitShares).
       mine AS (
         SELECT x.*, row_number() OVER (PARTITION BY x."personId" ORDER BY x.updated::float8 / x.open, x.open DESC, vi.r, x.place) AS k
         FROM (SELECT sc."personId", sc.place, c.* FROM sc JOIN counts c ON c."unitId" = sc."unitId"
               UNION ALL
               SELECT city."personId", c."unitId", c.* FROM city CROSS JOIN counts c) x
         JOIN vi ON vi.id = x."unitId"),
       r AS (
         SELECT t.*, pe."fullName", CASE WHEN t."personId" IN (SELECT "personId" FROM city) THEN 'city' ELSE COALESCE(un.name, 'city') END AS scope
         FROM (SELECT "personId", sum(open)::int AS open, sum(updated)::int AS updated, count(*)::int AS units FROM mine GROUP BY "personId") t
         JOIN "Person" pe ON pe.id = t."personId" LEFT JOIN "Unit" un ON un.id = pe."unitId"
         WHERE t.open > 0),
       -- The first rows not updated: the recipient's units in share order, each unit's rows in their order.
       st AS (
         SELECT x.* FROM (
           SELECT mine."personId", l.id, l."taskId", l."unitId", l."planId", l.reported,
                  row_number() OVER (PARTITION BY mine."personId" ORDER BY mine.k, l.u) AS j
           FROM mine JOIN r ON r."personId" = mine."personId" JOIN l ON l."unitId" = mine."unitId" AND l.u <= $7) x
         WHERE x.j <= $7),
       -- The standing office's "6 rõ" section (withSixClearSection), after its list or alone.
       six AS (SELECT * FROM unnest($19::int[]) AS six("personId") WHERE jsonb_array_length($18::jsonb) > 0),
       lines AS (
         SELECT r."personId", 0 AS sec, 0::bigint AS pos, ${lineSql('digest-monthly-title', { scope: jStr('r.scope'), month: jStr('$17::text'), date: jStr('$16::text') }, 'strong')} AS line FROM r
         UNION ALL
         SELECT r."personId", 1, 0, ${lineSql('digest-monthly-summary', { updated: jNum('r.updated'), open: jNum('r.open'), share: jNum('r.updated * 100 / r.open'), target: jNum('$22::int'), flag: flag('r.updated', 'r.open') })} FROM r
         UNION ALL
         SELECT r."personId", 10, 0, ${lineSql('digest-monthly-units', null)} FROM r WHERE r.units > 1
         UNION ALL
         SELECT mine."personId", 11, mine.k, ${lineSql('digest-monthly-unit', { unit: jStr('un.name'), updated: jNum('mine.updated'), open: jNum('mine.open'), share: jNum('mine.updated * 100 / mine.open'), flag: flag('mine.updated', 'mine.open') }, 'indent')}
         FROM mine JOIN r ON r."personId" = mine."personId" AND r.units > 1 JOIN "Unit" un ON un.id = mine."unitId" WHERE mine.k <= $21
         UNION ALL
         SELECT r."personId", 12, 0, ${lineSql('list-more', { count: jNum('r.units - $21') }, 'indent')} FROM r WHERE r.units > 1 AND r.units > $21
         UNION ALL
         SELECT r."personId", 20, 0, ${lineSql('digest-monthly-stale', { count: jNum('r.open - r.updated') })} FROM r WHERE r.open > r.updated
         UNION ALL
         SELECT st."personId", 21, st.j, ${stale}
         FROM st JOIN "Task" tt ON tt.id = st."taskId" JOIN "Unit" un ON un.id = st."unitId" JOIN "Plan" pl ON pl.id = st."planId"
         UNION ALL
         SELECT r."personId", 22, 0, ${lineSql('list-more', { count: jNum('r.open - r.updated - $7') }, 'indent')} FROM r WHERE r.open - r.updated > $7
         UNION ALL
         SELECT six."personId", 100, o.n, o.line::text FROM six CROSS JOIN LATERAL jsonb_array_elements($18::jsonb) WITH ORDINALITY o(line, n)),
       ${digestDeliveries('six', '$20')}`;
    return {
      sql,
      params: [
        ...statusParams(day, options),
        o.max,
        planIds,
        planRanks,
        input.scopes.personIds,
        input.scopes.unitIds,
        input.scopes.places,
        input.cityIds,
        input.unitOrder[0],
        input.unitOrder[1],
        formatDay(day),
        `${day.slice(5, 7)}/${day.slice(0, 4)}`,
        JSON.stringify(input.sixClear.lines),
        input.sixClear.personIds,
        o.keyPrefix,
        o.unitsMax,
        o.target,
      ],
    };
  }
}

/**
 * Inserts the rows of a statement's `planned` (dedupeKey, kind, personId, unitId, identityId, channel, chatId,
 * payload) that have an account, due at `notBefore`; rows whose key exists are left alone. The statement also
 * defines `acct` (one row per person with a message, identityId null when they have no account).
 */
export async function insertPlanned(prisma: Db, withSql: string, params: unknown[], notBefore: Date): Promise<{ planned: number; noAccount: number }> {
  const [r] = (await prisma.$queryRawUnsafe(
    `${withSql},
     ins AS (INSERT INTO "Delivery"(kind, "dedupeKey", "personId", "identityId", "unitId", payload, "notBefore", channel, "chatId")
             SELECT kind::"DeliveryKind", "dedupeKey", "personId", "identityId", "unitId", payload, $${params.length + 1}::timestamp, channel::"Channel", "chatId"
             FROM planned WHERE "identityId" IS NOT NULL ORDER BY "personId"
             ON CONFLICT ("dedupeKey") DO NOTHING RETURNING 1)
     SELECT (SELECT count(*) FROM ins)::int AS planned, (SELECT count(*) FROM acct WHERE "identityId" IS NULL)::int AS "noAccount"`,
    ...params,
    notBefore.toISOString(),
  )) as { planned: number; noAccount: number }[];
  return r ?? { planned: 0, noAccount: 0 };
}

/**
 * Active people with any of `roles`, with their unit's name and accounts, in
 * one statement (Prisma's findMany with includes cost a statement per relation
 * and far more mapping for a city's leaders). The same Recipient objects as
 * PrismaPlanningReads.peopleWithRoles gives, by person id.
 */
export async function recipientsWithRoles(prisma: Db, roles: Role[]): Promise<Recipient[]> {
  const rows = (await prisma.$queryRawUnsafe(
    `SELECT p.id AS "personId", p."fullName", p."unitId", u.name AS "unitName", p.roles::text[] AS roles, p."preferredChannel"::text AS "preferredChannel",
       COALESCE((SELECT json_agg(json_build_object('id', i.id, 'personId', i."personId", 'channel', i.channel, 'chatId', i."chatId", 'locale', i.locale,
           'linkedAt', (extract(epoch FROM i."linkedAt") * 1000)::float8, 'unreachableAt', (extract(epoch FROM i."unreachableAt") * 1000)::float8) ORDER BY i.id)
         FROM "ChatIdentity" i WHERE i."personId" = p.id), '[]') AS identities
     FROM "Person" p LEFT JOIN "Unit" u ON u.id = p."unitId" WHERE p.active AND p.roles::text[] && $1::text[] ORDER BY p.id`,
    roles,
  )) as (Omit<Recipient, 'identities'> & { identities: (Omit<IdentityRef, 'linkedAt' | 'unreachableAt'> & { linkedAt: number; unreachableAt: number | null })[] })[];
  return rows.map((r) => ({
    ...r,
    identities: (typeof r.identities === 'string' ? JSON.parse(r.identities) : r.identities).map((i: { linkedAt: number; unreachableAt: number | null }) => ({
      ...i,
      linkedAt: new Date(i.linkedAt),
      unreachableAt: i.unreachableAt === null ? null : new Date(i.unreachableAt),
    })),
  }));
}

/**
 * The units for visibleUnitIds (ids and parents; names, codes and kinds, no
 * aliases), in id order as PrismaTaskQueries.units() lists them, in one plain
 * statement: mapping the city's units and aliases through Prisma held the
 * event loop for a tenth of a second.
 */
export async function unitTree(prisma: Db): Promise<UnitRef[]> {
  const rows = (await prisma.$queryRawUnsafe(`SELECT id, code, name, kind::text AS kind, "parentId" FROM "Unit" ORDER BY id`)) as Omit<UnitRef, 'aliases'>[];
  return rows.map((u) => ({ ...u, aliases: [] }));
}
