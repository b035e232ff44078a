/**
 * Explanation requests in chat, written once for every channel: the request
 * to the unit (with its "answer" choice), the reminder and the escalation,
 * the answer sent back to the requester, and the list of open requests.
 */
import { line, raw, t, type Choice, type Line, type Reply } from '../chat/reply.ts';
import { formatDay, type Day } from '../shared/day.ts';
import { shorten } from '../shared/text.ts';
import { isLateExplanation, type ExplanationView } from './explanations.ts';

/** What the unit is told about the task: how late it is and its last update. */
export interface TaskFacts {
  /** Days past the task's deadline (0 = not late). */
  daysLate: number;
  deadline: Day | null;
  lastReportedOn: Day | null;
  percent: number | null;
  state: string;
}

export function parseExplanationChoice(id: string): number | null {
  const m = /^gt:ans:(\d+)$/.exec(id);
  return m ? Number(m[1]) : null;
}

const answerChoice = (id: number): Choice[] => [{ id: `gt:ans:${id}`, label: t('gt-choice-answer'), words: ['tra loi', 'giai trinh'] }];

function taskLines(v: ExplanationView, facts: TaskFacts | null): Line[] {
  const lines = [line(t('gt-notice-task', { number: v.taskNumber, plan: v.planCode, title: shorten(v.taskTitle, 100), unit: v.unitName }))];
  if (facts) {
    lines.push(line(t('gt-notice-late', { days: facts.daysLate, deadline: facts.deadline ? formatDay(facts.deadline) : 'none' })));
    lines.push(line(t('gt-notice-last', { on: facts.lastReportedOn ? formatDay(facts.lastReportedOn) : 'none', percent: facts.percent ?? 'none', state: facts.state })));
  }
  if (v.reason) lines.push(line(t('gt-notice-reason', { reason: v.reason })));
  return lines;
}

/** To the unit's leaders and the task's officers: the request, the task's facts, the deadline, how to answer. */
export function requestNotice(v: ExplanationView, facts: TaskFacts | null): Reply {
  return {
    lines: [
      line(t('gt-notice-title', { id: v.id, requester: v.requesterName, due: formatDay(v.dueOn) }), { strong: true }),
      ...taskLines(v, facts),
      line(t('gt-notice-how', { id: v.id })),
    ],
    choices: answerChoice(v.id),
  };
}

/** On the due day, unanswered: to the same people. */
export function reminderNotice(v: ExplanationView): Reply {
  return {
    lines: [line(t('gt-remind-title', { id: v.id, due: formatDay(v.dueOn), requester: v.requesterName }), { strong: true }), ...taskLines(v, null), line(t('gt-notice-how', { id: v.id }))],
    choices: answerChoice(v.id),
  };
}

/** Some working days later, still unanswered: to the unit's head. */
export function escalationNotice(v: ExplanationView, workingDaysLate: number): Reply {
  return {
    lines: [line(t('gt-escalate-title', { id: v.id, unit: v.unitName, due: formatDay(v.dueOn), days: workingDaysLate, requester: v.requesterName }), { strong: true }), ...taskLines(v, null), line(t('gt-notice-how', { id: v.id }))],
    choices: answerChoice(v.id),
  };
}

/** …and a note to the requester. */
export function escalationNote(v: ExplanationView, workingDaysLate: number, heads: number): Reply {
  return { lines: [line(t('gt-escalate-requester', { id: v.id, unit: v.unitName, number: v.taskNumber, plan: v.planCode, due: formatDay(v.dueOn), days: workingDaysLate, heads }))] };
}

/** To the requester: the unit's answer. */
export function explanationAnswerNotice(v: ExplanationView, a: { by: string; text: string | null; fileName: string | null }): Reply {
  const lines = [line(t('gt-answer-title', { id: v.id, unit: v.unitName, number: v.taskNumber, plan: v.planCode, by: a.by }), { strong: true })];
  if (a.text) lines.push(line(raw(`“${a.text}”`), { indent: true }));
  if (a.fileName) lines.push(line(t('gt-answer-file', { name: a.fileName })));
  return { lines };
}

const SHOWN = 15;

/** Open requests, late first: "2 yêu cầu giải trình chưa được trả lời, 1 quá hạn". */
export function pendingExplanations(list: ExplanationView[], today: Day, o: { scope: string; lateOnly: boolean }): Reply {
  const late = list.filter((v) => isLateExplanation(v, today));
  const shown = o.lateOnly ? late : [...late, ...list.filter((v) => !isLateExplanation(v, today))];
  const units = new Set(shown.map((v) => v.unitId)).size;
  const head = line(t('gt-list-title', { scope: o.scope, count: list.length, late: late.length, units, lateOnly: o.lateOnly ? 'yes' : 'no' }), { strong: true });
  if (!shown.length) return { lines: [head] };
  const lines: Line[] = [head];
  for (const v of shown.slice(0, SHOWN)) {
    lines.push(line(t('gt-list-item', { id: v.id, unit: v.unitName, number: v.taskNumber, plan: v.planCode, due: formatDay(v.dueOn), late: isLateExplanation(v, today) ? 'yes' : 'no', escalated: v.escalatedAt ? 'yes' : 'no', requester: v.requesterName })));
  }
  if (shown.length > SHOWN) lines.push(line(t('gt-list-more', { count: shown.length - SHOWN })));
  return { lines };
}
