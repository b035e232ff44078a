import { markUsed, type Token } from './tokens.ts';

/**
 * A section of an appendix, as leaders name it: "mục II phần A" (A.II),
 * "muc 2 phan A" (the same: an appendix numbers its parts in Roman), "mục 3
 * phần A.I" (the group A.I.3), "mục B.NV", "phần B", "mục III" of the
 * programme. Only sections the tasks have count (`known`, from the store), so
 * "phần mềm" stays a word and "mục 22" stays task 22.
 */

const ROMAN: Array<[number, string]> = [
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

function toRoman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) while (n >= v) (out += s), (n -= v);
  return out;
}

const CODE_RE = /^[a-z0-9]{1,4}(?:\.[a-z0-9]{1,4})*$/;

/** A word as a section code ("a.ii" → "A.II"), or null. */
function code(t: Token | undefined): string | null {
  if (!t || t.used) return null;
  const c = t.norm.replace(/\.+$/, '');
  return CODE_RE.test(c) ? c.toUpperCase() : null;
}

/** The codes a part written after "mục" can stand for under a parent: "2" is "2" or "II". */
function children(parent: string | null, part: string): string[] {
  const join = (p: string) => (parent ? `${parent}.${p}` : p);
  const out = [join(part)];
  if (/^\d{1,2}$/.test(part)) out.push(join(toRoman(Number(part))));
  return out;
}

/** A single letter or a short code after "phần" must be typed as a code ("phần A", "phan A.I"): "phần a" is not read. */
function partCode(t: Token | undefined, known: ReadonlySet<string>): string | null {
  const c = code(t);
  if (!c || !known.has(c)) return null;
  if (/^[A-Z]$/.test(c) && t!.raw.replace(/\.+$/, '') !== c) return null;
  return c;
}

function claim(toks: Token[], i: number, n: number, section: string): string {
  markUsed(toks, i, i + n);
  return section;
}

export function extractSection(toks: Token[], known: ReadonlySet<string>): string | null {
  if (known.size === 0) return null;
  const at = (i: number, w: string) => toks[i]?.norm === w && !toks[i]!.used;
  for (let i = 0; i < toks.length; i++) {
    // "mục II phần A", "muc 2 phan A.I"
    if (at(i, 'muc') && at(i + 2, 'phan')) {
      const part = code(toks[i + 1]);
      const parent = partCode(toks[i + 3], known);
      const hit = part && parent ? children(parent, part).find((c) => known.has(c)) : undefined;
      if (hit) return claim(toks, i, 4, hit);
    }
    // "phần A mục 2"
    if (at(i, 'phan') && at(i + 2, 'muc')) {
      const parent = partCode(toks[i + 1], known);
      const part = code(toks[i + 3]);
      const hit = part && parent ? children(parent, part).find((c) => known.has(c)) : undefined;
      if (hit) return claim(toks, i, 4, hit);
    }
  }
  for (let i = 0; i < toks.length; i++) {
    // "mục B.NV", "mục III" (never digits alone: "mục 22" is task 22)
    if (at(i, 'muc')) {
      const c = code(toks[i + 1]);
      if (c && !/^\d+$/.test(c) && known.has(c) && (c.includes('.') || toks[i + 1]!.raw.toUpperCase() === toks[i + 1]!.raw)) return claim(toks, i, 2, c);
    }
    // "phần B", "phan A.I"
    if (at(i, 'phan')) {
      const c = partCode(toks[i + 1], known);
      if (c) return claim(toks, i, 2, c);
    }
  }
  return null;
}

/** Every section key with its parents: "A.I.3" gives "A", "A.I", "A.I.3". */
export function sectionKeys(keys: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const k of keys) {
    const parts = k.toUpperCase().split('.');
    for (let n = 1; n <= parts.length; n++) out.add(parts.slice(0, n).join('.'));
  }
  return out;
}

/** The section key of a task: its section, and group when it has one ("A.I" + "3"). */
export function taskSection(sectionCode: string, groupCode: string | null | undefined): string {
  return groupCode ? `${sectionCode}.${groupCode}` : sectionCode;
}

/** A task is in a section when its key is the section or lies under it. */
export function inSection(key: string, section: string): boolean {
  return key === section || key.startsWith(`${section}.`);
}
