import { fold } from '../shared/text.ts';
import { CITY_AGENCY_KINDS, LOCAL_KINDS, type UnitKind, type UnitRef } from '../units/types.ts';
import { isSignificant, markUsed, matchesAt, rawSpan, STOP_WORDS, type Token } from './tokens.ts';

/**
 * Kind words: "xã nào", "các phường", "sở, ban, ngành", "địa phương". Read as
 * a kind when plural ("các", "những", "bao nhiêu", "danh sách", "số", several
 * kinds listed, or followed by "nào"). A lone kind word pointing at one unit
 * ("tiến độ của Sở", "vướng mắc của đặc khu") is ambiguous between all units
 * of that kind; a kind word followed by an unknown name ("xã Tân Tiến") is an
 * unknown unit.
 *
 * "xa", "phuong", "so", "ban" typed without marks are also everyday words
 * (xa, phương án, số, bạn/ban hành): without marks they count only in a plural
 * or possessive reading, never as "Sở" alone.
 */

interface KindWord {
  words: string[];
  kinds: UnitKind[];
  plural?: boolean;
  /** The marked spelling that makes a one-word kind certain (null: never certain alone). */
  marked?: string | null;
  /** Words that, following the unmarked kind word, make an ordinary compound. */
  compounds?: string[];
  /** Words that, before the kind word, make an ordinary compound ("cơ sở", "chuyển đổi số"). */
  notAfter?: string[];
  /** Words that make a compound even after the marked spelling ("xã hội", "sở hữu"). */
  alwaysCompounds?: string[];
}

const KIND_WORDS: KindWord[] = [
  { words: ['co', 'quan', 'don', 'vi', 'dia', 'phuong'], kinds: [], plural: true },
  { words: ['so', 'ban', 'nganh'], kinds: [...CITY_AGENCY_KINDS], plural: true },
  { words: ['so', 'nganh'], kinds: ['DEPARTMENT'], plural: true },
  { words: ['dia', 'phuong'], kinds: [...LOCAL_KINDS], plural: true },
  { words: ['truong', 'dai', 'hoc'], kinds: ['UNIVERSITY'] },
  { words: ['dac', 'khu'], kinds: ['SPECIAL_ZONE'] },
  { words: ['dai', 'hoc'], kinds: ['UNIVERSITY'] },
  { words: ['nganh'], kinds: ['DEPARTMENT'] },
  { words: ['xa'], kinds: ['COMMUNE'], marked: 'xã', compounds: ['hoi'], alwaysCompounds: ['hoi'] },
  { words: ['phuong'], kinds: ['WARD'], marked: 'phường', compounds: ['an', 'thuc', 'phap', 'tien', 'huong', 'cham', 'trinh'] },
  {
    words: ['so'],
    kinds: ['DEPARTMENT'],
    marked: 'sở',
    compounds: ['hoa', 'lieu', 'luong', 'sanh', 'bo', 'do', 'nhiem', 'chi', 'viec', 'don', 'xa', 'phuong', 'dac', 'dia'],
    notAfter: ['co', 'doi', 'ky', 'te', 'quyen'],
    alwaysCompounds: ['huu', 'thich', 'truong'],
  },
  { words: ['ban'], kinds: ['PARTY_BODY'], marked: null, compounds: ['hanh', 'giao', 'dau', 'do', 'than', 'oi', 'be'], notAfter: ['co'] },
];

const ONE_WORD_PLURAL = new Set(['cac', 'nhung', 'moi', 'may', 'tung', 'nhieu']);
const TWO_WORD_PLURAL = new Set(['tat ca', 'toan bo', 'bao nhieu', 'danh sach', 'liet ke']);

type Certainty = 'certain' | 'plain' | 'none';

function certainty(kw: KindWord, t: Token): Certainty {
  if (kw.words.length > 1 || kw.marked === undefined) return 'certain';
  const lower = t.raw.toLowerCase();
  if (kw.marked !== null && lower === kw.marked) return 'certain';
  return t.marked ? 'none' : 'plain';
}

function kindAt(toks: Token[], i: number): KindWord | null {
  const before = toks[i - 1]?.norm;
  return (
    KIND_WORDS.find(
      (k) =>
        matchesAt(toks, i, k.words) &&
        !(before && k.notAfter?.includes(before)) &&
        !k.alwaysCompounds?.includes(toks[i + k.words.length]?.norm ?? ''),
    ) ?? null
  );
}

