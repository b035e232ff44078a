/**
 * Proposals in chat, written once for every channel: the message to the
 * addressee (with its four answers), what the officer is told after saving,
 * the answer sent back to the proposer's side, and the pending list.
 */
import { line, raw, t, type Choice, type Line, type Reply } from '../chat/reply.ts';
import { dayOf, formatDay, type Day } from '../shared/day.ts';
import { shorten } from '../shared/text.ts';
import type { UnitRef } from '../units/types.ts';
import { isLate, recogniseAddressee, type ProposalCounts, type ProposalHistory, sendTag, splitProposals, unitTyped, type ProposalView } from './proposals.ts';

const addressee = (p: Pick<ProposalView, 'addresseeName'>) => p.addresseeName ?? 'office';

export const ANSWER_KINDS = ['ack', 'res', 'fwd', 'ref'] as const;
export type AnswerChoice = (typeof ANSWER_KINDS)[number];

export function parseProposalChoice(id: string): { kind: AnswerChoice; proposalId: number } | null {
  const m = /^kn:(ack|res|fwd|ref):(\d+)$/.exec(id);
  return m ? { kind: m[1] as AnswerChoice, proposalId: Number(m[2]) } : null;
}

function answerChoices(id: number): Choice[] {
  return [
    { id: `kn:ack:${id}`, label: t('kn-choice', { kind: 'ack' }) },
    { id: `kn:res:${id}`, label: t('kn-choice', { kind: 'res' }) },
    { id: `kn:fwd:${id}`, label: t('kn-choice', { kind: 'fwd' }) },
    { id: `kn:ref:${id}`, label: t('kn-choice', { kind: 'ref' }) },
  ];
}

/** To the addressee's leaders: a new (or forwarded) proposal, its task, and the answers. */
export function proposalNotice(p: ProposalView, forwardedFrom?: string): Reply {
  return {
    lines: [
      line(t('kn-notice-title', { id: p.id, addressee: addressee(p), due: formatDay(p.dueOn), from: forwardedFrom ?? 'none' }), { strong: true }),
      line(t('kn-notice-from', { unit: p.fromUnitName, person: p.proposerName ?? 'none', number: p.taskNumber, plan: p.planCode, title: shorten(p.taskTitle, 90) })),
      line(raw(`“${p.text}”`)),
      line(t('kn-notice-how', { id: p.id })),
    ],
    choices: answerChoices(p.id),
  };
}

/** On the due day, to the addressee's leaders: the proposal is still unanswered (with the four answers). */
export function lateReminder(p: ProposalView, escalateOn: Day): Reply {
  const notice = proposalNotice(p);
  return {
    lines: [line(t('kn-late-reminder', { id: p.id, addressee: addressee(p), due: formatDay(p.dueOn), escalate: formatDay(escalateOn) }), { strong: true }), ...notice.lines.slice(1)],
    choices: notice.choices,
  };
}

/** Still unanswered after the escalation days: to the standing office (and the addressee's leaders, who may still answer). */
export function escalationNotice(p: ProposalView, days: number, forAnswerers: boolean): Reply {
  const notice = proposalNotice(p);
  return {
    lines: [
      line(t('kn-escalated', { id: p.id, addressee: addressee(p), due: formatDay(p.dueOn), days }), { strong: true }),
      ...notice.lines.slice(1, 3),
      ...(forAnswerers ? [notice.lines[3]!] : [line(t('kn-escalated-office'))]),
    ],
    ...(forAnswerers ? { choices: notice.choices } : {}),
  };
}

/** To the officer, after the report that raised them was saved. */
export function raisedReply(list: ProposalView[]): Reply {
  return {
    lines: [
      line(t('kn-raised', { count: list.length })),
      ...list.map((p) => line(t('kn-raised-item', { id: p.id, addressee: addressee(p), due: formatDay(p.dueOn), guessed: p.addresseeFrom === 'default' ? 'yes' : 'no', text: shorten(p.text, 80) }), { indent: true })),
    ],
  };
}

/** To the proposer and their unit's leaders: the answer. */
export function answerNotice(p: ProposalView, answer: { kind: string; text: string | null; by: string; to?: string }): Reply {
  return {
    lines: [
      line(t('kn-answer-title', { id: p.id, addressee: addressee(p), by: answer.by, unit: p.fromUnitName, number: p.taskNumber, plan: p.planCode }), { strong: true }),
      line(raw(`“${shorten(p.text, 160)}”`), { indent: true }),
      line(t('kn-answer-state', { kind: answer.kind, text: answer.text ?? 'none', to: answer.to ?? 'office' })),
    ],
  };
}

