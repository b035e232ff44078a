/**
 * The daily reminder run planned in SQL (issue 12): one statement computes
 * who is reminded of what on a day — the rules of domain/reminders/planner.ts
 * (deadline 7/3/1/0 working days away, overdue every 7 days moved to working
 * days, the monthly request, snoozes, leaders' escalations) — builds each
 * person's message as the same JSON reply reminderReply makes, and inserts
 * the Delivery rows with INSERT … SELECT … ON CONFLICT DO NOTHING, keyed
 * `reminder:<day>:<personId>` as before. Nothing per assignment comes into
 * JavaScript: memory does not grow with the number of assignments and the
 * event loop is free while the database works.
 *
 * The calendar is data: the working days around the day (from the
 * configured holidays and make-up days) are passed as a date array, and a
 * generated series numbers them, so "n working days before the deadline" is
 * a difference of two running counts. test/db/reminder-sql.test.ts compares
 * the statement's rows with the pure planner's for every day of 2026.
 */
import type { WorkingCalendar } from '../../domain/calendar/working-days.ts';
import { deadlineReason, MAX_BREAK_DAYS, monthlyRequestDay } from '../../domain/reminders/planner.ts';
import type { ReminderSettings } from '../../domain/reminders/settings.ts';
import { addDays, dayParts, formatDay, makeDay, type Day } from '../../domain/shared/day.ts';
import type { StatusOptions } from '../../domain/status/derive-status.ts';
import type { Db } from '../database.ts';
import { jArr, jLit, jNum, jObj, jSafe, jStr } from './json-text-sql.ts';
import { cleanSql, JS_SPACE, STATUS_SQL, statusParams } from './planning-sql.ts';

/**
 * STATUS_SQL over the rows that can come up, with the columns a reminder
 * sorts and shows so that later steps never join the rows again. On most
 * days the deadlines of the day (precomputed due days, as an array so that
 * the planner looks them up in the Assignment(state, deadlineDate) index)
 * and the tasks whose snooze ends: a few thousand rows read once by index.
 * On a wide day — the monthly request day, or a day yearly tasks (due 31/12)
 * come up — nearly every assignment: one pass with the same conditions.
 */
const rowStatusSql = (wide: boolean, also = 'true') => {
  const due = `(a.state IN ('NOT_STARTED', 'IN_PROGRESS') AND a."deadlineDate" = ANY(ARRAY(SELECT due FROM ahead UNION SELECT due FROM past)))
      OR a."taskId" = ANY(ARRAY(SELECT sn."taskId" FROM "ReminderSnooze" sn WHERE (sn.until + interval '7 hours')::date = $1::date))`;
  if (wide) {
    // Every row is tested: the due days as a hashed set (an array from a subquery is searched element by element,
    // a few hundred past due days for each of the city's rows).
    const dueSet = `(a.state IN ('NOT_STARTED', 'IN_PROGRESS') AND a."deadlineDate" IN (SELECT due FROM ahead UNION SELECT due FROM past))
      OR a."taskId" IN (SELECT sn."taskId" FROM "ReminderSnooze" sn WHERE (sn.until + interval '7 hours')::date = $1::date)`;
    // The monthly request first: on that day it holds for nearly every row, and OR tests its arms in order (the
    // hashed sets are probed only for the rows updated this month).
    return `${STATUS_SQL} WHERE (($13::boolean AND NOT COALESCE(y.reported BETWEEN $5::date AND $6::date, false)) OR ${dueSet} OR (y.yearly AND EXISTS (SELECT 1 FROM ahead WHERE due = $3::date))) AND ${also}`;
  }
  // A few thousand rows, nearly all listed: what a listed row shows is kept from this one read (no second
  // lookup of the row and its task), and each row's task is read by primary key (OFFSET 0: not a hash over the
  // whole Task table).
  return `${STATUS_SQL.replace('SELECT a.id,', `SELECT t.number, t."numberKey", t.title, t.kind::text AS kind, a.state::text AS state, a.percent, a."actualValue", a.id,`).replace(
    'FROM "Assignment" a',
    'FROM "Assignment" a CROSS JOIN LATERAL (SELECT * FROM "Task" t WHERE t.id = a."taskId" OFFSET 0) t',
  )} WHERE (${due}) AND ${also}`;
};

