/**
 * The quarterly report in one call, for /baocao in chat and `npm run report`:
 * the progress appendix (.xlsx, seed 003's layout, re-importable), the
 * summary (domain/reports/summary.ts) and a PNG chart of progress by unit.
 * Each run is recorded in the audit log (action 'report'), so "new since the
 * last report" means since the previous report of the same units and plan.
 */
import { line, t, type OutFile, type Reply } from '../../domain/chat/reply.ts';
import { appendixRows } from '../../domain/exports/progress-appendix.ts';
import { canSee, visibleUnitIds } from '../../domain/people/scope.ts';
import type { PersonRef } from '../../domain/people/types.ts';
import { reportScopeKey, type ReportData } from '../../domain/reports/ports.ts';
import { countProposals } from '../../domain/accountability/proposals.ts';
import { PrismaProposalStore } from '../../prisma/stores/proposal-store.ts';
import { chartBars, quarterEve, summarize, summaryReply, type SummaryFigures } from '../../domain/reports/summary.ts';
import { formatDay, type Day } from '../../domain/shared/day.ts';
import type { StatusOptions } from '../../domain/status/derive-status.ts';
import type { Db } from '../../prisma/database.ts';
import { exportItems, unitsWithAssignments } from '../../prisma/stores/export-store.ts';
import { PrismaReportData } from '../../prisma/stores/question-data.ts';
import { PrismaTaskQueries } from '../../prisma/stores/task-queries.ts';
import { PrismaExplanationStore } from '../../prisma/stores/explanation-store.ts';
import type { Locale, Translator } from '../i18n.ts';
import { exportProgressAppendix } from './export.ts';

export interface ReportDeps {
  prisma: Db;
  tr: Translator;
  status: StatusOptions;
  /** Defaults to the Prisma implementation over `prisma`. */
  data?: ReportData;
  /** A font file for the chart (else a Vietnamese-capable system font is looked up). */
  chartFont?: string;
}

export interface ReportOptions {
  /** null: every unit (or every unit the person may see). */
  unitIds: number[] | null;
  planId?: number | null;
  asOf: Day;
  /** Who asks: their scope applies. Absent for the operator's command line. */
  person?: PersonRef;
  /** Recorded in the audit log: "telegram", "zalo", "cli:report"… */
  actor?: string;
  /** Language of the chart's labels (the summary is locale keys). */
  locale?: Locale;
}

export type ReportResult =
  | {
      ok: true;
      summary: Reply;
      xlsx: OutFile;
      chart: OutFile;
      /** The summary with both files attached, as chat sends it: a document and a photo. */
      reply: Reply;
      figures: SummaryFigures;
      /** New difficulties and proposals are those reported after this day. */
      since: Day;
    }
  | { ok: false; reply: Reply };

