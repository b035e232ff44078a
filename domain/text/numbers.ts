/**
 * Vietnamese numbers said as words, as speech-to-text returns them and as
 * people type them out: "bảy mươi lăm" (75), "sáu chục" (60), "chín lăm"
 * (95, colloquial), "hai mươi mốt" (21), "một trăm" (100), and fractions
 * "hai phần ba" (2/3), "một nửa". Read on folded words (no diacritics);
 * `agreesWithNumberWord` checks the accents when the person typed them
 * ("tầm" is "about", not "tám").
 */
import { fold } from '../shared/text.ts';

const UNITS: Record<string, number> = { mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, lam: 5, sau: 6, bay: 7, tam: 8, chin: 9 };
/** The accented spellings each folded number word stands for. */
const SPELLINGS: Record<string, string[]> = {
  mot: ['một', 'mốt'], hai: ['hai'], ba: ['ba'], bon: ['bốn'], tu: ['tư'], nam: ['năm'], lam: ['lăm'], sau: ['sáu'],
  bay: ['bảy', 'bẩy'], tam: ['tám'], chin: ['chín'], muoi: ['mười', 'mươi'], chuc: ['chục'], tram: ['trăm'], linh: ['linh'], le: ['lẻ'],
};

/** One folded number word, as a regex alternative. */
export const NUMBER_WORD = `(?:${Object.keys(SPELLINGS).join('|')})`;
/** The words that may follow "phần" in a fraction ("hai phần ba", "ba phần tư"). */
export const DENOMINATOR_WORD = '(?:hai|ba|tu|bon|nam|sau|bay|tam|chin|muoi)';

/** The value of folded number words ("bay muoi lam" → 75), or null when they do not make a number. */
export function numberFromWords(words: string[]): number | null {
  if (!words.length) return null;
  let total = 0;
  let digit: number | null = null;
  for (const w of words) {
    if (w === 'linh' || w === 'le') continue;
    if (w === 'tram') {
      total += (digit ?? 1) * 100;
      digit = null;
    } else if (w === 'muoi' || w === 'chuc') {
      if (digit === null && w === 'chuc') return null;
      total += (digit ?? 1) * 10;
      digit = null;
    } else if (UNITS[w] !== undefined) {
      // "chín lăm": two digits in a row are tens and units
      if (digit !== null) total += digit * 10;
      digit = UNITS[w]!;
    } else return null;
  }
  return total + (digit ?? 0);
}

/** The denominator of a fraction word ("ba" → 3, "tư" → 4). */
export function denominator(word: string): number | null {
  return word === 'tu' ? 4 : (numberFromWords([word]) ?? null);
}

/** True when a typed word may be the number word it folds to (always, when typed without diacritics). */
export function agreesWithNumberWord(typed: string): boolean {
  const t = typed.toLowerCase().normalize('NFC');
  const spellings = SPELLINGS[fold(t)];
  if (!spellings) return false;
  if (t === fold(t)) return true;
  return spellings.includes(t);
}
