import { fold, parseVnNumber } from '../shared/text.ts';

/**
 * What a free-text result cell says ("Đang triển khai (30%)", "(Đạt 99,16%)",
 * "khoảng 10–15%", "26538/37141", "chưa triển khai"). The flags only report
 * what the words say; deciding the task's state is the caller's business.
 */
export interface ResultReading {
  /** The first stated percentage, or the fraction as a percentage (2 decimals); null for a range. */
  percent: number | null;
  range: { low: number; high: number } | null;
  fraction: { num: number; den: number } | null;
  saysDone: boolean;
  saysInProgress: boolean;
  saysNotStarted: boolean;
}

const NUM = String.raw`\d+(?:[.,]\d+)*`;
// "10–15%", "10% - 15%", "từ 10 đến 15%"
const RANGE_RE = new RegExp(String.raw`(?<![\d.,/])(${NUM})\s*%?\s*(?:-|den|toi)\s*(${NUM})\s*%`);
// A percentage not glued to a preceding number ("≥60%", "(30%)"); money figures carry no '%'.
const PERCENT_RE = new RegExp(String.raw`(?<![\d.,])(${NUM})\s*%`);
// "26538/37141"; not a date ("05/9/2025"), a month ("9/2025") or a document number ("52/KH-UBND").
const FRACTION_RE = /(?<![\d/.,-])(\d+)\s*\/\s*(\d+)(?![\d/]|[.,]\d)/;

const IN_PROGRESS_RE =
  /\b(?:dang|tiep tuc) (?:trien khai|thuc hien|xay dung|hoan thien|tien hanh|soan thao|du thao|trinh|chuan bi|to chuc|ra soat|tham muu|nghien cuu|lay y kien|lam)\b/;
const NOT_STARTED_RE = /\bchua (?:trien khai|thuc hien|bat dau|khoi dong|lam)\b/;
const DONE_WORD_RE = /\b(?:hoan thanh|hoan tat|xong)\b/g;
/** Words before "hoàn thành" that make it a plan or a negation, not a fact. */
const NOT_DONE_BEFORE_RE =
  /\b(?:chua|khong|chang|dang|se|du kien|du kien thoi gian|phan dau|de|nham|kip|can|phai|muc tieu|truoc khi|han)\s*$/;
/** A time after "hoàn thành" makes it a plan ("hoàn thành trong năm 2027") unless preceded by "đã". */
const TIME_AFTER_RE = /^\s*(?:trong|truoc|vao|nam|thang|quy|ngay|cham nhat)\b/;
/**
 * What may follow a done word for the whole task to be done: the end, punctuation,
 * "rồi", "100%", a time or "nhiệm vụ". Any other word names a part ("đã xong dự thảo").
 */
const WHOLE_AFTER_RE =
  /^\s*(?:$|[,;.:!()\-]|roi\b|100\s*%|dung han|dung tien do|som\b|nhiem vu\b|trong\b|truoc\b|vao\b|nam\b|thang\b|quy\b|ngay\b|tu\b)/;

export function readResultText(text: string | null | undefined): ResultReading {
  const reading: ResultReading = {
    percent: null,
    range: null,
    fraction: null,
    saysDone: false,
    saysInProgress: false,
    saysNotStarted: false,
  };
  if (!text || text.trim() === '') return reading;
  const f = fold(text).replace(/[\u2010-\u2015\u2212]/g, '-');

  const range = RANGE_RE.exec(f);
  const low = range ? parseVnNumber(range[1]!) : null;
  const high = range ? parseVnNumber(range[2]!) : null;
  if (low !== null && high !== null) {
    reading.range = { low: Math.min(low, high), high: Math.max(low, high) };
  } else {
    const pct = PERCENT_RE.exec(f);
    if (pct) reading.percent = parseVnNumber(pct[1]!);
  }

  const frac = FRACTION_RE.exec(f);
  if (frac) {
    const num = Number(frac[1]);
    const den = Number(frac[2]);
    const looksLikeMonth = den >= 1900 && den <= 2100;
    if (den > 0 && num <= den && !looksLikeMonth) {
      reading.fraction = { num, den };
      if (reading.percent === null && reading.range === null) reading.percent = round2((num / den) * 100);
    }
  }

  reading.saysInProgress = IN_PROGRESS_RE.test(f);
  reading.saysNotStarted = NOT_STARTED_RE.test(f);
  // "82/114 đơn vị đã hoàn thành" is a share done, not the whole task.
  const partialShare = reading.fraction !== null && reading.fraction.num < reading.fraction.den;
  reading.saysDone =
    f === 'x' || // the appendix's done mark
    (!partialShare && saysDoneInWords(f)) ||
    (reading.percent !== null && reading.percent >= 100 && !reading.saysInProgress && !reading.saysNotStarted);
  return reading;
}

function saysDoneInWords(f: string): boolean {
  for (const m of f.matchAll(DONE_WORD_RE)) {
    const before = f.slice(0, m.index);
    const after = f.slice(m.index + m[0].length);
    if (NOT_DONE_BEFORE_RE.test(before)) continue; // "chưa hoàn thành", "dự kiến hoàn thành"
    if (!/\bda\s*$/.test(before) && TIME_AFTER_RE.test(after)) continue;
    if (WHOLE_AFTER_RE.test(after)) return true;
  }
  return false;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