/** Units the chart shows (most overdue first); the rest are counted in a note. */
export const CHART_MAX_UNITS = 40;

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function buildReport(deps: ReportDeps, options: ReportOptions): Promise<ReportResult> {
  const { prisma, tr } = deps;
  const data = deps.data ?? new PrismaReportData(prisma);
  const locale = options.locale ?? 'vi';
  const units = await new PrismaTaskQueries(prisma).units();
  const planId = options.planId ?? null;

  let unitIds = options.unitIds;
  if (options.person) {
    const visible = visibleUnitIds(options.person, units);
    if (visible !== null && visible.length === 0) return { ok: false, reply: { lines: [line(t('answer-no-access'))] } };
    const outside = (unitIds ?? []).filter((id) => !canSee(visible, id));
    if (outside.length) {
      const names = outside.map((id) => units.find((u) => u.id === id)?.name ?? `#${id}`).join(', ');
      return { ok: false, reply: { lines: [line(t('answer-out-of-scope', { units: names }))] } };
    }
    unitIds ??= visible;
  }

  const filter = { unitIds, planId };
  const scopeKey = reportScopeKey(filter);
  const previous = await data.lastRun(scopeKey, options.asOf);
  const since = previous?.asOf ?? quarterEve(options.asOf);
  const [rows, notes] = await Promise.all([data.rowsAsOf(filter, options.asOf), data.notes(filter, since, options.asOf)]);
  const plan = planId !== null ? ((await prisma.plan.findUnique({ where: { id: planId } }))?.code ?? null) : null;
  const scopeName = unitIds === null ? '' : scopeLabel(unitIds, units.map((u) => ({ id: u.id, name: u.name })), options.person, tr, locale);
  const input = {
    asOf: options.asOf,
    scope: { kind: unitIds === null ? ('all' as const) : ('units' as const), name: scopeName },
    plan,
    rows,
    notes,
    since,
    sinceKind: previous ? ('report' as const) : ('quarter' as const),
    dueSoonDays: deps.status.dueSoonDays,
    proposals: countProposals(await new PrismaProposalStore(prisma).forReport({ unitIds, planId, since }), since, options.asOf),
  };
  const figures = summarize(input);
  const summary = summaryReply(figures, input);
  // Explanation requests (issue 15.1) in the same scope: one line before the files' note, when there are any.
  const gt = await new PrismaExplanationStore(prisma).counts(unitIds, options.asOf);
  if (gt.open + gt.answered > 0) summary.lines.splice(Math.max(summary.lines.length - 1, 0), 0, line(t('gt-report-line', gt)));
  if (figures.total.total === 0) return { ok: false, reply: summary };

  const xlsx: OutFile = {
    kind: 'document',
    fileName: `phu-luc-tien-do-${options.asOf}.xlsx`,
    mime: XLSX_MIME,
    data: new Uint8Array(await appendix(prisma, unitIds, planId, options.asOf)),
    caption: t('report-xlsx-caption', { asOf: formatDay(options.asOf) }),
  };
  const bars = chartBars(figures, CHART_MAX_UNITS);
  // The chart and workbook libraries (native canvas, exceljs) load on the first report, not at start-up.
  const { renderProgressChart } = await import('../files/chart.ts');
  const png = await renderProgressChart(
    bars,
    {
      title: tr.t('report-chart-title', { asOf: formatDay(options.asOf) }, locale),
      subtitle: tr.t('report-chart-subtitle', { scope: input.scope.kind, name: scopeName, plan: plan ?? 'none' }, locale),
      legend: {
        done: tr.t('report-chart-done', {}, locale),
        inProgress: tr.t('report-chart-in-progress', {}, locale),
        overdue: tr.t('report-chart-overdue', {}, locale),
        notStarted: tr.t('report-chart-not-started', {}, locale),
      },
      note: figures.units.length > bars.length ? tr.t('report-chart-more', { shown: bars.length, units: figures.units.length }, locale) : undefined,
    },
    { font: deps.chartFont },
  );
  const chart: OutFile = {
    kind: 'photo',
    fileName: `bieu-do-tien-do-${options.asOf}.png`,
    mime: 'image/png',
    data: new Uint8Array(png),
    caption: t('report-chart-caption', { asOf: formatDay(options.asOf) }),
  };

  await data.recordRun({ scopeKey, asOf: options.asOf, since, unitIds, planId, personId: options.person?.id ?? null, actor: options.actor ?? 'report' });
  return { ok: true, summary, xlsx, chart, reply: { ...summary, files: [xlsx, chart] }, figures, since };
}

/** "Đặc khu Cát Hải", or "Sở A, Sở B, Sở C và 4 đơn vị khác"; a unit leader's own unit for their unit and its sub-units. */
function scopeLabel(unitIds: number[], units: { id: number; name: string }[], person: PersonRef | undefined, tr: Translator, locale: Locale): string {
  const name = (id: number) => units.find((u) => u.id === id)?.name ?? `#${id}`;
  if (person?.unitId != null && unitIds.includes(person.unitId) && unitIds.length > 1) return tr.t('report-scope-with-children', { name: name(person.unitId) }, locale);
  const shown = unitIds.slice(0, 3).map(name).join(', ');
  return unitIds.length > 3 ? tr.t('report-scope-more', { names: shown, count: unitIds.length - 3 }, locale) : shown;
}

/** The progress appendix of the units (one sheet each), of one plan's items when a plan is given. */
async function appendix(prisma: Db, unitIds: number[] | null, planId: number | null, asOf: Day): Promise<Buffer> {
  if (planId === null) return (await exportProgressAppendix(prisma, { unitIds, asOf })).data;
  const sheets = [];
  for (const unit of await unitsWithAssignments(prisma, unitIds)) {
    const items = (await exportItems(prisma, unit.id, asOf)).filter((i) => i.planId === planId);
    if (items.length) sheets.push({ unitName: unit.name, asOf, rows: appendixRows(items) });
  }
  const { writeAppendixWorkbook } = await import('../files/appendix-xlsx.ts');
  return writeAppendixWorkbook(sheets);
}