/**
 * The rows that can come up, with the columns later steps decide and order by (what a listed row shows besides
 * is read for listed rows only); a finished task (not continuous) never comes up, nor is it escalated. OFFSET 0:
 * each row's status is worked out once (the subquery flattened, the filter would evaluate it again). `also`: a
 * further condition on the row (a named assignee's task and unit).
 */
const rowsSql = (wide: boolean, also?: string) => `SELECT x."planId", x."unitId", x."taskId", x.continuous, x.due, x.rank, x."updatedThisMonth"${
  wide ? ', x.id' : ', x.number, x."numberKey", x.title, x.kind, x.state, x.percent, x."actualValue", x."lastReportedAt"'}
    FROM (${rowStatusSql(wide, also)} OFFSET 0) x WHERE x.rank <> 4 OR x.continuous`;

export interface ReminderPlanOptions {
  calendar: WorkingCalendar;
  settings: ReminderSettings;
  status: StatusOptions;
  /** When the rows are due. */
  notBefore: Date;
}

/** A planned row as the statement would insert it (previews and tests). */
export interface PlannedReminderRow {
  dedupeKey: string;
  kind: 'REMINDER' | 'ESCALATION';
  personId: number;
  unitId: number | null;
  identityId: number | null;
  channel: string | null;
  chatId: string | null;
  payload: unknown;
}

/** shorten(title, max) of domain/shared/text.ts in SQL ($15: max × 0.6, as JavaScript computes it). */
const SHORT_TITLE = `CASE WHEN length(z.clean) <= $14::int THEN z.clean ELSE regexp_replace(
    CASE WHEN z.space > $15::numeric THEN left(z.cut, z.space) ELSE z.cut END, '[,;:.\\-–${JS_SPACE}]+$', '') || '…' END`;

/** Why a row comes up (ReminderReason's kind): the first that holds of due today, overdue, n working days before, snoozed, monthly. */
const REASON = (w: string) =>
  `CASE WHEN ${w}.n = 0 THEN 'due-today' WHEN ${w}.overdue THEN 'overdue' WHEN ${w}.n > 0 THEN 'before' WHEN ${w}.snoozed THEN 'snoozed' WHEN ${w}.monthly THEN 'monthly' END`;

/**
 * A person's rows of one kind (their tasks, or their escalations) in their message's order, the frame the whole
 * partition: the place and the counts (rows, and those asked for the monthly update) in one window pass over the
 * sorted rows, not a second one partitioned by person.
 */
const PERSON_WINDOW = (order: string) => `WINDOW w AS (PARTITION BY i."personId", i.esc ORDER BY ${order} ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)`;

/** The counts of a person's rows of the row's kind (msg takes the tasks' and the escalations' apart). */
const COUNTS = `count(*) OVER w AS count, count(*) FILTER (WHERE i.monthly) OVER w AS monthlies`;

/** A person's rows in their message's order (byUrgency; the number by its stored sort key, compareNumbers: Task."numberKey"), after the status and the due day. */
const ORDER_TAIL = (task: string, row = task) => `${task}."numberKey" COLLATE "C", ${task}.number COLLATE "C", ${row}."taskId", ${row}."unitId"`;

/**
 * A few thousand rows, nearly all listed, read with what they show: each person's counts and each row's
 * place in their message by one sort (the person's counts read the same order). Only rows that can be
 * listed (first $16, or 3 for the choices) are kept.
 */
const NARROW_RANKED = `ranked AS (
    SELECT * FROM (
      SELECT i.*, pr.code AS "planCode",
        row_number() OVER w AS pos, ${COUNTS}
      FROM items i JOIN pr ON pr.id = i."planId"
      ${PERSON_WINDOW(`i.rank, i.due NULLS LAST, pr.r, ${ORDER_TAIL('i')}`)}) o
    WHERE o.pos <= GREATEST($16::int, 3))`;

/**
 * Nearly every assignment (the monthly request day): the rows are ranked narrow, by the cheap part of the
 * order (status, due day, plan: fixed-width keys) with each person's counts in the same sort; only the rows
 * that can be among a person's first (rank() keeps ties) read their task (number, its sort key, title, kind,
 * by primary key) and are placed by the whole order.
 */
