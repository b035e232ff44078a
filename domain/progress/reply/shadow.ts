/**
 * The folded shadow of a reply: f[i] is the folded form (no diacritics, lower
 * case) of one original character, so every match on the folded text maps
 * back to the words as typed.
 */
import { fold } from '../../shared/text.ts';

export interface Shadow {
  /** Original text, NFC, spaces collapsed. */
  o: string;
  /** Folded text, same number of characters for every Vietnamese letter. */
  f: string;
  /** at[i] = index in `o` of the character that produced f[i]. */
  at: number[];
  /** The officer typed with diacritics somewhere in the message. */
  accented: boolean;
}

export function prepare(text: string): Shadow {
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

export function origIndex(sh: Shadow, fi: number): number {
  return fi >= sh.at.length ? sh.o.length : sh.at[fi]!;
}

export function orig(sh: Shadow, s: number, e: number): string {
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

export function agrees(typed: string, accented: string): boolean {
  const t = [...typed.toLowerCase()];
  const a = [...accented];
  if (t.length !== a.length) return false;
  return t.every((c, i) => c === a[i] || c === fold(a[i]!));
}

/** Every ambiguous word inside [s, e) agrees with its intended accented form. */
export function accentsAgree(sh: Shadow, s: number, e: number): boolean {
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
