import { markUsed, matchesAt, type Token } from './tokens.ts';

/**
 * "của tôi", "việc tôi phụ trách" → the asker's own tasks (ME);
 * "đơn vị tôi", "xã mình", "bên em", "của chúng tôi" → the asker's unit (MY_UNIT).
 * "tới" folds like "tôi": a marked "tới" is never read as "tôi".
 */
const UNIT_WORDS = [['don', 'vi'], ['co', 'quan'], ['dia', 'phuong'], ['dac', 'khu'], ['xa'], ['phuong'], ['so'], ['ban'], ['ben'], ['nganh'], ['phong']];
const WE = [['chung', 'toi'], ['chung', 'em'], ['chung', 'minh'], ['chung', 'ta']];
const I = [['toi'], ['minh'], ['em'], ['tui']];
const ME_BEFORE = [['viec'], ['nhiem', 'vu'], ['cong', 'viec'], ['chi', 'tieu'], ['giao', 'cho']];
const ME_AFTER = [['phu', 'trach'], ['duoc', 'giao'], ['chu', 'tri'], ['dang', 'lam'], ['lam']];

function pronounAt(toks: Token[], i: number, list: string[][]): number {
  for (const p of list) {
    if (matchesAt(toks, i, p) && toks[i]!.raw.toLowerCase() !== 'tới') return p.length;
  }
  return 0;
}

export function extractMine(toks: Token[]): 'ME' | 'MY_UNIT' | null {
  let found: 'ME' | 'MY_UNIT' | null = null;
  for (let i = 0; i < toks.length; i++) {
    if (toks[i]!.used) continue;
    // [đơn vị|xã|bên…] (của)? [tôi|mình|em|chúng tôi]
    for (const u of UNIT_WORDS) {
      if (!matchesAt(toks, i, u)) continue;
      let k = i + u.length;
      if (toks[k]?.norm === 'cua' && !toks[k]!.used) k++;
      const p = pronounAt(toks, k, [...WE, ...I]);
      if (p > 0) {
        markUsed(toks, i, k + p);
        found = 'MY_UNIT';
      }
    }
    if (toks[i]!.used) continue;
    // (của)? chúng tôi
    {
      const k = toks[i]!.norm === 'cua' ? i + 1 : i;
      const p = pronounAt(toks, k, WE);
      if (p > 0) {
        markUsed(toks, i, k + p);
        found = 'MY_UNIT';
        continue;
      }
    }
    // của tôi
    if (toks[i]!.norm === 'cua') {
      const p = pronounAt(toks, i + 1, I);
      if (p > 0) {
        markUsed(toks, i, i + 1 + p);
        found ??= 'ME';
        continue;
      }
    }
    // việc tôi (phụ trách), giao cho tôi
    for (const b of ME_BEFORE) {
      if (!b.every((w, k) => toks[i + k]?.norm === w)) continue;
      const at = i + b.length;
      const p = pronounAt(toks, at, I);
      if (p > 0) {
        const a = ME_AFTER.find((x) => x.every((w, k) => toks[at + p + k]?.norm === w));
        markUsed(toks, at, at + p + (a?.length ?? 0));
        if (b[0] === 'giao') markUsed(toks, i, at);
        found ??= 'ME';
      }
    }
    // "tôi có việc gì…" at the start of a question
    if (i === 0 && pronounAt(toks, 0, I) > 0 && toks[1]?.norm === 'co') {
      markUsed(toks, 0, 1);
      found ??= 'ME';
      continue;
    }
    // tôi phụ trách, tôi được giao
    const p = pronounAt(toks, i, I);
    if (p > 0 && ME_AFTER.some((a) => a.every((w, k) => toks[i + p + k]?.norm === w))) {
      const a = ME_AFTER.find((x) => x.every((w, k) => toks[i + p + k]?.norm === w))!;
      markUsed(toks, i, i + p + a.length);
      found ??= 'ME';
    }
  }
  return found;
}
