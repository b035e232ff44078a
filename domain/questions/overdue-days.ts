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
    const more = MORE.get(toks[i]!.norm) ?? (text.slice(toks[i]!.start - 2, toks[i]!.start).includes('>') ? 1 : undefined);
    let n = i;
    if (toks[i]!.norm === 'it' && toks[i + 1]?.norm === 'nhat') n = i + 1;
    const numTok = MORE.has(toks[i]!.norm) ? toks[n + 1] : toks[i];
    const unitTok = MORE.has(toks[i]!.norm) ? toks[n + 2] : toks[i + 1];
    if (!numTok || !unitTok || !/^\d{1,4}$/.test(numTok.norm) || !(unitTok.norm in UNIT_DAYS)) continue;
    if (more === undefined) continue;
    // a lateness word just before ("chậm hơn", "quá hạn trên", "trễ quá")
    const before = toks.slice(Math.max(0, i - 3), i + (toks[i]!.norm === 'qua' ? 0 : 0)).map((t) => t.norm);
    const late = before.some((w) => LATE.has(w)) || toks[i]!.norm === 'qua';
    if (!late) continue;
    const end = MORE.has(toks[i]!.norm) ? n + 3 : i + 2;
    markUsed(toks, MORE.has(toks[i]!.norm) ? i : i, end);
    // "hơn 90 ngày" → more than 90; "từ 90 ngày", "ít nhất 90 ngày" → more than 89
    return Number(numTok.norm) * UNIT_DAYS[unitTok.norm]! - (1 - more);
  }
  return null;
}
