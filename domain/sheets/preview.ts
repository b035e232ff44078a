/**
 * What the bot says about a workbook: the preview (changes listed, at most
 * a page of them, then a count), the refusals, and the "Áp dụng" / "Huỷ"
 * prompt whose choice ids carry the stored upload's id.
 */
import type { ProgressFields } from '../progress/fields.ts';
import { line, raw, t, type Choice, type Line, type Reply } from '../chat/reply.ts';
import { shorten } from '../shared/text.ts';
import type { FileRefusal } from './inspect.ts';
import type { ProgressPreview } from './progress-match.ts';

/** Changes shown in one preview; the rest are counted. */
export const PREVIEW_PAGE = 15;

export type SheetRefusal = FileRefusal | 'unknown-layout' | 'not-allowed' | 'no-unit' | 'download-failed';

export interface ImportPreviewModel {
  fileName: string;
  summary: { tasksCreated: number; tasksChanged: number; tasksUnchanged: number; unitsCreated: number; unitsChanged: number; peopleCreated: number; peopleChanged: number; updatesCreated: number };
  changes: { change: 'created' | 'changed'; number: string; title: string }[];
}

export function refusalReply(code: SheetRefusal, args: { name: string; maxMb?: number; sizeMb?: string; layout?: string }): Reply {
  return { lines: [line(t(`sheets-refused-${code}`, args)), line(t('sheets-nothing-changed'))] };
}

export function problemsReply(name: string, problems: string[]): Reply {
  return {
    lines: [
      line(t('sheets-refused-problems', { name, count: problems.length }), { strong: true }),
      ...problems.slice(0, PREVIEW_PAGE).map((p) => line(raw(p), { indent: true })),
      ...(problems.length > PREVIEW_PAGE ? [line(t('sheets-more', { count: problems.length - PREVIEW_PAGE }), { indent: true })] : []),
      line(t('sheets-nothing-changed')),
    ],
  };
}

/** "Áp dụng", "Huỷ", and "Xem thêm" (the preview's next page) when more changes follow. */
export function confirmChoices(uploadId: number, nextOffset?: number): Choice[] {
  return [
    { id: `sh:apply:${uploadId}`, label: t('sheets-apply'), words: ['ap dung', 'dong y', 'co', 'ok'] },
    { id: `sh:cancel:${uploadId}`, label: t('sheets-cancel'), words: ['khong', 'bo qua'] },
    ...(nextOffset !== undefined ? [{ id: `sh:more:${uploadId}:${nextOffset}`, label: t('sheets-more-choice'), words: ['xem them', 'tiep', 'xem tiep'] }] : []),
  ];
}

export interface SheetChoice {
  action: 'apply' | 'cancel' | 'more';
  uploadId: number;
  /** The first change of the page asked for ("Xem thêm"). */
  offset: number;
}

export function parseSheetChoice(id: string): SheetChoice | null {
  const m = /^sh:(apply|cancel|more):(\d+)(?::(\d+))?$/.exec(id);
  return m ? { action: m[1] as SheetChoice['action'], uploadId: Number(m[2]), offset: Number(m[3] ?? 0) } : null;
}

/** The page of `list` from `offset`, and where the next one starts (undefined: none). */
function pageOf<T>(list: T[], offset: number): { page: T[]; rest: number; next: number | undefined } {
  const page = list.slice(offset, offset + PREVIEW_PAGE);
  const rest = Math.max(0, list.length - offset - page.length);
  return { page, rest, next: rest > 0 ? offset + PREVIEW_PAGE : undefined };
}

export function importPreview(m: ImportPreviewModel, uploadId: number, offset = 0): Reply {
  const shown = pageOf(m.changes, offset);
  const s = m.summary;
  const total = s.tasksCreated + s.tasksChanged + s.tasksUnchanged;
  const lines: Line[] = [
    line(t('sheets-import-title', { name: m.fileName }), { strong: true }),
    ...(total ? [line(t('sheets-import-tasks', { total, created: s.tasksCreated, changed: s.tasksChanged, unchanged: s.tasksUnchanged }))] : []),
    ...(s.unitsCreated + s.unitsChanged ? [line(t('sheets-import-units', { created: s.unitsCreated, changed: s.unitsChanged }))] : []),
    ...(s.peopleCreated + s.peopleChanged ? [line(t('sheets-import-people', { created: s.peopleCreated, changed: s.peopleChanged }))] : []),
    ...(s.updatesCreated ? [line(t('sheets-import-updates', { count: s.updatesCreated }))] : []),
    ...shown.page.map((c) => line(t(`sheets-change-${c.change}`, { number: c.number, title: shorten(c.title, 80) }), { indent: true })),
    ...(shown.rest ? [line(t('sheets-more', { count: shown.rest }), { indent: true })] : []),
    line(t('sheets-ask')),
  ];
  return { lines, choices: confirmChoices(uploadId, shown.next) };
}

const SHOWN: (keyof ProgressFields)[] = ['state', 'percent', 'actualValue', 'outputDocument', 'expectedCompletionText', 'difficulties', 'proposals'];

function shown(f: keyof ProgressFields, v: ProgressFields[keyof ProgressFields] | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  if (f === 'percent') return `${String(v).replace('.', ',')}%`;
  return shorten(String(v), 60);
}

/** The preview of a unit's progress appendix; `uploadId` null when nothing would change (no prompt). */
export function progressPreview(p: ProgressPreview, m: { fileName: string; unitName: string }, uploadId: number | null, offset = 0): Reply {
  const lines: Line[] = [line(t('sheets-progress-title', { name: m.fileName, unit: m.unitName, changed: p.changes.length, unchanged: p.unchanged }), { strong: true })];
  const changes = pageOf(p.changes, offset);
  for (const c of changes.page) {
    lines.push(line(t('sheets-progress-task', { number: c.item.number, title: shorten(c.item.title, 70), row: c.row }), { indent: true }));
    // The result text changes with the % it holds: shown once, as the %.
    const fields = SHOWN.filter((f) => c.fields.includes(f) || (f === 'percent' && c.fields.includes('actualText') && c.item.kind === 'TASK'));
    for (const f of fields) {
      const args = { field: f, old: f === 'state' ? (c.before?.state ?? 'NONE') : shown(f, c.before?.[f]), new: f === 'state' ? c.after.state : shown(f, c.after[f]) };
      lines.push(line(t(f === 'state' ? 'sheets-progress-state' : 'sheets-progress-field', args), { indent: true }));
    }
  }
  if (changes.rest) lines.push(line(t('sheets-more', { count: changes.rest }), { indent: true }));
  // rows that match nothing and other units' rows are said on the first page only
  const first = offset === 0;
  for (const u of first ? p.unmatched.slice(0, PREVIEW_PAGE) : []) lines.push(line(t('sheets-progress-unmatched', { sheet: u.sheet, row: u.row, label: u.label, title: shorten(u.title, 60) })));
  if (first && p.unmatched.length > PREVIEW_PAGE) lines.push(line(t('sheets-more', { count: p.unmatched.length - PREVIEW_PAGE })));
  for (const o of first ? p.otherUnits.slice(0, PREVIEW_PAGE) : []) lines.push(line(t('sheets-progress-other-unit', { sheet: o.sheet, row: o.row ?? 'none', unit: o.unitName, rows: o.rows })));
  if (uploadId === null) return { lines: [...lines, line(t('sheets-nothing-new'))] };
  return { lines: [...lines, line(t('sheets-ask'))], choices: confirmChoices(uploadId, changes.next) };
}
