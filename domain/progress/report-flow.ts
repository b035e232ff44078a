/**
 * The reporting conversation as a pure state machine, the same on every
 * channel: choose a task → status → % → output document → difficulties →
 * proposals → expected completion → attachments → summary → confirm.
 * A quick one-line reply enters it with most fields filled and asks only
 * what is missing. Nothing is saved before confirmation: saving is an
 * effect the engine carries out.
 */
import { parseDeadline } from '../deadlines/parse-deadline.ts';
import type { Day } from '../shared/day.ts';
import { fold, parseVnNumber, shorten } from '../shared/text.ts';
import { line, t, type Choice, type Line, type Reply } from '../chat/reply.ts';
import { parseQuickReply, type QuickReply } from './quick-reply.ts';
import { matchesRef } from '../tasks/types.ts';
import { fieldLines, isLongPaste, readBackLines } from './read-back.ts';
import { readSendTo, withSendTo } from '../accountability/proposals.ts';

export type { ProgressState } from '../status/derive-status.ts';
import type { ProgressState } from '../status/derive-status.ts';

export interface ReportTarget {
  assignmentId: number;
  taskId: number;
  unitId: number;
  number: string;
  planCode: string;
  title: string;
  kind: 'TASK' | 'INDICATOR';
  /** What was last reported, shown as context. */
  lastPercent: number | null;
}

export interface Attachment {
  kind: 'document' | 'photo';
  fileId: string;
  fileName?: string;
  channel: string;
  /** Bytes, when the platform says (a workbook over the limit is refused before it is downloaded). */
  size?: number;
}

export interface Draft {
  state?: ProgressState;
  percent?: number | null;
  outputDocument?: string | null;
  difficulties?: string | null;
  proposals?: string | null;
  expectedCompletionText?: string | null;
  attachments: Attachment[];
  /** What the officer typed, kept with the update. */
  originalText?: string;
  /** Words of a one-line reply that are none of the fields ("đã xong dự thảo"): shown back, kept in the original text. */
  note?: string | null;
  /** Of a one-line reply: the words not read, the numbers seen when the % is unclear, whether it was a long paste. */
  unread?: string[];
  seen?: number[];
  long?: boolean;
  saidNone?: string[];
}

export type Step = 'task' | 'status' | 'percent' | 'output' | 'difficulties' | 'proposals' | 'expected' | 'attachments' | 'confirm';

export interface ReportState {
  step: Step;
  mode: 'steps' | 'quick' | 'correction';
  target: ReportTarget | null;
  candidates: ReportTarget[];
  draft: Draft;
  /** The update a correction amends. */
  amendsId?: number;
}

export type FlowInput =
  | { kind: 'text'; text: string }
  | { kind: 'choice'; id: string }
  | { kind: 'file'; attachment: Attachment };

export interface FlowResult {
  state: ReportState | null;
  replies: Reply[];
  save?: { target: ReportTarget; draft: Draft; amendsId?: number };
  cancelled?: boolean;
}

const CANCEL_WORDS = ['huy', '/huy', 'thoi', 'dung', 'cancel', '/cancel', 'huy bo', 'khong bao cao nua'];
const SKIP_WORDS = ['bo qua', 'khong', 'ko', 'k', 'khong co', 'skip', '-', 'qua', 'chua co', 'no'];
/** What confirms a summary (typed; on Zalo and the console "1" too, as the first choice). */
const SAVE_WORDS = ['luu', 'ok', 'oke', 'okay', 'dong y', 'co', 'dung', 'xac nhan', 'gui', 'yes', '👍', '👌'];
export const MAX_ATTACHMENTS = 5;

const choice = (id: string, key: string, words?: string[], args?: Record<string, string | number>): Choice => ({ id: `f:${id}`, label: t(key, args), words });
const skipChoice = () => choice('skip', 'report-skip', SKIP_WORDS);
const cancelChoice = () => choice('cancel', 'report-cancel', CANCEL_WORDS);

