import { type Day, addDays, dayParts, endOfMonth, isDay, makeDay } from '../shared/day.ts';
import { fold, parseVnNumber } from '../shared/text.ts';

export type DeadlineKind =
  | 'DAY'
  | 'MONTH'
  | 'QUARTER'
  | 'HALF_YEAR'
  | 'YEAR'
  | 'BEFORE_MONTH'
  | 'YEAR_RANGE'
  | 'CONTINUOUS'
  | 'YEARLY'
  | 'NONE'
  | 'UNKNOWN';
export type Rhythm = 'ONCE' | 'YEARLY' | 'CONTINUOUS';
export type Comparator = '>=' | '<=' | '=' | '>' | '<';

/** A measured target stated in an indicator's deadline cell ("Năm 2025: ≥60%"). */
export interface IndicatorTarget {
  comparator: Comparator;
  value: number;
  /** '%' or the words after the number ("doanh nghiệp"); null for a bare number. */
  unit: string | null;
  /** Year of the deadline the target belongs to (the last year of a range); null when none. */
  year: number | null;
  /** The target part as written, e.g. "≥ 80%" or "Phấn đấu ít nhất 3%". */
  text: string;
}

export interface ParsedDeadline {
  text: string; // the original text, untouched ('' when empty)
  kind: DeadlineKind; // NONE for empty text; UNKNOWN when not understood
  due: Day | null; // last day the work may be done (inclusive); null for CONTINUOUS, YEARLY, NONE, UNKNOWN
  start: Day | null; // first day for ranges (YEAR_RANGE), else null
  rhythm: Rhythm; // YEARLY for "Hằng năm"/"Hàng năm", CONTINUOUS for "Thường xuyên", else ONCE
  milestones: Day[]; // 31/12 of each year of a YEAR_RANGE, else []
  flagged: boolean; // true exactly when kind === 'UNKNOWN': kept as text, never guessed
  target: IndicatorTarget | null; // when the text also states an indicator target ("Năm 2025: ≥60%")
}

type Core = Omit<ParsedDeadline, 'text' | 'flagged' | 'target'>;

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
/** A "2025-2030" range longer than this is a typo, not a plan period. */
const MAX_RANGE_YEARS = 30;

/**
 * Reads a deadline cell of a plan or appendix. Every accepted form maps to one
 * inclusive due day; anything else is UNKNOWN and flagged so a person decides —
 * a wrong guessed date would make a task silently overdue or silently safe.
 */
export function parseDeadline(text: string | null | undefined): ParsedDeadline {
  const original = text ?? '';
  if (original.trim() === '') return withText(original, core('NONE', null), null);

  const whole = parseCore(original);
  if (whole) return withText(original, whole, null);

  const split = splitTarget(original);
  if (split) return withText(original, split.deadline, split.target);

  return withText(original, core('UNKNOWN', null), null);
}

/**
 * True when the text names a calendar date or month that does not exist
 * ("31/02/2026", "tháng 13/2026", "quý 5/2026", "30/4/20255"): a typing
 * mistake to send back, not a vague deadline to keep as text.
 */
export function namesImpossibleDate(text: string | null | undefined): boolean {
  if (!text) return false;
  const s = normalizeDeadline(text);
  for (const m of s.matchAll(/(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,5})(?!\d)/g)) {
    if (m[3]!.length !== 4 || !dayCore(+m[3]!, +m[2]!, +m[1]!)) return true;
  }
  for (const m of s.matchAll(/ngay (\d{1,2}) thang (\d{1,2}) nam (\d{2,5})(?!\d)/g)) {
    if (m[3]!.length !== 4 || !dayCore(+m[3]!, +m[2]!, +m[1]!)) return true;
  }
  for (const m of s.matchAll(/(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/g)) {
    if (!dayCore(+m[1]!, +m[2]!, +m[3]!)) return true;
  }
  for (const m of s.matchAll(/thang\s*(\d{1,2})(?:[/.-]|\s+nam\s+)(\d{2,5})(?![\d/.-])/g)) {
    if (m[2]!.length !== 4 || !monthDue(+m[2]!, +m[1]!, false)) return true;
  }
  for (const m of s.matchAll(/\b(?:quy|q)\s*(\d+)(?:[/.-]|\s+nam\s+)(\d{4})(?!\d)/g)) {
    if (+m[1]! < 1 || +m[1]! > 4) return true;
  }
  return false;
}

/** The due day in force on `today`: for YEARLY the 31/12 of today's year; else parsed.due. */
export function effectiveDue(d: Pick<ParsedDeadline, 'kind' | 'due' | 'rhythm'>, today: Day): Day | null {
  if (d.kind === 'YEARLY' || d.rhythm === 'YEARLY') return endOfMonth(dayParts(today).year, 12);
  return d.due;
}

