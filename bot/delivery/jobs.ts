/**
 * The scheduled jobs: the daily reminder run, the weekly digest, the monthly
 * warning list. Each plans its rows in one SQL statement (the domain's
 * planners and replies are its oracles in tests) and inserts them by dedupeKey, so running a tick twice sends nothing twice.
 * Rows are due at the next working-hours instant; a run whose rows could not
 * go out before the job's next tick is skipped (that run covers it), so a
 * reminder planned on Saturday or a digest on Tết Monday never piles up with
 * the next one.
 */
import type { WorkingCalendar } from '../../domain/calendar/working-days.ts';
import { nextWindowStart, type SendWindow } from '../../domain/delivery/policy.ts';
import { visibleUnitIds } from '../../domain/people/scope.ts';
import { MONTHLY_LIST_MAX, MONTHLY_TARGET_PERCENT, MONTHLY_UNITS_MAX, unitNamePlaces, UPCOMING_DAYS, WEEKLY_LIST_MAX } from '../../domain/reminders/digests.ts';
import { withSixClearSection } from '../../domain/accountability/six-clear-reply.ts';
import { SixClearSql } from '../../prisma/stores/six-clear-sql.ts';
import { requesterDigestLines } from '../../domain/accountability/explanations-reply.ts';
import { PrismaExplanationStore, type ExplanationView } from '../../prisma/stores/explanation-store.ts';
import type { ReminderSettings } from '../../domain/reminders/settings.ts';
import { dayOf, type Day } from '../../domain/shared/day.ts';
import type { StatusOptions } from '../../domain/status/derive-status.ts';
import { ReminderSql } from '../../prisma/stores/reminder-sql.ts';
import { insertPlanned, PlanningSql, recipientsWithRoles, unitTree, type MonthlyInput, type WeeklyInput } from '../../prisma/stores/planning-sql.ts';
import { setImmediate as yieldToChats } from 'node:timers/promises';
import type { Line, Reply } from '../../domain/chat/reply.ts';
import type { PrismaDeliveryStore, PrismaPlanningReads, Recipient } from '../../prisma/stores/delivery-store.ts';
import type { JobContext, ScheduledJob } from './scheduler.ts';

export interface JobDeps {
  store: PrismaDeliveryStore;
  reads: PrismaPlanningReads;
  calendar: WorkingCalendar;
  window: SendWindow;
  settings: ReminderSettings;
  status: StatusOptions;
}

export interface JobSummary {
  day: Day;
  /** Rows inserted by this run (0 when an earlier run of the same tick planned them). */
  planned: number;
  /** People with something to say but no reachable account. */
  noAccount: number;
  skipped?: 'not-a-working-day' | 'superseded-by-next-tick';
}

export const JOB_NAMES = { reminders: 'reminders', digestWeekly: 'digest-weekly', digestMonthly: 'digest-monthly' } as const;

/** The jobs with the configured cron expressions. */
export function deliveryJobs(deps: JobDeps): ScheduledJob[] {
  return [
    { name: JOB_NAMES.reminders, cron: deps.settings.cron.reminders, run: (c) => runReminders(deps, c) },
    { name: JOB_NAMES.digestWeekly, cron: deps.settings.cron.digestWeekly, run: (c) => runWeeklyDigest(deps, c) },
    { name: JOB_NAMES.digestMonthly, cron: deps.settings.cron.digestMonthly, run: (c) => runMonthlyDigest(deps, c) },
  ];
}

/** When this run's rows are due, or null when the job's next tick comes first. */
function dueAt(deps: JobDeps, c: JobContext): Date | null {
  const at = nextWindowStart(c.now > c.tick ? c.now : c.tick, deps.window);
  return c.nextTick && at >= c.nextTick ? null : at;
}

/**
 * The daily run: one message per person with their tasks that come up today
 * (and leaders' escalations), planned and inserted by one SQL statement
 * (prisma/stores/reminder-sql.ts; the pure planner is its oracle in tests).
 */
