/**
 * The composition root shared by `npm start` and the CLIs: config → logger →
 * database (migrated) → repositories → services. Channels are added by main.ts.
 */
import { WorkingCalendar } from '../domain/calendar/working-days.ts';
import { DEFAULT_HOLIDAYS, DEFAULT_MAKEUP_DAYS, parseHolidayList } from '../domain/calendar/holidays.ts';
import { Assistant } from '../domain/chat/assistant.ts';
import type { EngineSettings } from '../domain/chat/engine.ts';
import { systemClock, type Clock } from '../domain/shared/clock.ts';
import type { StatusOptions } from '../domain/status/derive-status.ts';
import type { Database } from '../prisma/database.ts';
import { openConfiguredDatabase } from './open-database.ts';
import { PrismaTaskQueries } from '../prisma/stores/task-queries.ts';
import { parseConfig, type Config, type Env } from './config.ts';
import { i18n, type Translator } from './i18n.ts';
import { createLogger, type Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';
import { ChatService } from './chat/service.ts';
import { QuestionsExtension } from './chat/questions.ts';
import { QuestionReference } from '../prisma/stores/question-data.ts';
import { DeliveryExtension, type FileFetcher } from './chat/delivery-extension.ts';
import { SheetsExtension } from './chat/sheets-extension.ts';
import { ExplanationExtension } from './chat/explanation-extension.ts';
import { AccountabilityExtension, parseAccountabilitySettings, raiseProposals, type AccountabilitySettings } from './chat/accountability-extension.ts';
import { parseDeliverySettings, type DeliverySettings } from './delivery/settings.ts';
import type { SendWindow } from '../domain/delivery/policy.ts';
import { VoiceService, type Hearing } from './voice/service.ts';

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
  deliverySettings: DeliverySettings;
  /** Downloads of users' files (a notice's attachment): set by main.ts once the chat channels exist. */
  files: FileFetcherSlot;
  chat: ChatService;
  /** Voice messages (STT_URL set): main.ts adds where Telegram's clips are. */
  voice: VoiceService | undefined;
  /** The chat channels' /metrics (a chat platform configured); the console and the CLIs do without (prom-client is not loaded). */
  metrics: Metrics | undefined;
  close(): Promise<void>;
}

/** Late-bound: the channels that can fetch files start after the app is built. */
export interface FileFetcherSlot {
  fetch?: FileFetcher;
}

export interface ChatServiceDeps {
  prisma: Database['prisma'];
  clock: Clock;
  settings: EngineSettings;
  log: Logger;
  tr: Translator;
  calendar: WorkingCalendar;
  delivery: DeliverySettings;
  files?: FileFetcherSlot;
  metrics?: Metrics;
  voice?: Hearing;
  /** Workbooks sent to the bot: UPLOAD_MAX_MB, and the upload page when PUBLIC_BASE_URL is set. */
  sheets?: { maxBytes: number; uploadPage?: { publicBaseUrl: string; ttlMinutes: number } };
  /** Proposals and the "6 rõ" check (issue 15): PROPOSAL_RESPONSE_DAYS. */
  accountability?: AccountabilitySettings;
}

const DEFAULT_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/** The conversation service with every extension, as chat channels use it (also the test harnesses). */
export function buildChatService(d: ChatServiceDeps): ChatService {
  const window: SendWindow = { calendar: d.calendar, hours: d.delivery.reminders.workingHours, mode: d.delivery.reminders.window };
  const accountability = { calendar: d.calendar, settings: d.accountability ?? parseAccountabilitySettings({}) };
  // units, plans and the tasks' words, shared by the answers of every message (a change check per message)
  const reference = new QuestionReference();
  return new ChatService({
    prisma: d.prisma,
    clock: d.clock,
    settings: d.settings,
    log: d.log,
    ...(d.metrics ? { metrics: d.metrics } : {}),
    ...(d.voice ? { voice: d.voice } : {}),
    extensions: (tx) => [
      // First: a document outside a report is a workbook.
      new SheetsExtension(tx, { tr: d.tr, fetchFile: d.files?.fetch ? (f) => d.files!.fetch!(f) : undefined, maxBytes: d.sheets?.maxBytes ?? DEFAULT_UPLOAD_MAX_BYTES, uploadPage: d.sheets?.uploadPage }),
      new DeliveryExtension(tx, { window, calendar: d.calendar, reminders: d.delivery.reminders, status: d.settings.status, fetchFile: d.files?.fetch ? (f) => d.files!.fetch!(f) : undefined, paidBroadcast: d.delivery.paidBroadcast === true }),
      new AccountabilityExtension(tx, accountability),
      new ExplanationExtension(tx, { calendar: d.calendar, status: d.settings.status }),
      new QuestionsExtension(tx, { tr: d.tr, status: d.settings.status, mode: 'commands', reference }),
    ],
    fallback: (tx) => new QuestionsExtension(tx, { tr: d.tr, status: d.settings.status, mode: 'fallback', reference }),
    afterMessage: (tx, inbound, started) => raiseProposals(tx, accountability, inbound, started),
  });
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

export async function createApp(options: { env?: Env; config?: Config; clock?: Clock; log?: Logger; seed?: boolean } = {}): Promise<App> {
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
  const queries = new PrismaTaskQueries(db.prisma);
  const status: StatusOptions = { dueSoonDays: config.dueSoonDays };
  const clock = options.clock ?? systemClock;
  const engineSettings: EngineSettings = { flowTimeoutMinutes: config.flowTimeoutMinutes, correctionMinutes: config.correctionMinutes, status };
  const deliverySettings = parseDeliverySettings(options.env ?? process.env);
  const calendar = workingCalendar(config);
  const files: FileFetcherSlot = {};
  const metrics = config.telegram || config.zalo ? (await import('./metrics.ts')).createMetrics(db.prisma) : undefined;
  const voice = config.stt ? new VoiceService(config.stt, log.child({ component: 'voice' })) : undefined;
  return {
    config,
    log,
    db,
    tr: i18n(),
    clock,
    calendar,
    status,
    queries,
    assistant: new Assistant({ queries }),
    engineSettings,
    deliverySettings,
    files,
    chat: buildChatService({
      prisma: db.prisma, clock, settings: engineSettings, log, tr: i18n(), calendar, delivery: deliverySettings, files, metrics, voice,
      accountability: parseAccountabilitySettings(options.env ?? process.env),
      sheets: { maxBytes: config.uploads.maxBytes, uploadPage: config.http.publicBaseUrl ? { publicBaseUrl: config.http.publicBaseUrl, ttlMinutes: config.uploads.linkTtlMinutes } : undefined },
    }),
    voice,
    metrics,
    close: () => db.close(),
  };
}
