/**
 * npm start: the bot on the configured database (embedded PGlite with the
 * sample data by default). With no chat token it opens the console chat, so
 * a newcomer sees real data at once. With TELEGRAM_BOT_TOKEN and/or
 * ZALO_BOT_TOKEN it serves those apps (long polling, or webhooks on PORT when
 * their *_WEBHOOK_URL is set), serves file links and the upload page ("gửi tệp")
 * under PUBLIC_BASE_URL, and
 * runs the delivery worker and scheduler (reminders, digests, notices); more
 * workers can run beside it with `npm run worker` on PostgreSQL.
 */
import { keepReferenceFresh } from '../prisma/stores/question-data.ts';
import { createApp } from './app.ts';
import { openConsole } from './cli/open-console.ts';
import { runCli } from './cli/args.ts';

await runCli(async () => {
  const app = await createApp();
  // The units, plans and tasks' names read now, while the chats start (the first question is one statement), and
  // again every half hour between questions (a change written outside the app is seen within the hour).
  const stopRefresh = keepReferenceFresh(app.db.prisma, app.questionReference, (err: unknown) => app.log.warn({ err }, 'questions: reference data not read'));
  if (!app.config.telegram && !app.config.zalo) {
    try {
      return await openConsole(app, app.config.consoleAs, 'vi');
    } finally {
      stopRefresh();
      await app.close();
    }
  }
  // Imported only here: the console does not load the chat apps' clients.
  const { serveChats } = await import('./channels.ts');
  try {
    return await serveChats(app);
  } finally {
    stopRefresh();
  }
});
