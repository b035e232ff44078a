/** Filler words and the clean-up of a piece of text kept as a field (connectives trimmed, first letter capitalised). */
import { fold, words } from '../../shared/text.ts';
import { agrees } from './shadow.ts';

const FILLER_PHRASES = [
  'em bao cao', 'xin bao cao', 'kinh bao cao', 'bao cao', 'bc', 'kinh gui', 'gui',
  'cap nhat tien do', 'cap nhat', 'tien do hien tai', 'tien do', 'hien tai', 'hien nay', 'hien',
  'tinh den nay', 'den nay', 'den thoi diem nay', 'thoi diem nay', 'cu the nhu sau', 'nhu sau', 'cu the',
  'nhiem vu nay', 'nhiem vu', 'nv', 'viec nay', 'cong viec', 'khoi luong', 'kl',
  'xin chao', 'chao', 'xin cam on', 'cam on', 'camon', 'thanks', 'thank you', 'thank', 'tks',
  'ok', 'oke', 'okie', 'okay', 'vang', 'da', 'a', 'oi', 'ah', 'uh', 'u', 'nhe', 'nha', 'roi', 'r',
  'em', 'anh', 'chi', 'minh', 'toi', 'ad', 'admin', 'bot',
  'thi', 'la', 'va', 'nhung', 'con', 'tuy nhien', 'dong thoi', 'ngoai ra', 'do', 'vi', 'boi vi', 'nen', 'vi vay', 'ma',
  'duoc', 'dc', 'het', 'ca', 'toan bo', 'luon', 'vay', 'the', 'nay',
  'sp', 'san pham dau ra', 'san pham', 'dau ra', 'kem theo', 'theo', 'da ban hanh', 'ban hanh',
  'da co', 'co', 'tai', 'bang', 'voi', 'cua', 'van ban',
  'gio', 'bay gio', 'ky nay', 'thang nay', 'tuan nay', 'thuc te', 'moi', 'ma', 'ket qua', 'kq', 'tinh hinh', 'trang thai', 'tt', 'muc do', 'ty le', 'tl', '%',
].map((p) => p.split(' '));

export function isFiller(text: string): boolean {
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
  ['vs', 'vs'],
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

export function cleanPiece(text: string, content: boolean, strict: boolean): string {
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

export function capitalize(s: string): string {
  const first = [...s][0];
  if (!first) return s;
  return first.toLocaleUpperCase('vi') + s.slice(first.length);
}