/**
 * Reads an indicator target: either a bare target ("≥ 80%", "ít nhất 3%",
 * "không quá 5 ngày") or a deadline followed by one ("Năm 2025: ≥60%"), in which
 * case `year` is the deadline's year. A bare value means '>=': targets are rates
 * to reach. "trên"/"dưới" are read literally as '>'/'<'. Null when not a target.
 */
export function parseTarget(text: string): IndicatorTarget | null {
  const bare = parseTargetBody(text, null);
  if (bare) return bare;
  return splitTarget(text)?.target ?? null;
}

function withText(text: string, c: Core, target: IndicatorTarget | null): ParsedDeadline {
  return { text, ...c, flagged: c.kind === 'UNKNOWN', target };
}

function core(kind: DeadlineKind, due: Day | null, start: Day | null = null, milestones: Day[] = []): Core {
  const rhythm: Rhythm = kind === 'YEARLY' ? 'YEARLY' : kind === 'CONTINUOUS' ? 'CONTINUOUS' : 'ONCE';
  return { kind, due, start, rhythm, milestones };
}

/**
 * Folds case and diacritics while keeping every character at its index, so a
 * match found in the folded text can be cut from the original (for units and
 * the target's text as written).
 */
function foldSameLength(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const f = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
    out += f.length === 1 ? f : ch;
  }
  return out.replace(/[\u2010-\u2015\u2212]/g, '-');
}

/** NFC with stray combining marks dropped: the original text the target is cut from. */
function clean(s: string): string {
  return s.normalize('NFC').replace(/[\u0300-\u036f]/g, '');
}

function normalizeDeadline(s: string): string {
  return fold(s)
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s*([/.-])\s*/g, '$1')
    .replace(/[\s.,;:]+$/, '')
    .trim();
}

function validYear(y: number): boolean {
  return y >= MIN_YEAR && y <= MAX_YEAR;
}

function monthDue(year: number, month: number, before: boolean): Core | null {
  if (!validYear(year) || month < 1 || month > 12) return null;
  // "trước tháng 10" = done before October begins.
  return before ? core('BEFORE_MONTH', addDays(makeDay(year, month, 1), -1)) : core('MONTH', endOfMonth(year, month));
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** A deadline that is the whole of `text`, or null. */
function parseCore(text: string): Core | null {
  let s = normalizeDeadline(text);
  if (s === '') return null;
  if (/^thuong xuyen$/.test(s)) return core('CONTINUOUS', null);
  if (/^(?:hang|moi) nam$/.test(s)) return core('YEARLY', null);

  s = s.replace(/^(?:thoi han|han)(?::|\s)\s*/, '');
  s = s.replace(/^hoan thanh\s+/, '');
  let before = false;
  const prep = /^(truoc|cham nhat(?: la| vao)?|trong|vao|den het|den|het|cuoi)\s+/.exec(s);
  if (prep) {
    before = prep[1] === 'truoc';
    s = s.slice(prep[0].length);
  }
  // "trước ngày 31/12", "trước 15/01/2026": administrative usage means "by that day".
  let m = /^(?:ngay\s*)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s) ?? /^ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})$/.exec(s);
  if (m) return dayCore(+m[3]!, +m[2]!, +m[1]!);
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return dayCore(+m[1]!, +m[2]!, +m[3]!);

  m = /^thang\s*(\d{1,2})(?:[/.-]|\s+nam\s+)(\d{4})$/.exec(s) ?? /^(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return monthDue(+m[2]!, +m[1]!, before);

  if (before) return null; // "before a quarter/year/range" is not a form we know: flag it

  m = /^(?:quy|q)\s*(iv|i{1,3}|[1-4])(?:[/.-]|\s+nam\s+|\s+)(\d{4})$/.exec(s);
  if (m) {
    const q = ROMAN[m[1]!] ?? Number(m[1]);
    const y = +m[2]!;
    return validYear(y) ? core('QUARTER', endOfMonth(y, q * 3)) : null;
  }
  m = /^(?:6|sau) thang (dau|cuoi)(?: nam)? (\d{4})$/.exec(s) ?? /^nua (dau|cuoi) nam (\d{4})$/.exec(s);
  if (m) {
    const y = +m[2]!;
    return validYear(y) ? core('HALF_YEAR', endOfMonth(y, m[1] === 'dau' ? 6 : 12)) : null;
  }
  m = /^(?:nam\s*)?(\d{4})$/.exec(s);
  if (m) {
    const y = +m[1]!;
    return validYear(y) ? core('YEAR', endOfMonth(y, 12)) : null;
  }
  m = /^(?:giai doan|tu nam|tu|nam)?\s*(\d{4})(?:-|\s+(?:den|toi)\s+)(?:nam\s*)?(\d{4})$/.exec(s);
  if (m) {
    const from = +m[1]!;
    const to = +m[2]!;
    if (!validYear(from) || !validYear(to) || from > to || to - from > MAX_RANGE_YEARS) return null;
    const milestones: Day[] = [];
    for (let y = from; y <= to; y++) milestones.push(endOfMonth(y, 12));
    return core('YEAR_RANGE', endOfMonth(to, 12), makeDay(from, 1, 1), milestones);
  }
  return null;
}