function isCancel(input: FlowInput): boolean {
  if (input.kind === 'choice') return input.id === 'f:cancel';
  return input.kind === 'text' && CANCEL_WORDS.includes(fold(input.text));
}
function isSkip(input: FlowInput): boolean {
  if (input.kind === 'choice') return input.id === 'f:skip';
  return input.kind === 'text' && SKIP_WORDS.includes(fold(input.text));
}
function textOf(input: FlowInput): string | null {
  return input.kind === 'text' ? input.text.trim() : null;
}

export function targetLine(target: ReportTarget): Line {
  return line(t('report-target', { number: target.number, plan: target.planCode, title: shorten(target.title, 80), last: target.lastPercent ?? 'none' }), { strong: true });
}

/** Starts the step-by-step flow (from "/baocao" or "report now" on a reminder). */
export function startSteps(candidates: ReportTarget[], chosen?: ReportTarget): FlowResult {
  if (!candidates.length && !chosen) return { state: null, replies: [{ lines: [line(t('report-no-tasks'))] }] };
  const state: ReportState = { step: 'task', mode: 'steps', target: null, candidates, draft: { attachments: [] } };
  if (chosen || candidates.length === 1) return enter({ ...state, target: chosen ?? candidates[0]! }, 'status');
  return { state, replies: [askTask(candidates)] };
}

/** Starts a correction of the last update, pre-filled with what it said. */
export function startCorrection(target: ReportTarget, previous: Omit<Draft, 'attachments'>, amendsId: number): FlowResult {
  const state: ReportState = { step: 'status', mode: 'correction', target, candidates: [], draft: { ...previous, attachments: [] }, amendsId };
  return { state, replies: [{ lines: [line(t('report-correcting')), targetLine(target)] }, ...enter(state, 'status').replies] };
}

/**
 * Starts from a one-line reply already read by parseQuickReply. Asks which
 * task when several could be meant, then the one unclear thing, then shows
 * what it understood and asks to confirm.
 */
export function startQuick(reading: QuickReply, originalText: string, candidates: ReportTarget[], context?: ReportTarget): FlowResult {
  const draft: Draft = {
    attachments: [],
    originalText,
    state: reading.state ?? undefined,
    percent: reading.percent,
    outputDocument: reading.outputDocument,
    difficulties: reading.difficulties,
    proposals: reading.proposals,
    expectedCompletionText: reading.expectedCompletion,
    note: reading.note,
    unread: reading.unread,
    seen: reading.seen,
    long: isLongPaste(originalText),
    saidNone: reading.saidNone,
  };
  if (reading.state === 'DONE' && draft.percent === null) draft.percent = 100;
  let target: ReportTarget | null = null;
  if (reading.taskRef) {
    const matches = candidates.filter((c) => matchesRef(c.number, reading.taskRef!));
    if (matches.length === 1) target = matches[0]!;
    else if (matches.length > 1) candidates = matches;
  }
  target ??= context ?? (candidates.length === 1 ? candidates[0]! : null);
  const state: ReportState = { step: 'task', mode: 'quick', target, candidates, draft };
  if (!target) {
    if (!candidates.length) return { state: null, replies: [{ lines: [line(t('report-no-tasks'))] }] };
    return { state, replies: [askTask(candidates, true)] };
  }
  return afterTarget(state);
}

function afterTarget(state: ReportState): FlowResult {
  if (state.mode !== 'quick') return enter(state, 'status');
  if (!state.draft.state) return enter(state, 'status');
  if (state.draft.state === 'IN_PROGRESS' && (state.draft.percent === null || state.draft.percent === undefined)) return enter(state, 'percent');
  return enter(state, 'confirm');
}

