import { markUsed, type Token } from './tokens.ts';

/**
 * "chậm hơn 90 ngày", "quá hạn trên 30 ngày", "trễ quá 2 tháng", "quá hạn
 * >= 2 tuần": a filter on days overdue, read before the time words so that
 * "90 ngày" is not taken for a window. The number is the threshold to pass:
 * overdue by more than it ("hơn 90" → 90, "từ 90" → 89).
 */
const LATE = new Set(['cham', 'tre', 'han', 'qua']);
const MORE = new Map([
  ['hon', 1],
  ['tren', 1],
  ['qua', 1],
  ['vuot', 1],
  ['>', 1],
  ['tu', 0],
  ['>=', 0],
  ['it', 0], // "ít nhất"
]);
const UNIT_DAYS: Record<string, number> = { ngay: 1, tuan: 7, thang: 30, nam: 365 };

export function extractMinDaysOverdue(toks: Token[], text: string): number | null {
  for (let i = 0; i < toks.length; i++) {
    const word = toks[i]!.norm;
    // "hơn 90 ngày", "ít nhất 90 ngày", or "> 90 ngày" (the sign is not a word)
    const more = MORE.get(word) ?? (text.slice(toks[i]!.start - 2, toks[i]!.start).includes('>') ? 1 : undefined);
    if (more === undefined) continue;
    const at = MORE.has(word) ? (word === 'it' && toks[i + 1]?.norm === 'nhat' ? i + 2 : i + 1) : i;
    const num = toks[at];
    const unit = toks[at + 1];
    if (!num || !unit || !/^\d{1,4}$/.test(num.norm) || !(unit.norm in UNIT_DAYS)) continue;
    // a lateness word just before ("chậm hơn", "quá hạn trên") or the comparison itself ("trễ quá")
    const late = word === 'qua' || toks.slice(Math.max(0, i - 3), i).some((t) => LATE.has(t.norm));
    if (!late) continue;
    markUsed(toks, i, at + 2);
    // "hơn 90 ngày" → more than 90; "từ 90 ngày", "ít nhất 90 ngày" → more than 89
    return Number(num.norm) * UNIT_DAYS[unit.norm]! - (1 - more);
  }
  return null;
}
