import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { inspect } from 'node:util';
import pino from 'pino';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { ZaloClient } from '../../bot/zalo/client.ts';
import { MemoryDedupe } from '../../bot/zalo/dedupe.ts';
import { ZaloApiError, ZaloHttpError } from '../../bot/zalo/errors.ts';
import type { ZaloLogger } from '../../bot/zalo/logger.ts';
import { startPolling } from '../../bot/zalo/polling.ts';
import { splitText } from '../../bot/zalo/split-text.ts';
import type { ZaloTransformer } from '../../bot/zalo/transformers.ts';
import { photoUrlOf, updateKey, type ZaloUpdate } from '../../bot/zalo/types.ts';
import { createZaloWebhookHandler, type ZaloWebhookHandler } from '../../bot/zalo/webhook.ts';
import { FakeZalo, type FakeZaloOptions } from '../fakes/zalo/server.ts';

// ─── helpers ────────────────────────────────────────────────────────────────

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function fake(options: FakeZaloOptions = {}): Promise<FakeZalo> {
  const f = await FakeZalo.start({ maxPollWaitMs: 200, ...options });
  cleanups.push(() => f.close());
  return f;
}

interface LogEntry {
  level: string;
  obj: Record<string, unknown>;
  msg: string | undefined;
}

function captureLogger(): { logger: ZaloLogger; entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at =
    (level: string) =>
    (obj: Record<string, unknown>, msg?: string): void => {
      entries.push({ level, obj, msg });
    };
  return { logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }, entries };
}

