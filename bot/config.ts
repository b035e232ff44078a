/**
 * Configuration, read once from the environment and validated. `parseConfig`
 * is pure (no import-time side effects): main.ts calls it with process.env,
 * tests with a literal object. Every variable is documented in .env.example.
 */
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const holidayList = z.string().regex(/^(\d{4}-\d{2}-\d{2}(\.\.\d{4}-\d{2}-\d{2})?)(,\s*\d{4}-\d{2}-\d{2}(\.\.\d{4}-\d{2}-\d{2})?)*$/, 'expected YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD, comma-separated');

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected postgres://… or postgresql://…')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  SEED_SAMPLE_DATA: z.enum(['auto', 'always', 'never']).default('auto'),
  CONSOLE_AS: z.string().min(1).optional(),
  DUE_SOON_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  HOLIDAYS_EXTRA: holidayList.optional(),
  HOLIDAYS_REMOVED: holidayList.optional(),
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]{20,}$/, 'expected a token from @BotFather (digits:letters)')
    .optional(),
  ZALO_BOT_TOKEN: z.string().regex(/^\d+:[\w-]+$/, 'expected a token from Zalo Bot Creator (digits:letters)').optional(),
  DEBUG_SQL: bool.default(false),
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
  telegram: { token: string } | undefined;
  zalo: { token: string } | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
  }
}

/** Validates the environment; throws ConfigError naming every bad variable. */
export function parseConfig(env: Env, isTty = false): Config {
  // Empty strings in .env files mean "unset".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: i.message })));
  }
  const e = result.data;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    log: { level: e.LOG_LEVEL, format: e.LOG_FORMAT === 'auto' ? (isTty ? 'pretty' : 'json') : e.LOG_FORMAT },
    seedSampleData: e.SEED_SAMPLE_DATA,
    consoleAs: e.CONSOLE_AS,
    dueSoonDays: e.DUE_SOON_DAYS,
    holidays: { extra: e.HOLIDAYS_EXTRA, removed: e.HOLIDAYS_REMOVED },
    telegram: e.TELEGRAM_BOT_TOKEN ? { token: e.TELEGRAM_BOT_TOKEN } : undefined,
    zalo: e.ZALO_BOT_TOKEN ? { token: e.ZALO_BOT_TOKEN } : undefined,
  };
}