export async function runReminders(deps: JobDeps, c: JobContext): Promise<JobSummary> {
  const day = dayOf(c.tick);
  if (deps.window.mode === 'working' && !deps.calendar.isWorkingDay(day)) return { day, planned: 0, noAccount: 0, skipped: 'not-a-working-day' };
  const notBefore = dueAt(deps, c);
  if (!notBefore) return { day, planned: 0, noAccount: 0, skipped: 'superseded-by-next-tick' };
  // Nobody is reminded on a day off, whatever the send window.
  if (!deps.calendar.isWorkingDay(day)) return { day, planned: 0, noAccount: 0 };
  const r = await new ReminderSql(deps.reads.prisma).insert(day, { calendar: deps.calendar, settings: deps.settings, status: deps.status, notBefore });
  return { day, ...r };
}

/**
 * Unit leaders get their unit (and sub-units); city leaders the whole city.
 * Planned and inserted by one statement (PlanningSql.weeklyStatement): the
 * messages are built by the database, so memory does not grow with the
 * number of assignments or of recipients' rows.
 */
export async function runWeeklyDigest(deps: JobDeps, c: JobContext): Promise<JobSummary> {
  const day = dayOf(c.tick);
  const notBefore = dueAt(deps, c);
  if (!notBefore) return { day, planned: 0, noAccount: 0, skipped: 'superseded-by-next-tick' };
  const { sql, params } = await weeklyStatement(deps, day);
  return { day, ...(await insertPlanned(deps.reads.prisma, sql, params, notBefore)) };
}

/** The monthly warning list: leaders as for the weekly digest, and the standing office (admins) for the whole city. */
export async function runMonthlyDigest(deps: JobDeps, c: JobContext): Promise<JobSummary> {
  const day = dayOf(c.tick);
  const notBefore = dueAt(deps, c);
  if (!notBefore) return { day, planned: 0, noAccount: 0, skipped: 'superseded-by-next-tick' };
  const { sql, params } = await monthlyStatement(deps, day);
  return { day, ...(await insertPlanned(deps.reads.prisma, sql, params, notBefore)) };
}

/**
 * Recipients with the units they see (null: the city), those who see nothing
 * left out; computed between yields (a city's leaders × its units).
 */
async function digestScopes(deps: JobDeps, roles: Recipient['roles'], turn: () => Promise<void>) {
  const [recipients, units] = await Promise.all([recipientsWithRoles(deps.reads.prisma, roles), unitTree(deps.reads.prisma)]);
  const scopes: { r: Recipient; visible: number[] | null }[] = [];
  for (const r of recipients) {
    await turn();
    const visible = visibleUnitIds({ id: r.personId, fullName: r.fullName, unitId: r.unitId, roles: r.roles }, units);
    if (visible === null || visible.length > 0) scopes.push({ r, visible });
  }
  return { scopes, units };
}

/**
 * Gives chats their turn when this run has held the event loop for
 * TURN_MS: JavaScript's share of a digest run is per recipient × units and
 * per listed row, and a city's leaders are thousands.
 */
const TURN_MS = 10;
function turns(): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < TURN_MS) return;
    await yieldToChats();
    since = performance.now();
  };
}

/** The weekly digests' statement: who sees which units, the units' name order and the requesters' lines, from JavaScript (per recipient and unit). */
async function weeklyStatement(deps: JobDeps, day: Day): Promise<{ sql: string; params: unknown[] }> {
  const turn = turns();
  const { scopes, units } = await digestScopes(deps, ['UNIT_LEADER', 'CITY_LEADER'], turn);
  const input: WeeklyInput = { scopes: { personIds: [], unitIds: [], places: [] }, cityIds: [], unitOrder: unitNamePlaces(units), extras: [] };
  for (const { r, visible } of scopes) {
    if (visible === null) input.cityIds.push(r.personId);
    else
      for (const [i, id] of visible.entries()) {
        input.scopes.personIds.push(r.personId);
        input.scopes.unitIds.push(id);
        input.scopes.places.push(i);
      }
  }
  for (const [personId, lines] of await requestersLines(deps, day)) input.extras.push({ personId, lines });
  return new PlanningSql(deps.reads.prisma).weeklyStatement(day, deps.status, input, { max: WEEKLY_LIST_MAX, upcomingDays: UPCOMING_DAYS, keyPrefix: `digest-weekly:${day}:` });
}

