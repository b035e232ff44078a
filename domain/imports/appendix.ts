/**
 * Reads the two appendix layouts officials already have:
 * - assignment (seed 001): STT, task, directing leader, lead unit,
 *   coordinating units, output, deadline; section rows I–IX;
 * - progress (seed 003): STT, task, deadline, output document, done mark,
 *   % in progress, expected completion, difficulties, proposals; nested
 *   heading rows (A / I / 1 …) between data rows.
 * Pure: a grid in, items and row-level problems out. Nothing is guessed:
 * a row that cannot be read is a problem, and one problem refuses the file.
 */
import { withoutFollowUp } from '../accountability/proposals.ts';
import { namesImpossibleDate, parseDeadline } from '../deadlines/parse-deadline.ts';
import type { ProgressFields } from '../progress/fields.ts';
import { readResultText } from '../progress/result-text.ts';
import { fold, parseVnNumber } from '../shared/text.ts';
import { isDay, makeDay, type Day } from '../shared/day.ts';
import { cell, type Grid, type ImportProblem } from './grid.ts';
import { describeColumn, findHeader, type ColumnKey, type HeaderInfo } from './columns.ts';
import { findPlanReference, type PlanReference } from './plans.ts';

export type Layout = 'assignment' | 'progress';
export type ItemKind = 'TASK' | 'INDICATOR';
export type { ProgressState } from '../status/derive-status.ts';
import type { ProgressState } from '../status/derive-status.ts';

export type ParsedProgress = ProgressFields;

export interface ParsedItem {
  sheet: string;
  row: number;
  plan: PlanReference;
  kind: ItemKind;
  sectionCode: string;
  sectionTitle: string | null;
  groupCode: string | null;
  groupTitle: string | null;
  /** The STT as written ("1.1", "22.") */
  label: string;
  /** Unique inside plan (and unit scope): "A.I.1.1", "22". */
  number: string;
  title: string;
  deadlineText: string | null;
  // assignment layout
  leadUnitText: string | null;
  coordinatingText: string | null;
  directingLeader: string | null;
  expectedOutput: string | null;
  // progress layout
  progress: ParsedProgress | null;
  /** The unit named in a "Đơn vị báo cáo" column, if any. */
  reportingUnitText: string | null;
}

export interface ParsedSheet {
  sheet: string;
  layout: Layout;
  /** The reporting unit named in the title rows (progress layout), e.g. "Đặc khu Cát Hải". */
  titleUnitText: string | null;
  items: ParsedItem[];
  /** Deadline texts kept as text because their form is unknown (not errors). */
  flaggedDeadlines: { row: number; text: string }[];
  /** "số liệu đến ngày 14/11/2025" in the title rows: the day the figures speak about. */
  asOf: Day | null;
}

export interface ParseOptions {
  /** Plan to use when the sheet names none (`--plan`). */
  plan?: PlanReference;
}

const ROMAN = /^(?=[IVXLC]+$)M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const LETTER = /^[A-Z]$/;
const ARABIC = /^\d+(\.\d+)*\.?$/;

type LabelKind = 'letter' | 'roman' | 'arabic' | 'blank';
function labelKind(label: string): LabelKind {
  const l = label.trim().replace(/\.$/, '');
  if (!l) return 'blank';
  // A lone C, D, L or M is a part letter (A, B, C…); sections never run to 50.
  if (LETTER.test(l) && !/^[IVX]$/.test(l)) return 'letter';
  if (ROMAN.test(l)) return 'roman';
  return 'arabic';
}

interface Heading {
  kind: LabelKind;
  code: string;
  title: string;
  row: number;
}

const DONE_MARKS = new Set(['x', 'v', '✓', '✔', 'co', 'roi', 'da hoan thanh', 'hoan thanh', 'xong', 'da xong', '1', 'true', 'dat']);

function itemKindOf(headings: Heading[]): ItemKind | null {
  for (let i = headings.length - 1; i >= 0; i--) {
    const t = fold(headings[i]!.title);
    const ct = t.indexOf('chi tieu');
    const nv = t.indexOf('nhiem vu');
    if (ct >= 0 && (nv < 0 || ct < nv)) return 'INDICATOR';
    if (nv >= 0) return 'TASK';
  }
  return null;
}

