/**
 * npm start: the bot on the configured database (embedded PGlite with the
 * sample data by default). With no chat token it opens the console chat, so
 * a newcomer sees real data at once; with TELEGRAM_BOT_TOKEN it serves
 * Telegram (long polling, or a webhook when TELEGRAM_WEBHOOK_URL is set).
 */
import type { Server } from 'node:http';
import type { RunnerHandle } from '@grammyjs/runner';
import { createApp, type App } from './app.ts';
import { openConsole } from './cli/console.ts';
import { runCli } from './cli/args.ts';
import { createTelegramBot, describe, setCommands, startPolling, startWebhook } from './telegram/bot.ts';

interface Running {
  stop(): Promise<void>;
}

async function startTelegram(app: App): Promise<Running> {
  const cfg = app.config.telegram!;
  const bot = createTelegramBot({ token: cfg.token, apiRoot: cfg.apiRoot, handler: app.chat, tr: app.tr, log: app.log.child({ channel: 'telegram' }) });
  await bot.init();
  await setCommands(bot, app.tr).catch((err) => app.log.warn({ err: describe(err) }, 'setMyCommands failed'));
  if (cfg.webhookUrl) {
    const server: Server = await startWebhook(bot, { url: cfg.webhookUrl, secret: cfg.webhookSecret!, port: app.config.http.port, host: app.config.http.host });
    app.log.info({ mode: 'webhook', port: app.config.http.port, bot: bot.botInfo.username }, 'telegram started');
    return { stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }
  await bot.api.deleteWebhook();
  const runner: RunnerHandle = startPolling(bot);
  app.log.info({ mode: 'polling', bot: bot.botInfo.username }, 'telegram started');
  return { stop: async () => (runner.isRunning() ? runner.stop() : undefined) };
}

await runCli(async () => {
  const app = await createApp();
  if (!app.config.telegram && !app.config.zalo) {
    try {
      return await openConsole(app, app.config.consoleAs, 'vi');
    } finally {
      await app.close();
    }
  }
  const running: Running[] = [];
  if (app.config.telegram) running.push(await startTelegram(app));
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    for (const r of running) await r.stop().catch((err) => app.log.error({ err: describe(err) }, 'stop failed'));
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  // Keep running until a signal arrives.
  await new Promise(() => undefined);
  return 0;
});
