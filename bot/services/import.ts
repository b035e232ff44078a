/**
 * `import a file`: read the workbook, parse every sheet, apply all of it or
 * nothing. Used by `npm run import`, the start-up seeding and (later) files
 * sent in chat by the standing office.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportProblem } from '../../domain/imports/grid.ts';
import { parseFile, type ParsedFile } from '../../domain/imports/parse-file.ts';
import { findPlanReference } from '../../domain/imports/plans.ts';
import { formatDay, type Day } from '../../domain/shared/day.ts';
import type { Db } from '../../prisma/database.ts';
import { applyImport, type ImportInput, type ImportOutcome } from '../../prisma/stores/import-store.ts';
import type { Translator } from '../i18n.ts';
import { NotAWorkbookError, readSheets } from '../files/read-sheet.ts';
import { checkSixClear } from '../../domain/accountability/six-clear.ts';
import { sixClearSummaryArgs } from '../../domain/accountability/six-clear-reply.ts';
import { PrismaSixClearStore } from '../../prisma/stores/accountability-store.ts';

export interface ImportOptions {
  dryRun?: boolean;
  unitName?: string;
  /** A plan for sheets that name none: "Kế hoạch số 12-KH/TU…" or a code like "CTr-2026". */
  plan?: string;
  /** The day the progress speaks about; else the file's "số liệu đến ngày …", else `today`. */
  asOf?: Day;
  today: Day;
  now?: Date;
  actor: string;
  /** Progress for a long import: rows read, rows checked, rows written (of a total). */
  onProgress?: (p: ImportProgress) => void;
}

export type ImportProgress = { stage: 'read' | 'checked'; rows: number } | { stage: 'written'; rows: number; total: number };

/** A file read and parsed, ready to apply (or refused with its problems); `finish` adds what the parse knew. */
export type PreparedImport =
  | { ok: false; outcome: ImportOutcome }
  | { ok: true; input: ImportInput; parsed: ParsedFile; finish(o: ImportOutcome): ImportOutcome };

export function refusedOutcome(problems: ImportProblem[], dryRun = false): ImportOutcome {
  return {
    ok: false,
    dryRun,
    problems,
    reportingUnits: {},
    summary: {
      plansCreated: 0, unitsCreated: 0, unitsChanged: 0, tasksCreated: 0, tasksChanged: 0, tasksUnchanged: 0,
      assignmentsCreated: 0, updatesCreated: 0, peopleCreated: 0, peopleChanged: 0, peopleUnchanged: 0,
    },
  };
}

/** Reads and validates a workbook exactly as `npm run import` does, without touching the database. */
export async function prepareImport(bytes: Uint8Array, fileName: string, options: ImportOptions): Promise<PreparedImport> {
  const name = basename(fileName);
  let grids;
  try {
    grids = await readSheets(bytes, name);
  } catch (err) {
    if (err instanceof NotAWorkbookError) return { ok: false, outcome: refusedOutcome([{ sheet: name, row: null, column: null, code: 'not-a-workbook' }], Boolean(options.dryRun)) };
    throw err;
  }
  options.onProgress?.({ stage: 'read', rows: grids.reduce((n, g) => n + g.rows.filter((r) => r.some(Boolean)).length, 0) });
  const plan = options.plan ? (findPlanReference(options.plan) ?? { code: options.plan, title: options.plan, issuedOn: null, year: null }) : undefined;
  const parsed = parseFile(grids, { plan });
  options.onProgress?.({ stage: 'checked', rows: parsed.units.length + parsed.people.length + parsed.appendices.reduce((n, s) => n + s.items.length, 0) });
  if (parsed.problems.length) return { ok: false, outcome: refusedOutcome(parsed.problems, Boolean(options.dryRun)) };
  const fileAsOf = parsed.appendices.find((s) => s.asOf)?.asOf;
  const asOf = options.asOf ?? fileAsOf ?? options.today;
  const hasProgress = parsed.appendices.some((s) => s.layout === 'progress');
  const input: ImportInput = {
    fileName: name,
    fileHash: createHash('sha256').update(bytes).digest('hex'),
    appendices: parsed.appendices,
    units: parsed.units,
    unitsSheet: parsed.unitsSheet,
    people: parsed.people,
    peopleSheet: parsed.peopleSheet,
    unitName: options.unitName,
    asOf,
    now: options.now ?? new Date(),
    actor: options.actor,
    dryRun: Boolean(options.dryRun),
    ...(options.onProgress ? { onWritten: (rows: number, total: number) => options.onProgress!({ stage: 'written', rows, total }) } : {}),
  };
  const finish = (outcome: ImportOutcome): ImportOutcome =>
    !outcome.ok
      ? outcome
      : {
          ...outcome,
          flaggedDeadlines: parsed.appendices.flatMap((s) => s.flaggedDeadlines.map((f) => ({ sheet: s.sheet, ...f }))),
          ...(hasProgress ? { asOf: { day: asOf, source: options.asOf ? 'option' : fileAsOf ? 'file' : 'today' } as const } : {}),
        };
  return { ok: true, input, parsed, finish };
}

