/**
 * Deliveries: one message to one recipient, stored before it is sent. The
 * payload is a channel-neutral Reply (domain/chat/reply.ts), rendered at send
 * time in the recipient's language, so a row planned today reads the same
 * whichever instance sends it and whenever.
 */
import type { Choice, Line, Reply, Text } from '../chat/reply.ts';

export const DELIVERY_KINDS = ['REMINDER', 'ESCALATION', 'DIGEST', 'BROADCAST', 'NOTICE'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

export const DELIVERY_STATES = ['PENDING', 'SENDING', 'SENT', 'FAILED', 'BLOCKED', 'UNKNOWN', 'SKIPPED'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** Channels the worker can send on. */
export const SEND_CHANNELS = ['TELEGRAM', 'ZALO'] as const;
export type SendChannel = (typeof SEND_CHANNELS)[number];

export type DeliveryLocale = 'vi' | 'en';

/** Where one message goes. */
export interface SendTarget {
  channel: SendChannel;
  chatId: string;
  locale: DeliveryLocale;
  /** Telegram: sent as a paid broadcast (allow_paid_broadcast: up to 1,000 messages/s, 0.1 Star each above the free 30/s). */
  paid?: boolean;
}

/**
 * Why a send failed, as the sender classifies the platform's answer:
 * - rate_limited: refused for now (429); try again after `retryAfterMs`, not a failed attempt;
 * - blocked: the account cannot receive (blocked the bot, chat not found, never opened);
 * - transient: the platform said it failed (5xx…); retry later;
 * - unknown: no answer after the request may have arrived (network error, timeout);
 * - permanent: our request is wrong (400); retrying cannot help.
 */
export const SEND_FAILURE_KINDS = ['rate_limited', 'blocked', 'transient', 'unknown', 'permanent'] as const;
export type SendFailureKind = (typeof SEND_FAILURE_KINDS)[number];

/** A file kept inside a payload (base64), or a reference to the broadcast's attachment. */
export type StoredFile =
  | { kind: 'document' | 'photo'; fileName: string; mime: string; base64: string; caption?: Text }
  | { kind: 'document' | 'photo'; fileName: string; mime: string; ref: 'broadcast'; caption?: Text };

/** A Reply as JSON: files are base64 or a reference. */
export interface StoredReply {
  lines: Line[];
  choices?: Choice[];
  files?: StoredFile[];
}

/** What a delivery row holds in `payload`. */
export interface DeliveryPayload {
  v: 1;
  reply: StoredReply;
  /**
   * For channels without buttons (Zalo): lines appended and whether the
   * numbered menu is hidden (the choices still answer typed words, e.g. "OK").
   */
  textChannel?: { append?: Line[]; hideChoices?: boolean };
  /**
   * An urgent notice whose sender chose Telegram's paid broadcast: sent with
   * allow_paid_broadcast when TELEGRAM_PAID_BROADCAST is on (and like any other
   * message when it is off, or on Zalo).
   */
  paid?: true;
}

/** Choice ids may name the delivery they belong to; the worker fills it in when sending. */
export const DELIVERY_ID_TOKEN = '{deliveryId}';

/** A chat account of a person (or of a resident who is not in the registry). */
export interface IdentityRef {
  id: number;
  personId: number | null;
  channel: string;
  chatId: string;
  locale: string;
  linkedAt: Date;
  unreachableAt: Date | null;
}

/** A row to insert; planning twice inserts nothing new (unique dedupeKey). */
export interface PlannedDelivery {
  kind: DeliveryKind;
  dedupeKey: string;
  personId: number | null;
  identityId: number | null;
  channel: SendChannel | null;
  chatId: string | null;
  unitId: number | null;
  broadcastId: number | null;
  payload: DeliveryPayload;
  notBefore: Date;
  /** Planned as SKIPPED (nobody to send to), kept for the tallies. */
  state?: 'PENDING' | 'SKIPPED';
  lastError?: string | null;
}

export function storedReply(reply: Reply): StoredReply {
  // Files need bytes → base64, done where bytes are handled (bot/, prisma/).
  if (reply.files?.length) throw new Error('storedReply: a reply with files cannot be stored as is');
  return { lines: reply.lines, ...(reply.choices?.length ? { choices: reply.choices } : {}) };
}
