/** The reading of one officer reply: what callers get (QuickReply) and what the reader builds on the way (markers). */
import type { ProgressState } from '../../status/derive-status.ts';
import type { Shadow } from './shadow.ts';

export type { ProgressState };

export type QuickReplyProblemCode =
  | 'PERCENT_OVER_100'
  | 'PERCENT_NEGATIVE'
  | 'PERCENT_NOT_A_NUMBER'
  | 'DONE_BUT_PERCENT_BELOW_100'
  | 'NOT_STARTED_BUT_PERCENT';

export interface QuickReplyProblem {
  code: QuickReplyProblemCode;
  /** A short Vietnamese sentence the bot can show as is. */
  detail: string;
}

export interface QuickReply {
  /** False for chit-chat, questions, commands, greetings. */
  looksLikeUpdate: boolean;
  /** "không thay đổi", "như cũ", "van nhu cu", "ko doi". */
  noChange: boolean;
  state: ProgressState | null;
  /** 0..100. */
  percent: number | null;
  /** The proof, with the type written out: "Kế hoạch số 52/KH-UBND ngày 05/9/2025". */
  outputDocument: string | null;
  difficulties: string | null;
  proposals: string | null;
  /** The time phrase as typed ("quý 1/2026", "trước tháng 10/2025"); parsed elsewhere. */
  expectedCompletion: string | null;
  note: string | null;
  /** "22", "II.6", "A.II.6". */
  taskRef: string | null;
  problems: QuickReplyProblem[];
  /** The one thing to ask back when the reply is otherwise an update. */
  unclear: 'state' | 'percent' | null;
  /** Not an update: a question for the questions path, or small talk (thanks, greetings, "ok", emoji). */
  notReport: 'question' | 'chat' | null;
  /** Parts of the message no reading claimed, as typed: shown back as "Chưa đọc được: …" (they stay in the note). */
  unread: string[];
  /** Done because a document was issued ("đã ban hành kế hoạch số …"): the flow checks it is the task's kind of output. */
  issued: boolean;
  /** The percentages seen when the progress is unclear (a range, two numbers): the ask-back shows them. */
  seen: number[];
  /** Fields the officer said are empty ("khó khăn: không", "không có đề xuất"): a read-back says "không có", not "not found". */
  saidNone: Array<'difficulties' | 'proposals'>;
}

/** What produced a field: a piece of the original text and how it was read. */
export interface QuickReplySpan {
  kind: MarkerKind | 'NOTE' | 'QUERY' | 'BARE_NUMBER' | 'CONTINUATION';
  /** The original characters, as typed. */
  text: string;
  start: number;
  end: number;
}

export interface QuickReplyExplanation {
  reply: QuickReply;
  /** The text after whitespace clean-up; `start`/`end` of spans index into it. */
  text: string;
  spans: QuickReplySpan[];
}


export type MarkerKind =
  | 'TASKREF'
  | 'NOCHANGE'
  | 'PERCENT'
  | 'PERCENT_RANGE'
  | 'PERCENT_BAD'
  | 'DONE'
  | 'DONE_AT'
  | 'SOON'
  | 'NOT_DONE'
  | 'IN_PROGRESS'
  | 'NOT_STARTED'
  | 'PAST'
  | 'DIFF'
  | 'DIFF_WORD'
  | 'NO_DIFF'
  | 'PROPOSAL'
  | 'NO_PROPOSAL'
  | 'EXPECTED'
  | 'DOC';

export interface Marker {
  kind: MarkerKind;
  s: number;
  e: number;
  /** Valid only with every word around it filler ("ht", "tk" alone). */
  pureOnly?: boolean;
  /** "đã xong" may take an object ("đã xong dự thảo"); "vướng" takes its blocker. */
  takes?: boolean;
  /** Percent value, or the bad percent's text. */
  value?: number;
  /** The two values of a range ("30-40%", "20% hay 35%"). */
  values?: number[];
  /** The percent came from a fraction ("3/5 gói"): its words are kept in the note. */
  fraction?: boolean;
  raw?: string;
  problem?: QuickReplyProblemCode;
  time?: [number, number];
  /** An expected completion with words between the keyword and the time: keep the clause in the note. */
  keepClause?: boolean;
  /** "dự kiến"/"dk" form of EXPECTED (a proposal stops there; "hoàn thành trong" does not stop it). */
  strongExpected?: boolean;
  doc?: string;
  /** The document came with its date: words after it are its abstract. */
  dated?: boolean;
  ref?: string;
}

export interface Spec {
  kind: MarkerKind;
  re: RegExp;
  build?: (m: RegExpExecArray, abs: (i: number) => number, sh: Shadow, cs: number, ce: number) => Partial<Marker> | null;
  pureOnly?: boolean;
  takes?: boolean;
  /** Skip the accent agreement check (codes, numbers). */
  anyAccent?: boolean;
}
