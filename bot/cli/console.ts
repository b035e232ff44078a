/**
 * npm run console -- --as <person> [--today YYYY-MM-DD] [--lang vi|en]
 * Chat with the bot in the terminal, or pipe messages in, one per line.
 */
import { parseArgs } from 'node:util';
import { createApp } from '../app.ts';
import type { Locale } from '../i18n.ts';
import { clockFor, dayArg, runCli } from './args.ts';
import { openConsole } from './open-console.ts';

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
