/**
 * The composition root shared by `npm start` and the CLIs that chat: the
 * core (core.ts: config → logger → database (migrated) → repositories) and
 * the conversation service with its extensions. Channels are added by main.ts.
 */
import type { WorkingCalendar } from '../domain/calendar/working-days.ts';
import { Assistant } from '../domain/chat/assistant.ts';
import type { EngineSettings } from '../domain/chat/engine.ts';
import type { Clock } from '../domain/shared/clock.ts';
import type { Database } from '../prisma/database.ts';
import { openCore, type Core, type CoreOptions } from './core.ts';
import type { Logger } from './logger.ts';
import { i18n, type Translator } from './i18n.ts';
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

export { workingCalendar } from './core.ts';

export interface App extends Core {
  assistant: Assistant;
  engineSettings: EngineSettings;
  deliverySettings: DeliverySettings;
  /** Downloads of users' files (a notice's attachment): set by main.ts once the chat channels exist. */
  files: FileFetcherSlot;
  chat: ChatService;
  /** Voice messages (STT_URL set): main.ts adds where Telegram's clips are. */
  voice: VoiceService | undefined;
  /** The chat apps' /metrics (a chat platform configured); the console and the CLIs do without (prom-client is not loaded). */
  metrics: Metrics | undefined;
  /** What the chat's answers share; main.ts reads it at start and every half hour (`keepReferenceFresh`), so that a question is one statement, the first and one after a silence. */
  questionReference: QuestionReference;
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
  /** The units, plans and tasks' words every message's answers share (a new one when not given). */
  reference?: QuestionReference;
}

const DEFAULT_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/** The conversation service with every extension, as chat channels use it (also the test harnesses). */
export function buildChatService(d: ChatServiceDeps): ChatService {
  const window: SendWindow = { calendar: d.calendar, hours: d.delivery.reminders.workingHours, mode: d.delivery.reminders.window };
  const accountability = { calendar: d.calendar, settings: d.accountability ?? parseAccountabilitySettings({}) };
  // units, plans and the tasks' words, shared by the answers of every message (a change check per message)
  const reference = d.reference ?? new QuestionReference();
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

export async function createApp(options: CoreOptions = {}): Promise<App> {
  const core = await openCore(options);
  const { config, log, db, clock, calendar, queries } = core;
  const engineSettings: EngineSettings = { flowTimeoutMinutes: config.flowTimeoutMinutes, correctionMinutes: config.correctionMinutes, status: core.status };
  const deliverySettings = parseDeliverySettings(options.env ?? process.env);
  const files: FileFetcherSlot = {};
  // Served only by the chat apps' /metrics: prom-client is not loaded for the console and the CLIs.
  const metrics = config.telegram || config.zalo ? (await import('./metrics.ts')).createMetrics(db.prisma) : undefined;
  const voice = config.stt ? new VoiceService(config.stt, log.child({ component: 'voice' })) : undefined;
  const questionReference = new QuestionReference();
  return {
    ...core,
    assistant: new Assistant({ queries }),
    engineSettings,
    deliverySettings,
    files,
    chat: buildChatService({
      prisma: db.prisma, clock, settings: engineSettings, log, tr: i18n(), calendar, delivery: deliverySettings, files, metrics, voice,
      accountability: parseAccountabilitySettings(options.env ?? process.env),
      reference: questionReference,
      sheets: { maxBytes: config.uploads.maxBytes, uploadPage: config.http.publicBaseUrl ? { publicBaseUrl: config.http.publicBaseUrl, ttlMinutes: config.uploads.linkTtlMinutes } : undefined },
    }),
    voice,
    metrics,
    questionReference,
  };
}