/** Sleep that records delays and does not wait. */
function recordingSleep(): { sleep: (ms: number) => Promise<void>; delays: number[] } {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

function clientFor(f: FakeZalo, extra: Partial<ConstructorParameters<typeof ZaloClient>[0]> = {}): ZaloClient {
  return new ZaloClient({ token: f.token, apiRoot: f.apiRoot, pollTimeoutSeconds: 30, ...extra });
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function until(cond: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

// Compile-time check: a pino logger is a ZaloLogger.
const _pinoFits: ZaloLogger = pino({ level: 'silent' });
void _pinoFits;

// ─── client ─────────────────────────────────────────────────────────────────

describe('ZaloClient against the fake', () => {
  it('getMe returns the bot identity with a string id', async () => {
    const f = await fake();
    const me = await clientFor(f).getMe();
    expect(me).toEqual({ id: '1234567890', account_name: 'bot.FakeNq57', account_type: 'BASIC', can_join_groups: false });
  });

  for (const httpStatus of ['mirror', 'always200'] as const) {
    it(`reads the envelope whatever the HTTP status (${httpStatus})`, async () => {
      const f = await fake({ httpStatus });
      const client = clientFor(f, { retry: false });
      for (const code of [400, 401, 403, 404, 429]) {
        f.failNext('getMe', code, `because ${code}`);
        const err = await client.getMe().catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ZaloApiError);
        expect(err).toMatchObject({
          method: 'getMe',
          error_code: code,
          description: `because ${code}`,
          httpStatus: httpStatus === 'mirror' ? code : 200,
        });
      }
    });
  }

  it('turns a non-JSON body into a ZaloApiError carrying the HTTP status', async () => {
    const f = await fake();
    f.failNext('getMe', 502, 'ignored', { rawBody: '<html><body>502 Bad Gateway</body></html>' });
    const err = await clientFor(f, { retry: false }).getMe().catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'ZaloApiError', error_code: 502, httpStatus: 502 });
    expect((err as ZaloApiError).description).toMatch(/Non-JSON/);
  });

  it('reads the camelCase errorCode that testWebhook answers over its daily limit', async () => {
    const f = await fake({ testWebhookDailyLimit: 0 });
    const client = clientFor(f);
    await client.setWebhook('https://example.org/zalo', 'secret-123');
    await expect(client.call('testWebhook')).rejects.toMatchObject({ error_code: 426 });
  });

  it('returns null for the 408 of an empty long poll, without retrying', async () => {
    const f = await fake({ maxPollWaitMs: 100 });
    const { sleep, delays } = recordingSleep();
    expect(await clientFor(f, { retry: { sleep } }).getUpdates()).toBeNull();
    expect(delays).toEqual([]);
    expect(f.stats().calls.getUpdates).toBe(1);
  });

  it('returns the one update of a getUpdates call', async () => {
    const f = await fake();
    const sent = await f.sendText('a1b2c3', 'Xin chào');
    const got = await clientFor(f).getUpdates();
    expect(got).toEqual(sent);
    expect(got?.message.text).toBe('Xin chào');
  });

  it('retries 429 with growing backoff, then succeeds', async () => {
    const f = await fake();
    await f.sendText('u1', 'hi');
    f.failNext('sendMessage', 429, 'Quota exceeded', { times: 2 });
    const { sleep, delays } = recordingSleep();
    const { logger, entries } = captureLogger();
    const client = clientFor(f, { logger, retry: { sleep, baseDelayMs: 100, random: () => 0.5 } });
    const sent = await client.sendMessage('u1', 'Đã nhận');
    expect(sent.message_id).toMatch(/^[0-9a-f]{20}$/);
    expect(delays).toEqual([75, 150]); // equal jitter around 100 then 200
    expect(f.stats().calls.sendMessage).toBe(3);
    expect(f.sentTo('u1').map((m) => m.text)).toEqual(['Đã nhận']);
    expect(entries.filter((e) => e.msg === 'zalo api call failed; retrying')).toHaveLength(2);
  });

  it('retries 403 ("Internal server error") and dropped connections', async () => {
    const f = await fake();
    await f.sendText('u1', 'hi');
    f.failNext('sendMessage', 403);
    f.dropNext('sendMessage');
    const { sleep, delays } = recordingSleep();
    await clientFor(f, { retry: { sleep } }).sendMessage('u1', 'ok');
    expect(delays).toHaveLength(2);
    expect(f.sentTo('u1')).toHaveLength(1);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const f = await fake();
    f.failNext('getMe', 429, 'Quota exceeded', { times: 5 });
    const { sleep, delays } = recordingSleep();
    await expect(clientFor(f, { retry: { sleep, maxAttempts: 3 } }).getMe()).rejects.toMatchObject({ error_code: 429 });
    expect(delays).toHaveLength(2);
  });

  it('never retries 400, 401 or 404', async () => {
    const f = await fake();
    await f.sendText('u1', 'hi');
    f.unreachable('u1');
    const { sleep, delays } = recordingSleep();
    const client = clientFor(f, { retry: { sleep } });
    await expect(client.sendMessage('u1', '')).rejects.toMatchObject({ error_code: 404 });
    f.unreachable('u1', false);
    await expect(client.sendMessage('u1', '')).rejects.toMatchObject({ error_code: 400 });
    await expect(clientFor(f, { token: '1:wrong', retry: { sleep } }).getMe()).rejects.toMatchObject({ error_code: 401 });
    expect(delays).toEqual([]);
    expect(f.stats().calls.sendMessage).toBe(2);
  });

  it('classifies a read timeout and an abort as ZaloHttpError', async () => {
    const { url } = await listen(() => {
      /* never answers */
    });
    const client = new ZaloClient({ token: '1:t', apiRoot: url, fetchTimeoutMs: 100, retry: false });
    await expect(client.getMe()).rejects.toMatchObject({ name: 'ZaloHttpError', kind: 'timeout', method: 'getMe' });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 20);
    await expect(client.getMe({ signal: ac.signal })).rejects.toMatchObject({ kind: 'aborted' });
  });

  it('never puts the token in errors, logged objects or inspect output', async () => {
    const f = await fake();
    const { logger, entries } = captureLogger();
    const { sleep } = recordingSleep();
    const token = f.token;
    const errors: unknown[] = [];
    const client = clientFor(f, { logger, retry: { sleep, maxAttempts: 2 } });
    await f.sendText('u1', 'hi');
    await client.sendMessage('u1', 'một');
    f.failNext('sendMessage', 429, undefined, { times: 2 });
    errors.push(await client.sendMessage('u1', 'hai').catch((e: unknown) => e));
    f.dropNext('getMe', 2);
    errors.push(await client.getMe().catch((e: unknown) => e));
    // A misconfigured apiRoot: the server's HTML 404 echoes the path, token included.
    const wrongRoot = new ZaloClient({ token, apiRoot: `${f.apiRoot}/nope`, logger, retry: false });
    errors.push(await wrongRoot.getMe().catch((e: unknown) => e));
    // Nothing listening.
    const closed = await FakeZalo.start({ token });
    const deadRoot = closed.apiRoot;
    await closed.close();
    errors.push(await new ZaloClient({ token, apiRoot: deadRoot, logger, retry: { sleep, maxAttempts: 2 } }).getMe().catch((e: unknown) => e));

    expect(errors.map((e) => (e as Error).name)).toEqual(['ZaloApiError', 'ZaloHttpError', 'ZaloApiError', 'ZaloHttpError']);
    expect(errors[3]).toMatchObject({ kind: 'network', code: 'ECONNREFUSED' });
    for (const err of errors) {
      const e = err as Error;
      expect(e.message).not.toContain(token);
      expect(String(e.stack)).not.toContain(token);
      expect(JSON.stringify(e)).not.toContain(token);
      expect(inspect(e, { depth: 10 })).not.toContain(token);
    }
    expect(entries.length).toBeGreaterThan(5);
    for (const entry of entries) {
      expect(JSON.stringify(entry)).not.toContain(token);
      expect(JSON.stringify(entry)).not.toContain('/bot');
    }
    expect(inspect(client, { depth: 10 })).not.toContain(token);
    expect(JSON.stringify(client)).not.toContain(token);
  });

  it('does not log message text', async () => {
    const f = await fake();
    await f.sendText('u1', 'hi');
    const { logger, entries } = captureLogger();
    await clientFor(f, { logger }).sendMessage('u1', 'Số điện thoại 0912345678');
    expect(JSON.stringify(entries)).not.toContain('0912345678');
    expect(entries[0]?.obj).toMatchObject({ method: 'sendMessage', chat_id: 'u1', ok: true });
  });

  it('sends parse_mode, photos and chat actions as the fake records them', async () => {
    const f = await fake();
    await f.sendText('u1', 'hi');
    const client = clientFor(f);
    await client.sendChatAction('u1', 'typing');
    await client.sendMessage('u1', '**Báo cáo**', { parseMode: 'markdown' });
    await client.sendPhoto('u1', 'https://example.org/chart.png', 'Biểu đồ');
    expect(f.chatActions('u1').map((a) => a.action)).toEqual(['typing']);
    expect(f.sentTo('u1')).toMatchObject([
      { method: 'sendMessage', text: '**Báo cáo**', parse_mode: 'markdown' },
      { method: 'sendPhoto', photo: 'https://example.org/chart.png', caption: 'Biểu đồ' },
    ]);
    expect(f.lastText('u1')).toBe('Biểu đồ');
  });

  it('sendText splits long text and sends the chunks in order', async () => {
    const f = await fake();
    await f.sendText('u1', 'hi');
    const para = (n: number): string => `Đoạn ${n}: ${'Nhiệm vụ chuyển đổi số được giao. '.repeat(40).trim()}`;
    const text = [1, 2, 3, 4].map(para).join('\n\n');
    const sent = await clientFor(f).sendText('u1', text);
    const got = f.sentTo('u1');
    expect(got).toHaveLength(sent.length);
    expect(got.length).toBeGreaterThan(1);
    expect(got.every((m) => (m.text ?? '').length <= 2000)).toBe(true);
    expect(got.map((m) => m.text).join('\n\n')).toBe(text);
    expect(await clientFor(f).sendText('u1', '')).toEqual([]);
  });

  it('validates the webhook secret locally and refuses path-injecting method names', async () => {
    const client = new ZaloClient({ token: '1:t', apiRoot: 'http://127.0.0.1:9' });
    await expect(client.setWebhook('https://x.org', 'short')).rejects.toBeInstanceOf(RangeError);
    await expect(client.call('../getMe')).rejects.toBeInstanceOf(TypeError);
    expect(() => new ZaloClient({ token: 'a/b' })).toThrow(TypeError);
    expect(new ZaloClient({ token: '1:t', apiRoot: 'http://h/' }).apiRoot).toBe('http://h');
  });

  it('runs installed transformers around every call', async () => {
    const f = await fake();
    const seen: string[] = [];
    const spy: ZaloTransformer = async (prev, method, payload, options) => {
      seen.push(method);
      return prev(method, payload, options);
    };
    const client = clientFor(f).use(spy);
    await client.getMe();
    await client.getWebhookInfo();
    expect(seen).toEqual(['getMe', 'getWebhookInfo']);
  });
});

