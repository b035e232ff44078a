/**
 * A local fake of the Telegram Bot API server for end-to-end tests: the real
 * grammY `Bot` talks to it over HTTP (`client: { apiRoot: fake.apiRoot }`),
 * by long polling or through a webhook, and tests drive it as the users.
 *
 *   const tg = await FakeTelegram.start();
 *   const bot = new Bot(tg.token, { client: { apiRoot: tg.apiRoot } });
 *   tg.addUser({ id: 42, first_name: 'Lan' });
 *   await tg.sendText(42, 'xin chào');
 *   const [reply] = await tg.waitForMessages(42, 1);
 *
 * Faithful where a bot can get it wrong: parse_mode errors with Telegram's own
 * descriptions, length limits, BUTTON_DATA_INVALID, "message is not
 * modified", chat not found / blocked, offsets and confirmation in
 * getUpdates, webhook secret header and retries, 429 with retry_after.
 * Known simplifications are listed in README.md next to this file.
 */
import http from 'node:http';
import https from 'node:https';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import type { BotCommand, Update, User, UserFromGetMe } from 'grammy/types';
import {
  EntityParseError,
  UnsupportedParseModeError,
  detectEntities,
  formatText,
  normalizeUrl,
  type Entity,
  type FormattedText,
} from './formatting.ts';
import { BodyParseError, parseBody, type FilePart } from './request-body.ts';
import { RateLimiter, type RateStats } from './rate-limiter.ts';
import { TINY_PNG, fitWithin, imageInfo, mimeTypeFor } from './files.ts';
import type {
  ApiCall,
  Button,
  CallbackAnswer,
  CommandsQuery,
  FakeTelegramOptions,
  FakeUserInput,
  InjectedFailure,
  KeyboardButtonInfo,
  ReplyMarkup,
  SentEdit,
  SentFile,
  SentMessage,
  UploadedFile,
} from './types.ts';

export type * from './types.ts';

// ------------------------------------------------------------------ errors

/** An error answer of the Bot API: `{ ok: false, error_code, description, parameters? }`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly description: string,
    readonly retryAfter?: number,
  ) {
    super(description);
  }

  toJSON(): Record<string, unknown> {
    return {
      ok: false,
      error_code: this.status,
      description: this.description,
      ...(this.retryAfter !== undefined ? { parameters: { retry_after: this.retryAfter } } : {}),
    };
  }
}

const badRequest = (what: string) => new ApiError(400, `Bad Request: ${what}`);
const tooManyRequests = (retryAfter: number) =>
  new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, retryAfter);
const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

/** A successful result that also carries Telegram's `description` (setWebhook and friends). */
class Described {
  constructor(
    readonly result: unknown,
    readonly description: string,
  ) {}
}

// ------------------------------------------------------------ constants

/** Calls that put something in a chat and count towards flood limits. */
const SEND_METHODS = new Set([
  'sendMessage', 'sendPhoto', 'sendDocument', 'sendAudio', 'sendVideo', 'sendVoice', 'sendAnimation',
  'sendSticker', 'sendContact', 'sendLocation', 'sendMediaGroup', 'copyMessage', 'forwardMessage',
  'editMessageText', 'editMessageCaption', 'editMessageReplyMarkup', 'editMessageMedia',
]);

const CHAT_ACTIONS = new Set([
  'typing', 'upload_photo', 'record_video', 'upload_video', 'record_voice', 'upload_voice',
  'upload_document', 'choose_sticker', 'find_location', 'record_video_note', 'upload_video_note',
]);

const MAX_BODY_BYTES = 50 * 1024 * 1024;
const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;
const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;
const DEFAULT_TOKEN = '123456789:fake-telegram-token';

// -------------------------------------------------------- internal state

interface UserState {
  user: User;
  /** The user has opened the bot (a private chat exists). */
  started: boolean;
  blocked: boolean;
}

type Msg = Record<string, unknown>;

interface StoredMessage {
  message: Msg;
  fromBot: boolean;
  deleted: boolean;
  sent?: SentMessage;
}

interface ChatState {
  chat: { id: number; type: string; [key: string]: unknown };
  chatInstance: string;
  nextMessageId: number;
  messages: Map<number, StoredMessage>;
  sent: SentMessage[];
  keyboard?: KeyboardButtonInfo[][];
}

interface FileRecord {
  file_unique_id: string;
  kind: 'document' | 'photo' | 'voice' | 'audio';
  bytes: Buffer;
  file_name?: string;
  mime_type?: string;
  width?: number;
  height?: number;
  file_path: string;
}

interface QueuedUpdate {
  update: Update;
  /** Put back by `redeliver`: handed out again even though its id was confirmed. */
  forced: boolean;
  handedOut: boolean;
}

interface LongPoll {
  wake: () => void;
  terminate: (error: ApiError) => void;
}

interface Webhook {
  url: string;
  secret_token?: string;
  max_connections: number;
  allowed_updates?: string[];
  last_error_date?: number;
  last_error_message?: string;
  attempts: number;
}

interface Waiter {
  check: () => boolean;
  fail: (error: Error) => void;
}

interface CallContext {
  signal: AbortSignal;
}

type Handler = (p: Params, ctx: CallContext) => unknown;

const NETWORK_FAILURE = Symbol('network failure');

interface PhotoSizeJson {
  file_id: string;
  file_unique_id: string;
  file_size: number;
  width: number;
  height: number;
}

// ------------------------------------------------------------- params

/** Request parameters with Telegram's lenient typing: "42" and 42 are both a number. */
class Params {
  constructor(
    readonly raw: Record<string, unknown>,
    readonly files: Map<string, FilePart>,
  ) {}

  str(key: string): string | undefined {
    const v = this.raw[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return JSON.stringify(v);
  }

  int(key: string): number | undefined {
    const v = this.raw[key];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
    throw badRequest(`invalid ${key} specified`);
  }

  bool(key: string): boolean {
    const v = this.raw[key];
    return v === true || v === 'true' || v === 1 || v === '1';
  }

  /** A JSON-serialized parameter: an object in JSON bodies, a string in form bodies. */
  json<T>(key: string, error: string): T | undefined {
    const v = this.raw[key];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v !== 'string') return v as T;
    try {
      return JSON.parse(v) as T;
    } catch {
      throw badRequest(error);
    }
  }

  /** An InputFile parameter: an uploaded part (`attach://id` or a part of that name), a URL or a file_id. */
  file(key: string): { kind: 'upload'; part: FilePart } | { kind: 'url' | 'file_id'; value: string } | undefined {
    const direct = this.files.get(key);
    if (direct) return { kind: 'upload', part: direct };
    const v = this.str(key);
    if (v === undefined || v === '') return undefined;
    if (v.startsWith('attach://')) {
      const part = this.files.get(v.slice('attach://'.length));
      if (!part) throw badRequest(`${key} file not found in the request`);
      return { kind: 'upload', part };
    }
    if (/^https?:\/\//i.test(v)) return { kind: 'url', value: v };
    return { kind: 'file_id', value: v };
  }

  /** Parameters for logs and SentMessage.params: files become a short description. */
  describe(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(this.raw)) {
      if (typeof value === 'string' && value.startsWith('attach://')) {
        const part = this.files.get(value.slice(9));
        out[key] = part ? { file_name: part.filename, size: part.bytes.length } : value;
      } else out[key] = value;
    }
    for (const [key, part] of this.files) {
      if (!(key in out) && !Object.values(this.raw).includes(`attach://${key}`)) {
        out[key] = { file_name: part.filename, size: part.bytes.length };
      }
    }
    return out;
  }
}

// ------------------------------------------------------------- the fake

export class FakeTelegram {
  /** Base URL for grammY's `client.apiRoot` (no trailing slash). */
  readonly apiRoot: string;
  readonly token: string;
  /** What getMe answers. */
  readonly botInfo: UserFromGetMe;

  private readonly options: Required<Omit<FakeTelegramOptions, 'token' | 'botUsername' | 'botName'>>;
  private readonly limiter: RateLimiter;
  private readonly handlers: Record<string, Handler>;
  private readonly canonicalMethods: Map<string, string>;