function dayCore(year: number, month: number, day: number): Core | null {
  if (!validYear(year)) return null;
  const d = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isDay(d) ? core('DAY', d) : null; // 31/02 or month 13 are not days
}

/** Where a target may begin when the text has no ':' or ';' before it. */
const TARGET_START =
  /[≥≤<>=]|\b(?:phan dau|it nhat|toi thieu|khong duoi|khong thap hon|khong qua|khong vuot qua|toi da|tren|duoi)\b|\d+(?:[.,]\d+)?\s*%/;

/** "<deadline><sep><target>": tries ':' and ';' (then ',') splits, then the first target-looking word. */
function splitTarget(text: string): { deadline: Core; target: IndicatorTarget } | null {
  const orig = clean(text);
  const folded = foldSameLength(orig);
  const cuts: Array<[head: number, tail: number]> = [];
  for (const sep of [/[:;]/g, /,/g]) {
    for (const m of folded.matchAll(sep)) cuts.push([m.index, m.index + 1]);
  }
  const implicit = TARGET_START.exec(folded);
  if (implicit && implicit.index > 0) cuts.push([implicit.index, implicit.index]);
  for (const [head, tail] of cuts) {
    const deadline = parseCore(orig.slice(0, head));
    if (!deadline || deadline.kind === 'CONTINUOUS') continue;
    const year = deadline.due ? dayParts(deadline.due).year : null;
    const target = parseTargetBody(orig.slice(tail), year);
    if (target) return { deadline, target };
  }
  return null;
}

const COMPARATOR_WORDS: ReadonlyArray<readonly [RegExp, Comparator]> = [
  [/^(?:≥|>=|=>)$/, '>='],
  [/^(?:≤|<=|=<)$/, '<='],
  [/^>$/, '>'],
  [/^<$/, '<'],
  [/^=$/, '='],
  [/^(?:it nhat|toi thieu|khong duoi|khong thap hon|khong it hon|tu)$/, '>='],
  [/^(?:toi da|khong qua|khong vuot qua|khong cao hon|khong lon hon)$/, '<='],
  [/^(?:tren|lon hon|cao hon|hon)$/, '>'],
  [/^(?:duoi|nho hon|thap hon|it hon)$/, '<'],
  [/^bang$/, '='],
];

/** A bare target: [filler] [comparator] number [unit] [trở lên|trở xuống]. */
function parseTargetBody(text: string, year: number | null): IndicatorTarget | null {
  const orig = clean(text).trim().replace(/[\s.;,]+$/, '');
  const folded = foldSameLength(orig);
  const num = /(?<![\d.,])(\d+(?:[.,]\d+)*)/.exec(folded);
  if (!num) return null;
  const value = parseVnNumber(num[1]!);
  if (value === null) return null;

  // Words before the number: optional fillers, then at most one comparator.
  const prefix = folded
    .slice(0, num.index)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:(?:phan dau|dat duoc|dat|muc|ty le|chi tieu)(?:\s+|$))+/, '')
    .trim();
  let comparator: Comparator | null = null;
  if (prefix !== '') {
    const hit = COMPARATOR_WORDS.find(([re]) => re.test(prefix));
    if (!hit) return null;
    comparator = hit[1];
  }

  // Words after the number: the unit, then an optional "trở lên"/"trở xuống".
  const afterStart = num.index + num[0].length;
  let suffixFolded = folded.slice(afterStart);
  let suffixOrig = orig.slice(afterStart);
  const tail = /\s*(tro len|tro xuong)$/.exec(suffixFolded);
  if (tail) {
    const tailComparator: Comparator = tail[1] === 'tro len' ? '>=' : '<=';
    if (comparator && comparator !== tailComparator) return null;
    comparator = tailComparator;
    suffixFolded = suffixFolded.slice(0, tail.index);
    suffixOrig = suffixOrig.slice(0, tail.index);
  }
  let unit: string | null = suffixOrig.replace(/\s+/g, ' ').trim();
  if (unit === '') unit = null;
  else if (/^%$/.test(unit)) unit = '%';
  // A unit is words ("doanh nghiệp", "Mbps"), not more numbers or clauses: "80% (2025)" is not read.
  else if (!/^\p{L}[\p{L}\p{M} /-]*$/u.test(unit) || unit.length > 40) return null;
  if (/\d/.test(suffixFolded.replace(/^\s*%/, ''))) return null;

  return { comparator: comparator ?? '>=', value, unit, year, text: orig };
}
