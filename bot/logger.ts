/**
 * pino, readable in a terminal and JSON elsewhere. Tokens, secrets and phone
 * numbers are redacted wherever they appear as fields; URLs that carry a bot
 * token are never logged (the clients log method names instead).
 */
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

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
    return pino(base, pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,name', destination: (options.destination as never) ?? 2 }));
  }
  return pino(base, (options.destination as never) ?? pino.destination(2));
}
