import { freeNorm, markUsed, matchesAt, type Token } from './tokens.ts';
import type { Rank, RankBy } from './types.ts';

/**
 * Superlatives and rankings: "chậm nhất", "nhiều nhiệm vụ quá hạn nhất",
 * "tỷ lệ hoàn thành thấp nhất", "top 3", "xếp hạng", "đứng cuối". What is
 * ranked (the measure) is decided later from the whole question.
 *
 * "nhất" and "nhật" fold alike: an unmarked "nhat" right after "cap" is
 * "cập nhật", not a superlative.
 */
export type Polarity = 'BAD' | 'GOOD' | 'MORE' | 'LESS' | 'NONE';

export interface RankReading {
  polarity: Polarity;
  adjective: string | null;
  limit: number | null;
  fixedOrder: 'WORST' | 'BEST' | null;
}

export const DEFAULT_RANK_LIMIT = 5;

const POLARITY: Record<string, Polarity> = {
  cham: 'BAD',
  tre: 'BAD',
  kem: 'BAD',
  te: 'BAD',
  yeu: 'BAD',
  muon: 'BAD',
  tot: 'GOOD',
  nhanh: 'GOOD',
  som: 'GOOD',
  nhieu: 'MORE',
  cao: 'MORE',
  lau: 'MORE',
  it: 'LESS',
  thap: 'LESS',
};

const UNIT_NOUNS = [['don', 'vi'], ['xa'], ['phuong'], ['so'], ['dia', 'phuong'], ['dac', 'khu'], ['co', 'quan'], ['nganh']];

function isSuperlative(toks: Token[], i: number): boolean {
  const t = toks[i]!;
  if (t.used || t.norm !== 'nhat') return false;
  const raw = t.raw.toLowerCase();
  if (raw === 'nhất') return true;
  if (t.marked) return false;
  return toks[i - 1]?.norm !== 'cap' || toks[i - 2]?.norm === 'cap';
}

export function extractRank(toks: Token[]): RankReading | null {
  let reading: RankReading | null = null;
  const get = () => (reading ??= { polarity: 'NONE', adjective: null, limit: null, fixedOrder: null });

  for (let i = 0; i < toks.length; i++) {
    if (toks[i]!.used) continue;
    if (matchesAt(toks, i, ['bang', 'xep', 'hang']) || matchesAt(toks, i, ['xep', 'hang'])) {
      const len = toks[i]!.norm === 'bang' ? 3 : 2;
      markUsed(toks, i, i + len);
      get();
      continue;
    }
    if (toks[i]!.norm === 'top') {
      const n = freeNorm(toks, i + 1);
      const num = n && /^\d{1,2}$/.test(n) ? Number(n) : null;
      markUsed(toks, i, i + (num ? 2 : 1));
      const r = get();
      if (num && num > 0) r.limit = num;
      continue;
    }
    for (const [words, order, marked] of [
      [['dung', 'dau'], 'BEST', 'đứng'],
      [['dan', 'dau'], 'BEST', 'dẫn'],
      [['dung', 'cuoi'], 'WORST', 'đứng'],
      [['doi', 'so'], 'WORST', 'đội'],
      [['bet', 'bang'], 'WORST', 'bét'],
    ] as const) {
      // "chuyển đổi số" folds like "đội sổ": the first word must be typed as meant, or unmarked and not after "chuyển"
      const first = toks[i]!;
      const asMeant = first.marked ? first.raw.toLowerCase() === marked : toks[i - 1]?.norm !== 'chuyen';
      if (matchesAt(toks, i, words) && asMeant) {
        markUsed(toks, i, i + words.length);
        get().fixedOrder = order;
      }
    }
    if (isSuperlative(toks, i)) {
      // the adjective right before, or a few words back ("nhiều nhiệm vụ quá hạn nhất", "chậm cập nhật nhất")
      let adj = -1;
      for (let k = i - 1; k >= Math.max(0, i - 6); k--) {
        if (!toks[k]!.used && POLARITY[toks[k]!.norm]) {
          adj = k;
          break;
        }
      }
      if (adj < 0) continue;
      const r = get();
      r.adjective = toks[adj]!.norm;
      r.polarity = POLARITY[r.adjective] ?? 'NONE';
      markUsed(toks, adj, adj + 1);
      markUsed(toks, i, i + 1);
    }
  }
  if (reading) {
    const r: RankReading = reading;
    // "5 đơn vị chậm nhất", "3 xã"
    if (r.limit === null) {
      for (let i = 0; i < toks.length; i++) {
        const n = freeNorm(toks, i);
        if (!n || !/^\d{1,2}$/.test(n)) continue;
        if (UNIT_NOUNS.some((w) => w.every((x, k) => toks[i + 1 + k]?.norm === x)) && Number(n) > 0) {
          r.limit = Number(n);
          markUsed(toks, i, i + 1);
          break;
        }
      }
    }
  }
  return reading;
}

export interface MeasureHints {
  stale: boolean;
  overdue: boolean;
  done: boolean;
}

/** The measure and direction of a ranking, from its adjective and what else the question names. */
export function decideRank(r: RankReading, hints: MeasureHints): Rank {
  const by: RankBy = hints.stale
    ? 'STALE'
    : hints.overdue
      ? 'OVERDUE'
      : hints.done
        ? 'DONE_RATE'
        : r.polarity === 'BAD' || r.adjective === 'lau'
          ? 'OVERDUE'
          : 'DONE_RATE';
  const moreIsWorse = by !== 'DONE_RATE';
  const order =
    r.fixedOrder ??
    (r.polarity === 'BAD'
      ? 'WORST'
      : r.polarity === 'GOOD'
        ? 'BEST'
        : r.polarity === 'MORE'
          ? moreIsWorse
            ? 'WORST'
            : 'BEST'
          : r.polarity === 'LESS'
            ? moreIsWorse
              ? 'BEST'
              : 'WORST'
            : moreIsWorse
              ? 'WORST'
              : 'BEST');
  return { by, order, limit: r.limit ?? DEFAULT_RANK_LIMIT };
}
