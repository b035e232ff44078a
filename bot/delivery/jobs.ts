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
import { monthlyWarning, monthlyWarningReply, weeklyDigest, weeklyDigestReply } from '../../domain/reminders/digests.ts';
import { checkSixClear } from '../../domain/accountability/six-clear.ts';
import { withSixClearSection } from '../../domain/accountability/six-clear-reply.ts';
import { PrismaSixClearStore } from '../../prisma/stores/accountability-store.ts';
import { reminderReply } from '../../domain/reminders/message.ts';
import { planReminders, reminderSelection } from '../../domain/reminders/planner.ts';
import type { ReminderSettings } from '../../domain/reminders/settings.ts';
import { dayOf, type Day } from '../../domain/shared/day.ts';
import type { StatusOptions } from '../../domain/status/derive-status.ts';
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

/** The daily run: one message per person with their tasks that come up today (and leaders' escalations). */
export async function runReminders(deps: JobDeps, c: JobContext): Promise<JobSummary> {
  const day = dayOf(c.tick);
  if (deps.window.mode === 'working' && !deps.calendar.isWorkingDay(day)) return { day, planned: 0, noAccount: 0, skipped: 'not-a-working-day' };
  const notBefore = dueAt(deps, c);
  if (!notBefore) return { day, planned: 0, noAccount: 0, skipped: 'superseded-by-next-tick' };
  // The database selects the rows that may come up today (the calendar passed as data); the planner decides on those.
  const snoozes = await deps.reads.snoozes(new Date(c.tick.getTime() - 2 * 86_400_000));
  const selection = reminderSelection(day, await deps.reads.earliestDeadline(), deps.calendar, deps.settings);
  const { rows, responsibilities } = await deps.reads.reminderCandidates(day, selection, [...new Set(snoozes.filter((s) => dayOf(s.until) === day).map((s) => s.taskId))]);
  const plans = planReminders({
    day,
    responsibilities,
    assignments: rows,
    leaders: await deps.reads.leadersByUnit(),
    snoozes,
    calendar: deps.calendar,
    settings: deps.settings,
    status: deps.status,
  });
  const people = await deps.reads.people(plans.map((p) => p.personId));
  const planned: PlannedDelivery[] = [];
  let noAccount = 0;
  for (const plan of plans) {
    const person = people.get(plan.personId);
    if (!person) continue;
    const reply = reminderReply(plan, day, { name: person.fullName, maxTasksListed: deps.settings.maxTasksListed });
    if (!reply) continue;
    const r = row(plan.items.length ? 'REMINDER' : 'ESCALATION', `reminder:${day}:${plan.personId}`, person, reply, notBefore);
    if (r) planned.push(r);
    else noAccount++;
  }
  return { day, planned: await deps.store.insert(planned), noAccount };
}

/** Unit leaders get their unit (and sub-units); city leaders the whole city. */
export async function runWeeklyDigest(deps: JobDeps, c: JobContext): Promise<JobSummary> {
  const day = dayOf(c.tick);
  const notBefore = dueAt(deps, c);
  if (!notBefore) return { day, planned: 0, noAccount: 0, skipped: 'superseded-by-next-tick' };
  return digest(deps, day, notBefore, ['UNIT_LEADER', 'CITY_LEADER'], `digest-weekly:${day}`, (rows, scope, name) => weeklyDigestReply(weeklyDigest(rows, day, deps.status), { scope, name }));
}

/** The monthly warning list: leaders as for the weekly digest, and the standing office (admins) for the whole city. */
export async function runMonthlyDigest(deps: JobDeps, c: JobContext): Promise<JobSummary> {
  const day = dayOf(c.tick);
  const notBefore = dueAt(deps, c);
  if (!notBefore) return { day, planned: 0, noAccount: 0, skipped: 'superseded-by-next-tick' };
  // The standing office's copy ends with the city's "6 rõ" gaps (issue 15).
  const six = checkSixClear(await new PrismaSixClearStore(deps.reads.prisma).tasks());
  return digest(deps, day, notBefore, ['UNIT_LEADER', 'CITY_LEADER', 'ADMIN'], `digest-monthly:${day.slice(0, 7)}`, (rows, scope, name, roles) => {
    const reply = monthlyWarningReply(monthlyWarning(rows, day, deps.status), { scope, name });
    return scope === 'city' && roles.includes('ADMIN') ? withSixClearSection(reply, six) : reply;
  });
}

async function digest(
  deps: JobDeps,
  day: Day,
  notBefore: Date,
  roles: Recipient['roles'],
  keyPrefix: string,
  build: (rows: Awaited<ReturnType<PrismaPlanningReads['allAssignments']>>, scope: string, name: string, roles: Recipient['roles']) => Reply | null,
): Promise<JobSummary> {
  const [rows, recipients, units] = await Promise.all([deps.reads.allAssignments(), deps.reads.peopleWithRoles(roles), deps.reads.queries.units()]);
  const planned: PlannedDelivery[] = [];
  let noAccount = 0;
  for (const r of recipients) {
    const visible = visibleUnitIds({ id: r.personId, fullName: r.fullName, unitId: r.unitId, roles: r.roles }, units);
    if (visible !== null && visible.length === 0) continue;
    const scoped = visible === null ? rows : rows.filter((x) => visible.includes(x.unitId));
    const reply = build(scoped, visible === null ? 'city' : (r.unitName ?? 'city'), r.fullName, r.roles);
    if (!reply) continue;
    const d = row('DIGEST', `${keyPrefix}:${r.personId}`, r, reply, notBefore);
    if (d) planned.push(d);
    else noAccount++;
  }
  return { day, planned: await deps.store.insert(planned), noAccount };
}
