/**
 * The composition root shared by `npm start` and the CLIs: config → logger →
 * database (migrated) → repositories → services. Channels are added by main.ts.
 */
import { resolve } from 'node:path';
import { WorkingCalendar } from '../domain/calendar/working-days.ts';
import { DEFAULT_HOLIDAYS, DEFAULT_MAKEUP_DAYS, parseHolidayList } from '../domain/calendar/holidays.ts';
import { Assistant } from '../domain/chat/assistant.ts';
import type { EngineSettings } from '../domain/chat/engine.ts';
import { systemClock, type Clock } from '../domain/shared/clock.ts';
import type { StatusOptions } from '../domain/status/derive-status.ts';
import { openDatabase, type Database } from '../prisma/database.ts';
import { PrismaTaskQueries } from '../prisma/stores/task-queries.ts';
import { parseConfig, type Config, type Env } from './config.ts';
import { i18n, type Translator } from './i18n.ts';
import { createLogger, type Logger } from './logger.ts';
import { isEmpty, seedSampleData } from './services/seed.ts';
import { ChatService } from './chat/service.ts';
import { QuestionsExtension } from './chat/questions.ts';

export interface App {
  config: Config;
  log: Logger;
  db: Database;
  tr: Translator;
  clock: Clock;
  calendar: WorkingCalendar;
  status: StatusOptions;
  queries: PrismaTaskQueries;
  assistant: Assistant;
  engineSettings: EngineSettings;
  chat: ChatService;
  close(): Promise<void>;
}

/** The conversation service with every extension, as chat channels use it (also the test harnesses). */
export function buildChatService(d: { prisma: Database['prisma']; clock: Clock; settings: EngineSettings; log: Logger; tr: Translator }): ChatService {
  return new ChatService({
    prisma: d.prisma,
    clock: d.clock,
    settings: d.settings,
    log: d.log,
    extensions: (tx) => [new QuestionsExtension(tx, { tr: d.tr, status: d.settings.status, mode: 'commands' })],
    fallback: (tx) => new QuestionsExtension(tx, { tr: d.tr, status: d.settings.status, mode: 'fallback' }),
  });
}

export function workingCalendar(config: Config): WorkingCalendar {
  const removed = new Set(config.holidays.removed ? parseHolidayList(config.holidays.removed) : []);
  const extra = config.holidays.extra ? parseHolidayList(config.holidays.extra) : [];
  return new WorkingCalendar({ holidays: [...DEFAULT_HOLIDAYS.filter((d) => !removed.has(d)), ...extra], makeupDays: DEFAULT_MAKEUP_DAYS });
}

export async function createApp(options: { env?: Env; config?: Config; clock?: Clock; log?: Logger; seed?: boolean } = {}): Promise<App> {
  const config = options.config ?? parseConfig(options.env ?? process.env, Boolean(process.stderr.isTTY));
  const log = options.log ?? createLogger(config.log);
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: resolve(config.dataDir, 'pglite'),
    log: { info: (o, m) => log.info(o, m), warn: (o, m) => log.warn(o, m) },
  });
  log.debug({ database: db.kind }, 'database ready');
  const wantSeed = options.seed ?? (config.seedSampleData === 'always' || (config.seedSampleData === 'auto' && !config.databaseUrl));
  if (wantSeed && (await isEmpty(db.prisma))) {
    log.info({}, 'empty database: loading the sample data');
    await seedSampleData(db.prisma);
  }
  const queries = new PrismaTaskQueries(db.prisma);
  const status: StatusOptions = { dueSoonDays: config.dueSoonDays };
  const clock = options.clock ?? systemClock;
  const engineSettings: EngineSettings = { flowTimeoutMinutes: config.flowTimeoutMinutes, correctionMinutes: config.correctionMinutes, status };
  return {
    config,
    log,
    db,
    tr: i18n(),
    clock,
    calendar: workingCalendar(config),
    status,
    queries,
    assistant: new Assistant({ queries }),
    engineSettings,
    chat: buildChatService({ prisma: db.prisma, clock, settings: engineSettings, log, tr: i18n() }),
    close: () => db.close(),
  };
}
