/**
 * The Telegram adapter (grammY). It only translates: an update becomes an
 * Inbound for the conversation engine, and the engine's replies become
 * messages (HTML, inline keyboards, documents, photos). Long polling runs
 * with @grammyjs/runner (one chat's updates in order); webhook mode checks
 * the secret token before anything else. Outgoing calls retry 429s (with
 * retry_after) and network errors through the auto-retry transformer.
 */
import { autoRetry } from '@grammyjs/auto-retry';
import { run, sequentialize, type RunnerHandle } from '@grammyjs/runner';
import { Bot, GrammyError, HttpError, InputFile, webhookCallback, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Inbound, Outcome } from '../../domain/chat/engine.ts';
import type { Reply } from '../../domain/chat/reply.ts';
import type { Locale, Translator } from '../i18n.ts';
import type { Logger } from '../logger.ts';
import { escapeHtml, textOf } from '../chat/render.ts';
import type { HttpRouter } from '../http/server.ts';
import { readCallbackData, toTelegram } from './render.ts';

export interface InboundHandler {
  handle(inbound: Inbound, dedupeKey?: string): Promise<Outcome | null>;
}

export interface TelegramOptions {
  token: string;
  apiRoot?: string;
  handler: InboundHandler;
  tr: Translator;
  log: Logger;
  /** Skips getMe (tests, or when known). */
  botInfo?: UserFromGetMe;
  retry?: { maxRetryAttempts?: number; maxDelaySeconds?: number };
}

/** The Vietnamese command menu (English for English-language clients). */
export const COMMANDS = ['capnhat', 'viectoi', 'baocao', 'nv', 'donvi', 'quahan', 'sapden', 'tiendo', 'vuongmac', 'chamcapnhat', 'kiennghi', 'giaitrinh', '6ro', 'sua', 'rutlai', 'huy', 'giao', 'phuluc', 'guitep', 'thongbao', 'dangky', 'huydangky', 'roikhoi', 'trogiup'] as const;

/** Translates an update into the engine's terms; null for updates the bot ignores. */
export function toInbound(ctx: Context): Inbound | null {
  const from = ctx.from;
  const chat = ctx.chat;
  if (!from || !chat || from.is_bot) return null;
  const base: Inbound = {
    channel: 'TELEGRAM',
    canShareContact: true,
    buttons: true,
    chatId: String(chat.id),
    user: { externalId: String(from.id), username: from.username, displayName: [from.first_name, from.last_name].filter(Boolean).join(' ') },
  };
  if (ctx.callbackQuery) return ctx.callbackQuery.data ? { ...base, ...readCallbackData(ctx.callbackQuery.data) } : null;
  const msg = ctx.message;
  if (!msg) return null;
  if (chat.type !== 'private') return null; // groups are not served: tasks and reports are personal
  if (msg.contact) return { ...base, contact: { phone: msg.contact.phone_number, userId: msg.contact.user_id ? String(msg.contact.user_id) : undefined } };
  if (msg.document) return { ...base, file: { kind: 'document', fileId: msg.document.file_id, fileName: msg.document.file_name, channel: 'TELEGRAM', size: msg.document.file_size }, text: msg.caption };
  if (msg.photo?.length) return { ...base, file: { kind: 'photo', fileId: msg.photo[msg.photo.length - 1]!.file_id, channel: 'TELEGRAM' }, text: msg.caption };
  const audio = msg.voice ?? msg.audio;
  if (audio) return { ...base, voice: { channel: 'TELEGRAM', ref: audio.file_id, durationSeconds: audio.duration, sizeBytes: audio.file_size, mime: audio.mime_type } };
  if (typeof msg.text !== 'string') return { ...base, text: '', unsupported: msg.sticker ? 'sticker' : msg.video_note ? 'voice' : 'other' };
  const start = /^\/start(?:@\w+)?\s+(\S+)/.exec(msg.text);
  if (start) return { ...base, startPayload: start[1] };
  return { ...base, text: msg.text };
}

export async function sendReplies(api: Bot['api'], chatId: number | string, replies: Reply[], tr: Translator, locale: Locale): Promise<void> {
  for (const reply of replies) {
    if (reply.lines.length || reply.choices?.length) {
      for (const m of toTelegram(reply, tr, locale)) {
        await api.sendMessage(chatId, m.text, { parse_mode: 'HTML', reply_markup: m.reply_markup, link_preview_options: { is_disabled: true } });
      }
    }
    for (const f of reply.files ?? []) {
      const file = new InputFile(Buffer.from(f.data), f.fileName);
      const caption = f.caption ? textOf(f.caption, tr, locale).slice(0, 1024) : undefined;
      if (f.kind === 'photo') await api.sendPhoto(chatId, file, { caption });
      else await api.sendDocument(chatId, file, { caption });
    }
  }
}

