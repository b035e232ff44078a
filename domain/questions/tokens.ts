import { fold } from '../shared/text.ts';
import { decodeTelex, splitGlued } from '../text/telex.ts';

/**
 * One word of a question. Every extractor (plans, time, statuses, units…)
 * claims the words it understood by setting `used`, so what is left at the
 * end is exactly what was not understood — the material for the topic and
 * for the "here is what I understood" explanation.
 */
export interface Token {
  /** Folded (no diacritics, lower case), abbreviations expanded: one word. */
  norm: string;
  /** The word as typed (an abbreviation expanded into several words keeps its raw form in each). */
  raw: string;
  /** Offsets in the NFC-normalised question, to quote the user's own words back. */
  start: number;
  end: number;
  /** The typed word carried Vietnamese marks ("xã", "sở"), which tells "sở" from "số" and "tôi" from "tới". */
  marked: boolean;
  used: boolean;
}

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}&%./\-]*|%/gu;

/** Pairs people write apart but mean as one abbreviation ("KH CN", "GD ĐT"). */
const JOINED_PAIRS = new Set(['kh cn', 'gd dt']);

/**
 * Abbreviations read as the words they stand for. `keepAfterMarked` keeps the
 * abbreviation when the previous word is a marked one of these (e.g. "Sở NV" is
 * Sở Nội vụ, while "so nv" / "nv 22" is "số nhiệm vụ" / "nhiệm vụ 22").
 */
const EXPANSIONS: Record<string, { words: string[]; keepAfterMarked?: string[] }> = {
  ubnd: { words: ['uy', 'ban', 'nhan', 'dan'] },
  tp: { words: ['thanh', 'pho'] },
  dk: { words: ['dac', 'khu'] },
  hp: { words: ['hai', 'phong'] },
  bcd: { words: ['ban', 'chi', 'dao'] },
  kh: { words: ['ke', 'hoach'] },
  ctr: { words: ['chuong', 'trinh'] },
  nq: { words: ['nghi', 'quyet'] },
  nv: { words: ['nhiem', 'vu'], keepAfterMarked: ['so'] },
  nvu: { words: ['nhiem', 'vu'] },
  ctieu: { words: ['chi', 'tieu'] },
  dv: { words: ['don', 'vi'] },
  ds: { words: ['danh', 'sach'] },
  bn: { words: ['bao', 'nhieu'] },
  bnhieu: { words: ['bao', 'nhieu'] },
  ntn: { words: ['nhu', 'the', 'nao'] },
  ko: { words: ['khong'] },
  k: { words: ['khong'] },
  kg: { words: ['khong'] },
  khg: { words: ['khong'] },
  hok: { words: ['khong'] },
  dc: { words: ['duoc'] },
  ti: { words: ['ty'] },
  hnay: { words: ['hom', 'nay'] },
  vm: { words: ['vuong', 'mac'] },
  pt: { words: ['phan', 'tram'] },
  j: { words: ['gi'] },
  vc: { words: ['viec'] },
  cv: { words: ['cong', 'viec'] },
  ng: { words: ['nguoi'] },
  r: { words: ['roi'] },
  sdk: { words: ['sap', 'den', 'han'] },
  qh: { words: ['qua', 'han'] },
  vp: { words: ['van', 'phong'] },
  mttq: { words: ['mat', 'tran', 'to', 'quoc'] },
  ubmttq: { words: ['uy', 'ban', 'mat', 'tran', 'to', 'quoc'] },
  chqs: { words: ['chi', 'huy', 'quan', 'su'] },
  ubkt: { words: ['uy', 'ban', 'kiem', 'tra'] },
};

/** "kh12" → "ke hoach 12", "nq57" → "nghi quyet 57", "nv22" → "nhiem vu 22". */
const GLUED: Array<[RegExp, string[]]> = [
  [/^kh(\d.*)$/, ['ke', 'hoach']],
  [/^nq(\d.*)$/, ['nghi', 'quyet']],
  [/^nv(\d.*)$/, ['nhiem', 'vu']],
];

/** A typed word's reading: its norm, whether it carried marks, and its glued expansion ("kh12"). */
interface WordReading {
  norm: string;
  marked: boolean;
  glued: string[] | null;
}

/**
 * Words read before (a bounded vocabulary: emptied past a city's worth of words): every question
 * reads each of its words several times (pairs, lengths, marks), and the same words come back.
 */
const readings = new Map<string, WordReading>();

function readWord(raw: string): WordReading {
  let r = readings.get(raw);
  if (r === undefined) {
    if (readings.size > 50_000) readings.clear();
    const folded = fold(raw).replace(/[&\s]/g, '');
    const marked = isMarked(raw);
    const norm = EXPANSIONS[folded] || marked ? folded : (decodeTelex(folded) ?? folded);
    const glued = GLUED.find(([re]) => re.test(norm));
    r = { norm, marked, glued: glued ? [...glued[1], glued[0].exec(norm)?.[1] ?? ''] : null };
    readings.set(raw, r);
  }
  return r;
}

