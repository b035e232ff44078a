/**
 * The Zalo adapter: updates become Inbound messages for the conversation
 * engine; replies become plain text with numbered choices ("Trả lời 1, 2
 * hoặc 3"), split under Zalo's 2,000 characters. Zalo has no buttons and
 * sends photos only by URL: charts go out as expiring links when a public
 * base URL is configured, else the answer says to use Telegram or the console.
 */
import type { Inbound, Outcome } from '../../domain/chat/engine.ts';
import type { OutFile, Reply } from '../../domain/chat/reply.ts';
import { renderReply, textOf } from '../chat/render.ts';
import type { Locale, Translator } from '../i18n.ts';
import type { Logger } from '../logger.ts';
import type { ZaloClient } from './client.ts';
import { errorFields } from './errors.ts';
import { photoUrlOf, updateKey, type ZaloUpdate } from './types.ts';

export interface InboundHandler {
  handle(inbound: Inbound, dedupeKey?: string): Promise<Outcome | null>;
}

/** Publishes a file and returns its public URL (bot/files/links.ts). */
export interface FilePublisher {
  publish(file: Pick<OutFile, 'fileName' | 'mime' | 'data'>): Promise<string>;
}

export function zaloInbound(u: ZaloUpdate): Inbound | null {
  const m = u.message;
  if (m.chat.chat_type !== 'PRIVATE' || m.from.is_bot) return null;
  const base: Inbound = { channel: 'ZALO', chatId: m.chat.id, user: { externalId: m.from.id, displayName: m.from.display_name } };
  switch (u.event_name) {
    case 'message.text.received':
      return { ...base, text: m.text ?? '' };
    case 'message.image.received': {
      const url = photoUrlOf(m);
      return url ? { ...base, file: { kind: 'photo', fileId: url, channel: 'ZALO' }, text: m.caption } : { ...base, text: '' };
    }
    case 'message.voice.received':
      // Heard by the chat service (speech to text) when voice is enabled; the URL is kept as evidence.
      return m.voice_url ? { ...base, voice: { channel: 'ZALO', ref: m.voice_url } } : { ...base, text: '', unsupported: 'voice' };
    default: {
      // Stickers, voice without a URL and "unsupported" content (protected users): nothing to read; the engine says what it accepts.
      const kind = /sticker/.test(u.event_name) ? 'sticker' : /voice|audio/.test(u.event_name) ? 'voice' : 'other';
      return { ...base, text: '', unsupported: kind };
    }
  }
}

export async function sendZaloReplies(
  client: ZaloClient,
  chatId: string,
  replies: Reply[],
  deps: { tr: Translator; locale: Locale; files?: FilePublisher; log?: Logger },
): Promise<void> {
  const { tr, locale } = deps;
  for (const reply of replies) {
    const text = renderReply(reply, tr, locale, { numberChoices: true });
    if (text.trim()) await client.sendText(chatId, text);
    for (const f of reply.files ?? []) {
      const caption = f.caption ? textOf(f.caption, tr, locale) : undefined;
      if (!deps.files) {
        await client.sendText(chatId, tr.t('zalo-file-unavailable', { name: f.fileName, kind: f.kind }, locale));
        continue;
      }
      const url = await deps.files.publish(f);
      if (f.kind === 'photo') await client.sendPhoto(chatId, url, caption?.slice(0, 2000));
      else await client.sendText(chatId, tr.t('zalo-file-link', { name: f.fileName, url }, locale));
    }
  }
}

/** The update handler for polling and webhook: engine first, then the replies, in the chat's order. */
export function createZaloUpdateHandler(o: { handler: InboundHandler; client: ZaloClient; tr: Translator; log: Logger; files?: FilePublisher }) {
  return async (update: ZaloUpdate): Promise<void> => {
    const inbound = zaloInbound(update);
    if (!inbound) return;
    const log = o.log.child({ event: update.event_name, message: update.message.message_id });
    let outcome: Outcome | null;
    try {
      outcome = await o.handler.handle(inbound, `zalo:${updateKey(update)}`);
    } catch (err) {
      // Nothing was saved (the transaction rolled back): tell the person rather than go silent.
      log.error({ err: errorFields(err) }, 'update failed');
      await o.client.sendText(inbound.chatId, o.tr.t('chat-error', {}, 'vi')).catch(() => undefined);
      return;
    }
    log.info({ replies: outcome?.replies.length ?? 0, duplicate: outcome === null }, 'update handled');
    if (!outcome) return;
    try {
      await sendZaloReplies(o.client, inbound.chatId, outcome.replies, { tr: o.tr, locale: 'vi', files: o.files, log });
    } catch (err) {
      log.error({ err: errorFields(err) }, 'sending replies failed');
    }
  };
}
