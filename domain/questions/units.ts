import { distance } from 'fastest-levenshtein';
import type { UnitKind, UnitRef } from '../units/types.ts';
import { markUsed, normWords, rawSpan, STOP_WORDS, type Token } from './tokens.ts';

/**
 * Unit names in questions. Every unit gets a set of keys (word sequences,
 * folded and with abbreviations expanded): its name, its aliases, its name
 * with the kind word abbreviated ("ĐK", "P.", "UBND xã"), the kind word with
 * initials ("ĐK CH", "Sở KHCN") or the first words of a long name ("sở khoa
 * học"), and — for communes, wards and special zones only — the bare place
 * name ("Cát Hải"). Department names without "Sở" are ordinary words
 * ("xây dựng", "tài chính") and are not keys.
 *
 * Matching is in two passes. Strong keys (all but the bare place name) are
 * matched exactly first, before time and status words are read, so that no
 * unit name is mistaken for them. Bare place names and near misses
 * (Levenshtein ≤ 1 for keys under 10 letters, ≤ 2 for longer ones) are
 * matched last, on the words nothing else claimed.
 */

type KeyKind = 'NAME' | 'ALIAS' | 'PREFIXED' | 'CORE' | 'INITIALS' | 'PARTIAL';

interface UnitKey {
  unitId: number;
  words: string[];
  text: string;
  kind: KeyKind;
  strong: boolean;
  fuzzy: boolean;
}

interface KindPrefix {
  words: string[];
  variants: string[][];
}

const UBND = ['uy', 'ban', 'nhan', 'dan'];

/** Kind words that start unit names, and the ways people write them. */
const PREFIXES: KindPrefix[] = [
  { words: ['dac', 'khu'], variants: [['dac', 'khu'], [...UBND, 'dac', 'khu']] },
  { words: ['phuong'], variants: [['phuong'], ['p'], [...UBND, 'phuong']] },
  { words: ['xa'], variants: [['xa'], ['x'], [...UBND, 'xa']] },
  { words: ['so'], variants: [['so']] },
  { words: ['ban'], variants: [['ban']] },
  { words: ['truong', 'dai', 'hoc'], variants: [['truong', 'dai', 'hoc'], ['dai', 'hoc'], ['truong', 'dh'], ['dh']] },
];

const LOCAL: ReadonlySet<UnitKind> = new Set<UnitKind>(['COMMUNE', 'WARD', 'SPECIAL_ZONE']);

export interface UnitIndex {
  units: Map<number, UnitRef>;
  keys: UnitKey[];
  /** Strong keys of several words written as one ("sonoivu", "cathai"), by that word. */
  glued: Map<string, UnitKey[]>;
  /** The keys by their words joined with spaces (an exact match is a lookup of the words at a position). */
  byText: Map<string, UnitKey[]>;
  /** The most words a key has. */
  longest: number;
  /** The keys a near miss may match, by their first letter (a near miss keeps it). */
  fuzzyByLetter: Map<string, UnitKey[]>;
}

const cache = new WeakMap<UnitRef[], UnitIndex>();

function initials(words: string[], dropVa: boolean): string {
  return words
    .filter((w) => !(dropVa && w === 'va'))
    .map((w) => w[0] ?? '')
    .join('');
}

export function buildUnitIndex(units: UnitRef[]): UnitIndex {
  const hit = cache.get(units);
  if (hit) return hit;
  const keys: UnitKey[] = [];
  const seen = new Set<string>();
  const add = (unitId: number, words: string[], kind: KeyKind, strong: boolean, fuzzy: boolean) => {
    if (words.length === 0) return;
    const text = words.join(' ');
    const id = `${unitId}|${text}`;
    if (seen.has(id)) return;
    seen.add(id);
    keys.push({ unitId, words, text, kind, strong, fuzzy });
  };
  for (const u of units) {
    const name = normWords(u.name);
    add(u.id, name, 'NAME', true, true);
    for (const a of u.aliases) {
      const w = normWords(a);
      add(u.id, w, 'ALIAS', true, w.join(' ').length >= 5);
    }
    for (const source of [name, ...u.aliases.map(normWords)]) {
      const p = PREFIXES.find((pr) => pr.words.every((w, k) => source[k] === w) && source.length > pr.words.length);
      if (!p) continue;
      const core = source.slice(p.words.length);
      for (const v of p.variants) {
        add(u.id, [...v, ...core], 'PREFIXED', true, true);
        if (core.length >= 2) {
          for (const dropVa of [false, true]) {
            const ini = initials(core, dropVa);
            if (ini.length >= 2) add(u.id, [...v, ini], 'INITIALS', true, false);
          }
        }
        for (let n = 2; n < core.length; n++) {
          if (core[n - 1] !== 'va') add(u.id, [...v, ...core.slice(0, n)], 'PARTIAL', true, false);
        }
      }
      if (LOCAL.has(u.kind) && core.length >= 2) {
        add(u.id, core, 'CORE', false, true);
        add(u.id, [...UBND, ...core], 'PREFIXED', true, true);
      }
    }
  }
  // the Front's usual short names ("Mặt trận", "Mặt trận Tổ quốc", "MTTQ", "UBMTTQ thành phố", "Ủy ban MTTQ")
  for (const u of units) {
    const name = normWords(u.name).join(' ');
    if (!name.includes('mat tran to quoc')) continue;
    const front = ['mat', 'tran', 'to', 'quoc'];
    for (const w of [['mat', 'tran'], front, ['uy', 'ban', ...front], ['uy', 'ban', ...front, 'thanh', 'pho']]) add(u.id, w, 'ALIAS', true, false);
  }
  const glued = new Map<string, UnitKey[]>();
  for (const k of keys) {
    const word = k.words.join('');
    if (k.strong && k.words.length >= 2 && word.length >= 6) glued.set(word, [...(glued.get(word) ?? []), k]);
  }
  const byText = new Map<string, UnitKey[]>();
  let longest = 0;
  const fuzzyByLetter = new Map<string, UnitKey[]>();
  const push = (m: Map<string, UnitKey[]>, key: string, k: UnitKey) => {
    const list = m.get(key);
    if (list) list.push(k);
    else m.set(key, [k]);
  };
  for (const k of keys) {
    push(byText, k.text, k);
    longest = Math.max(longest, k.words.length);
    if (k.fuzzy) push(fuzzyByLetter, k.text[0]!, k);
  }
  const index = { units: new Map(units.map((u) => [u.id, u])), keys, glued, byText, longest, fuzzyByLetter };
  cache.set(units, index);
  return index;
}

