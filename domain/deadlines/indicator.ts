import type { ResultReading } from '../progress/result-text.ts';
import type { Comparator, IndicatorTarget } from './parse-deadline.ts';

/** Whether an indicator's actual value reaches its target ("đạt" / "chưa đạt"). */
export type IndicatorResult = 'MET' | 'NOT_MET' | 'UNKNOWN';

const EPSILON = 1e-9;

/**
 * Compares an actual value with a target. A reading's percentage only counts
 * against a '%' target; a number is taken to be in the target's unit. A range
 * ("khoảng 10–15%") is MET only if every value in it meets the target, NOT_MET
 * only if none does, and UNKNOWN otherwise: we never round a doubt into "đạt".
 */
export function indicatorResult(
  target: IndicatorTarget | null,
  actual: ResultReading | number | null,
): IndicatorResult {
  if (!target || actual === null) return 'UNKNOWN';
  if (typeof actual === 'number') return Number.isFinite(actual) ? verdict(target, actual, actual) : 'UNKNOWN';
  if (target.unit !== '%') return 'UNKNOWN';
  if (actual.percent !== null) return verdict(target, actual.percent, actual.percent);
  if (actual.range) return verdict(target, actual.range.low, actual.range.high);
  return 'UNKNOWN';
}

function verdict(target: IndicatorTarget, low: number, high: number): IndicatorResult {
  const meets = (x: number): boolean => compare(x, target.comparator, target.value);
  const lowMeets = meets(low);
  const highMeets = meets(high);
  if (lowMeets && highMeets) return 'MET';
  if (!lowMeets && !highMeets && !(target.comparator === '=' && low <= target.value && target.value <= high)) {
    return 'NOT_MET';
  }
  return 'UNKNOWN';
}

function compare(x: number, op: Comparator, v: number): boolean {
  switch (op) {
    case '>=':
      return x >= v - EPSILON;
    case '>':
      return x > v + EPSILON;
    case '<=':
      return x <= v + EPSILON;
    case '<':
      return x < v - EPSILON;
    case '=':
      return Math.abs(x - v) <= EPSILON;
  }
}
