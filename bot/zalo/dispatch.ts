/**
 * What happens to an update once it arrived, by webhook or by polling: drop
 * the bot's own messages, drop duplicates, then run the handler in per-chat
 * FIFO order, catching and logging its errors so one bad update never stops
 * the transport.
 */
import { ChatQueue } from './chat-queue.ts';
import type { ZaloDedupe } from './dedupe.ts';
import { errorFields } from './errors.ts';
import { silentLogger, type ZaloLogger } from './logger.ts';
import { chatKeyOf, updateKey, type ZaloUpdate } from './types.ts';

export type ZaloUpdateHandler = (update: ZaloUpdate) => Promise<void>;

export interface UpdateDispatcherOptions {
  onUpdate: ZaloUpdateHandler;
  /** Omit to process every delivery (no dedupe). */
  dedupe?: ZaloDedupe;
  logger?: ZaloLogger;
  /** Called after a handler threw (already logged). */
  onError?: (err: unknown, update: ZaloUpdate) => void;
}

export interface UpdateDispatcher {
  /** Queues the update behind earlier ones of its chat; resolves once it was handled or skipped. Never rejects. */
  dispatch(update: ZaloUpdate): Promise<void>;
  /** Resolves once every queued update was handled. */
  idle(): Promise<void>;
  /** Updates queued or running. */
  readonly pending: number;
  /** Resolves once fewer than `limit` updates are pending. */
  whenBelow(limit: number): Promise<void>;
}

/** Log fields identifying an update: never its text or sender name (they may hold phone numbers). */
export function updateLogFields(u: ZaloUpdate): Record<string, unknown> {
  return {
    event_name: u.event_name,
    message_id: u.message.message_id,
    chat_id: u.message.chat.id,
    chat_type: u.message.chat.chat_type,
  };
}

export function createUpdateDispatcher(options: UpdateDispatcherOptions): UpdateDispatcher {
  const { onUpdate, dedupe, onError } = options;
  const logger = options.logger ?? silentLogger;
  const queue = new ChatQueue();

  async function process(update: ZaloUpdate): Promise<void> {
    const fields = updateLogFields(update);
    // Some bots see their own sends come back; never answer ourselves.
    if (update.message.from.is_bot) {
      logger.debug(fields, 'zalo update from a bot skipped');
      return;
    }
    if (dedupe !== undefined) {
      let first = true;
      try {
        first = await dedupe.seen(updateKey(update));
      } catch (err) {
        // At-least-once beats losing a message when the dedupe store is down.
        logger.warn({ ...fields, err: errorFields(err) }, 'zalo dedupe check failed; processing anyway');
      }
      if (!first) {
        logger.info(fields, 'zalo duplicate update skipped');
        return;
      }
    }
    try {
      await onUpdate(update);
    } catch (err) {
      logger.error({ ...fields, err: errorFields(err) }, 'zalo update handler failed');
      try {
        onError?.(err, update);
      } catch {
        // An error reporter that throws must not break the queue.
      }
    }
  }

  return {
    dispatch: (update) => queue.enqueue(chatKeyOf(update), () => process(update)).catch(() => {}),
    idle: () => queue.idle(),
    get pending() {
      return queue.pending;
    },
    whenBelow: (limit) => queue.whenBelow(limit),
  };
}
