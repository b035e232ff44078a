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
import { MONTHLY_LIST_MAX, monthlyWarningOf, monthlyWarningReply, unitShares, WEEKLY_LIST_MAX, weeklyDigestReply, weeklyOrders, type ListItem, type UnitShare, type WeeklyDigest } from '../../domain/reminders/digests.ts';
import { withSixClearSection } from '../../domain/accountability/six-clear-reply.ts';
import { SixClearSql } from '../../prisma/stores/six-clear-sql.ts';
import { requesterDigest, requesterDigestLines } from '../../domain/accountability/explanations-reply.ts';
import { PrismaExplanationStore, type ExplanationView } from '../../prisma/stores/explanation-store.ts';
import type { ReminderSettings } from '../../domain/reminders/settings.ts';
import { dayOf, type Day } from '../../domain/shared/day.ts';
import type { StatusOptions } from '../../domain/status/derive-status.ts';
import { ReminderSql } from '../../prisma/stores/reminder-sql.ts';
import { listItem, PlanningSql, recipientsWithRoles, unitTree, type ListedRow, type UnitMonthly, type UnitWeekly } from '../../prisma/stores/planning-sql.ts';
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

/**
 * Recipients with the units they see (null: the city), those who see nothing
 * left out; computed between yields (a city's leaders × its units).
 */
async function digestScopes(deps: JobDeps, roles: Recipient['roles'], turn: () => Promise<void>) {
  const [recipients, units] = await Promise.all([recipientsWithRoles(deps.reads.prisma, roles), unitTree(deps.reads.prisma)]);
  const out: { r: Recipient; visible: number[] | null }[] = [];
  for (const r of recipients) {
    await turn();
    const visible = visibleUnitIds({ id: r.personId, fullName: r.fullName, unitId: r.unitId, roles: r.roles }, units);
    if (visible === null || visible.length > 0) out.push({ r, visible });
  }
  return out;
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

/** A recipient's first rows of a list: their units' first rows merged by place in the city's list. */
function merged(rows: (ListedRow[] | undefined)[], max: number, day: Day): ListItem[] {
  const all = rows.flatMap((r) => r ?? []);
  if (rows.length > 1) all.sort((a, b) => a.position - b.position);
  return all.slice(0, max).map((r) => listItem(r, day));
}

/**
 * The weekly digests: per-unit counts and each unit's (or the city's) first
 * rows of every list from SQL (PlanningSql), summed and merged per recipient.
 */
export async function plannedWeeklyDigests(deps: JobDeps, day: Day): Promise<PlannedDigest[]> {
  const sql = new PlanningSql(deps.reads.prisma);
  const turn = turns();
  const scopes = await digestScopes(deps, ['UNIT_LEADER', 'CITY_LEADER'], turn);
  if (!scopes.length) return withRequestersLines(deps, day, []);
  const unitIds = [...new Set(scopes.flatMap((s) => s.visible ?? []))];
  const { units, lists: first } = await sql.weekly(day, deps.status, { unitIds, city: scopes.some((s) => s.visible === null), max: WEEKLY_LIST_MAX });
  const byUnit = new Map(units.map((u) => [u.unitId, u]));
  const order = weeklyOrders(day, deps.status);
  const cityLists = new Map<string, ListItem[]>();
  const out: PlannedDigest[] = [];
  for (const { r, visible } of scopes) {
    await turn();
    const mine = visible === null ? units : visible.map((id) => byUnit.get(id)).filter((u): u is UnitWeekly => u !== undefined);
    const sum = (k: keyof Omit<UnitWeekly, 'unitId' | 'unitName'>) => mine.reduce((n, u) => n + u[k], 0);
    const list = (name: string): ListItem[] => {
      const rows = first.get(name);
      // The city's lists are the same for every city leader.
      if (visible === null) return cityLists.get(name) ?? cityLists.set(name, merged([rows?.get(0)], WEEKLY_LIST_MAX, day)).get(name)!;
      return merged(visible.map((id) => rows?.get(id)), WEEKLY_LIST_MAX, day);
    };
    const d: WeeklyDigest = {
      day,
      open: sum('open'),
      done: sum('done'),
      overdue: sum('overdue'),
      newOverdue: list('newOverdue'),
      upcoming: list('upcoming'),
      newIssues: list('newIssues'),
      unitsMostOverdue: mine.filter((u) => u.overdue > 0).map((u) => ({ unitId: u.unitId, unitName: u.unitName, count: u.overdue })).sort(order.units),
      overdueItems: list('overdue'),
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
  const turn = turns();
  const scopes = await digestScopes(deps, ['UNIT_LEADER', 'CITY_LEADER', 'ADMIN'], turn);
  if (!scopes.length) return [];
  // The standing office's copy ends with the city's "6 rõ" gaps per plan (issue 15), counted by the database.
  const admins = scopes.some((s) => s.visible === null && s.r.roles.includes('ADMIN'));
  const [sixFor, { units, stale: first }] = await Promise.all([admins ? new SixClearSql(deps.reads.prisma).citySummary() : null, sql.monthly(day, deps.status, MONTHLY_LIST_MAX)]);
  const byUnit = new Map(units.map((u) => [u.unitId, u]));
  const cityShares = unitShares(units);
  const planned: { r: Recipient; visible: number[] | null; shares: UnitShare[] }[] = [];
  for (const s of scopes) {
    await turn();
    planned.push({ ...s, shares: s.visible === null ? cityShares : unitShares(s.visible.map((id) => byUnit.get(id)).filter((u): u is UnitMonthly => u !== undefined)) });
  }
  const out: PlannedDigest[] = [];
  for (const { r, visible, shares } of planned) {
    await turn();
    const stale: ListItem[] = [];
    for (const u of shares) {
      if (stale.length >= MONTHLY_LIST_MAX) break;
      for (const row of first.get(u.unitId) ?? []) stale.push(listItem(row, day));
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
  return { day, planned: await deps.store.insert(planned, turns()), noAccount };
}
