/**
 * The console channel: a chat in the terminal (or a script piped into
 * stdin, one message per line) through the same domain code as Telegram and
 * Zalo. Choices are numbered, as on Zalo.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Reply } from '../../domain/chat/reply.ts';
import type { Locale, Translator } from '../i18n.ts';
import { renderReply } from '../chat/render.ts';

/** Answers one typed line (a numbered answer to offered choices is resolved by the engine). */
export type ConsoleHandler = (text: string) => Promise<Reply[]>;

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

/** Writes replies as the console shows them (also a preview that arrives from the upload page). */
export function writeReplies(output: Writable, replies: Reply[], tr: Translator, locale: Locale): void {
  for (const reply of replies) {
    output.write(`${renderReply(reply, tr, locale, { numberChoices: true })}\n`);
    for (const f of reply.files ?? []) output.write(`${tr.t('console-file', { name: f.fileName, kind: f.kind }, locale)}\n`);
    output.write('\n');
  }
}

export async function runConsole(o: ConsoleOptions): Promise<void> {
  const write = (s: string) => o.output.write(`${s}\n`);
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
    let replies: Reply[];
    try {
      replies = await o.handle(text);
    } catch (err) {
      write(o.tr.t('chat-error', {}, o.locale));
      write(`  (${err instanceof Error ? err.message : String(err)})`);
      prompt();
      continue;
    }
    writeReplies(o.output, replies, o.tr, o.locale);
    prompt();
  }
  rl.close();
}
