/**
 * Quick progress replies: the one line an officer types on a phone after a
 * reminder ("50%, đã xong dự thảo, vướng kinh phí, đề nghị TP bổ sung vốn"),
 * read into the fields of a progress appendix row.
 *
 * The reader is deterministic and explainable: the text is folded (no
 * diacritics, lower case) character by character so every match maps back to
 * the original words; it is cut into clauses at commas, semicolons, new lines,
 * sentence dots and " - " (never inside "52/KH-UBND", "05/9/2025" or "62,5%");
 * in each clause a fixed list of keyword patterns ("markers") is matched; each
 * marker either stands alone (a percentage, "không thay đổi", a task number) or
 * takes the words after it up to the next marker (a difficulty, a proposal, a
 * document's "về việc…", the object of "đã xong …"). Whatever no marker claims
 * and is more than politeness ("em báo cáo", "ạ", "nhé") ends up in `note`, so
 * nothing the officer wrote is dropped silently. `explainQuickReply` returns the
 * spans that produced each field.
 */
import { fold, parseVnNumber, words } from '../shared/text.ts';

export type { ProgressState } from '../status/derive-status.ts';
import type { ProgressState } from '../status/derive-status.ts';

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
  /** The percentages seen when the progress is unclear (a range, two numbers): the ask-back shows them. */
  seen: number[];
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

/** "đã ban hành kế hoạch …", "đã ký quyết định …": the verb (group 1), then a document type. */
const ISSUED_DOC = /^((?:da |vua )?(?:ban hanh|ky ban hanh|ky))\s+(?:ke hoach|quyet dinh|quy che|chuong trinh|de an|cong van|nghi quyet|huong dan|thong bao|chi thi|quy dinh|van ban)\b/;

export function parseQuickReply(text: string): QuickReply {
  return explainQuickReply(text).reply;
}

// ---------------------------------------------------------------------------
// Folded shadow of the text: f[i] is the folded form of one original character.

interface Shadow {
  /** Original text, NFC, spaces collapsed. */
  o: string;
  /** Folded text, same number of characters for every Vietnamese letter. */
  f: string;
  /** at[i] = index in `o` of the character that produced f[i]. */
  at: number[];
  /** The officer typed with diacritics somewhere in the message. */
  accented: boolean;
}

function prepare(text: string): Shadow {
  const o = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u00a0\t\f\v\u2000-\u200a\u202f\u3000]/g, ' ')
    .replace(/\uff05/g, '%')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''))
    .join('\n')
    .trim();
  let f = '';
  const at: number[] = [];
  let i = 0;
  for (const ch of o) {
    const g = ch === ' ' || ch === '\n' ? ch : fold(ch);
    for (const unit of g.split('')) {
      f += unit;
      at.push(i);
    }
    i += ch.length;
  }
  const stripped = o.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return { o, f, at, accented: stripped !== o.normalize('NFD') || /[đĐ]/.test(o) };
}

function origIndex(sh: Shadow, fi: number): number {
  return fi >= sh.at.length ? sh.o.length : sh.at[fi]!;
}

function orig(sh: Shadow, s: number, e: number): string {
  return sh.o.slice(origIndex(sh, s), origIndex(sh, e));
}

// ---------------------------------------------------------------------------
// Words whose folded spelling is shared with unrelated words: when the officer
// typed diacritics, the accents must agree ("đang", not "dạng"; "đã", not "dạ";
// "được", not "dược"). Unaccented input always agrees.

const ACCENTED: Record<string, string> = {
  da: 'đã',
  dang: 'đang',
  vuong: 'vướng',
  chua: 'chưa',
  duoc: 'được',
  dat: 'đạt',
  doi: 'đổi',
  cu: 'cũ',
  mong: 'mong',
  cham: 'chậm',
  kho: 'khó',
  nao: 'nào',
  gi: 'gì',
  may: 'mấy',
  sao: 'sao',
  se: 'sẽ',
  sap: 'sắp',
  gan: 'gần',
  thieu: 'thiếu',
};

function agrees(typed: string, accented: string): boolean {
  const t = [...typed.toLowerCase()];
  const a = [...accented];
  if (t.length !== a.length) return false;
  return t.every((c, i) => c === a[i] || c === fold(a[i]!));
}

