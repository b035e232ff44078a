/**
 * A local fake of the Zalo Bot Platform API (shared/ZALO_BOT_API.md), faithful
 * to the API as documented AND as observed, for tests that go through real HTTP.
 *
 * Behaviour (documented → here):
 * - `POST|GET /bot<token>/<method>`, JSON / urlencoded / query params; a wrong
 *   token → `{ok:false,error_code:401,description:'Unauthorized'}`; an unknown
 *   (case-sensitive) method → 400. A path that is not `/bot…/…` gets an HTML 404
 *   that echoes the path (token included), to prove clients do not leak it.
 * - The HTTP status mirrors `error_code` by default (`httpStatus: 'mirror'`);
 *   `'always200'` answers every envelope with 200. Real Zalo is undocumented here.
 * - The 11 methods: getMe, getUpdates, setWebhook, deleteWebhook, getWebhookInfo,
 *   testWebhook, sendMessage, sendPhoto, sendSticker, sendVoice, sendChatAction.
 * - getUpdates returns ONE update as `result: {event_name, message}`; after
 *   `timeout` seconds (number or string, fractions allowed, capped by
 *   `maxPollWaitMs`) it answers `ok:false,error_code:408,description:'Request timeout'`.
 *   While a webhook is set it fails with 400 and a description mentioning the webhook.
 *   Updates injected while nobody polls are queued (`dropUpdatesWhenNoPoller`
 *   reproduces the one report that they are lost). A poll whose client went away
 *   never swallows an update.
 * - setWebhook needs `url` (http(s); `strictWebhookUrl` also demands public HTTPS)
 *   and `secret_token` of 8–256 chars. Injected messages are then POSTed there
 *   with `X-Bot-Api-Secret-Token`, `User-Agent: Java/17.0.8`, in the `flat`
 *   (observed, default) or `wrapped` (documented) body shape, one at a time in order.
 * - sendMessage: `text` 1–2000 UTF-16 units, `parse_mode` only `markdown`|`html`
 *   (lower case), `reply_markup` and other unknown fields ignored (recorded in `ignored`).
 *   sendPhoto: `photo` must be an http(s) URL; with `fetchPhotos` it is fetched
 *   (n times for a number): the first fetch must serve `image/*` or the call
 *   fails with 400; a later failed fetch is accepted but marks the message
 *   `delivered: false` (Zalo renders a black image).
 *   sendVoice: `.aac` only; to a group it is accepted but not delivered.
 * - A bot may only message chats that wrote to it (`requireKnownChat`, default
 *   true): other chat ids → `404 'Not found: unknown chat_id'`.
 * - `unreachable(chatId)`: sends and chat actions to it fail with
 *   `error_code: 404, description: 'Not found: user is unreachable'` — a
 *   permanent per-recipient failure that clients must not retry.
 * - Quota: more than `quotaPerSecond` accepted sends within one second →
 *   `ok:false,error_code:429,description:'Quota exceeded'` (send* methods only).
 * - testWebhook: probes the webhook, `{ok, url, outcome, hint}`; over
 *   `testWebhookDailyLimit` it answers 426 with the camelCase `errorCode` one mirror shows.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import type { ZaloMessage, ZaloUpdate } from '../../../bot/zalo/types.ts';

export interface FakeZaloOptions {
  /** Default `1234567890:fake-token-abcdef`. */
  token?: string;
  /** Accepted sends per rolling second before 429. Default unlimited (Zalo publishes no number). */
  quotaPerSecond?: number;
  /** Cap on how long one getUpdates waits, whatever `timeout` says. Default 30 000 ms. */
  maxPollWaitMs?: number;
  /** Webhook body: `flat` `{event_name,message}` (observed) or `wrapped` `{ok,result}` (documented). Default flat. */
  webhookBodyShape?: 'flat' | 'wrapped';
  /** `serial` (default): one webhook POST at a time, in order. `parallel`: all at once. */
  webhookDelivery?: 'serial' | 'parallel';
  /** Extra POSTs after a non-2xx/failed webhook delivery (retry policy is undocumented). Default 0. */
  webhookRetries?: number;
  webhookRetryDelayMs?: number;
  /** Default 5000 ms. */
  webhookTimeoutMs?: number;
  /** HTTP status of error envelopes: `mirror` error_code (default) or `always200`. */
  httpStatus?: 'mirror' | 'always200';
  /** Fetch sendPhoto URLs (true = once, n = n times). Default false. */
  fetchPhotos?: boolean | number;
  /** Refuse sends to chats that never wrote to the bot. Default true. */
  requireKnownChat?: boolean;
  /** Drop injected updates when no getUpdates is open (one report says Zalo does). Default false: queue them. */
  dropUpdatesWhenNoPoller?: boolean;
  /** setWebhook demands public HTTPS (no localhost/private IPs). Default false so tests can use a local server. */
  strictWebhookUrl?: boolean;
  /** Echo the bot's own sendMessage back as an update with `from.is_bot: true` (claimed by one source). Default false. */
  echoBotMessages?: boolean;
  /** Default 5 per UTC day. */
  testWebhookDailyLimit?: number;
  botName?: string;
  canJoinGroups?: boolean;
  /** Injectable clock (epoch ms) for `date` and `updated_at`. */
  now?: () => number;
}