function askTask(candidates: ReportTarget[], quick = false): Reply {
  const shown = candidates.slice(0, 8);
  // Each choice says which task it is (number and short title), not a bare number.
  return {
    lines: [line(t(quick ? 'report-which-task-quick' : 'report-which-task', { count: candidates.length })), ...(candidates.length > shown.length ? [line(t('report-type-number'))] : [])],
    choices: [...shown.map((c) => ({ id: `f:task:${c.assignmentId}`, label: t('choice-task', { number: c.number, title: shorten(c.title, 48), last: c.lastPercent ?? 'none' }) })), cancelChoice()],
  };
}

function ask(step: Step, state: ReportState): Reply {
  const d = state.draft;
  switch (step) {
    case 'status':
      return {
        lines: [...(state.mode === 'steps' ? [targetLine(state.target!)] : []), line(t('report-ask-status'))],
        choices: [choice('st:IN_PROGRESS', 'state-IN_PROGRESS', ['dang lam', 'dang trien khai', 'dang thuc hien']), choice('st:DONE', 'state-DONE', ['xong', 'hoan thanh', 'da xong', 'da hoan thanh']), choice('st:NOT_STARTED', 'state-NOT_STARTED', ['chua', 'chua lam', 'chua trien khai']), cancelChoice()],
      };
    case 'percent':
      if ((d.seen?.length ?? 0) >= 2) {
        // "20% hay 35%": both numbers shown, each a choice
        const seen = d.seen!.slice(0, 4);
        return { lines: [line(t('report-ask-percent-seen', { values: seen.slice(0, -1).map((v) => `${v}%`).join(', '), last: `${seen[seen.length - 1]}%`, count: seen.length }))], choices: [...seen.map((v) => choice(`pc:${v}`, 'percent-choice', undefined, { value: v })), cancelChoice()], freeNumbers: true };
      }
      return {
        lines: [line(t('report-ask-percent', { last: state.target?.lastPercent ?? 'none' }))],
        choices: [choice('pc:25', 'percent-choice', undefined, { value: 25 }), choice('pc:50', 'percent-choice', undefined, { value: 50 }), choice('pc:75', 'percent-choice', undefined, { value: 75 }), choice('pc:90', 'percent-choice', undefined, { value: 90 }), cancelChoice()],
        freeNumbers: true,
      };
    case 'output':
      return { lines: [line(t('report-ask-output', { current: d.outputDocument ?? 'none' }))], choices: [skipChoice(), cancelChoice()] };
    case 'difficulties':
      return { lines: [line(t('report-ask-difficulties', { current: d.difficulties ?? 'none' }))], choices: [skipChoice(), cancelChoice()] };
    case 'proposals':
      return { lines: [line(t('report-ask-proposals', { current: d.proposals ?? 'none' }))], choices: [skipChoice(), cancelChoice()] };
    case 'expected':
      return { lines: [line(t('report-ask-expected', { current: d.expectedCompletionText ?? 'none' }))], choices: [skipChoice(), cancelChoice()] };
    case 'attachments':
      return { lines: [line(t('report-ask-attachments', { count: d.attachments.length }))], choices: [choice('files-done', d.attachments.length ? 'report-files-done' : 'report-skip', ['xong', 'het', 'khong', 'bo qua']), cancelChoice()] };
    case 'confirm':
      return summary(state);
    case 'task':
      return askTask(state.candidates);
  }
}

/** The question of the current step, asked again. */
export function askAgain(state: ReportState): Reply {
  return ask(state.step, state);
}

/** What will be saved, field by field, with the buttons to save, go through the steps, or cancel. */
export function summary(state: ReportState): Reply {
  const d = state.draft;
  const lines: Line[] = [line(t(state.mode === 'quick' ? 'report-understood' : 'report-summary'), { strong: true }), targetLine(state.target!)];
  lines.push(...fieldLines(d));
  if (d.attachments.length) lines.push(line(t('summary-attachments', { count: d.attachments.length }), { indent: true }));
  if (d.note) lines.push(line(t('summary-note', { text: d.note }), { indent: true }));
  lines.push(...readBackLines(d));
  lines.push(line(t('report-confirm-question')));
  return {
    lines,
    choices: [choice('save', 'report-save', SAVE_WORDS), choice('edit', 'report-edit', ['sua', 'chinh sua']), cancelChoice()],
  };
}

