/**
 * The scheduled jobs: the daily reminder run, the weekly digest, the monthly
 * warning list. Each plans rows (domain planners over the database's rows)
 * and inserts them by dedupeKey, so running a tick twice sends nothing twice.
 * Rows are due at the next working-hours instant; a run whose rows could not
 * go out before the job's next tick is skipped (that run covers it), so a
 * reminder planned on Saturday or a digest on Tết Monday never piles up with
 * the next one.
 */
import type { WorkingCalendar } from '../../domain/calendar/working-days.ts';
import { nextWindowStart, type SendWindow } from '../../domain/delivery/policy.ts';
import { storedReply, type PlannedDelivery, type SendChannel } from '../../domain/delivery/types.ts';
import { visibleUnitIds } from '../../domain/people/scope.ts';
import { MONTHLY_LIST_MAX, monthlyWarningOf, monthlyWarningReply, unitShares, WEEKLY_LIST_MAX, weeklyDigestReply, weeklyOrders, type Item, type WeeklyDigest } from '../../domain/reminders/digests.ts';
import { withSixClearSection } from '../../domain/accountability/six-clear-reply.ts';
import { SixClearSql } from '../../prisma/stores/six-clear-sql.ts';
import { requesterDigest, requesterDigestLines } from '../../domain/accountability/explanations-reply.ts';
import { PrismaExplanationStore, type ExplanationView } from '../../prisma/stores/explanation-store.ts';
import type { ReminderSettings } from '../../domain/reminders/settings.ts';
import { dayOf, type Day } from '../../domain/shared/day.ts';
import type { StatusOptions } from '../../domain/status/derive-status.ts';
import { byUrgency, statusOf } from '../../domain/tasks/types.ts';
import { ReminderSql } from '../../prisma/stores/reminder-sql.ts';
import { PlanningSql, type UnitMonthly, type UnitWeekly } from '../../prisma/stores/planning-sql.ts';
import { setImmediate as yieldToChats } from 'node:timers/promises';
import type { Reply } from '../../domain/chat/reply.ts';
import { bestIdentity, type PrismaDeliveryStore, type PrismaPlanningReads, type Recipient } from '../../prisma/stores/delivery-store.ts';
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

