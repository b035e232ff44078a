import {
  addDays,
  addMonths,
  compareDays,
  dayParts,
  daysBetween,
  endOfMonth,
  formatDay,
  makeDay,
  quarterOf,
  weekday,
  type Day,
} from '../shared/day.ts';
import { freeNorm, markUsed, type Token } from './tokens.ts';
import type { TimeWindow } from './types.ts';

/**
 * Time words in a question → an inclusive window of days. Relative words are
 * read against `today` (Asia/Ho_Chi_Minh); a month, quarter or half-year named
 * without a year is in today's year, even when already past.
 */

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const ROMAN_OF = ['', 'I', 'II', 'III', 'IV'];

interface Hit {
  w: TimeWindow;
  len: number;
}

function dm(day: Day): string {
  return formatDay(day).slice(0, 5);
}

function span(from: Day, to: Day): string {
  return dayParts(from).year === dayParts(to).year ? `${dm(from)}–${formatDay(to)}` : `${formatDay(from)}–${formatDay(to)}`;
}

function win(from: Day, to: Day, label: string): TimeWindow {
  return { from, to, label };
}

export function monthWindow(year: number, month: number): TimeWindow {
  return win(makeDay(year, month, 1), endOfMonth(year, month), `tháng ${month}/${year}`);
}

export function quarterWindow(year: number, q: number): TimeWindow {
  return win(makeDay(year, q * 3 - 2, 1), endOfMonth(year, q * 3), `quý ${ROMAN_OF[q]}/${year}`);
}

export function yearWindow(year: number): TimeWindow {
  return win(makeDay(year, 1, 1), makeDay(year, 12, 31), `năm ${year}`);
}

/** The next `n` days, weeks or months, today included: today..today+N. */
export function nextWindow(today: Day, n: number, unit: 'ngay' | 'tuan' | 'thang'): TimeWindow {
  const to = unit === 'ngay' ? addDays(today, n) : unit === 'tuan' ? addDays(today, 7 * n) : addMonths(today, n);
  const word = unit === 'ngay' ? 'ngày' : unit === 'tuan' ? 'tuần' : 'tháng';
  return win(today, to, `${n} ${word} tới (${span(today, to)})`);
}

function pastWindow(today: Day, n: number, unit: 'ngay' | 'tuan' | 'thang'): TimeWindow {
  const from = unit === 'ngay' ? addDays(today, -n) : unit === 'tuan' ? addDays(today, -7 * n) : addMonths(today, -n);
  const word = unit === 'ngay' ? 'ngày' : unit === 'tuan' ? 'tuần' : 'tháng';
  return win(from, today, `${n} ${word} qua (${span(from, today)})`);
}

function weekWindow(today: Day, offset: number, name: string): TimeWindow {
  const monday = addDays(today, 1 - weekday(today) + 7 * offset);
  const sunday = addDays(monday, 6);
  return win(monday, sunday, `${name} (${span(monday, sunday)})`);
}

function isYear(s: string | undefined): number | null {
  if (!s || !/^\d{4}$/.test(s)) return null;
  const y = Number(s);
  return y >= 2000 && y <= 2100 ? y : null;
}

