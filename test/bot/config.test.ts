import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../bot/config.ts';
import { createLogger } from '../../bot/logger.ts';

describe('configuration', () => {
  it('defaults to the embedded database and the console', () => {
    const c = parseConfig({});
    expect(c.databaseUrl).toBeUndefined();
    expect(c.telegram).toBeUndefined();
    expect(c.dueSoonDays).toBe(7);
    expect(c.log.format).toBe('json');
    expect(parseConfig({}, true).log.format).toBe('pretty');
  });

  it('names every bad variable', () => {
    try {
      parseConfig({ DATABASE_URL: 'mysql://x', DUE_SOON_DAYS: 'nhiều', HOLIDAYS_EXTRA: '2026-02-30x' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const vars = (err as ConfigError).problems.map((p) => p.variable).sort();
      expect(vars).toEqual(['DATABASE_URL', 'DUE_SOON_DAYS', 'HOLIDAYS_EXTRA']);
      expect((err as Error).message).toContain('DATABASE_URL');
    }
  });

  it('UPLOAD_MAX_MB: 10 MB by default, at most 20 (issue 14)', () => {
    expect(parseConfig({}).uploads.maxBytes).toBe(10 * 1024 * 1024);
    expect(parseConfig({ UPLOAD_MAX_MB: '3' }).uploads.maxBytes).toBe(3 * 1024 * 1024);
    expect(() => parseConfig({ UPLOAD_MAX_MB: '50' })).toThrow(/UPLOAD_MAX_MB/);
  });

  it('treats empty values as unset', () => {
    expect(parseConfig({ DATABASE_URL: '', TELEGRAM_BOT_TOKEN: '  ' }).databaseUrl).toBeUndefined();
  });
});

describe('logger', () => {
  it('redacts tokens, secrets and phone numbers', async () => {
    const chunks: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        chunks.push(String(chunk));
        cb();
      },
    });
    const log = createLogger({ level: 'info', format: 'json', destination: sink });
    log.info({ token: '123456:ABCDEF-secret-token', phone: '+84912345678', person: { phone: '0912345678', name: 'A' }, headers: { 'x-telegram-bot-api-secret-token': 's3cr3t' } }, 'hello');
    await new Promise((r) => setTimeout(r, 20));
    const out = chunks.join('');
    expect(out).toContain('hello');
    expect(out).not.toContain('ABCDEF');
    expect(out).not.toContain('912345678');
    expect(out).not.toContain('s3cr3t');
    expect(out).toContain('[redacted]');
  });
});
