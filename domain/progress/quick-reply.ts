/**
 * Quick progress replies: the one line an officer types on a phone after a
 * reminder ("50%, đã xong dự thảo, vướng kinh phí, đề nghị TP bổ sung vốn"),
 * read into the fields of a progress appendix row.
 *
 * The reader is deterministic and explainable, in small steps under reply/:
 * the text is folded character by character so every match maps back to the
 * original words (shadow.ts); cut into clauses (clauses.ts); in each clause a
 * fixed list of markers is matched (specs.ts, documents.ts, markers.ts) and
 * read into pieces (read.ts); the pieces become the fields (assemble.ts).
 * Whatever no marker claims and is more than politeness ends up in `note`,
 * so nothing the officer wrote is dropped silently. `explainQuickReply`
 * returns the spans that produced each field.
 */
import { assemble } from './reply/assemble.ts';
import { reading } from './reply/collect.ts';
import { blank } from './reply/problems.ts';
import { readClauses } from './reply/read.ts';
import { respell } from './reply/respell.ts';
import { prepare } from './reply/shadow.ts';
import type { QuickReply, QuickReplyExplanation } from './reply/types.ts';

export type { MarkerKind, ProgressState, QuickReply, QuickReplyExplanation, QuickReplyProblem, QuickReplyProblemCode, QuickReplySpan } from './reply/types.ts';

export function parseQuickReply(text: string): QuickReply {
  return explainQuickReply(text).reply;
}

export function explainQuickReply(text: string): QuickReplyExplanation {
  const sh = prepare(text ?? '');
  if (sh.o === '' || sh.o.startsWith('/')) {
    return { reply: blank(), text: sh.o, spans: sh.o ? [{ kind: 'QUERY', text: sh.o, start: 0, end: sh.o.length }] : [] };
  }
  const r = reading(respell(sh));
  readClauses(r);
  return assemble(r);
}
