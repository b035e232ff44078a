/**
 * Configuration, read once from the environment and validated. `parseConfig`
 * is pure (no import-time side effects): main.ts calls it with process.env,
 * tests with a literal object. Every variable is documented in .env.example.
 */
// zod/mini, the functional build of zod 4 (same checks and issues): classic zod's chained API
// costs ~60 ms of a start (its whole namespace, ~750 kB bundled); the English messages are
// its locale, loaded here as classic zod loads it.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import type { SttConfig } from './voice/service.ts';

z.config(en());

const holidayList = z.string().check(
  z.regex(/^(\d{4}-\d{2}-\d{2}(\.\.\d{4}-\d{2}-\d{2})?)(,\s*\d{4}-\d{2}-\d{2}(\.\.\d{4}-\d{2}-\d{2})?)*$/, 'expected YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD, comma-separated'),
);
/** An integer variable in [min, max], coerced from its text. */
const int = (min: number, max: number) => z.coerce.number().check(z.int(), z.minimum(min), z.maximum(max));
const optionalUrl = z.optional(z.url());

const schema = z.object({
  DATABASE_URL: z.optional(z.string().check(z.regex(/^postgres(ql)?:\/\//, 'expected postgres://… or postgresql://…'))),
  DATA_DIR: z._default(z.string().check(z.minLength(1)), './data'),
  LOG_LEVEL: z._default(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
  LOG_FORMAT: z._default(z.enum(['auto', 'pretty', 'json']), 'auto'),
  SEED_SAMPLE_DATA: z._default(z.enum(['auto', 'always', 'never']), 'auto'),
  CONSOLE_AS: z.optional(z.string().check(z.minLength(1))),
  DUE_SOON_DAYS: z._default(int(1, 90), 7),
  HOLIDAYS_EXTRA: z.optional(holidayList),
  HOLIDAYS_REMOVED: z.optional(holidayList),
  FLOW_TIMEOUT_MINUTES: z._default(int(1, 24 * 60), 30),
  CORRECTION_MINUTES: z._default(int(0, 7 * 24 * 60), 60),
  INVITE_TTL_HOURS: z._default(int(1, 24 * 90), 72),
  PORT: z._default(int(1, 65535), 8080),
  METRICS_PORT: z.optional(int(1, 65535)),
  STARTUP_TIMEOUT_SECONDS: z._default(int(1, 3600), 60),
  HOST: z._default(z.string().check(z.minLength(1)), '0.0.0.0'),
  PUBLIC_BASE_URL: optionalUrl,
  TELEGRAM_API_ROOT: optionalUrl,
  TELEGRAM_WEBHOOK_URL: optionalUrl,
  TELEGRAM_WEBHOOK_SECRET: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{16,256}$/, 'expected 16–256 characters of A–Z, a–z, 0–9, _ and -'))),
  TELEGRAM_BOT_USERNAME: z.optional(z.string().check(z.regex(/^\w{5,64}$/, 'expected the bot username without @'))),
  TELEGRAM_BOT_TOKEN: z.optional(z.string().check(z.regex(/^\d+:[\w-]{20,}$/, 'expected a token from @BotFather (digits:letters)'))),
  ZALO_BOT_TOKEN: z.optional(z.string().check(z.regex(/^\d+:[\w-]+$/, 'expected a token from Zalo Bot Creator (digits:letters)'))),
  ZALO_API_ROOT: optionalUrl,
  ZALO_WEBHOOK_URL: optionalUrl,
  ZALO_WEBHOOK_SECRET: z.optional(z.string().check(z.minLength(8, 'expected 8–256 characters'), z.maxLength(256, 'expected 8–256 characters'))),
  FILE_LINK_TTL_HOURS: z._default(int(1, 24 * 30), 72),
  STT_URL: optionalUrl,
  STT_API_KEY: z.optional(z.string()),
  STT_MODEL: z._default(z.string().check(z.minLength(1)), 'whisper-1'),
  STT_LANGUAGE: z._default(z.string().check(z.regex(/^[a-z]{2,3}$/, 'expected a language code such as vi')), 'vi'),
  STT_TIMEOUT_SECONDS: z._default(int(1, 600), 60),
  STT_MAX_SECONDS: z._default(int(1, 1800), 120),
  STT_MAX_MB: z._default(z.coerce.number().check(z.minimum(0.1), z.maximum(20)), 20),
  UPLOAD_MAX_MB: z._default(int(1, 20), 10),
  UPLOAD_LINK_TTL_MINUTES: z._default(int(5, 24 * 60), 60),
});

export type Env = Record<string, string | undefined>;

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  log: { level: string; format: 'pretty' | 'json' };
  seedSampleData: 'auto' | 'always' | 'never';
  consoleAs: string | undefined;
  dueSoonDays: number;
  holidays: { extra: string | undefined; removed: string | undefined };
  flowTimeoutMinutes: number;
  correctionMinutes: number;
  inviteTtlHours: number;
  http: { port: number; host: string; publicBaseUrl: string | undefined; metricsPort: number | undefined };
  /** How long start-up waits for the database and the chat platforms before giving up. */
  startupTimeoutMs: number;
  telegram: { token: string; apiRoot: string | undefined; webhookUrl: string | undefined; webhookSecret: string | undefined; username: string | undefined } | undefined;
  /** Bot username for invite links, even when the token is not set here (npm run invite). */
  telegramUsername: string | undefined;
  zalo: { token: string; apiRoot: string | undefined; webhookUrl: string | undefined; webhookSecret: string | undefined } | undefined;
  fileLinkTtlHours: number;
  /** Voice messages: set when STT_URL is. */
  stt: SttConfig | undefined;
  /** Workbooks sent to the bot (Telegram documents, the upload page): size limit and link lifetime. */
  uploads: { maxBytes: number; linkTtlMinutes: number };
}

