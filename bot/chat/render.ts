/**
 * Turning channel-neutral replies into text. Text channels (Zalo, console)
 * number the choices ("Trả lời 1, 2 hoặc 3"); Telegram shows buttons and
 * uses HTML, so its renderer escapes user data.
 */
import type { Reply, Text } from '../../domain/chat/reply.ts';
import type { Locale, Translator } from '../i18n.ts';

export function textOf(text: Text, tr: Translator, locale: Locale): string {
  return 'raw' in text ? text.raw : tr.t(text.key, text.args ?? {}, locale);
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface RenderOptions {
  html?: boolean;
  /** Append numbered choices to the text (channels without buttons). */
  numberChoices?: boolean;
}

export function renderReply(reply: Reply, tr: Translator, locale: Locale, options: RenderOptions = {}): string {
  const esc = options.html ? escapeHtml : (s: string) => s;
  const lines = reply.lines.map((l) => {
    let s = esc(textOf(l.text, tr, locale));
    if (l.strong && options.html) s = `<b>${s}</b>`;
    if (l.indent) s = s.split('\n').map((x) => `   ${x}`).join('\n');
    return s;
  });
  if (options.numberChoices && reply.choices?.length) {
    lines.push('');
    if (reply.freeNumbers) {
      // Digits typed here are values (a percentage): no numbered choices, only what to type.
      lines.push(tr.t('choices-hint-free', {}, locale));
    } else {
      reply.choices.forEach((c, i) => lines.push(`${i + 1}. ${esc(textOf(c.label, tr, locale))}`));
      lines.push(tr.t('choices-hint', { count: reply.choices.length }, locale));
    }
  }
  return lines.join('\n');
}

