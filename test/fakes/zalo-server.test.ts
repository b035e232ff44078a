/**
 * Pins the fake's wire behaviour to shared/ZALO_BOT_API.md with raw HTTP, so
 * tests that rely on it test against the platform as documented and observed.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import type { ZaloUpdate } from '../../bot/zalo/types.ts';
import { FakeZalo, type FakeZaloOptions } from './zalo/server.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(options: FakeZaloOptions = {}): Promise<FakeZalo> {
  const f = await FakeZalo.start({ maxPollWaitMs: 200, ...options });
  cleanups.push(() => f.close());
  return f;
}

interface Raw {
  status: number;
  body: Record<string, unknown>;
}

async function call(f: FakeZalo, method: string, params: Record<string, unknown> = {}, token = f.token): Promise<Raw> {
  const res = await request(`${f.apiRoot}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  return { status: res.statusCode, body: (await res.body.json()) as Record<string, unknown> };
}

interface Received {
  headers: IncomingMessage['headers'];
  body: unknown;
}

/** A webhook receiver answering `status`, recording what arrived. */
async function receiver(status = 200): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      res.writeHead(status, { 'content-type': 'application/json' }).end('{"message":"Success"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

describe('FakeZalo routing and envelope', () => {
  it('refuses a wrong token with 401 Unauthorized', async () => {
    const f = await start();
    expect(await call(f, 'getMe', {}, '1:nope')).toEqual({
      status: 401,
      body: { ok: false, error_code: 401, description: 'Unauthorized' },
    });
  });

  it('knows the 11 documented methods, case-sensitively', async () => {
    const f = await start();
    expect((await call(f, 'getMe')).body).toMatchObject({ ok: true, result: { account_type: 'BASIC' } });
    expect((await call(f, 'getme')).body).toMatchObject({ ok: false, error_code: 400 });
    expect((await call(f, 'getProfile')).body).toMatchObject({ ok: false, error_code: 400 });
    const notFound = await request(`${f.apiRoot}/elsewhere`, { method: 'POST' });
    expect(notFound.statusCode).toBe(404);
    expect(notFound.headers['content-type']).toMatch(/text\/html/);
    await notFound.body.dump();
  });

  it('accepts GET with query parameters too', async () => {
    const f = await start();
    await f.sendText('u1', 'x');
    const res = await request(`${f.apiRoot}/bot${f.token}/getUpdates?timeout=0`);
    expect(await res.body.json()).toMatchObject({ ok: true, result: { event_name: 'message.text.received' } });
  });

  it('answers every error envelope with HTTP 200 in always200 mode', async () => {
    const f = await start({ httpStatus: 'always200' });
    expect(await call(f, 'getMe', {}, '1:nope')).toMatchObject({ status: 200, body: { ok: false, error_code: 401 } });
  });

  it('injects failures and dropped connections', async () => {
    const f = await start();
    f.failNext('getMe', 403);
    expect((await call(f, 'getMe')).body).toEqual({ ok: false, error_code: 403, description: 'Internal server error' });
    f.dropNext('getMe');
    await expect(call(f, 'getMe')).rejects.toThrow();
    expect((await call(f, 'getMe')).body.ok).toBe(true);
  });
});

describe('FakeZalo getUpdates', () => {
  it('returns ONE update per call as result: {event_name, message}, then 408', async () => {
    const f = await start();
    const a = await f.sendText('a1b2', 'một', { displayName: 'Nguyễn Văn A' });
    await f.sendText('a1b2', 'hai');
    const first = await call(f, 'getUpdates', { timeout: '0' });
    expect(first.body).toEqual({ ok: true, result: a });
    const m = a.message;
    expect(m.message_id).toMatch(/^[0-9a-f]{20}$/);
    expect(m.date).toBeGreaterThan(1_700_000_000_000); // milliseconds
    expect(m.from).toEqual({ id: 'a1b2', display_name: 'Nguyễn Văn A', is_bot: false });
    expect(m.chat).toEqual({ id: 'a1b2', chat_type: 'PRIVATE' });
    expect(((await call(f, 'getUpdates', { timeout: 0 })).body.result as ZaloUpdate).message.text).toBe('hai');
    const started = Date.now();
    expect(await call(f, 'getUpdates', { timeout: 0.1 })).toEqual({
      status: 408,
      body: { ok: false, error_code: 408, description: 'Request timeout' },
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('hands an update to a waiting poll at once', async () => {
    const f = await start({ maxPollWaitMs: 5000 });
    const pending = call(f, 'getUpdates', { timeout: '30' });
    while (f.stats().openPolls === 0) await new Promise((r) => setTimeout(r, 5));
    const u = await f.sendText('u1', 'ngay');
    expect((await pending).body).toEqual({ ok: true, result: u });
  });

  it('fails while a webhook is set, with a description that says so', async () => {
    const f = await start();
    await call(f, 'setWebhook', { url: 'https://example.org/h', secret_token: '12345678' });
    const res = await call(f, 'getUpdates', { timeout: '0' });
    expect(res.body).toMatchObject({ ok: false });
    expect(String(res.body.description)).toMatch(/webhook/i);
    await call(f, 'deleteWebhook');
    expect((await call(f, 'getUpdates', { timeout: '0' })).body).toMatchObject({ error_code: 408 });
  });

  it('can drop updates nobody polls for, as one team observed', async () => {
    const f = await start({ dropUpdatesWhenNoPoller: true });
    await f.sendText('u1', 'lost');
    expect(f.stats()).toMatchObject({ updatesDropped: 1, pendingUpdates: 0 });
  });
});

describe('FakeZalo webhook', () => {
  it('validates url and an 8–256 char secret', async () => {
    const f = await start();
    expect((await call(f, 'setWebhook', { secret_token: '12345678' })).body).toMatchObject({ ok: false, error_code: 400 });
    expect((await call(f, 'setWebhook', { url: 'https://x.org', secret_token: '1234567' })).body.ok).toBe(false);
    expect((await call(f, 'setWebhook', { url: 'https://x.org', secret_token: 'x'.repeat(257) })).body.ok).toBe(false);
    const ok = await call(f, 'setWebhook', { url: 'https://x.org', secret_token: 'x'.repeat(256) });
    expect(ok.body).toMatchObject({ ok: true, result: { url: 'https://x.org' } });
    expect((await call(f, 'getWebhookInfo')).body).toMatchObject({ result: { url: 'https://x.org' } });
    expect((await call(f, 'deleteWebhook')).body).toMatchObject({ ok: true, result: { url: '' } });
    const strict = await start({ strictWebhookUrl: true });
    expect((await call(strict, 'setWebhook', { url: 'http://127.0.0.1:1/h', secret_token: '12345678' })).body.ok).toBe(false);
  });

  for (const shape of ['flat', 'wrapped'] as const) {
    it(`POSTs updates with the secret header in the ${shape} shape`, async () => {
      const f = await start({ webhookBodyShape: shape });
      const { url, received } = await receiver();
      await call(f, 'setWebhook', { url, secret_token: 'secret-xyz' });
      const u = await f.sendImage('u1', 'https://example.org/p.jpg');
      expect(received).toHaveLength(1);
      expect(received[0]?.headers['x-bot-api-secret-token']).toBe('secret-xyz');
      expect(received[0]?.headers['user-agent']).toMatch(/^Java\//);
      expect(received[0]?.body).toEqual(shape === 'flat' ? u : { ok: true, result: u });
      expect(u.message.photo_url).toBe('https://example.org/p.jpg');
      expect(u.message.photo).toBeUndefined();
    });
  }

  it('redelivers an update with the same ids, and retries failed POSTs when asked', async () => {
    const f = await start({ webhookRetries: 2, webhookRetryDelayMs: 1 });
    const { url, received } = await receiver(500);
    await call(f, 'setWebhook', { url, secret_token: 'secret-xyz' });
    const u = await f.sendText('u1', 'x');
    expect(f.webhookDeliveries().map((d) => [d.attempt, d.status])).toEqual([
      [1, 500],
      [2, 500],
      [3, 500],
    ]);
    await f.redeliver(u.message.message_id);
    expect(received.map((r) => (r.body as ZaloUpdate).message.message_id)).toEqual(Array(6).fill(u.message.message_id));
  });

  it('testWebhook reports the outcome, then the camelCase 426 over the daily limit', async () => {
    const f = await start({ testWebhookDailyLimit: 1 });
    const { url } = await receiver(403);
    await call(f, 'setWebhook', { url, secret_token: 'secret-xyz' });
    expect((await call(f, 'testWebhook')).body).toMatchObject({ ok: true, result: { ok: false, outcome: 'webhook.http.403', url } });
    expect(await call(f, 'testWebhook')).toMatchObject({ status: 426, body: { ok: false, errorCode: 426 } });
  });
});

describe('FakeZalo sends', () => {
  it('checks text length (1–2000), parse_mode, and ignores reply_markup', async () => {
    const f = await start();
    await f.sendText('u1', 'hi');
    expect((await call(f, 'sendMessage', { chat_id: 'u1', text: '' })).body).toMatchObject({ ok: false, error_code: 400 });
    expect((await call(f, 'sendMessage', { chat_id: 'u1', text: 'x'.repeat(2001) })).status).toBe(400);
    expect((await call(f, 'sendMessage', { chat_id: 'u1', text: 'x', parse_mode: 'MarkdownV2' })).status).toBe(400);
    const ok = await call(f, 'sendMessage', {
      chat_id: 'u1',
      text: 'x'.repeat(2000),
      parse_mode: 'html',
      reply_markup: { inline_keyboard: [] },
    });
    expect(ok.body).toMatchObject({ ok: true, result: { message_id: expect.stringMatching(/^[0-9a-f]{20}$/) } });
    expect(f.sentTo('u1')).toMatchObject([{ parse_mode: 'html', ignored: ['reply_markup'], delivered: true }]);
  });

  it('only messages chats that wrote first (unless told), and fails unreachable chats with 404', async () => {
    const f = await start();
    expect((await call(f, 'sendMessage', { chat_id: 'stranger', text: 'x' })).body).toMatchObject({ error_code: 404 });
    f.knowChat('stranger');
    expect((await call(f, 'sendMessage', { chat_id: 'stranger', text: 'x' })).body.ok).toBe(true);
    f.unreachable('stranger');
    expect((await call(f, 'sendMessage', { chat_id: 'stranger', text: 'x' })).body).toEqual({
      ok: false,
      error_code: 404,
      description: 'Not found: user is unreachable',
    });
    expect((await call(f, 'sendChatAction', { chat_id: 'stranger', action: 'typing' })).body.ok).toBe(false);
  });

  it('enforces the per-second quota with 429 Quota exceeded', async () => {
    const f = await start({ quotaPerSecond: 2 });
    await f.sendText('u1', 'hi');
    const results = [];
    for (let i = 0; i < 3; i++) results.push((await call(f, 'sendMessage', { chat_id: 'u1', text: `${i}` })).body);
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(results[2]).toEqual({ ok: false, error_code: 429, description: 'Quota exceeded' });
    expect(f.stats().rejected.quota).toBe(1);
  });

  it('answers sendChatAction with a bare {ok:true}', async () => {
    const f = await start();
    await f.sendText('u1', 'hi');
    expect((await call(f, 'sendChatAction', { chat_id: 'u1', action: 'typing' })).body).toEqual({ ok: true });
    expect((await call(f, 'sendChatAction', { chat_id: 'u1', action: 'dancing' })).body.ok).toBe(false);
  });

  it('fetches photos when asked: not an image → 400, broken on a later fetch → accepted but not delivered', async () => {
    let hits = 0;
    const server = createServer((req, res) => {
      if (req.url === '/once.png') hits++;
      const image = req.url === '/ok.png' || (req.url === '/once.png' && hits === 1);
      res.writeHead(image ? 200 : 404, { 'content-type': image ? 'image/png' : 'text/html' }).end(image ? 'PNG' : 'no');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const f = await start({ fetchPhotos: 2 });
    await f.sendText('u1', 'hi');
    expect((await call(f, 'sendPhoto', { chat_id: 'u1', photo: `${base}/ok.png`, caption: 'Ảnh' })).body.ok).toBe(true);
    expect((await call(f, 'sendPhoto', { chat_id: 'u1', photo: `${base}/page.html` })).body).toMatchObject({ error_code: 400 });
    expect((await call(f, 'sendPhoto', { chat_id: 'u1', photo: `${base}/once.png` })).body.ok).toBe(true);
    expect(f.sentTo('u1').map((m) => [m.photo?.slice(base.length), m.delivered])).toEqual([
      ['/ok.png', true],
      ['/once.png', false],
    ]);
  });

  it('sendVoice takes .aac only, and to a group is accepted but not delivered', async () => {
    const f = await start();
    await f.sendText('u1', 'hi', { groupId: 'g1' });
    expect((await call(f, 'sendVoice', { chat_id: 'g1', voice_url: 'https://x.org/a.mp3' })).body.ok).toBe(false);
    expect((await call(f, 'sendVoice', { chat_id: 'g1', voice_url: 'https://x.org/a.aac' })).body.ok).toBe(true);
    expect(f.sentTo('g1')[0]?.delivered).toBe(false);
  });
});

describe('FakeZalo driver', () => {
  it('sendUnsupported carries no content; groups carry the group as chat', async () => {
    const f = await start();
    const u = await f.sendUnsupported('u1');
    expect(u.event_name).toBe('message.unsupported.received');
    expect(u.message.text).toBeUndefined();
    const g = await f.sendText('u2', '@Bot báo cáo', { groupId: 'g9' });
    expect(g.message.chat).toEqual({ id: 'g9', chat_type: 'GROUP' });
    expect(g.message.from.id).toBe('u2');
  });

  it('waitForMessages resolves on the nth message and explains a timeout', async () => {
    const f = await start();
    await f.sendText('u1', 'hi');
    const waiting = f.waitForMessages('u1', 2, 1000);
    await call(f, 'sendMessage', { chat_id: 'u1', text: 'một' });
    await call(f, 'sendMessage', { chat_id: 'u1', text: 'hai' });
    expect((await waiting).map((m) => m.text)).toEqual(['một', 'hai']);
    expect(f.lastText('u1')).toBe('hai');
    await expect(f.waitForMessages('u1', 3, 50)).rejects.toThrow(/expected 3 message\(s\) to u1 within 50 ms, got 2/);
    expect(f.allSent()).toHaveLength(2);
    expect(f.stats()).toMatchObject({ sent: 2, calls: { sendMessage: 2 } });
  });
});