function pluralBefore(toks: Token[], i: number): boolean {
  const p1 = toks[i - 1];
  const p2 = toks[i - 2];
  if (!p1) return false;
  if (ONE_WORD_PLURAL.has(p1.norm)) return true;
  if (p2 && TWO_WORD_PLURAL.has(`${p2.norm} ${p1.norm}`)) return true;
  // "top 3 xã", "5 phường"
  if (/^\d+$/.test(p1.norm)) return true;
  // "số xã", "số đơn vị": the counting "số", not "Sở"
  return p1.norm === 'so' && p1.raw.toLowerCase() !== 'sở';
}

export interface KindReading {
  kinds: UnitKind[];
  /** "các cơ quan, đơn vị, địa phương": every unit. */
  everyUnit: boolean;
}

/** Plural kind words and lists of kinds; claims their words. */
export function extractPluralKinds(toks: Token[]): KindReading {
  const kinds = new Set<UnitKind>();
  let everyUnit = false;
  for (let i = 0; i < toks.length; i++) {
    if (toks[i]!.used) continue;
    const first = kindAt(toks, i);
    if (!first) continue;
    const group: Array<{ kw: KindWord; start: number; end: number }> = [];
    let j = i;
    let kw: KindWord | null = first;
    while (kw) {
      const c = certainty(kw, toks[j]!);
      const next = toks[j + kw.words.length];
      if (c === 'none' || (c === 'plain' && next && kw.compounds?.includes(next.norm))) break;
      group.push({ kw, start: j, end: j + kw.words.length });
      j += kw.words.length;
      let k = j;
      if (toks[k] && !toks[k]!.used && (toks[k]!.norm === 'va' || toks[k]!.norm === 'hoac')) k++;
      kw = toks[k] && !toks[k]!.used ? kindAt(toks, k) : null;
      if (kw) j = k;
    }
    if (group.length === 0) continue;
    const end = group[group.length - 1]!.end;
    const plural =
      group.length >= 2 || group.some((g) => g.kw.plural) || pluralBefore(toks, i) || toks[end]?.norm === 'nao';
    if (!plural) continue;
    for (const g of group) {
      if (g.kw.kinds.length === 0) everyUnit = true;
      for (const k of g.kw.kinds) kinds.add(k);
    }
    markUsed(toks, i, end);
    i = end - 1;
  }
  return { kinds: [...kinds], everyUnit };
}

export interface BareKindReading {
  kinds: UnitKind[];
  resolved: number[];
  ambiguous: { text: string; candidateIds: number[] } | null;
  unknown: string | null;
}

/** Words that can be part of a name: free, not digits, not filler (a capitalised word always can: "Hà Nội"). */
function nameRun(toks: Token[], from: number): number {
  let e = from;
  while (e < toks.length && e - from < 4) {
    const t = toks[e]!;
    if (t.used || /^\d/.test(t.norm) || (STOP_WORDS.has(t.norm) && !isTitleCase(t))) break;
    e++;
  }
  return e;
}

/**
 * Heads that begin several unit names without being a kind ("Ủy ban …",
 * "Văn phòng …"): alone, they point at one of those units.
 */
const NAME_HEADS: string[][] = [
  ['uy', 'ban'],
  ['van', 'phong'],
];

/** The units whose folded name begins with these words, whole words only. */
function namedFrom(units: UnitRef[], words: string[]): number[] {
  const prefix = `${words.join(' ')} `;
  return units
    .filter((u) => `${fold(u.name)} `.startsWith(prefix))
    .map((u) => u.id)
    .sort((a, b) => a - b);
}

/** Words that lead to a unit when an unmarked kind word follows them ("tiến độ so", "của ban"). */
const LEADS_TO_UNIT = new Set(['cua', 'o', 'tai', 'thuoc', 'do']);

/**
 * Where an unmarked "so"/"ban"/"xa"/"phuong" can only be a unit: after a
 * pointing word or "tiến độ", or opening the question ("xa qua han gi").
 */
function unitPosition(toks: Token[], i: number): boolean {
  if (i === 0) return true;
  const before = toks[i - 1]!.norm;
  if (before === 'do') return toks[i - 2]?.norm === 'tien';
  return LEADS_TO_UNIT.has(before);
}

/**
 * Lone kind words and name heads left after unit names were matched. Followed
 * by a name: the units whose name begins so ("xã Thanh" → Thanh Hà, Thanh
 * Miện: asked which; none: an unknown unit). Alone and not plural (plurals
 * were read as kinds before): the units of that name or kind, asked which —
 * "tiến độ của Sở" never answers for every department, nor picks one.
 */