const WIDE_RANKED = `heads AS (
    SELECT * FROM (
      SELECT i.*, pr.r,
        rank() OVER w AS head, ${COUNTS}
      FROM items i JOIN pr ON pr.id = i."planId"
      ${PERSON_WINDOW('i.rank, i.due NULLS LAST, pr.r')}) o
    WHERE o.head <= GREATEST($16::int, 3)),
  ranked AS (
    SELECT * FROM (
      SELECT h.*, t.number, t."numberKey", t.title, t.kind, ${REASON('h')} AS reason,
        row_number() OVER (PARTITION BY h."personId", h.esc ORDER BY h.rank, h.due NULLS LAST, h.r, ${ORDER_TAIL('t', 'h')}) AS pos
      FROM heads h CROSS JOIN LATERAL (SELECT t.number, t."numberKey", t.title, t.kind::text AS kind FROM "Task" t WHERE t.id = h."taskId" OFFSET 0) t) o
    WHERE o.pos <= GREATEST($16::int, 3))`;

/**
 * Who answers for each row and why it comes up, on an ordinary day (a few thousand rows): the rows kept once,
 * then their officers (the task's assignees of that unit, active ones, else the unit's focal officers), the
 * reasons, and the leaders' escalations.
 */
const NARROW_ITEMS = `s AS MATERIALIZED (${rowsSql(false)}),
  -- Who answers for each row: the task's assignees of that unit (active ones), else the unit's focal officers.
  named AS MATERIALIZED (SELECT ta."taskId", p."unitId", ta."personId", p.active FROM "TaskAssignee" ta JOIN "Person" p ON p.id = ta."personId" WHERE p."unitId" IS NOT NULL),
  resp AS (
    SELECT s.*, n."personId" FROM s JOIN named n ON n."taskId" = s."taskId" AND n."unitId" = s."unitId" AND n.active
    UNION ALL
    SELECT s.*, f.id FROM s JOIN "Person" f ON f."unitId" = s."unitId" AND f.active AND f."isFocal"
    WHERE NOT EXISTS (SELECT 1 FROM named n WHERE n."taskId" = s."taskId" AND n."unitId" = s."unitId")),
  -- (Every row here can come up: rowsSql leaves out finished tasks that are not continuous.)
  why AS (SELECT r.*, ah.n,
      (r.rank <> 4 AND r.due < $1::date AND ($1::date - r.due - 1) % $11::int <= $1::date - GREATEST(k.l, r.due) - 1) AS overdue,
      ($13::boolean AND NOT r."updatedThisMonth") AS monthly,
      (sn.ends = $1::date) AS snoozed
    FROM resp r CROSS JOIN k
    LEFT JOIN ahead ah ON r.rank <> 4 AND ah.due = r.due
    LEFT JOIN LATERAL (SELECT (x.until + interval '7 hours')::date AS ends FROM "ReminderSnooze" x WHERE x."personId" = r."personId" AND x."taskId" = r."taskId") sn ON true
    WHERE sn.ends IS NULL OR sn.ends <= $1::date),
  items AS (
    SELECT w.*, false AS esc, ${REASON('w')} AS reason
    FROM why w WHERE w.n IS NOT NULL OR w.overdue OR w.monthly OR w.snoozed
    UNION ALL
    -- Leaders hear once, on the first working day on or after due + escalateAfterDays.
    SELECT s.*, l.id, NULL, true, false, false, true, 'overdue' FROM s CROSS JOIN k JOIN "Person" l ON l."unitId" = s."unitId" AND l.active AND 'UNIT_LEADER' = ANY(l.roles::text[])
    WHERE s.rank = 0 AND s.due + $12::int > k.l AND s.due + $12::int <= $1::date)`;

/**
 * Who answers for each row and why it comes up, on a wide day (nearly every assignment, read once): one pass
 * over the rows, not kept aside (68,000 rows written to a tuplestore and read three times cost more than the
 * joins): each row joined by its unit to its focal officers (unless the task has assignees there) and, when
 * it is escalated today, to its leaders; the named assignees' rows read by index for them. Same rows as
 * NARROW_ITEMS (test/db/reminder-sql.test.ts runs both over the year).
 */
