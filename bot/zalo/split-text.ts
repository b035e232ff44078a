/**
 * Splits long replies for Zalo's `sendMessage`, whose `text` is limited to
 * 2000 characters. Whether Zalo counts UTF-16 units or code points is
 * undocumented, so we count UTF-16 units (`String#length`), which is never
 * more lenient than the server.
 */

/** Zalo's documented limit for `text` and `caption`. */
export const ZALO_TEXT_LIMIT = 2000;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Splits `text` into chunks of at most `max` UTF-16 units, cutting at the best
 * boundary in the second half of each window: a blank line, then a line
 * break before an item (a line that is not indented), then any line break, then the end of a sentence, then a space, and only as a last resort
 * between two grapheme clusters (never inside a surrogate pair, a combining
 * accent of decomposed Vietnamese, or an emoji sequence).
 *
 * The whitespace at a cut is dropped (a space, or the line breaks between two
 * paragraphs); everything else is kept, in order. Returns `[]` for `''`.
 */
export function splitText(text: string, max: number = ZALO_TEXT_LIMIT): string[] {
  if (!Number.isInteger(max) || max < 2) throw new RangeError('splitText: max must be an integer ≥ 2');
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = findCut(rest, max);
    const chunk = rest.slice(0, cut).trimEnd();
    if (chunk !== '') chunks.push(chunk);
    rest = dropLeadingSeparator(rest.slice(cut));
  }
  if (rest !== '' && (rest.trim() !== '' || chunks.length === 0)) chunks.push(rest);
  return chunks;
}

/** Index in `text` (length > max) where the next chunk ends (exclusive), 0 < cut ≤ max. */
function findCut(text: string, max: number): number {
  const window = text.slice(0, max + 1); // one unit of look-ahead: is the unit after the window a space?
  const floor = Math.floor(max / 2); // never settle for a chunk shorter than half the limit
  for (const boundary of BOUNDARIES) {
    const at = lastMatchEnd(window, boundary, floor, max);
    if (at !== undefined) return at;
  }
  return graphemeCut(text, max);
}

/**
 * Each pattern matches a separator; the chunk ends where the match starts
 * (for whitespace) or right after the punctuation (for sentences).
 * Lookbehind keeps the punctuation with its sentence.
 */
const BOUNDARIES: RegExp[] = [
  /\n[^\S\n]*\n\s*/g, // paragraph: a blank line
  /\n(?=\S)/g, // between items: a line that is not indented (a task's own lines are)
  /\n\s*/g, // line break
  /(?<=[.!?…;:][)"'”’»\]]*)\s+/g, // end of sentence (or clause), then whitespace
  /\s+/g, // any whitespace
];

function lastMatchEnd(window: string, re: RegExp, floor: number, max: number): number | undefined {
  let best: number | undefined;
  re.lastIndex = 0;
  for (let m = re.exec(window); m !== null; m = re.exec(window)) {
    const start = m.index;
    if (start >= floor && start <= max) best = start;
    if (m[0].length === 0) re.lastIndex++;
  }
  return best;
}

/** The last grapheme boundary at or before `max` (a code point boundary if one cluster is longer than `max`). */
function graphemeCut(text: string, max: number): number {
  let last = 0;
  // Segment a little past the window so the cluster straddling `max` is seen whole;
  // a segment starting exactly at `max` means cutting at `max` is safe.
  for (const { index } of graphemes.segment(text.slice(0, max + 64))) {
    if (index > max) break;
    last = index;
  }
  if (last > 0) return last;
  // One cluster longer than the limit (e.g. a stack of combining marks): cut between code points.
  let cut = max;
  if (isHighSurrogate(text.charCodeAt(cut - 1)) && isLowSurrogate(text.charCodeAt(cut))) cut--;
  return cut;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** After a cut: drop the line breaks (keeping the next line's indentation) or the spaces that separated the chunks. */
function dropLeadingSeparator(rest: string): string {
  const lines = /^\s*\n/.exec(rest);
  if (lines !== null) return rest.slice(lines[0].length);
  return rest.replace(/^[^\S\n]+/, '');
}