export async function importBytes(prisma: Db, bytes: Uint8Array, fileName: string, options: ImportOptions): Promise<ImportOutcome> {
  const prepared = await prepareImport(bytes, fileName, options);
  if (!prepared.ok) return prepared.outcome;
  const outcome = prepared.finish(await applyImport(prisma, prepared.input));
  if (!outcome.ok || outcome.dryRun) return outcome;
  // The summary names the "6 rõ" gaps of the plans the file touched, so the office fixes the plan before asking for progress.
  const codes = [...new Set(prepared.parsed.appendices.flatMap((s) => s.items.map((i) => i.plan.code)))];
  if (!codes.length) return outcome;
  const plans = await prisma.plan.findMany({ where: { code: { in: codes } }, select: { id: true } });
  const tasks = await new PrismaSixClearStore(prisma).tasks({ planIds: plans.map((p) => p.id) });
  return tasks.length ? { ...outcome, sixClear: sixClearSummaryArgs(checkSixClear(tasks)) } : outcome;
}

export async function importFile(prisma: Db, path: string, options: ImportOptions): Promise<ImportOutcome> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    return importBytes(prisma, new Uint8Array(), path, options);
  }
  return importBytes(prisma, bytes, path, options);
}

/** One Vietnamese line per problem: "Sheet 'PL1', dòng 14, cột F (…): …". */
export function describeProblem(p: ImportProblem, tr: Translator, locale: 'vi' | 'en' = 'vi'): string {
  const where = [
    tr.t('import-where-sheet', { sheet: p.sheet }, locale),
    p.row !== null ? tr.t('import-where-row', { row: p.row }, locale) : null,
    p.column ? tr.t('import-where-column', { column: p.column }, locale) : null,
  ].filter(Boolean);
  return `${where.join(', ')}: ${tr.t(`import-problem-${p.code}`, p.args, locale)}`;
}

export function describeOutcome(o: ImportOutcome, tr: Translator, locale: 'vi' | 'en' = 'vi'): string {
  if (!o.ok && o.problems[0]?.code === 'busy') return tr.t('import-busy', {}, locale);
  if (!o.ok) {
    return [tr.t('import-refused', { count: o.problems.length }, locale), ...o.problems.map((p) => `  • ${describeProblem(p, tr, locale)}`)].join('\n');
  }
  const s = o.summary;
  const lines = [
    tr.t(o.dryRun ? 'import-dry-run-ok' : 'import-ok', {}, locale),
    tr.t('import-summary-tasks', { created: s.tasksCreated, changed: s.tasksChanged, unchanged: s.tasksUnchanged }, locale),
    tr.t('import-summary-updates', { count: s.updatesCreated }, locale),
    tr.t('import-summary-units', { created: s.unitsCreated, changed: s.unitsChanged, plans: s.plansCreated, assignments: s.assignmentsCreated }, locale),
  ];
  if (s.peopleCreated + s.peopleChanged + s.peopleUnchanged > 0) {
    lines.push(tr.t('import-summary-people', { created: s.peopleCreated, changed: s.peopleChanged, unchanged: s.peopleUnchanged }, locale));
  }
  for (const [sheet, unit] of Object.entries(o.reportingUnits)) lines.push(tr.t('import-reporting-unit', { sheet, unit }, locale));
  if (o.asOf) lines.push(tr.t(`import-as-of-${o.asOf.source}`, { day: formatDay(o.asOf.day) }, locale));
  if (o.flaggedDeadlines?.length) {
    lines.push(tr.t('import-flagged-deadlines', { count: o.flaggedDeadlines.length }, locale));
    for (const f of o.flaggedDeadlines) lines.push(`  • ${tr.t('import-where-sheet', { sheet: f.sheet }, locale)}, ${tr.t('import-where-row', { row: f.row }, locale)}: "${f.text}"`);
  }
  if (o.sixClear) lines.push(tr.t('six-import', o.sixClear, locale));
  return lines.join('\n');
}