function normOf(raw: string): string {
  return readWord(raw).norm;
}

function isMarked(raw: string): boolean {
  return /[\u0300-\u036f]/.test(raw.normalize('NFD')) || /[đĐ]/.test(raw);
}

/** Syllables of the questions' own vocabulary: an unmarked word is split only into these ("nhiemvu", "quahan"), never "mobile" into "mo bi le". */
const QUESTION_SYLLABLES = new Set(
  'nhiem vu qua han tien do cat hai hoan thanh bao nhieu don vi chi tieu sap den toi vuong mac de xuat cham tre xong cap nhat ke hoach viec nao so xa phuong dac khu thuc hien trien khai chua da dang cong nghe khoa hoc'.split(' '),
);

/** Words split before (by norm; the split does not depend on the marks, only whether it is taken). */
const splits = new Map<string, string[] | null>();

function gluedWords(norm: string, marked: boolean): string[] | null {
  let parts = splits.get(norm);
  if (parts === undefined) {
    if (splits.size > 50_000) splits.clear();
    parts = splitGlued(norm);
    splits.set(norm, parts);
  }
  return parts && (marked || parts.every((p) => QUESTION_SYLLABLES.has(p))) ? [...parts] : null;
}

/** Splits a question into words, keeping where each came from. Input should already be NFC. */
export function tokenize(text: string): Token[] {
  const rawWords: Array<{ raw: string; start: number; end: number }> = [];
  for (const m of text.matchAll(WORD_RE)) {
    const raw = m[0].replace(/[.\-/&]+$/, '');
    if (!raw) continue;
    const start = m.index ?? 0;
    const prev = rawWords[rawWords.length - 1];
    if (prev) {
      const between = text.slice(prev.end, start);
      // "KH & CN", "GD&ĐT" are one abbreviation; "Sở KHCN & Sở TC" are two units
      if ((/^\s*&\s*$/.test(between) && normOf(prev.raw).length <= 3 && normOf(raw).length <= 3) || (/^\s+$/.test(between) && JOINED_PAIRS.has(`${normOf(prev.raw)} ${normOf(raw)}`))) {
        prev.raw = text.slice(prev.start, start + raw.length);
        prev.end = start + raw.length;
        continue;
      }
    }
    rawWords.push({ raw, start, end: start + raw.length });
  }

  const tokens: Token[] = [];
  for (const w of rawWords) {
    const { norm, marked, glued } = readWord(w.raw);
    const prev = tokens[tokens.length - 1];
    const exp = EXPANSIONS[norm];
    const norms = exp && !(exp.keepAfterMarked && prev && prev.marked && exp.keepAfterMarked.includes(prev.norm)) ? exp.words : (glued ?? gluedWords(norm, marked) ?? [norm]);
    for (const n of norms) tokens.push({ norm: n, raw: w.raw, start: w.start, end: w.end, marked, used: false });
  }
  return tokens;
}

/** The folded, expanded words of a name or phrase (the same reading questions get). */
/**
 * The folded words of a name, title or plan (read for every question, so
 * remembered: the texts are the registry's, a bounded set; the cache is
 * emptied when it grows past a city's worth).
 */
const wordsOf = new Map<string, readonly string[]>();

export function normWords(text: string): string[] {
  let words = wordsOf.get(text);
  if (!words) {
    if (wordsOf.size > 50_000) wordsOf.clear();
    words = tokenize(text.normalize('NFC')).map((t) => t.norm);
    wordsOf.set(text, words);
  }
  return words as string[];
}

/** True when the words of `phrase` sit, unused, at position `i`. */
export function matchesAt(toks: Token[], i: number, phrase: readonly string[]): boolean {
  if (i + phrase.length > toks.length) return false;
  for (let k = 0; k < phrase.length; k++) {
    const t = toks[i + k]!;
    if (t.used || t.norm !== phrase[k]) return false;
  }
  return true;
}

export function markUsed(toks: Token[], start: number, end: number): void {
  for (let k = start; k < end; k++) toks[k]!.used = true;
}

/** The user's own text from token `start` to token `end - 1`. */
export function rawSpan(text: string, toks: Token[], start: number, end: number): string {
  return text.slice(toks[start]!.start, toks[end - 1]!.end).trim();
}

/** The norm at i when that word is still free, else undefined. */
export function freeNorm(toks: Token[], i: number): string | undefined {
  const t = toks[i];
  return t && !t.used ? t.norm : undefined;
}

export interface PhraseHit<T> {
  value: T;
  start: number;
  end: number;
}

