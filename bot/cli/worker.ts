/**
 * npm run worker [-- --no-scheduler] [-- --once] [-- --help]
 *
 * Sends reminders, digests and notices from the Delivery table, and runs the
 * scheduled jobs (unless --no-scheduler), against DATABASE_URL (several
 * instances may run on one PostgreSQL). Senders: Telegram when
 * TELEGRAM_BOT_TOKEN is set (TELEGRAM_API_ROOT), Zalo when ZALO_BOT_TOKEN is
 * set (ZALO_API_ROOT; photos as expiring links when PUBLIC_BASE_URL is set —
 * the bot process serves them). SIGTERM/SIGINT: stop claiming, finish the
 * sends in flight, record them, exit. --once: send what is due now, then exit.
 */
import { parseArgs } from 'node:util';
import type { SendChannel } from '../../domain/delivery/types.ts';
import { systemClock } from '../../domain/shared/clock.ts';
import { Api } from 'grammy';
import { databaseChecks, mountHealth, platformCheck } from '../http/health.ts';
import { HttpRouter } from '../http/server.ts';
import { createMetrics } from '../metrics.ts';
import { openConfiguredDatabase } from '../open-database.ts';
import { listenOn } from '../startup.ts';
import { workingCalendar } from '../core.ts';
import { parseConfig } from '../config.ts';
import { createDelivery } from '../delivery/index.ts';
import { FileLinks } from '../files/links.ts';
import type { Sender } from '../delivery/sender.ts';
import { parseDeliverySettings } from '../delivery/settings.ts';
import { i18n } from '../i18n.ts';
import { createLogger } from '../logger.ts';
import { TelegramSender } from '../telegram/sender.ts';
import { ZaloClient } from '../zalo/client.ts';
import { ZaloSender } from '../zalo/sender.ts';
import { cliLocale, runCli, UsageError } from './args.ts';

await runCli(async () => {
  let values: { 'no-scheduler'?: boolean; once?: boolean; help?: boolean; lang?: string };
  try {
    ({ values } = parseArgs({ options: { 'no-scheduler': { type: 'boolean' }, once: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, lang: { type: 'string' } } }));
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${i18n().t('worker-usage', {}, cliLocale())}`);
  }
  if (values.help) {
    process.stdout.write(`${i18n().t('worker-usage', {}, cliLocale())}\n`);
    return 0;
  }
  const config = parseConfig(process.env, Boolean(process.stderr.isTTY));
  const settings = parseDeliverySettings(process.env);
  const log = createLogger({ ...config.log, name: 'nq57-worker' });
  if (!config.databaseUrl) log.warn({}, 'DATABASE_URL is not set: using the embedded database, which only one process may open');
  const db = await openConfiguredDatabase(config, log);

  const tr = i18n();
  const senders: Partial<Record<SendChannel, Sender>> = {};
  if (config.telegram) senders.TELEGRAM = new TelegramSender({ token: config.telegram.token, apiRoot: config.telegram.apiRoot, tr });
  if (config.zalo) {
    const files = config.http.publicBaseUrl ? new FileLinks(db.prisma, { publicBaseUrl: config.http.publicBaseUrl, ttlHours: config.fileLinkTtlHours }) : undefined;
    senders.ZALO = new ZaloSender({ token: config.zalo.token, apiRoot: config.zalo.apiRoot, tr, ...(files ? { files } : {}) });
  }
  if (!senders.TELEGRAM && !senders.ZALO) log.warn({}, 'no TELEGRAM_BOT_TOKEN or ZALO_BOT_TOKEN: nothing will be sent, only planned');

  const metrics = createMetrics(db.prisma);
  const delivery = createDelivery({ prisma: db.prisma, clock: systemClock, calendar: workingCalendar(config), settings, status: { dueSoonDays: config.dueSoonDays }, log, senders, metrics });
  const withScheduler = !values['no-scheduler'];

  if (values.once) {
    if (withScheduler) await delivery.scheduler.tick();
    await delivery.worker.runUntilIdle();
    await db.close();
    return 0;
  }

  let stopping: Promise<void> | undefined;
  const stop = (signal: string) =>
    (stopping ??= (async () => {
      log.info({ signal }, 'stopping: finishing the sends in flight');
      await Promise.all([delivery.worker.stop(), withScheduler ? delivery.scheduler.stop() : Promise.resolve()]);
      await router.close();
      await db.close();
      log.info({}, 'stopped');
    })());
  const done = new Promise<void>((resolveDone) => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop(signal).then(resolveDone));
  });
  // /healthz, /readyz and /metrics on METRICS_PORT, else PORT — when one is set explicitly (a container
  // sets it; several workers started by hand on one machine would fight over the default port).
  const router = new HttpRouter(log.child({ component: 'http' }));
  // Ready when the database answers and each platform it sends on answers getMe (asked at most every 30 s).
  const checks = databaseChecks(db.prisma);
  if (config.telegram) {
    const api = new Api(config.telegram.token, { apiRoot: config.telegram.apiRoot });
    checks.push(platformCheck('telegram', () => api.getMe()));
  }
  if (config.zalo) {
    const zalo = new ZaloClient({ token: config.zalo.token, apiRoot: config.zalo.apiRoot, logger: log.child({ channel: 'zalo' }) });
    checks.push(platformCheck('zalo', () => zalo.getMe()));
  }
  mountHealth(router, { metrics, checks });
  const httpPort = config.http.metricsPort ?? (process.env.PORT ? config.http.port : undefined);
  try {
    if (httpPort) await listenOn(router, httpPort, config.http.host, config.http.metricsPort ? 'METRICS_PORT' : 'PORT');
  } catch (err) {
    await db.close();
    throw err;
  }
  delivery.worker.start();
  if (withScheduler) delivery.scheduler.start();
  log.info({ instance: settings.instanceId, channels: delivery.worker.channels, scheduler: withScheduler }, 'worker running');
  await done;
  return 0;
});
