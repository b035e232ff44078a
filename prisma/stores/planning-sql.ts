/**
 * The digests' planning in SQL (issue 12): what the weekly digest and the
 * monthly warning list show is computed by the database as per-unit
 * aggregates (counts by status, tasks owing the monthly update and those
 * updated) and, for each list a digest shows, the first rows of each unit
 * (and of the whole city) by a window function in a total order — only the
 * rows a digest shows, with the fields its lines read (byUrgency's order:
 * plan codes placed as localeCompare sorts them, task numbers part by part,
 * then task and unit ids). JavaScript then works per
 * recipient × units and per listed row, never per assignment, and memory
 * does not grow with the number of assignments.
 *
 * The status rules are those of domain/status/derive-status.ts and
 * statusOf (an indicator meeting its target is done), written in SQL;
 * test/db/digest-sql.test.ts compares every leader's digest with the pure
 * planner's over the sample city, day after day, on PGlite and PostgreSQL.
 */
import { addDays, dayParts, daysBetween, endOfMonth, makeDay, type Day } from '../../domain/shared/day.ts';
import type { StatusOptions } from '../../domain/status/derive-status.ts';
import type { ListItem } from '../../domain/reminders/digests.ts';
import type { IdentityRef } from '../../domain/delivery/types.ts';
import type { Role } from '../../domain/people/types.ts';
import type { UnitRef } from '../../domain/units/types.ts';
import type { Db } from '../database.ts';
import type { Recipient } from './delivery-store.ts';

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

/** The list whose lines show the rows' difficulties and proposals. */
const ISSUES = `l.list = 'newIssues'`;

/**
 * STATUS_SQL narrowed to what the lists filter and order by (whether the row
 * reports difficulties or proposals, not their text): the status rows of the
 * whole city are kept once for several passes, and narrow rows stay in
 * memory. What a listed row shows (number, title, texts) is read for the
 * listed rows only (listedJoins).
 */
const LIST_STATUS_SQL = `SELECT x.id, x."unitId", x."taskId", x."planId", x."numberKey", x.rhythm, x.due, x.reported, x.rank, x."updatedThisMonth",
    (COALESCE(x.difficulties, '') <> '' OR COALESCE(x.proposals, '') <> '') AS issue
  FROM (${STATUS_SQL.replace('SELECT a.id,', 'SELECT t."planId", t."numberKey", a.id,')}) x`;

/** A listed row: what a digest line shows. */
export interface ListedRow {
  assignmentId: number;
  taskId: number;
  unitId: number;
  unitName: string;
  planCode: string;
  number: string;
  title: string;
  difficulties: string | null;
  proposals: string | null;
  lastReportedOn: Day | null;
  due: Day | null;
  /** 0 OVERDUE, 1 DUE_SOON, 2 NOT_STARTED, 3 ON_TRACK, 4 DONE. */
  rank: number;
  /** The row's place in its list over the whole city (1 first). */
  position: number;
}

const STATUSES = ['OVERDUE', 'DUE_SOON', 'NOT_STARTED', 'ON_TRACK', 'DONE'] as const;

/** A listed row as the digests' lines read it (the fields of Item that digest lines use). */
export function listItem(r: ListedRow, day: Day): ListItem {
  const daysLeft = r.due === null ? null : daysBetween(day, r.due);
  const status = STATUSES[r.rank]!;
  return {
    row: { assignmentId: r.assignmentId, taskId: r.taskId, unitId: r.unitId, unitName: r.unitName, planCode: r.planCode, number: r.number, title: r.title, difficulties: r.difficulties, proposals: r.proposals, lastReportedOn: r.lastReportedOn },
    status: { status, due: r.due, daysLeft, daysOverdue: status === 'OVERDUE' && daysLeft !== null ? -daysLeft : 0 },
  };
}