/** Every ambiguous word inside [s, e) agrees with its intended accented form. */
function accentsAgree(sh: Shadow, s: number, e: number): boolean {
  const re = /[a-z]+/g;
  const seg = sh.f.slice(s, e);
  let m: RegExpExecArray | null;
  while ((m = re.exec(seg))) {
    const want = ACCENTED[m[0]];
    if (!want) continue;
    const typed = orig(sh, s + m.index, s + m.index + m[0].length);
    if (!agrees(typed, want)) return false;
    // "kho" typed plainly in a message that otherwise has diacritics is the
    // noun kho (store, "kho dữ liệu"), not khó (hard).
    if (m[0] === 'kho' && sh.accented && typed.toLowerCase() === 'kho') return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Patterns (on folded text).

const TK = 't(?:rie|rei|ie|ri)n ?k(?:hai|hia|ai|ahi)'; // triển khai, and common typos
const HT = 'ho(?:an|na) ?th(?:anh|nah|ahn|ang)'; // hoàn thành, and typos
const XONG = 'x(?:ong|og|onh)';
const NUM = '\\d+(?:[.,]\\d+)*';
const PCT = '(?:%|phan ?tram)';
const PURE_VERB = `${TK}(?: thuc hien)?|tk|lam(?: tiep)?|thuc hien|th|tien hanh|xu ly`;
/**
 * Words that may precede a percentage ("tiến độ đạt được khoảng 62,5%"). Each is
 * a whole word and the spacing between them is unambiguous, so the regex stays
 * linear on long inputs.
 */
const INTRO =
  '(?:(?:da|duoc|dc|moi|vua|chi|gan|hon|tren|khoang|tam|uoc|dat|hoan thanh|ht|tien do|td|la|len|muc)(?![a-z])\\s*(?::\\s*)?)*';

const TPRE = '(?:(?:truoc|cuoi|dau|giua|het|sau)\\s+)?';
const YR = '(?:\\d{4}|\\d{2})';
const TCORE = [
  `(?:quy|q)\\s*(?:iv|iii|ii|i|[1-4])(?:\\s*(?:\\/|-|nam)\\s*${YR})?`,
  `(?:thang|th)\\s*\\d{1,2}(?:\\s*(?:\\/|-|nam)\\s*${YR})?`,
  `t\\d{1,2}(?:\\/${YR})?`,
  `\\d{1,2}\\s?[\\/.-]\\s?\\d{1,2}(?:\\s?[\\/.-]\\s?${YR})?`,
  `nam\\s*\\d{4}(?:\\s*-\\s*\\d{4})?`,
  `\\d+\\s+thang\\s+(?:cuoi|dau)\\s+nam(?:\\s+\\d{4})?`,
  `(?:cuoi|dau|giua|het)\\s+(?:nam|thang|quy|tuan)(?:\\s+(?:nay|sau|toi|\\d{4}))?`,
  `(?:nam|thang|quy|tuan)\\s+(?:nay|sau|toi)`,
  `(?:\\d+|mot|hai|ba)\\s+(?:ngay|tuan|thang|nam)\\s+(?:nua|toi)`,
  `20\\d{2}`,
].join('|');
const TIME = `${TPRE}(?:${TCORE})(?![a-z0-9\\/])`;
const TIME_LEAD = '(?:(?:vao|trong|khoang|tam|la|den|ngay|:)\\s*)*';

const DOC_TYPE_WORDS: Record<string, string> = {
  'ke hoach': 'Kế hoạch',
  kh: 'Kế hoạch',
  'cong van': 'Công văn',
  cv: 'Công văn',
  'quyet dinh': 'Quyết định',
  qd: 'Quyết định',
  'bao cao': 'Báo cáo',
  bc: 'Báo cáo',
  'thong bao': 'Thông báo',
  tb: 'Thông báo',
  'nghi quyet': 'Nghị quyết',
  nq: 'Nghị quyết',
  'chuong trinh': 'Chương trình',
  ctr: 'Chương trình',
  'to trinh': 'Tờ trình',
  ttr: 'Tờ trình',
  'huong dan': 'Hướng dẫn',
  hd: 'Hướng dẫn',
  'chi thi': 'Chỉ thị',
  ct: 'Chỉ thị',
  'ket luan': 'Kết luận',
  kl: 'Kết luận',
  'van ban': 'Văn bản',
  vb: 'Văn bản',
};
/** The type segment inside a document code ("52/KH-UBND" is a plan). */
const CODE_TYPES: Record<string, string> = {
  kh: 'Kế hoạch',
  qd: 'Quyết định',
  bc: 'Báo cáo',
  tb: 'Thông báo',
  nq: 'Nghị quyết',
  ctr: 'Chương trình',
  ttr: 'Tờ trình',
  hd: 'Hướng dẫn',
  ct: 'Chỉ thị',
  kl: 'Kết luận',
};
const DOC_TYPE_ALT = Object.keys(DOC_TYPE_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const SEP = '\\s?(?:\\/{1,2}|-)\\s?';
const NUMCODE_SEP = `\\d+[a-z]?(?:${SEP}[a-z0-9&]+(?:\\.[a-z0-9&]+)*)+`;
const NUMCODE_ANY = `\\d+[a-z]?(?:${SEP}[a-z0-9&]+(?:\\.[a-z0-9&]+)*)*`;
const DATE = '\\d{1,2}\\s?[\\/.-]\\s?\\d{1,2}\\s?[\\/.-]\\s?\\d{2,4}(?!\\d)';
const DATE_PART = `(?:\\s*,?\\s*(?:ngay|ng)\\s*[:.]?\\s*(?<date>${DATE})|\\s+(?<date2>${DATE}))?`;

// A.II.6, II.6, 22, and the unnamed sections of an appendix: B.NV.2, B.CT.II.1.
const REF = '(?:[a-h]\\.)?(?:(?:ct|nv)\\.)?(?:\\d+|[ivx]{1,4})(?:\\.(?:\\d+|[ivx]{1,4}))*';

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

interface Marker {
  kind: MarkerKind;
  s: number;
  e: number;
  /** Valid only with every word around it filler ("ht", "tk" alone). */
  pureOnly?: boolean;
  /** "đã xong" may take an object ("đã xong dự thảo"); "vướng" takes its blocker. */
  takes?: boolean;
  /** Percent value, or the bad percent's text. */
  value?: number;
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

interface Spec {
  kind: MarkerKind;
  re: RegExp;
  build?: (m: RegExpExecArray, abs: (i: number) => number, sh: Shadow, cs: number, ce: number) => Partial<Marker> | null;
  pureOnly?: boolean;
  takes?: boolean;
  /** Skip the accent agreement check (codes, numbers). */
  anyAccent?: boolean;
}

function W(src: string, flags = 'gd'): RegExp {
  return new RegExp(`(?<![a-z0-9])(?:${src})(?![a-z0-9])`, flags);
}

function group(m: RegExpExecArray, name: string): [number, number] | null {
  const g = m.indices?.groups?.[name];
  return g ? [g[0], g[1]] : null;
}

function percentMarker(raw: string, neg: boolean): Partial<Marker> {
  const n = parseVnNumber(raw);
  if (n === null) return { problem: 'PERCENT_NOT_A_NUMBER', raw: `${raw}%` };
  if (neg) return { problem: 'PERCENT_NEGATIVE', raw: `-${raw}%`, value: -n };
  if (n > 100) return { problem: 'PERCENT_OVER_100', raw: `${raw}%`, value: n };
  return { value: n, raw };
}

const SPECS: Spec[] = [
  // --- task reference ------------------------------------------------------
  {
    kind: 'TASKREF',
    re: W(`(?:nv|nvu|nhiem ?vu|chi tieu|task)\\s*(?:so\\s*)?:?\\s*(?<ref>${REF})|#\\s*(?<ref2>${REF})`),
    anyAccent: true,
    build: (m) => ({ ref: (m.groups?.ref ?? m.groups?.ref2 ?? '').toUpperCase() }),
  },
  // --- no change -----------------------------------------------------------
  {
    kind: 'NOCHANGE',
    re: W(
      [
        '(?:van\\s+)?nhu\\s+(?:cu|truoc|lan truoc|thang truoc|ky truoc|bao cao truoc|lan bao cao truoc)',
        '(?:van\\s+)?(?:khong|ko|k|kg|khg|hok|hong|chua)\\s+(?:co\\s+)?(?:gi\\s+)?(?:thay\\s*doi|doi|tien trien|gi moi|cap nhat moi)(?:\\s+gi)?(?:\\s+(?:them|moi|so voi (?:lan|thang|ky) truoc))?',
        '(?:van\\s+)?giu\\s+nguyen',
        'van\\s+(?:vay|the)',
      ].join('|'),
    ),
  },
  // --- percentages -----------------------------------------------------------
  {
    kind: 'PERCENT',
    re: W(
      `tu\\s*(?<a>${NUM})\\s*%?\\s*(?:len|den|thanh|->|=>|\u2192)\\s*(?<b>${NUM})\\s*${PCT}|(?<a2>${NUM})\\s*%\\s*(?:->|=>|\u2192|len)\\s*(?<b2>${NUM})\\s*${PCT}`,
    ),
    anyAccent: true,
    build: (m) => percentMarker(m.groups?.b ?? m.groups?.b2 ?? '', false),
  },
  {
    kind: 'PERCENT_RANGE',
    re: W(`${INTRO}(?<a>${NUM})\\s*%?\\s*(?:-|\u2013|\u2014|~|den|toi)\\s*(?<b>${NUM})\\s*${PCT}`),
    build: (m) => ({ raw: m[0] }),
  },
  {
    kind: 'PERCENT',
    re: W(`${INTRO}(?<neg>-|am\\s+)?(?<num>${NUM})\\s*${PCT}`),
    build: (m) => percentMarker(m.groups?.num ?? '', Boolean(m.groups?.neg)),
  },
  {
    // "được 3/4" → 75, "xong 2/3 khối lượng" → 66.7 (never a date: no third part,
    // and only after được/đạt/hoàn thành/xong)
    kind: 'PERCENT',
    re: W(
      `(?:(?:da|moi|vua)\\s+)?(?:duoc|dc|dat|dat duoc|hoan thanh|ht|${XONG})\\s+(?<a>\\d+)\\s*\\/\\s*(?<b>\\d+)(?![\\d\\/])(?:\\s+(?:khoi luong|kl|cong viec|phan viec))?`,
    ),
    build: (m) => {
      const a = Number(m.groups?.a);
      const b = Number(m.groups?.b);
      const raw = `${m.groups?.a}/${m.groups?.b}`;
      if (!(b > 0)) return { problem: 'PERCENT_NOT_A_NUMBER', raw };
      const v = Math.round((a / b) * 1000) / 10;
      if (v > 100) return { problem: 'PERCENT_OVER_100', raw: `${raw} (${v}%)`, value: v };
      return { value: v, raw };
    },
  },
  {
    // "được một nửa" → 50
    kind: 'PERCENT',
    re: W(`(?:(?:da|moi|vua)\\s+)?(?:duoc|dc|dat|${XONG}|hoan thanh|ht)\\s+(?:mot|1)\\s+nua(?:\\s+(?:khoi luong|kl|cong viec))?`),
    build: () => ({ value: 50, raw: 'một nửa' }),
  },
  {
    // "tiến độ 70", "đạt 70" without the % sign
    kind: 'PERCENT',
    re: W(`(?:(?:da|duoc|dc)\\s+)?(?:tien do|dat|duoc|dc|hoan thanh|ht|len)\\s*:?\\s*(?<neg>-)?(?<num>${NUM})(?!\\s*(?:%|phan|[\\/.,]?\\d))`),
    build: (m, abs, sh, _cs, ce) => {
      const next = /^\s*([a-z]+)?/.exec(sh.f.slice(abs(m.index + m[0].length), ce))?.[1];
      const allowed = ['roi', 'r', 'a', 'nhe', 'nha', 'va', 'du', 'dk', 'vuong', 'kho', 'thieu', 'de', 'kien', 'xin', 'mong', 'dang', 'chua', 'con', 'nhung'];
      if (next !== undefined && !allowed.includes(next)) return null;
      return percentMarker(m.groups?.num ?? '', Boolean(m.groups?.neg));
    },
  },
  {
    kind: 'PERCENT_BAD',
    // "abc%", "5O%" (letter O), "x%": a percent sign after something that is not a number
    // (one token, matched from its first character only: linear on long inputs)
    re: new RegExp(`(?<![a-z0-9%?.,])(?<raw>[a-z0-9?.,]+)\\s?%`, 'gd'),
    anyAccent: true,
    build: (m, abs, sh) =>
      /[a-z?]/.test(m.groups?.raw ?? '') ? { problem: 'PERCENT_NOT_A_NUMBER', raw: orig(sh, abs(m.index), abs(m.index + m[0].length)) } : null,
  },
  // --- states ----------------------------------------------------------------
  {
    kind: 'DONE_AT',
    re: W(`(?:da|vua|moi)\\s+(?:${XONG}|${HT}|ht|hoan tat)\\s+(?:(?:vao|trong|tu|luc|ngay|tu ngay)\\s+)?(?<time>${TIME})`),
  },
  {
    kind: 'EXPECTED',
    re: W(
      `(?:(?:se|co the|du kien se)\\s+)?(?:${XONG}|${HT}|ht|hoan tat)\\s+(?:(?:vao|trong|khoang|tam|den|la|:)\\s*)*(?<time>${TIME})`,
    ),
  },
  {
    kind: 'EXPECTED',
    re: W(
      `(?:du ?kien|du kein|dk|du tinh|phan dau|uoc tinh)(?:\\s+(?:thoi gian|tg))?(?:\\s+(?:${HT}|ht|${XONG}|ban hanh|hoan tat))?(?:\\s+du kien)?\\s*:?\\s*${TIME_LEAD}(?<time>${TIME})(?:\\s+(?:se\\s+)?(?:${XONG}|${HT}|ht|ban hanh))?`,
    ),
    build: () => ({ strongExpected: true }),
  },
  {
    kind: 'EXPECTED',
    re: W(`(?:thoi gian|tg|thoi han|han)\\s+(?:${HT}|ht|${XONG})(?:\\s+du kien)?\\s*:?\\s*${TIME_LEAD}(?<time>${TIME})`),
    build: () => ({ strongExpected: true }),
  },
  {
    // "dự kiến trình UBND trong tháng 12/2025": the time, and the whole clause kept as a note
    kind: 'EXPECTED',
    re: W(`(?:du ?kien|dk|phan dau)(?<mid>(?:\\s+[^\\s\\d]+){1,6}?)\\s+${TIME_LEAD}(?<time>${TIME})`),
    build: () => ({ strongExpected: true, keepClause: true }),
  },
  {
    kind: 'SOON',
    re: W(`(?:sap|gan|se|sap sua)\\s+(?:${XONG}|${HT}|ht|hoan tat)`),
  },
  {
    kind: 'NOT_DONE',
    re: W(`(?:van\\s+)?(?:chua|khong|ko|k)\\s+(?:${XONG}|${HT}|ht|dat)`),
    takes: true,
  },
  {
    kind: 'NOT_STARTED',
    re: W(
      `(?:van\\s+)?chua\\s+(?:(?:duoc|dc)\\s+)?(?:${TK}|tk|lam|thuc hien|bat dau|bat tay|khoi dong|tien hanh)(?:\\s+(?:lam|gi|duoc|dc|thuc hien))?|chua\\s+(?:lam|co)\\s+gi`,
    ),
    takes: true,
  },
  {
    kind: 'DONE',
    re: W(
      `(?:(?:da|vua|moi)\\s+)?(?:(?:${TK}|tk|thuc hien|lam)\\s+)?(?:${XONG}(?:\\s+xuoi)?|${HT}|hoan tat|done)(?:\\s+(?:roi|r|het|ca|nhe|nha|a))*`,
    ),
    takes: true,
  },
  { kind: 'DONE', re: W('(?:da\\s+)?ht(?:\\s+(?:roi|r))?'), pureOnly: true },
  { kind: 'DONE', re: W('(?:da\\s+)?dat(?:\\s+chi tieu)?|dat\\s+roi'), pureOnly: true },
  { kind: 'DONE', re: /(?<=^|[:)]\s*)x(?=\s*(?:\(|$))/dg, anyAccent: true },
  {
    kind: 'IN_PROGRESS',
    re: W(`(?:van\\s+)?(?:dang|dag)(?:\\s+trong\\s+qua\\s+trinh)?(?:\\s+(?:tiep tuc\\s+)?(?:${PURE_VERB}))?`),
    takes: true,
  },
  { kind: 'IN_PROGRESS', re: W(`tiep tuc(?:\\s+(?:${PURE_VERB}))?`), takes: true },
  { kind: 'IN_PROGRESS', re: W(`(?:da|moi|vua|da bat dau|bat dau)\\s+(?:${TK}|tk|thuc hien)(?:\\s+thuc hien)?`), takes: true },
  { kind: 'IN_PROGRESS', re: W('(?:moi\\s+|vua\\s+)?bat dau(?:\\s+lam)?'), pureOnly: true },
  // at the start of a clause, or right after "NV 7:"
  { kind: 'IN_PROGRESS', re: new RegExp(`(?<=^|[:)]\\s*)(?:${TK})(?![a-z0-9])`, 'dg'), takes: true },
  { kind: 'IN_PROGRESS', re: /(?<=^|[:)]\s*)tk(?![a-z0-9])/dg, pureOnly: true },
  {
    kind: 'PAST',
    re: W(
      '(?:da|vua|moi)\\s+(?:trinh|gui|nop|ky|ban hanh|to chuc|xay dung|xd|hop|lay y kien|phe duyet|thong qua|bo tri|cap|giao|thanh lap|tham muu|soan|hoan thien|lap|khao sat|tap huan|dao tao|mua sam|dau thau|nghiem thu|chuyen|bao cao|co|phoi hop|cai dat|van hanh|dua vao|ra soat|cap nhat|tiep nhan|chi dao|dang tai|tuyen truyen|ky ket|thuc hien)',
    ),
    takes: true,
  },
  // --- difficulties ----------------------------------------------------------
  {
    kind: 'NO_DIFF',
    re: W(
      [
        '(?:khong|ko|k|kg|chua|chang|khong con|ko con|k con)\\s+(?:co\\s+|gap\\s+|bi\\s+)?(?:gi\\s+)?(?:kho khan|vuong mac|vuong|van de|tro ngai|kk|kkvm)(?:\\s*[,\\/]?\\s*(?:va\\s+)?(?:kho khan|vuong mac))?(?:\\s+gi)?(?:\\s+(?:ca|het))?',
        '(?:kho khan|vuong mac)(?:\\s*[,\\/]?\\s*(?:va\\s+)?(?:kho khan|vuong mac))?\\s*:?\\s*(?:khong|ko|k|khong co|ko co|chua co|chua|khong co gi)(?:\\s+(?:co|a|nhe))?$',
      ].join('|'),
    ),
  },
  {
    kind: 'DIFF',
    re: W(
      [
        '(?:(?:gap|bi|con|co|dang|van|hien)\\s+)*(?:kho khan|vuong mac)(?:\\s*[,\\/]?\\s*(?:va\\s+)?(?:kho khan|vuong mac))?',
        '(?:(?:gap|bi|con|co|dang|van|hien)\\s+)*vuong',
        '(?:bi\\s+)?cham(?:\\s+tien\\s+do)?\\s+(?:la\\s+)?(?:do|vi|boi)',
        'tro ngai',
      ].join('|'),
    ),
    takes: true,
  },
  {
    kind: 'DIFF_WORD',
    re: W(
      [
        'thieu',
        'chua\\s+co(?!\\s+gi)',
        'chua\\s+(?:duoc|dc)',
        '(?:khong|ko|k)\\s+(?:co|du)(?=\\s+(?:kinh phi|von|nhan luc|nguoi|can bo|huong dan|co che|ngan sach|du lieu|mat bang|thiet bi))',
        'kho(?!\\s+(?:khan|du lieu|dl|luu tru|so|bac|hang|tai lieu|ung dung))(?=\\s+[a-z])',
        'han che',
        'bat cap',
        'het\\s+(?=kinh phi|von|ngan sach|nhan luc)',
        '(?:tien do\\s+|bi\\s+)?cham(?:\\s+tien do)?(?!\\s+(?:la\\s+)?(?:do|vi|boi))',
      ].join('|'),
    ),
    takes: true,
  },
  // --- proposals -------------------------------------------------------------
  {
    kind: 'NO_PROPOSAL',
    re: W(
      [
        '(?:khong|ko|k|chua)\\s+(?:co\\s+)?(?:de xuat|kien nghi|de nghi)(?:\\s*[,\\/]?\\s*(?:va\\s+)?(?:de xuat|kien nghi))?(?:\\s+gi)?',
        '(?:de xuat|kien nghi)(?:\\s*[,\\/]?\\s*(?:va\\s+)?(?:de xuat|kien nghi))?\\s*:?\\s*(?:khong|ko|k|khong co|ko co|chua co|chua|khong co gi)$',
      ].join('|'),
    ),
  },
  {
    kind: 'PROPOSAL',
    re: W(
      [
        '(?:(?:kinh|xin|rat|em)\\s+)?(?:de ?ngh?i|de xuat|kien nghi)(?:\\s*[,\\/]?\\s*(?:va\\s+)?(?:de xuat|kien nghi))?',
        'xin(?:\\s+phep)?(?!\\s*(?:chao|cam on|loi|y kien|bao cao|gui|phep(?![a-z])|$))',
        '(?:(?:rat|kinh)\\s+)?mong(?:\\s+muon)?(?:\\s+(?:duoc|dc))?(?!\\s*$)',
      ].join('|'),
    ),
    takes: true,
  },
  // --- documents -------------------------------------------------------------
  {
    kind: 'DOC',
    re: W(
      `(?<type>${DOC_TYPE_ALT})(?<mid>(?:\\s+(?!so(?![a-z]))[a-z&]+){0,5}?)\\s*(?:so|s)\\s*[:.]?\\s*(?<code>${NUMCODE_ANY})${DATE_PART}` +
        `|(?<type2>${DOC_TYPE_ALT})\\s*[:.]?\\s*(?<code2>${NUMCODE_SEP})${DATE_PART.replace('<date>', '<date3>').replace('<date2>', '<date4>')}` +
        `|(?:so\\s*[:.]?\\s*)?(?<code3>\\d+[a-z]?${SEP}[a-z][a-z0-9&]*(?:${SEP}[a-z0-9&]+)*)${DATE_PART.replace('<date>', '<date5>').replace('<date2>', '<date6>')}`,
    ),
    anyAccent: true,
    build: (m, abs, sh) => formatDoc(m, abs, sh),
  },
];

function formatDoc(m: RegExpExecArray, abs: (i: number) => number, sh: Shadow): Partial<Marker> | null {
  const pick = (...names: string[]): [number, number] | null => {
    for (const n of names) {
      const g = group(m, n);
      if (g) return g;
    }
    return null;
  };
  const typeG = pick('type', 'type2');
  const codeG = pick('code', 'code2', 'code3');
  if (!codeG) return null;
  const dateG = pick('date', 'date2', 'date3', 'date4', 'date5', 'date6');
  const code = orig(sh, abs(codeG[0]), abs(codeG[1]));
  let typeName: string | undefined;
  if (typeG) {
    const key = sh.f.slice(abs(typeG[0]), abs(typeG[1]));
    typeName = DOC_TYPE_WORDS[key];
    if (key === 'hd' && /đ/i.test(orig(sh, abs(typeG[0]), abs(typeG[1])))) typeName = 'Hợp đồng';
  } else {
    const segs = code.split(/\s*(?:\/{1,2}|-)\s*/).slice(1);
    for (const seg of segs) {
      const k = fold(seg);
      if (CODE_TYPES[k]) {
        typeName = k === 'hd' && /đ/i.test(seg) ? 'Hợp đồng' : CODE_TYPES[k];
        break;
      }
    }
    typeName ??= 'Công văn';
  }
  if (!typeName) return null;
  const midG = group(m, 'mid');
  const mid = midG && midG[1] > midG[0] ? orig(sh, abs(midG[0]), abs(midG[1])).trim() : '';
  const date = dateG ? orig(sh, abs(dateG[0]), abs(dateG[1])) : '';
  return { doc: `${typeName}${mid ? ` ${mid}` : ''} số ${code}${date ? ` ngày ${date}` : ''}`, dated: Boolean(date) };
}

// ---------------------------------------------------------------------------
// Filler: politeness and framing words that carry no progress information.

const FILLER_PHRASES = [
  'em bao cao', 'xin bao cao', 'kinh bao cao', 'bao cao', 'bc', 'kinh gui', 'gui',
  'cap nhat tien do', 'cap nhat', 'tien do hien tai', 'tien do', 'hien tai', 'hien nay', 'hien',
  'tinh den nay', 'den nay', 'den thoi diem nay', 'thoi diem nay',
  'nhiem vu nay', 'nhiem vu', 'nv', 'viec nay', 'cong viec', 'khoi luong', 'kl',
  'xin chao', 'chao', 'xin cam on', 'cam on', 'camon', 'thanks', 'thank you', 'thank', 'tks',
  'ok', 'oke', 'okie', 'okay', 'vang', 'da', 'a', 'ah', 'uh', 'u', 'nhe', 'nha', 'roi', 'r',
  'em', 'anh', 'chi', 'minh', 'toi', 'ad', 'admin', 'bot',
  'thi', 'la', 'va', 'nhung', 'con', 'tuy nhien', 'dong thoi', 'ngoai ra', 'do', 'vi', 'boi vi', 'nen', 'vi vay', 'ma',
  'duoc', 'dc', 'het', 'ca', 'toan bo', 'luon', 'vay', 'the', 'nay',
  'sp', 'san pham dau ra', 'san pham', 'dau ra', 'kem theo', 'theo', 'da ban hanh', 'ban hanh',
  'da co', 'co', 'tai', 'bang', 'voi', 'cua', 'van ban',
  'ket qua', 'kq', 'tinh hinh', 'trang thai', 'tt', 'muc do', 'ty le', 'tl', '%',
].map((p) => p.split(' '));

function isFiller(text: string): boolean {
  const toks = words(text);
  let i = 0;
  outer: while (i < toks.length) {
    for (const p of FILLER_PHRASES) {
      if (p.every((w, k) => toks[i + k] === w)) {
        i += p.length;
        continue outer;
      }
    }
    return false;
  }
  return true;
}

/**
 * Connectives trimmed from the edges of a piece, with the accents they must
 * carry when the officer typed accents ("Thi đua…" keeps "Thi"; "thì" goes).
 */
const LEAD_TRIM: Array<[string, string]> = [
  ['tuy nhien', 'tuy nhiên'],
  ['dong thoi', 'đồng thời'],
  ['ngoai ra', 'ngoài ra'],
  ['va', 'và'],
  ['nhung', 'nhưng'],
  ['thi', 'thì'],
  ['la', 'là'],
  ['vang', 'vâng'],
  ['ok', 'ok'],
  ['em bao cao', 'em báo cáo'],
  ['xin bao cao', 'xin báo cáo'],
  ['kinh bao cao', 'kính báo cáo'],
];
/** After a difficulty or proposal keyword: "vướng ở khâu…", "khó khăn về kinh phí", "kiến nghị với TP…". */
const LEAD_TRIM_CONTENT: Array<[string, string]> = [
  ['la do', 'là do'],
  ['do', 'do'],
  ['vi', 'vì'],
  ['boi', 'bởi'],
  ['ve', 'về'],
  ['la', 'là'],
  ['o', 'ở'],
  ['tai', 'tại'],
  ['trong', 'trong'],
  ['voi', 'với'],
];
/** Unaccented words that start a noun, not a connective: "tai chinh", "o nhiem", "vi pham". */
const NOT_A_CONNECTIVE = /^(?:tai (?:chinh|lieu|khoan|san|nguyen|tro)|o (?:nhiem|to)|vi (?:pham|tri|mo)|do (?:thi|an)|ve (?:sinh)|la (?:nguoi))(?![a-z])/;
const TRAIL_TRIM: Record<string, string> = { va: 'và', nen: 'nên', nhung: 'nhưng', do: 'do', vi: 'vì', ma: 'mà', nhe: 'nhé', nha: 'nha', roi: 'rồi', a: 'ạ' };

/** The typed word is the connective: its accents agree, and when the officer types accents, it has them. */
function isWord(typed: string, accented: string, strict: boolean): boolean {
  return strict ? typed.toLowerCase() === accented : agrees(typed, accented);
}

function trimLead(t: string, list: Array<[string, string]>, strict: boolean): string {
  const toks = t.split(/\s+/);
  const folded = toks.map((w) => fold(w).replace(/[^a-z0-9]/g, ''));
  if (NOT_A_CONNECTIVE.test(folded.join(' '))) return t;
  for (const [plainForm, accentedForm] of list) {
    const want = plainForm.split(' ');
    const typed = accentedForm.split(' ');
    if (toks.length <= want.length) continue;
    if (want.every((w, k) => folded[k] === w && isWord(toks[k]!.replace(/[^\p{L}\p{N}]/gu, ''), typed[k]!, strict))) {
      return toks.slice(want.length).join(' ');
    }
  }
  return t;
}

function cleanPiece(text: string, content: boolean, strict: boolean): string {
  const punct = /^[\s,;:.\-\u2013\u2014+*\u2022(]+|[\s,;:\-\u2013\u2014+*\u2022(]+$/g;
  let t = text.replace(punct, '');
  for (let guard = 0; guard < 8; guard++) {
    const before = t;
    t = trimLead(t, LEAD_TRIM, strict);
    if (content) t = trimLead(t, LEAD_TRIM_CONTENT, strict);
    const last = /(\S+)\s+(\S+)$/.exec(t);
    if (last) {
      const raw = last[2]!.replace(/[.!,;:]+$/, '');
      const w = fold(raw);
      const want = TRAIL_TRIM[w];
      const prev = fold(last[1]!);
      // keep "tiến độ", "mức độ", "chế độ" whole even without accents
      if (want && isWord(raw, want, strict) && !(w === 'a' && raw === 'A') && !(w === 'do' && ['tien', 'muc', 'nhiet', 'che'].includes(prev))) {
        t = t.slice(0, last.index + last[1]!.length);
      }
    }
    t = t.replace(punct, '');
    if (t === before) break;
  }
  if (!t.includes('(')) t = t.replace(/\)+$/, '');
  if (t.endsWith('.') && !t.endsWith('..')) t = t.slice(0, -1);
  return t.trim();
}

function capitalize(s: string): string {
  const first = [...s][0];
  if (!first) return s;
  return first.toLocaleUpperCase('vi') + s.slice(first.length);
}

// ---------------------------------------------------------------------------
// Clauses.

interface Clause {
  s: number;
  e: number;
  sep: 'start' | 'comma' | 'strong';
}

const NO_DOT_SPLIT_AFTER = new Set(['tp', 'tx', 'ths', 'ts', 'pgs', 'gs', 'v.v', 'p', 'q', 'st', 'ong', 'ba', 'tt', 'vv']);

function segment(sh: Shadow): Clause[] {
  const f = sh.f;
  const cuts: Array<{ s: number; e: number; kind: 'comma' | 'strong' }> = [];
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  let clauseStart = 0;
  for (let i = 0; i < f.length; i++) {
    const c = f[i]!;
    let cut: { s: number; e: number; kind: 'comma' | 'strong' } | null = null;
    if (c === '\n' || c === ';' || c === '!' || c === '\u2026') cut = { s: i, e: i + 1, kind: 'strong' };
    else if (c === ',') {
      const before = f.slice(clauseStart, i);
      const after = f.slice(i + 1);
      if (isDigit(f[i - 1]) && isDigit(f[i + 1])) cut = null;
      else if (/(?:kho khan|vuong mac|de xuat|kien nghi)\s*$/.test(before) && /^\s*(?:va\s+)?(?:kho khan|vuong mac|de xuat|kien nghi)/.test(after)) cut = null;
      else cut = { s: i, e: i + 1, kind: 'comma' };
    } else if (c === '?') {
      if (f[i + 1] === undefined || /\s/.test(f[i + 1]!)) cut = { s: i + 1, e: i + 1, kind: 'strong' };
    } else if (c === '.') {
      const next = f[i + 1];
      if (next === undefined || /\s/.test(next)) {
        const before = f.slice(clauseStart, i).trim();
        const lastWord = /([a-z.]+)$/.exec(before)?.[1] ?? '';
        const listNumber = /^(?:[a-d]\.)?(?:\d+|[ivx]{1,4})(?:\.(?:\d+|[ivx]{1,4}))*$/.test(before);
        // not after "TP." and the like, nor after a list/task number ("22. xong"); always after "..."
        if (f[i - 1] === '.' || (!NO_DOT_SPLIT_AFTER.has(lastWord) && !listNumber)) cut = { s: i, e: i + 1, kind: 'strong' };
      }
    } else if ((c === '-' || c === '\u2013' || c === '\u2014') && f[i - 1] === ' ' && f[i + 1] === ' ') {
      if (!(isDigit(f[i - 2]) && isDigit(f[i + 2]))) cut = { s: i - 1, e: i + 2, kind: 'strong' };
    }
    if (cut) {
      cuts.push(cut);
      clauseStart = cut.e;
      i = Math.max(i, cut.e - 1);
    }
  }
  const clauses: Clause[] = [];
  let s = 0;
  // the separator seen since the last clause: a strong one wins over commas
  let pending: 'comma' | 'strong' | null = null;
  for (const cut of [...cuts, { s: f.length, e: f.length, kind: 'strong' as const }]) {
    let a = s;
    let b = cut.s;
    // bullets ("- ", "+ ", "• "), but not the minus of "-10%"
    while (a < b && /[\s\-\u2013\u2014+*\u2022\u00b7>]/.test(f[a]!) && !(f[a] === '-' && /\d/.test(f[a + 1] ?? ''))) a++;
    while (b > a && /\s/.test(f[b - 1]!)) b--;
    if (b > a) {
      clauses.push({ s: a, e: b, sep: clauses.length === 0 ? 'start' : (pending ?? 'strong') });
      pending = cut.kind;
    } else if (pending !== null) {
      pending = pending === 'strong' || cut.kind === 'strong' ? 'strong' : 'comma';
    }
    s = cut.e;
  }
  // "Kế hoạch số 52/KH-UBND, ngày 05/9/2025": the date belongs to the document.
  const merged: Clause[] = [];
  for (const c of clauses) {
    const prev = merged[merged.length - 1];
    if (prev && /^(?:ngay|ng)\s*[:.]?\s*\d{1,2}\s?[/.-]/.test(f.slice(c.s, c.e)) && /\d+[a-z]?\s?(?:\/{1,2}|-)\s?[a-z]/.test(f.slice(prev.s, prev.e))) {
      prev.e = c.e;
    } else merged.push({ ...c });
  }
  return merged;
}

// ---------------------------------------------------------------------------
// Questions and leader queries ("nhiệm vụ nào quá hạn ở Cát Hải?").

const QUERY_START =
  /^(?:xuat|tong hop|thong ke|liet ke|danh sach|ds|xem|tra cuu|tim|loc|hien thi|cho\s+(?:(?:toi|em|minh|anh|chi)\s+)?(?:xin\s+)?(?:xem|biet|danh sach|ds|hoi))(?![a-z0-9])/;
const QUERY_UNITS =
  '(?:cua|so|phong|ban|xa|phuong|dac khu|ubnd|uy ban|quan|huyen|thanh pho|tp|cac|quy|thang|nam|tuan|don vi|chung|tong the|toan|the nao|ra sao|sao|nao)';

function isQuery(sh: Shadow, c: Clause): boolean {
  const f = sh.f.slice(c.s, c.e);
  if (f.includes('?')) return true;
  if (QUERY_START.test(f)) return true;
  if (new RegExp(`(?<![a-z0-9])tien do\\s+${QUERY_UNITS}(?![a-z0-9])`).test(f)) return true;
  // "vướng mắc của đặc khu Cát Hải", "khó khăn ở các xã": a leader asking, not an officer reporting
  if (/(?<![a-z0-9])(?:kho khan|vuong mac|vuong)(?:\s*,?\s*(?:kho khan|vuong mac))?\s+(?:cua|o\s+(?:cac\s+)?(?:xa|phuong|dac khu|so|huyen|quan|thanh pho|tp|don vi|dia phuong|nganh))(?![a-z0-9])/.test(f)) return true;
  const qre = /(?<![a-z0-9])(nao|gi|bao nhieu|bao gio|may|dau|tai sao|vi sao|ra sao)(?![a-z0-9])/g;
  let m: RegExpExecArray | null;
  while ((m = qre.exec(f))) {
    if (!accentsAgree(sh, c.s + m.index, c.s + m.index + m[0].length)) continue;
    if (m[1] === 'gi' && /(?:khong|ko|k|chua|chang)(?:\s+\S+){0,2}\s+$/.test(f.slice(0, m.index))) continue;
    if (m[1] === 'may' && !sh.accented) continue; // "may" without accents is too ambiguous
    if (m[1] === 'dau' && (!sh.accented || !agrees(orig(sh, c.s + m.index, c.s + m.index + 3), 'đâu'))) continue; // đâu, not đầu/đấu
    return true;
  }
  if (/(?<![a-z0-9])(?:xong|hoan thanh|ht|dat|trien khai|lam|co)\s+(?:chua|khong|ko|k)$/.test(f)) return true;
  const fin = /(?:^|\s)(\S+)\s+chua$/.exec(f);
  if (fin && !['van', 'cung', 'con', 'ma', 'deu'].includes(fin[1]!) && accentsAgree(sh, c.e - 4, c.e)) return true;
  return false;
}

// ---------------------------------------------------------------------------
// Markers in one clause.

const PRIORITY: Partial<Record<MarkerKind, number>> = { TASKREF: 3, DOC: 2, NO_DIFF: 1, NO_PROPOSAL: 1, PERCENT_BAD: -1 };

function findMarkers(sh: Shadow, c: Clause, onlyRefs: boolean): Marker[] {
  const sub = sh.f.slice(c.s, c.e);
  const found: Marker[] = [];
  for (const spec of SPECS) {
    if (onlyRefs && spec.kind !== 'TASKREF') continue;
    const re = spec.re;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(sub))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const s = c.s + m.index;
      const e = s + m[0].replace(/\s+$/, '').length;
      const abs = (i: number) => c.s + i;
      const ok = spec.anyAccent || accentsAgree(sh, s, e);
      const extra = ok ? (spec.build ? spec.build(m, abs, sh, c.s, c.e) : {}) : null;
      if (!extra) {
        re.lastIndex = m.index + 1;
        continue;
      }
      const marker: Marker = { kind: spec.kind, s, e, ...extra };
      if (spec.pureOnly) marker.pureOnly = true;
      if (spec.takes) marker.takes = true;
      const tg = group(m, 'time');
      if (tg) marker.time = [abs(tg[0]), abs(tg[1])];
      found.push(marker);
      if (spec.kind === 'TASKREF') break;
    }
  }
  found.sort((a, b) => a.s - b.s || b.e - b.s - (a.e - a.s) || (PRIORITY[b.kind] ?? 0) - (PRIORITY[a.kind] ?? 0));
  const chosen: Marker[] = [];
  let end = -1;
  for (const mk of found) {
    if (mk.s < end) continue;
    chosen.push(mk);
    end = mk.e;
  }
  return chosen;
}

/** Does the content of `owner` stop at marker kind `k`? */
function stopsAt(owner: MarkerKind, next: Marker): boolean {
  // "ht", "tk", "đạt" alone count only when surrounded by filler, so never inside other words.
  if (next.pureOnly) return false;
  switch (owner) {
    case 'PROPOSAL':
      return (
        (next.kind === 'EXPECTED' && Boolean(next.strongExpected)) ||
        next.kind === 'DIFF' ||
        next.kind === 'NO_DIFF' ||
        next.kind === 'PROPOSAL' ||
        next.kind === 'NOCHANGE'
      );
    case 'DIFF':
    case 'DIFF_WORD':
      return !['DIFF_WORD', 'DOC', 'TASKREF', 'PAST'].includes(next.kind);
    default:
      return true;
  }
}

// ---------------------------------------------------------------------------
// The parse.

type Field = 'note' | 'difficulties' | 'proposals';

interface Piece {
  field: Field;
  text: string;
}

interface Collected {
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
  doneWord: string | null;
  notStartedWord: string | null;
  signals: number;
  spans: QuickReplySpan[];
  /** `said`: a word says the number is progress ("tiến độ 50"), not a number alone. */
  bare: Array<{ raw: string; said: boolean; clause: Clause; pieceIndex: number }>;
}

function blank(): QuickReply {
  return {
    looksLikeUpdate: false,
    noChange: false,
    state: null,
    percent: null,
    outputDocument: null,
    difficulties: null,
    proposals: null,
    expectedCompletion: null,
    note: null,
    taskRef: null,
    problems: [],
    unclear: null,
    notReport: null,
    unread: [],
    seen: [],
  };
}

function problemDetail(code: QuickReplyProblemCode, raw: string, pct?: number): string {
  switch (code) {
    case 'PERCENT_OVER_100':
      return `Tỷ lệ "${raw}" lớn hơn 100%.`;
    case 'PERCENT_NEGATIVE':
      return `Tỷ lệ "${raw}" nhỏ hơn 0%.`;
    case 'PERCENT_NOT_A_NUMBER':
      return `Tỷ lệ "${raw}" không phải là số.`;
    case 'DONE_BUT_PERCENT_BELOW_100':
      return `Báo "${raw}" nhưng tỷ lệ chỉ ${pct}%.`;
    case 'NOT_STARTED_BUT_PERCENT':
      return `Báo "${raw}" nhưng lại có tỷ lệ ${pct}%.`;
  }
}

export function explainQuickReply(text: string): QuickReplyExplanation {
  const sh = prepare(text ?? '');
  const clean = (t: string, content = false) => cleanPiece(t, content, sh.accented);
  const result = blank();
  if (sh.o === '' || sh.o.startsWith('/')) {
    return { reply: result, text: sh.o, spans: sh.o ? [{ kind: 'QUERY', text: sh.o, start: 0, end: sh.o.length }] : [] };
  }
  const col: Collected = {
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
    doneWord: null,
    notStartedWord: null,
    signals: 0,
    spans: [],
    bare: [],
  };
  const span = (kind: QuickReplySpan['kind'], s: number, e: number) =>
    col.spans.push({ kind, text: orig(sh, s, e), start: origIndex(sh, s), end: origIndex(sh, e) });

  const clauses = segment(sh);
  let lastContentPiece: number | null = null;

  clauses.forEach((c0, ci) => {
    const c = { ...c0 };
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
          flushGap();
          if (mk.problem) col.percentProblems.push({ code: mk.problem, detail: problemDetail(mk.problem, mk.raw ?? orig(sh, mk.s, mk.e)) });
          else if (mk.value !== undefined) col.percents.push({ value: mk.value, raw: orig(sh, mk.s, mk.e) });
          span(mk.kind, mk.s, mk.e);
          pos = mk.e;
          break;
        case 'PERCENT_RANGE':
          flushGap();
          col.percentAmbiguous.push(orig(sh, mk.s, mk.e));
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
          if (pure && mk.kind === 'PAST') {
            // "đã ban hành" right before a document only frames it; otherwise keep the words.
            if (markers[nextIdx]?.kind !== 'DOC') col.pieces.push({ field: 'note', text: clean(orig(sh, start, contentEnd)) });
          } else if (pure) {
            if (state) col.pureStates.push(state);
            if (state === 'DONE') col.doneWord ??= orig(sh, mk.s, mk.e);
            if (state === 'NOT_STARTED') col.notStartedWord ??= orig(sh, mk.s, mk.e);
          } else {
            // A sub-step ("đã xong dự thảo", "khảo sát chưa triển khai") or a
            // description ("đang chờ phê duyệt"): the words go to the note.
            if (state === 'IN_PROGRESS') col.pureStates.push('IN_PROGRESS');
            if (state === 'DONE') col.weakInProgress = true;
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
          let t = clean(orig(sh, start, contentEnd), mk.kind !== 'DIFF_WORD');
          // "còn vướng mắc" with nothing after it: the words themselves are the content
          if (!t) t = clean(orig(sh, mk.s, contentEnd));
          if (t) col.pieces.push({ field, text: t });
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
      }
    }
    flushGap();

    lastContentPiece = null;
    for (let k = col.pieces.length - 1; k >= clausePieceStart; k--) {
      const p = col.pieces[k]!;
      if (p.field !== 'note') lastContentPiece = k;
      break;
    }
  });

  // --- assemble ---------------------------------------------------------------
  const problems: QuickReplyProblem[] = [...col.percentProblems];

  let percent: number | null = null;
  let percentUnclear = false;
  const distinct = [...new Set(col.percents.map((p) => p.value))];
  if (distinct.length === 1) percent = distinct[0]!;
  else if (distinct.length > 1) {
    percentUnclear = true;
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
  }
  result.outputDocument = col.docs.length ? col.docs.join('; ') : null;
  result.expectedCompletion = col.expected.length ? col.expected[0]! : null;
  if (col.expected.length > 1) col.pieces.push({ field: 'note', text: col.expected.slice(1).join('; ') });
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

  result.state = state;
  result.percent = percent;
  result.problems = problems;
  result.note = join('note', '; ');

  const percentProblem = col.percentProblems.length > 0 || problems.some((p) => p.code.startsWith('PERCENT_'));
  if (stateUnclear) result.unclear = 'state';
  else if (state === 'DONE' || state === 'NOT_STARTED') result.unclear = null;
  else if (percentUnclear || (percentProblem && percent === null)) result.unclear = 'percent';
  else if (col.noChange) result.unclear = null;
  else if (state === null) result.unclear = 'state';
  else if (percent === null) result.unclear = 'percent';
  return { reply: result, text: sh.o, spans: col.spans };
}
