/**
 * Reminder, digest and delivery settings from the environment, validated
 * with zod/mini like bot/config.ts (which loads zod's English messages):
 * `parseDeliverySettings(env)` is pure and throws ConfigError naming every
 * bad variable. Every variable is optional.
 */
import { hostname } from 'node:os';
import * as z from 'zod/mini';
import { DEFAULT_REMINDER_SETTINGS, parseOffsets, parseWorkingHours, reminderSettings, type ReminderSettings } from '../../domain/reminders/settings.ts';
import { ConfigError, configProblem, type Env } from '../config.ts';
import { cronOf } from './scheduler.ts';
import { DEFAULT_WORKER_SETTINGS, type WorkerSettings } from './worker.ts';

const cron = z.string().check(
  z.refine(
    (v) => {
      try {
        cronOf(v);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'not a cron expression (croner syntax, e.g. "0 8 * * 1")' },
  ),
);

/** Text read by `parse`: its error's message is the issue, its result the value. */
const fromText = <T>(parse: (s: string) => T) =>
  z.pipe(
    z.string().check(
      z.superRefine((v, ctx) => {
        try {
          parse(v);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
        }
      }),
    ),
    z.transform((v: string) => parse(v)),
  );

/** A number variable in [min, max], coerced from its text; `int` for whole numbers. */
const num = (min: number, max: number, int = true) => z.coerce.number().check(...(int ? [z.int()] : []), z.minimum(min), z.maximum(max));
const rate = z.coerce.number().check(z.positive(), z.maximum(10_000));

const schema = z.object({
  WORKING_HOURS: z.optional(fromText(parseWorkingHours)),
  DELIVERY_WINDOW: z._default(z.enum(['working', 'always']), 'working'),
  REMINDER_OFFSETS: z.optional(fromText(parseOffsets)),
  OVERDUE_REMINDER_EVERY_DAYS: z._default(num(1, 90), DEFAULT_REMINDER_SETTINGS.overdueEveryDays),
  ESCALATE_AFTER_DAYS: z._default(num(1, 365), DEFAULT_REMINDER_SETTINGS.escalateAfterDays),
  MONTHLY_REQUEST_DAY: z._default(num(1, 31), DEFAULT_REMINDER_SETTINGS.monthlyRequestDay),
  REMINDER_MAX_TASKS: z._default(num(1, 50), DEFAULT_REMINDER_SETTINGS.maxTasksListed),
  REMINDER_CRON: z._default(cron, DEFAULT_REMINDER_SETTINGS.cron.reminders),
  DIGEST_WEEKLY_CRON: z._default(cron, DEFAULT_REMINDER_SETTINGS.cron.digestWeekly),
  DIGEST_MONTHLY_CRON: z._default(cron, DEFAULT_REMINDER_SETTINGS.cron.digestMonthly),
  SCHEDULER_CATCH_UP_HOURS: z._default(num(0, 72, false), 12),
  TELEGRAM_RATE_PER_SECOND: z._default(rate, 30),
  TELEGRAM_PAID_BROADCAST: z._default(
    z.pipe(
      z.pipe(z.string(), z.transform((v: string) => v.trim().toLowerCase())),
      z.enum(['on', 'off', 'true', 'false', '1', '0', 'yes', 'no']),
    ),
    'off',
  ),
  ZALO_RATE_PER_SECOND: z._default(rate, 10),
  PER_CHAT_INTERVAL_MS: z._default(num(0, 60_000), 1000),
  RATE_WINDOW_MARGIN_MS: z._default(num(0, 1000), 25),
  DELIVERY_CONCURRENCY: z._default(num(1, 256), DEFAULT_WORKER_SETTINGS.concurrency),
  DELIVERY_MAX_ATTEMPTS: z._default(num(1, 50), DEFAULT_WORKER_SETTINGS.maxAttempts),
  DELIVERY_LEASE_SECONDS: z._default(num(1, 3600, false), DEFAULT_WORKER_SETTINGS.leaseMs / 1000),
  DELIVERY_POLL_MS: z._default(num(10, 60_000), DEFAULT_WORKER_SETTINGS.pollMs),
  INSTANCE_ID: z.optional(z.string().check(z.regex(/^[\w.-]{1,64}$/, 'letters, digits, . _ - (at most 64)'))),
});

export interface DeliverySettings {
  reminders: ReminderSettings;
  worker: WorkerSettings;
  /** Per channel, for all instances together (shared through SendBudget); the window margin absorbs network jitter. */
  rates: { TELEGRAM: number; ZALO: number; perChatIntervalMs: number; marginMs: number };
  catchUpMs: number;
  instanceId: string;
  /**
   * TELEGRAM_PAID_BROADCAST: the notice preview offers "urgent" sending with
   * Telegram's paid broadcasts (allow_paid_broadcast, up to 1,000 messages/s,
   * 0.1 Star per message above the free 30/s, from the bot's Star balance).
   */
  paidBroadcast?: boolean;
}

export function parseDeliverySettings(env: Env): DeliverySettings {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([k, v]) => k in schema.shape && v !== undefined && v.trim() !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) throw new ConfigError(result.error.issues.map(configProblem));
  const e = result.data;
  return {
    reminders: reminderSettings({
      workingHours: e.WORKING_HOURS ?? DEFAULT_REMINDER_SETTINGS.workingHours,
      window: e.DELIVERY_WINDOW,
      offsets: e.REMINDER_OFFSETS ?? DEFAULT_REMINDER_SETTINGS.offsets,
      overdueEveryDays: e.OVERDUE_REMINDER_EVERY_DAYS,
      escalateAfterDays: e.ESCALATE_AFTER_DAYS,
      monthlyRequestDay: e.MONTHLY_REQUEST_DAY,
      maxTasksListed: e.REMINDER_MAX_TASKS,
      cron: { reminders: e.REMINDER_CRON, digestWeekly: e.DIGEST_WEEKLY_CRON, digestMonthly: e.DIGEST_MONTHLY_CRON },
    }),
    worker: {
      ...DEFAULT_WORKER_SETTINGS,
      concurrency: e.DELIVERY_CONCURRENCY,
      maxAttempts: e.DELIVERY_MAX_ATTEMPTS,
      leaseMs: Math.round(e.DELIVERY_LEASE_SECONDS * 1000),
      pollMs: e.DELIVERY_POLL_MS,
      sweepEveryMs: Math.min(DEFAULT_WORKER_SETTINGS.sweepEveryMs, Math.round(e.DELIVERY_LEASE_SECONDS * 1000)),
    },
    rates: { TELEGRAM: e.TELEGRAM_RATE_PER_SECOND, ZALO: e.ZALO_RATE_PER_SECOND, perChatIntervalMs: e.PER_CHAT_INTERVAL_MS, marginMs: e.RATE_WINDOW_MARGIN_MS },
    catchUpMs: e.SCHEDULER_CATCH_UP_HOURS * 3_600_000,
    paidBroadcast: ['on', 'true', '1', 'yes'].includes(e.TELEGRAM_PAID_BROADCAST),
    instanceId: e.INSTANCE_ID ?? `${hostname().replace(/[^\w.-]/g, '-').slice(0, 40)}-${process.pid}`,
  };
}