const WIDE_ITEMS = `named AS MATERIALIZED (SELECT ta."taskId", p."unitId", ta."personId", p.active FROM "TaskAssignee" ta JOIN "Person" p ON p.id = ta."personId" WHERE p."unitId" IS NOT NULL),
  -- Each unit's focal officers (esc false) and leaders (esc true): one scan of Person, so that the planner knows
  -- how units spread and hashes these few rows rather than the city's.
  rcpt AS (SELECT p.id AS "personId", p."unitId", r.esc FROM "Person" p
    CROSS JOIN LATERAL (SELECT false WHERE p."isFocal" UNION ALL SELECT true WHERE 'UNIT_LEADER' = ANY(p.roles::text[])) r(esc)
    WHERE p.active AND p."unitId" IS NOT NULL),
  -- Leaders hear once, on the first working day on or after due + escalateAfterDays (tested as the rows are joined,
  -- k's day as a value: a leader's pair that does not hold goes no further).
  resp AS (
    SELECT s.*, c."personId", c.esc
    FROM (${rowsSql(true)}) s JOIN rcpt c ON c."unitId" = s."unitId" AND (NOT c.esc OR (s.rank = 0 AND s.due + $12::int > (SELECT l FROM k) AND s.due + $12::int <= $1::date))
    LEFT JOIN (SELECT DISTINCT "taskId", "unitId" FROM named) nn ON nn."taskId" = s."taskId" AND nn."unitId" = s."unitId"
    WHERE c.esc OR nn."taskId" IS NULL
    UNION ALL
    SELECT s.*, n."personId", false FROM named n CROSS JOIN LATERAL (${rowsSql(true, 'a."taskId" = n."taskId" AND a."unitId" = n."unitId"')}) s WHERE n.active),
  -- Why each row comes up for its officer (snoozes hide it until they end); an escalation is overdue. Only what
  -- the ranking sorts and later steps read (the reason's word is written for listed rows only).
  items AS (
    SELECT w."planId", w."unitId", w."taskId", w.continuous, w.due, w.rank, w.id, w."personId", w.esc, w.n, w.overdue, w.monthly, w.snoozed
    FROM (SELECT r.*, ah.n,
        (r.esc OR (r.rank <> 4 AND r.due < $1::date AND ($1::date - r.due - 1) % $11::int <= $1::date - GREATEST(k.l, r.due) - 1)) AS overdue,
        (NOT r.esc AND $13::boolean AND NOT r."updatedThisMonth") AS monthly,
        (NOT r.esc AND sn.ends = $1::date) AS snoozed,
        sn.ends
      FROM resp r CROSS JOIN k
      LEFT JOIN ahead ah ON NOT r.esc AND r.rank <> 4 AND ah.due = r.due
      LEFT JOIN LATERAL (SELECT (x.until + interval '7 hours')::date AS ends FROM "ReminderSnooze" x WHERE x."personId" = r."personId" AND x."taskId" = r."taskId") sn ON true) w
    WHERE w.esc OR ((w.ends IS NULL OR w.ends <= $1::date) AND (w.n IS NOT NULL OR w.overdue OR w.monthly OR w.snoozed)))`;

/**
 * $1–$6: STATUS_SQL's. $7/$8 the calendar's first and last days, $9 its
 * working days, $10 the offsets, $11 overdue every, $12 escalate after,
 * $13 monthly request day, $14/$15 the title's length and cut, $16 the list length, $17 formatDay(day),
 * $18 the month as reminders write it, $19 the dedupe key prefix.
 */