/**
 * A listed row of `x` (rows of LIST_STATUS_SQL) as one JSON object (`position` its place), for
 * json_agg: a unit's rows come back as one value that JSON.parse reads
 * natively, where mapping ten thousand rows cell by cell held the event loop
 * for a tenth of a second. json, not jsonb: text put together, where jsonb
 * converts each value again at every level.
 */
const listedJson = (x: string, position: string, texts = false) => `json_build_object('assignmentId', ${x}.id, 'taskId', ${x}."taskId", 'unitId', ${x}."unitId",
  'unitName', un.name, 'planCode', pl.code, 'number', tt.number, 'title', tt.title, 'difficulties', ${texts ? 'aa.difficulties' : 'NULL'}, 'proposals', ${texts ? 'aa.proposals' : 'NULL'},
  'lastReportedOn', to_char(${x}.reported, 'YYYY-MM-DD'), 'due', to_char(${x}.due, 'YYYY-MM-DD'), 'rank', ${x}.rank, 'position', ${position})`;
/**
 * The number, title, unit and plan of listed rows (index lookups for those
 * only); with `texts`, the condition on which rows' difficulties and
 * proposals are read (only the weekly issues list shows them).
 */
const listedJoins = (x: string, texts?: string) =>
  `JOIN "Task" tt ON tt.id = ${x}."taskId" JOIN "Unit" un ON un.id = ${x}."unitId" JOIN "Plan" pl ON pl.id = ${x}."planId"${
    texts ? ` LEFT JOIN "Assignment" aa ON aa.id = ${x}.id AND ${texts}` : ''}`;

/**
 * Each unit's listed rows as the statement returned them (JSON text, or
 * values already parsed), parsed when first asked for: the jobs ask unit by
 * unit between their turns for chats, where parsing every unit's rows at once
 * held the event loop.
 */
export class ListedRows {
  readonly #raw = new Map<number, unknown>();
  readonly #parsed = new Map<number, ListedRow[]>();

  set(unitId: number, rows: unknown): void {
    this.#raw.set(unitId, rows);
  }

