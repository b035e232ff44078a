import { fold } from '../shared/text.ts';
import { freeNorm, markUsed, matchesAt, normWords, rawSpan, type Token } from './tokens.ts';
import type { PlanRef } from './types.ts';

/**
 * Plan references: "KH 12", "kế hoạch số 238", "12-KH/TU", "chương trình 2026",
 * a plan's title or alias. Resolution 57 itself ("NQ 57", "57-NQ/TW") is the
 * umbrella of everything and is read as no filter at all.
 */
export interface PlanReading {
  planId: number | null;
  /** Several plans fit the reference ("KH 12" when two plans are numbered 12). */
  candidates: PlanRef[];
  /** A plan reference that names no known plan, as typed. */
  unknown: string | null;
}

const CODE_LIKE = /^\d+[/-]?(?:kh|ctr|nq|tb|qd|ct|bc)\b/;

/** Codes read before, with their key (a bounded set: emptied past a city's worth). */
const codeKeys = new Map<string, string>();

function codeKey(s: string): string {
  let key = codeKeys.get(s);
  if (key === undefined) {
    if (codeKeys.size > 50_000) codeKeys.clear();
    key = fold(s).replace(/[^a-z0-9]/g, '');
    codeKeys.set(s, key);
  }
  return key;
}

function leadingNumber(code: string): number | null {
  const m = /^(\d+)/.exec(code.trim());
  return m ? Number(m[1]) : null;
}

function isProgramme(p: PlanRef): boolean {
  return fold(p.code).startsWith('ctr') || fold(p.title).startsWith('chuong trinh');
}

function isResolution(p: PlanRef): boolean {
  return /nq/.test(codeKey(p.code).replace(/^\d+/, ''));
}

function isYearLike(n: number): boolean {
  return n >= 1900 && n <= 2100;
}

interface PlanIndex {
  /** Titles and aliases as words, longest first. */
  phrases: { plan: PlanRef; words: string[]; text: string }[];
  /** Plans by their code's key. */
  byCode: Map<string, PlanRef[]>;
}

/** Built once per list of plans (the process's, shared by every question until the plans change). */
const indexes = new WeakMap<PlanRef[], PlanIndex>();

function indexOf(plans: PlanRef[]): PlanIndex {
  let index = indexes.get(plans);
  if (!index) {
    const phrases = plans
      .flatMap((p) => [p.title, ...p.aliases].map((a) => ({ plan: p, words: normWords(a) })))
      .filter((x) => x.words.length > 0)
      .sort((a, b) => b.words.length - a.words.length)
      .map((x) => ({ ...x, text: x.words.join(' ') }));
    const byCode = new Map<string, PlanRef[]>();
    for (const p of plans) {
      const key = codeKey(p.code);
      byCode.set(key, [...(byCode.get(key) ?? []), p]);
    }
    index = { phrases, byCode };
    indexes.set(plans, index);
  }
  return index;
}

export function extractPlan(text: string, toks: Token[], plans: PlanRef[]): PlanReading {
  const none: PlanReading = { planId: null, candidates: [], unknown: null };
  let found: PlanReading | null = null;
  const settle = (r: PlanReading) => {
    if (!found) found = r;
  };

  // Resolution 57 is the frame of the whole bot, not a filter.
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.used) continue;
    if (/^57[/-]?nq/.test(t.norm)) markUsed(toks, i, i + 1);
    else if (matchesAt(toks, i, ['nghi', 'quyet'])) {
      const o = freeNorm(toks, i + 2) === 'so' ? 1 : 0;
      const num = freeNorm(toks, i + 2 + o) ?? '';
      if (num === '57' || /^57[/-]?nq/.test(num)) markUsed(toks, i, i + 3 + o);
    }
  }

  const { phrases, byCode } = indexOf(plans);
  const withCode = (code: string) => byCode.get(codeKey(code)) ?? [];
  for (let i = 0; i < toks.length; i++) {
    for (const ph of phrases) {
      if (matchesAt(toks, i, ph.words)) {
        const same = phrases.filter((o) => o.text === ph.text).map((o) => o.plan);
        const distinct = [...new Map(same.map((p) => [p.id, p])).values()];
        markUsed(toks, i, i + ph.words.length);
        settle(distinct.length === 1 ? { planId: ph.plan.id, candidates: [], unknown: null } : { planId: null, candidates: distinct, unknown: null });
        break;
      }
    }
  }

  const byNumber = (n: number, pick: (p: PlanRef) => boolean) => plans.filter((p) => leadingNumber(p.code) === n && pick(p));
  const result = (list: PlanRef[], typed: string): PlanReading =>
    list.length === 1
      ? { planId: list[0]!.id, candidates: [], unknown: null }
      : list.length > 1
        ? { planId: null, candidates: list, unknown: null }
        : { planId: null, candidates: [], unknown: typed };

  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.used) continue;
    // A code typed as such: "12-KH/TU", "238/KH-UBND", "CTr-2026".
    const exact = withCode(t.norm);
    if (exact.length > 0 && /\d/.test(t.norm) && /[a-z]/.test(t.norm)) {
      markUsed(toks, i, i + 1);
      settle(result(exact, t.raw));
      continue;
    }
    if (CODE_LIKE.test(t.norm)) {
      markUsed(toks, i, i + 1);
      settle(result([], t.raw));
      continue;
    }
    // "kế hoạch (số) 12", "kế hoạch 12-KH/TU", "nghị quyết 71"
    const isKh = matchesAt(toks, i, ['ke', 'hoach']);
    const isNq = matchesAt(toks, i, ['nghi', 'quyet']);
    if (isKh || isNq) {
      const o = freeNorm(toks, i + 2) === 'so' ? 1 : 0;
      const arg = freeNorm(toks, i + 2 + o);
      if (arg === undefined) continue;
      const coded = withCode(arg);
      const num = leadingNumber(arg);
      if (coded.length > 0) {
        markUsed(toks, i, i + 3 + o);
        settle(result(coded, rawSpan(text, toks, i, i + 3 + o)));
      } else if (num !== null && /^\d+([/-].*)?$/.test(arg) && !isYearLike(num)) {
        markUsed(toks, i, i + 3 + o);
        const list = byNumber(num, (p) => (isNq ? isResolution(p) : !isProgramme(p) && !isResolution(p)));
        settle(result(list, rawSpan(text, toks, i, i + 3 + o)));
      }
      continue;
    }
    // "chương trình (công tác) (năm) 2026"
    if (matchesAt(toks, i, ['chuong', 'trinh'])) {
      let k = i + 2;
      if (freeNorm(toks, k) === 'cong' && freeNorm(toks, k + 1) === 'tac') k += 2;
      if (freeNorm(toks, k) === 'nam') k += 1;
      const y = freeNorm(toks, k);
      const m = y ? /^(?:ctr-?)?(\d{4})$/.exec(y) : null;
      if (m) {
        const year = Number(m[1]);
        markUsed(toks, i, k + 1);
        const list = plans.filter((p) => isProgramme(p) && (p.year === year || codeKey(p.code).endsWith(String(year))));
        settle(result(list, rawSpan(text, toks, i, k + 1)));
      }
    }
  }
  return found ?? none;
}
