import { freeNorm, markUsed, type Token } from './tokens.ts';

/**
 * Task numbers as plans print them: "22", "II.6", "A.I.1.3", "3.10". A bare
 * number only counts after "nhiệm vụ", "chỉ tiêu" or "mục" ("nhiệm vụ 22",
 * "chỉ tiêu số 1.1"); a dotted number with a Roman part ("II.6") counts alone.
 */
const REF_RE = /^(?:[a-z]\.)?(?:[ivx]{1,4}|\d{1,3})(?:\.(?:[ivx]{1,4}|\d{1,3}))*$/;
const DOTTED_ROMAN_RE = /^(?:(?:[a-z]\.)?[ivx]{1,4}\.\d{1,3}(?:\.\d{1,3})*|[a-z]\.[ivx]{1,4}(?:\.\d{1,3})*)$/;
const LEADS: string[][] = [['nhiem', 'vu'], ['chi', 'tieu'], ['muc']];

function acceptable(t: Token): boolean {
  if (!REF_RE.test(t.norm)) return false;
  // A Roman numeral alone ("II") must be typed in capitals, so "nhiệm vụ v…" is not a number.
  if (!/\d/.test(t.norm) && !t.norm.includes('.') && t.raw !== t.raw.toUpperCase()) return false;
  return true;
}

export function extractTaskRef(toks: Token[]): string | null {
  for (let i = 0; i < toks.length; i++) {
    const lead = LEADS.find((l) => toks.length > i + l.length && l.every((w, k) => toks[i + k]!.norm === w));
    if (lead) {
      let k = i + lead.length;
      const filler = freeNorm(toks, k);
      if (filler === 'so' || filler === 'thu') k++;
      const t = toks[k];
      if (t && !t.used && acceptable(t)) {
        // "nhiệm vụ"/"chỉ tiêu" stay for the item kind; "mục" says nothing more
        markUsed(toks, lead[0] === 'muc' ? i : i + lead.length, k + 1);
        return t.norm.toUpperCase();
      }
    }
  }
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (!t.used && DOTTED_ROMAN_RE.test(t.norm)) {
      markUsed(toks, i, i + 1);
      return t.norm.toUpperCase();
    }
  }
  return null;
}