/** A blank heading label gets a code from its kind: "THỰC HIỆN CÁC CHỈ TIÊU" → CT, "THỰC HIỆN NHIỆM VỤ" → NV. */
function blankCode(title: string): string {
  const t = fold(title);
  if (t.includes('chi tieu')) return 'CT';
  if (t.includes('nhiem vu')) return 'NV';
  return 'X';
}

function sectionAndGroup(stack: Heading[]): { sectionCode: string; sectionTitle: string | null; groupCode: string | null; groupTitle: string | null } {
  const letters = stack.filter((h) => h.kind === 'letter');
  const rest = stack.filter((h) => h.kind !== 'letter');
  const prefix = letters.map((h) => h.code);
  if (rest.length === 0) {
    const top = letters[letters.length - 1];
    return { sectionCode: prefix.join('.') || '', sectionTitle: top?.title ?? null, groupCode: null, groupTitle: null };
  }
  const section = rest[0]!;
  const groups = rest.slice(1);
  const group = groups[groups.length - 1];
  return {
    sectionCode: [...prefix, section.code].join('.'),
    sectionTitle: section.title,
    groupCode: groups.length ? groups.map((g) => g.code).join('.') : null,
    groupTitle: group?.title ?? null,
  };
}

/** The row is a heading when everything right of the STT repeats the title (a merged row) or is empty. */
function headingTitle(grid: Grid, row: number, header: HeaderInfo): string | null {
  const numberCol = header.columns.number ?? 1;
  const titleCol = header.columns.title ?? numberCol + 1;
  const title = cell(grid, row, titleCol);
  if (!title) return null;
  const width = Math.max(...Object.keys(header.labels).map(Number), grid.rows[row - 1]?.length ?? 0);
  for (let c = 1; c <= width; c++) {
    if (c === numberCol || c === titleCol) continue;
    const v = cell(grid, row, c);
    if (v && v !== title) return null;
  }
  return title;
}

function clean(text: string): string | null {
  const t = text.replace(/\r\n/g, '\n').trim();
  return t ? t : null;
}

/** Finds the reporting unit in title rows: "ỦY BAN NHÂN DÂN\nĐẶC KHU CÁT HẢI" → "ĐẶC KHU CÁT HẢI". */
function titleUnit(grid: Grid, header: HeaderInfo): string | null {
  for (let r = 1; r < header.headerRow - 1; r++) {
    const stated = /^\s*(?:Đơn vị báo cáo|Đơn vị)\s*:\s*(.+?)\s*$/iu.exec(cell(grid, r, 1));
    if (stated) return stated[1]!;
  }
  for (let r = 1; r < header.headerRow - 1; r++) {
    const first = cell(grid, r, 1);
    if (!first) continue;
    const lines = first.split(/\n/).map((l) => l.trim()).filter(Boolean);
    const named = lines.filter((l) => !/^(uy ban nhan dan|ubnd|dang bo|dang uy|cong hoa|doc lap|phu luc)\b/.test(fold(l)));
    const unitLine = named.find((l) => /^(xa|phuong|dac khu|so|ban|van phong|uy ban|cong an|thanh uy|truong)\b/.test(fold(l)));
    if (unitLine && lines.length > 1) return unitLine;
  }
  return null;
}

/** "số liệu đến ngày 14/11/2025": the day, null when the title states none, 'bad' when the stated day does not exist. */
function titleDate(text: string): Day | null | { bad: string } {
  const m = /(?:số liệu )?(?:đến|tính đến) ngày (\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d+)/iu.exec(text);
  if (!m) return null;
  const day = makeDay(+m[3]!, +m[2]!, +m[1]!);
  return m[3]!.length === 4 && isDay(day) && !namesImpossibleDate(m[0]) ? day : { bad: m[0] };
}

function layoutOf(columns: Partial<Record<ColumnKey, number>>): Layout | null {
  if (columns.done !== undefined || columns.inProgress !== undefined) return 'progress';
  if (columns.leadUnit !== undefined) return 'assignment';
  return null;
}

const REQUIRED: Record<Layout, ColumnKey[]> = {
  assignment: ['number', 'title', 'leadUnit', 'deadline'],
  progress: ['number', 'title', 'deadline'],
};

