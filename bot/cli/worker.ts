/**
 * npm run worker [-- --no-scheduler] [-- --once]
 *
 * Sends reminders, digests and notices from the Delivery table, and runs the
 * scheduled jobs (unless --no-scheduler), against DATABASE_URL (several
 * instances may run on one PostgreSQL). Senders: Telegram when
 * TELEGRAM_BOT_TOKEN is set (TELEGRAM_API_ROOT), Zalo when ZALO_BOT_TOKEN is
 * set (ZALO_API_ROOT; photos as expiring links when PUBLIC_BASE_URL is set —
 * the bot process serves them). SIGTERM/SIGINT: stop claiming, finish the
 * sends in flight, record them, exit. --once: send what is due now, then exit.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { SendChannel } from '../../domain/delivery/types.ts';
import { systemClock } from '../../domain/shared/clock.ts';
import { openDatabase } from '../../prisma/database.ts';
import { workingCalendar } from '../app.ts';
import { parseConfig } from '../config.ts';
import { createDelivery } from '../delivery/index.ts';
import { FileLinks } from '../files/links.ts';
import type { Sender } from '../delivery/sender.ts';
import { parseDeliverySettings } from '../delivery/settings.ts';
import { i18n } from '../i18n.ts';
import { createLogger } from '../logger.ts';
import { TelegramSender } from '../telegram/sender.ts';
import { ZaloSender } from '../zalo/sender.ts';
import { runCli, UsageError } from './args.ts';

await runCli(async () => {
  let values: { 'no-scheduler'?: boolean; once?: boolean };
  try {
    ({ values } = parseArgs({ options: { 'no-scheduler': { type: 'boolean' }, once: { type: 'boolean' } } }));
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\nusage: npm run worker [-- --no-scheduler] [-- --once]`);
  }
  const config = parseConfig(process.env, Boolean(process.stderr.isTTY));
  const settings = parseDeliverySettings(process.env);
  const log = createLogger({ ...config.log, name: 'nq57-worker' });
  if (!config.databaseUrl) log.warn({}, 'DATABASE_URL is not set: using the embedded database, which only one process may open');
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: resolve(config.dataDir, 'pglite'), log: { info: (o, m) => log.info(o, m), warn: (o, m) => log.warn(o, m) } });

  const tr = i18n();
  const senders: Partial<Record<SendChannel, Sender>> = {};
  if (config.telegram) senders.TELEGRAM = new TelegramSender({ token: config.telegram.token, apiRoot: config.telegram.apiRoot, tr });
  if (config.zalo) {
    const files = config.http.publicBaseUrl ? new FileLinks(db.prisma, { publicBaseUrl: config.http.publicBaseUrl, ttlHours: config.fileLinkTtlHours }) : undefined;
    senders.ZALO = new ZaloSender({ token: config.zalo.token, apiRoot: config.zalo.apiRoot, tr, ...(files ? { files } : {}) });
  }
  if (!senders.TELEGRAM && !senders.ZALO) log.warn({}, 'no TELEGRAM_BOT_TOKEN or ZALO_BOT_TOKEN: nothing will be sent, only planned');

  const delivery = createDelivery({ prisma: db.prisma, clock: systemClock, calendar: workingCalendar(config), settings, status: { dueSoonDays: config.dueSoonDays }, log, senders });
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
      await db.close();
      log.info({}, 'stopped');
    })());
  const done = new Promise<void>((resolveDone) => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop(signal).then(resolveDone));
  });
  delivery.worker.start();
  if (withScheduler) delivery.scheduler.start();
  log.info({ instance: settings.instanceId, channels: delivery.worker.channels, scheduler: withScheduler }, 'worker running');
  await done;
  return 0;
});
