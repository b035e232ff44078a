/**
 * The chat apps of `npm start` (bot/main.ts), when TELEGRAM_BOT_TOKEN and/or
 * ZALO_BOT_TOKEN are set: imported only then, so the console does not load
 * their clients.
 */
import { Api } from 'grammy';
import type { App } from './app.ts';
import { FILES_PREFIX, FileLinks } from './files/links.ts';
import { HttpRouter } from './http/server.ts';
import { createTelegramBot, describe, mountWebhook, sendReplies, setCommands, startPolling } from './telegram/bot.ts';
import { createZaloUpdateHandler, sendZaloReplies } from './zalo/adapter.ts';
import { uploadDeliverer, type ChatSend } from './chat/upload-delivery.ts';
import { UPLOAD_PAGE_PREFIX, uploadPageHandler } from './http/upload-page.ts';
import type { ChatChannel } from '../domain/people/types.ts';
import { ZaloClient } from './zalo/client.ts';
import { startPolling as startZaloPolling } from './zalo/polling.ts';
import { fetchZaloImage } from './zalo/files.ts';
import { ZaloSender } from './zalo/sender.ts';
import { telegramFileFetcher, telegramFileUrl } from './telegram/files.ts';
import { ffmpegAvailable } from './voice/ffmpeg.ts';
import { TelegramSender } from './telegram/sender.ts';
import { createDelivery } from './delivery/index.ts';
import type { Sender } from './delivery/sender.ts';
import type { SendChannel } from '../domain/delivery/types.ts';
import type { FileFetcher } from './chat/delivery-extension.ts';
import { createZaloWebhookHandler } from './zalo/webhook.ts';
import { databaseChecks, mountHealth, platformCheck, type ReadyCheck } from './http/health.ts';
import { listenOn, tokenRejected, untilReady } from './startup.ts';
import { warmQueryCompiler } from '../prisma/query-compiler.ts';

type Stop = () => Promise<void>;
/** getMe of each started platform, for /readyz (unset while starting: not ready). */
type Platforms = Partial<Record<'telegram' | 'zalo', () => Promise<unknown>>>;
/** How to write into a chat of each started platform (an upload page's preview). */
type ChatSenders = Partial<Record<ChatChannel, ChatSend>>;


async function startTelegram(app: App, router: HttpRouter, fetchers: Partial<Record<string, (id: string) => ReturnType<FileFetcher>>>, platforms: Platforms, chats: ChatSenders): Promise<Stop> {
  const cfg = app.config.telegram!;
  const bot = createTelegramBot({ token: cfg.token, apiRoot: cfg.apiRoot, handler: app.chat, tr: app.tr, log: app.log.child({ channel: 'telegram' }) });
  // getMe without the auto-retry transformer (which retries network errors on its own): our own backoff, logged, with a deadline.
  const probe = new Api(cfg.token, { apiRoot: cfg.apiRoot });
  bot.botInfo = await untilReady((signal) => probe.getMe(signal as never), {
    name: 'telegram',
    variable: cfg.apiRoot ? 'TELEGRAM_API_ROOT' : 'TELEGRAM_BOT_TOKEN',
    timeoutMs: app.config.startupTimeoutMs,
    log: app.log,
    fatal: tokenRejected('TELEGRAM_BOT_TOKEN'),
  });
  await bot.init();
  platforms.telegram = () => probe.getMe();
  fetchers.TELEGRAM = telegramFileFetcher(bot.api, cfg.token, cfg.apiRoot);
  if (app.voice) app.voice.source.urls.TELEGRAM = telegramFileUrl(bot.api, cfg.token, cfg.apiRoot);
  chats.TELEGRAM = (chatId, replies) => sendReplies(bot.api, chatId, replies, app.tr, 'vi');
  await setCommands(bot, app.tr).catch((err) => app.log.warn({ err: describe(err) }, 'setMyCommands failed'));
  if (cfg.webhookUrl) {
    await mountWebhook(bot, router, { url: cfg.webhookUrl, secret: cfg.webhookSecret! });
    app.log.info({ mode: 'webhook', bot: bot.botInfo.username }, 'telegram started');
    return async () => undefined;
  }
  await bot.api.deleteWebhook();
  const runner = startPolling(bot);
  app.log.info({ mode: 'polling', bot: bot.botInfo.username }, 'telegram started');
  return async () => (runner.isRunning() ? runner.stop() : undefined);
}