const COLUMN_NAMES: Record<string, string> = {
  number: 'STT',
  title: 'Tên nhiệm vụ',
  leadUnit: 'Đơn vị chủ trì',
  deadline: 'Thời gian hoàn thành',
  done: 'Đã hoàn thành',
  inProgress: 'Đang triển khai',
};

function readProgress(
  grid: Grid,
  row: number,
  header: HeaderInfo,
  kind: ItemKind,
  problems: ImportProblem[],
): ParsedProgress {
  const col = header.columns;
  const get = (key: ColumnKey) => (col[key] !== undefined ? cell(grid, row, col[key]!) : '');
  const doneRaw = get('done');
  const resultRaw = get('inProgress');
  let done = false;
  if (doneRaw) {
    if (DONE_MARKS.has(fold(doneRaw).replace(/[().]/g, '').trim())) done = true;
    else problems.push({ sheet: grid.sheet, row, column: describeColumn(header, col.done!), code: 'bad-done-mark', args: { value: doneRaw } });
  }
  const reading = readResultText(resultRaw);
  if (resultRaw) {
    const hasFigure = reading.percent !== null || reading.range !== null || reading.fraction !== null;
    const describesState = reading.saysDone || reading.saysInProgress || reading.saysNotStarted;
    const overHundred = [...resultRaw.matchAll(/(\d+(?:[.,]\d+)?)\s*%/g)].map((m) => parseVnNumber(m[1]!) ?? 0).find((v) => v > 100);
    if (overHundred !== undefined) {
      problems.push({ sheet: grid.sheet, row, column: describeColumn(header, col.inProgress!), code: 'percent-over-100', args: { value: resultRaw } });
    } else if (!hasFigure && !describesState) {
      problems.push({ sheet: grid.sheet, row, column: describeColumn(header, col.inProgress!), code: 'percent-not-number', args: { value: resultRaw } });
    }
  }
  const state: ProgressState = done ? 'DONE' : reading.saysNotStarted && !reading.percent ? 'NOT_STARTED' : resultRaw ? 'IN_PROGRESS' : 'NOT_STARTED';
  const expected = get('expected');
  if (namesImpossibleDate(expected)) {
    problems.push({ sheet: grid.sheet, row, column: describeColumn(header, col.expected!), code: 'bad-date', args: { value: expected } });
  }
  return {
    state,
    percent: kind === 'TASK' ? reading.percent : null,
    actualValue: kind === 'INDICATOR' ? reading.percent : null,
    actualText: clean(resultRaw),
    outputDocument: clean(get('output')),
    expectedCompletionText: clean(get('expected')),
    difficulties: clean(get('difficulties')),
    // The follow-up lines an export adds under the officer's proposals are no part of them.
    proposals: withoutFollowUp(clean(get('proposals'))),
  };
}

/** True when a progress row reports nothing at all (no mark, no result, no document, no comment). */
export function isEmptyProgress(p: ParsedProgress): boolean {
  return p.state === 'NOT_STARTED' && !p.actualText && !p.outputDocument && !p.expectedCompletionText && !p.difficulties && !p.proposals;
}

