/**
 * Telex leftovers: on a phone whose Vietnamese keyboard is off, "nhiệm vụ quá
 * hạn" arrives as "nhieemj vuj quas hanj". A folded Vietnamese syllable never
 * ends in s, f, r, x or j (those are Telex's tone keys) and never holds "aa",
 * "ee", "oo", "aw", "ow", "uw" or "dd" (its vowel-mark keys), so a word that
 * only becomes a syllable once those keys are read as marks is decoded; any
 * other word is left alone ("ok", "5g", "cds").
 */

const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?';
/** Vowel groups that end a syllable (no final consonant may follow). */
const OPEN = 'ieu|yeu|oai|oay|uoi|uay|uyu|oeo|ai|ao|au|ay|eo|eu|iu|oi|ui|ia|ua|ya';
/** Vowel groups that may take a final consonant. */
const CLOSABLE = 'uye|uya|oa|oe|ie|ye|uo|ue|uy|a|e|i|o|u|y';
const SYLLABLE = new RegExp(`^${ONSET}(?:(?:${OPEN})|(?:${CLOSABLE})(?:ch|ng|nh|[cmnpt])?)$`);

/** True for a folded word that is one Vietnamese syllable ("nhiem", "quan", "ky"). */
export function isSyllable(word: string): boolean {
  return SYLLABLE.test(word);
}

/** The folded syllable a Telex-typed word stands for, or null when it is not one. */
export function decodeTelex(word: string): string | null {
  if (!/^[a-z]{2,8}$/.test(word) || isSyllable(word)) return null;
  // the tone key: last, or before the final consonant ("hanj", "dduowcj", "vieejt")
  let w = word.replace(/([aeiouyw])[sfrxj]((?:ch|ng|nh|[cmnpt])?)$/, '$1$2').replace(/((?:ch|ng|nh|[cmnpt]))[sfrxj]$/, '$1');
  // vowel marks: the doubled vowel or the "w" after it stands for â ê ô ă ơ ư, "dd" for đ
  w = w.replace(/^dd/, 'd').replace(/aa|ee|oo/g, (m) => m[0]!).replace(/([aou])w/g, '$1');
  return w !== word && isSyllable(w) ? w : null;
}

/**
 * Words typed without their spaces ("quáhạn", "nhiemvu", "cathai"): the
 * fewest Vietnamese syllables (two or three) that spell the folded word, or
 * null when it is one syllable or no split fits.
 */
export function splitGlued(word: string): string[] | null {
  if (!/^[a-z]{4,18}$/.test(word) || isSyllable(word)) return null;
  // a syllable inside a word starts with a consonant ("bao|nhieu", not "baonh|ieu")
  const inner = (w: string) => isSyllable(w) && /^[^aeiouy]/.test(w);
  for (let i = word.length - 1; i >= 1; i--) {
    if (isSyllable(word.slice(0, i)) && inner(word.slice(i))) return [word.slice(0, i), word.slice(i)];
  }
  for (let i = word.length - 2; i >= 1; i--) {
    if (!isSyllable(word.slice(0, i))) continue;
    for (let j = word.length - 1; j > i; j--) {
      if (inner(word.slice(i, j)) && inner(word.slice(j))) return [word.slice(0, i), word.slice(i, j), word.slice(j)];
    }
  }
  return null;
}
