/**
 * Sends stored replies to Zalo. Zalo has no buttons, so choices become a
 * numbered menu ("Trả lời 1, 2 hoặc 3"); the worker records the same choices
 * in the chat's conversation so a typed "2" means the same on any instance.
 * Zalo's sendPhoto only takes a public URL: with a file publisher (expiring
 * links under PUBLIC_BASE_URL) a photo goes out by link — published once per
 * file, not once per recipient — and a document as a link in the text;
 * without one, the text says the file could not be sent on Zalo. The client
 * is built without its own retry (the worker owns retries).
 */
import { createHash } from 'node:crypto';
import type { OutFile, Reply } from '../../domain/chat/reply.ts';
import { renderReply, textOf } from '../chat/render.ts';
import { SendFailure, sendParts, noWait, type SendContext, type Sender, type SendResult, type SendTarget } from '../delivery/sender.ts';
import type { Translator } from '../i18n.ts';
import type { FilePublisher } from './adapter.ts';
import { ZaloClient } from './client.ts';
import { ZaloApiError, ZaloHttpError } from './errors.ts';
import { splitText, ZALO_TEXT_LIMIT } from './split-text.ts';

export interface ZaloSenderOptions {
  tr: Translator;
  /** An existing client (its own retry should be off), or a token and API root to build one. */
  client?: ZaloClient;
  token?: string;
  apiRoot?: string;
  fetchTimeoutMs?: number;
  /** Zalo's 429 carries no retry_after: wait this long. Default 5 s. */
  quotaBackoffMs?: number;
  /** Publishes files as expiring public links (bot/files/links.ts); without it files are only named. */
  files?: FilePublisher;
}

/** A published link is reused for this long (links live FILE_LINK_TTL_HOURS, 72 h by default). */
const LINK_REUSE_MS = 3_600_000;

const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

export function classifyZaloError(err: unknown, quotaBackoffMs = 5000): SendFailure {
  if (err instanceof SendFailure) return err;
  if (err instanceof ZaloApiError) {
    const code = err.error_code;
    const detail = `${code}: ${err.description}`;
    if (code === 429) return new SendFailure('rate_limited', detail, quotaBackoffMs, code);
    // 404: unknown chat_id (never wrote to the bot) or "user is unreachable".
    if (code === 404) return new SendFailure('blocked', detail, undefined, code);
    // 403 is labelled "Internal server error" by Zalo; 401 is our token: keep the rows.
    if (code === 403 || code === 401 || code === 408 || code >= 500) return new SendFailure('transient', detail, undefined, code);
    return new SendFailure('permanent', detail, undefined, code);
  }
  if (err instanceof ZaloHttpError) {
    if (err.kind === 'network' && err.code && NOT_SENT.has(err.code)) return new SendFailure('transient', `network: ${err.code}`, undefined, err.code);
    return new SendFailure('unknown', `${err.kind}${err.code ? `: ${err.code}` : ''}`, undefined, err.code);
  }
  return new SendFailure('unknown', err instanceof Error ? `${err.name}: ${err.message.slice(0, 160)}` : String(err));
}

export class ZaloSender implements Sender {
  readonly client: ZaloClient;
  readonly #tr: Translator;
  readonly #quotaBackoffMs: number;
  readonly #files: FilePublisher | undefined;
  readonly #links = new Map<string, { url: Promise<string>; at: number }>();

  constructor(options: ZaloSenderOptions) {
    this.#tr = options.tr;
    this.#quotaBackoffMs = options.quotaBackoffMs ?? 5000;
    this.#files = options.files;
    if (options.client) this.client = options.client;
    else if (options.token) this.client = new ZaloClient({ token: options.token, apiRoot: options.apiRoot, retry: false, fetchTimeoutMs: options.fetchTimeoutMs ?? 20_000 });
    else throw new TypeError('ZaloSender needs a client or a token');
  }

  /** The text a Zalo user reads for a reply: numbered choices. */
  render(reply: Reply, locale: SendTarget['locale']): string {
    return renderReply(reply, this.#tr, locale, { numberChoices: true });
  }

  async send(target: SendTarget, reply: Reply, context: SendContext = noWait): Promise<SendResult> {
    const { chatId, locale } = target;
    const calls: Array<() => Promise<string>> = splitText(this.render(reply, locale), ZALO_TEXT_LIMIT)
      .filter((chunk) => chunk.trim())
      .map((chunk) => async () => (await this.client.sendMessage(chatId, chunk)).message_id);
    for (const file of reply.files ?? []) calls.push(() => this.#sendFile(chatId, file, locale));
    const last = await sendParts(calls, context, (err) => classifyZaloError(err, this.#quotaBackoffMs), this.#quotaBackoffMs);
    return { messageId: last ?? '' };
  }

  async #sendFile(chatId: string, file: OutFile, locale: SendTarget['locale']): Promise<string> {
    if (!this.#files) return (await this.client.sendMessage(chatId, this.#tr.t('zalo-file-unavailable', { name: file.fileName, kind: file.kind }, locale))).message_id;
    const url = await this.#link(file);
    if (file.kind === 'photo') {
      const caption = file.caption ? textOf(file.caption, this.#tr, locale).slice(0, 2000) : undefined;
      return (await this.client.sendPhoto(chatId, url, caption)).message_id;
    }
    return (await this.client.sendMessage(chatId, this.#tr.t('zalo-file-link', { name: file.fileName, url }, locale))).message_id;
  }

  /** One public link per file (by content) for an hour, however many recipients. */
  #link(file: OutFile): Promise<string> {
    const hash = createHash('sha256').update(file.data).digest('hex');
    const known = this.#links.get(hash);
    if (known && Date.now() - known.at < LINK_REUSE_MS) return known.url;
    const url = this.#files!.publish(file);
    this.#links.set(hash, { url, at: Date.now() });
    url.catch(() => this.#links.delete(hash));
    if (this.#links.size > 100) this.#links.delete(this.#links.keys().next().value!);
    return url;
  }
}