export function resolveBareKinds(text: string, toks: Token[], units: UnitRef[], singular: boolean): BareKindReading {
  const out: BareKindReading = { kinds: [], resolved: [], ambiguous: null, unknown: null };
  const pick = (ids: number[], i: number, end: number) => {
    if (ids.length === 1) out.resolved.push(ids[0]!);
    else if (ids.length > 1 && out.ambiguous === null) out.ambiguous = { text: rawSpan(text, toks, i, end), candidateIds: ids };
    markUsed(toks, i, end);
  };
  for (let i = 0; i < toks.length; i++) {
    if (toks[i]!.used) continue;
    const head = NAME_HEADS.find((h) => matchesAt(toks, i, h));
    if (head) {
      const after = i + head.length;
      const runEnd = nameRun(toks, after);
      const named = runEnd > after ? namedFrom(units, toks.slice(i, runEnd).map((t) => t.norm)) : [];
      if (named.length > 0) pick(named, i, runEnd);
      else if (toks[after] === undefined || toks[after]!.used || STOP_WORDS.has(toks[after]!.norm) || runEnd === after) pick(namedFrom(units, head), i, after);
      if (toks[i]!.used) i = Math.max(i, (named.length ? runEnd : after) - 1);
      continue;
    }
    const kw = kindAt(toks, i);
    if (!kw || kw.kinds.length === 0) continue;
    const c = certainty(kw, toks[i]!);
    if (c === 'none') continue;
    const after = i + kw.words.length;
    const next = toks[after];
    const compound = c === 'plain' && next !== undefined && (kw.compounds ?? []).includes(next.norm);
    if (compound) continue;
    // unmarked "so", "ban" are everyday words ("số", "bạn") except where only a unit fits
    if (c === 'plain' && (kw.words[0] === 'so' || kw.words[0] === 'ban') && !unitPosition(toks, i)) continue;
    const runEnd = nameRun(toks, after);
    if (runEnd > after) {
      const named = namedFrom(units, toks.slice(i, runEnd).map((t) => t.norm));
      if (named.length > 0) pick(named, i, runEnd);
      else {
        if (out.unknown === null) out.unknown = rawSpan(text, toks, i, runEnd);
        markUsed(toks, i, runEnd);
      }
      i = runEnd - 1;
      continue;
    }
    if (!singular && !unitPosition(toks, i)) {
      // "ngân sách đặc khu", "cấp xã": part of a phrase the words before it began
      const before = toks[i - 1]!;
      if (c === 'plain' || (!before.used && isSignificant(before))) continue;
    }
    const byName = namedFrom(units, kw.words);
    const candidates = byName.length ? byName : units.filter((u) => kw.kinds.includes(u.kind)).map((u) => u.id).sort((a, b) => a - b);
    if (candidates.length === 0) {
      out.kinds.push(...kw.kinds);
      markUsed(toks, i, after);
    } else pick(candidates, i, after);
  }
  return out;
}

function isTitleCase(t: Token): boolean {
  const r = t.raw;
  return r.length >= 2 && /^\p{Lu}/u.test(r) && r.slice(1) === r.slice(1).toLowerCase() && /^\p{L}+$/u.test(r);
}

/**
 * Words that look like a place nobody knows: after "ở"/"tại" ("quá hạn ở Hà
 * Nội"), or two or more capitalised words in a row ("tiến độ Tân Tiến").
 */
const POINTING_FORMS: Record<string, string> = { o: 'ở', tai: 'tại', cua: 'của', thuoc: 'thuộc' };

export function findUnknownUnit(text: string, toks: Token[]): string | null {
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const form = POINTING_FORMS[t.norm];
    // "tài chính" is not "tại chính": a marked word must be the pointing word itself
    if (t.used || !form || (t.marked && t.raw.toLowerCase() !== form)) continue;
    const e = nameRun(toks, i + 1);
    if (e === i + 1 || !/^\p{L}/u.test(toks[i + 1]!.raw)) continue;
    // "của"/"thuộc" also lead topics, and an unmarked "tai" is often "tài" ("tai chinh"): those need a capitalised name
    const needsCapitals = t.norm === 'cua' || t.norm === 'thuoc' || (t.norm === 'tai' && !t.marked);
    if (needsCapitals && !toks.slice(i + 1, e).every(isTitleCase)) continue;
    markUsed(toks, i + 1, e);
    return rawSpan(text, toks, i + 1, e);
  }
  // Place names are two or three capitalised syllables; a longer capitalised run is a title ("Bình Dân Học Vụ Số").
  for (let i = 0; i < toks.length; i++) {
    if (i > 0 && !toks[i - 1]!.used && isTitleCase(toks[i - 1]!)) continue;
    let e = i;
    while (e < toks.length && !toks[e]!.used && isTitleCase(toks[e]!)) e++;
    if (e - i >= 2 && e - i <= 3) {
      markUsed(toks, i, e);
      return rawSpan(text, toks, i, e);
    }
  }
  return null;
}