  private readonly users = new Map<number, UserState>();
  private readonly chats = new Map<number, ChatState>();
  private readonly files = new Map<string, FileRecord>();
  private readonly filesByPath = new Map<string, FileRecord>();
  private readonly queue: QueuedUpdate[] = [];
  private readonly history = new Map<number, Update>();
  private nextUpdateId = 100_000;
  private poll: LongPoll | undefined;
  private webhookState: Webhook | undefined;
  private delivering = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private inflightWebhook: http.ClientRequest | undefined;
  private readonly deliveryWaiters = new Map<number, Array<() => void>>();
  private readonly failures = new Map<string, InjectedFailure[]>();
  private readonly delays: Array<{ method: string; ms: number }> = [];
  private readonly sleeping = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  private readonly callbackQueries = new Map<string, { answered: boolean }>();
  private readonly answers: CallbackAnswer[] = [];
  private readonly commandSets = new Map<string, BotCommand[]>();
  private lastCommands: BotCommand[] | undefined;
  private readonly callLog: ApiCall[] = [];
  private readonly sentLog: SentMessage[] = [];
  private readonly uploads: UploadedFile[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly openResponses = new Set<http.ServerResponse>();
  private fileCounter = 0;
  private callbackCounter = 0;
  private closed = false;

  private constructor(
    private readonly server: http.Server,
    options: FakeTelegramOptions,
  ) {
    const { port } = server.address() as AddressInfo;
    this.apiRoot = `http://127.0.0.1:${port}`;
    this.token = options.token ?? DEFAULT_TOKEN;
    const botId = Number(/^(\d+):/.exec(this.token)?.[1] ?? 1);
    this.botInfo = {
      id: botId,
      is_bot: true,
      first_name: options.botName ?? 'Fake Bot',
      username: options.botUsername ?? 'fake_test_bot',
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
    } as UserFromGetMe;
    this.options = {
      globalRatePerSecond: options.globalRatePerSecond ?? 30,
      paidBroadcastRatePerSecond: options.paidBroadcastRatePerSecond ?? 1000,
      perChatRatePerSecond: options.perChatRatePerSecond ?? 1,
      perChatBurst: options.perChatBurst ?? 3,
      enforceLimits: options.enforceLimits ?? false,
      strictHtmlAmpersand: options.strictHtmlAmpersand ?? true,
      webhookRetryMs: options.webhookRetryMs ?? 100,
      webhookTimeoutMs: options.webhookTimeoutMs ?? 10_000,
    };
    this.limiter = new RateLimiter({
      enforce: this.options.enforceLimits,
      globalPerSecond: this.options.globalRatePerSecond,
      paidPerSecond: this.options.paidBroadcastRatePerSecond,
      perChatPerSecond: this.options.perChatRatePerSecond,
      perChatBurst: this.options.perChatBurst,
      now: () => performance.now(),
    });
    this.handlers = this.createHandlers();
    this.canonicalMethods = new Map(Object.keys(this.handlers).map((m) => [m.toLowerCase(), m]));
  }

  /** Starts a fake on a free port of 127.0.0.1. */
  static async start(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
    const server = http.createServer();
    // Longer than the client's idle keep-alive (Node's global agent: 5 s, the server's default too): with equal
    // timeouts a client may reuse a socket at the instant the server closes it, and a send fails with ECONNRESET
    // (UNKNOWN, as it should be: a real platform keeps idle connections longer than its clients do).
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const fake = new FakeTelegram(server, options);
    server.on('request', (req, res) => {
      fake.onRequest(req, res).catch((error: unknown) => {
        if (!res.headersSent) {
          sendJson(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${String(error)}` });
        } else res.destroy();
      });
    });
    return fake;
  }

  /** Stops the server: pending long polls get `[]`, timers stop, connections close. Stop the bot first. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.poll?.wake();
    for (const s of this.sleeping) {
      clearTimeout(s.timer);
      s.resolve();
    }
    this.sleeping.clear();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.inflightWebhook?.destroy();
    for (const waiters of this.deliveryWaiters.values()) for (const w of waiters) w();
    this.deliveryWaiters.clear();
    for (const w of [...this.waiters]) w.fail(new Error('FakeTelegram was closed while waiting'));
    this.waiters.clear();
    // Let answers already being written reach the client before sockets go.
    const pending = [...this.openResponses].map(
      (res) => new Promise<void>((resolve) => (res.writableFinished ? resolve() : res.once('close', () => resolve()))),
    );
    await Promise.race([Promise.all(pending), delay(500)]);
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // =============================================================== driver: users

  /** Registers a user. By default they have started the bot, so it may write to them. */
  addUser(user: FakeUserInput, options: { started?: boolean } = {}): User {
    const state = this.ensureUser(user.id, user);
    state.user = toUser(user);
    if (options.started ?? true) this.startChat(state);
    else state.started = this.chats.has(user.id);
    return state.user;
  }

  /** The user blocks the bot: sends to them answer 403. Telegram also sends a my_chat_member update. */
  blockUser(userId: number): Promise<Update> {
    const state = this.ensureUser(userId);
    state.blocked = true;
    return this.enqueue({ my_chat_member: this.memberChange(state, 'member', 'kicked') });
  }

  /** The user unblocks the bot (Telegram's "Restart"). */
  unblockUser(userId: number): Promise<Update> {
    const state = this.ensureUser(userId);
    state.blocked = false;
    this.startChat(state);
    return this.enqueue({ my_chat_member: this.memberChange(state, 'kicked', 'member') });
  }

  // ============================================================ driver: updates

  /**
   * The user sends a text. Leading /commands, urls, mentions… get their
   * entities as a Telegram client would. Resolves once the update is handed
   * over: queued for getUpdates, or after the first webhook delivery attempt.
   */
  sendText(userId: number, text: string, options: { replyTo?: number } = {}): Promise<Update> {
    const entities = detectEntities({ text, entities: [] });
    return this.userSends(userId, {
      text,
      ...(entities.length > 0 ? { entities } : {}),
      ...this.replyTo(userId, options.replyTo),
    });
  }

  /** The user sends `/command payload`, with the bot_command entity set (ctx.match is the payload). */
  sendCommand(userId: number, command: string, payload?: string): Promise<Update> {
    const cmd = command.startsWith('/') ? command : `/${command}`;
    const text = payload === undefined || payload === '' ? cmd : `${cmd} ${payload}`;
    return this.userSends(userId, { text, entities: [{ type: 'bot_command', offset: 0, length: cmd.length }] });
  }

  /**
   * The user shares a contact. `user_id` defaults to the user's own id (their
   * own number, as the request_contact button sends it); pass null to omit it.
   */
  sendContact(
    userId: number,
    contact: { phone_number: string; user_id?: number | null; first_name?: string; last_name?: string },
  ): Promise<Update> {
    const state = this.ensureUser(userId);
    const ownerId = contact.user_id === undefined ? userId : contact.user_id;
    return this.userSends(userId, {
      contact: {
        phone_number: contact.phone_number,
        first_name: contact.first_name ?? state.user.first_name,
        ...(contact.last_name !== undefined ? { last_name: contact.last_name } : {}),
        ...(ownerId !== null ? { user_id: ownerId } : {}),
      },
    });
  }

  /** The user sends a file; the bot can getFile it and download the bytes from `/file/bot<token>/…`. */
  sendDocument(
    userId: number,
    doc: { file_name: string; mime_type?: string; bytes: Uint8Array | string; caption?: string },
  ): Promise<Update> {
    const bytes = typeof doc.bytes === 'string' ? Buffer.from(doc.bytes, 'utf8') : Buffer.from(doc.bytes);
    const mime = doc.mime_type ?? mimeTypeFor(doc.file_name);
    const { fileId, record } = this.storeFile({ kind: 'document', bytes, file_name: doc.file_name, mime_type: mime });
    return this.userSends(userId, {
      document: documentJson(fileId, record),
      ...(doc.caption !== undefined ? { caption: doc.caption } : {}),
    });
  }

  /**
   * The user sends a voice message (`voice`, OGG/Opus as the app records it) or an
   * audio file (`audio`); the bot can getFile it and download the bytes.
   */
  sendVoice(
    userId: number,
    clip: { bytes: Uint8Array; duration: number; mime_type?: string; as?: 'voice' | 'audio'; file_name?: string },
  ): Promise<Update> {
    const kind = clip.as ?? 'voice';
    const mime = clip.mime_type ?? (kind === 'voice' ? 'audio/ogg' : 'audio/mpeg');
    const { fileId, record } = this.storeFile({ kind, bytes: Buffer.from(clip.bytes), mime_type: mime, ...(clip.file_name ? { file_name: clip.file_name } : {}) });
    return this.userSends(userId, { [kind]: { file_id: fileId, file_unique_id: record.file_unique_id, duration: clip.duration, mime_type: mime, file_size: record.bytes.length } });
  }

  /** The user sends a photo (default: a 1×1 PNG). */
  sendPhoto(userId: number, photo: { bytes?: Uint8Array; caption?: string } = {}): Promise<Update> {
    const bytes = Buffer.from(photo.bytes ?? TINY_PNG);
    const info = imageInfo(bytes);
    if (!info) throw new Error('FakeTelegram.sendPhoto: bytes are not a PNG, JPEG, GIF or WebP image');
    return this.userSends(userId, {
      photo: this.photoSizes(bytes, info.width, info.height),
      ...(photo.caption !== undefined ? { caption: photo.caption } : {}),
    });
  }

  /**
   * The user presses an inline button with this callback_data on a message
   * the bot sent. Throws if that message shows no such button (a real user
   * could not press it) unless `force` is set.
   */
  pressButton(userId: number, messageId: number, data: string, options: { force?: boolean } = {}): Promise<Update> {
    const state = this.ensureUser(userId);
    const chat = this.chats.get(userId);
    const stored = chat?.messages.get(messageId);
    if (!chat || !stored || stored.deleted || !stored.fromBot) {
      throw new Error(`FakeTelegram.pressButton: the bot has no message ${messageId} in chat ${userId}`);
    }
    if (!options.force) {
      const markup = stored.message.reply_markup as ReplyMarkup | undefined;
      const available = flattenInline(markup);
      if (!available.some((b) => b.data === data)) {
        throw new Error(
          `FakeTelegram.pressButton: message ${messageId} has no button with callback_data ${JSON.stringify(data)}; ` +
            `it shows ${JSON.stringify(available)}`,
        );
      }
    }
    const id = `${userId}${String(++this.callbackCounter).padStart(6, '0')}`;
    this.callbackQueries.set(id, { answered: false });
    return this.enqueue({
      callback_query: {
        id,
        from: state.user,
        message: structuredClone(stored.message),
        chat_instance: chat.chatInstance,
        data,
      },
    });
  }

  /**
   * Queues any update. `update_id` is assigned unless given (it must then be
   * higher than every earlier one). Users and chats in it become known.
   */
  injectUpdate(update: { update_id?: number; [field: string]: unknown }): Promise<Update> {
    const given = update.update_id;
    if (given !== undefined) {
      if (given < this.nextUpdateId) {
        throw new Error(`FakeTelegram.injectUpdate: update_id ${given} is not above ${this.nextUpdateId - 1}`);
      }
      this.nextUpdateId = given;
    }
    const { update_id: _ignored, ...rest } = update;
    this.learnFrom(rest);
    return this.enqueue(rest);
  }

  /**
   * Hands an earlier update out again with the same update_id, as Telegram
   * does when a delivery looked failed: next in getUpdates (even if already
   * confirmed) or POSTed again to the webhook.
   */
  redeliver(updateId: number): Promise<Update> {
    const update = this.history.get(updateId);
    if (!update) throw new Error(`FakeTelegram.redeliver: no update ${updateId}`);
    this.queue.push({ update, forced: true, handedOut: false });
    return this.handOver(update);
  }

  /** Updates not yet confirmed (getUpdates) or delivered (webhook). */
  pendingUpdates(): Update[] {
    return this.queue.map((q) => q.update);
  }

  // ==================================================== driver: failure injection

  /**
   * The next call of `method` ('*' for any) fails: with this error answer, or
   * 'network' to drop the connection without an answer. Failures queue up.
   * An injected 429 with retryAfter closes the chat (or global) scope like a
   * real one, so early retries count as violations.
   */
  failNext(method: string, failure: InjectedFailure): void {
    const key = method === '*' ? '*' : method.toLowerCase();
    const list = this.failures.get(key) ?? [];
    list.push(failure);
    this.failures.set(key, list);
  }

  /** The next call of `method` (default any) waits `ms` before being handled. */
  delayNext(ms: number, method = '*'): void {
    this.delays.push({ method: method === '*' ? '*' : method.toLowerCase(), ms });
  }

  // ============================================================= driver: queries

  /** Messages the bot sent to a chat, oldest first, edits applied, deleted ones flagged. */
  sentTo(chatId: number): SentMessage[] {
    return [...(this.chats.get(chatId)?.sent ?? [])];
  }

  /** Every message the bot sent, in order. */
  allSent(): SentMessage[] {
    return [...this.sentLog];
  }

  /** The bot's latest message to a chat (deleted or not). */
  lastMessage(chatId: number): SentMessage | undefined {
    const sent = this.chats.get(chatId)?.sent;
    return sent?.[sent.length - 1];
  }

  /**
   * Resolves with the predicate's first truthy result, re-checked whenever the
   * fake's state changes; rejects after `timeoutMs` with what was sent so far.
   */
  waitFor<T>(predicate: (fake: FakeTelegram) => T | undefined | null | false, timeoutMs = 30_000): Promise<T> {
    const first = predicate(this);
    if (first) return Promise.resolve(first);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        check: () => {
          let value: T | undefined | null | false;
          try {
            value = predicate(this);
          } catch (error) {
            done();
            reject(error instanceof Error ? error : new Error(String(error)));
            return true;
          }
          if (!value) return false;
          done();
          resolve(value);
          return true;
        },
        fail: (error) => {
          done();
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        done();
        const recent = this.sentLog.slice(-5).map((m) => `#${m.message_id}→${m.chat_id}: ${m.plainText.slice(0, 80)}`);
        reject(new Error(`FakeTelegram.waitFor timed out after ${timeoutMs} ms; last sent: ${JSON.stringify(recent)}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      this.waiters.add(waiter);
    });
  }

  /** Waits until the bot has sent at least `count` messages (in total) to the chat. */
  waitForMessages(chatId: number, count: number, timeoutMs = 30_000): Promise<SentMessage[]> {
    return this.waitFor(() => {
      const sent = this.sentTo(chatId);
      return sent.length >= count ? sent : undefined;
    }, timeoutMs);
  }

  /** The inline keyboard of a message, flattened row by row. */
  buttons(message: { reply_markup?: unknown } | undefined): Button[] {
    return flattenInline(message?.reply_markup as ReplyMarkup | undefined);
  }

  /** The reply keyboard the user currently sees in a chat, if any. */
  replyKeyboard(chatId: number): KeyboardButtonInfo[][] | undefined {
    return this.chats.get(chatId)?.keyboard;
  }

  /** The commands of the last setMyCommands call, or those of one scope/language. */
  commands(query?: CommandsQuery): BotCommand[] | undefined {
    if (query === undefined) return this.lastCommands;
    return this.commandSets.get(commandKey(query.scope, query.language_code));
  }

  callbackAnswers(): CallbackAnswer[] {
    return [...this.answers];
  }

  /** API calls received, optionally of one method (case-insensitive). */
  calls(method?: string): ApiCall[] {
    if (method === undefined) return [...this.callLog];
    const m = method.toLowerCase();
    return this.callLog.filter((c) => c.method.toLowerCase() === m);
  }

  /** Files the bot uploaded, with their bytes. */
  get uploadedFiles(): UploadedFile[] {
    return [...this.uploads];
  }

  /** The webhook currently set, if any. */
  get webhook(): { url: string; secret_token?: string } | undefined {
    const w = this.webhookState;
    return w && { url: w.url, ...(w.secret_token !== undefined ? { secret_token: w.secret_token } : {}) };
  }

  /** Flood-control counters; see RateLimiter. */
  stats(): RateStats {
    return this.limiter.stats();
  }

  // ================================================================ HTTP

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    this.openResponses.add(res);
    res.once('close', () => this.openResponses.delete(res));
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/file/bot')) return this.serveFile(url.pathname, res);
    const route = /^\/bot([^/]*)\/(?:test\/)?([A-Za-z]+)$/.exec(url.pathname);
    if (!route) return sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    if (decodeURIComponent(route[1]!) !== this.token) {
      await drain(req);
      return sendJson(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    }
    const method = this.canonicalMethods.get(route[2]!.toLowerCase());
    if (!method) {
      await drain(req);
      this.callLog.push({ method: route[2]!, params: {}, status: 404, description: 'Not Found', time: Date.now() });
      return sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    }
    let body: Buffer;
    try {
      body = await readBody(req, MAX_BODY_BYTES);
    } catch {
      return sendJson(res, 413, { ok: false, error_code: 413, description: 'Request Entity Too Large' });
    }
    let params: Params;
    try {
      const parsed = parseBody(req.headers['content-type'], body, url.searchParams);
      params = new Params(parsed.fields, parsed.files);
    } catch (error) {
      if (!(error instanceof BodyParseError)) throw error;
      return sendJson(res, 400, { ok: false, error_code: 400, description: `Bad Request: ${error.message}` });
    }
    const controller = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    const outcome = await this.invoke(method, params, { signal: controller.signal }, true);
    if (outcome === NETWORK_FAILURE) {
      req.socket.destroy();
      return;
    }
    if (!controller.signal.aborted) sendJson(res, outcome.status, outcome.body);
  }

  /** Runs one API call through failure injection, flood control and its handler. */
  private async invoke(
    method: string,
    params: Params,
    ctx: CallContext,
    fromHttp: boolean,
  ): Promise<{ status: number; body: Record<string, unknown> } | typeof NETWORK_FAILURE> {
    const call: ApiCall = { method, params: params.describe(), status: 0, time: Date.now() };
    if (!fromHttp) call.viaWebhookReply = true;
    this.callLog.push(call);
    const isSend = SEND_METHODS.has(method);
    const chatKey = params.raw.chat_id === undefined ? undefined : String(params.raw.chat_id);
    try {
      if (fromHttp) {
        await this.applyDelay(method);
        const failure = this.takeFailure(method);
        if (failure === 'network') {
          call.description = 'connection dropped (injected)';
          return NETWORK_FAILURE;
        }
        if (failure) {
          if (failure.status === 429) this.limiter.noteInjected429(isSend ? chatKey : undefined, isSend ? failure.retryAfter : undefined);
          throw new ApiError(failure.status, failure.description, failure.retryAfter);
        }
      }
      if (isSend) {
        const paid = params.raw.allow_paid_broadcast === true || params.raw.allow_paid_broadcast === 'true';
        const decision = this.limiter.admit(chatKey, paid);
        if (!decision.ok) throw tooManyRequests(decision.retryAfter);
      }
      const handler = this.handlers[method]!;
      let result = await handler(params, ctx);
      let description: string | undefined;
      if (result instanceof Described) {
        description = result.description;
        result = result.result;
      }
      if (isSend) this.limiter.noteSent();
      call.status = 200;
      return { status: 200, body: { ok: true, result, ...(description !== undefined ? { description } : {}) } };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      call.status = error.status;
      call.description = error.description;
      return { status: error.status, body: error.toJSON() };
    } finally {
      this.notify();
    }
  }

  private async applyDelay(method: string): Promise<void> {
    const index = this.delays.findIndex((d) => d.method === '*' || d.method === method.toLowerCase());
    if (index < 0) return;
    const ms = this.delays.splice(index, 1)[0]!.ms;
    if (this.closed) return;
    await new Promise<void>((resolve) => {
      const entry = {
        resolve,
        timer: setTimeout(() => {
          this.sleeping.delete(entry);
          resolve();
        }, ms),
      };
      this.sleeping.add(entry);
    });
  }

  private takeFailure(method: string): InjectedFailure | undefined {
    for (const key of [method.toLowerCase(), '*']) {
      const list = this.failures.get(key);
      if (list && list.length > 0) return list.shift();
    }
    return undefined;
  }

  private serveFile(pathname: string, res: http.ServerResponse): void {
    const prefix = `/file/bot${this.token}/`;
    const record = pathname.startsWith(prefix)
      ? this.filesByPath.get(decodeURIComponent(pathname.slice(prefix.length)))
      : undefined;
    if (!record) return sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    res.writeHead(200, {
      'content-type': record.mime_type ?? 'application/octet-stream',
      'content-length': record.bytes.length,
    });
    res.end(record.bytes);
  }

  // ============================================================ API methods

  private createHandlers(): Record<string, Handler> {
    return {
      getMe: () => this.botInfo,
      logOut: () => true,
      close: () => true,
      getUpdates: (p, ctx) => this.getUpdates(p, ctx),
      setWebhook: (p) => this.setWebhook(p),
      deleteWebhook: (p) => this.deleteWebhook(p),
      getWebhookInfo: () => this.getWebhookInfo(),
      sendMessage: (p) => this.sendMessage(p),
      editMessageText: (p) => this.editMessageText(p),
      editMessageReplyMarkup: (p) => this.editMessageReplyMarkup(p),
      deleteMessage: (p) => this.deleteMessage(p),
      answerCallbackQuery: (p) => this.answerCallbackQuery(p),
      sendDocument: (p) => this.sendFile(p, 'sendDocument'),
      sendPhoto: (p) => this.sendFile(p, 'sendPhoto'),
      sendChatAction: (p) => this.sendChatAction(p),
      setMyCommands: (p) => this.setMyCommands(p),
      getMyCommands: (p) => this.commandSets.get(commandKey(p.json('scope', "can't parse BotCommandScope JSON object"), p.str('language_code'))) ?? [],
      deleteMyCommands: (p) => {
        this.commandSets.delete(commandKey(p.json('scope', "can't parse BotCommandScope JSON object"), p.str('language_code')));
        return true;
      },
      getFile: (p) => this.getFile(p),
      // Profile settings bots make at start-up: accepted and recorded in calls().
      setMyDescription: () => true,
      setMyShortDescription: () => true,
      setMyName: () => true,
      setChatMenuButton: () => true,
    };
  }

  private async getUpdates(p: Params, ctx: CallContext): Promise<Update[]> {
    if (this.webhookState) {
      throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    const offset = p.int('offset');
    const limit = Math.min(100, Math.max(1, p.int('limit') ?? 100));
    const timeout = Math.max(0, p.int('timeout') ?? 0);
    this.confirm(offset);
    this.notify(); // waitFor on pendingUpdates() sees the confirmation before the poll returns
    this.poll?.terminate(
      new ApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running'),
    );
    this.poll = undefined;
    const ready = this.takeBatch(limit, false);
    if (ready.length > 0 || timeout === 0 || this.closed) return this.takeBatch(limit, true);
    await new Promise<void>((resolve, reject) => {
      const poll: LongPoll = {
        wake: () => finish(),
        terminate: (error) => finish(error),
      };
      const timer = setTimeout(() => finish(), timeout * 1000);
      const onAbort = () => finish();
      ctx.signal.addEventListener('abort', onAbort);
      const finish = (error?: ApiError) => {
        clearTimeout(timer);
        ctx.signal.removeEventListener('abort', onAbort);
        if (this.poll === poll) this.poll = undefined;
        if (error) reject(error);
        else resolve();
      };
      this.poll = poll;
    });
    // An aborted poll hands nothing out: its updates stay queued for the next one.
    return ctx.signal.aborted ? [] : this.takeBatch(limit, true);
  }

  /** getUpdates' offset: drops confirmed updates (a negative offset keeps only the last -offset). */
  private confirm(offset: number | undefined): void {
    if (offset === undefined || offset === 0) return;
    if (offset < 0) {
      const keep = this.queue.slice(offset);
      this.queue.splice(0, this.queue.length, ...keep);
      return;
    }
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const q = this.queue[i]!;
      if (q.update.update_id < offset && (!q.forced || q.handedOut)) this.queue.splice(i, 1);
    }
  }

  /** Redelivered updates first (so the client's next offset confirms them), then by update_id. */
  private takeBatch(limit: number, markHandedOut: boolean): Update[] {
    const forced = this.queue.filter((q) => q.forced && !q.handedOut);
    const rest = this.queue.filter((q) => !forced.includes(q)).sort((a, b) => a.update.update_id - b.update.update_id);
    const batch = [...forced, ...rest].slice(0, limit);
    if (markHandedOut) for (const q of batch) q.handedOut = true;
    return batch.map((q) => q.update);
  }

  private setWebhook(p: Params): Described {
    const url = p.str('url') ?? '';
    if (url === '') return this.deleteWebhook(p);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw badRequest('bad webhook: Failed to resolve host: Name or service not known');
    }
    // Telegram requires HTTPS on ports 443/80/88/8443; a local fake must accept http://127.0.0.1:<any>.
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
    }
    const secret = p.str('secret_token');
    if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
      throw badRequest('secret token contains unallowed characters');
    }
    const maxConnections = p.int('max_connections') ?? 40;
    if (maxConnections < 1 || maxConnections > 100) throw badRequest('bad webhook: invalid max_connections');
    if (p.bool('drop_pending_updates')) this.queue.length = 0;
    this.poll?.terminate(new ApiError(409, 'Conflict: terminated by setWebhook request'));
    const allowed = p.json<string[]>('allowed_updates', "can't parse allowed_updates JSON array");
    this.webhookState = {
      url,
      ...(secret !== undefined ? { secret_token: secret } : {}),
      max_connections: maxConnections,
      ...(allowed !== undefined ? { allowed_updates: allowed } : {}),
      attempts: 0,
    };
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    queueMicrotask(() => this.pumpWebhook());
    return new Described(true, 'Webhook was set');
  }

  private deleteWebhook(p: Params): Described {
    const had = this.webhookState !== undefined;
    this.webhookState = undefined;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    if (p.bool('drop_pending_updates')) this.queue.length = 0;
    // Updates waiting for the hook now wait for getUpdates instead.
    for (const waiters of this.deliveryWaiters.values()) for (const w of waiters) w();
    this.deliveryWaiters.clear();
    return new Described(true, had ? 'Webhook was deleted' : 'Webhook is already deleted');
  }

  private getWebhookInfo(): Record<string, unknown> {
    const w = this.webhookState;
    if (!w) return { url: '', has_custom_certificate: false, pending_update_count: this.queue.length };
    return {
      url: w.url,
      has_custom_certificate: false,
      pending_update_count: this.queue.length,
      ip_address: '127.0.0.1',
      max_connections: w.max_connections,
      ...(w.allowed_updates ? { allowed_updates: w.allowed_updates } : {}),
      ...(w.last_error_date !== undefined
        ? { last_error_date: w.last_error_date, last_error_message: w.last_error_message }
        : {}),
    };
  }

  private sendMessage(p: Params): Msg {
    const chat = this.writableChat(p);
    const raw = p.str('text') ?? '';
    const formatted = this.format(p, raw, 'text');
    if (formatted.text.length === 0) throw badRequest('message text is empty');
    if (formatted.text.length > MAX_TEXT) throw badRequest('message is too long');
    const markup = this.replyMarkup(p);
    const replyTo = this.replyTarget(chat, p);
    const linkPreview = p.json<Record<string, unknown>>('link_preview_options', "can't parse link preview options JSON object");
    const message = this.storeBotMessage(chat, {
      text: formatted.text,
      ...(formatted.entities.length > 0 ? { entities: formatted.entities } : {}),
      ...(linkPreview !== undefined ? { link_preview_options: linkPreview } : {}),
      ...inlineOnly(markup),
      ...(replyTo ? { reply_to_message: replyTo } : {}),
    });
    this.recordSent(chat, message, p, {
      method: 'sendMessage',
      text: raw,
      plainText: formatted.text,
      entities: formatted.entities,
      ...(p.str('parse_mode') !== undefined ? { parse_mode: p.str('parse_mode')! } : {}),
      ...(markup !== undefined ? { reply_markup: markup } : {}),
      ...(linkPreview !== undefined ? { link_preview_options: linkPreview } : {}),
      ...(replyTo ? { reply_to_message_id: replyTo.message_id as number } : {}),
    });
    return message;
  }

  private editMessageText(p: Params): Msg {
    const { stored } = this.messageToEdit(p);
    if (typeof stored.message.text !== 'string') throw badRequest('there is no text in the message to edit');
    const raw = p.str('text') ?? '';
    const formatted = this.format(p, raw, 'text');
    if (formatted.text.length === 0) throw badRequest('message text is empty');
    if (formatted.text.length > MAX_TEXT) throw badRequest('message is too long');
    const markup = this.inlineMarkupForEdit(p);
    const unchanged =
      stored.message.text === formatted.text &&
      sameJson(stored.message.entities ?? [], formatted.entities) &&
      sameJson(stored.message.reply_markup, markup);
    if (unchanged) throw badRequest(NOT_MODIFIED);
    stored.message.text = formatted.text;
    if (formatted.entities.length > 0) stored.message.entities = formatted.entities;
    else delete stored.message.entities;
    // Like Telegram: an edit without reply_markup removes the inline keyboard.
    if (markup) stored.message.reply_markup = markup;
    else delete stored.message.reply_markup;
    stored.message.edit_date = nowSeconds();
    const sent = stored.sent;
    if (sent) {
      sent.text = raw;
      sent.plainText = formatted.text;
      sent.entities = formatted.entities;
      const parseMode = p.str('parse_mode');
      if (parseMode !== undefined) sent.parse_mode = parseMode;
      else delete sent.parse_mode;
      if (markup) sent.reply_markup = markup;
      else delete sent.reply_markup;
      sent.edits.push(editRecord('editMessageText', raw, formatted.text, parseMode, markup));
    }
    return structuredClone(stored.message);
  }

  private editMessageReplyMarkup(p: Params): Msg {
    const { stored } = this.messageToEdit(p);
    const markup = this.inlineMarkupForEdit(p);
    if (sameJson(stored.message.reply_markup, markup)) throw badRequest(NOT_MODIFIED);
    if (markup) stored.message.reply_markup = markup;
    else delete stored.message.reply_markup;
    stored.message.edit_date = nowSeconds();
    if (stored.sent) {
      if (markup) stored.sent.reply_markup = markup;
      else delete stored.sent.reply_markup;
      stored.sent.edits.push(editRecord('editMessageReplyMarkup', undefined, undefined, undefined, markup));
    }
    return structuredClone(stored.message);
  }

  private deleteMessage(p: Params): boolean {
    const chat = this.existingChat(p);
    const id = p.int('message_id');
    if (id === undefined) throw badRequest('message identifier is not specified');
    const stored = chat.messages.get(id);
    if (!stored || stored.deleted) throw badRequest('message to delete not found');
    stored.deleted = true;
    if (stored.sent) stored.sent.deleted = true;
    return true;
  }

  private answerCallbackQuery(p: Params): boolean {
    const id = p.str('callback_query_id') ?? '';
    const query = this.callbackQueries.get(id);
    if (!query || query.answered) {
      throw badRequest('query is too old and response timeout expired or query ID is invalid');
    }
    const text = p.str('text');
    if (text !== undefined && [...text].length > 200) throw badRequest('MESSAGE_TOO_LONG');
    query.answered = true;
    const url = p.str('url');
    this.answers.push({
      callback_query_id: id,
      ...(text !== undefined ? { text } : {}),
      ...(p.raw.show_alert !== undefined ? { show_alert: p.bool('show_alert') } : {}),
      ...(url !== undefined ? { url } : {}),
      time: Date.now(),
    });
    return true;
  }

  private sendChatAction(p: Params): boolean {
    this.writableChat(p);
    const action = p.str('action') ?? '';
    if (!CHAT_ACTIONS.has(action)) throw badRequest('wrong parameter action in request');
    return true;
  }

  private sendFile(p: Params, method: 'sendDocument' | 'sendPhoto'): Msg {
    const chat = this.writableChat(p);
    const field = method === 'sendDocument' ? 'document' : 'photo';
    const kind = method === 'sendDocument' ? 'document' : 'photo';
    const input = p.file(field);
    if (!input) throw badRequest(`there is no ${field} in the request`);
    let record: FileRecord;
    let source: SentFile['source'];
    if (input.kind === 'upload') {
      source = 'upload';
      const bytes = input.part.bytes;
      if (bytes.length === 0) throw badRequest('file must be non-empty');
      const fileName = input.part.filename;
      const partType = input.part.contentType?.toLowerCase();
      const mime = mimeTypeFor(fileName) ?? (partType && partType !== 'application/octet-stream' ? partType : undefined);
      if (kind === 'photo') {
        const info = imageInfo(bytes);
        if (!info) throw badRequest('IMAGE_PROCESS_FAILED');
        if (info.width + info.height > 10_000 || info.width / info.height > 20 || info.height / info.width > 20) {
          throw badRequest('PHOTO_INVALID_DIMENSIONS');
        }
        if (bytes.length > 10 * 1024 * 1024) throw badRequest('PHOTO_SAVE_FILE_INVALID');
        record = this.storeFile({ kind, bytes, file_name: fileName, mime_type: 'image/jpeg', width: info.width, height: info.height }).record;
      } else {
        record = this.storeFile({ kind, bytes, file_name: fileName, ...(mime !== undefined ? { mime_type: mime } : {}) }).record;
      }
    } else if (input.kind === 'file_id') {
      source = 'file_id';
      const found = this.files.get(input.value);
      if (!found) throw badRequest('wrong file identifier/HTTP URL specified');
      if (found.kind !== kind) throw badRequest('type of file mismatch');
      record = found;
    } else {
      source = 'url';
      const name = decodeURIComponent(new URL(input.value).pathname.split('/').pop() || `${field}.dat`);
      record = this.storeFile({
        kind,
        bytes: Buffer.alloc(0),
        file_name: name,
        ...(mimeTypeFor(name) !== undefined ? { mime_type: mimeTypeFor(name)! } : {}),
        ...(kind === 'photo' ? { width: 800, height: 600 } : {}),
      }).record;
    }
    const rawCaption = p.str('caption');
    const caption = rawCaption === undefined ? undefined : this.format(p, rawCaption, 'caption');
    if (caption && caption.text.length > MAX_CAPTION) throw badRequest('message caption is too long');
    const markup = this.replyMarkup(p);
    const replyTo = this.replyTarget(chat, p);
    const fileId = this.newFileId(record);
    let media: Msg;
    let sentFile: SentFile;
    if (kind === 'document') {
      media = { document: documentJson(fileId, record) };
      sentFile = { ...documentJson(fileId, record), bytes: new Uint8Array(record.bytes), source };
    } else {
      const sizes = this.photoSizes(record.bytes, record.width ?? 1, record.height ?? 1, record, fileId);
      media = { photo: sizes };
      const largest = sizes[sizes.length - 1]!;
      sentFile = {
        ...largest,
        ...(record.file_name !== undefined ? { file_name: record.file_name } : {}),
        bytes: new Uint8Array(record.bytes),
        source,
      };
    }
    if (input.kind === 'upload') {
      this.uploads.push({
        method,
        field: input.part.field,
        chat_id: chat.chat.id,
        file_id: fileId,
        file_unique_id: record.file_unique_id,
        file_name: input.part.filename,
        ...(record.mime_type !== undefined ? { mime_type: record.mime_type } : {}),
        bytes: new Uint8Array(record.bytes),
      });
    }
    const message = this.storeBotMessage(chat, {
      ...media,
      ...(caption && caption.text !== '' ? { caption: caption.text } : {}),
      ...(caption && caption.entities.length > 0 ? { caption_entities: caption.entities } : {}),
      ...inlineOnly(markup),
      ...(replyTo ? { reply_to_message: replyTo } : {}),
    });
    this.recordSent(chat, message, p, {
      method,
      ...(rawCaption !== undefined ? { caption: rawCaption } : {}),
      plainText: caption?.text ?? '',
      entities: caption?.entities ?? [],
      ...(p.str('parse_mode') !== undefined ? { parse_mode: p.str('parse_mode')! } : {}),
      ...(markup !== undefined ? { reply_markup: markup } : {}),
      ...(replyTo ? { reply_to_message_id: replyTo.message_id as number } : {}),
      ...(kind === 'document' ? { document: sentFile } : { photo: sentFile }),
    });
    return message;
  }

  private setMyCommands(p: Params): boolean {
    const commands = p.json<unknown>('commands', "can't parse commands JSON object");
    if (!Array.isArray(commands)) throw badRequest("can't parse commands JSON object");
    if (commands.length > 100) throw badRequest('too many commands');
    const clean: BotCommand[] = [];
    for (const c of commands as Array<Record<string, unknown>>) {
      const command = typeof c?.command === 'string' ? c.command : '';
      const description = typeof c?.description === 'string' ? c.description : '';
      if (!/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest('BOT_COMMAND_INVALID');
      if ([...description].length < 1 || [...description].length > 256) throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
      clean.push({ command, description });
    }
    const key = commandKey(p.json('scope', "can't parse BotCommandScope JSON object"), p.str('language_code'));
    this.commandSets.set(key, clean);
    this.lastCommands = clean;
    return true;
  }

  private getFile(p: Params): Record<string, unknown> {
    const fileId = p.str('file_id') ?? '';
    const record = this.files.get(fileId);
    if (!record) throw badRequest('invalid file_id');
    if (record.bytes.length > MAX_DOWNLOAD_BYTES) throw badRequest('file is too big');
    return {
      file_id: fileId,
      file_unique_id: record.file_unique_id,
      file_size: record.bytes.length,
      file_path: record.file_path,
    };
  }

  // ======================================================= method helpers

  private format(p: Params, raw: string, what: 'text' | 'caption'): FormattedText {
    const entities = p.json<Entity[]>(what === 'text' ? 'entities' : 'caption_entities', "can't parse entities JSON object");
    try {
      const formatted = formatText(raw, p.str('parse_mode'), entities, { strictAmpersand: this.options.strictHtmlAmpersand });
      for (const e of formatted.entities) {
        const known = e.user && this.users.get(e.user.id);
        if (known) e.user = { id: known.user.id, is_bot: false, first_name: known.user.first_name };
      }
      return formatted;
    } catch (error) {
      if (error instanceof EntityParseError) throw badRequest(`can't parse entities: ${error.message}`);
      if (error instanceof UnsupportedParseModeError) throw badRequest('unsupported parse_mode');
      throw error;
    }
  }

  /** A chat the bot may write to: known, and the user has not blocked the bot. */
  private writableChat(p: Params): ChatState {
    return this.existingChat(p, true);
  }

  private existingChat(p: Params, toWrite = false): ChatState {
    const raw = p.raw.chat_id;
    if (raw === undefined || raw === null || raw === '') throw badRequest('chat_id is empty');
    const id = typeof raw === 'number' ? raw : /^-?\d+$/.test(String(raw)) ? Number(raw) : undefined;
    const user = id === undefined ? undefined : this.users.get(id);
    if (user?.blocked) throw new ApiError(403, 'Forbidden: bot was blocked by the user');
    const chat = id === undefined ? undefined : this.chats.get(id);
    if (!chat) {
      if (user && toWrite) throw new ApiError(403, "Forbidden: bot can't initiate conversation with a user");
      throw badRequest('chat not found');
    }
    return chat;
  }

  private messageToEdit(p: Params): { chat: ChatState; stored: StoredMessage } {
    if (p.str('inline_message_id') !== undefined) {
      // Inline messages are not modelled.
      throw badRequest('MESSAGE_ID_INVALID');
    }
    const chat = this.existingChat(p);
    const id = p.int('message_id');
    if (id === undefined) throw badRequest('message identifier is not specified');
    const stored = chat.messages.get(id);
    if (!stored || stored.deleted) throw badRequest('message to edit not found');
    if (!stored.fromBot) throw badRequest("message can't be edited");
    return { chat, stored };
  }

  private inlineMarkupForEdit(p: Params): ReplyMarkup | undefined {
    const markup = this.replyMarkup(p);
    if (markup !== undefined && !('inline_keyboard' in markup)) throw badRequest('inline keyboard expected');
    return markup;
  }

  /** Validates reply_markup like Telegram does. */
  private replyMarkup(p: Params): ReplyMarkup | undefined {
    const markup = p.json<unknown>('reply_markup', "can't parse reply keyboard markup JSON object");
    if (markup === undefined) return undefined;
    if (typeof markup !== 'object' || markup === null || Array.isArray(markup)) {
      throw badRequest('object expected as reply markup');
    }
    const m = markup as Record<string, unknown>;
    if ('inline_keyboard' in m) {
      const rows = m.inline_keyboard;
      if (!Array.isArray(rows) || rows.some((r) => !Array.isArray(r))) {
        throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
      }
      let count = 0;
      for (const row of rows as unknown[][]) {
        for (const button of row) {
          count++;
          validateInlineButton(button);
        }
      }
      if (count > 100) throw badRequest('reply markup is too long');
      return m as unknown as ReplyMarkup;
    }
    if ('keyboard' in m) {
      const rows = m.keyboard;
      if (!Array.isArray(rows) || rows.some((r) => !Array.isArray(r))) {
        throw badRequest('field "keyboard" of the ReplyKeyboardMarkup must be an Array of Arrays');
      }
      for (const row of rows as unknown[][]) {
        for (const button of row) {
          const text = typeof button === 'string' ? button : (button as Record<string, unknown> | null)?.text;
          if (typeof text !== 'string' || text === '') throw badRequest("keyboard button text can't be empty");
        }
      }
      const placeholder = m.input_field_placeholder;
      if (typeof placeholder === 'string' && [...placeholder].length > 64) {
        throw badRequest('input field placeholder is too long');
      }
      return m as unknown as ReplyMarkup;
    }
    if (m.remove_keyboard === true || m.force_reply === true) return m as unknown as ReplyMarkup;
    throw badRequest('object expected as reply markup');
  }

  private replyTarget(chat: ChatState, p: Params): Msg | undefined {
    const params = p.json<Record<string, unknown>>('reply_parameters', "can't parse reply parameters JSON object");
    const idRaw = params?.message_id ?? p.raw.reply_to_message_id;
    if (idRaw === undefined) return undefined;
    const id = Number(idRaw);
    const stored = chat.messages.get(id);
    if (!stored || stored.deleted) {
      const allow = params?.allow_sending_without_reply === true || p.bool('allow_sending_without_reply');
      if (allow) return undefined;
      throw badRequest('message to be replied not found');
    }
    const { reply_to_message: _nested, ...copy } = structuredClone(stored.message);
    return copy;
  }

  // =================================================== messages and files

  private storeBotMessage(chat: ChatState, content: Msg): Msg {
    const message: Msg = {
      message_id: chat.nextMessageId++,
      from: this.botInfo,
      chat: chat.chat,
      date: nowSeconds(),
      ...content,
    };
    chat.messages.set(message.message_id as number, { message, fromBot: true, deleted: false });
    return structuredClone(message);
  }

  private recordSent(
    chat: ChatState,
    message: Msg,
    p: Params,
    fields: Omit<SentMessage, 'chat_id' | 'message_id' | 'params' | 'time' | 'date' | 'edits' | 'deleted'>,
  ): void {
    const sent: SentMessage = {
      chat_id: chat.chat.id,
      message_id: message.message_id as number,
      ...fields,
      params: p.describe(),
      time: Date.now(),
      date: message.date as number,
      edits: [],
      deleted: false,
    };
    chat.messages.get(sent.message_id)!.sent = sent;
    chat.sent.push(sent);
    this.sentLog.push(sent);
    const markup = fields.reply_markup as Record<string, unknown> | undefined;
    if (markup && 'keyboard' in markup) chat.keyboard = flattenKeyboard(markup.keyboard as unknown[][]);
    else if (markup && markup.remove_keyboard === true) delete chat.keyboard;
  }

  private storeFile(input: Omit<FileRecord, 'file_unique_id' | 'file_path'>): { fileId: string; record: FileRecord } {
    const n = ++this.fileCounter;
    const ext = input.kind === 'photo' ? 'jpg' : input.kind === 'voice' ? 'oga' : (input.file_name?.split('.').pop() ?? 'dat');
    const folder = { photo: 'photos', document: 'documents', voice: 'voice', audio: 'music' }[input.kind];
    const record: FileRecord = {
      ...input,
      file_unique_id: `AgAD${n.toString(36)}${randomBytes(3).toString('hex')}`,
      file_path: `${folder}/file_${n}.${ext}`,
    };
    this.filesByPath.set(record.file_path, record);
    return { fileId: this.newFileId(record), record };
  }

  /** Every send gets a fresh file_id for the same file, like Telegram. */
  private newFileId(record: FileRecord): string {
    const prefix = record.kind === 'photo' ? 'AgACAgIAAxkBAAI' : 'BQACAgIAAxkBAAI';
    const id = `${prefix}${randomBytes(12).toString('base64url')}${(++this.fileCounter).toString(36)}`;
    this.files.set(id, record);
    return id;
  }

  private photoSizes(bytes: Buffer, width: number, height: number, base?: FileRecord, fileId?: string): PhotoSizeJson[] {
    const full = base ?? this.storeFile({ kind: 'photo', bytes, mime_type: 'image/jpeg', width, height }).record;
    const sizes: PhotoSizeJson[] = [];
    if (Math.max(width, height) > 90) {
      const small = fitWithin(width, height, 90);
      const thumb = this.storeFile({ kind: 'photo', bytes, mime_type: 'image/jpeg', ...small });
      sizes.push({ file_id: thumb.fileId, file_unique_id: thumb.record.file_unique_id, file_size: bytes.length, ...small });
    }
    const big = fitWithin(width, height, 2560);
    sizes.push({
      file_id: fileId ?? this.newFileId(full),
      file_unique_id: full.file_unique_id,
      file_size: bytes.length,
      ...big,
    });
    return sizes;
  }

  // ================================================================= updates

  private ensureUser(id: number, input?: FakeUserInput): UserState {
    let state = this.users.get(id);
    if (!state) {
      state = { user: toUser(input ?? { id, first_name: `User ${id}` }), started: false, blocked: false };
      this.users.set(id, state);
    }
    return state;
  }

  private startChat(state: UserState): ChatState {
    state.started = true;
    let chat = this.chats.get(state.user.id);
    if (!chat) {
      const u = state.user;
      chat = {
        chat: {
          id: u.id,
          type: 'private',
          first_name: u.first_name,
          ...(u.last_name !== undefined ? { last_name: u.last_name } : {}),
          ...(u.username !== undefined ? { username: u.username } : {}),
        },
        chatInstance: randomBytes(8).readBigInt64BE().toString(),
        nextMessageId: 1,
        messages: new Map(),
        sent: [],
      };
      this.chats.set(u.id, chat);
    }
    return chat;
  }

  private userSends(userId: number, content: Msg): Promise<Update> {
    const state = this.ensureUser(userId);
    // Writing to the bot again is how a user unblocks it in the app.
    state.blocked = false;
    const chat = this.startChat(state);
    const message: Msg = {
      message_id: chat.nextMessageId++,
      from: state.user,
      chat: chat.chat,
      date: nowSeconds(),
      ...content,
    };
    chat.messages.set(message.message_id as number, { message, fromBot: false, deleted: false });
    return this.enqueue({ message: structuredClone(message) });
  }

  private replyTo(userId: number, messageId: number | undefined): Msg {
    if (messageId === undefined) return {};
    const stored = this.chats.get(userId)?.messages.get(messageId);
    if (!stored) throw new Error(`FakeTelegram: no message ${messageId} in chat ${userId} to reply to`);
    const { reply_to_message: _nested, ...copy } = structuredClone(stored.message);
    return { reply_to_message: copy };
  }

  private memberChange(state: UserState, from: string, to: string): Msg {
    const chat = this.startChat(state);
    return {
      chat: chat.chat,
      from: state.user,
      date: nowSeconds(),
      old_chat_member: { user: this.botInfo, status: from, ...(from === 'kicked' ? { until_date: 0 } : {}) },
      new_chat_member: { user: this.botInfo, status: to, ...(to === 'kicked' ? { until_date: 0 } : {}) },
    };
  }

  /** Makes users, chats and callback queries of an injected update known. */
  private learnFrom(update: Record<string, unknown>): void {
    for (const value of Object.values(update)) {
      if (typeof value !== 'object' || value === null) continue;
      const v = value as Record<string, unknown>;
      const from = v.from as FakeUserInput | undefined;
      if (from && typeof from.id === 'number' && !(from as { is_bot?: boolean }).is_bot) {
        const state = this.ensureUser(from.id, from);
        if ((v.chat as { type?: string } | undefined)?.type === 'private' || 'data' in v) this.startChat(state);
      }
      const chat = v.chat as { id: number; type: string } | undefined;
      if (chat && typeof chat.id === 'number' && !this.chats.has(chat.id)) {
        this.chats.set(chat.id, {
          chat: { ...chat },
          chatInstance: randomBytes(8).readBigInt64BE().toString(),
          nextMessageId: 1,
          messages: new Map(),
          sent: [],
        });
      }
      const known = chat && this.chats.get(chat.id);
      if (known && typeof v.message_id === 'number' && typeof v.date === 'number') {
        known.messages.set(v.message_id, { message: structuredClone(v), fromBot: false, deleted: false });
        known.nextMessageId = Math.max(known.nextMessageId, v.message_id + 1);
      }
      if (typeof v.id === 'string' && 'chat_instance' in v) this.callbackQueries.set(v.id, { answered: false });
    }
  }

  private enqueue(partial: Msg): Promise<Update> {
    const update = { update_id: this.nextUpdateId++, ...partial } as Update;
    this.history.set(update.update_id, update);
    this.queue.push({ update, forced: false, handedOut: false });
    return this.handOver(update);
  }

  private handOver(update: Update): Promise<Update> {
    this.poll?.wake();
    this.notify();
    if (!this.webhookState || this.closed) return Promise.resolve(update);
    const done = new Promise<Update>((resolve) => {
      const list = this.deliveryWaiters.get(update.update_id) ?? [];
      list.push(() => resolve(update));
      this.deliveryWaiters.set(update.update_id, list);
    });
    this.pumpWebhook();
    return done;
  }

  /** Delivers queued updates to the webhook one at a time, in order, retrying failures. */
  private pumpWebhook(): void {
    const hook = this.webhookState;
    if (!hook || this.delivering || this.retryTimer || this.closed) return;
    const entry = this.queue[0];
    if (!entry) return;
    this.delivering = true;
    void this.postUpdate(hook, entry.update).then((outcome) => {
      this.delivering = false;
      this.inflightWebhook = undefined;
      if (this.closed) return;
      const waiters = this.deliveryWaiters.get(entry.update.update_id);
      if (waiters?.length) waiters.shift()!();
      if (waiters && waiters.length === 0) this.deliveryWaiters.delete(entry.update.update_id);
      if (outcome.ok) {
        hook.attempts = 0;
        const index = this.queue.indexOf(entry);
        if (index >= 0) this.queue.splice(index, 1);
        if (outcome.reply) void this.runWebhookReply(outcome.reply);
      } else {
        hook.attempts++;
        hook.last_error_date = nowSeconds();
        hook.last_error_message = outcome.error;
        if (this.webhookState === hook) {
          const wait = Math.min(2000, this.options.webhookRetryMs * 2 ** (hook.attempts - 1));
          this.retryTimer = setTimeout(() => {
            this.retryTimer = undefined;
            this.pumpWebhook();
          }, wait);
        }
      }
      this.notify();
      this.pumpWebhook();
    });
  }

  private postUpdate(hook: Webhook, update: Update): Promise<{ ok: true; reply?: Msg } | { ok: false; error: string }> {
    const body = Buffer.from(JSON.stringify(update));
    const url = new URL(hook.url);
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise((resolve) => {
      const req = transport.request(
        url,
        {
          method: 'POST',
          agent: false,
          timeout: this.options.webhookTimeoutMs,
          headers: {
            'content-type': 'application/json',
            'content-length': body.length,
            ...(hook.secret_token !== undefined ? { 'x-telegram-bot-api-secret-token': hook.secret_token } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', () => resolve({ ok: false, error: 'Connection reset by peer' }));
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            if (status < 200 || status >= 300) {
              resolve({ ok: false, error: `Wrong response from the webhook: ${status} ${res.statusMessage ?? ''}`.trim() });
              return;
            }
            let reply: Msg | undefined;
            const text = Buffer.concat(chunks).toString('utf8');
            if (/json/i.test(res.headers['content-type'] ?? '') && text !== '') {
              try {
                const parsed = JSON.parse(text) as unknown;
                if (parsed && typeof parsed === 'object' && typeof (parsed as Msg).method === 'string') reply = parsed as Msg;
              } catch {
                // Telegram ignores a body it cannot read.
              }
            }
            resolve(reply ? { ok: true, reply } : { ok: true });
          });
        },
      );
      this.inflightWebhook = req;
      req.on('timeout', () => req.destroy(new Error('Read timeout expired')));
      req.on('error', (error: NodeJS.ErrnoException) =>
        resolve({ ok: false, error: error.code === 'ECONNREFUSED' ? 'Connection refused' : error.message }),
      );
      req.end(body);
    });
  }

  /** A method returned in the webhook's answer body is executed; its result goes nowhere. */
  private async runWebhookReply(reply: Msg): Promise<void> {
    const method = this.canonicalMethods.get(String(reply.method).toLowerCase());
    const { method: _method, ...fields } = reply;
    if (!method) {
      this.callLog.push({ method: String(reply.method), params: fields, status: 404, description: 'Not Found', time: Date.now(), viaWebhookReply: true });
      return;
    }
    await this.invoke(method, new Params(fields, new Map()), { signal: new AbortController().signal }, false);
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter.check();
  }
}

// ================================================================ helpers

function toUser(input: FakeUserInput): User {
  return {
    id: input.id,
    is_bot: false,
    first_name: input.first_name,
    ...(input.last_name !== undefined ? { last_name: input.last_name } : {}),
    ...(input.username !== undefined ? { username: input.username } : {}),
    ...(input.language_code !== undefined ? { language_code: input.language_code } : {}),
  };
}

function documentJson(fileId: string, record: FileRecord) {
  return {
    file_id: fileId,
    file_unique_id: record.file_unique_id,
    ...(record.file_name !== undefined ? { file_name: record.file_name } : {}),
    ...(record.mime_type !== undefined ? { mime_type: record.mime_type } : {}),
    file_size: record.bytes.length,
  };
}

function validateInlineButton(button: unknown): void {
  if (typeof button !== 'object' || button === null) throw badRequest("can't parse inline keyboard button: object expected");
  const b = button as Record<string, unknown>;
  if (typeof b.text !== 'string') throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  const actions = ['url', 'callback_data', 'web_app', 'login_url', 'switch_inline_query', 'switch_inline_query_current_chat',
    'switch_inline_query_chosen_chat', 'copy_text', 'callback_game', 'pay'];
  if (!actions.some((a) => b[a] !== undefined)) throw badRequest('text buttons are unallowed in the inline keyboard');
  if (b.callback_data !== undefined) {
    const data = b.callback_data;
    const bytes = typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : 0;
    if (bytes < 1 || bytes > 64) throw badRequest('BUTTON_DATA_INVALID');
  }
  if (b.url !== undefined) {
    const url = String(b.url);
    if (!/^tg:/i.test(url) && normalizeUrl(url) === undefined) {
      throw badRequest(`inline keyboard button URL '${url}' is invalid: Wrong HTTP URL`);
    }
  }
}

function inlineOnly(markup: ReplyMarkup | undefined): Msg {
  // A sent Message carries reply_markup only for inline keyboards.
  return markup && 'inline_keyboard' in markup ? { reply_markup: markup } : {};
}

function flattenInline(markup: ReplyMarkup | undefined): Button[] {
  if (!markup || !('inline_keyboard' in markup)) return [];
  return markup.inline_keyboard.flat().map((b) => {
    const button = b as unknown as Record<string, unknown>;
    return {
      text: String(button.text),
      ...(typeof button.callback_data === 'string' ? { data: button.callback_data } : {}),
      ...(typeof button.url === 'string' ? { url: button.url } : {}),
    };
  });
}

function flattenKeyboard(rows: unknown[][]): KeyboardButtonInfo[][] {
  return rows.map((row) =>
    row.map((button) => {
      if (typeof button === 'string') return { text: button };
      const b = button as Record<string, unknown>;
      return {
        text: String(b.text),
        ...(b.request_contact === true ? { request_contact: true } : {}),
        ...(b.request_location === true ? { request_location: true } : {}),
      };
    }),
  );
}

function editRecord(
  method: string,
  text: string | undefined,
  plainText: string | undefined,
  parseMode: string | undefined,
  markup: ReplyMarkup | undefined,
): SentEdit {
  return {
    method,
    time: Date.now(),
    ...(text !== undefined ? { text } : {}),
    ...(plainText !== undefined ? { plainText } : {}),
    ...(parseMode !== undefined ? { parse_mode: parseMode } : {}),
    ...(markup !== undefined ? { reply_markup: markup } : {}),
  };
}

function commandKey(scope: unknown, languageCode: string | undefined): string {
  const s = (scope ?? { type: 'default' }) as Record<string, unknown>;
  const normalized = Object.fromEntries(Object.entries(s).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, String(v)]));
  return `${JSON.stringify(normalized)}|${languageCode ?? ''}`;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

const delay = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref();
  });

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new Error('body too large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function drain(req: http.IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    req.resume();
    req.on('end', resolve);
    req.on('error', () => resolve());
    req.on('close', () => resolve());
  });
}
