/**
 * Replies as Telegram messages: HTML with user data escaped, choices as an
 * inline keyboard (callback data ≤ 64 bytes), a contact button when asked,
 * and texts split under Telegram's 4,096-character limit on line boundaries.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove } from 'grammy/types';
import type { Reply } from '../../domain/chat/reply.ts';
import type { Locale, Translator } from '../i18n.ts';
import { renderReply, textOf } from '../chat/render.ts';

export const TELEGRAM_TEXT_LIMIT = 4096;
const CALLBACK_LIMIT = 64;
export const PROMPT_SEPARATOR = '|';

/** A button's callback data: the choice, and the prompt it belongs to when it names one. */
export function readCallbackData(data: string): { choiceId: string; promptId?: string } {
  const at = data.lastIndexOf(PROMPT_SEPARATOR);
  return at > 0 ? { choiceId: data.slice(0, at), promptId: data.slice(at + 1) } : { choiceId: data };
}

export interface TelegramMessage {
  text: string;
  parse_mode: 'HTML';
  reply_markup?: InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove;
}

/** Splits HTML text into parts under the limit, at line breaks, never inside a tag or an entity. */
export function splitForTelegram(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  if (text.length <= limit) return [text];
  const parts: string[] = [];
  let current = '';
  const push = () => {
    if (current) parts.push(current);
    current = '';
  };
  // An item is a line and the indented lines under it (a task's unit, deadline): parts end between items.
  const items: string[] = [];
  for (const line of text.split('\n')) {
    if (items.length && /^\s/.test(line) && line.trim()) items[items.length - 1] += `\n${line}`;
    else items.push(line);
  }
  for (const item of items) {
    if (item.length > limit) {
      // An item longer than a part: its lines, one by one.
      for (const line of item.split('\n')) addLine(line);
      continue;
    }
    const candidate = current ? `${current}\n${item}` : item;
    if (candidate.length <= limit) current = candidate;
    else {
      push();
      current = item;
    }
  }
  push();
  return parts;

  function addLine(line: string): void {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= limit) {
      current = candidate;
      return;
    }
    push();
    if (line.length <= limit) {
      current = line;
      return;
    }
    // A single line longer than the limit: cut at spaces (lines carry no tags across spaces in our replies).
    let rest = line;
    while (rest.length > limit) {
      let cut = rest.lastIndexOf(' ', limit);
      if (cut < limit / 2) cut = limit;
      // never cut inside an entity such as &amp;
      const amp = rest.lastIndexOf('&', cut);
      if (amp > cut - 8 && rest.indexOf(';', amp) >= cut) cut = amp;
      parts.push(rest.slice(0, cut));
      rest = rest.slice(cut).trimStart();
    }
    current = rest;
  }
}

function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** The messages for one reply: the keyboard goes on the last part. */
export function toTelegram(reply: Reply, tr: Translator, locale: Locale): TelegramMessage[] {
  const html = renderReply(reply, tr, locale, { html: true });
  const parts = splitForTelegram(html || '…');
  const messages: TelegramMessage[] = parts.map((text) => ({ text, parse_mode: 'HTML' }));
  const last = messages[messages.length - 1]!;
  if (reply.requestContact) {
    last.reply_markup = {
      keyboard: [[{ text: tr.t('link-share-phone', {}, locale), request_contact: true }]],
      resize_keyboard: true,
      one_time_keyboard: true,
    };
  } else if (reply.choices?.length) {
    const buttons: InlineKeyboardButton[] = reply.choices.map((c) => {
      // "choice|prompt": a press is read against the prompt it was shown with (bot.ts splits it again).
      const data = reply.promptId ? `${c.id}${PROMPT_SEPARATOR}${reply.promptId}` : c.id;
      if (byteLength(data) > CALLBACK_LIMIT) throw new RangeError(`callback data over ${CALLBACK_LIMIT} bytes: ${data}`);
      return { text: textOf(c.label, tr, locale).slice(0, 64), callback_data: data };
    });
    // Short labels two per row, long ones alone: readable on a phone.
    const rows: InlineKeyboardButton[][] = [];
    for (const b of buttons) {
      const prev = rows[rows.length - 1];
      if (prev && prev.length < 2 && b.text.length <= 14 && prev[0]!.text.length <= 14) prev.push(b);
      else rows.push([b]);
    }
    last.reply_markup = { inline_keyboard: rows };
  }
  return messages;
}