export function createTelegramBot(o: TelegramOptions): Bot {
  const bot = new Bot(o.token, { client: { apiRoot: o.apiRoot }, botInfo: o.botInfo });
  bot.api.config.use(
    autoRetry({ maxRetryAttempts: o.retry?.maxRetryAttempts ?? 5, maxDelaySeconds: o.retry?.maxDelaySeconds ?? 120, rethrowInternalServerErrors: false, rethrowHttpErrors: false }),
  );
  // One chat's updates in order; different chats in parallel (runner). The database lock does the same across instances.
  bot.use(sequentialize((ctx: Context) => (ctx.chat?.id ?? ctx.from?.id)?.toString()));
  bot.use(async (ctx) => {
    const log = o.log.child({ update: ctx.update.update_id, chat: ctx.chat?.id });
    const inbound = toInbound(ctx);
    if (!inbound) return;
    const route = inbound.choiceId ? 'button' : inbound.contact ? 'contact' : inbound.file ? 'file' : inbound.voice ? 'voice' : inbound.startPayload ? 'start' : 'text';
    // update_id is unique per bot: the key names the bot too, so a change of token starts afresh.
    let outcome: Outcome | null;
    try {
      outcome = await o.handler.handle(inbound, `${ctx.me.id}:${ctx.update.update_id}`);
    } catch (err) {
      // Our bug or the database: nothing was saved (the transaction rolled back); say so instead of going silent.
      log.error({ err: describe(err), route }, 'update failed');
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
      await ctx.api.sendMessage(ctx.chat!.id, escapeHtml(o.tr.t('chat-error', {}, 'vi')), { parse_mode: 'HTML' }).catch(() => undefined);
      return;
    }
    log.info({ route, replies: outcome?.replies.length ?? 0, duplicate: outcome === null }, 'update handled');
    if (ctx.callbackQuery) {
      const text = outcome?.toast ? textOf(outcome.toast, o.tr, 'vi') : undefined;
      await ctx.answerCallbackQuery(text ? { text } : undefined).catch((err) => log.warn({ err: describe(err) }, 'answerCallbackQuery failed'));
      // The pressed keyboard has done its job: remove it so old buttons are not pressed again.
      if (outcome && ctx.callbackQuery.message) {
        await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
      }
    }
    if (!outcome) return;
    await sendReplies(ctx.api, ctx.chat!.id, outcome.replies, o.tr, 'vi');
  });
  bot.catch((err) => {
    o.log.error({ err: describe(err.error), update: err.ctx.update.update_id }, 'update failed');
  });
  return bot;
}

/** Error fields that are safe to log (no token: grammY's errors never contain it). */
export function describe(err: unknown): Record<string, unknown> {
  if (err instanceof GrammyError) return { kind: 'api', method: err.method, code: err.error_code, description: err.description };
  if (err instanceof HttpError) return { kind: 'network', message: err.message };
  if (err instanceof Error) return { kind: 'bug', message: err.message, stack: err.stack };
  return { kind: 'unknown', value: String(err) };
}

export async function setCommands(bot: Bot, tr: Translator): Promise<void> {
  for (const locale of ['vi', 'en'] as Locale[]) {
    const commands = COMMANDS.map((c) => ({ command: c, description: tr.t(`telegram-cmd-${c}`, {}, locale) }));
    await bot.api.setMyCommands(commands, locale === 'vi' ? {} : { language_code: 'en' });
  }
}

export function startPolling(bot: Bot): RunnerHandle {
  return run(bot, { runner: { fetch: { allowed_updates: ['message', 'callback_query'] } } });
}

/**
 * Serves Telegram's webhook at the URL's path on the shared HTTP server.
 * grammY checks X-Telegram-Bot-Api-Secret-Token before reading the update
 * and answers 401 on a mismatch.
 */
export async function mountWebhook(bot: Bot, router: HttpRouter, options: { url: string; secret: string }): Promise<void> {
  const callback = webhookCallback(bot, 'http', { secretToken: options.secret, onTimeout: 'return', timeoutMilliseconds: 55_000 });
  router.post(new URL(options.url).pathname, (req, res) => callback(req, res));
  await bot.init();
  await bot.api.setWebhook(options.url, { secret_token: options.secret, allowed_updates: ['message', 'callback_query'] });
}
