/**
 * npm run console -- --as <person> [--today YYYY-MM-DD] [--lang vi|en]
 * Chat with the bot in the terminal, or pipe messages in, one per line.
 */
import { parseArgs } from 'node:util';
import { today as todayOf } from '../../domain/shared/clock.ts';
import { createApp, type App } from '../app.ts';
import { runConsole } from '../console/console.ts';
import type { Locale } from '../i18n.ts';
import { clockFor, dayArg, runCli } from './args.ts';
import { findPerson } from './people.ts';

export async function openConsole(app: App, as: string | undefined, locale: Locale): Promise<number> {
  const ctxPerson = await findPerson(app, as, locale);
  const interactive = Boolean(process.stdin.isTTY);
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
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runCli(async () => {
    const { values } = parseArgs({ options: { as: { type: 'string' }, today: { type: 'string' }, lang: { type: 'string', default: 'vi' } } });
    const locale = (values.lang === 'en' ? 'en' : 'vi') as Locale;
    const app = await createApp({ clock: clockFor(dayArg(values.today, 'today')) });
    try {
      return await openConsole(app, values.as, locale);
    } finally {
      await app.close();
    }
  });
}
