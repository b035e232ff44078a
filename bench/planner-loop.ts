/**
 * A child process of the delivery bench: runs the daily reminder plan (and the
 * monthly request day's) again and again against DATABASE_URL until SIGTERM,
 * so the delivery workers share the database and the machine with a planner
 * at work, as they do in production. Prints the number of runs on exit.
 */
import { runReminders, type JobDeps } from '../bot/delivery/jobs.ts';
import { DEFAULT_HOLIDAYS, DEFAULT_MAKEUP_DAYS } from '../domain/calendar/holidays.ts';
import { WorkingCalendar } from '../domain/calendar/working-days.ts';
import { reminderSettings } from '../domain/reminders/settings.ts';
import { instantOf } from '../domain/shared/day.ts';
import { openDatabase } from '../prisma/database.ts';
import { PrismaDeliveryStore, PrismaPlanningReads } from '../prisma/stores/delivery-store.ts';

const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, poolSize: 2 });
const calendar = new WorkingCalendar({ holidays: DEFAULT_HOLIDAYS, makeupDays: DEFAULT_MAKEUP_DAYS });
const settings = reminderSettings({ window: 'always' });
const deps: JobDeps = {
  store: new PrismaDeliveryStore(db.prisma),
  reads: new PrismaPlanningReads(db.prisma),
  calendar,
  window: { calendar, hours: settings.workingHours, mode: 'always' },
  settings,
  status: { dueSoonDays: 7 },
};
let stop = false;
process.once('SIGTERM', () => (stop = true));
let runs = 0;
let planned = 0;
const days = (process.env.PLAN_DAYS ?? '2026-11-26,2026-11-25').split(',');
while (!stop) {
  const day = days[runs % days.length]!;
  const tick = instantOf(day, 8);
  planned += (await runReminders(deps, { tick, now: tick, nextTick: null })).planned;
  runs++;
}
await db.close();
process.stdout.write(`${JSON.stringify({ runs, planned })}\n`);