async function startZalo(app: App, router: HttpRouter, files: FileLinks | undefined, platforms: Platforms, chats: ChatSenders): Promise<Stop> {
  const cfg = app.config.zalo!;
  const log = app.log.child({ channel: 'zalo' });
  const client = new ZaloClient({ token: cfg.token, apiRoot: cfg.apiRoot, logger: log });
  await untilReady((signal) => client.getMe({ signal }), {
    name: 'zalo',
    variable: cfg.apiRoot ? 'ZALO_API_ROOT' : 'ZALO_BOT_TOKEN',
    timeoutMs: app.config.startupTimeoutMs,
    log: app.log,
    fatal: tokenRejected('ZALO_BOT_TOKEN'),
  });
  platforms.zalo = () => client.getMe();
  const onUpdate = createZaloUpdateHandler({ handler: app.chat, client, tr: app.tr, log, files });
  chats.ZALO = (chatId, replies) => sendZaloReplies(client, chatId, replies, { tr: app.tr, locale: 'vi', files, log });
  if (cfg.webhookUrl) {
    const handler = createZaloWebhookHandler({ secret: cfg.webhookSecret!, onUpdate, logger: log });
    router.post(new URL(cfg.webhookUrl).pathname, handler);
    await client.setWebhook(cfg.webhookUrl, cfg.webhookSecret!);
    log.info({ mode: 'webhook' }, 'zalo started');
    return async () => handler.idle();
  }
  const abort = new AbortController();
  const polling = startZaloPolling(client, onUpdate, { signal: abort.signal, logger: log });
  log.info({ mode: 'polling' }, 'zalo started');
  return async () => {
    abort.abort();
    await polling.catch(() => undefined);
  };
}

/** Serves the configured chat apps with the delivery worker and scheduler, until SIGTERM or SIGINT. */
export async function serveChats(app: App): Promise<number> {
  // Webhooks, file links, /healthz, /readyz and /metrics on PORT in every chat mode (a container healthcheck needs them).
  const router = new HttpRouter(app.log.child({ component: 'http' }));
  const checks: ReadyCheck[] = databaseChecks(app.db.prisma);
  const platforms: Platforms = {};
  for (const name of ['telegram', 'zalo'] as const) {
    if (app.config[name]) checks.push(platformCheck(name, () => platforms[name]?.() ?? Promise.reject(new Error('starting'))));
  }
  const files = app.config.http.publicBaseUrl ? new FileLinks(app.db.prisma, { publicBaseUrl: app.config.http.publicBaseUrl, ttlHours: app.config.fileLinkTtlHours }) : undefined;
  if (files) router.getPrefix(FILES_PREFIX, files.handler());
  // The upload page ("gửi tệp"): its preview goes to the chat where the link was asked for.
  const chats: ChatSenders = {};
  if (app.config.http.publicBaseUrl) {
    const deliver = uploadDeliverer({ chat: app.chat, senders: chats });
    const page = uploadPageHandler({ prisma: app.db.prisma, tr: app.tr, maxBytes: app.config.uploads.maxBytes, deliver, now: () => app.clock.now(), log: app.log.child({ component: 'upload-page' }) });
    router.getPrefix(UPLOAD_PAGE_PREFIX, page).postPrefix(UPLOAD_PAGE_PREFIX, page);
  }
  const metricsRouter = app.config.http.metricsPort ? new HttpRouter(app.log.child({ component: 'metrics' })) : router;
  mountHealth(metricsRouter, { metrics: app.metrics, checks });
  if (metricsRouter !== router) mountHealth(router, { checks });
  await listenOn(router, app.config.http.port, app.config.http.host, 'PORT');
  if (metricsRouter !== router) await listenOn(metricsRouter, app.config.http.metricsPort!, app.config.http.host, 'METRICS_PORT');
  const stops: Stop[] = [];
  if (app.config.stt && !(await ffmpegAvailable())) app.log.error({ setting: 'STT_URL' }, 'voice messages are enabled but ffmpeg is not installed (Debian: apt-get install ffmpeg): every voice message will get "not heard"');
  const fetchers: Partial<Record<string, (id: string) => ReturnType<FileFetcher>>> = { ZALO: (url) => fetchZaloImage(url) };
  app.files.fetch = (f) => fetchers[f.channel]?.(f.fileId) ?? Promise.reject(new Error(`no file fetcher for ${f.channel}`));
  try {
    if (app.config.telegram) stops.push(await startTelegram(app, router, fetchers, platforms, chats));
    if (app.config.zalo) stops.push(await startZalo(app, router, files, platforms, chats));
  } catch (err) {
    await router.close();
    if (metricsRouter !== router) await metricsRouter.close();
    await app.close();
    throw err;
  }

  // Reminders, digests and notices: planned by the scheduler, sent by the worker, in this process.
  const senders: Partial<Record<SendChannel, Sender>> = {};
  if (app.config.telegram) senders.TELEGRAM = new TelegramSender({ token: app.config.telegram.token, apiRoot: app.config.telegram.apiRoot, tr: app.tr });
  if (app.config.zalo) senders.ZALO = new ZaloSender({ token: app.config.zalo.token, apiRoot: app.config.zalo.apiRoot, tr: app.tr, ...(files ? { files } : {}) });
  const delivery = createDelivery({ prisma: app.db.prisma, clock: app.clock, calendar: app.calendar, settings: app.deliverySettings, status: app.status, log: app.log, senders, metrics: app.metrics });
  delivery.worker.start();
  delivery.scheduler.start();
  // Prisma's query compiler made now that the chats are served, not by the first message (prisma/query-compiler.ts).
  setImmediate(warmQueryCompiler);
  stops.unshift(async () => {
    await delivery.scheduler.stop();
    await delivery.worker.stop();
  });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    for (const stop of stops) await stop().catch((err) => app.log.error({ err: describe(err) }, 'stop failed'));
    await router.close();
    if (metricsRouter !== router) await metricsRouter.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await new Promise(() => undefined);
  return 0;
}
