/** The markers found in one clause: every pattern tried, overlaps resolved (longest first, then by priority). */
import type { Clause } from './clauses.ts';
import { group } from './patterns.ts';
import { accentsAgree, type Shadow } from './shadow.ts';
import { SPECS } from './specs.ts';
import type { Marker, MarkerKind } from './types.ts';

const PRIORITY: Partial<Record<MarkerKind, number>> = { TASKREF: 3, DOC: 2, NO_DIFF: 1, NO_PROPOSAL: 1, PERCENT_BAD: -1 };

export function findMarkers(sh: Shadow, c: Clause, onlyRefs: boolean): Marker[] {
  const sub = sh.f.slice(c.s, c.e);
  const found: Marker[] = [];
  for (const spec of SPECS) {
    if (onlyRefs && spec.kind !== 'TASKREF') continue;
    const re = spec.re;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(sub))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const s = c.s + m.index;
      const e = s + m[0].replace(/\s+$/, '').length;
      const abs = (i: number) => c.s + i;
      const ok = spec.anyAccent || accentsAgree(sh, s, e);
      const extra = ok ? (spec.build ? spec.build(m, abs, sh, c.s, c.e) : {}) : null;
      if (!extra) {
        re.lastIndex = m.index + 1;
        continue;
      }
      const marker: Marker = { kind: spec.kind, s, e, ...extra };
      if (spec.pureOnly) marker.pureOnly = true;
      if (spec.takes) marker.takes = true;
      const tg = group(m, 'time');
      if (tg) marker.time = [abs(tg[0]), abs(tg[1])];
      found.push(marker);
      if (spec.kind === 'TASKREF') break;
    }
  }
  found.sort((a, b) => a.s - b.s || b.e - b.s - (a.e - a.s) || (PRIORITY[b.kind] ?? 0) - (PRIORITY[a.kind] ?? 0));
  const chosen: Marker[] = [];
  let end = -1;
  for (const mk of found) {
    if (mk.s < end) continue;
    chosen.push(mk);
    end = mk.e;
  }
  return chosen;
}

/** Does the content of `owner` stop at marker kind `k`? */
export function stopsAt(owner: MarkerKind, next: Marker): boolean {
  // "ht", "tk", "đạt" alone count only when surrounded by filler, so never inside other words.
  if (next.pureOnly) return false;
  switch (owner) {
    case 'PROPOSAL':
      return (
        (next.kind === 'EXPECTED' && Boolean(next.strongExpected)) ||
        next.kind === 'DIFF' ||
        next.kind === 'NO_DIFF' ||
        next.kind === 'PROPOSAL' ||
        next.kind === 'NOCHANGE'
      );
    case 'DIFF':
    case 'DIFF_WORD':
      return !['DIFF_WORD', 'DOC', 'TASKREF', 'PAST'].includes(next.kind);
    default:
      return true;
  }
}