// ─── splitText ──────────────────────────────────────────────────────────────

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const squash = (s: string): string => s.replace(/\s+/g, '');

describe('splitText', () => {
  it('keeps short text whole and returns nothing for empty text', () => {
    expect(splitText('Xin chào')).toEqual(['Xin chào']);
    expect(splitText('')).toEqual([]);
  });

  it('respects the exact 2000 boundary', () => {
    expect(splitText('a'.repeat(2000))).toEqual(['a'.repeat(2000)]);
    expect(splitText('a'.repeat(2001))).toEqual(['a'.repeat(2000), 'a']);
    // A space right after the limit is a perfect cut.
    expect(splitText(`${'a'.repeat(2000)} ${'b'.repeat(10)}`)).toEqual(['a'.repeat(2000), 'b'.repeat(10)]);
    expect(splitText(`${'a'.repeat(1999)} ${'b'.repeat(5)}`)).toEqual(['a'.repeat(1999), 'b'.repeat(5)]);
  });

  it('prefers paragraph, then line, then sentence, then word boundaries', () => {
    const para = `${'x'.repeat(1200)}\n\n${'y'.repeat(1500)}`;
    expect(splitText(para)).toEqual(['x'.repeat(1200), 'y'.repeat(1500)]);
    const lines = Array.from({ length: 50 }, (_, i) => `Dòng ${i}: ${'ư'.repeat(60)}`).join('\n');
    const chunks = splitText(lines);
    expect(chunks.join('\n')).toBe(lines);
    const sentences = 'Hải Phòng triển khai Nghị quyết 57. '.repeat(80);
    for (const c of splitText(sentences)) expect(c.trimEnd()).toMatch(/57\.$/);
    const words = 'chuyển đổi số '.repeat(300);
    for (const c of splitText(words)) expect(c.trim().split(' ').every((w) => ['chuyển', 'đổi', 'số'].includes(w))).toBe(true);
  });

  it('splits Vietnamese text into ≤ 2000-unit chunks without losing a character', () => {
    const text = Array.from(
      { length: 30 },
      (_, i) => `Mục ${i + 1}. Ủy ban nhân dân thành phố giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành triển khai nhiệm vụ; báo cáo kết quả trước ngày 30/6. Đề nghị các đơn vị khẩn trương thực hiện!`,
    ).join(' ');
    const chunks = splitText(text);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(2000);
    expect(squash(chunks.join(''))).toBe(squash(text));
  });

  it('never splits a surrogate pair', () => {
    const emoji = '😀'.repeat(1500); // 3000 units, no spaces
    const chunks = splitText(emoji);
    expect(chunks.map((c) => c.length)).toEqual([2000, 1000]);
    const odd = `a${'😀'.repeat(1000)}`; // 2001 units; unit 1999 is a high surrogate
    const oddChunks = splitText(odd);
    expect(oddChunks[0]).toHaveLength(1999);
    for (const c of [...chunks, ...oddChunks]) expect(LONE_SURROGATE.test(c)).toBe(false);
    expect(oddChunks.join('')).toBe(odd);
  });

  it('keeps grapheme clusters whole: decomposed Vietnamese and ZWJ emoji', () => {
    const nfd = 'ệ'.normalize('NFD').repeat(1000); // 3 units per letter
    for (const c of splitText(nfd)) {
      expect(c.length).toBeLessThanOrEqual(2000);
      expect(/^\p{M}/u.test(c)).toBe(false);
      expect(c.length % 3).toBe(0);
    }
    const family = '👨‍👩‍👧'; // 8 units
    const chunks = splitText(family.repeat(300));
    for (const c of chunks) expect(c.length % family.length).toBe(0);
    expect(chunks.join('')).toBe(family.repeat(300));
  });

  it('holds its invariants on random text', () => {
    let seed = 42;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = ['a', 'ă', 'ệ', ' ', ' ', '\n', '.', '!', '😀', 'Đ', '\n\n', 'ư'];
    for (let round = 0; round < 200; round++) {
      const max = 10 + Math.floor(rand() * 40);
      const text = Array.from({ length: Math.floor(rand() * 300) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      const chunks = splitText(text, max);
      for (const c of chunks) {
        expect(c.length).toBeLessThanOrEqual(max);
        expect(c.length).toBeGreaterThan(0);
        expect(LONE_SURROGATE.test(c)).toBe(false);
      }
      expect(squash(chunks.join(''))).toBe(squash(text));
    }
  });
});

// ─── polling ────────────────────────────────────────────────────────────────

describe('startPolling', () => {
  it('deletes the webhook once, then hands every update to the handler in order', async () => {
    const f = await fake();
    const client = clientFor(f);
    await client.setWebhook('https://example.org/hook', 'secret-123');
    const seen: string[] = [];
    const ac = new AbortController();
    const done = startPolling(client, async (u) => void seen.push(u.message.text ?? ''), { signal: ac.signal });
    await until(() => f.stats().calls.getUpdates === 1);
    await f.sendText('u1', 'một');
    await f.sendText('u1', 'hai');
    await f.sendText('u1', 'ba');
    await until(() => seen.length === 3);
    ac.abort();
    await done;
    expect(seen).toEqual(['một', 'hai', 'ba']);
    expect(f.stats().calls.deleteWebhook).toBe(1);
  });

  it('stops on abort without waiting for the long poll, without swallowing the next update', async () => {
    // The fake holds a poll for 5 minutes: stopping before that shows the poll was aborted (no tighter bound: the machine may be busy).
    const f = await fake({ maxPollWaitMs: 300_000 });
    const client = clientFor(f);
    const ac = new AbortController();
    const done = startPolling(client, async () => {}, { signal: ac.signal });
    await until(() => f.stats().openPolls === 1);
    ac.abort();
    await done;
    await until(() => f.stats().openPolls === 0);
    await f.sendText('u1', 'sau khi dừng');
    expect(f.stats().pendingUpdates).toBe(1);
  });

  it('backs off after failures and carries on', async () => {
    const f = await fake();
    f.failNext('getUpdates', 403, 'Internal server error', { times: 2 });
    const errors: unknown[] = [];
    const delays: number[] = [];
    const seen: string[] = [];
    const ac = new AbortController();
    const done = startPolling(clientFor(f, { retry: false }), async (u) => void seen.push(u.message.text ?? ''), {
      signal: ac.signal,
      onError: (e) => errors.push(e),
      sleep: async (ms) => void delays.push(ms),
      random: () => 0,
      backoff: { baseMs: 100 },
    });
    await f.sendText('u1', 'vẫn tới');
    await until(() => seen.length === 1);
    ac.abort();
    await done;
    expect(errors).toHaveLength(2);
    expect(delays).toEqual([50, 100]);
  });

  it('skips bot messages and duplicates', async () => {
    const f = await fake({ echoBotMessages: true });
    const client = clientFor(f);
    const seen: string[] = [];
    const ac = new AbortController();
    const done = startPolling(client, async (u) => void seen.push(u.message.text ?? ''), {
      signal: ac.signal,
      dedupe: new MemoryDedupe(),
    });
    const first = await f.sendText('u1', 'một');
    await until(() => seen.length === 1);
    await client.sendMessage('u1', 'echo from the bot');
    await f.redeliver(first.message.message_id);
    await f.sendText('u1', 'hai');
    await until(() => seen.length === 2);
    await pause(50);
    ac.abort();
    await done;
    expect(seen).toEqual(['một', 'hai']);
  });

  it('rejects when the token is refused (nothing to retry)', async () => {
    const f = await fake();
    const client = new ZaloClient({ token: '1:wrong', apiRoot: f.apiRoot, retry: false });
    await expect(startPolling(client, async () => {}, { signal: new AbortController().signal })).rejects.toMatchObject({
      error_code: 401,
    });
  });
});

// ─── webhook ────────────────────────────────────────────────────────────────

const SECRET = 'webhook-secret-abc';

async function webhookServer(
  onUpdate: (u: ZaloUpdate) => Promise<void>,
  extra: Partial<Parameters<typeof createZaloWebhookHandler>[0]> = {},
): Promise<{ url: string; handler: ZaloWebhookHandler; entries: LogEntry[] }> {
  const { logger, entries } = captureLogger();
  const handler = createZaloWebhookHandler({ secret: SECRET, onUpdate, dedupe: new MemoryDedupe(), logger, ...extra });
  const { url } = await listen(handler);
  return { url, handler, entries };
}

async function post(url: string, body: string, headers: Record<string, string> = {}, method = 'POST') {
  const res = await request(url, { method, body, headers: { 'content-type': 'application/json', ...headers } });
  return { status: res.statusCode, body: await res.body.text() };
}

function textUpdate(chatId: string, text: string, messageId: string): ZaloUpdate {
  return {
    event_name: 'message.text.received',
    message: {
      message_id: messageId,
      date: 1749632637199,
      from: { id: chatId, display_name: 'A', is_bot: false },
      chat: { id: chatId, chat_type: 'PRIVATE' },
      text,
    },
  };
}

describe('Zalo webhook handler', () => {
  it('answers 403 without the secret header and logs the rejection without any header value', async () => {
    const calls: ZaloUpdate[] = [];
    const { url, entries } = await webhookServer(async (u) => void calls.push(u));
    const res = await post(url, JSON.stringify(textUpdate('c1', 'x', 'm1')));
    expect(res).toEqual({ status: 403, body: '{"message":"Forbidden"}' });
    expect(entries.find((e) => e.msg === 'zalo webhook request rejected')?.obj).toMatchObject({ reason: 'missing_secret' });
    expect(calls).toEqual([]);
  });

  it('answers 403 to a wrong secret (same or other length) before reading the body', async () => {
    const calls: ZaloUpdate[] = [];
    const { url, entries } = await webhookServer(async (u) => void calls.push(u));
    const sameLength = SECRET.replace(/.$/, 'X');
    for (const secret of [sameLength, 'short', `${SECRET}-longer`]) {
      expect(await post(url, '{not json', { 'x-bot-api-secret-token': secret })).toEqual({
        status: 403,
        body: '{"message":"Forbidden"}',
      });
      // Bigger than the body limit: still 403, never 413.
      expect((await post(url, 'x'.repeat(2 * 1024 * 1024), { 'x-bot-api-secret-token': secret })).status).toBe(403);
    }
    expect(calls).toEqual([]);
    expect(JSON.stringify(entries)).not.toContain(sameLength);
    expect(JSON.stringify(entries)).not.toContain(SECRET);
  });

  it('does not touch the request stream when the secret is wrong', () => {
    const handler = createZaloWebhookHandler({ secret: SECRET, onUpdate: async () => {} });
    const req = Object.assign(new PassThrough(), {
      method: 'POST',
      headers: { 'x-bot-api-secret-token': 'wrong-secret-xyz!!' },
      socket: { remoteAddress: '203.0.113.9' },
    });
    req.end('{"event_name":');
    let status = 0;
    let body = '';
    const res = {
      headersSent: false,
      statusCode: 0,
      setHeader: () => {},
      end(text: string) {
        status = this.statusCode;
        body = text;
      },
    };
    handler(req as unknown as IncomingMessage, res as unknown as ServerResponse);
    expect(status).toBe(403);
    expect(body).toBe('{"message":"Forbidden"}');
    expect(req.listenerCount('data')).toBe(0);
    expect(req.readableFlowing).toBeNull();
  });

  it('refuses non-POST, oversized and invalid bodies from an authentic caller', async () => {
    const { url } = await webhookServer(async () => {}, { maxBodyBytes: 1000 });
    const auth = { 'x-bot-api-secret-token': SECRET };
    expect((await post(url, '', auth, 'GET')).status).toBe(405);
    expect((await post(url, 'x'.repeat(5000), auth)).status).toBe(413);
    expect(await post(url, '{not json', auth)).toEqual({ status: 400, body: '{"message":"Bad Request"}' });
    // Authentic but not an update: acknowledged so Zalo does not retry it.
    expect(await post(url, '{"event_name":"user.follow"}', auth)).toEqual({ status: 200, body: '{"message":"Success"}' });
  });

  for (const webhookBodyShape of ['flat', 'wrapped'] as const) {
    it(`processes ${webhookBodyShape} bodies end to end through the fake`, async () => {
      const f = await fake({ webhookBodyShape });
      const client = clientFor(f);
      const { url, handler } = await webhookServer(async (u) => {
        await client.sendText(u.message.chat.id, `Đã nhận: ${u.message.text ?? photoUrlOf(u.message) ?? '?'}`);
      });
      await client.setWebhook(`${url}/zalo`, SECRET);
      await f.sendText('u1', 'báo cáo');
      await f.sendImage('u1', 'https://example.org/a.jpg');
      await handler.idle();
      expect(f.sentTo('u1').map((m) => m.text)).toEqual(['Đã nhận: báo cáo', 'Đã nhận: https://example.org/a.jpg']);
      expect(f.webhookDeliveries().map((d) => d.status)).toEqual([200, 200]);
    });
  }

  it('acknowledges a duplicate delivery and processes it once', async () => {
    const f = await fake();
    const client = clientFor(f);
    const keys: string[] = [];
    const { url, handler } = await webhookServer(async (u) => void keys.push(updateKey(u)));
    await client.setWebhook(url, SECRET);
    const u = await f.sendText('u1', 'một lần thôi');
    await f.redeliver(u.message.message_id);
    await handler.idle();
    expect(keys).toEqual([`message.text.received:${u.message.message_id}`]);
    expect(f.webhookDeliveries().map((d) => d.status)).toEqual([200, 200]);
  });

  it('keeps one chat in order and one at a time, while chats run in parallel', async () => {
    const f = await fake();
    const client = clientFor(f);
    const order: Record<string, string[]> = { a: [], b: [] };
    const active: Record<string, number> = { a: 0, b: 0 };
    let maxPerChat = 0;
    let maxTotal = 0;
    const { url, handler } = await webhookServer(async (u) => {
      const chat = u.message.chat.id;
      active[chat] = (active[chat] ?? 0) + 1;
      maxPerChat = Math.max(maxPerChat, active[chat] ?? 0);
      maxTotal = Math.max(maxTotal, (active.a ?? 0) + (active.b ?? 0));
      await pause(chat === 'a' ? 15 : 5);
      order[chat]?.push(u.message.text ?? '');
      active[chat] = (active[chat] ?? 0) - 1;
    });
    await client.setWebhook(url, SECRET);
    const expected: Record<string, string[]> = { a: [], b: [] };
    for (let i = 0; i < 6; i++) {
      for (const chat of ['a', 'b']) {
        expected[chat]?.push(`${chat}${i}`);
        await f.sendText(chat, `${chat}${i}`);
      }
    }
    await handler.idle();
    expect(order).toEqual(expected);
    expect(maxPerChat).toBe(1);
    expect(maxTotal).toBe(2);
  });

  it('keeps going after a handler error and reports it', async () => {
    const errors: unknown[] = [];
    const seen: string[] = [];
    const { url, handler, entries } = await webhookServer(
      async (u) => {
        if (u.message.text === 'boom') throw new Error('handler bug');
        seen.push(u.message.text ?? '');
      },
      { onError: (e) => errors.push(e) },
    );
    const auth = { 'x-bot-api-secret-token': SECRET };
    expect((await post(url, JSON.stringify(textUpdate('c1', 'boom', 'm1')), auth)).status).toBe(200);
    expect((await post(url, JSON.stringify({ ok: true, result: textUpdate('c1', 'after', 'm2') }), auth)).status).toBe(200);
    await handler.idle();
    expect(seen).toEqual(['after']);
    expect(errors).toHaveLength(1);
    expect(entries.some((e) => e.level === 'error' && e.msg === 'zalo update handler failed')).toBe(true);
    expect(JSON.stringify(entries)).not.toContain('"boom"');
  });

  it('processes anyway when the dedupe store fails', async () => {
    const seen: string[] = [];
    const { url, handler } = await webhookServer(async (u) => void seen.push(u.message.message_id), {
      dedupe: { seen: () => Promise.reject(new Error('db down')) },
    });
    await post(url, JSON.stringify(textUpdate('c1', 'x', 'm1')), { 'x-bot-api-secret-token': SECRET });
    await handler.idle();
    expect(seen).toEqual(['m1']);
  });
});

describe('MemoryDedupe', () => {
  it('reports the first sighting only, and forgets after the TTL', async () => {
    let now = 0;
    const d = new MemoryDedupe({ ttlMs: 1000, now: () => now });
    expect(await d.seen('k')).toBe(true);
    expect(await d.seen('k')).toBe(false);
    now = 999;
    expect(await d.seen('k')).toBe(false);
    now = 1000;
    expect(await d.seen('k')).toBe(true);
  });

  it('bounds its memory', async () => {
    const d = new MemoryDedupe({ maxEntries: 3 });
    for (const k of ['a', 'b', 'c', 'd']) await d.seen(k);
    expect(d.size).toBeLessThanOrEqual(4);
    await d.seen('e');
    expect(d.size).toBeLessThanOrEqual(4);
    expect(await d.seen('a')).toBe(true);
  });
});

describe('update helpers', () => {
  it('photoUrlOf prefers the observed photo_url over the documented photo', () => {
    const m = textUpdate('c', '', 'm').message;
    expect(photoUrlOf({ ...m, photo: 'doc', photo_url: 'live' })).toBe('live');
    expect(photoUrlOf({ ...m, photo: 'doc' })).toBe('doc');
    expect(photoUrlOf(m)).toBeUndefined();
  });

  it('ZaloApiError and ZaloHttpError carry structured fields', () => {
    const api = new ZaloApiError('sendMessage', 429, 'Quota exceeded', 429);
    expect(api).toMatchObject({ ok: false, method: 'sendMessage', error_code: 429, description: 'Quota exceeded', httpStatus: 429 });
    expect(api.message).toBe("Call to 'sendMessage' failed! (429: Quota exceeded)");
    const http = new ZaloHttpError('getMe', 'network', 'ECONNRESET', new Error('socket hang up'));
    expect(http).toMatchObject({ method: 'getMe', kind: 'network', code: 'ECONNRESET' });
    expect(http.cause).toBeInstanceOf(Error);
  });
});
