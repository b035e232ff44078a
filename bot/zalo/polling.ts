/**
 * Long polling, for development and single-instance deployments (the docs
 * recommend a webhook in production "to avoid missing events").
 *
 * Zalo's getUpdates returns ONE update per call, has no offset and no ack (an
 * update is consumed once delivered), and answers 408 when nothing arrived.
 * So: loop immediately after every answer, back off only on failures, and
 * dedupe locally in case of redelivery.
 */
import type { ZaloClient } from './client.ts';
import type { ZaloDedupe } from './dedupe.ts';
import { createUpdateDispatcher, type ZaloUpdateHandler } from './dispatch.ts';
import { errorFields, ZaloApiError, ZaloHttpError } from './errors.ts';
import { silentLogger, type ZaloLogger } from './logger.ts';
import { backoffDelay, defaultSleep } from './transformers.ts';
import type { ZaloUpdate } from './types.ts';

export interface PollingOptions {
  /** Aborting stops the loop (the pending long poll is cancelled) and the returned promise resolves. */
  signal: AbortSignal;
  logger?: ZaloLogger;
  /** Called for every failed poll (before the backoff) and every handler error. */
  onError?: (err: unknown, update?: ZaloUpdate) => void;
  /** Local dedupe on `event_name:message_id`; omit to process every delivery. */
  dedupe?: ZaloDedupe;
  /** Long-poll duration per call; default the client's `pollTimeoutSeconds`. */
  timeoutSeconds?: number;
  /** Backoff after failed polls. Default 1 s doubling to 30 s, with jitter. */
  backoff?: { baseMs?: number; maxMs?: number };
  /** Injectable for tests. Must reject when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** Stop fetching while this many updates are queued or running. Default 100. */
  maxInFlight?: number;
  /** After abort, how long to wait for running handlers before resolving. Default 10 s. */
  drainTimeoutMs?: number;
}

/**
 * Deletes the webhook once (getUpdates fails while one is set), then polls
 * until `signal` aborts. Updates are handled in per-chat FIFO order, chats in
 * parallel; updates from bots are skipped.
 *
 * Resolves when stopped (after running handlers finished, up to
 * `drainTimeoutMs`). Rejects, like grammY on 401/409, on errors that retrying
 * cannot fix: 401 (token invalid or reset) and a webhook that was set again
 * by someone else while we poll.
 */
export async function startPolling(
  client: ZaloClient,
  onUpdate: ZaloUpdateHandler,
  options: PollingOptions,
): Promise<void> {
  const { signal, onError } = options;
  const logger = options.logger ?? silentLogger;
  const sleep = options.sleep ?? defaultSleep;
  const baseMs = options.backoff?.baseMs ?? 1000;
  const maxMs = options.backoff?.maxMs ?? 30_000;
  const maxInFlight = options.maxInFlight ?? 100;
  const timeoutSeconds = options.timeoutSeconds ?? client.pollTimeoutSeconds;
  const dispatcher = createUpdateDispatcher({
    onUpdate,
    logger,
    ...(options.dedupe === undefined ? {} : { dedupe: options.dedupe }),
    ...(onError === undefined ? {} : { onError }),
  });

  let webhookDeleted = await deleteWebhook(client, signal, logger);
  let failures = 0;
  logger.info({ timeoutSeconds }, 'zalo polling started');

  try {
    while (!signal.aborted) {
      let update: ZaloUpdate | null;
      try {
        update = await client.getUpdates(timeoutSeconds, { signal });
        failures = 0;
      } catch (err) {
        if (signal.aborted) break;
        if (err instanceof ZaloApiError && err.error_code === 401) {
          logger.error({ err: errorFields(err) }, 'zalo polling stopped: the token was refused');
          onError?.(err);
          throw err;
        }
        if (isWebhookConflict(err)) {
          if (!webhookDeleted) {
            webhookDeleted = await deleteWebhook(client, signal, logger);
            if (webhookDeleted) continue;
          } else {
            logger.error({ err: errorFields(err) }, 'zalo polling stopped: a webhook was set while polling');
            onError?.(err);
            throw err;
          }
        }
        failures++;
        const delayMs = backoffDelay(failures, baseMs, maxMs, options.random);
        logger.warn({ err: errorFields(err), failures, delayMs }, 'zalo getUpdates failed; backing off');
        onError?.(err);
        try {
          await sleep(delayMs, signal);
        } catch {
          break; // aborted
        }
        continue;
      }
      if (update === null) continue; // 408: nothing within the timeout, poll again at once
      void dispatcher.dispatch(update);
      if (dispatcher.pending >= maxInFlight) await dispatcher.whenBelow(maxInFlight);
    }
  } finally {
    await drain(dispatcher.idle(), options.drainTimeoutMs ?? 10_000, logger);
    logger.info({}, 'zalo polling stopped');
  }
}

/** True when deleted (or when Zalo says there was nothing to delete). */
async function deleteWebhook(client: ZaloClient, signal: AbortSignal, logger: ZaloLogger): Promise<boolean> {
  try {
    await client.deleteWebhook({ signal });
    return true;
  } catch (err) {
    // Reported: 400/404 when no webhook was ever set. That is the state we want.
    if (err instanceof ZaloApiError && (err.error_code === 400 || err.error_code === 404)) {
      logger.debug({ err: errorFields(err) }, 'zalo deleteWebhook: nothing to delete');
      return true;
    }
    if (!(err instanceof ZaloHttpError && err.kind === 'aborted')) {
      logger.warn({ err: errorFields(err) }, 'zalo deleteWebhook failed; polling anyway');
    }
    return false;
  }
}

/** getUpdates refused because a webhook is set (detected by its description, as other clients do). */
function isWebhookConflict(err: unknown): boolean {
  return err instanceof ZaloApiError && /webhook/i.test(err.description);
}

async function drain(idle: Promise<void>, timeoutMs: number, logger: ZaloLogger): Promise<void> {
  let handle: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    handle = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const outcome = await Promise.race([idle.then(() => 'idle' as const), timedOut]);
  clearTimeout(handle);
  if (outcome === 'timeout') logger.warn({ timeoutMs }, 'zalo polling stopped with handlers still running');
}
