/**
 * The console chat on an open app: as the person `--as` names (the first city
 * leader when absent), in the terminal or on piped lines. Used by `npm start`
 * without a chat token and by `npm run console` (cli/console.ts). Kept apart
 * from that entry: in the build an entry's own code must stay in its file.
 */
import { today as todayOf } from '../../domain/shared/clock.ts';
import { warmQueryCompiler } from '../../prisma/query-compiler.ts';
import type { App } from '../app.ts';
import { runConsole, writeReplies } from '../console/console.ts';
import { uploadDeliverer } from '../chat/upload-delivery.ts';
import { HttpRouter } from '../http/server.ts';
import { UPLOAD_PAGE_PREFIX, uploadPageHandler } from '../http/upload-page.ts';
import { listenOn } from '../startup.ts';
import type { Locale } from '../i18n.ts';
import { findPerson } from './people.ts';

export async function openConsole(app: App, as: string | undefined, locale: Locale): Promise<number> {
  const ctxPerson = await findPerson(app, as, locale);
  const interactive = Boolean(process.stdin.isTTY);
  // "gửi tệp" on the console: with PUBLIC_BASE_URL the upload page is served on PORT and its preview printed here.
  const router = app.config.http.publicBaseUrl ? new HttpRouter(app.log.child({ component: 'http' })) : null;
  if (router) {
    const deliver = uploadDeliverer({ chat: app.chat, senders: { CONSOLE: async (_chatId, replies) => writeReplies(process.stdout, replies, app.tr, locale) }, consolePerson: async () => ctxPerson });
    const page = uploadPageHandler({ prisma: app.db.prisma, tr: app.tr, maxBytes: app.config.uploads.maxBytes, deliver, now: () => app.clock.now(), log: app.log });
    router.getPrefix(UPLOAD_PAGE_PREFIX, page).postPrefix(UPLOAD_PAGE_PREFIX, page);
    await listenOn(router, app.config.http.port, app.config.http.host, 'PORT');
  }
  try {
    await runConsoleFor(app, ctxPerson, locale, interactive);
  } finally {
    await router?.close();
  }
  return 0;
}

async function runConsoleFor(app: App, ctxPerson: Awaited<ReturnType<typeof findPerson>>, locale: Locale, interactive: boolean): Promise<void> {
  // Prisma's query compiler, which the first message's conversation needs, made once the banner and the
  // prompt are out (runConsole writes them before it first waits), while the person types.
  setImmediate(warmQueryCompiler);
  await runConsole({
    input: process.stdin,
    output: process.stdout,
    tr: app.tr,
    locale,
    interactive,
    banner: app.tr.t('console-banner', { name: ctxPerson.fullName, today: todayOf(app.clock), interactive: interactive ? 'yes' : 'no' }, locale),
    handle: async (text) => {
      const outcome = await app.chat.handle({ channel: 'CONSOLE', chatId: `console:${ctxPerson.id}`, user: { externalId: `console:${ctxPerson.id}` }, text, asPerson: ctxPerson });
      return outcome?.replies ?? [];
    },
  });
}
