/**
 * Reminders, digests, broadcasts and their delivery, wired in one place for
 * bot/main.ts, the worker CLI and tests. What the conversation engine uses:
 *   delivery.reminders   snooze / "no change" / the task behind a reminder button
 *   delivery.broadcasts  permission, count (preview), create (confirm), cancel,
 *                        tally, acknowledge, subscribe / unsubscribe / subscriptions
 *   delivery.worker      start() / stop()
 *   delivery.scheduler   start() / stop() / tick()
 */
import { proposalDigestJob } from './proposal-digest.ts';
import { proposalLateJob } from './proposal-late.ts';
import { explanationJob } from './explanation-jobs.ts';
import type { WorkingCalendar } from '../../domain/calendar/working-days.ts';
import type { SendWindow } from '../../domain/delivery/policy.ts';
import type { SendChannel } from '../../domain/delivery/types.ts';
import type { Clock } from '../../domain/shared/clock.ts';
import type { StatusOptions } from '../../domain/status/derive-status.ts';
import type { Db } from '../../prisma/database.ts';
import { PrismaBroadcastStore } from '../../prisma/stores/broadcast-store.ts';
import { PrismaDeliveryStore, PrismaPlanningReads, PrismaScheduleStore } from '../../prisma/stores/delivery-store.ts';
import { PrismaSendBudget } from '../../prisma/stores/send-budget.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { housekeepingJob } from './housekeeping.ts';
import { deliveryJobs, type JobDeps } from './jobs.ts';
import { RateLimiter } from './rate-limiter.ts';
import { ReminderActions } from './reminder-actions.ts';
import { Scheduler } from './scheduler.ts';
import type { Sender } from './sender.ts';
import { TELEGRAM_PAID_BROADCAST } from '../../domain/broadcasts/paid.ts';
import type { DeliverySettings } from './settings.ts';
import { DeliveryWorker } from './worker.ts';

export interface DeliveryOptions {
  prisma: Db;
  clock: Clock;
  calendar: WorkingCalendar;
  settings: DeliverySettings;
  status: StatusOptions;
  log: Logger;
  /** Scheduler run counts go there when given. */
  metrics?: Pick<Metrics, 'schedulerRuns'>;
  /** Channels this process sends on (none: it only plans and answers). */
  senders?: Partial<Record<SendChannel, Sender>>;
}

export interface Delivery {
  window: SendWindow;
  store: PrismaDeliveryStore;
  reads: PrismaPlanningReads;
  broadcasts: PrismaBroadcastStore;
  reminders: ReminderActions;
  jobDeps: JobDeps;
  scheduler: Scheduler;
  worker: DeliveryWorker;
}

export function createDelivery(o: DeliveryOptions): Delivery {
  const window: SendWindow = { calendar: o.calendar, hours: o.settings.reminders.workingHours, mode: o.settings.reminders.window };
  const store = new PrismaDeliveryStore(o.prisma);
  const reads = new PrismaPlanningReads(o.prisma);
  const broadcasts = new PrismaBroadcastStore(o.prisma, { window });
  const jobDeps: JobDeps = { store, reads, calendar: o.calendar, window, settings: o.settings.reminders, status: o.status };
  const senders = o.senders ?? {};
  const limiters: Partial<Record<SendChannel, RateLimiter>> = {};
  for (const channel of Object.keys(senders) as SendChannel[]) {
    limiters[channel] = new RateLimiter({ perSecond: o.settings.rates[channel], perChatIntervalMs: o.settings.rates.perChatIntervalMs, marginMs: o.settings.rates.marginMs });
  }
  // Paid broadcasts share the platform's window with free sends: their limiter leaves the free rate's room in it.
  const paidLimiters: Partial<Record<SendChannel, RateLimiter>> =
    o.settings.paidBroadcast && limiters.TELEGRAM
      ? { TELEGRAM: new RateLimiter({ perSecond: TELEGRAM_PAID_BROADCAST.perSecond - o.settings.rates.TELEGRAM, perChatIntervalMs: o.settings.rates.perChatIntervalMs, marginMs: o.settings.rates.marginMs }) }
      : {};
  return {
    window,
    store,
    reads,
    broadcasts,
    reminders: new ReminderActions({ store, queries: reads.queries, calendar: o.calendar, settings: o.settings.reminders }),
    jobDeps,
    scheduler: new Scheduler({
      jobs: [...deliveryJobs(jobDeps), proposalDigestJob(jobDeps), proposalLateJob(jobDeps), explanationJob(jobDeps), housekeepingJob(o.prisma)],
      store: new PrismaScheduleStore(o.prisma),
      clock: o.clock,
      log: o.log.child({ component: 'scheduler' }),
      instanceId: o.settings.instanceId,
      catchUpMs: o.settings.catchUpMs,
      ...(o.metrics ? { metrics: o.metrics } : {}),
    }),
    worker: new DeliveryWorker({
      store,
      senders,
      limiters,
      paidLimiters,
      budget: new PrismaSendBudget(o.prisma),
      window,
      clock: o.clock,
      log: o.log.child({ component: 'delivery' }),
      instanceId: o.settings.instanceId,
      settings: o.settings.worker,
      monitor: broadcasts,
    }),
  };
}

export { DeliveryWorker } from './worker.ts';
export { Scheduler } from './scheduler.ts';
export { RateLimiter } from './rate-limiter.ts';
export { SendFailure, type Sender, type SendContext } from './sender.ts';
export { parseDeliverySettings, type DeliverySettings } from './settings.ts';
