/**
 * Types of the Zalo Bot Platform API (https://bot.zapps.me/docs) as documented
 * AND as observed in live traffic (see shared/ZALO_BOT_API.md). Where the two
 * disagree, the types admit both and the helpers below pick the observed one.
 */

/** Events documented in 2026. Unknown names are still accepted (Zalo adds events). */
export type ZaloEventName =
  | 'message.text.received'
  | 'message.image.received'
  | 'message.sticker.received'
  | 'message.voice.received'
  | 'message.unsupported.received'
  | (string & {});

export type ZaloChatType = 'PRIVATE' | 'GROUP';

export interface ZaloUser {
  /** Opaque hex string, never a number. */
  id: string;
  display_name: string;
  is_bot: boolean;
}

export interface ZaloChat {
  /** Where to reply. In PRIVATE chats it equals `from.id`; in groups it is the group id. */
  id: string;
  chat_type: ZaloChatType;
}

export interface ZaloMessage {
  /** 20-hex-like string, e.g. `2d758cb5e222177a4e35`. With `event_name` it is the dedupe key (there is no update_id). */
  message_id: string;
  /** Epoch milliseconds. */
  date: number;
  from: ZaloUser;
  chat: ZaloChat;
  text?: string;
  /** Image URL as documented. Live traffic uses `photo_url` instead: read {@link photoUrlOf}. */
  photo?: string;
  /** Image URL as actually sent by Zalo (observed, March 2026). */
  photo_url?: string;
  caption?: string;
  /** Sticker id. */
  sticker?: string;
  /** Sticker URL. */
  url?: string;
  voice_url?: string;
}

/**
 * One update. Zalo has no update id and no batch: getUpdates returns one of
 * these per call, and the webhook POSTs one per request (flat or wrapped in
 * `{ ok, result }`; {@link parseZaloUpdate} accepts both).
 */
export interface ZaloUpdate {
  event_name: ZaloEventName;
  message: ZaloMessage;
}

/** `getMe` result. `id` is numeric on the wire's meaning but kept as a string. */
export interface ZaloBotInfo {
  id: string;
  account_name: string;
  account_type: string;
  can_join_groups: boolean;
}

/** `setWebhook` / `deleteWebhook` / `getWebhookInfo` result. `url` is `""` when none is set. */
export interface ZaloWebhookInfo {
  url: string;
  updated_at: number;
  /** Newer docs: the result of the probe Zalo makes when the webhook is set. */
  verification?: { ok: boolean; url: string; outcome: string; hint?: string };
}

/** Result of every `send*` method. */
export interface ZaloSentMessage {
  message_id: string;
  date: number;
}

export type ZaloParseMode = 'markdown' | 'html';

/** The JSON envelope of every API response. */
export interface ZaloEnvelope<T = unknown> {
  ok: boolean;
  result?: T;
  error_code?: number;
  description?: string;
}

/** The image URL of a message: the observed `photo_url`, else the documented `photo`. */
export function photoUrlOf(msg: ZaloMessage): string | undefined {
  return msg.photo_url ?? msg.photo;
}

/** Dedupe key of an update: `${event_name}:${message_id}`. */
export function updateKey(u: ZaloUpdate): string {
  return `${u.event_name}:${u.message.message_id}`;
}

/** Key that orders processing: one chat's updates run one at a time, in order. */
export function chatKeyOf(u: ZaloUpdate): string {
  return u.message.chat.id;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads an update from a webhook body or a getUpdates `result`: flat
 * `{ event_name, message }` (what Zalo sends in production) or wrapped
 * `{ ok, result: { event_name, message } }` (what the docs show).
 * Returns null when the body is not an update we can route (no message,
 * message_id, chat id or sender), so the caller can acknowledge and ignore it.
 */
export function parseZaloUpdate(body: unknown): ZaloUpdate | null {
  if (!isRecord(body)) return null;
  const candidate = typeof body.event_name === 'string' ? body : body.result;
  if (!isRecord(candidate) || typeof candidate.event_name !== 'string') return null;
  const m = candidate.message;
  if (!isRecord(m) || !isRecord(m.chat) || !isRecord(m.from)) return null;
  const messageId = idString(m.message_id);
  const chatId = idString(m.chat.id);
  const fromId = idString(m.from.id);
  if (messageId === undefined || chatId === undefined || fromId === undefined) return null;
  // Normalise ids to strings (some clients have seen numbers) and keep every other field as sent.
  const message = {
    ...m,
    message_id: messageId,
    date: typeof m.date === 'number' ? m.date : Number(m.date ?? 0),
    from: {
      ...m.from,
      id: fromId,
      display_name: typeof m.from.display_name === 'string' ? m.from.display_name : '',
      is_bot: m.from.is_bot === true,
    },
    chat: {
      ...m.chat,
      id: chatId,
      chat_type: m.chat.chat_type === 'GROUP' ? 'GROUP' : 'PRIVATE',
    },
  } as ZaloMessage;
  return { event_name: candidate.event_name, message };
}

function idString(v: unknown): string | undefined {
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}