/**
 * A table of fixed phrases read left to right, longest phrase first at each
 * position; the words of each hit are claimed.
 */
export class PhraseTable<T> {
  private readonly entries: Array<{ words: string[]; value: T }>;

  constructor(
    entries: ReadonlyArray<readonly [string, T]>,
    private readonly accept: (words: string[], toks: Token[], start: number) => boolean = () => true,
  ) {
    this.entries = entries
      .map(([p, value]) => ({ words: p.split(' '), value }))
      .sort((a, b) => b.words.length - a.words.length);
  }

  scan(toks: Token[]): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    for (let i = 0; i < toks.length; i++) {
      if (toks[i]!.used) continue;
      for (const e of this.entries) {
        if (matchesAt(toks, i, e.words) && this.accept(e.words, toks, i)) {
          markUsed(toks, i, i + e.words.length);
          hits.push({ value: e.value, start: i, end: i + e.words.length });
          i += e.words.length - 1;
          break;
        }
      }
    }
    return hits;
  }
}

/**
 * Words that carry no subject of their own: particles, pronouns, fillers.
 * What remains unused and is not one of these is a topic (or, with no
 * other signal, the reason a question is not understood).
 */
export const STOP_WORDS = new Set([
  'cac', 'nhung', 'cua', 'o', 'tai', 'va', 'voi', 'hay', 'hoac', 'la', 'co', 'khong', 'nao', 'gi', 'cho',
  'xem', 'biet', 'hoi', 'giup', 'thi', 'ma', 'duoc', 'da', 'dang', 'se', 'con', 'them', 'nua', 'nay',
  'vay', 'a', 'ah', 'oi', 'nhe', 'nha', 'ha', 'ne', 'di', 'roi', 'chua', 'bi', 'ai', 'phai', 'can', 'muon',
  'tim', 'loc', 've', 'tu', 'den', 'trong', 'tren', 'duoi', 'hon', 'nhieu', 'it', 'moi', 'tung', 'toi',
  'minh', 'em', 'anh', 'bot', 'viec', 'ca', 'thuoc', 'the', 'sao', 'ra', 'nhi', 'hien', 'nay', 'ay', 'do',
  'kia', 'dum', 'giup', 'vui', 'long', 'xin', 'lam', 'on', 'nhu', 've', 'bo', 'so', 'nhat',
  'chung', 'hien', 'luc', 'gio', 'bay', 'ngay', 'ro', 'cu', 'ban',
  'bao', 'vay', 'nhe', 'nhi', 'ak', 'ha', 'hen', 'voi', 'dum', 'coi', 'khong', 'hem', 'oi', 'kia',
]);

/**
 * Stop words that are also syllables of content words when next to one
 * ("nhân lực", "hạ tầng", "tài chính", "đô thị", "cán bộ", "cơ sở", "đổi mới").
 */
const WEAK_STOPS = new Set([
  'luc', 'so', 'ngay', 'gio', 'cu', 'ro', 'chung', 'nhu', 'lam', 'on', 'long', 'bo', 'ha', 'do', 'the', 'tu', 'tai',
  'thi', 'co', 'hien', 'dang', 'da', 'can', 'moi', 'con', 'phai', 'hoi', 'ban',
]);

/** A free word that means something on its own. */
export function isSignificant(t: Token): boolean {
  return !t.used && !STOP_WORDS.has(t.norm);
}

/** Unused runs of words, trimmed of stop words at both ends (topic candidates). */
export function leftoverRuns(toks: Token[]): Array<{ start: number; end: number }> {
  const runs: Array<{ start: number; end: number }> = [];
  let i = 0;
  while (i < toks.length) {
    if (toks[i]!.used) {
      i++;
      continue;
    }
    let j = i;
    while (j < toks.length && !toks[j]!.used) j++;
    let s = i;
    let e = j;
    // a weak stop stays when its inner neighbour is a word or another weak stop ("đô thị")
    const edgeStop = (t: Token, inner: Token | undefined) =>
      STOP_WORDS.has(t.norm) &&
      !(WEAK_STOPS.has(t.norm) && inner && (!STOP_WORDS.has(inner.norm) || WEAK_STOPS.has(inner.norm)));
    while (s < e && edgeStop(toks[s]!, s + 1 < e ? toks[s + 1] : undefined)) s++;
    while (e > s && edgeStop(toks[e - 1]!, e - 2 >= s ? toks[e - 2] : undefined)) e--;
    const kept = toks.slice(s, e);
    const content = kept.some((t) => !STOP_WORDS.has(t.norm)) || (kept.length >= 2 && kept.every((t) => WEAK_STOPS.has(t.norm)));
    if (e > s && content) runs.push({ start: s, end: e });
    i = j;
  }
  return runs;
}
