/**
 * Telegram's paid broadcasts, an opt-in for emergencies (TELEGRAM_PAID_BROADCAST):
 * a message sent with allow_paid_broadcast may go out at up to 1,000 messages
 * per second instead of the free 30, and Telegram takes 0.1 Star from the
 * bot's balance for each message above the free 30 per second
 * (https://core.telegram.org/bots/faq#how-can-i-message-all-of-my-bot-39s-subscribers-at-once).
 */
export const TELEGRAM_PAID_BROADCAST = { perSecond: 1000, freePerSecond: 30, starsPerMessage: 0.1 } as const;

export interface PaidBroadcastCost {
  /** Telegram recipients. */
  messages: number;
  /** Of which above the free rate: the ones Telegram charges for. */
  paidMessages: number;
  /** Stars, to one decimal. */
  stars: number;
  /** How long the notice takes at the paid rate, and at the free one. */
  paidSeconds: number;
  freeSeconds: number;
}

/** What sending to `messages` Telegram recipients as a paid broadcast costs: each second's first 30 are free. */
export function paidBroadcastCost(messages: number, price: { perSecond: number; freePerSecond: number; starsPerMessage: number } = TELEGRAM_PAID_BROADCAST): PaidBroadcastCost {
  const n = Math.max(0, Math.floor(messages));
  const paidSeconds = Math.max(1, Math.ceil(n / price.perSecond));
  const paidMessages = Math.max(0, n - price.freePerSecond * paidSeconds);
  return {
    messages: n,
    paidMessages,
    stars: Math.round(paidMessages * price.starsPerMessage * 10) / 10,
    paidSeconds,
    freeSeconds: Math.ceil(n / price.freePerSecond),
  };
}
