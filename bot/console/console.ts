/**
 * The console channel: a chat in the terminal (or a script piped into
 * stdin, one message per line) through the same domain code as Telegram and
 * Zalo. Choices are numbered, as on Zalo.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Choice, Reply } from '../../domain/chat/reply.ts';
import type { Locale, Translator } from '../i18n.ts';
import { renderReply, resolveChoice } from '../chat/render.ts';

export interface ConsoleHandler {
  /** Answers one message; `choiceId` is set when the text picked an offered choice. */
  (message: { text: string; choiceId?: string }): Promise<Reply[]>;
}

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  tr: Translator;
  locale: Locale;
  handle: ConsoleHandler;
  /** Shown before the first prompt. */
  banner?: string;
  interactive: boolean;
}

export async function runConsole(o: ConsoleOptions): Promise<void> {
  const write = (s: string) => o.output.write(`${s}\n`);
  let offered: Choice[] = [];
  if (o.banner) write(o.banner);
  const rl = createInterface({ input: o.input, terminal: o.interactive, crlfDelay: Infinity });
  const prompt = () => o.interactive && o.output.write('› ');
  prompt();
  for await (const raw of rl) {
    const text = raw.trim();
    if (!text) {
      prompt();
      continue;
    }
    if (['/thoat', '/exit', '/quit'].includes(text.toLowerCase())) break;
    if (!o.interactive) write(`› ${text}`);
    const chosen = offered.length ? resolveChoice(text, offered, o.tr, o.locale) : null;
    const replies = await o.handle(chosen ? { text, choiceId: chosen.id } : { text });
    offered = [];
    for (const reply of replies) {
      write(renderReply(reply, o.tr, o.locale, { numberChoices: true }));
      write('');
      if (reply.choices?.length) offered = reply.choices;
    }
    prompt();
  }
  rl.close();
}
