/**
 * Sends stored replies to Telegram through grammY's `Api` (no auto-retry
 * plugin: the delivery worker decides retries and honours retry_after).
 * Files go first (a photo or document, uploaded once per process and then
 * re-sent by file_id), then the text split under 4,096 characters with the
 * inline keyboard on its last part.
 */
import { createHash } from 'node:crypto';
import { Api, GrammyError, HttpError, InputFile } from 'grammy';
import type { Message } from 'grammy/types';
import type { OutFile, Reply } from '../../domain/chat/reply.ts';
import { escapeHtml, textOf } from '../chat/render.ts';
import { SendFailure, sendParts, noWait, type SendContext, type Sender, type SendResult, type SendTarget } from '../delivery/sender.ts';
import type { Translator } from '../i18n.ts';
import { toTelegram } from './render.ts';

export interface TelegramSenderOptions {
  token: string;
  /** Default https://api.telegram.org (tests: the fake's apiRoot). */
  apiRoot?: string;
  tr: Translator;
  /** Per call; after it the outcome is unknown. Default 20 s. */
  timeoutSeconds?: number;
}

/** Codes of a connection that never carried the request: safe to retry, nothing arrived. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ERR_INVALID_URL']);
/** Telegram's words for an account that cannot receive from the bot. */
const UNREACHABLE = /chat not found|user not found|peer_id_invalid|user is deactivated|bot was kicked|bot was blocked|can't initiate conversation|not enough rights to send/i;
const CAPTION_LIMIT = 1024;
const FILE_ID_CACHE = 200;

/** Classifies what grammY threw. */
export function classifyTelegramError(err: unknown): SendFailure {
  if (err instanceof SendFailure) return err;
  if (err instanceof GrammyError) {
    const code = err.error_code;
    const detail = `${code}: ${err.description}`;
    if (code === 429) return new SendFailure('rate_limited', detail, Math.max(1, err.parameters.retry_after ?? 1) * 1000, code);
    if (code === 403 || (code === 400 && UNREACHABLE.test(err.description))) return new SendFailure('blocked', detail, undefined, code);
    // 401/404: our token or API root is wrong; keep the rows until the operator fixes it.
    if (code === 401 || code === 404 || code >= 500) return new SendFailure('transient', detail, undefined, code);
    return new SendFailure('permanent', detail, undefined, code);
  }
  if (err instanceof HttpError) {
    const inner = err.error as { code?: unknown; message?: unknown } | undefined;
    const code = typeof inner?.code === 'string' ? inner.code : undefined;
    if (code && NOT_SENT.has(code)) return new SendFailure('transient', `network: ${code}`, undefined, code);
    return new SendFailure('unknown', `network: ${code ?? (typeof inner?.message === 'string' ? inner.message.slice(0, 120) : 'no answer')}`, undefined, code);
  }
  return new SendFailure('unknown', err instanceof Error ? `${err.name}: ${err.message.slice(0, 160)}` : String(err));
}

function chatIdOf(chatId: string): number | string {
  return /^-?\d+$/.test(chatId) ? Number(chatId) : chatId;
}

export class TelegramSender implements Sender {
  readonly api: Api;
  readonly #tr: Translator;
  /** sha256 of a file's bytes → its Telegram file_id (once uploaded), so a notice's photo is uploaded once, not 10,000 times. */
  readonly #fileIds = new Map<string, Promise<string | undefined>>();

  constructor(options: TelegramSenderOptions) {
    this.api = new Api(options.token, { apiRoot: options.apiRoot, timeoutSeconds: options.timeoutSeconds ?? 20 });
    this.#tr = options.tr;
  }

  async send(target: SendTarget, reply: Reply, context: SendContext = noWait): Promise<SendResult> {
    const chatId = chatIdOf(target.chatId);
    // An urgent notice the sender chose to pay for (TELEGRAM_PAID_BROADCAST): every part of it carries the flag.
    const paid: { allow_paid_broadcast?: true } = target.paid ? { allow_paid_broadcast: true } : {};
    let calls: Array<() => Promise<Message>>;
    try {
      const messages = toTelegram({ ...reply, files: undefined }, this.#tr, target.locale);
      calls = [
        ...(reply.files ?? []).map((file) => () => this.#sendFile(chatId, file, target.locale, paid)),
        ...messages.map((m) => () =>
          this.api.sendMessage(chatId, m.text, {
            parse_mode: m.parse_mode,
            link_preview_options: { is_disabled: true },
            ...paid,
            ...(m.reply_markup ? { reply_markup: m.reply_markup } : {}),
          }),
        ),
      ];
    } catch (err) {
      throw new SendFailure('permanent', `render: ${err instanceof Error ? err.message.slice(0, 160) : String(err)}`);
    }
    const last = await sendParts(calls, context, classifyTelegramError, 1000);
    return { messageId: String(last!.message_id) };
  }

  async #sendFile(chatId: number | string, file: OutFile, locale: SendTarget['locale'], paid: { allow_paid_broadcast?: true }): Promise<Message> {
    const hash = createHash('sha256').update(file.data).digest('hex');
    const caption = file.caption ? escapeHtml(textOf(file.caption, this.#tr, locale)).slice(0, CAPTION_LIMIT) : undefined;
    const extra = { ...(caption ? { caption, parse_mode: 'HTML' as const } : {}), ...paid };
    const send = (input: string | InputFile): Promise<Message> => (file.kind === 'photo' ? this.api.sendPhoto(chatId, input, extra) : this.api.sendDocument(chatId, input, extra));
    // Concurrent sends of the same new file wait for the first upload, then reuse its file_id
    // (no await between looking up and registering the upload, so only one caller uploads).
    const pending = this.#fileIds.get(hash);
    if (pending) {
      const known = await pending;
      if (known) return send(known);
      // That upload failed: upload it ourselves.
    }
    let resolveId!: (id: string | undefined) => void;
    this.#fileIds.set(hash, new Promise((r) => (resolveId = r)));
    if (this.#fileIds.size > FILE_ID_CACHE) this.#fileIds.delete(this.#fileIds.keys().next().value!);
    try {
      const message = await send(new InputFile(Buffer.from(file.data), file.fileName));
      const fileId = file.kind === 'photo' ? message.photo?.[message.photo.length - 1]?.file_id : message.document?.file_id;
      resolveId(fileId);
      if (!fileId) this.#fileIds.delete(hash);
      return message;
    } catch (err) {
      resolveId(undefined);
      this.#fileIds.delete(hash);
      throw err;
    }
  }

}
