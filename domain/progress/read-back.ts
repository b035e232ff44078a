/**
 * What the bot read from a reply, said back field by field (issue 10, kind 8;
 * issue 11, long pastes): the fields it found; the words it could not read,
 * once each ("Chưa đọc được: 'xyz'"); and for a long pasted text, which of
 * the appendix's fields it did not find, so the officer sees at a glance
 * what will be saved and what is missing. The ask-back for two numbers names
 * both ("Tôi thấy hai con số 20% và 35%…").
 */
import { line, t, type Line } from '../chat/reply.ts';
import type { QuickReply } from './quick-reply.ts';

/** A text pasted from a report rather than typed as one line: long, or several lines. */
export function isLongPaste(text: string): boolean {
  return text.length >= 200 || text.split('\n').filter((l) => l.trim()).length >= 4;
}

export interface ReadFields {
  state?: string | null;
  percent?: number | null;
  outputDocument?: string | null;
  difficulties?: string | null;
  proposals?: string | null;
  expectedCompletionText?: string | null;
  note?: string | null;
  /** Words of the reply that could not be read. */
  unread?: string[];
  /** The reply was a long paste: say which fields were not found. */
  long?: boolean;
  /** Fields said to be empty ("khó khăn: không"). */
  saidNone?: string[];
}

const MAX_UNREAD = 5;

/** The fields read, each on its line; for a long paste, every field of the appendix row, found or not. */
export function fieldLines(d: ReadFields): Line[] {
  const lines: Line[] = [line(t('summary-state', { state: d.state ?? 'none', percent: d.percent ?? 'none' }), { indent: true })];
  const fields: Array<[string, string | null | undefined, boolean]> = [
    ['output', d.outputDocument, true],
    ['difficulties', d.difficulties, true],
    ['proposals', d.proposals, true],
    ['expected', d.expectedCompletionText, d.state !== 'DONE'],
  ];
  for (const [field, text, expected] of fields) {
    if (text) lines.push(line(t(`summary-${field}`, { text }), { indent: true }));
    else if (d.long && d.saidNone?.includes(field)) lines.push(line(t('summary-field-none', { field }), { indent: true }));
    else if (d.long && expected) lines.push(line(t('summary-field-missing', { field }), { indent: true }));
  }
  return lines;
}

/** "Chưa đọc được: …", each part once (the first few, and how many more). */
export function readBackLines(d: ReadFields): Line[] {
  const unread = [...new Set(d.unread ?? [])];
  if (!unread.length) return [];
  const shown = unread.slice(0, MAX_UNREAD).map((u) => `"${u}"`).join(', ');
  return [line(t('summary-unread', { text: shown, more: unread.length - Math.min(unread.length, MAX_UNREAD) }), { indent: true })];
}

/** A long paste that cannot be used as is: what was read and what was not, under the problems. */
export function readingLines(r: QuickReply, text: string): Line[] {
  if (!isLongPaste(text)) return [];
  const d: ReadFields = { ...r, expectedCompletionText: r.expectedCompletion, long: true };
  return [line(t('report-read-so-far'), { strong: true }), ...fieldLines(d), ...readBackLines(d)];
}