const planSql = (wide: boolean) => `
  cal AS (SELECT g::date AS d, (g::date = ANY($9::date[])) AS working FROM generate_series($7::date, $8::date, interval '1 day') g),
  cw AS (SELECT d, count(*) FILTER (WHERE working) OVER (ORDER BY d) AS widx FROM cal),
  -- w0: today's working-day number; l: the last working day before today (days after it up to today are "moved to today").
  k AS (SELECT (SELECT widx FROM cw WHERE d = $1::date) AS w0, COALESCE((SELECT max(d) FROM cal WHERE working AND d < $1::date), $7::date) AS l),
  -- Deadlines n working days away (n among the offsets; a deadline on a day off counts from the working day before it).
  ahead AS (SELECT cw.d AS due, (cw.widx - k.w0)::int AS n FROM cw, k WHERE cw.d >= $1::date AND (cw.widx - k.w0)::int = ANY($10::int[])),
  -- Past deadlines whose weekly overdue reminder or escalation falls on a day moved to today.
  past AS (SELECT g::date AS due FROM k, generate_series(LEAST(COALESCE((SELECT min("deadlineDate") FROM "Task"), $1::date), $1::date), $1::date - 1, interval '1 day') g
           WHERE ($1::date - g::date - 1) % $11::int <= $1::date - GREATEST(k.l, g::date) - 1
              OR (g::date + $12::int > k.l AND g::date + $12::int <= $1::date)),
  -- Plans in the reminders' order of their codes (lower case, then as written; bytes), as a number to sort by.
  pr AS (SELECT id, code, rank() OVER (ORDER BY lower(code) COLLATE "C", code COLLATE "C") AS r FROM "Plan"),
  ${wide ? WIDE_ITEMS : NARROW_ITEMS},
  ${wide ? WIDE_RANKED : NARROW_RANKED},
  -- The rows a message lists, with their unit, plan, short title${wide ? ' and progress (read for listed rows only)' : ''}.
  listed AS (
    SELECT r.*, u.name AS "unitName", ${wide ? 'pl.code AS "planCode", ' : ''}${SHORT_TITLE} AS "shortTitle"${
      wide ? ', a.state::text AS state, a.percent, a."actualValue", a."lastReportedAt"' : ''}
    FROM ranked r JOIN "Unit" u ON u.id = r."unitId"${wide ? ' JOIN "Plan" pl ON pl.id = r."planId"' : ''}${
      wide ? `
    CROSS JOIN LATERAL (SELECT a.state, a.percent, a."actualValue", a."lastReportedAt" FROM "Assignment" a WHERE a.id = r.id OFFSET 0) a` : ''}
    -- OFFSET 0: the title's spaces are collapsed once a row, not again at each use of clean below.
    CROSS JOIN LATERAL (SELECT ${cleanSql('r.title')} AS clean OFFSET 0) c0
    CROSS JOIN LATERAL (SELECT c0.clean, left(c0.clean, $14::int - 1) AS cut,
      CASE WHEN strpos(reverse(left(c0.clean, $14::int - 1)), ' ') = 0 THEN -1 ELSE length(left(c0.clean, $14::int - 1)) - strpos(reverse(left(c0.clean, $14::int - 1)), ' ') END AS space) z),
  -- Each person's counts, listed rows (two lines a row: the task, then its state) and report choices (the first
  -- three tasks; all four actions when there is one), as JSON text in their order: one pass over their first rows,
  -- grouped (no join of per-person sets, whose sizes a generic plan cannot guess).
  msg AS (SELECT r."personId", COALESCE(max(r.count) FILTER (WHERE NOT r.esc), 0) AS items, COALESCE(max(r.count) FILTER (WHERE r.esc), 0) AS escalations,
      COALESCE(max(r.monthlies) FILTER (WHERE NOT r.esc), 0) AS monthlies,
      string_agg(r.l, ',' ORDER BY r.pos) FILTER (WHERE NOT r.esc AND r.pos <= $16::int) AS "itemLines",
      string_agg(r.l, ',' ORDER BY r.pos) FILTER (WHERE r.esc AND r.pos <= $16::int) AS "escLines",
      string_agg(CASE WHEN r.count = 1 THEN ${[
        choice(`'rm:report:' || r."taskId"`, 'reminder-report-now', null, [jLit('bao cao'), jStr(`'bao cao ' || r.number`), jLit('cap nhat')]),
        choice(`'rm:same:' || r."taskId"`, 'reminder-no-change', null, [jLit('khong thay doi'), jLit('nhu cu'), jLit('khong doi')]),
        choice(`'rm:snooze:' || r."taskId" || ':1'`, 'reminder-snooze-tomorrow', null, [jLit('mai'), jLit('nhac mai'), jLit('ngay mai')]),
        choice(`'rm:snooze:' || r."taskId" || ':7'`, 'reminder-snooze-week', null, [jLit('tuan sau'), jLit('nhac tuan sau')]),
      ].join(` || ',' || `)}
        ELSE ${choice(`'rm:report:' || r."taskId"`, 'reminder-report-task', { number: jStr('r.number') }, [jStr(`'bao cao ' || r.number`)])} END,
        ',' ORDER BY r.pos) FILTER (WHERE NOT r.esc AND r.pos <= 3) AS choices
    FROM (SELECT r.*,
        ${line('reminder-item', { number: jStr('r.number'), plan: jStr('r."planCode"'), title: jStr('r."shortTitle"') })} || ',' || ${jObj({
          text: jObj({
            key: `CASE WHEN r.esc THEN '"reminder-item-unit-state"' ELSE '"reminder-item-state"' END`,
            args: jObj({
              reason: jSafe('r.reason'),
              due: jSafe(`CASE WHEN r.continuous OR r.due IS NULL THEN 'none' ELSE to_char(r.due, 'DD/MM/YYYY') END`),
              days: jNum(`CASE WHEN r.reason = 'overdue' THEN CASE WHEN r.rank = 0 THEN $1::date - r.due ELSE 0 END ELSE COALESCE(r.due - $1::date, 0) END`),
              workingDays: jNum(`CASE WHEN r.reason = 'before' THEN r.n ELSE 0 END`),
              month: jSafe('$18::text'),
              value: `(CASE WHEN r.kind = 'INDICATOR' THEN COALESCE(to_jsonb(r."actualValue"), '"none"') ELSE COALESCE(to_jsonb(r.percent), '"none"') END)::text`,
              state: jSafe('r.state'),
              last: jSafe(`COALESCE(to_char((r."lastReportedAt" + interval '7 hours')::date, 'DD/MM/YYYY'), 'none')`),
              unit: jStr('r."unitName"'),
            }),
          }),
          indent: jLit(true),
        })} AS l
      FROM listed r) r
    GROUP BY 1),
  -- Each person's unit and the account the message goes to: reachable, the preferred channel first, then the
  -- latest linked (one row per person with a message).
  acct AS (
    SELECT m.*, pe."fullName", pe."unitId", idn.id AS "identityId", idn.channel::text AS channel, idn."chatId"
    FROM msg m JOIN "Person" pe ON pe.id = m."personId"
    LEFT JOIN LATERAL (SELECT i.id, i.channel, i."chatId" FROM "ChatIdentity" i
      WHERE i."personId" = m."personId" AND i."unreachableAt" IS NULL AND i.channel::text IN ('TELEGRAM', 'ZALO')
      ORDER BY CASE WHEN i.channel::text = pe."preferredChannel"::text THEN 0 ELSE 1 END, i."linkedAt" DESC, i.id DESC LIMIT 1) idn ON true),
  -- Each person's message (reminderReply): the title and their tasks, "… N more", the leaders' part, the footer,
  -- the appendix offer, then the choices; as JSON text (json-text-sql.ts) read as jsonb once a message. Read once
  -- (by the insert, or the preview), so the messages stream into it rather than being kept aside; the count of
  -- people without an account reads acct.
  planned AS (
    SELECT $19::text || a."personId" AS "dedupeKey", CASE WHEN a.items > 0 THEN 'REMINDER' ELSE 'ESCALATION' END AS kind, a."personId", a."unitId",
      a."identityId", a.channel, a."chatId",
      ('{"v":1,"reply":{"lines":[' || concat_ws(',',
          CASE WHEN a.items > 0 THEN ${line('reminder-title', { name: jStr('a."fullName"'), count: jNum('a.items'), date: jSafe('$17::text') }, 'strong')} END,
          a."itemLines",
          CASE WHEN a.items > $16::int THEN ${line('list-more', { count: jNum('a.items - $16::int') })} END,
          CASE WHEN a.items > 0 AND a.escalations > 0 THEN ${jObj({ text: jObj({ raw: jLit('') }) })} END,
          CASE WHEN a.escalations > 0 THEN ${line('reminder-escalation-title', { name: jStr('a."fullName"'), count: jNum('a.escalations'), date: jSafe('$17::text') }, 'strong')} END,
          a."escLines",
          CASE WHEN a.escalations > $16::int THEN ${line('list-more', { count: jNum('a.escalations - $16::int') })} END,
          CASE WHEN a.items > 0 THEN ${line('reminder-footer')} END,
          -- The monthly request about several tasks: the unit's appendix does them at once.
          CASE WHEN a.monthlies > 1 THEN ${line('reminder-appendix-offer')} END)
        || ']' || CASE WHEN a.choices IS NULL THEN '' ELSE ',"choices":[' || a.choices
          || CASE WHEN a.items > 3 THEN ',' || ${choice(`'rm:list'`, 'reminder-list', { count: jNum('a.items') }, [jLit('danh sach'), jLit('xem tat ca')])} ELSE '' END || ']' END
        || '}}')::jsonb AS payload
    FROM acct a)`;

