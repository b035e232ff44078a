/** What the clauses of a reply yield before the fields are assembled. */
import type { Clause } from './clauses.ts';
import { cleanPiece } from './clean.ts';
import { orig, origIndex, type Shadow } from './shadow.ts';
import type { ProgressState, QuickReplyProblem, QuickReplySpan } from './types.ts';

export type Field = 'note' | 'difficulties' | 'proposals';

export interface Piece {
  field: Field;
  text: string;
}

export interface Collected {
  pieces: Piece[];
  docs: string[];
  expected: string[];
  taskRef: string | null;
  noChange: boolean;
  pureStates: ProgressState[];
  weakInProgress: boolean;
  percents: Array<{ value: number; raw: string }>;
  percentProblems: QuickReplyProblem[];
  percentAmbiguous: string[];
  /** The values of ranges and of several percentages: what an ask-back shows. */
  seen: number[];
  /** "đã ban hành/đã ký" + a document: the output is out (done, unless a percent says otherwise). */
  issued: boolean;
  /** Pieces of the note that could not be read. */
  unread: string[];
  /** Percentages that are a previous report or a target (in the note). */
  asides: number;
  doneWord: string | null;
  notStartedWord: string | null;
  signals: number;
  spans: QuickReplySpan[];
  /** `said`: a word says the number is progress ("tiến độ 50"), not a number alone. */
  bare: Array<{ raw: string; said: boolean; clause: Clause; pieceIndex: number }>;
}

export function collected(): Collected {
  return {
    pieces: [],
    docs: [],
    expected: [],
    taskRef: null,
    noChange: false,
    pureStates: [],
    weakInProgress: false,
    percents: [],
    percentProblems: [],
    percentAmbiguous: [],
    seen: [],
    unread: [],
    issued: false,
    asides: 0,
    doneWord: null,
    notStartedWord: null,
    signals: 0,
    spans: [],
    bare: [],
  };
}

/** The reader's working set: the text, what was collected, and two helpers bound to them. */
export interface Reading {
  sh: Shadow;
  col: Collected;
  clean: (t: string, content?: boolean) => string;
  span: (kind: QuickReplySpan['kind'], s: number, e: number) => void;
}

export function reading(sh: Shadow): Reading {
  const col = collected();
  return {
    sh,
    col,
    clean: (t, content = false) => cleanPiece(t, content, sh.accented),
    span: (kind, s, e) => col.spans.push({ kind, text: orig(sh, s, e), start: origIndex(sh, s), end: origIndex(sh, e) }),
  };
}
