/**
 * "nhiệm vụ II.6 của Cát Hải", "nv 22", "chỉ tiêu 3.4": one task with its
 * history, or — for a task shared by many units — its roll-up ("5/48 đơn vị
 * đã hoàn thành") with the units not done, most urgent first. Several tasks
 * with that number: the asker chooses (choices `nv:<taskId>`, as in chat).
 */
import { proposalHistoryLines } from '../accountability/proposal-reply.ts';
import { explanationHistoryLines } from '../accountability/explanations-reply.ts';
import { line, raw, t, type Choice, type Line } from '../chat/reply.ts';
import { detailLines, historyLines, progressArgs, STATUS_ICON } from '../chat/views.ts';
import { shorten } from '../shared/text.ts';
import type { TaskRow } from '../tasks/types.ts';
import { countRows, rowStatus, sortByUrgency, sumCounts } from './answer-filter.ts';
import { answer, moreLines, pastEnd, taskItem, type Answer, type ScopedRun } from './answer-common.ts';

/** Tasks offered when a number fits several. */
const MAX_TASK_CHOICES = 8;

function distinctTasks(rows: TaskRow[]): TaskRow[] {
  const seen = new Map<number, TaskRow>();
  for (const r of rows) if (!seen.has(r.taskId)) seen.set(r.taskId, r);
  return [...seen.values()];
}

/** Rows of the tasks numbered `ref` within some units, narrowed by the question's plan and item kind. */
export async function findTasks(run: ScopedRun, ref: string, unitIds: number[] | null): Promise<TaskRow[]> {
  const { interp } = run;
  let rows = await run.data.findByRef(ref, unitIds);
  if (interp.planId !== null) rows = rows.filter((r) => r.planId === interp.planId);
  // "chỉ tiêu 1.3" means the indicator, "nhiệm vụ II.1" the task, when both kinds carry the number
  if (interp.itemKind) {
    const ofKind = rows.filter((r) => r.kind === interp.itemKind);
    if (ofKind.length) rows = ofKind;
  }
  return rows;
}

/** "lãnh đạo nào chỉ đạo nhiệm vụ 5": the directing leader, as the plan names them. */
function directing(run: ScopedRun, row: TaskRow): Line[] {
  if (run.interp.role !== 'DIRECT') return [];
  return [line(t('answer-directing', { text: row.directingLeader?.trim() || 'none' }), { strong: true })];
}

export async function answerTask(run: ScopedRun): Promise<Answer> {
  const { interp, asOf, scope } = run;
  const ref = interp.taskRef ?? '';
  const rows = await findTasks(run, ref, scope.unitIds);
  const tasks = distinctTasks(rows);
  if (tasks.length === 0) {
    const elsewhere = scope.unitIds === null ? [] : await findTasks(run, ref, null);
    const key = elsewhere.length ? 'answer-task-out-of-scope' : 'answer-task-not-found';
    return answer(run, elsewhere.length ? 'REFUSED' : 'NOT_FOUND', { lines: [line(t(key, { ref }))] }, { scope });
  }
  if (tasks.length > 1) {
    const shown = tasks.slice(0, MAX_TASK_CHOICES);
    const lines: Line[] = [
      line(t('answer-task-which', { ref, count: tasks.length })),
      ...shown.map((r) => line(t('answer-task-option', { number: r.number, plan: r.planCode, title: shorten(r.title, 70) }), { indent: true })),
    ];
    const choices: Choice[] = shown.map((r) => ({ id: `nv:${r.taskId}`, label: t('answer-task-choice', { number: r.number, plan: r.planCode }) }));
    return answer(run, 'ASK_TASK', { lines, choices }, { scope, items: shown.map((r) => taskItem(r, asOf)), totals: { tasks: tasks.length } });
  }

  const mine = rows.filter((r) => r.taskId === tasks[0]!.taskId);
  if (mine.length === 1) {
    const row = mine[0]!;
    // one round trip where the store can (the histories of proposals and explanations only when there are some)
    const detail = run.data.detail ? await run.data.detail(row, 6) : null;
    const history = detail?.history ?? (await run.data.history(row.assignmentId, 6));
    const lines = [...detailLines(row, asOf.today, { dueSoonDays: asOf.dueSoonDays }), ...directing(run, row)];
    lines.push(...(history.length ? [line(t('history-title', { count: history.length }), { strong: true }), ...historyLines(history)] : [line(t('history-none'))]));
    if (!detail || detail.proposals) lines.push(...proposalHistoryLines((await run.data.proposalHistory?.(row.taskId, row.unitId)) ?? []));
    if (!detail || detail.explanations) lines.push(...explanationHistoryLines((await run.data.explanationHistory?.(row.taskId, row.unitId)) ?? []));
    return answer(run, 'ANSWERED', { lines }, { scope, items: [taskItem(row, asOf, true)], totals: { units: 1 } });
  }

  // a task shared by many units: its roll-up, then the units not done, most urgent first
  const head = mine[0]!;
  const c = sumCounts(countRows(mine, asOf));
  const open = sortByUrgency(mine.filter((r) => rowStatus(r, asOf).status !== 'DONE'), asOf);
  const shown = open.slice(run.page.offset, run.page.offset + run.page.size);
  const more = moreLines(run, shown.length, open.length);
  const lines: Line[] = [
    line(t('detail-head', { icon: '📋', number: head.number, plan: head.planCode, kind: head.kind }), { strong: true }),
    line(raw(head.title)),
    ...directing(run, head),
    line(t('detail-deadline', { text: head.deadlineText ?? '—' })),
    line(t('answer-rollup', { done: c.done, total: c.total, overdue: c.overdue, lead: head.leadUnitText ?? '' }), { strong: true }),
    ...pastEnd(run, open.length),
    ...shown.map((r) => {
      const s = rowStatus(r, asOf);
      return line(t('answer-rollup-unit', { icon: STATUS_ICON[s.status], ...progressArgs(r, s, asOf.today), unit: r.unitName }), { indent: true });
    }),
    ...more.lines,
  ];
  return answer(run, 'ANSWERED', { lines }, {
    scope,
    hasMore: more.hasMore,
    items: shown.map((r) => taskItem(r, asOf)),
    totals: { units: c.total, done: c.done, overdue: c.overdue, open: open.length, shown: shown.length, offset: run.page.offset },
  });
}
