/**
 * Explanation requests in chat, written once for every channel: the request
 * to the unit (with its "answer" choice), the reminder and the escalation,
 * the answer sent back to the requester, and the list of open requests.
 */
import { line, raw, t, type Choice, type Line, type Reply } from '../chat/reply.ts';
import { dayOf, formatDay, type Day } from '../shared/day.ts';
import { localTime } from './proposal-reply.ts';
import { shorten } from '../shared/text.ts';
import { isLateExplanation, type ExplanationHistory, type ExplanationView } from './explanations.ts';

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

/** An overdue item of a leader's answer, offered to be explained: one unit's share, or a shared task (its unit chosen next). */
export interface RequestOffer {
  taskId: number;
  /** null: a task of several units, the unit is asked next. */
  unitId: number | null;
  number: string;
  planCode: string;
  unitName: string | null;
  /** Overdue units of a shared task. */
  lateUnits: number;
}

/** "Yêu cầu giải trình: 14 · Đặc khu Cát Hải" under an answer; `gt:rq:<task>:<unit>` (or `gt:rq:<task>`). */
export function requestChoice(o: RequestOffer): Choice {
  return {
    id: o.unitId === null ? `gt:rq:${o.taskId}` : `gt:rq:${o.taskId}:${o.unitId}`,
    label: t('gt-choice-request', { number: o.number, plan: o.planCode, unit: o.unitName ?? 'none', units: o.lateUnits }),
  };
}

export function parseRequestChoice(id: string): { taskId: number; unitId: number | null } | null {
  const m = /^gt:rq:(\d+)(?::(\d+))?$/.exec(id);
  return m ? { taskId: Number(m[1]), unitId: m[2] ? Number(m[2]) : null } : null;
}

export const CONFIRM_SEND = 'gt:send';
export const CONFIRM_DROP = 'gt:drop';

/** Before a request chosen from an answer is sent: what, to whom, by when; change the deadline or add a reason by typing. */
export function requestConfirmation(c: { unitName: string; number: string; planCode: string; daysLate: number; dueOn: Day; days: number | null; reason: string | null }): Reply {
  const lines = [line(t('gt-confirm', { unit: c.unitName, number: c.number, plan: c.planCode, late: c.daysLate, due: formatDay(c.dueOn), days: c.days ?? 'none' }))];
  if (c.reason) lines.push(line(t('gt-notice-reason', { reason: c.reason })));
  lines.push(line(t('gt-confirm-hint')));
  return {
    lines,
    choices: [
      { id: CONFIRM_SEND, label: t('gt-choice-send'), words: ['gui', 'gui yeu cau', 'ok', 'co', 'dong y', 'xac nhan'] },
      { id: CONFIRM_DROP, label: t('gt-choice-drop'), words: ['thoi', 'khong', 'ko', 'huy'] },
    ],
  };
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
  for (const v of shown.slice(0, SHOWN)) lines.push(listItem(v, today));
  if (shown.length > SHOWN) lines.push(line(t('gt-list-more', { count: shown.length - SHOWN })));
  return { lines };
}

function listItem(v: ExplanationView, today: Day, indent = false): Line {
  return line(t('gt-list-item', { id: v.id, unit: v.unitName, number: v.taskNumber, plan: v.planCode, due: formatDay(v.dueOn), late: isLateExplanation(v, today) ? 'yes' : 'no', escalated: v.escalatedAt ? 'yes' : 'no', requester: v.requesterName }), { indent });
}

/**
 * The requester's weekly digest: the requests they sent that are still
 * unanswered, when one is past its deadline (escalated ones say so), late first.
 * Nothing when none is late.
 */
export function requesterDigestLines(list: ExplanationView[], today: Day, max: number): Line[] {
  const late = list.filter((v) => isLateExplanation(v, today));
  if (!late.length) return [];
  const shown = [...late, ...list.filter((v) => !isLateExplanation(v, today))];
  const lines: Line[] = [line(t('gt-digest-title', { count: list.length, late: late.length }))];
  for (const v of shown.slice(0, max)) lines.push(listItem(v, today, true));
  if (shown.length > max) lines.push(line(t('gt-list-more', { count: shown.length - max }), { indent: true }));
  return lines;
}

/** The weekly digest of a requester who has no other (the standing office): these lines under a title. */
export function requesterDigest(lines: Line[], today: Day): Reply {
  return { lines: [line(t('gt-digest-own-title', { date: formatDay(today) }), { strong: true }), ...lines] };
}

/** In a task's detail: the unit's explanation requests, each with its history (who, when, on which channel). */
export function explanationHistoryLines(list: ExplanationHistory[]): Line[] {
  if (!list.length) return [];
  const lines: Line[] = [line(t('gt-history-title', { count: list.length }), { strong: true })];
  for (const h of list) {
    lines.push(line(t('gt-history-request', { id: h.id, requester: h.requesterName, due: formatDay(h.dueOn), state: h.state }), { indent: true }));
    for (const e of h.events) {
      const text = e.kind === 'REQUESTED' || e.kind === 'ANSWERED' ? (e.text ? shorten(e.text, 160) : 'none') : 'none';
      lines.push(line(t('gt-history-event', { day: formatDay(dayOf(e.at)), time: localTime(e.at), kind: e.kind, by: e.by ?? 'none', channel: e.channel, text, file: e.fileName ?? 'none' }), { indent: true }));
    }
  }
  return lines;
}
