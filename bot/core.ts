/**
 * What every entry point opens first: config → logger → database (migrated;
 * the sample data on an empty one when configured) → translations, clock,
 * calendar and status rules. `npm run ask` needs no more; createApp
 * (app.ts) adds the conversation service and its extensions.
 */
import { WorkingCalendar } from '../domain/calendar/working-days.ts';
import { DEFAULT_HOLIDAYS, DEFAULT_MAKEUP_DAYS, parseHolidayList } from '../domain/calendar/holidays.ts';
import { systemClock, type Clock } from '../domain/shared/clock.ts';
import type { StatusOptions } from '../domain/status/derive-status.ts';
import type { Database } from '../prisma/database.ts';
import { PrismaTaskQueries } from '../prisma/stores/task-queries.ts';
import { openConfiguredDatabase } from './open-database.ts';
import { parseConfig, type Config, type Env } from './config.ts';
import { i18n, type Translator } from './i18n.ts';
import { createLogger, type Logger } from './logger.ts';

export interface Core {
  config: Config;
  log: Logger;
  db: Database;
  tr: Translator;
  clock: Clock;
  calendar: WorkingCalendar;
  status: StatusOptions;
  queries: PrismaTaskQueries;
  close(): Promise<void>;
}

export interface CoreOptions {
  env?: Env;
  config?: Config;
  clock?: Clock;
  log?: Logger;
  seed?: boolean;
}

export function workingCalendar(config: Config): WorkingCalendar {
  const removed = new Set(config.holidays.removed ? parseHolidayList(config.holidays.removed) : []);
  const extra = config.holidays.extra ? parseHolidayList(config.holidays.extra) : [];
  return new WorkingCalendar({ holidays: [...DEFAULT_HOLIDAYS.filter((d) => !removed.has(d)), ...extra], makeupDays: DEFAULT_MAKEUP_DAYS });
}

/** One statement: is there any unit or task yet? */
async function isEmpty(prisma: Database['prisma']): Promise<boolean> {
  const rows = (await prisma.$queryRawUnsafe(`SELECT (EXISTS (SELECT 1 FROM "Task") OR EXISTS (SELECT 1 FROM "Unit")) AS any`)) as { any: boolean }[];
  return !rows[0]?.any;
}

export async function openCore(options: CoreOptions = {}): Promise<Core> {
  const config = options.config ?? parseConfig(options.env ?? process.env, Boolean(process.stderr.isTTY));
  const log = options.log ?? createLogger(config.log);
  const db = await openConfiguredDatabase(config, log);
  log.debug({ database: db.kind }, 'database ready');
  const wantSeed = options.seed ?? (config.seedSampleData === 'always' || (config.seedSampleData === 'auto' && !config.databaseUrl));
  if (wantSeed && (await isEmpty(db.prisma))) {
    log.info({}, 'empty database: loading the sample data');
    // Imported only here: the readers of workbooks are not needed on a database that has data.
    const { seedSampleData } = await import('./services/seed.ts');
    await seedSampleData(db.prisma);
  }
  return {
    config,
    log,
    db,
    tr: i18n(),
    clock: options.clock ?? systemClock,
    calendar: workingCalendar(config),
    status: { dueSoonDays: config.dueSoonDays },
    queries: new PrismaTaskQueries(db.prisma),
    close: () => db.close(),
  };
}
