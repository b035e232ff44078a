/**
 * One officer reply and what a person reading it would take from it (issue 10).
 * Every field is expected: a field left out means empty (null), except that a
 * DONE state implies 100% and NOT_STARTED 0%. `note`, `unread` and `seen`
 * are checked only when given.
 *
 * `out` is what happens next, as the officer sees it:
 * - save: the summary to confirm comes at once (the task known);
 * - ask: the bot asks back the one unclear thing (status or %), nothing stored yet;
 * - refuse: the bot says the reply cannot be used as is (a % over 100, not a number);
 * - chat: small talk, never a report (a short friendly answer and the menu);
 * - question: goes to the questions path.
 */
import type { ProgressState } from '../../../domain/progress/quick-reply.ts';

export type Kind = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export const KIND_NAMES: Record<Kind, string> = {
  1: 'glued and spaced tokens',
  2: 'two numbers, one is the progress',
  3: 'fractions and ranges',
  4: 'number words and spoken forms',
  5: 'status words',
  6: 'blockers and reasons',
  7: 'not a report',
  8: 'saying what was not understood',
};

export interface ReplyCase {
  kind: Kind;
  text: string;
  out: 'save' | 'ask' | 'refuse' | 'chat' | 'question';
  s?: ProgressState;
  p?: number;
  doc?: string;
  diff?: string;
  prop?: string;
  exp?: string;
  ref?: string;
  /** Words the note contains. */
  note?: string;
  /** A part the bot says it could not read. */
  unread?: string;
  /** The numbers an ask-back shows (a range, two numbers). */
  seen?: number[];
}

type Rest = Omit<ReplyCase, 'kind' | 'text' | 'out'>;

/** Cases of one kind: [text, out, fields]. */
export function kind(k: Kind, rows: Array<[string, ReplyCase['out'], Rest?]>): ReplyCase[] {
  return rows.map(([text, out, rest]) => ({ kind: k, text, out, ...rest }));
}
