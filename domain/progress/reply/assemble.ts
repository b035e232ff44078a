/** Turns what the clauses yielded into the fields of a reply: one percent, one state, the pieces joined per field. */
import { fold, parseVnNumber } from '../../shared/text.ts';
import { capitalize } from './clean.ts';
import type { Field, Reading } from './collect.ts';
import { ISSUED_DOC } from './documents.ts';
import { blank, problemDetail } from './problems.ts';
import { orig } from './shadow.ts';
import { percentMarker } from './specs.ts';
import { isSmallTalk } from './unread.ts';
import type { ProgressState, QuickReplyExplanation, QuickReplyProblem } from './types.ts';

/** "(35%) bởi vì nhà mạng chưa lắp trạm": a piece that gives a reason is a difficulty. */
const BECAUSE = /^(?:la do|do|vi|boi vi|boi|tai vi)\s+(?=\S)/;
const BECAUSE_TYPED = new Set(['do', 'vì', 'bởi', 'tại', 'là']);
/** "do UBND xã thực hiện": by whom, not why. */
const BY_WHOM = /(?:thuc hien|chu tri|phu trach|trien khai|dam nhiem)$/;
const WAITING = /^((?:(?:dang|van|con|hien|hien dang|dang con)\s+)*(?:cho|doi))\s+(\S.*)$/;
/** What usually comes next, by someone's hand or not ("chờ UBND phê duyệt dự toán"). */
const NEXT_STEP = /^(?:\S+\s+){0,3}?(?:tham dinh|phe duyet|ky|trinh ky|ban hanh|y kien|gop y|nghiem thu|xet duyet|duyet|lanh dao|cap tren|ket qua)(?![a-z0-9])/;