/** The weekly digests as runWeeklyDigest would insert them (people without an account included), by person. */
export async function plannedWeeklyDigests(deps: JobDeps, day: Day): Promise<{ personId: number; reply: Reply }[]> {
  const { sql, params } = await weeklyStatement(deps, day);
  return previewPlanned(deps, sql, params);
}

/**
 * Issue 15: each requester's digest ends with the explanation requests they sent that
 * are still unanswered, when one is past its deadline; a requester with no weekly digest
 * (the standing office) gets these lines alone (requesterDigest), written by the statement.
 */
async function requestersLines(deps: JobDeps, day: Day): Promise<Map<number, Line[]>> {
  const open = await new PrismaExplanationStore(deps.reads.prisma).open({ unitIds: null });
  const byRequester = new Map<number, ExplanationView[]>();
  for (const v of open) byRequester.set(v.requesterId, [...(byRequester.get(v.requesterId) ?? []), v]);
  const sections = new Map<number, Line[]>();
  for (const [id, list] of byRequester) {
    const lines = requesterDigestLines(list, day, WEEKLY_LIST_MAX);
    if (lines.length) sections.set(id, lines);
  }
  return sections;
}

/** The monthly warning lists' statement: scopes and the units' name order as for the weekly digest, and the standing office's "6 rõ" section. */
async function monthlyStatement(deps: JobDeps, day: Day): Promise<{ sql: string; params: unknown[] }> {
  const turn = turns();
  const { scopes, units } = await digestScopes(deps, ['UNIT_LEADER', 'CITY_LEADER', 'ADMIN'], turn);
  const input: MonthlyInput = { scopes: { personIds: [], unitIds: [], places: [] }, cityIds: [], unitOrder: unitNamePlaces(units), sixClear: { lines: [], personIds: [] } };
  for (const { r, visible } of scopes) {
    if (visible === null) {
      input.cityIds.push(r.personId);
      if (r.roles.includes('ADMIN')) input.sixClear.personIds.push(r.personId);
    } else
      for (const [i, id] of visible.entries()) {
        input.scopes.personIds.push(r.personId);
        input.scopes.unitIds.push(id);
        input.scopes.places.push(i);
      }
  }
  // The standing office's copy ends with the city's "6 rõ" gaps per plan (issue 15), counted by the database.
  if (input.sixClear.personIds.length) input.sixClear.lines = withSixClearSection(null, await new SixClearSql(deps.reads.prisma).citySummary())?.lines ?? [];
  return new PlanningSql(deps.reads.prisma).monthlyStatement(day, deps.status, input, {
    max: MONTHLY_LIST_MAX,
    unitsMax: MONTHLY_UNITS_MAX,
    target: MONTHLY_TARGET_PERCENT,
    keyPrefix: `digest-monthly:${day.slice(0, 7)}:`,
  });
}

/** The monthly warning lists as runMonthlyDigest would insert them (people without an account included), by person. */
export async function plannedMonthlyDigests(deps: JobDeps, day: Day): Promise<{ personId: number; reply: Reply }[]> {
  const { sql, params } = await monthlyStatement(deps, day);
  return previewPlanned(deps, sql, params);
}

async function previewPlanned(deps: JobDeps, sql: string, params: unknown[]): Promise<{ personId: number; reply: Reply }[]> {
  const rows = (await deps.reads.prisma.$queryRawUnsafe(`${sql} SELECT "personId", payload FROM planned ORDER BY "personId"`, ...params)) as { personId: number; payload: { reply: Reply } }[];
  return rows.map((r) => ({ personId: r.personId, reply: r.payload.reply }));
}