/** A Line (domain/chat/reply.ts) as JSON text: its text's key and args (none when null), and its option. */
function line(key: string, args: Record<string, string> | null = null, opt?: 'strong' | 'indent'): string {
  return jObj({ text: jObj({ key: jLit(key), ...(args ? { args: jObj(args) } : {}) }), ...(opt ? { [opt]: jLit(true) } : {}) });
}

/** A Choice (domain/chat/reply.ts) as JSON text: id (an SQL text expression needing no escaping: 'rm:…' and ids), label key and args, words (JSON-text expressions). */
function choice(id: string, key: string, args: Record<string, string> | null, words: string[]): string {
  return jObj({ id: jSafe(id), label: jObj({ key: jLit(key), ...(args ? { args: jObj(args) } : {}) }), words: jArr(words) });
}

const isMonthly = (day: Day, o: Pick<ReminderPlanOptions, 'calendar' | 'settings'>) => monthlyRequestDay(day, o.settings.monthlyRequestDay, o.calendar) === day;

/** The monthly request day, or a day the year's end is one of the deadline offsets away (yearly tasks are due 31/12). */
const isWide = (day: Day, o: Pick<ReminderPlanOptions, 'calendar' | 'settings'>) =>
  isMonthly(day, o) || deadlineReason(makeDay(dayParts(day).year, 12, 31), day, o.calendar, o.settings.offsets) !== null;