export function assemble(r: Reading): QuickReplyExplanation {
  const { sh, col, clean, span } = r;
  const result = blank();
  const problems: QuickReplyProblem[] = [...col.percentProblems];

  let percent: number | null = null;
  let percentUnclear = false;
  const distinct = [...new Set(col.percents.map((p) => p.value))];
  if (distinct.length === 1) percent = distinct[0]!;
  else if (distinct.length > 1) {
    percentUnclear = true;
    col.seen.unshift(...distinct);
    col.pieces.push({ field: 'note', text: col.percents.map((p) => clean(p.raw)).join(', ') });
  }
  if (col.percentAmbiguous.length) {
    percentUnclear = true;
    percent = null;
    col.pieces.push({ field: 'note', text: col.percentAmbiguous.map((r) => clean(r)).join(', ') });
  }

  // A bare number ("50", "1") is never a percentage: it may be the number of a choice of a
  // prompt that is gone. Only a number said to be progress ("tiến độ 50", "đạt 50") is one,
  // and only when nothing else gives one. ("%", "phần trăm" and the % step are read elsewhere.)
  const hasExplicitPercent = col.percents.length > 0 || col.percentProblems.length > 0 || col.percentAmbiguous.length > 0;
  col.bare.forEach((b, idx) => {
    if (!hasExplicitPercent && idx === 0 && b.said) {
      col.signals++;
      const neg = b.raw.startsWith('-');
      const mk = percentMarker(b.raw.replace(/^-/, ''), neg);
      if (mk.problem) problems.push({ code: mk.problem, detail: problemDetail(mk.problem, mk.raw ?? b.raw) });
      else if (mk.value !== undefined) percent = mk.value;
      span('BARE_NUMBER', b.clause.s, b.clause.e);
    } else {
      col.pieces.splice(Math.min(b.pieceIndex, col.pieces.length), 0, { field: 'note', text: clean(orig(sh, b.clause.s, b.clause.e)) });
    }
  });

  const join = (field: Field, sep: string) => {
    const parts = col.pieces.filter((p) => p.field === field && p.text.trim() !== '').map((p) => capitalize(p.text));
    return parts.length ? parts.join(sep) : null;
  };

  result.taskRef = col.taskRef;
  if (col.signals === 0) {
    // Chit-chat, questions, a bare task number: not an update.
    result.notReport = col.spans.some((x) => x.kind === 'QUERY') ? 'question' : isSmallTalk(sh.o) ? 'chat' : null;
    return { reply: result, text: sh.o, spans: col.spans };
  }

  result.looksLikeUpdate = true;
  result.noChange = col.noChange;
  // "đã ban hành kế hoạch …": an issued document is the output, even without its number.
  for (const p of col.pieces) {
    if (p.field !== 'note') continue;
    const m = ISSUED_DOC.exec(fold(p.text));
    if (!m) continue;
    col.docs.push(capitalize(p.text.trim().split(/\s+/).slice(m[1]!.split(' ').length).join(' ')));
    p.text = '';
    col.issued = true;
  }
  // "đã ban hành kế hoạch số …" with no percent and no other state: done, its output the document
  // (the report flow asks when the task's expected output is another kind of document).
  if (col.issued && col.percents.length === 0 && col.percentAmbiguous.length === 0 && !col.pureStates.some((s) => s !== 'DONE')) {
    col.pureStates.push('DONE');
    result.issued = true;
  }
  result.outputDocument = col.docs.length ? col.docs.join('; ') : null;
  result.expectedCompletion = col.expected.length ? col.expected[0]! : null;
  if (col.expected.length > 1) col.pieces.push({ field: 'note', text: col.expected.slice(1).join('; ') });
  // "chờ các xã gửi số liệu": waiting on others is a difficulty; "chờ thẩm định/phê duyệt/ký" is the usual next step (note).
  for (const p of col.pieces) {
    const m = p.field === 'note' ? WAITING.exec(fold(p.text)) : null;
    if (!m || NEXT_STEP.test(m[2]!)) continue;
    const word = p.text.split(/\s+/)[m[1]!.split(' ').length - 1]!.toLowerCase();
    if (sh.accented && word !== 'chờ' && word !== 'đợi') continue;
    p.field = 'difficulties';
    p.text = capitalize(p.text.split(/\s+/).slice(m[1]!.split(' ').length - 1).join(' '));
  }
  for (const p of col.pieces) {
    const m = p.field === 'note' ? BECAUSE.exec(fold(p.text)) : null;
    if (!m || BY_WHOM.test(fold(p.text)) || (sh.accented && !BECAUSE_TYPED.has(p.text.split(/\s+/)[0]!.toLowerCase()))) continue;
    const rest = p.text.split(/\s+/).slice(m[0].trim().split(' ').length).join(' ');
    p.field = 'difficulties';
    p.text = capitalize(rest);
  }
  result.difficulties = join('difficulties', '; ');
  result.proposals = join('proposals', '; ');

  // --- state and percent ---
  const states = [...new Set(col.pureStates)];
  let state: ProgressState | null = null;
  let stateUnclear = false;
  if (states.length > 1) stateUnclear = true;
  else if (states.length === 1) {
    const s = states[0]!;
    if (s === 'DONE') {
      if (percent !== null && percent < 100) {
        problems.push({ code: 'DONE_BUT_PERCENT_BELOW_100', detail: problemDetail('DONE_BUT_PERCENT_BELOW_100', col.doneWord ?? 'xong', percent) });
        stateUnclear = true;
      } else {
        state = 'DONE';
        percent = 100;
        percentUnclear = false;
      }
    } else if (s === 'NOT_STARTED') {
      if (percent !== null && percent > 0) {
        problems.push({ code: 'NOT_STARTED_BUT_PERCENT', detail: problemDetail('NOT_STARTED_BUT_PERCENT', col.notStartedWord ?? 'chưa triển khai', percent) });
        stateUnclear = true;
      } else {
        state = 'NOT_STARTED';
        percent = 0;
        percentUnclear = false;
      }
    } else if (percent === 100) {
      // "đang triển khai" but 100%: ask which is true.
      stateUnclear = true;
    } else state = 'IN_PROGRESS';
  } else if (percent !== null) {
    state = percent === 100 ? 'DONE' : percent === 0 ? 'NOT_STARTED' : 'IN_PROGRESS';
  } else if (col.weakInProgress) state = 'IN_PROGRESS';
  else if (percentUnclear && col.seen.length && col.seen.every((v) => v > 0 && v < 100)) state = 'IN_PROGRESS';

  result.state = state;
  result.percent = percent;
  result.problems = problems;
  result.note = join('note', '; ');
  result.unread = col.unread;
  result.saidNone = [...(col.spans.some((x) => x.kind === 'NO_DIFF') ? ['difficulties' as const] : []), ...(col.spans.some((x) => x.kind === 'NO_PROPOSAL') ? ['proposals' as const] : [])];
  result.seen = percentUnclear ? [...new Set(col.seen)] : [];

  const percentProblem = col.percentProblems.length > 0 || problems.some((p) => p.code.startsWith('PERCENT_'));
  if (stateUnclear) result.unclear = 'state';
  else if (state === 'DONE' || state === 'NOT_STARTED') result.unclear = null;
  else if (percentUnclear || (percentProblem && percent === null)) result.unclear = 'percent';
  else if (col.noChange) result.unclear = null;
  else if (state === null) result.unclear = 'state';
  else if (percent === null) result.unclear = 'percent';
  return { reply: result, text: sh.o, spans: col.spans };
}
