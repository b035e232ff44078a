/**
 * npm start: the bot on the configured database (embedded PGlite with the
 * sample data by default). With no chat token configured it opens the
 * console chat, so a newcomer sees real data at once.
 */
import { createApp } from './app.ts';
import { openConsole } from './cli/console.ts';
import { runCli } from './cli/args.ts';

await runCli(async () => {
  const app = await createApp();
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    if (!app.config.telegram && !app.config.zalo) {
      return await openConsole(app, app.config.consoleAs, 'vi');
    }
    app.log.error({}, 'chat channels are not available in this version yet');
    return 1;
  } finally {
    await app.close();
  }
});
