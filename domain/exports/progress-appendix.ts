/**
 * The progress appendix (the layout of seed 003) for one unit, as rows:
 * plan headings (A, B…), sections (I, II…), groups (1, 2…) and items with
 * their state as of a date. The xlsx writer only lays these rows out; the
 * import reads them back to the same data.
 */
import { compareNumbers } from '../tasks/types.ts';
import { PROGRESS_FIELDS, type ProgressFields } from '../progress/fields.ts';
import type { ProgressState } from '../status/derive-status.ts';

export interface ExportItem {
  planId: number;
  planCode: string;
  planTitle: string;
  kind: 'TASK' | 'INDICATOR';
  sectionCode: string;
  sectionTitle: string | null;
  groupCode: string | null;
  groupTitle: string | null;
  label: string;
  number: string;
  position: number;
  title: string;
  deadlineText: string | null;
  progress: ProgressFields | null;
  /** What became of the row's tracked proposals and explanation requests (issue 15), one line each, after the officer's text in the proposals column. */
  followUp?: string[];
}

export type AppendixRow =
  | { type: 'heading'; level: 'plan' | 'section' | 'group'; label: string; title: string }
  | { type: 'item'; cells: [string, string, string, string, string, string, string, string, string] };

const LETTERS = 'ABCDEFGHJKLMNOPQRSTUWYZ'; // I, V and X are left out: they read as Roman numerals

/** The result cell written for progress that came without one (chat updates): what the import reads back the same. */
export function canonicalResultText(p: { state: ProgressState; percent: number | null; actualValue: number | null }, kind: 'TASK' | 'INDICATOR'): string | null {
  const value = kind === 'INDICATOR' ? p.actualValue : p.percent;
  if (p.state === 'NOT_STARTED') return 'Chưa triển khai';
  if (p.state === 'IN_PROGRESS') return value !== null ? `Đang triển khai (${formatNumber(value)}%)` : 'Đang triển khai';
  return value !== null && value !== 100 ? `Đạt ${formatNumber(value)}%` : null;
}

/**
 * Whether a row of the appendix says what is already known. A result cell that an export
 * wrote for a chat update (which had none) is the same news, not a change.
 */
export function sameProgress(known: ProgressFields, row: ProgressFields, kind: 'TASK' | 'INDICATOR'): boolean {
  return PROGRESS_FIELDS.every((f) =>
    f === 'actualText' && known.actualText === null && row.actualText === canonicalResultText(known, kind) ? true : (known[f] ?? null) === (row[f] ?? null),
  );
}

function formatNumber(n: number): string {
  return String(Math.round(n * 100) / 100).replace('.', ',');
}

export function appendixRows(items: ExportItem[]): AppendixRow[] {
  const rows: AppendixRow[] = [];
  const plans = [...new Set(items.map((i) => i.planId))];
  const firstPos = (planId: number) => Math.min(...items.filter((i) => i.planId === planId).map((i) => i.position));
  plans.sort((a, b) => firstPos(a) - firstPos(b));
  // Letters already used by a unit's own items ("A.I…") keep theirs; other plans take the next free letter.
  const letterOf = new Map<number, string>();
  for (const planId of plans) {
    const own = items.find((i) => i.planId === planId && /^[A-Z]\./.test(i.sectionCode));
    if (own) letterOf.set(planId, own.sectionCode[0]!);
  }
  const used = new Set(letterOf.values());
  for (const planId of plans) {
    if (letterOf.has(planId)) continue;
    const free = [...LETTERS].find((l) => !used.has(l))!;
    letterOf.set(planId, free);
    used.add(free);
  }
  plans.sort((a, b) => letterOf.get(a)!.localeCompare(letterOf.get(b)!));

  for (const planId of plans) {
    const ofPlan = items.filter((i) => i.planId === planId).sort((a, b) => a.position - b.position || compareNumbers(a.number, b.number));
    const letter = letterOf.get(planId)!;
    rows.push({ type: 'heading', level: 'plan', label: letter, title: ofPlan[0]!.planTitle });
    let section: string | null = null;
    let group: string | null = null;
    for (const item of ofPlan) {
      const sectionLabel = item.sectionCode.replace(/^[A-Z]\./, '');
      if (item.sectionCode !== section) {
        section = item.sectionCode;
        group = null;
        if (sectionLabel && sectionLabel !== letter) {
          const blank = sectionLabel === 'CT' || sectionLabel === 'NV' || sectionLabel === 'X';
          rows.push({ type: 'heading', level: 'section', label: blank ? '' : sectionLabel, title: item.sectionTitle ?? sectionLabel });
        }
      }
      if (item.groupCode && item.groupCode !== group) {
        group = item.groupCode;
        rows.push({ type: 'heading', level: 'group', label: item.groupCode, title: item.groupTitle ?? item.groupCode });
      }
      const p = item.progress;
      const result = p ? (p.actualText ?? canonicalResultText(p, item.kind)) : null;
      rows.push({
        type: 'item',
        cells: [
          item.label,
          item.title,
          item.deadlineText ?? '',
          p?.outputDocument ?? '',
          p?.state === 'DONE' ? 'x' : '',
          result ?? '',
          p?.expectedCompletionText ?? '',
          p?.difficulties ?? '',
          [p?.proposals, ...(item.followUp ?? [])].filter(Boolean).join('\n'),
        ],
      });
    }
  }
  return rows;
}
