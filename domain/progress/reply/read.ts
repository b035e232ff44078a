/**
 * Reads the clauses of a reply into pieces: in each clause the markers are
 * found; each marker either stands alone (a percentage, "không thay đổi", a
 * task number) or takes the words after it up to the next marker (a
 * difficulty, a proposal, a document's "về việc…", the object of "đã xong …").
 * Whatever no marker claims and is more than politeness ends up in the note.
 */
import { parseVnNumber } from '../../shared/text.ts';
import { isQuery, segment } from './clauses.ts';
import { isFiller } from './clean.ts';
import type { Field, Reading } from './collect.ts';
import { findMarkers, stopsAt } from './markers.ts';
import { REF } from './patterns.ts';
import { problemDetail } from './problems.ts';
import { orig } from './shadow.ts';
import type { ProgressState } from './types.ts';
import { isNumberedList, LIST_ITEM, PAPERWORK, percentRole, REASON, STEP_VERB } from './roles.ts';
import { isUnreadable } from './unread.ts';

export function readClauses(r: Reading): void {
  const { sh, col, clean, span } = r;
  const clauses = segment(sh);
  let lastContentPiece: number | null = null;
  let continued: number | null = null;
  const lastPiece = () => (col.pieces.length ? col.pieces.length - 1 : null);

  const listed = isNumberedList(sh.f);
  // "Kiến nghị: 1. … 2. …": the items of a numbered list under a difficulty or proposal heading stay in its field;
  // the heading's own words ("Kiến nghị") are no content once an item follows.
  let list: { field: Field; heading: number | null } | null = null;
  let wordsOnly: number | null = null;
  clauses.forEach((c0, ci) => {
    wordsOnly = null;
    const c = { ...c0 };
    if (listed) c.s += LIST_ITEM.exec(sh.f.slice(c.s, c.e))?.[0].length ?? 0;
    // A leading task number: "22. xong rồi", "II.6: 50%", "1.3) đạt".
    if (ci === 0) {
      const lead = new RegExp(`^(?<ref>${REF})\\s*(?::|\\)|\\.(?=\\s))\\s*(?=\\S)`).exec(sh.f.slice(c.s, c.e));
      if (lead && col.taskRef === null) {
        col.taskRef = lead.groups!.ref!.toUpperCase();
        span('TASKREF', c.s, c.s + lead[0].trimEnd().length);
        c.s += lead[0].length;
      }
    }
    const query = isQuery(sh, c);
    const markers = findMarkers(sh, c, query);
    if (query) {
      for (const mk of markers) {
        if (col.taskRef === null && mk.ref) {
          col.taskRef = mk.ref;
          span('TASKREF', mk.s, mk.e);
        }
      }
      col.pieces.push({ field: 'note', text: orig(sh, c.s, c.e) });
      span('QUERY', c.s, c.e);
      lastContentPiece = null;
      return;
    }

    // "tiến độ abc": a progress word followed by something that is not a number.
    if (markers.length === 0 || markers.every((m) => m.kind === 'TASKREF')) {
      const sub = sh.f.slice(c.s, c.e);
      const td = /(?<![a-z0-9])(?:tien do|ty le|tl)\s*:?\s*(?<w>[a-z][^\d]*)$/.exec(sub);
      if (td && !/\d/.test(sub) && !isFiller(td.groups!.w!)) {
        const s = c.s + td.index;
        const wStart = c.s + td.index + td[0].length - td.groups!.w!.length;
        markers.push({ kind: 'PERCENT_BAD', s, e: c.e, problem: 'PERCENT_NOT_A_NUMBER', raw: orig(sh, wStart, c.e) });
        markers.sort((a, b) => a.s - b.s);
      }
    }

    const clausePieceStart = col.pieces.length;
    const hadMarkers = markers.some((m) => m.kind !== 'TASKREF');
    let pos = c.s;
    let gapText: [number, number] | null = null;
    const flushGap = () => {
      if (gapText && !isFiller(orig(sh, gapText[0], gapText[1]))) {
        const t = clean(orig(sh, gapText[0], gapText[1]));
        if (t) {
          col.pieces.push({ field: 'note', text: t });
          if (isUnreadable(t)) col.unread.push(t);
          span('NOTE', gapText[0], gapText[1]);
        }
      }
      gapText = null;
    };

    for (let i = 0; i < markers.length; i++) {
      const mk = markers[i]!;
      if (mk.s < pos) continue;
      gapText = mk.s > pos ? [pos, mk.s] : null;
      const gapIsFiller = gapText === null || isFiller(orig(sh, gapText[0], gapText[1]));

      // Where this marker's words end.
      let contentEnd = mk.e;
      let nextIdx = i + 1;
      if (mk.takes || mk.kind === 'EXPECTED' || mk.kind === 'DOC' || mk.kind === 'DONE_AT') {
        while (nextIdx < markers.length && !stopsAt(mk.kind, markers[nextIdx]!)) nextIdx++;
        contentEnd = nextIdx < markers.length ? markers[nextIdx]!.s : c.e;
      }
      const objText = contentEnd > mk.e ? orig(sh, mk.e, contentEnd) : '';
      const objIsFiller = objText.trim() === '' || isFiller(objText);
      const afterEnd = i + 1 < markers.length ? markers[i + 1]!.s : c.e;
      const afterIsFiller = afterEnd <= mk.e || isFiller(orig(sh, mk.e, afterEnd));

      if (mk.pureOnly && !(gapIsFiller && afterIsFiller)) {
        // "ht" or "tk" inside a sentence: too ambiguous (hệ thống, tài khoản); leave it as text.
        continue;
      }
      if (mk.kind !== 'TASKREF') col.signals++;

      switch (mk.kind) {
        case 'TASKREF':
          if (col.taskRef === null) col.taskRef = mk.ref ?? null;
          else {
            // a second task number stays visible in the note
            gapText = gapText ? [gapText[0], mk.e] : [mk.s, mk.e];
            pos = mk.e;
            continue;
          }
          flushGap();
          span('TASKREF', mk.s, mk.e);
          pos = mk.e;
          break;
        case 'NOCHANGE':
        case 'NO_DIFF':
        case 'NO_PROPOSAL':
          flushGap();
          if (mk.kind === 'NOCHANGE') col.noChange = true;
          span(mk.kind, mk.s, mk.e);
          pos = mk.e;
          break;
        case 'PERCENT':
        case 'PERCENT_BAD':
          if (!mk.problem && percentRole(sh.f.slice(c.s, mk.s)) !== 'now') {
            // "tuần trước 25%", "chỉ tiêu 90%": not the progress now; kept with its words in the note
            const from = gapText ? gapText[0] : mk.s;
            col.pieces.push({ field: 'note', text: clean(orig(sh, from, mk.e)) });
            span('NOTE', from, mk.e);
            gapText = null;
            col.asides++;
            pos = mk.e;
            continue;
          }
          flushGap();
          if (mk.fraction) {
            // "làm được 3/5 gói" → 60%: the summary says how it was counted
            col.pieces.push({ field: 'note', text: clean(orig(sh, mk.s, mk.e)) });
          }
          if (mk.problem) col.percentProblems.push({ code: mk.problem, detail: problemDetail(mk.problem, mk.raw ?? orig(sh, mk.s, mk.e)) });
          else if (mk.value !== undefined) col.percents.push({ value: mk.value, raw: orig(sh, mk.s, mk.e) });
          span(mk.kind, mk.s, mk.e);
          pos = mk.e;
          break;
        case 'PERCENT_RANGE':
          flushGap();
          col.percentAmbiguous.push(orig(sh, mk.s, mk.e));
          col.seen.push(...(mk.values ?? []));
          span(mk.kind, mk.s, mk.e);
          pos = mk.e;
          break;
        case 'DOC': {
          flushGap();
          let docText = mk.doc ?? orig(sh, mk.s, mk.e);
          // "… về việc …" / "V/v …", or any words right after the date (the
          // abstract, as the appendix writes it), describe the document.
          const rest = orig(sh, mk.e, contentEnd);
          const desc =
            /^\s*,?\s*((?:về việc|về|ve viec|ve|v\/v|vv)\s+.+)$/i.exec(rest) ?? (mk.dated && !isFiller(rest) ? /^\s*(\S.*)$/.exec(rest) : null);
          if (desc && clean(desc[1]!)) {
            docText += ` ${clean(desc[1]!)}`;
            pos = contentEnd;
            i = nextIdx - 1;
          } else pos = mk.e;
          col.docs.push(docText);
          span('DOC', mk.s, pos);
          break;
        }
        case 'EXPECTED': {
          flushGap();
          if (mk.time) col.expected.push(orig(sh, mk.time[0], mk.time[1]));
          const tail = contentEnd > mk.e ? orig(sh, mk.e, contentEnd) : '';
          if (mk.keepClause || (tail && !isFiller(tail))) {
            col.pieces.push({ field: 'note', text: clean(orig(sh, mk.s, contentEnd)) });
          }
          span('EXPECTED', mk.s, contentEnd);
          pos = contentEnd;
          i = nextIdx - 1;
          break;
        }
        case 'DONE_AT':
          flushGap();
          col.pureStates.push('DONE');
          col.doneWord ??= orig(sh, mk.s, mk.e);
          col.pieces.push({ field: 'note', text: clean(orig(sh, mk.s, contentEnd)) });
          span('DONE_AT', mk.s, contentEnd);
          pos = contentEnd;
          i = nextIdx - 1;
          break;
        case 'DONE':
        case 'SOON':
        case 'NOT_DONE':
        case 'IN_PROGRESS':
        case 'NOT_STARTED':
        case 'PAST': {
          const pure = gapIsFiller && objIsFiller;
          const start = gapIsFiller ? mk.s : gapText![0];
          if (gapIsFiller) flushGap();
          gapText = null;
          const state: ProgressState | null =
            mk.kind === 'DONE' ? 'DONE' : mk.kind === 'NOT_STARTED' ? 'NOT_STARTED' : mk.kind === 'PAST' ? null : 'IN_PROGRESS';
          const reason = REASON.exec(sh.f.slice(mk.e, contentEnd));
          if (reason && state && mk.kind !== 'DONE') {
            // "chưa đạt do doanh nghiệp chưa hưởng ứng": the state, and the reason as a difficulty
            col.pureStates.push(state);
            if (state === 'NOT_STARTED') col.notStartedWord ??= orig(sh, mk.s, mk.e);
            const t = clean(orig(sh, mk.e + reason[0].length, contentEnd), true);
            if (t) col.pieces.push({ field: 'difficulties', text: t });
          } else if (pure && mk.kind === 'PAST') {
            // "đã ban hành" right before a document only frames it (the document is the output); otherwise keep the words.
            if (markers[nextIdx]?.kind === 'DOC' && /(?:ban hanh|ky)$/.test(sh.f.slice(mk.s, mk.e))) col.issued = true;
            else if (markers[nextIdx]?.kind !== 'DOC') col.pieces.push({ field: 'note', text: clean(orig(sh, start, contentEnd)) });
            if (STEP_VERB.test(sh.f.slice(mk.s, mk.e))) col.weakInProgress = true;
          } else if (pure) {
            if (state) col.pureStates.push(state);
            if (state === 'DONE') col.doneWord ??= orig(sh, mk.s, mk.e);
            if (state === 'NOT_STARTED') col.notStartedWord ??= orig(sh, mk.s, mk.e);
          } else {
            // A sub-step ("đã xong dự thảo", "khảo sát chưa triển khai") or a
            // description ("đang chờ phê duyệt"): the words go to the note.
            if (state === 'IN_PROGRESS') col.pureStates.push('IN_PROGRESS');
            if (state === 'DONE' || (mk.kind === 'PAST' && STEP_VERB.test(sh.f.slice(mk.s, mk.e)))) col.weakInProgress = true;
            col.pieces.push({ field: 'note', text: clean(orig(sh, start, contentEnd)) });
          }
          span(mk.kind, start, contentEnd);
          pos = contentEnd;
          i = nextIdx - 1;
          break;
        }
        case 'DIFF':
        case 'DIFF_WORD':
        case 'PROPOSAL': {
          const field: Field = mk.kind === 'PROPOSAL' ? 'proposals' : 'difficulties';
          let start = mk.kind === 'DIFF_WORD' ? mk.s : mk.e;
          if (mk.kind === 'DIFF_WORD' && !gapIsFiller) start = gapText![0];
          else flushGap();
          gapText = null;
          let t = clean(orig(sh, start, contentEnd), mk.kind !== 'DIFF_WORD' || start !== mk.s);
          // "còn vướng mắc" with nothing after it: the words themselves are the content
          if (!t) {
            t = clean(orig(sh, mk.s, contentEnd));
            wordsOnly = col.pieces.length;
          }
          // "(văn bản) chưa có số", "chưa ký": the paperwork of a finished work, not a blocker
          const paperwork = mk.kind === 'DIFF_WORD' && PAPERWORK.test(sh.f.slice(mk.s, contentEnd));
          // "khó khăn: thiếu nhân lực, chưa có phần mềm": the next comma-part of a list of blockers stays in it, as typed
          const prev = lastContentPiece === lastPiece() ? col.pieces[lastContentPiece ?? -1] : undefined;
          if (t && !paperwork && mk.kind === 'DIFF_WORD' && c.sep === 'comma' && start === c.s && prev?.field === 'difficulties') {
            prev.text = `${prev.text}, ${t}`;
            continued = lastContentPiece;
          } else if (t) col.pieces.push({ field: paperwork ? 'note' : field, text: t });
          span(mk.kind, mk.s, contentEnd);
          pos = contentEnd;
          i = nextIdx - 1;
          break;
        }
      }
    }
    gapText = pos < c.e ? [pos, c.e] : null;

    if (!hadMarkers) {
      const whole = orig(sh, pos, c.e);
      const bare = /^\s*(?:(?:tiến độ|tien do|đạt|dat|được|duoc|đc|dc|khoảng|khoang|tầm|tam)\s*:?\s*)?(-?\d+(?:[.,]\d+)?)\s*(?:rồi|roi|r|ạ|a|nhé|nhe|nha)?[\s.!]*$/i.exec(whole);
      if (bare && parseVnNumber(bare[1]!.replace(/^-/, '')) !== null && parseVnNumber(bare[1]!.replace(/^-/, ''))! < 1000) {
        col.bare.push({ raw: bare[1]!, said: !/^\s*-?\d/.test(whole), clause: { s: pos, e: c.e, sep: c.sep }, pieceIndex: col.pieces.length });
        gapText = null;
      } else if (
        gapText &&
        !isFiller(whole) &&
        c.sep === 'comma' &&
        lastContentPiece !== null &&
        !/^(?:da|dang|chua|se|sap)\s/.test(sh.f.slice(pos, c.e))
      ) {
        // "vướng kinh phí, nhân lực": the next comma-part continues the blocker.
        const p = col.pieces[lastContentPiece]!;
        const t = clean(whole, true);
        if (t) p.text = `${p.text}, ${t}`;
        span('CONTINUATION', pos, c.e);
        gapText = null;
        continued = lastContentPiece;
      }
    }
    flushGap();

    lastContentPiece = continued;
    continued = null;
    for (let k = col.pieces.length - 1; k >= clausePieceStart; k--) {
      const p = col.pieces[k]!;
      if (p.field !== 'note') lastContentPiece = k;
      break;
    }

    if (c.item && list) {
      for (let k = clausePieceStart; k < col.pieces.length; k++) {
        if (col.pieces[k]!.field === 'note') col.pieces[k]!.field = list.field;
      }
      if (list.heading !== null && col.pieces.length > clausePieceStart) {
        col.pieces.splice(list.heading, 1);
        if (lastContentPiece !== null && lastContentPiece > list.heading) lastContentPiece--;
        list.heading = null;
      }
      // "1. thiếu vốn, nhân lực": the next comma-part continues this item.
      const made = col.pieces.length > clausePieceStart - (list.heading === null ? 0 : 1);
      if (made && col.pieces.length) lastContentPiece = col.pieces.length - 1;
    } else if (!c.item) {
      list = null;
      const last = col.pieces.length > clausePieceStart ? col.pieces[col.pieces.length - 1]! : null;
      if (clauses[ci + 1]?.item && last && last.field !== 'note') list = { field: last.field, heading: wordsOnly === col.pieces.length - 1 ? wordsOnly : null };
    }
  });
}