const ORDER: Step[] = ['status', 'percent', 'output', 'difficulties', 'proposals', 'expected', 'attachments', 'confirm'];

/** Moves to `step`, skipping the steps that do not apply (no % once done, no expected date once done). */
function enter(state: ReportState, step: Step): FlowResult {
  let s = step;
  while (
    (s === 'percent' && state.draft.state !== 'IN_PROGRESS') ||
    (s === 'expected' && state.draft.state === 'DONE')
  ) {
    s = ORDER[ORDER.indexOf(s) + 1]!;
  }
  const next = { ...state, step: s };
  return { state: next, replies: [ask(s, next)] };
}

function nextStep(state: ReportState): FlowResult {
  return enter(state, ORDER[ORDER.indexOf(state.step) + 1] ?? 'confirm');
}

function readPercent(text: string): number | 'bad' | 'over' {
  const m = /^\s*(-?\d+(?:[.,]\d+)?)\s*(%|phan tram)?\s*$/.exec(fold(text));
  if (!m) return 'bad';
  const v = parseVnNumber(m[1]!.replace('-', '')) ?? Number.NaN;
  if (m[1]!.startsWith('-') || Number.isNaN(v)) return 'bad';
  if (v > 100) return 'over';
  return v;
}

function stateFromWord(text: string): ProgressState | null {
  const q = parseQuickReply(text);
  if (q.state) return q.state;
  const f = fold(text);
  if (/^(dang|dang lam|dang tk|dang trien khai|dang thuc hien)$/.test(f)) return 'IN_PROGRESS';
  return null;
}

const error = (state: ReportState, key: string, args?: Record<string, string | number>): FlowResult => {
  const again = ask(state.step, state);
  return { state, replies: [{ lines: [line(t(key, args))], choices: again.choices, freeNumbers: again.freeNumbers }] };
};

