/**
 * The markers of a reply, one pattern each (on folded text): a task number,
 * "no change", percentages, states, difficulties, proposals, documents. A
 * marker either stands alone or takes the words after it (see read.ts).
 */
import { parseVnNumber } from '../../shared/text.ts';
import { DOC_SPEC } from './documents.ts';
import { HT, INTRO, NUM, PCT, PURE_VERB, REF, TIME, TIME_LEAD, TK, W, XONG } from './patterns.ts';
import { orig } from './shadow.ts';
import type { Marker, QuickReplyProblemCode, Spec } from './types.ts';

/** A word naming what a fraction counts ("gói", "xã", "hạng mục"), not a marker word. */
const FRACTION_NOUN = '(?:don vi|(?!(?:vuong|kho|de|dk|du|chua|dang|da|deu|do|vi|boi|thieu|con|nhung|va|xong|hoan|ht|cho|tien|dat|duoc)(?![a-z]))[a-z&]+)';

export function percentMarker(raw: string, neg: boolean): Partial<Marker> {
  const n = parseVnNumber(raw);
  if (n === null) return { problem: 'PERCENT_NOT_A_NUMBER', raw: `${raw}%` };
  if (neg) return { problem: 'PERCENT_NEGATIVE', raw: `-${raw}%`, value: -n };
  if (n > 100) return { problem: 'PERCENT_OVER_100', raw: `${raw}%`, value: n };
  return { value: n, raw };
}

export const SPECS: Spec[] = [
  // --- task reference ------------------------------------------------------
  {
    kind: 'TASKREF',
    // "chỉ tiêu 90" is a target, never task 90: an indicator is named by its sectioned number only ("chỉ tiêu B.CT.2")
    re: W(`(?:nv|nvu|nhiem ?vu|task)\\s*(?:so\\s*)?:?\\s*(?<ref>${REF})|chi tieu\\s*(?:so\\s*)?:?\\s*(?<ref3>[a-h]\\.${REF})|#\\s*(?<ref2>${REF})`),
    anyAccent: true,
    build: (m) => ({ ref: (m.groups?.ref ?? m.groups?.ref2 ?? m.groups?.ref3 ?? '').toUpperCase() }),
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
    // "30-40%", "chừng 30 đến 40%", "20% hay 35%": two values, the ask-back shows both
    re: W(`${INTRO}(?<a>${NUM})\\s*%?\\s*(?:-|\u2013|\u2014|~|den|toi|hay|hoac)\\s*(?:khoang\\s+)?(?<b>${NUM})\\s*${PCT}`),
    build: (m) => ({ raw: m[0], values: [parseVnNumber(m.groups!.a!) ?? NaN, parseVnNumber(m.groups!.b!) ?? NaN].filter((v) => Number.isFinite(v)) }),
  },
  {
    kind: 'PERCENT',
    re: W(`${INTRO}(?<neg>-|am\\s+)?(?<num>${NUM})\\s*${PCT}`),
    build: (m) => percentMarker(m.groups?.num ?? '', Boolean(m.groups?.neg)),
  },
  {
    // "được 3/4" → 75, "làm được 3/5 gói" → 60, "8/12 xã đã xong" → 66.7, "3 trên 5 gói thầu đã xong":
    // a fraction only next to a verb of progress (never a date: no third part); the words go to the note
    kind: 'PERCENT',
    re: W(
      `(?:(?:da|moi|vua)\\s+)?(?:(?:lam|thuc hien|${TK})\\s+)?(?:duoc|dc|dat|dat duoc|hoan thanh|ht|lam|${XONG})\\s+(?<a>\\d+)\\s*(?:\\/|tren)\\s*(?<b>\\d+)(?![\\d\\/])(?:\\s+${FRACTION_NOUN}){0,3}` +
        `|(?<a2>\\d+)\\s*(?:\\/|tren)\\s*(?<b2>\\d+)(?![\\d\\/])(?:\\s+${FRACTION_NOUN}){0,3}?\\s+(?:(?:da|deu)\\s+)?(?:${XONG}|hoan thanh|ht|${TK}|thuc hien)(?:\\s+(?:roi|r))?`,
    ),
    build: (m) => {
      const a = Number(m.groups?.a ?? m.groups?.a2);
      const b = Number(m.groups?.b ?? m.groups?.b2);
      const raw = `${m.groups?.a ?? m.groups?.a2}/${m.groups?.b ?? m.groups?.b2}`;
      if (!(b > 0)) return { problem: 'PERCENT_NOT_A_NUMBER', raw };
      const v = Math.round((a / b) * 1000) / 10;
      if (v > 100) return { problem: 'PERCENT_OVER_100', raw: `${raw} (${v}%)`, value: v };
      return { value: v, raw, fraction: true };
    },
  },
  {
    // "được một nửa" → 50
    kind: 'PERCENT',
    re: W(`(?:(?:da|moi|vua)\\s+)?(?:duoc|dc|dat|${XONG}|hoan thanh|ht)\\s+(?:mot|1)\\s+nua(?:\\s+(?:khoi luong|kl|cong viec))?`),
    build: () => ({ value: 50, raw: 'một nửa' }),
  },
  // "một nửa rồi anh": said alone at the start of a clause
  { kind: 'PERCENT', re: /(?<=^)mot\s+nua(?![a-z0-9])/dg, build: () => ({ value: 50, raw: 'một nửa' }) },
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
      `(?:van\\s+)?chua\\s+(?:(?:duoc|dc)\\s+)?(?:${TK}|tk|lam|thuc hien|bat dau|bat tay|khoi dong|tien hanh)(?:\\s+(?:lam|duoc|dc|thuc hien))?(?:\\s+(?:duoc|dc))?(?:\\s+gi)?|chua\\s+(?:lam|co)\\s+gi`,
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
  {
    // "đã nghiệm thu", "đưa vào sử dụng": the work is handed over, so done (a part of it leaves the words in the note)
    kind: 'DONE',
    re: W('(?:da|vua|moi)\\s+(?:nghiem thu|dua vao (?:su dung|van hanh|khai thac))(?:\\s+(?:xong|roi|r))*'),
    takes: true,
  },
  { kind: 'DONE', re: /(?<=^)dua vao (?:su dung|van hanh|khai thac)(?![a-z0-9])/dg, takes: true },
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
        // "kk: …", "kkvm …": the labels people type for khó khăn (vướng mắc)
        'kkvm',
        'kk(?=\\s*:)',
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
        '(?:(?:kinh|xin|rat|em)\\s+)?(?:de ?ngh?i|de xuat|kien nghi|dx)(?:\\s*[,\\/]?\\s*(?:va\\s+)?(?:de xuat|kien nghi))?',
        'xin(?:\\s+phep)?(?!\\s*(?:chao|cam on|loi|y kien|bao cao|gui|phep(?![a-z])|$))',
        '(?:(?:rat|kinh)\\s+)?mong(?:\\s+muon)?(?:\\s+(?:duoc|dc))?(?!\\s*$)',
      ].join('|'),
    ),
    takes: true,
  },
  DOC_SPEC,
];