export type FakeSendMethod = 'sendMessage' | 'sendPhoto' | 'sendSticker' | 'sendVoice';

/** What the bot sent, as the fake recorded it. */
export interface FakeSentMessage {
  method: FakeSendMethod;
  chat_id: string;
  message_id: string;
  date: number;
  text?: string;
  parse_mode?: string;
  text_styles?: unknown;
  photo?: string;
  caption?: string;
  sticker?: string;
  voice_url?: string;
  /** Fields Zalo does not support and ignored, e.g. `reply_markup`. */
  ignored: string[];
  /** False when Zalo answered ok but nothing would arrive (voice to a group, photo URL broken on a later fetch). */
  delivered: boolean;
}

export interface FakeChatAction {
  chat_id: string;
  action: string;
  at: number;
}

export interface FakeWebhookDelivery {
  message_id: string;
  event_name: string;
  attempt: number;
  /** HTTP status, or undefined when the request failed. */
  status?: number;
  error?: string;
}

export interface FakeZaloStats {
  calls: Record<string, number>;
  sent: number;
  chatActions: number;
  rejected: { quota: number; invalid: number; injected: number; unauthorized: number };
  updatesInjected: number;
  updatesPolled: number;
  updatesDropped: number;
  webhookPosts: number;
  pendingUpdates: number;
  openPolls: number;
}

export interface InjectOptions {
  displayName?: string;
  /** Deliver as a group message: `chat = { id: groupId, chat_type: 'GROUP' }`. */
  groupId?: string;
  /** Default a fresh 20-hex id. */
  messageId?: string;
}

type Params = Record<string, unknown>;
type Outcome =
  | { ok: true; result?: unknown }
  | { ok: false; error_code: number; description: string; camelCase?: boolean; rawBody?: string; httpStatus?: number };

interface InjectedFailure {
  error_code: number;
  description: string;
  httpStatus?: number;
  rawBody?: string;
  /** Destroy the connection without answering (a network error). */
  drop?: boolean;
}

interface Poller {
  res: ServerResponse;
  timer: NodeJS.Timeout;
  settled: boolean;
}

const METHODS = new Set([
  'getMe',
  'getUpdates',
  'setWebhook',
  'deleteWebhook',
  'getWebhookInfo',
  'testWebhook',
  'sendMessage',
  'sendPhoto',
  'sendSticker',
  'sendVoice',
  'sendChatAction',
]);
const SEND_METHODS = new Set(['sendMessage', 'sendPhoto', 'sendSticker', 'sendVoice']);
const TEXT_LIMIT = 2000;

/** Default descriptions, from the docs' error table. */
const DESCRIPTIONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Internal server error',
  404: 'Not found',
  408: 'Request timeout',
  429: 'Quota exceeded',
};

/** A Zalo-like id: 20 hex characters. */
export function zaloId(): string {
  return randomBytes(10).toString('hex');
}

export class FakeZalo {
  readonly token: string;
  readonly #server: Server;
  readonly #options: FakeZaloOptions;
  readonly #now: () => number;
  #apiRoot = '';

  #webhook: { url: string; secret: string; updated_at: number } | null = null;
  #webhookUpdatedAt = 0;
  #deliveryChain: Promise<void> = Promise.resolve();
  readonly #deliveryAbort = new AbortController();
  readonly #deliveries: FakeWebhookDelivery[] = [];