  get(unitId: number): ListedRow[] | undefined {
    const done = this.#parsed.get(unitId);
    if (done) return done;
    const raw = this.#raw.get(unitId);
    if (raw === undefined) return undefined;
    const rows = (typeof raw === 'string' ? JSON.parse(raw) : raw) as ListedRow[];
    this.#parsed.set(unitId, rows);
    this.#raw.delete(unitId);
    return rows;
  }
}

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
   * The weekly digest's data in one statement (the rows' statuses computed
   * once): per-unit counts (units with at least one assignment), and the
   * first `max` rows of each list, per unit asked for and for the whole city
   * when asked: list name → unit id (0 for the city) → rows in order. The
   * order is total (orderTail), so no more rows than shown come back; each
   * row carries its place among the rows that can be shown, by which a
   * recipient's units' rows merge.
   */
  async weekly(day: Day, options: StatusOptions, scope: DigestScope): Promise<{ units: UnitWeekly[]; lists: Map<string, ListedRows> }> {
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
    const rows = (await this.prisma.$queryRawUnsafe(
      `WITH s AS MATERIALIZED (${LIST_STATUS_SQL}),
       pr AS (SELECT * FROM unnest($12::int[], $13::int[]) AS pr(id, r)),
       l AS (${parts.join(' UNION ALL ')}),
       counts AS (
         SELECT s."unitId",
                count(*) FILTER (WHERE s.rank <> 4)::int AS open, count(*) FILTER (WHERE s.rank = 4)::int AS done,
                count(*) FILTER (WHERE ${WEEKLY_LISTS.overdue.where})::int AS overdue,
                count(*) FILTER (WHERE ${WEEKLY_LISTS.newOverdue.where})::int AS "newOverdue",
                count(*) FILTER (WHERE ${WEEKLY_LISTS.upcoming.where})::int AS upcoming,
                count(*) FILTER (WHERE ${WEEKLY_LISTS.newIssues.where})::int AS "newIssues"
         FROM s GROUP BY s."unitId")
       SELECT l.list, l."unitId", json_agg(${listedJson('l', 'l.g', true)} ORDER BY l.g) AS rows
       FROM l ${listedJoins('l', ISSUES)} WHERE l.u <= $11 AND l."unitId" = ANY($9::int[]) GROUP BY l.list, l."unitId"
       UNION ALL
       SELECT l.list, 0, json_agg(${listedJson('l', 'l.g', true)} ORDER BY l.g) FROM l ${listedJoins('l', ISSUES)} WHERE $10 AND l.g <= $11 GROUP BY l.list
       UNION ALL
       SELECT 'units', 0, (SELECT COALESCE(jsonb_agg(to_jsonb(c) || jsonb_build_object('unitName', un.name) ORDER BY c."unitId"), '[]')::json FROM counts c JOIN "Unit" un ON un.id = c."unitId")`,
      ...statusParams(day, options),
      addDays(day, -7),
      addDays(day, 14),
      scope.unitIds,
      scope.city,
      scope.max,
      planIds,
      planRanks,
    )) as { list: string; unitId: number; rows: unknown }[];
    const lists = new Map<string, ListedRows>();
    let units: UnitWeekly[] = [];
    for (const r of rows) {
      if (r.list === 'units') units = (typeof r.rows === 'string' ? JSON.parse(r.rows) : r.rows) as UnitWeekly[];
      else (lists.get(r.list) ?? lists.set(r.list, new ListedRows()).get(r.list)!).set(r.unitId, r.rows);
    }
    return { units, lists };
  }

  /**
   * The monthly warning list's data in one statement (the rows' statuses
   * computed once): per-unit counts of the tasks owing this month's update and
   * of those updated (units owing at least one), and each unit's first `max`
   * tasks not updated, most urgent first (byUrgency, made total by orderTail).
   */
  async monthly(day: Day, options: StatusOptions, max: number): Promise<{ units: UnitMonthly[]; stale: ListedRows }> {
    const [planIds, planRanks] = await this.planOrder();
    const rows = (await this.prisma.$queryRawUnsafe(
      `WITH s AS MATERIALIZED (SELECT * FROM (${LIST_STATUS_SQL}) x WHERE x.rank <> 4 OR x.rhythm = 'CONTINUOUS'),
       pr AS (SELECT * FROM unnest($8::int[], $9::int[]) AS pr(id, r)),
       -- As for the weekly lists: rank() by status and due day keeps the candidates, the full order ranks only those.
       c AS (SELECT s.*, rank() OVER (PARTITION BY s."unitId" ORDER BY s.rank, s.due) AS u1 FROM s WHERE NOT s."updatedThisMonth"),
       l AS (SELECT c.*, row_number() OVER (PARTITION BY c."unitId" ORDER BY c.rank, c.due, ${orderTail('c')}) AS u FROM c JOIN pr ON pr.id = c."planId" WHERE c.u1 <= $7),
       counts AS (SELECT s."unitId", count(*)::int AS open, count(*) FILTER (WHERE s."updatedThisMonth")::int AS updated FROM s GROUP BY s."unitId")
       SELECT l."unitId", json_agg(${listedJson('l', 'l.u')} ORDER BY l.u) AS rows FROM l ${listedJoins('l')} WHERE l.u <= $7 GROUP BY l."unitId"
       UNION ALL
       SELECT NULL, (SELECT COALESCE(jsonb_agg(to_jsonb(c) || jsonb_build_object('unitName', un.name) ORDER BY c."unitId"), '[]')::json FROM counts c JOIN "Unit" un ON un.id = c."unitId")`,
      ...statusParams(day, options),
      max,
      planIds,
      planRanks,
    )) as { unitId: number | null; rows: unknown }[];
    const stale = new ListedRows();
    let units: UnitMonthly[] = [];
    for (const r of rows) {
      if (r.unitId === null) units = (typeof r.rows === 'string' ? JSON.parse(r.rows) : r.rows) as UnitMonthly[];
      else stale.set(r.unitId, r.rows);
    }
    return { units, stale };
  }
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
