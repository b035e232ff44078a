/**
 * Receives Zalo's webhook POSTs (node:http style `(req, res)`).
 *
 * Order matters: the shared secret in `X-Bot-Api-Secret-Token` is checked in
 * constant time before a byte of the body is read, so unauthenticated callers
 * cannot make us buffer or parse anything. Authentic requests are answered
 * `200 {"message":"Success"}` at once (Zalo's timeout is "short") and handled
 * afterwards, per chat in arrival order, with duplicates dropped.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZaloDedupe } from './dedupe.ts';
import { MemoryDedupe } from './dedupe.ts';
import { createUpdateDispatcher, updateLogFields, type ZaloUpdateHandler } from './dispatch.ts';
import { silentLogger, type ZaloLogger } from './logger.ts';
import { parseZaloUpdate, type ZaloUpdate } from './types.ts';

export const SECRET_HEADER = 'x-bot-api-secret-token';

export interface ZaloWebhookOptions {
  /** The `secret_token` given to setWebhook (8–256 chars). */
  secret: string;
  onUpdate: ZaloUpdateHandler;
  /** Default: an in-memory store with a 10-minute TTL. The app passes one backed by the database. */
  dedupe?: ZaloDedupe;
  logger?: ZaloLogger;
  /** Called after a handler threw (already logged). */
  onError?: (err: unknown, update: ZaloUpdate) => void;
  /** Bodies larger than this are refused with 413. Default 1 MiB. */
  maxBodyBytes?: number;
}

export interface ZaloWebhookHandler {
  (req: IncomingMessage, res: ServerResponse): void;
  /** Resolves once every accepted update has been handled (tests, graceful shutdown). */
  idle(): Promise<void>;
}

export function createZaloWebhookHandler(options: ZaloWebhookOptions): ZaloWebhookHandler {
  const { secret, onUpdate } = options;
  if (typeof secret !== 'string' || secret.length < 8 || secret.length > 256) {
    throw new RangeError('createZaloWebhookHandler: secret must be 8–256 characters');
  }
  const expected = Buffer.from(secret, 'utf8');
  const logger = options.logger ?? silentLogger;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const dispatcher = createUpdateDispatcher({
    onUpdate,
    logger,
    dedupe: options.dedupe ?? new MemoryDedupe(),
    ...(options.onError === undefined ? {} : { onError: options.onError }),
  });

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const rejection = checkSecret(req.headers[SECRET_HEADER], expected);
    if (rejection !== undefined) {
      // Never log the header value; the remote address helps spot probing.
      logger.warn({ reason: rejection, remoteAddress: req.socket.remoteAddress }, 'zalo webhook request rejected');
      reply(res, 403, { message: 'Forbidden' }, true);
      return;
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      reply(res, 405, { message: 'Method Not Allowed' }, true);
      return;
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      logger.warn({ reason: 'too_large', bytes: declared }, 'zalo webhook request rejected');
      reply(res, 413, { message: 'Payload Too Large' }, true);
      return;
    }
    readBody(req, maxBodyBytes).then(
      (body) => {
        if (body === 'too_large') {
          logger.warn({ reason: 'too_large' }, 'zalo webhook request rejected');
          reply(res, 413, { message: 'Payload Too Large' }, true);
          return;
        }
        let json: unknown;
        try {
          json = JSON.parse(body.toString('utf8'));
        } catch {
          logger.warn({ reason: 'invalid_json' }, 'zalo webhook request rejected');
          reply(res, 400, { message: 'Bad Request' }, false);
          return;
        }
        // Acknowledge first: work happens after Zalo has its 200.
        reply(res, 200, { message: 'Success' }, false);
        const update = parseZaloUpdate(json);
        if (update === null) {
          // Authentic but not routable (unknown event shape): acknowledged so Zalo does not retry it.
          logger.warn({ reason: 'not_an_update' }, 'zalo webhook body ignored');
          return;
        }
        logger.debug(updateLogFields(update), 'zalo webhook update received');
        void dispatcher.dispatch(update);
      },
      () => {
        // Client went away mid-body: nothing to answer.
        if (!res.headersSent) reply(res, 400, { message: 'Bad Request' }, true);
      },
    );
  };

  return Object.assign(handler, { idle: () => dispatcher.idle() });
}

type Rejection = 'missing_secret' | 'bad_secret';

/** Constant-time comparison of equal-length buffers; a length mismatch is a rejection. */
function checkSecret(header: string | string[] | undefined, expected: Buffer): Rejection | undefined {
  if (typeof header !== 'string' || header === '') return 'missing_secret';
  const given = Buffer.from(header, 'utf8');
  if (given.length !== expected.length) return 'bad_secret';
  return timingSafeEqual(given, expected) ? undefined : 'bad_secret';
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve('too_large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) {
        done = true;
        resolve(Buffer.concat(chunks));
      }
    });
    req.on('error', (err) => {
      if (!done) {
        done = true;
        reject(err);
      }
    });
    req.on('aborted', () => {
      if (!done) {
        done = true;
        reject(new Error('request aborted'));
      }
    });
  });
}

/** `close` asks Node to drop the connection after answering, so an unread body is discarded, not parsed. */
function reply(res: ServerResponse, status: number, body: Record<string, unknown>, close: boolean): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(text));
  if (close) res.setHeader('connection', 'close');
  res.end(text);
}