/** `kind` picks the Vietnamese text (locales: config-problem-<kind>); `message` is the English one. */
export interface ConfigProblem {
  variable: string;
  message: string;
  kind?: 'enum' | 'number' | 'url' | 'format' | 'required-with';
  args?: Record<string, string | number>;
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
  }
}

/** A zod issue as a problem with what the Vietnamese text needs. */
export function configProblem(i: z.core.$ZodIssue): ConfigProblem {
  const variable = String(i.path[0] ?? '?');
  const base = { variable, message: i.message };
  if (i.code === 'invalid_value') return { ...base, kind: 'enum', args: { values: i.values.map(String).join(', ') } };
  if (i.code === 'too_small' || i.code === 'too_big' || (i.code === 'invalid_type' && i.expected === 'number')) return { ...base, kind: 'number', args: { detail: i.message } };
  if (i.code === 'invalid_format' && i.format === 'url') return { ...base, kind: 'url' };
  if (i.code === 'invalid_format') return { ...base, kind: 'format', args: { detail: i.message } };
  return base;
}

/** Validates the environment; throws ConfigError naming every bad variable. */
export function parseConfig(env: Env, isTty = false): Config {
  // Empty strings in .env files mean "unset".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map(configProblem));
  }
  const e = result.data;
  if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigError([{ variable: 'TELEGRAM_WEBHOOK_SECRET', message: 'required when TELEGRAM_WEBHOOK_URL is set', kind: 'required-with', args: { other: 'TELEGRAM_WEBHOOK_URL' } }]);
  }
  if (e.ZALO_WEBHOOK_URL && !e.ZALO_WEBHOOK_SECRET) {
    throw new ConfigError([{ variable: 'ZALO_WEBHOOK_SECRET', message: 'required when ZALO_WEBHOOK_URL is set', kind: 'required-with', args: { other: 'ZALO_WEBHOOK_URL' } }]);
  }
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    log: { level: e.LOG_LEVEL, format: e.LOG_FORMAT === 'auto' ? (isTty ? 'pretty' : 'json') : e.LOG_FORMAT },
    seedSampleData: e.SEED_SAMPLE_DATA,
    consoleAs: e.CONSOLE_AS,
    dueSoonDays: e.DUE_SOON_DAYS,
    holidays: { extra: e.HOLIDAYS_EXTRA, removed: e.HOLIDAYS_REMOVED },
    flowTimeoutMinutes: e.FLOW_TIMEOUT_MINUTES,
    correctionMinutes: e.CORRECTION_MINUTES,
    inviteTtlHours: e.INVITE_TTL_HOURS,
    http: { port: e.PORT, host: e.HOST, publicBaseUrl: e.PUBLIC_BASE_URL, metricsPort: e.METRICS_PORT },
    startupTimeoutMs: e.STARTUP_TIMEOUT_SECONDS * 1000,
    telegram: e.TELEGRAM_BOT_TOKEN
      ? { token: e.TELEGRAM_BOT_TOKEN, apiRoot: e.TELEGRAM_API_ROOT, webhookUrl: e.TELEGRAM_WEBHOOK_URL, webhookSecret: e.TELEGRAM_WEBHOOK_SECRET, username: e.TELEGRAM_BOT_USERNAME }
      : undefined,
    telegramUsername: e.TELEGRAM_BOT_USERNAME,
    zalo: e.ZALO_BOT_TOKEN ? { token: e.ZALO_BOT_TOKEN, apiRoot: e.ZALO_API_ROOT, webhookUrl: e.ZALO_WEBHOOK_URL, webhookSecret: e.ZALO_WEBHOOK_SECRET } : undefined,
    fileLinkTtlHours: e.FILE_LINK_TTL_HOURS,
    stt: e.STT_URL
      ? { url: e.STT_URL, apiKey: e.STT_API_KEY, model: e.STT_MODEL, language: e.STT_LANGUAGE, timeoutSeconds: e.STT_TIMEOUT_SECONDS, maxSeconds: e.STT_MAX_SECONDS, maxMb: e.STT_MAX_MB }
      : undefined,
    uploads: { maxBytes: e.UPLOAD_MAX_MB * 1024 * 1024, linkTtlMinutes: e.UPLOAD_LINK_TTL_MINUTES },
  };
}
