/** Zalo Bot Platform transport: client, errors, polling, webhook. */
export { ZaloClient, DEFAULT_ZALO_API_ROOT, type ZaloClientOptions, type SendMessageOptions } from './client.ts';
export { ZaloApiError, ZaloHttpError, type ZaloHttpErrorKind, errorFields } from './errors.ts';
export {
  autoRetry,
  logCalls,
  isRetryableCode,
  backoffDelay,
  type RetryOptions,
  type ZaloCallFn,
  type ZaloCallOptions,
  type ZaloResponse,
  type ZaloTransformer,
} from './transformers.ts';
export { splitText, ZALO_TEXT_LIMIT } from './split-text.ts';
export { startPolling, type PollingOptions } from './polling.ts';
export { createZaloWebhookHandler, SECRET_HEADER, type ZaloWebhookHandler, type ZaloWebhookOptions } from './webhook.ts';
export { MemoryDedupe, type ZaloDedupe, type MemoryDedupeOptions } from './dedupe.ts';
export { ChatQueue } from './chat-queue.ts';
export { createUpdateDispatcher, type ZaloUpdateHandler } from './dispatch.ts';
export { silentLogger, type ZaloLogger } from './logger.ts';
export * from './types.ts';
