/** The reply table of issue 10: officer replies by kind, written from what officers type, not from the parser. */
import type { ReplyCase } from './case.ts';
import { FRACTIONS, SPOKEN } from './cases-numbers.ts';
import { NOT_A_REPORT, UNREAD } from './cases-other.ts';
import { FIELD_CASES } from './cases-field.ts';
import { BLOCKERS, STATUS } from './cases-status.ts';
import { GLUED, TWO_NUMBERS } from './cases-tokens.ts';

export const REPLY_CASES: ReplyCase[] = [...GLUED, ...TWO_NUMBERS, ...FRACTIONS, ...SPOKEN, ...STATUS, ...BLOCKERS, ...NOT_A_REPORT, ...UNREAD, ...FIELD_CASES];