const SHOWN = 15;

/** The pending proposals, late first: "Sở Tài chính: 2 kiến nghị chưa được trả lời, 1 quá hạn". */
export function pendingReply(list: ProposalView[], today: Day, o: { scope: string; lateOnly: boolean }): Reply {
  const late = list.filter((p) => isLate(p, today));
  const shown = o.lateOnly ? late : [...late, ...list.filter((p) => !isLate(p, today))];
  const head = line(t('kn-list-title', { scope: o.scope, count: list.length, late: late.length, lateOnly: o.lateOnly ? 'yes' : 'no' }), { strong: true });
  if (!shown.length) return { lines: [head] };
  const lines: Line[] = [head];
  for (const p of shown.slice(0, SHOWN)) {
    lines.push(line(t('kn-list-item', { id: p.id, addressee: addressee(p), due: formatDay(p.dueOn), late: isLate(p, today) ? 'yes' : 'no', state: p.state, unit: p.fromUnitName, number: p.taskNumber, plan: p.planCode })));
    lines.push(line(raw(`“${shorten(p.text, 120)}”`), { indent: true }));
  }
  if (shown.length > SHOWN) lines.push(line(t('kn-list-more', { count: shown.length - SHOWN })));
  return { lines };
}

/**
 * In the report's summary, before the officer saves: each proposal with the
 * addressee recognised from it (or chosen with "gửi <đơn vị>"), and how to change it.
 */
export function proposalSummaryLines(proposals: string | null | undefined, units: UnitRef[]): Line[] {
  const items = splitProposals(proposals);
  if (!items.length) return [];
  const lines: Line[] = [line(t('kn-summary-title'))];
  items.forEach((text, i) => {
    const a = recogniseAddressee(text, units);
    const tag = sendTag(text);
    const unknown = tag.to && unitTyped(tag.to, units).kind === 'ask' ? tag.to : 'none';
    const addressee = a.kind === 'unit' ? a.unit.name : a.kind === 'city' ? 'office' : 'ask';
    lines.push(line(t('kn-summary-item', { n: i + 1, text: shorten(tag.text, 80), addressee, chosen: 'chosen' in a && a.chosen ? 'yes' : 'no', unknown }), { indent: true }));
  });
  lines.push(line(t('kn-summary-hint', { count: items.length })));
  return lines;
}

/** In `/baocao`: "Kiến nghị: 5 chưa trả lời xong (2 quá hạn), 3 đã trả lời trong kỳ", and the addressees with the most. */
export function proposalReportLines(c: ProposalCounts | undefined): Line[] {
  if (!c || (c.open === 0 && c.answered === 0)) return [];
  return [
    line(t('kn-report', { open: c.open, late: c.late, answered: c.answered }), { strong: true }),
    ...c.top.map((a) => line(t('kn-report-addressee', { addressee: a.addressee ?? 'office', open: a.open, late: a.late }), { indent: true })),
  ];
}

/** Hours and minutes in Asia/Ho_Chi_Minh (UTC+7, no summer time). */
export function localTime(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3_600_000);
  return `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
}

/** In a task's detail: its proposals, each with its history (who, when, on which channel). */
export function proposalHistoryLines(list: ProposalHistory[]): Line[] {
  if (!list.length) return [];
  const lines: Line[] = [line(t('kn-history-title', { count: list.length }), { strong: true })];
  for (const p of list) {
    lines.push(line(t('kn-history-proposal', { id: p.id, addressee: p.addresseeName ?? 'office', state: p.state, due: formatDay(p.dueOn), text: shorten(p.text, 100) }), { indent: true }));
    for (const e of p.events) {
      lines.push(line(t('kn-history-event', { day: formatDay(dayOf(e.at)), time: localTime(e.at), kind: e.kind, by: e.by ?? 'none', channel: e.channel, to: e.toOffice ? 'office' : (e.to ?? 'none'), text: e.kind === 'RAISED' || e.kind === 'REMINDED' || e.kind === 'ESCALATED' || e.kind === 'FORWARDED' ? 'none' : (e.text ?? 'none') }), { indent: true }));
    }
  }
  return lines;
}
