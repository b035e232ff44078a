/**
 * Answers a question read by `parseQuestion`: short, counted, sorted, within
 * what the asker may see, and the same on every channel (a Reply of locale
 * keys) and for scripts (`json`).
 *
 * Deterministic: the same interpretation, asker, day and data give the same
 * answer. Nothing is guessed: two units that fit are asked about (choices
 * `qu:<unitId>`), an unknown name is said to be unknown, a question not
 * understood is answered with what was understood and examples. Long answers
 * come a page at a time; the conversation engine asks for the next page with
 * the same interpretation and `page.offset` moved on (choice `q:more`).
 */
import { line, raw, t, type Line } from '../chat/reply.ts';
import { compareDays, formatDay, type Day } from '../shared/day.ts';
import type { UnitRef } from '../units/types.ts';
import { answer, DEFAULT_PAGE, scopeArgs, type Answer, type AnswerContext, type AnswerPage, type Run, type ScopedRun } from './answer-common.ts';
import { answerCount, answerList, answerNotes } from './answer-lists.ts';
import { scopeReading } from './answer-roles.ts';
import { resolveScope, type Scope } from './answer-scope.ts';
import { answerTask, findTasks } from './answer-task.ts';
import { answerProgress, answerRank, answerRate, answerStaleUnits } from './answer-units.ts';
import { EXAMPLE_QUESTIONS } from './parse-question.ts';
import type { QuestionData } from './ports.ts';
import type { Interpretation } from './types.ts';

export type { Answer, AnswerContext, AnswerItem, AnswerJson, AnswerOutcome, AnswerPage, TaskItem, UnitItem } from './answer-common.ts';
export { DEFAULT_PAGE, MORE_CHOICE } from './answer-common.ts';
export { chooseUnit, nextPage } from './answer-followup.ts';

export async function answerQuestion(interp: Interpretation, ctx: AnswerContext, data: QuestionData, page: AnswerPage = DEFAULT_PAGE): Promise<Answer> {
  const [units, plans] = await Promise.all([data.units(), data.plans()]);
  const run: Run = {
    interp,
    ctx,
    data,
    page: { offset: Math.max(0, Math.floor(page.offset)), size: Math.max(1, Math.floor(page.size)) },
    asOf: { today: ctx.today, dueSoonDays: ctx.status.dueSoonDays },
    units,
    plans,
  };
  if (interp.intent === 'HELP') return answer(run, 'HELP', helpReply());
  if (interp.intent === 'UNKNOWN') return answer(run, 'NOT_UNDERSTOOD', notUnderstood(interp));
  if (interp.intent === 'REQUEST') return answer(run, 'NOT_A_QUESTION', { lines: [line(t('answer-request', { kind: interp.request ?? 'UPDATE' }))] });

  const resolved = resolveScope(scopeReading(interp), ctx.person, units);
  if (!resolved.ok) return answer(run, resolved.outcome, resolved.reply);
  const scoped: ScopedRun = { ...run, scope: resolved.scope };

  switch (interp.intent) {
    case 'LIST':
      return answerList(scoped);
    case 'VALUE':
      // the indicators' values, each against its target, in the list's lines
      return answerList({ ...scoped, interp: { ...interp, itemKind: interp.itemKind ?? 'INDICATOR' } });
    case 'COUNT': {
      // "bao nhiêu đơn vị đã xong nhiệm vụ 1": the units' shares of that one task; a number several tasks carry asks which
      if (!interp.taskRef) return answerCount(scoped, null);
      const ids = await taskIdsOf(scoped);
      return ids.length === 1 ? answerCount(scoped, ids) : answerTask(scoped);
    }
    case 'RATE':
      return answerRate(scoped);
    case 'PROGRESS':
      return answerProgress(scoped);
    case 'DIFFICULTIES':
    case 'PROPOSALS':
      return answerNotes(scoped, interp.intent, interp.taskRef ? await taskIdsOf(scoped) : null);
    case 'STALE_UNITS':
      return answerStaleUnits(scoped);
    case 'RANK_UNITS':
      return answerRank(scoped);
    case 'TASK_DETAIL':
      return answerTask(scoped);
    case 'REPORT':
      return reportPointer(scoped);
  }
}

async function taskIdsOf(run: ScopedRun): Promise<number[]> {
  return [...new Set((await findTasks(run, run.interp.taskRef!, run.scope.unitIds)).map((r) => r.taskId))];
}

function helpReply() {
  const lines: Line[] = [line(t('answer-help-title'), { strong: true }), line(t('answer-help-commands')), line(t('answer-examples'))];
  for (const q of EXAMPLE_QUESTIONS) lines.push(line(raw(`“${q}”`), { indent: true }));
  return { lines };
}

function notUnderstood(interp: Interpretation) {
  const lines: Line[] = [line(t('answer-not-understood'))];
  if (interp.understood.length) lines.push(line(t('answer-understood', { text: interp.understood.join('; ') })));
  lines.push(line(t('answer-examples')));
  for (const q of EXAMPLE_QUESTIONS) lines.push(line(raw(`“${q}”`), { indent: true }));
  return { lines };
}

// ── reports ─────────────────────────────────────────────────────────────────

/** What a report question asks the report service for. */
export interface ReportRequest {
  /** null: every unit. */
  unitIds: number[] | null;
  planId: number | null;
  /** The day the figures are as of: the end of the period asked, or today if it has not ended. */
  asOf: Day;
  scope: Scope;
}

/**
 * The report a question ("xuất báo cáo quý IV", /baocao) stands for, within
 * the asker's scope; or the reply refusing it. The conversation engine calls
 * the report service (bot/services/report.ts) with it.
 */
export function reportRequest(interp: Interpretation, ctx: AnswerContext, units: UnitRef[]): ReportRequest | { refused: Answer['reply'] } {
  const resolved = resolveScope(interp, ctx.person, units);
  if (!resolved.ok) return { refused: resolved.reply };
  const end = interp.window?.to ?? ctx.today;
  const asOf = compareDays(end, ctx.today) < 0 ? end : ctx.today;
  return { unitIds: resolved.scope.unitIds, planId: interp.planId, asOf, scope: resolved.scope };
}

function reportPointer(run: ScopedRun): Answer {
  const req = reportRequest(run.interp, run.ctx, run.units);
  const asOf = 'refused' in req ? run.ctx.today : req.asOf;
  const w = run.interp.window;
  const lines = [
    line(t('answer-report', { ...scopeArgs(run), asOf: formatDay(asOf), from: w ? formatDay(w.from) : '', to: w ? formatDay(w.to) : '', window: w ? 'yes' : 'none' }), { strong: true }),
    line(t('answer-report-how')),
  ];
  return answer(run, 'REPORT', { lines }, { scope: run.scope, totals: { asOf, from: w?.from ?? null, to: w?.to ?? null } });
}
