/** Compares what the parser read with what the officer meant; returns the mismatches, first the one that matters most. */
import type { QuickReply } from '../../../domain/progress/quick-reply.ts';
import { fold } from '../../../domain/shared/text.ts';
import type { ReplyCase } from './case.ts';

/** What happens next for this reading (see case.ts). */
export function outcome(r: QuickReply): ReplyCase['out'] | 'nothing' {
  if (!r.looksLikeUpdate) return r.notReport ?? 'nothing';
  if (r.problems.some((p) => p.code.startsWith('PERCENT_'))) return 'refuse';
  if (r.unclear) return 'ask';
  return 'save';
}

const norm = (s: string | null | undefined) => (s == null ? null : fold(s).replace(/^[\s"'.,;:]+|[\s"'.,;:]+$/g, '').replace(/\s+/g, ' '));

export function checkReply(c: ReplyCase, r: QuickReply): string[] {
  const bad: string[] = [];
  const eq = (name: string, got: unknown, want: unknown) => {
    if (JSON.stringify(got) !== JSON.stringify(want)) bad.push(`${name}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  };
  eq('out', outcome(r), c.out);
  eq('ref', r.taskRef, c.ref ?? null);
  if (c.out === 'chat' || c.out === 'question') return bad;
  const s = c.s ?? null;
  eq('state', r.state, s);
  eq('percent', r.percent, c.p ?? (s === 'DONE' ? 100 : s === 'NOT_STARTED' ? 0 : null));
  eq('doc', norm(r.outputDocument), norm(c.doc));
  eq('diff', norm(r.difficulties), norm(c.diff));
  eq('prop', norm(r.proposals), norm(c.prop));
  eq('exp', norm(r.expectedCompletion), norm(c.exp));
  if (c.note !== undefined && !(norm(r.note) ?? '').includes(norm(c.note)!)) bad.push(`note: got ${JSON.stringify(r.note)}, want it to contain ${JSON.stringify(c.note)}`);
  if (c.unread !== undefined && !r.unread.some((u) => norm(u) === norm(c.unread))) bad.push(`unread: got ${JSON.stringify(r.unread)}, want ${JSON.stringify(c.unread)}`);
  if (c.seen !== undefined) eq('seen', r.seen, c.seen);
  return bad;
}