export interface UnitMatch {
  start: number;
  end: number;
  text: string;
  unitIds: number[];
}

interface Candidate {
  start: number;
  end: number;
  unitId: number;
  dist: number;
  quality: number;
}

const KIND_EDGE = new Set(['xa', 'phuong', 'so', 'ban', 'dac', 'p', 'x']);

function fuzzyLimit(key: string): number {
  return key.length < 10 ? 1 : 2;
}

/** Levenshtein, with two neighbouring letters swapped ("cat hia") counted as one slip. */
function nearDistance(a: string, b: string): number {
  const d = distance(a, b);
  if (d !== 2 || a.length !== b.length) return d;
  for (let i = 0; i + 1 < a.length; i++) {
    if (a[i] !== b[i]) return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2) ? 1 : d;
  }
  return d;
}

function edgeOk(t: Token): boolean {
  return !STOP_WORDS.has(t.norm) || KIND_EDGE.has(t.norm);
}

/**
 * Finds unit names among the unused words and claims them. Pass 'strong'
 * matches strong keys exactly; pass 'weak' matches bare place names exactly
 * and every fuzzy-enabled key approximately. Several units fitting one phrase
 * equally come back together (the caller asks which).
 */
export function matchUnits(text: string, toks: Token[], index: UnitIndex, pass: 'strong' | 'weak', tasksSay?: (words: string[]) => boolean): UnitMatch[] {
  const cands: Candidate[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (toks[i]!.used) continue;
    if (pass === 'strong') {
      for (const k of index.glued.get(toks[i]!.norm) ?? []) cands.push({ start: i, end: i + 1, unitId: k.unitId, dist: 0, quality: 1 });
    }
    // the free words from i, one more at a time, looked up whole: a thousand "Đơn vị N" share their first words,
    // and testing each key that starts with "đơn" was most of a question's reading
    let words = '';
    for (let len = 1; len <= index.longest && i + len <= toks.length; len++) {
      const t = toks[i + len - 1]!;
      if (t.used) break;
      words = len === 1 ? t.norm : `${words} ${t.norm}`;
      for (const k of index.byText.get(words) ?? []) {
        if ((pass === 'strong') !== k.strong) continue;
        cands.push({ start: i, end: i + len, unitId: k.unitId, dist: 0, quality: k.kind === 'INITIALS' || k.kind === 'PARTIAL' ? 1 : 0 });
      }
    }
  }
  if (pass === 'weak') {
    for (let i = 0; i < toks.length; i++) {
      for (let len = 1; len <= 7 && i + len <= toks.length; len++) {
        const span = toks.slice(i, i + len);
        if (span.some((t) => t.used || /^\d+$/.test(t.norm))) break;
        // a near miss starts with a name or kind word; its last word may be anything ("cat hay" for "Cát Hải")
        if (!edgeOk(span[0]!)) continue;
        const joined = span.map((t) => t.norm).join(' ');
        if (joined.replace(/ /g, '').length < 4) continue;
        // words the tasks themselves use together are their subject, not a misspelt unit ("an ninh mạng" is not "Ninh Giang")
        if (len >= 2 && tasksSay?.(span.map((t) => t.norm))) continue;
        for (const k of index.fuzzyByLetter.get(joined[0]!) ?? []) {
          if (Math.abs(k.words.length - len) > 1) continue;
          const limit = fuzzyLimit(k.text);
          if (Math.abs(k.text.length - joined.length) > limit) continue;
          const d = nearDistance(joined, k.text);
          if (d > 0 && d <= limit) cands.push({ start: i, end: i + len, unitId: k.unitId, dist: d, quality: 0 });
        }
      }
    }
  }

  const out: UnitMatch[] = [];
  let pool = cands;
  while (pool.length > 0) {
    pool.sort((a, b) => a.dist - b.dist || b.end - b.start - (a.end - a.start) || a.quality - b.quality || a.start - b.start);
    const best = pool[0]!;
    const ids = [
      ...new Set(
        pool
          .filter((c) => c.start === best.start && c.end === best.end && c.dist === best.dist && c.quality === best.quality)
          .map((c) => c.unitId),
      ),
    ].sort((a, b) => a - b);
    markUsed(toks, best.start, best.end);
    out.push({ start: best.start, end: best.end, text: rawSpan(text, toks, best.start, best.end), unitIds: ids });
    pool = pool.filter((c) => c.end <= best.start || c.start >= best.end);
  }
  return out.sort((a, b) => a.start - b.start);
}