/** One step of the conversation. Pure: the same state and input give the same result. */
export function stepReport(state: ReportState, input: FlowInput, _today: Day): FlowResult {
  if (isCancel(input)) return { state: null, replies: [{ lines: [line(t('report-cancelled'))] }], cancelled: true };
  const text = textOf(input);
  const d = state.draft;
  switch (state.step) {
    case 'task': {
      let target: ReportTarget | undefined;
      if (input.kind === 'choice' && input.id.startsWith('f:task:')) target = state.candidates.find((c) => `f:task:${c.assignmentId}` === input.id);
      else if (text) {
        const ref = text.replace(/^(nv|nhiệm vụ|nhiem vu|chỉ tiêu|chi tieu)\s*/iu, '');
        const found = state.candidates.filter((c) => matchesRef(c.number, ref));
        if (found.length === 1) target = found[0];
      }
      if (!target) return error(state, 'report-task-unknown');
      return afterTarget({ ...state, target });
    }
    case 'status': {
      let s: ProgressState | null = null;
      if (input.kind === 'choice' && input.id.startsWith('f:st:')) s = input.id.slice(5) as ProgressState;
      else if (text) {
        s = stateFromWord(text);
        const q = parseQuickReply(text);
        if (q.percent !== null && s === 'IN_PROGRESS') d.percent = q.percent;
      }
      if (!s) return error(state, 'report-status-unknown');
      const draft: Draft = { ...d, state: s, percent: s === 'DONE' ? 100 : s === 'NOT_STARTED' ? 0 : d.state === s ? d.percent : (d.percent ?? null) };
      if (s === 'IN_PROGRESS' && (draft.percent === 100 || draft.percent === 0) && d.state !== 'IN_PROGRESS') draft.percent = null;
      const next = { ...state, draft };
      if (state.mode === 'quick') return afterTarget(next);
      return nextStep(next);
    }
    case 'percent': {
      let v: number | 'bad' | 'over' = 'bad';
      if (input.kind === 'choice' && input.id.startsWith('f:pc:')) v = Number(input.id.slice(5));
      else if (text) v = readPercent(text);
      if (v === 'over') return error(state, 'report-percent-over', { value: text ?? '' });
      if (v === 'bad') return error(state, 'report-percent-bad', { value: text ?? '' });
      const draft: Draft = { ...d, percent: v, state: v === 100 ? 'DONE' : d.state };
      const next = { ...state, draft };
      if (state.mode === 'quick') return enter(next, 'confirm');
      return nextStep(next);
    }
    case 'output':
    case 'difficulties':
    case 'proposals':
    case 'expected': {
      if (input.kind === 'file') return error(state, 'report-file-later');
      if (!isSkip(input) && !text) return error(state, 'report-type-text');
      const field = ({ output: 'outputDocument', difficulties: 'difficulties', proposals: 'proposals', expected: 'expectedCompletionText' } as const)[state.step];
      const value = isSkip(input) ? (d[field] ?? null) : text!;
      return nextStep({ ...state, draft: { ...d, [field]: value } });
    }
    case 'attachments': {
      if (input.kind === 'file') {
        if (d.attachments.length >= MAX_ATTACHMENTS) return error(state, 'report-files-max', { max: MAX_ATTACHMENTS });
        const next = { ...state, draft: { ...d, attachments: [...d.attachments, input.attachment] } };
        return { state: next, replies: [ask('attachments', next)] };
      }
      if (input.kind === 'choice' && input.id === 'f:files-done') return nextStep(state);
      if (isSkip(input) || (text && ['xong', 'het', 'da gui'].includes(fold(text)))) return nextStep(state);
      return error(state, 'report-send-file');
    }
    case 'confirm': {
      const id = input.kind === 'choice' ? input.id : null;
      const f = text ? fold(text) : '';
      if (id === 'f:save' || SAVE_WORDS.includes(f)) {
        return { state: null, replies: [], save: { target: state.target!, draft: d, amendsId: state.amendsId } };
      }
      if (id === 'f:edit' || ['sua', 'chinh sua'].includes(f)) return enter({ ...state, mode: state.mode === 'quick' ? 'steps' : state.mode }, 'status');
      // "gửi Sở Xây dựng", "gửi 2 Sở Xây dựng": the officer names who must answer a proposal (issue 15).
      const send = text ? readSendTo(text) : null;
      if (send) {
        const sent = withSendTo(d.proposals, send.n, send.to);
        if ('problem' in sent) return error(state, 'kn-send-problem', { problem: sent.problem, count: sent.count });
        return enter({ ...state, draft: { ...d, proposals: sent.text } }, 'confirm');
      }
      // A new one-line reply while confirming replaces the reading (it is what they meant now).
      if (text) {
        const q = parseQuickReply(text);
        if (q.looksLikeUpdate && !q.problems.length) {
          const merged: Draft = {
            ...d,
            state: q.state ?? d.state,
            percent: q.percent ?? (q.state === 'DONE' ? 100 : d.percent),
            outputDocument: q.outputDocument ?? d.outputDocument,
            difficulties: q.difficulties ?? d.difficulties,
            proposals: q.proposals ?? d.proposals,
            expectedCompletionText: q.expectedCompletion ?? d.expectedCompletionText,
            originalText: [d.originalText, text].filter(Boolean).join('\n'),
          };
          return enter({ ...state, draft: merged }, 'confirm');
        }
      }
      return error(state, 'report-confirm-unknown');
    }
  }
}

/** The parsed expected-completion day of a draft, when its text is a known form. */
export function expectedDay(draft: Draft): Day | null {
  return draft.expectedCompletionText ? parseDeadline(draft.expectedCompletionText).due : null;
}

