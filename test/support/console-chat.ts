/**
 * A console chat as a person of the registry, on a fixed day: the lines typed
 * in, the replies printed after each (numbered choices as the console shows them).
 */
import { PassThrough } from 'node:stream';
import { buildChatService } from '../../bot/app.ts';
import { runConsole } from '../../bot/console/console.ts';
import { i18n } from '../../bot/i18n.ts';
import { FixedClock } from '../../domain/shared/clock.ts';
import { instantOf } from '../../domain/shared/day.ts';
import { PrismaTaskQueries } from '../../prisma/stores/task-queries.ts';
import type { TestDatabase } from './db.ts';
import { CALENDAR, DELIVERY, SETTINGS, silentLog } from './telegram-harness.ts';

export async function consoleChat(db: TestDatabase, as: string, lines: string[], today: string): Promise<string[]> {
  const [person] = await new PrismaTaskQueries(db.prisma).findPeople(as);
  const service = buildChatService({ prisma: db.prisma, clock: new FixedClock(instantOf(today, 9)), settings: SETTINGS, log: silentLog, tr: i18n(), calendar: CALENDAR, delivery: DELIVERY });
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (c) => (text += String(c)));
  const done = runConsole({
    input, output, tr: i18n(), locale: 'vi', interactive: false,
    handle: async (t) => (await service.handle({ channel: 'CONSOLE', chatId: `console:${person!.id}`, user: { externalId: `console:${person!.id}` }, text: t, asPerson: person! }))?.replies ?? [],
  });
  input.end(lines.join('\n') + '\n');
  await done;
  let from = 0;
  return lines.map((l) => {
    const start = text.indexOf(`› ${l}\n`, from);
    const rest = text.slice(start + l.length + 3);
    const next = rest.indexOf('\n› ');
    from = start + 1;
    return (next < 0 ? rest : rest.slice(0, next)).trimEnd();
  });
}