function row(kind: PlannedDelivery['kind'], dedupeKey: string, r: Recipient, reply: Reply, notBefore: Date): PlannedDelivery | null {
  const identity = bestIdentity(r);
  if (!identity) return null;
  return {
    kind,
    dedupeKey,
    personId: r.personId,
    identityId: identity.id,
    channel: identity.channel as SendChannel,
    chatId: identity.chatId,
    unitId: r.unitId,
    broadcastId: null,
    payload: { v: 1, reply: storedReply(reply) },
    notBefore,
  };
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

/** Unit leaders get their unit (and sub-units); city leaders the whole city. */
export async function runWeeklyDigest(deps: JobDeps, c: JobContext): Promise<JobSummary> {
  const day = dayOf(c.tick);
  const notBefore = dueAt(deps, c);
  if (!notBefore) return { day, planned: 0, noAccount: 0, skipped: 'superseded-by-next-tick' };
  return insertDigests(deps, day, notBefore, `digest-weekly:${day}`, await plannedWeeklyDigests(deps, day));
}

/** The monthly warning list: leaders as for the weekly digest, and the standing office (admins) for the whole city. */
export async function runMonthlyDigest(deps: JobDeps, c: JobContext): Promise<JobSummary> {
  const day = dayOf(c.tick);
  const notBefore = dueAt(deps, c);
  if (!notBefore) return { day, planned: 0, noAccount: 0, skipped: 'superseded-by-next-tick' };
  return insertDigests(deps, day, notBefore, `digest-monthly:${day.slice(0, 7)}`, await plannedMonthlyDigests(deps, day));
}

export interface PlannedDigest {
  recipient: Recipient;
  reply: Reply;
}

/** Recipients with the units they see (null: the city), those who see nothing left out. */
async function digestScopes(deps: JobDeps, roles: Recipient['roles']) {
  const [recipients, units] = await Promise.all([deps.reads.peopleWithRoles(roles), deps.reads.queries.units()]);
  return recipients
    .map((r) => ({ r, visible: visibleUnitIds({ id: r.personId, fullName: r.fullName, unitId: r.unitId, roles: r.roles }, units) }))
    .filter((s) => s.visible === null || s.visible.length > 0);
}

/** JavaScript's share of a digest run is per recipient × units: give chats their turn every so many recipients. */
const YIELD_EVERY = 25;

/** In a stable order of the rows a digest used to read (by task, then unit), so ties fall the same way. */
const byTaskUnit = (a: Item, b: Item) => a.row.taskId - b.row.taskId || a.row.unitId - b.row.unitId;

/**
 * The weekly digests: per-unit counts and each unit's (or the city's) first
 * rows of every list from SQL (PlanningSql), summed and merged per recipient.
 */
export async function plannedWeeklyDigests(deps: JobDeps, day: Day): Promise<PlannedDigest[]> {
  const sql = new PlanningSql(deps.reads.prisma);
  const scopes = await digestScopes(deps, ['UNIT_LEADER', 'CITY_LEADER']);
  if (!scopes.length) return withRequestersLines(deps, day, []);
  const unitIds = [...new Set(scopes.flatMap((s) => s.visible ?? []))];
  const [units, first] = await Promise.all([
    sql.weeklyUnits(day, deps.status),
    sql.weeklyFirstRows(day, deps.status, { unitIds, city: scopes.some((s) => s.visible === null), max: WEEKLY_LIST_MAX }),
  ]);
  const byUnit = new Map(units.map((u) => [u.unitId, u]));
  const rows = await sql.rows([...first.values()].flatMap((m) => [...m.values()].flat()));
  const items = new Map([...rows.values()].map((row) => [row.assignmentId, { row, status: statusOf(row, day, deps.status) }]));
  const order = weeklyOrders(day, deps.status);
  const cityLists = new Map<string, Item[]>();
  const out: PlannedDigest[] = [];
  for (const [index, { r, visible }] of scopes.entries()) {
    if (index % YIELD_EVERY === YIELD_EVERY - 1) await yieldToChats();
    const mine = visible === null ? units : visible.map((id) => byUnit.get(id)).filter((u): u is UnitWeekly => u !== undefined);
    const sum = (k: keyof Omit<UnitWeekly, 'unitId' | 'unitName'>) => mine.reduce((n, u) => n + u[k], 0);
    const list = (name: string, cmp: (a: Item, b: Item) => number): Item[] => {
      const sorted = (ids: number[]) => ids.map((id) => items.get(id)!).filter(Boolean).sort(byTaskUnit).sort(cmp).slice(0, WEEKLY_LIST_MAX);
      // The city's lists (ties included, so long) are the same for every city leader: sorted once.
      if (visible === null) return cityLists.get(name) ?? cityLists.set(name, sorted(first.get(name)?.get(0) ?? [])).get(name)!;
      return sorted(visible.flatMap((id) => first.get(name)?.get(id) ?? []));
    };
    const d: WeeklyDigest = {
      day,
      open: sum('open'),
      done: sum('done'),
      overdue: sum('overdue'),
      newOverdue: list('newOverdue', order.byRow),
      upcoming: list('upcoming', order.upcoming),
      newIssues: list('newIssues', order.newIssues),
      unitsMostOverdue: mine.filter((u) => u.overdue > 0).map((u) => ({ unitId: u.unitId, unitName: u.unitName, count: u.overdue })).sort(order.units),
      overdueItems: list('overdue', order.byRow),
      counts: { newOverdue: sum('newOverdue'), upcoming: sum('upcoming'), newIssues: sum('newIssues') },
    };
    const reply = weeklyDigestReply(d, { scope: visible === null ? 'city' : (r.unitName ?? 'city'), name: r.fullName });
    if (reply) out.push({ recipient: r, reply });
  }
  return withRequestersLines(deps, day, out);
}

/**
 * Issue 15: each requester's digest ends with the explanation requests they sent that
 * are still unanswered, when one is past its deadline; a requester with no weekly digest
 * (the standing office) gets these lines alone.
 */
async function withRequestersLines(deps: JobDeps, day: Day, digests: PlannedDigest[]): Promise<PlannedDigest[]> {
  const open = await new PrismaExplanationStore(deps.reads.prisma).open({ unitIds: null });
  const byRequester = new Map<number, ExplanationView[]>();
  for (const v of open) byRequester.set(v.requesterId, [...(byRequester.get(v.requesterId) ?? []), v]);
  const sections = new Map<number, ReturnType<typeof requesterDigestLines>>();
  for (const [id, list] of byRequester) {
    const lines = requesterDigestLines(list, day, WEEKLY_LIST_MAX);
    if (lines.length) sections.set(id, lines);
  }
  if (!sections.size) return digests;
  const out = digests.map((d) => {
    const lines = sections.get(d.recipient.personId);
    sections.delete(d.recipient.personId);
    return lines ? { recipient: d.recipient, reply: { ...d.reply, lines: [...d.reply.lines, ...lines] } } : d;
  });
  const alone = await deps.reads.people([...sections.keys()]);
  for (const [id, lines] of sections) {
    const recipient = alone.get(id);
    if (recipient) out.push({ recipient, reply: requesterDigest(lines, day) });
  }
  return out;
}

/**
 * The monthly warning lists: per-unit shares from SQL; then, for the units
 * each recipient's list reaches (worst share first, until the list is
 * full), those units' first tasks not updated this month.
 */
export async function plannedMonthlyDigests(deps: JobDeps, day: Day): Promise<PlannedDigest[]> {
  const sql = new PlanningSql(deps.reads.prisma);
  const scopes = await digestScopes(deps, ['UNIT_LEADER', 'CITY_LEADER', 'ADMIN']);
  if (!scopes.length) return [];
  // The standing office's copy ends with the city's "6 rõ" gaps per plan (issue 15), counted by the database.
  const sixFor = scopes.some((s) => s.visible === null && s.r.roles.includes('ADMIN')) ? await new SixClearSql(deps.reads.prisma).citySummary() : null;
  const units = await sql.monthlyUnits(day, deps.status);
  const byUnit = new Map(units.map((u) => [u.unitId, u]));
  const cityShares = unitShares(units);
  const planned = scopes.map((s) => ({ ...s, shares: s.visible === null ? cityShares : unitShares(s.visible.map((id) => byUnit.get(id)).filter((u): u is UnitMonthly => u !== undefined)) }));
  // The units whose stale rows a list reaches.
  const needed = new Set<number>();
  for (const p of planned) {
    let listed = 0;
    for (const u of p.shares) {
      if (listed >= MONTHLY_LIST_MAX) break;
      if (u.open > u.updated) needed.add(u.unitId);
      listed += u.open - u.updated;
    }
  }
  const first = await sql.monthlyFirstStale(day, deps.status, [...needed], MONTHLY_LIST_MAX);
  const rows = await sql.rows([...first.values()].flat());
  const items = new Map([...rows.values()].map((row) => [row.assignmentId, { row, status: statusOf(row, day, deps.status) }]));
  const urgency = byUrgency(day, deps.status);
  const out: PlannedDigest[] = [];
  for (const [index, { r, visible, shares }] of planned.entries()) {
    if (index % YIELD_EVERY === YIELD_EVERY - 1) await yieldToChats();
    const stale: Item[] = [];
    for (const u of shares) {
      if (stale.length >= MONTHLY_LIST_MAX) break;
      stale.push(...(first.get(u.unitId) ?? []).map((id) => items.get(id)!).filter(Boolean).sort(byTaskUnit).sort((a, b) => urgency(a.row, b.row)));
    }
    const scope = visible === null ? 'city' : (r.unitName ?? 'city');
    const reply = monthlyWarningReply(monthlyWarningOf(day, shares, stale.slice(0, MONTHLY_LIST_MAX)), { scope, name: r.fullName });
    const full = sixFor && scope === 'city' && r.roles.includes('ADMIN') ? withSixClearSection(reply, sixFor) : reply;
    if (full) out.push({ recipient: r, reply: full });
  }
  return out;
}

async function insertDigests(deps: JobDeps, day: Day, notBefore: Date, keyPrefix: string, digests: PlannedDigest[]): Promise<JobSummary> {
  const planned: PlannedDelivery[] = [];
  let noAccount = 0;
  for (const { recipient, reply } of digests) {
    const d = row('DIGEST', `${keyPrefix}:${recipient.personId}`, recipient, reply, notBefore);
    if (d) planned.push(d);
    else noAccount++;
  }
  return { day, planned: await deps.store.insert(planned), noAccount };
}