function planParams(day: Day, o: Omit<ReminderPlanOptions, 'notBefore'>): unknown[] {
  const { settings, calendar } = o;
  const from = addDays(day, -(MAX_BREAK_DAYS + 1));
  const to = addDays(day, Math.max(0, ...settings.offsets) * 3 + MAX_BREAK_DAYS + 14);
  const { year, month } = dayParts(day);
  return [
    ...statusParams(day, o.status),
    from,
    to,
    calendar.workingDaysIn(from, to),
    settings.offsets,
    settings.overdueEveryDays,
    settings.escalateAfterDays,
    isMonthly(day, o),
    TITLE_MAX,
    TITLE_MAX * 0.6,
    settings.maxTasksListed,
    formatDay(day),
    `${month}/${year}`,
    `reminder:${day}:`,
  ];
}

/** reminderItem's title length (domain/reminders/message.ts shortens titles to 90). */
const TITLE_MAX = 90;

export class ReminderSql {
  constructor(private readonly prisma: Db) {}

  /** Plans `day`'s reminders and inserts them; rows already planned (same key) are left alone. */
  async insert(day: Day, o: ReminderPlanOptions): Promise<{ planned: number; noAccount: number }> {
    const { sql, params } = reminderInsertStatement(day, o);
    const [r] = (await this.query(sql, params)) as { planned: number; noAccount: number }[];
    return r ?? { planned: 0, noAccount: 0 };
  }

  /** The rows `insert` would write (people without an account included, identityId null), by person. */
  async preview(day: Day, o: Omit<ReminderPlanOptions, 'notBefore'>): Promise<PlannedReminderRow[]> {
    return (await this.query(`WITH ${planSql(isWide(day, o))} SELECT * FROM planned ORDER BY "personId"`, planParams(day, o))) as PlannedReminderRow[];
  }

  /** JIT is off on the bot's PostgreSQL connections (prisma/database.ts); PGlite has none. */
  private async query(sql: string, params: unknown[]): Promise<unknown[]> {
    return (await this.prisma.$queryRawUnsafe(sql, ...params)) as unknown[];
  }
}

/** The statement and parameters of ReminderSql.insert. */
export function reminderInsertStatement(day: Day, o: ReminderPlanOptions): { sql: string; params: unknown[] } {
  return {
    sql: `WITH ${planSql(isWide(day, o))},
       ins AS (INSERT INTO "Delivery"(kind, "dedupeKey", "personId", "identityId", "unitId", payload, "notBefore", channel, "chatId")
               SELECT kind::"DeliveryKind", "dedupeKey", "personId", "identityId", "unitId", payload, $20::timestamp, channel::"Channel", "chatId"
               FROM planned WHERE "identityId" IS NOT NULL ORDER BY "personId"
               ON CONFLICT ("dedupeKey") DO NOTHING RETURNING 1)
       SELECT (SELECT count(*) FROM ins)::int AS planned, (SELECT count(*) FROM acct WHERE "identityId" IS NULL)::int AS "noAccount"`,
    params: [...planParams(day, o), o.notBefore.toISOString()],
  };
}

/** The statement and parameters of `insert`, for bench/explain.ts. */
export function reminderPlanStatement(day: Day, o: ReminderPlanOptions): { sql: string; params: unknown[] } {
  return { sql: `WITH ${planSql(isWide(day, o))} SELECT count(*) FROM planned`, params: planParams(day, o) };
}