  readonly #queue: ZaloUpdate[] = [];
  readonly #pollers: Poller[] = [];
  readonly #history = new Map<string, ZaloUpdate>();
  readonly #knownChats = new Set<string>();
  readonly #unreachable = new Set<string>();
  readonly #failures = new Map<string, InjectedFailure[]>();
  readonly #sent: FakeSentMessage[] = [];
  readonly #actions: FakeChatAction[] = [];
  readonly #sendTimes: number[] = [];
  readonly #testWebhookCalls = new Map<string, number>();
  #messageWaiters: Array<() => void> = [];
  readonly #stats: FakeZaloStats = {
    calls: {},
    sent: 0,
    chatActions: 0,
    rejected: { quota: 0, invalid: 0, injected: 0, unauthorized: 0 },
    updatesInjected: 0,
    updatesPolled: 0,
    updatesDropped: 0,
    webhookPosts: 0,
    pendingUpdates: 0,
    openPolls: 0,
  };

  private constructor(options: FakeZaloOptions) {
    this.#options = options;
    this.token = options.token ?? '1234567890:fake-token-abcdef';
    this.#now = options.now ?? Date.now;
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) {
          res.statusCode = 500;
          res.end(JSON.stringify({ ok: false, error_code: 500, description: `fake crashed: ${String(err)}` }));
        }
      });
    });
  }

  /** Starts on 127.0.0.1 with a random port. */
  static async start(options: FakeZaloOptions = {}): Promise<FakeZalo> {
    const fake = new FakeZalo(options);
    await new Promise<void>((resolve) => fake.#server.listen(0, '127.0.0.1', resolve));
    const { port } = fake.#server.address() as AddressInfo;
    fake.#apiRoot = `http://127.0.0.1:${port}`;
    return fake;
  }

  /** Pass as the client's `apiRoot`. */
  get apiRoot(): string {
    return this.#apiRoot;
  }

  /** The webhook currently set, if any. */
  get webhook(): { url: string; secret: string } | null {
    return this.#webhook === null ? null : { url: this.#webhook.url, secret: this.#webhook.secret };
  }

  async close(): Promise<void> {
    this.#deliveryAbort.abort();
    for (const p of this.#pollers.splice(0)) {
      clearTimeout(p.timer);
      p.settled = true;
      p.res.destroy();
    }
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }

  // ─── Driver API: what users do ────────────────────────────────────────────

  /** A user writes text to the bot (event `message.text.received`). Resolves once delivered or queued. */
  sendText(userId: string, text: string, options: InjectOptions = {}): Promise<ZaloUpdate> {
    return this.inject(this.#update('message.text.received', userId, options, { text }));
  }

  /** A user sends a photo; live Zalo puts its URL in `photo_url` (pass `field: 'photo'` for the documented shape). */
  sendImage(
    userId: string,
    url: string,
    options: InjectOptions & { caption?: string; field?: 'photo_url' | 'photo' } = {},
  ): Promise<ZaloUpdate> {
    const extra: Partial<ZaloMessage> = { [options.field ?? 'photo_url']: url };
    if (options.caption !== undefined) extra.caption = options.caption;
    return this.inject(this.#update('message.image.received', userId, options, extra));
  }

  sendSticker(userId: string, stickerId: string, options: InjectOptions = {}): Promise<ZaloUpdate> {
    return this.inject(
      this.#update('message.sticker.received', userId, options, {
        sticker: stickerId,
        url: `https://zalo-api.zadn.vn/api/emoticon/sticker/webpc?eid=${stickerId}`,
      }),
    );
  }

  /** A user sends a voice message (event `message.voice.received`); Zalo hosts the clip at `voiceUrl`. */
  sendVoice(userId: string, voiceUrl: string, options: InjectOptions = {}): Promise<ZaloUpdate> {
    return this.inject(this.#update('message.voice.received', userId, options, { voice_url: voiceUrl }));
  }

  /** What a protected user (or an unsupported message type) produces: no content at all. */
  sendUnsupported(userId: string, options: InjectOptions = {}): Promise<ZaloUpdate> {
    return this.inject(this.#update('message.unsupported.received', userId, options, {}));
  }

  /** Delivers any update as is (webhook POST or getUpdates queue). */
  async inject(update: ZaloUpdate): Promise<ZaloUpdate> {
    if (!update.message.from.is_bot) this.#knownChats.add(update.message.chat.id);
    this.#history.set(update.message.message_id, update);
    this.#stats.updatesInjected++;
    await this.#offer(update);
    return update;
  }

  /** Delivers an earlier update again, same event_name and message_id (to test dedupe). */
  async redeliver(messageId: string): Promise<ZaloUpdate> {
    const update = this.#history.get(messageId);
    if (update === undefined) throw new Error(`FakeZalo.redeliver: no update with message_id ${messageId}`);
    await this.#offer(update);
    return update;
  }

  /** Lets the bot message a chat that never wrote to it (e.g. seeded users). */
  knowChat(chatId: string): void {
    this.#knownChats.add(chatId);
  }

  // ─── Failure injection ────────────────────────────────────────────────────

  /**
   * The next call(s) of `method` answer `ok:false` with `code`. `rawBody`
   * answers that text instead of an envelope (e.g. a proxy's HTML 502);
   * `httpStatus` overrides the status line.
   */
  failNext(
    method: string,
    code: number,
    description: string = DESCRIPTIONS[code] ?? `Error ${code}`,
    options: { times?: number; httpStatus?: number; rawBody?: string } = {},
  ): void {
    const list = this.#failures.get(method) ?? [];
    for (let i = 0; i < (options.times ?? 1); i++) {
      list.push({
        error_code: code,
        description,
        ...(options.httpStatus === undefined ? {} : { httpStatus: options.httpStatus }),
        ...(options.rawBody === undefined ? {} : { rawBody: options.rawBody }),
      });
    }
    this.#failures.set(method, list);
  }

  /** The next call(s) of `method` get their connection destroyed without an answer (a network error). */
  dropNext(method: string, times = 1): void {
    const list = this.#failures.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push({ error_code: 0, description: '', drop: true });
    this.#failures.set(method, list);
  }

  /** Sends and chat actions to `chatId` fail with 404 'Not found: user is unreachable' (blocked the bot, left…). */
  unreachable(chatId: string, on = true): void {
    if (on) this.#unreachable.add(chatId);
    else this.#unreachable.delete(chatId);
  }

  // ─── Assertions ───────────────────────────────────────────────────────────

  sentTo(chatId: string): FakeSentMessage[] {
    return this.#sent.filter((m) => m.chat_id === chatId);
  }

  allSent(): FakeSentMessage[] {
    return [...this.#sent];
  }

  chatActions(chatId?: string): FakeChatAction[] {
    return this.#actions.filter((a) => chatId === undefined || a.chat_id === chatId);
  }

  /** Text of the last message to `chatId` (a photo's caption if that came last). */
  lastText(chatId: string): string | undefined {
    const last = this.sentTo(chatId).at(-1);
    return last?.text ?? last?.caption;
  }

  /** Resolves with everything sent to `chatId` once there are at least `n` messages; rejects after `timeoutMs`. */
  waitForMessages(chatId: string, n: number, timeoutMs = 30_000): Promise<FakeSentMessage[]> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const got = this.sentTo(chatId);
        if (got.length >= n) {
          clearTimeout(timer);
          resolve(got);
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        this.#messageWaiters = this.#messageWaiters.filter((w) => w !== listener);
        const got = this.sentTo(chatId).map((m) => JSON.stringify((m.text ?? m.caption ?? m.method).slice(0, 80)));
        reject(new Error(`FakeZalo: expected ${n} message(s) to ${chatId} within ${timeoutMs} ms, got ${got.length}: [${got.join(', ')}]`));
      }, timeoutMs);
      const listener = (): void => {
        if (!check()) this.#messageWaiters.push(listener);
      };
      if (!check()) this.#messageWaiters.push(listener);
    });
  }

  /** Every webhook POST attempt, in order. */
  webhookDeliveries(): FakeWebhookDelivery[] {
    return [...this.#deliveries];
  }

  stats(): FakeZaloStats {
    return {
      ...this.#stats,
      calls: { ...this.#stats.calls },
      rejected: { ...this.#stats.rejected },
      pendingUpdates: this.#queue.length,
      openPolls: this.#pollers.length,
    };
  }

  // ─── HTTP ─────────────────────────────────────────────────────────────────

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const route = /^\/bot([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (route === null) {
      req.resume();
      const html = `<html><body><h1>404 Not Found</h1><p>Cannot ${req.method ?? ''} ${escapeHtml(url.pathname)}</p></body></html>`;
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      return;
    }
    const body = await readAll(req);
    let params: Params;
    try {
      params = { ...Object.fromEntries(url.searchParams), ...parseBody(body, req.headers['content-type']) };
    } catch {
      this.#stats.rejected.invalid++;
      this.#send(res, { ok: false, error_code: 400, description: 'Bad Request: body is not valid JSON' });
      return;
    }
    if (decodeURIComponent(route[1] ?? '') !== this.token) {
      this.#stats.rejected.unauthorized++;
      this.#send(res, { ok: false, error_code: 401, description: 'Unauthorized' });
      return;
    }
    const method = route[2] ?? '';
    if (!METHODS.has(method)) {
      this.#stats.rejected.invalid++;
      this.#send(res, { ok: false, error_code: 400, description: `Bad Request: unknown method '${method}'` });
      return;
    }
    this.#stats.calls[method] = (this.#stats.calls[method] ?? 0) + 1;

    const failure = this.#failures.get(method)?.shift();
    if (failure !== undefined) {
      this.#stats.rejected.injected++;
      if (failure.drop === true) {
        res.destroy();
        return;
      }
      this.#send(res, { ok: false, ...failure });
      return;
    }

    if (method === 'getUpdates') {
      this.#getUpdates(params, res);
      return;
    }
    const outcome = await this.#call(method, params);
    this.#send(res, outcome);
  }

  #send(res: ServerResponse, outcome: Outcome): void {
    if (res.headersSent || res.destroyed) return;
    if (!outcome.ok && outcome.rawBody !== undefined) {
      res.writeHead(outcome.httpStatus ?? outcome.error_code, { 'content-type': 'text/html; charset=utf-8' });
      res.end(outcome.rawBody);
      return;
    }
    let envelope: Record<string, unknown>;
    let status = 200;
    if (outcome.ok) {
      envelope = outcome.result === undefined ? { ok: true } : { ok: true, result: outcome.result };
    } else {
      envelope = outcome.camelCase
        ? { ok: false, errorCode: outcome.error_code, description: outcome.description }
        : { ok: false, error_code: outcome.error_code, description: outcome.description };
      if (this.#options.httpStatus !== 'always200') status = outcome.error_code;
      if (outcome.httpStatus !== undefined) status = outcome.httpStatus;
      if (status < 200 || status > 599) status = 200;
    }
    const text = JSON.stringify(envelope);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  async #call(method: string, p: Params): Promise<Outcome> {
    switch (method) {
      case 'getMe':
        return {
          ok: true,
          result: {
            id: /^\d+$/.test(this.token.split(':')[0] ?? '') ? this.token.split(':')[0] : '1234567890',
            account_name: `bot.${this.#options.botName ?? 'FakeNq57'}`,
            account_type: 'BASIC',
            can_join_groups: this.#options.canJoinGroups ?? false,
          },
        };
      case 'setWebhook':
        return this.#setWebhook(p);
      case 'deleteWebhook':
        this.#webhook = null;
        this.#webhookUpdatedAt = this.#now();
        return { ok: true, result: { url: '', updated_at: this.#webhookUpdatedAt } };
      case 'getWebhookInfo':
        return { ok: true, result: { url: this.#webhook?.url ?? '', updated_at: this.#webhookUpdatedAt } };
      case 'testWebhook':
        return this.#testWebhook();
      case 'sendChatAction':
        return this.#chatAction(p);
      default:
        return this.#sendMethod(method as FakeSendMethod, p);
    }
  }

  // ─── getUpdates ───────────────────────────────────────────────────────────

  #getUpdates(p: Params, res: ServerResponse): void {
    if (this.#webhook !== null) {
      this.#send(res, { ok: false, error_code: 400, description: 'Bad Request: a webhook is set; call deleteWebhook to use getUpdates' });
      return;
    }
    const next = this.#queue.shift();
    if (next !== undefined) {
      this.#stats.updatesPolled++;
      this.#send(res, { ok: true, result: next });
      return;
    }
    const seconds = Number.parseFloat(String(p.timeout ?? '30'));
    const waitMs = Math.min(Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 30_000, this.#options.maxPollWaitMs ?? 30_000);
    const poller: Poller = {
      res,
      settled: false,
      timer: setTimeout(() => {
        this.#removePoller(poller);
        this.#send(res, { ok: false, error_code: 408, description: 'Request timeout' });
      }, waitMs),
    };
    // A client that gave up must not swallow the next update.
    res.once('close', () => this.#removePoller(poller));
    this.#pollers.push(poller);
  }

  #removePoller(poller: Poller): void {
    poller.settled = true;
    clearTimeout(poller.timer);
    const i = this.#pollers.indexOf(poller);
    if (i >= 0) this.#pollers.splice(i, 1);
  }

  async #offer(update: ZaloUpdate): Promise<void> {
    if (this.#webhook !== null) {
      const hook = this.#webhook;
      if (this.#options.webhookDelivery === 'parallel') {
        await this.#deliverWithRetries(hook, update);
        return;
      }
      const run = this.#deliveryChain.then(() => this.#deliverWithRetries(hook, update));
      this.#deliveryChain = run.catch(() => {});
      await run;
      return;
    }
    const poller = this.#pollers.find((p) => !p.settled && !p.res.destroyed);
    if (poller !== undefined) {
      this.#removePoller(poller);
      this.#stats.updatesPolled++;
      this.#send(poller.res, { ok: true, result: update });
      return;
    }
    if (this.#options.dropUpdatesWhenNoPoller === true) {
      this.#stats.updatesDropped++;
      return;
    }
    this.#queue.push(update);
  }

  // ─── Webhook ──────────────────────────────────────────────────────────────

  #setWebhook(p: Params): Outcome {
    const url = typeof p.url === 'string' ? p.url : '';
    const secret = p.secret_token;
    if (url === '' || !isWebhookUrl(url, this.#options.strictWebhookUrl === true)) {
      return this.#invalid('Bad Request: url must be a public HTTPS URL');
    }
    if (typeof secret !== 'string' || secret.length < 8 || secret.length > 256) {
      return this.#invalid('Bad Request: secret_token must be 8-256 characters');
    }
    this.#webhookUpdatedAt = this.#now();
    this.#webhook = { url, secret, updated_at: this.#webhookUpdatedAt };
    // Open long polls cannot go on once a webhook is set.
    for (const poller of [...this.#pollers]) {
      this.#removePoller(poller);
      this.#send(poller.res, { ok: false, error_code: 400, description: 'Bad Request: a webhook is set; call deleteWebhook to use getUpdates' });
    }
    return { ok: true, result: { url, updated_at: this.#webhookUpdatedAt } };
  }

  async #testWebhook(): Promise<Outcome> {
    if (this.#webhook === null) return this.#invalid('Bad Request: no webhook is set');
    const day = new Date(this.#now()).toISOString().slice(0, 10);
    const used = this.#testWebhookCalls.get(day) ?? 0;
    if (used >= (this.#options.testWebhookDailyLimit ?? 5)) {
      return { ok: false, error_code: 426, description: 'Test webhook limit reached for today', camelCase: true };
    }
    this.#testWebhookCalls.set(day, used + 1);
    const { url, secret } = this.#webhook;
    let outcome: string;
    try {
      const status = await this.#post(url, secret, JSON.stringify({ event_name: 'webhook.test' }));
      outcome =
        status >= 200 && status < 300
          ? 'webhook.ok'
          : status === 403 || status === 404
            ? `webhook.http.${status}`
            : status >= 500
              ? 'webhook.http.5xx'
              : 'webhook.http.other';
    } catch {
      outcome = 'webhook.err.unreachable';
    }
    const ok = outcome === 'webhook.ok';
    return { ok: true, result: { ok, url, outcome, hint: ok ? '' : 'Check that the URL is public and answers 2xx' } };
  }

  async #deliverWithRetries(hook: { url: string; secret: string }, update: ZaloUpdate): Promise<void> {
    const body = JSON.stringify(this.#options.webhookBodyShape === 'wrapped' ? { ok: true, result: update } : update);
    const attempts = 1 + (this.#options.webhookRetries ?? 0);
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (this.#deliveryAbort.signal.aborted) return;
      const record: FakeWebhookDelivery = {
        message_id: update.message.message_id,
        event_name: update.event_name,
        attempt,
      };
      this.#deliveries.push(record);
      this.#stats.webhookPosts++;
      try {
        record.status = await this.#post(hook.url, hook.secret, body);
        if (record.status >= 200 && record.status < 300) return;
      } catch (err) {
        record.error = err instanceof Error ? err.message : String(err);
      }
      if (attempt < attempts) await sleep(this.#options.webhookRetryDelayMs ?? 50);
    }
  }

  async #post(url: string, secret: string, body: string): Promise<number> {
    const timeout = this.#options.webhookTimeoutMs ?? 5000;
    const res = await request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-bot-api-secret-token': secret,
        'user-agent': 'Java/17.0.8',
      },
      body,
      signal: this.#deliveryAbort.signal,
      headersTimeout: timeout,
      bodyTimeout: timeout,
    });
    await res.body.dump();
    return res.statusCode;
  }

  // ─── Sends ────────────────────────────────────────────────────────────────

  #invalid(description: string): Outcome {
    this.#stats.rejected.invalid++;
    return { ok: false, error_code: 400, description };
  }

  /** Checks shared by every method that targets a chat. */
  #checkChat(p: Params): Outcome | string {
    const chatId = typeof p.chat_id === 'number' ? String(p.chat_id) : p.chat_id;
    if (typeof chatId !== 'string' || chatId === '') return this.#invalid('Bad Request: chat_id is required');
    if (this.#unreachable.has(chatId)) {
      this.#stats.rejected.invalid++;
      return { ok: false, error_code: 404, description: 'Not found: user is unreachable' };
    }
    if (this.#options.requireKnownChat !== false && !this.#knownChats.has(chatId)) {
      this.#stats.rejected.invalid++;
      return { ok: false, error_code: 404, description: 'Not found: unknown chat_id' };
    }
    return chatId;
  }

  #chatAction(p: Params): Outcome {
    const chat = this.#checkChat(p);
    if (typeof chat !== 'string') return chat;
    if (p.action !== 'typing' && p.action !== 'upload_photo') {
      return this.#invalid('Bad Request: action must be "typing"');
    }
    this.#actions.push({ chat_id: chat, action: p.action, at: this.#now() });
    this.#stats.chatActions++;
    return { ok: true }; // no `result`, as documented
  }

  #quotaExceeded(): boolean {
    const limit = this.#options.quotaPerSecond;
    if (limit === undefined) return false;
    const now = Date.now();
    while (this.#sendTimes.length > 0 && (this.#sendTimes[0] ?? 0) <= now - 1000) this.#sendTimes.shift();
    return this.#sendTimes.length >= limit;
  }

  async #sendMethod(method: FakeSendMethod, p: Params): Promise<Outcome> {
    if (!SEND_METHODS.has(method)) return this.#invalid(`Bad Request: unknown method '${method}'`);
    if (this.#quotaExceeded()) {
      this.#stats.rejected.quota++;
      return { ok: false, error_code: 429, description: 'Quota exceeded' };
    }
    const chat = this.#checkChat(p);
    if (typeof chat !== 'string') return chat;

    const known = new Set(['chat_id']);
    const record: FakeSentMessage = {
      method,
      chat_id: chat,
      message_id: zaloId(),
      date: this.#now(),
      ignored: [],
      delivered: true,
    };

    if (method === 'sendMessage') {
      known.add('text').add('parse_mode').add('text_styles');
      if (typeof p.text !== 'string' || p.text.length < 1 || p.text.length > TEXT_LIMIT) {
        return this.#invalid('Bad Request: text must be 1-2000 characters');
      }
      if (p.parse_mode !== undefined && p.parse_mode !== 'markdown' && p.parse_mode !== 'html') {
        return this.#invalid('Bad Request: parse_mode must be "markdown" or "html"');
      }
      record.text = p.text;
      if (p.parse_mode !== undefined) record.parse_mode = p.parse_mode;
      if (p.text_styles !== undefined) record.text_styles = p.text_styles;
    } else if (method === 'sendPhoto') {
      known.add('photo').add('caption');
      if (typeof p.photo !== 'string' || !isHttpUrl(p.photo)) return this.#invalid('Bad Request: photo must be an image URL');
      if (p.caption !== undefined && (typeof p.caption !== 'string' || p.caption.length > TEXT_LIMIT)) {
        return this.#invalid('Bad Request: caption must be 1-2000 characters');
      }
      record.photo = p.photo;
      if (typeof p.caption === 'string' && p.caption !== '') record.caption = p.caption;
      const fetches = this.#options.fetchPhotos === true ? 1 : typeof this.#options.fetchPhotos === 'number' ? this.#options.fetchPhotos : 0;
      for (let i = 0; i < fetches; i++) {
        const good = await fetchesAsImage(p.photo);
        if (!good && i === 0) return this.#invalid('Bad Request: photo URL did not serve an image');
        if (!good) record.delivered = false;
      }
    } else if (method === 'sendSticker') {
      known.add('sticker');
      if (typeof p.sticker !== 'string' || p.sticker === '') return this.#invalid('Bad Request: sticker is required');
      record.sticker = p.sticker;
    } else {
      known.add('voice_url');
      if (typeof p.voice_url !== 'string' || !isHttpUrl(p.voice_url) || !new URL(p.voice_url).pathname.endsWith('.aac')) {
        return this.#invalid('Bad Request: voice_url must be an .aac file URL');
      }
      record.voice_url = p.voice_url;
      // Documented: 1-1 only; a group may answer ok while nothing arrives.
      if (this.#isGroup(chat)) record.delivered = false;
    }
    record.ignored = Object.keys(p).filter((k) => !known.has(k));

    this.#sendTimes.push(Date.now());
    this.#sent.push(record);
    this.#stats.sent++;
    const waiters = this.#messageWaiters;
    this.#messageWaiters = [];
    for (const w of waiters) w();

    if (this.#options.echoBotMessages === true && method === 'sendMessage') {
      const echo: ZaloUpdate = {
        event_name: 'message.text.received',
        message: {
          message_id: record.message_id,
          date: record.date,
          from: { id: this.token.split(':')[0] ?? 'bot', display_name: this.#options.botName ?? 'Bot FakeNq57', is_bot: true },
          chat: { id: chat, chat_type: this.#isGroup(chat) ? 'GROUP' : 'PRIVATE' },
          ...(record.text === undefined ? {} : { text: record.text }),
        },
      };
      void this.inject(echo);
    }
    return { ok: true, result: { message_id: record.message_id, date: record.date } };
  }

  #isGroup(chatId: string): boolean {
    for (const u of this.#history.values()) {
      if (u.message.chat.id === chatId) return u.message.chat.chat_type === 'GROUP';
    }
    return false;
  }

  #update(eventName: string, userId: string, options: InjectOptions, extra: Partial<ZaloMessage>): ZaloUpdate {
    return {
      event_name: eventName,
      message: {
        message_id: options.messageId ?? zaloId(),
        date: this.#now(),
        from: { id: userId, display_name: options.displayName ?? `Người dùng ${userId.slice(0, 4)}`, is_bot: false },
        chat: options.groupId === undefined ? { id: userId, chat_type: 'PRIVATE' } : { id: options.groupId, chat_type: 'GROUP' },
        ...extra,
      },
    };
  }
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseBody(body: Buffer, contentType: string | undefined): Params {
  const text = body.toString('utf8');
  if (text.trim() === '') return {};
  if ((contentType ?? '').includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  const json: unknown = JSON.parse(text);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('not an object');
  return json as Params;
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function isWebhookUrl(s: string, strict: boolean): boolean {
  if (!isHttpUrl(s)) return false;
  if (!strict) return true;
  const u = new URL(s);
  if (u.protocol !== 'https:') return false;
  const host = u.hostname;
  return !(
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\./.test(host) ||
    /^10\./.test(host) ||
    /^192\.168\./.test(host) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(host) ||
    /^169\.254\./.test(host) ||
    host === '[::1]' ||
    host === '0.0.0.0'
  );
}

async function fetchesAsImage(url: string): Promise<boolean> {
  try {
    const res = await request(url, { method: 'GET', signal: AbortSignal.timeout(5000) });
    await res.body.dump();
    const type = String(res.headers['content-type'] ?? '');
    return res.statusCode >= 200 && res.statusCode < 300 && type.startsWith('image/');
  } catch {
    return false;
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
