/** Public shapes of the fake Telegram server's test driver API. */
import type {
  BotCommand,
  ForceReply,
  InlineKeyboardMarkup,
  LinkPreviewOptions,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
} from 'grammy/types';
import type { Entity } from './formatting.ts';

export type { Entity } from './formatting.ts';
export type { RateStats } from './rate-limiter.ts';

export interface FakeTelegramOptions {
  /** Bot token; the bot id is the part before ':'. Default '123456789:fake-telegram-token'. */
  token?: string;
  /** Send-type calls allowed in any sliding second, all chats together. Default 30. */
  globalRatePerSecond?: number;
  /**
   * The same for calls made with `allow_paid_broadcast: true` (Telegram's paid
   * broadcasts: up to 1,000 messages/s for 0.1 Star each). Default 1000. Paid and
   * free sends share one window: a free send is refused once it holds `globalRatePerSecond`.
   */
  paidBroadcastRatePerSecond?: number;
  /** Sustained send rate per chat. Default 1 (with a burst of `perChatBurst`). */
  perChatRatePerSecond?: number;
  /** Sends a chat may make at once before the per-chat rate applies. Default 3. */
  perChatBurst?: number;
  /** Answer 429 when a limit is exceeded. Default false (stats are kept either way). */
  enforceLimits?: boolean;
  /** The bot's username in getMe. Default 'fake_test_bot'. */
  botUsername?: string;
  /** The bot's first_name in getMe. Default 'Fake Bot'. */
  botName?: string;
  /** Reject a bare '&' in HTML (Telegram keeps it literally). Default true. */
  strictHtmlAmpersand?: boolean;
  /** First delay before a failed webhook delivery is retried; doubles up to 2 s. Default 100 ms. */
  webhookRetryMs?: number;
  /** How long a webhook may take to answer. Default 10 s. */
  webhookTimeoutMs?: number;
}

/** A user as tests describe them. */
export interface FakeUserInput {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

/** A file the bot sent, with the bytes Telegram received. */
export interface SentFile {
  file_id: string;
  file_unique_id: string;
  file_name?: string;
  mime_type?: string;
  file_size: number;
  width?: number;
  height?: number;
  /** Empty when the bot sent a URL (the fake does not download it). */
  bytes: Uint8Array;
  /** How the bot referred to the file. */
  source: 'upload' | 'file_id' | 'url';
}

/** One edit applied to a sent message, in order. */
export interface SentEdit {
  method: string;
  time: number;
  text?: string;
  plainText?: string;
  parse_mode?: string;
  reply_markup?: ReplyMarkup;
}

/**
 * A message the bot sent, as the user would see it now: edits are applied in
 * place (history in `edits`), deletion sets `deleted`. Objects are live.
 */
export interface SentMessage {
  chat_id: number;
  message_id: number;
  method: 'sendMessage' | 'sendDocument' | 'sendPhoto';
  /** The text exactly as the bot sent it (markup included). Captions are in `caption`. */
  text?: string;
  caption?: string;
  /** The text or caption after parse_mode was applied: what the user reads. */
  plainText: string;
  entities: Entity[];
  parse_mode?: string;
  reply_markup?: ReplyMarkup;
  link_preview_options?: LinkPreviewOptions;
  reply_to_message_id?: number;
  document?: SentFile;
  /** The largest size of a sent photo. */
  photo?: SentFile;
  /** All request parameters (files replaced by a short description). */
  params: Record<string, unknown>;
  /** Milliseconds since the epoch when it was sent. */
  time: number;
  /** Unix seconds, as in the Message. */
  date: number;
  edits: SentEdit[];
  deleted: boolean;
}

/** A file the bot uploaded (not a file_id or URL reference). */
export interface UploadedFile {
  method: string;
  field: string;
  chat_id: number;
  file_id: string;
  file_unique_id: string;
  file_name: string;
  mime_type?: string;
  bytes: Uint8Array;
}

/** Every API call the fake received, in order. */
export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  /** HTTP status answered; 0 when the connection was dropped on purpose. */
  status: number;
  description?: string;
  /** Milliseconds since the epoch. */
  time: number;
  /** True for a method the bot returned in a webhook response body. */
  viaWebhookReply?: boolean;
}

export interface CallbackAnswer {
  callback_query_id: string;
  text?: string;
  show_alert?: boolean;
  url?: string;
  time: number;
}

/** What `failNext` makes the next call answer. */
export type InjectedFailure = { status: number; description: string; retryAfter?: number } | 'network';

export interface Button {
  text: string;
  data?: string;
  url?: string;
}

export interface KeyboardButtonInfo {
  text: string;
  request_contact?: boolean;
  request_location?: boolean;
}

export interface CommandsQuery {
  scope?: { type: string; chat_id?: number | string; user_id?: number };
  language_code?: string;
}

export type { BotCommand };
