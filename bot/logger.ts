/**
 * pino, readable in a terminal and JSON elsewhere. Tokens, secrets and phone
 * numbers are redacted wherever they appear as fields; URLs that carry a bot
 * token are never logged (the clients log method names instead).
 */
import { createRequire } from 'node:module';
import { pino, type Logger } from 'pino';

export type { Logger };

export const REDACT_PATHS = [
  'token',
  'secret',
  'phone',
  'phoneNumber',
  'phone_number',
  'password',
  'authorization',
  '*.token',
  '*.secret',
  '*.phone',
  '*.phoneNumber',
  '*.phone_number',
  '*.password',
  '*.authorization',
  'headers["x-telegram-bot-api-secret-token"]',
  'headers["x-bot-api-secret-token"]',
  'config.telegram.token',
  'config.zalo.token',
  'contact.phone_number',
  'message.contact.phone_number',
];

export function createLogger(options: { level: string; format: 'pretty' | 'json'; destination?: NodeJS.WritableStream; name?: string }): Logger {
  const base = { level: options.level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { name: options.name ?? 'nq57-bot' } };
  if (options.format === 'pretty') {
    // Loaded only for a terminal: a process logging JSON never reads it.
    const pretty = createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty');
    return pino(base, pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,name', destination: (options.destination as never) ?? 2 }));
  }
  return pino(base, (options.destination as never) ?? pino.destination(2));
}