function isNum(s: string | undefined, max: number): number | null {
  if (!s || !/^\d{1,3}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= max ? n : null;
}

/** A validated day from d, m and maybe y; null when the date does not exist. */
function dateOf(d: number, m: number, y: number): Day | null {
  if (m < 1 || m > 12 || d < 1) return null;
  if (d > dayParts(endOfMonth(y, m)).day) return null;
  return makeDay(y, m, d);
}

const DATE_RE = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/;
const MONTH_YEAR_RE = /^(\d{1,2})[/-](\d{4})$/;

/**
 * Reads an explicit date token ("31/12", "31/12/2025"). Without a year it is
 * the occurrence nearest to today, this year or next ("15/1" asked on
 * 31/12/2025 is 15/01/2026; "15/2" asked on 01/03/2026 is 15/02/2026; "31/12"
 * asked on 01/03/2026 is 31/12/2026); a date that stands alone may also be
 * last year's ("30/12" asked on 02/01/2026).
 */
function readDate(tok: string | undefined, today: Day, lastYearToo = false): Day | null {
  const m = tok ? DATE_RE.exec(tok) : null;
  if (!m) return null;
  const d = Number(m[1]);
  const mo = Number(m[2]);
  if (m[3]) return dateOf(d, mo, Number(m[3]));
  const ty = dayParts(today).year;
  const options = (lastYearToo ? [ty - 1, ty, ty + 1] : [ty, ty + 1])
    .map((y) => dateOf(d, mo, y))
    .filter((x): x is Day => x !== null)
    .sort((a, b) => Math.abs(daysBetween(today, a)) - Math.abs(daysBetween(today, b)));
  return options[0] ?? null;
}

/** An optional year after a month or quarter: "2025", "năm 2025". Returns [year, words read]. */
function trailingYear(toks: Token[], i: number, today: Day): [number | null, number] {
  const y = isYear(freeNorm(toks, i));
  if (y) return [y, 1];
  if (freeNorm(toks, i) === 'nam') {
    const y2 = isYear(freeNorm(toks, i + 1));
    if (y2) return [y2, 2];
    // "quý 3 năm nay", "tháng 6 năm ngoái", "quý I năm sau"
    const shift = { nay: 0, ngoai: -1, truoc: -1, sau: 1, toi: 1 }[freeNorm(toks, i + 1) ?? ''];
    if (shift !== undefined) return [dayParts(today).year + shift, 2];
  }
  return [null, 0];
}

/** A half-year read in `len` words at i, with its year when one follows (else this year's). */
function halfYear(toks: Token[], i: number, today: Day, first: boolean, len: number): Hit {
  const [y, extra] = trailingYear(toks, i + len, today);
  const yy = y ?? dayParts(today).year;
  const w = first
    ? win(makeDay(yy, 1, 1), makeDay(yy, 6, 30), `6 tháng đầu năm ${yy}`)
    : win(makeDay(yy, 7, 1), makeDay(yy, 12, 31), `6 tháng cuối năm ${yy}`);
  return { w, len: len + extra };
}

/**
 * Windows that stand alone: a day, week, month, quarter, year or half-year.
 * (No closures here: it runs at every word of every question, and under tsx each named one costs a defineProperty.)
 */
function simpleAt(toks: Token[], i: number, today: Day): Hit | null {
  const { year: ty, month: tm } = dayParts(today);
  const tq = quarterOf(tm);
  const a = freeNorm(toks, i);
  const b = freeNorm(toks, i + 1);
  if (a === undefined) return null;

  if (a === 'hom' && b === 'nay') return { w: win(today, today, `hôm nay (${formatDay(today)})`), len: 2 };
  if (a === 'ngay' && b === 'hom' && freeNorm(toks, i + 2) === 'nay') return { w: win(today, today, `hôm nay (${formatDay(today)})`), len: 3 };
  if (a === 'ngay' && b === 'mai') {
    const d = addDays(today, 1);
    return { w: win(d, d, `ngày mai (${formatDay(d)})`), len: 2 };
  }
  if (a === 'hom' && b === 'qua') {
    const d = addDays(today, -1);
    return { w: win(d, d, `hôm qua (${formatDay(d)})`), len: 2 };
  }

  if (a === 'tuan') {
    if (b === 'nay') return { w: weekWindow(today, 0, 'tuần này'), len: 2 };
    if (b === 'sau' || b === 'toi') return { w: weekWindow(today, 1, 'tuần sau'), len: 2 };
    if (b === 'ke' && freeNorm(toks, i + 2) === 'tiep') return { w: weekWindow(today, 1, 'tuần sau'), len: 3 };
    if (b === 'truoc' || b === 'qua') return { w: weekWindow(today, -1, 'tuần trước'), len: 2 };
  }

  if (a === 'thang') {
    if (b === 'nay') return { w: monthWindow(ty, tm), len: 2 };
    if (b === 'sau' || b === 'toi') {
      const d = addMonths(makeDay(ty, tm, 1), 1);
      return { w: monthWindow(dayParts(d).year, dayParts(d).month), len: 2 };
    }
    if (b === 'truoc' || b === 'qua') {
      const d = addMonths(makeDay(ty, tm, 1), -1);
      return { w: monthWindow(dayParts(d).year, dayParts(d).month), len: 2 };
    }
    const my = b ? MONTH_YEAR_RE.exec(b) : null;
    if (my) {
      const m = Number(my[1]);
      const y = isYear(my[2]);
      if (m >= 1 && m <= 12 && y) return { w: monthWindow(y, m), len: 2 };
    }
    const m = isNum(b, 12);
    if (m) {
      const [y, extra] = trailingYear(toks, i + 2, today);
      return { w: monthWindow(y ?? ty, m), len: 2 + extra };
    }
  }
  const tMonth = /^t(\d{1,2})(?:[/-](\d{4}))?$/.exec(a);
  if (tMonth) {
    const m = Number(tMonth[1]);
    if (m >= 1 && m <= 12) {
      if (tMonth[2]) {
        const y = isYear(tMonth[2]);
        if (y) return { w: monthWindow(y, m), len: 1 };
      } else {
        const [y, extra] = trailingYear(toks, i + 1, today);
        return { w: monthWindow(y ?? ty, m), len: 1 + extra };
      }
    }
  }

  if (a === 'quy') {
    if (b === 'nay') return { w: quarterWindow(ty, tq), len: 2 };
    if (b === 'sau' || b === 'toi') return { w: tq === 4 ? quarterWindow(ty + 1, 1) : quarterWindow(ty, tq + 1), len: 2 };
    if (b === 'truoc') return { w: tq === 1 ? quarterWindow(ty - 1, 4) : quarterWindow(ty, tq - 1), len: 2 };
    const qm = b ? /^(iv|iii|ii|i|[1-4])(?:[/-](\d{4}))?$/.exec(b) : null;
    if (qm) {
      const q = ROMAN[qm[1]!] ?? Number(qm[1]);
      if (qm[2]) {
        const y = isYear(qm[2]);
        if (y) return { w: quarterWindow(y, q), len: 2 };
      } else {
        const [y, extra] = trailingYear(toks, i + 2, today);
        return { w: quarterWindow(y ?? ty, q), len: 2 + extra };
      }
    }
  }
  const qTok = /^q\.?([1-4])(?:[/-](\d{4}))?$/.exec(a);
  if (qTok) {
    const q = Number(qTok[1]);
    if (qTok[2]) {
      const y = isYear(qTok[2]);
      if (y) return { w: quarterWindow(y, q), len: 1 };
    } else {
      const [y, extra] = trailingYear(toks, i + 1, today);
      return { w: quarterWindow(y ?? ty, q), len: 1 + extra };
    }
  }

  if (a === 'nam' || a === 'ca') {
    const off = a === 'ca' ? 1 : 0;
    if (a === 'ca' && b !== 'nam') return null;
    const c = freeNorm(toks, i + 1 + off);
    if (c === 'nay') return { w: yearWindow(ty), len: 2 + off };
    if (c === 'sau' || c === 'toi') return { w: yearWindow(ty + 1), len: 2 + off };
    if (c === 'truoc' || c === 'ngoai' || c === 'qua') return { w: yearWindow(ty - 1), len: 2 + off };
    const y = isYear(c);
    if (y) return { w: yearWindow(y), len: 2 + off };
  }

  // "6 tháng đầu năm [2025]", "nửa đầu năm", "6 tháng cuối năm"
  if (a === '6' && b === 'thang' && (freeNorm(toks, i + 2) === 'dau' || freeNorm(toks, i + 2) === 'cuoi') && freeNorm(toks, i + 3) === 'nam') return halfYear(toks, i, today, freeNorm(toks, i + 2) === 'dau', 4);
  if (a === 'nua' && (b === 'dau' || b === 'cuoi') && freeNorm(toks, i + 2) === 'nam') return halfYear(toks, i, today, b === 'dau', 3);

  const my = MONTH_YEAR_RE.exec(a);
  if (my) {
    const m = Number(my[1]);
    const y = isYear(my[2]);
    if (m >= 1 && m <= 12 && y) return { w: monthWindow(y, m), len: 1 };
  }

  const lead = a === 'ngay' ? 1 : 0;
  const date = readDate(freeNorm(toks, i + lead), today, true);
  if (date) return { w: win(date, date, `ngày ${formatDay(date)}`), len: 1 + lead };
  return null;
}

type SpanUnit = 'ngay' | 'tuan' | 'thang';
const SPAN_UNITS = new Set(['ngay', 'tuan', 'thang']);

/** The end day a window word points to when it closes a range ("đến 31/12", "đến tháng 12"). */
function endPoint(toks: Token[], i: number, today: Day): { day: Day; len: number; label: string } | null {
  const { year: ty, month: tm } = dayParts(today);
  let o = freeNorm(toks, i) === 'het' ? 1 : 0;
  if (freeNorm(toks, i + o) === 'cuoi') {
    const what = freeNorm(toks, i + o + 1);
    if (what === 'nam') return { day: makeDay(ty, 12, 31), len: o + 2, label: 'cuối năm' };
    if (what === 'thang') return { day: endOfMonth(ty, tm), len: o + 2, label: 'cuối tháng' };
    if (what === 'quy') return { day: quarterWindow(ty, quarterOf(tm)).to, len: o + 2, label: 'cuối quý' };
    return null;
  }
  if (freeNorm(toks, i + o) === 'ngay' && DATE_RE.test(freeNorm(toks, i + o + 1) ?? '')) o++;
  const date = readDate(freeNorm(toks, i + o), today);
  if (date) return { day: date, len: o + 1, label: formatDay(date) };
  const s = simpleAt(toks, i + o, today);
  if (s && compareDays(s.w.to, today) >= 0) return { day: s.w.to, len: s.len + o, label: s.w.label };
  return null;
}

/** Windows that need a lead word: ranges, "trước …", "đến …", "trong N ngày tới". */
function leadAt(toks: Token[], i: number, today: Day): Hit | null {
  const { year: ty } = dayParts(today);
  const a = freeNorm(toks, i);
  if (a === undefined) return null;

  // từ đầu năm (đến nay)
  if (a === 'tu' && freeNorm(toks, i + 1) === 'dau' && freeNorm(toks, i + 2) === 'nam') {
    const extra = freeNorm(toks, i + 3) === 'den' && freeNorm(toks, i + 4) === 'nay' ? 2 : 0;
    const from = makeDay(ty, 1, 1);
    return { w: win(from, today, `từ đầu năm đến nay (${span(from, today)})`), len: 3 + extra };
  }
  // từ nay đến X
  if (a === 'tu' && freeNorm(toks, i + 1) === 'nay' && (freeNorm(toks, i + 2) === 'den' || freeNorm(toks, i + 2) === 'toi')) {
    const e = endPoint(toks, i + 3, today);
    if (e) return { w: win(today, e.day, `từ nay đến ${e.label} (${span(today, e.day)})`), len: 3 + e.len };
  }
  // từ X đến Y
  if (a === 'tu') {
    const d1 = readDate(freeNorm(toks, i + 1), today, true);
    const s1 = d1 ? { w: win(d1, d1, formatDay(d1)), len: 1 } : simpleAt(toks, i + 1, today);
    if (s1 && (freeNorm(toks, i + 1 + s1.len) === 'den' || freeNorm(toks, i + 1 + s1.len) === 'toi')) {
      // "đến hết tháng 6", "đến cuối quý III": the end of that period
      const skip = ['het', 'cuoi'].includes(freeNorm(toks, i + 2 + s1.len) ?? '') ? 1 : 0;
      const at = i + 2 + s1.len + skip;
      const d2 = readDate(freeNorm(toks, at), today, true);
      const s2 = d2 ? { w: win(d2, d2, formatDay(d2)), len: 1 } : simpleAt(toks, at, today);
      if (s2 && compareDays(s1.w.from, s2.w.to) <= 0) {
        // "từ tháng 7 đến tháng 9 năm nay": this year is what the months already say
        const thisYear = freeNorm(toks, at + s2.len) === 'nam' && freeNorm(toks, at + s2.len + 1) === 'nay' ? 2 : 0;
        return {
          w: win(s1.w.from, s2.w.to, `từ ${formatDay(s1.w.from)} đến ${formatDay(s2.w.to)}`),
          len: 2 + s1.len + skip + s2.len + thisYear,
        };
      }
    }
  }
  // trước 31/12, trước ngày 31/12, trước tháng 12 (= đến hết tháng 11)
  if (a === 'truoc') {
    const o = freeNorm(toks, i + 1) === 'ngay' ? 1 : 0;
    const date = readDate(freeNorm(toks, i + 1 + o), today);
    if (date) {
      // today..that day; a day already past has no "from today": the window starts with its year
      const from = compareDays(date, today) < 0 ? makeDay(dayParts(date).year, 1, 1) : today;
      return { w: win(from, date, `trước ${formatDay(date)}`), len: 2 + o };
    }
    if (freeNorm(toks, i + 1) === 'thang') {
      const m = isNum(freeNorm(toks, i + 2), 12);
      const my = freeNorm(toks, i + 2) ? MONTH_YEAR_RE.exec(freeNorm(toks, i + 2)!) : null;
      let month: number | null = m;
      let year: number | null = null;
      let len = 3;
      if (my) {
        month = Number(my[1]);
        year = isYear(my[2]);
      } else if (m) {
        const [y, extra] = trailingYear(toks, i + 3, today);
        year = y;
        len += extra;
      }
      if (month && month >= 1 && month <= 12) {
        const yy = year ?? ty;
        const to = addDays(makeDay(yy, month, 1), -1);
        const from = compareDays(to, today) < 0 ? makeDay(dayParts(to).year, 1, 1) : today;
        return { w: win(from, to, `trước tháng ${month}/${yy}`), len };
      }
    }
  }
  // đến 31/12, đến hết tháng 12, đến cuối năm
  if (a === 'den' || a === 'toi') {
    const e = endPoint(toks, i + 1, today);
    if (e && compareDays(e.day, today) >= 0) return { w: win(today, e.day, `đến ${e.label} (${span(today, e.day)})`), len: 1 + e.len };
  }
  // (trong (vòng)?)? N ngày/tuần/tháng (tới|nữa|sắp tới|qua|gần đây)
  {
    let k = 0;
    let lead = false;
    if (a === 'trong') {
      lead = true;
      k = freeNorm(toks, i + 1) === 'vong' ? 2 : 1;
    }
    const num = isNum(freeNorm(toks, i + k), 366);
    const unit = freeNorm(toks, i + k + 1);
    if (num && unit && SPAN_UNITS.has(unit)) {
      const u = unit as SpanUnit;
      const s1 = freeNorm(toks, i + k + 2);
      const s2 = freeNorm(toks, i + k + 3);
      const ahead = (s1 === 'toi' && toks[i + k + 2]?.raw.toLowerCase() !== 'tôi') || s1 === 'nua' || (s1 === 'ke' && s2 === 'tiep');
      if (ahead) {
        const len = k + 3 + (s1 === 'ke' ? 1 : 0);
        return { w: nextWindow(today, num, u), len };
      }
      if (s1 === 'sap' && s2 === 'toi') return { w: nextWindow(today, num, u), len: k + 4 };
      if (s1 === 'qua' || (s1 === 'vua' && s2 === 'qua') || (s1 === 'gan' && s2 === 'day')) {
        return { w: pastWindow(today, num, u), len: k + 2 + (s1 === 'qua' ? 1 : 2) };
      }
      if (lead) return { w: nextWindow(today, num, u), len: k + 2 };
    }
  }
  return null;
}

/**
 * Finds the time window of a question and claims its words. The first window
 * read wins; "từ … đến …" is one window.
 */
export function extractWindow(toks: Token[], today: Day): TimeWindow | null {
  for (let i = 0; i < toks.length; i++) {
    if (toks[i]!.used) continue;
    const hit = leadAt(toks, i, today) ?? simpleAt(toks, i, today);
    if (hit) {
      markUsed(toks, i, i + hit.len);
      return hit.w;
    }
  }
  // A bare year is a year ("tiến độ 2025", "/baocao 2025"), unless it names a
  // plan's year ("kế hoạch 2026" is the unit's own 2026 plan, a topic).
  for (let i = 0; i < toks.length; i++) {
    const y = isYear(freeNorm(toks, i));
    if (y && !YEAR_OF_DOCUMENT.has(toks[i - 1]?.norm ?? '')) {
      markUsed(toks, i, i + 1);
      return yearWindow(y);
    }
  }
  return null;
}

const YEAR_OF_DOCUMENT = new Set(['hoach', 'trinh', 'tac', 'quyet', 'so', 'an', 'luoc']);

/** "tháng này", for questions about who has not updated (STALE_UNITS) with no window. */
export function thisMonth(today: Day): TimeWindow {
  const { year, month } = dayParts(today);
  return monthWindow(year, month);
}

export function thisQuarter(today: Day): TimeWindow {
  const { year, month } = dayParts(today);
  return quarterWindow(year, quarterOf(month));
}