export function parseAppendixSheet(grid: Grid, options: ParseOptions = {}): { sheet: ParsedSheet | null; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  if (!grid.rows.some((r) => r.some(Boolean))) {
    return { sheet: null, problems: [{ sheet: grid.sheet, row: null, column: null, code: 'empty-file' }] };
  }
  const header = findHeader(grid);
  const layout = header ? layoutOf(header.columns) : null;
  if (!header || !layout) {
    return { sheet: null, problems: [{ sheet: grid.sheet, row: null, column: null, code: 'no-header' }] };
  }
  for (const key of REQUIRED[layout]) {
    if (header.columns[key] === undefined) {
      problems.push({ sheet: grid.sheet, row: header.headerRow, column: null, code: 'missing-column', args: { name: COLUMN_NAMES[key] ?? key } });
    }
  }
  if (problems.length) return { sheet: null, problems };

  const col = header.columns;
  const titleRows = grid.rows.slice(0, header.headerRow - 1).map((r) => r.find(Boolean) ?? '').join('\n');
  const sheetPlan = findPlanReference(titleRows) ?? options.plan ?? null;
  const stack: Heading[] = [];
  const items: ParsedItem[] = [];
  const flaggedDeadlines: { row: number; text: string }[] = [];
  const seen = new Map<string, number>();

  for (let row = header.firstDataRow; row <= grid.rows.length; row++) {
    const values = grid.rows[row - 1] ?? [];
    if (!values.some(Boolean)) continue;
    const label = cell(grid, row, col.number!).trim();
    const heading = headingTitle(grid, row, header);
    const kindOfLabel = labelKind(label);
    if (heading !== null && (kindOfLabel !== 'arabic' || !cell(grid, row, col.deadline!) || cell(grid, row, col.deadline!) === heading)) {
      const code = kindOfLabel === 'blank' ? blankCode(heading) : label.replace(/\.$/, '');
      // Same kind of label as an open heading closes it and everything below it.
      const sameLevel = stack.findIndex((h) => h.kind === kindOfLabel);
      if (sameLevel >= 0) stack.splice(sameLevel);
      stack.push({ kind: kindOfLabel, code, title: heading, row });
      continue;
    }
    const title = cell(grid, row, col.title!).trim();
    if (!label) {
      problems.push({ sheet: grid.sheet, row, column: describeColumn(header, col.number!), code: 'missing-number' });
      continue;
    }
    if (!ARABIC.test(label)) {
      problems.push({ sheet: grid.sheet, row, column: describeColumn(header, col.number!), code: 'bad-number', args: { value: label } });
      continue;
    }
    if (!title) {
      problems.push({ sheet: grid.sheet, row, column: describeColumn(header, col.title!), code: 'missing-title' });
      continue;
    }
    const plan = [...stack].reverse().map((h) => findPlanReference(h.title)).find(Boolean) ?? sheetPlan;
    if (!plan) {
      problems.push({ sheet: grid.sheet, row, column: null, code: 'no-plan' });
      continue;
    }
    const where = sectionAndGroup(stack);
    const no = label.replace(/\.$/, '');
    const groupPart = where.groupCode && !no.startsWith(`${where.groupCode}.`) ? `${where.groupCode}.` : '';
    const number = layout === 'assignment' ? no : [where.sectionCode, `${groupPart}${no}`].filter(Boolean).join('.');
    const key = `${plan.code}|${where.sectionCode}|${number}|${fold(cell(grid, row, col.reportingUnit ?? 0))}`;
    if (seen.has(key)) {
      problems.push({ sheet: grid.sheet, row, column: describeColumn(header, col.number!), code: 'duplicate-number', args: { value: label, first: seen.get(key)! } });
      continue;
    }
    seen.set(key, row);
    const kind = itemKindOf(stack) ?? 'TASK';
    const deadlineText = clean(cell(grid, row, col.deadline!));
    if (namesImpossibleDate(deadlineText)) {
      problems.push({ sheet: grid.sheet, row, column: describeColumn(header, col.deadline!), code: 'bad-deadline', args: { value: deadlineText! } });
      continue;
    }
    if (deadlineText && parseDeadline(deadlineText).flagged) flaggedDeadlines.push({ row, text: deadlineText });
    const get = (k: ColumnKey) => (col[k] !== undefined ? clean(cell(grid, row, col[k]!)) : null);
    items.push({
      sheet: grid.sheet,
      row,
      plan,
      kind,
      ...where,
      label,
      number,
      title,
      deadlineText,
      leadUnitText: get('leadUnit'),
      coordinatingText: get('coordinating'),
      directingLeader: get('directingLeader'),
      expectedOutput: layout === 'assignment' ? get('output') : null,
      progress: layout === 'progress' ? readProgress(grid, row, header, kind, problems) : null,
      reportingUnitText: get('reportingUnit'),
    });
  }
  if (!items.length && !problems.length) problems.push({ sheet: grid.sheet, row: null, column: null, code: 'no-rows' });
  const stated = titleDate(titleRows);
  if (stated && typeof stated === 'object') problems.push({ sheet: grid.sheet, row: null, column: null, code: 'bad-as-of', args: { value: stated.bad } });
  return {
    sheet: { sheet: grid.sheet, layout, titleUnitText: layout === 'progress' ? titleUnit(grid, header) : null, items, flaggedDeadlines, asOf: typeof stated === 'string' ? stated : null },
    problems,
  };
}
