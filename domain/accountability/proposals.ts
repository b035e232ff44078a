/**
 * Proposals routed to who must answer (issue 15): each "đề xuất / kiến nghị"
 * of a progress update becomes a tracked item addressed to the unit named in
 * it ("đề nghị Sở Tài chính bố trí vốn" → Sở Tài chính) or to the standing
 * office ("đề nghị thành phố …", "UBND TP", "Ban Chỉ đạo"); the addressee's
 * leaders answer within PROPOSAL_RESPONSE_DAYS working days.
 */
import type { WorkingCalendar } from '../calendar/working-days.ts';
import type { PersonRef } from '../people/types.ts';
import type { Day } from '../shared/day.ts';
import { fold } from '../shared/text.ts';
import { dayOf, formatDay } from '../shared/day.ts';
import { lookupUnit } from '../units/lookup.ts';
import { unitKey } from '../units/names.ts';
import type { UnitRef } from '../units/types.ts';

export const DEFAULT_PROPOSAL_RESPONSE_DAYS = 10;
/** Working days after the due day before an unanswered proposal is escalated to the standing office. */
export const PROPOSAL_ESCALATE_DAYS = 3;

/** Several proposals in one field ("1. … 2. …", "- …", one a line) are tracked one by one. */
export function splitProposals(text: string | null | undefined): string[] {
  if (!text?.trim()) return [];
  const raw = text
    // Lines, "1. … 2. …" / "1) … 2) …" items, and "; " (how the report reader joins several proposals of one message).
    .split(/\n+|(?:^|\s)(?=\d{1,2}[.)]\s)|;\s*/u)
    .map((p) => p.replace(/^\s*(?:\d{1,2}[.)]|[-–•+*])\s*/, '').trim());
  // Texts saved before the reader cut lists ("1; A 2; B"): the next item's number ends the one before.
  let n = 0;
  const parts: string[] = [];
  for (const p of raw) {
    if (/^\d{1,2}[.)]?$/.test(p)) {
      n = Number(p.replace(/\D/g, ''));
      continue;
    }
    const tail = /\s+(\d{1,2})[.)]?$/.exec(p);
    if (tail && n > 0 && Number(tail[1]) === n + 1) {
      parts.push(p.slice(0, tail.index).trim());
      n++;
    } else parts.push(p);
  }
  const kept = parts.filter((p) => p.length > 2);
  return kept.length ? kept : [text.trim()];
}

export type Addressee = { kind: 'unit'; unit: UnitRef; chosen?: true } | { kind: 'city'; chosen?: true } | { kind: 'ask' };

/**
 * The addressee the officer chose in the report's summary ("gửi Sở Xây dựng"),
 * kept with the proposal's text as a visible tag: "… [gửi Sở Xây dựng]".
 */
const SEND_TAG = /\s*\[(?:gửi|gui)\s+([^\]]+)\]\s*$/iu;

/** A proposal's text without the officer's "[gửi …]" tag, and the tag's unit as typed. */
export function sendTag(text: string): { text: string; to: string | null } {
  const m = SEND_TAG.exec(text);
  return m ? { text: text.slice(0, m.index).trim(), to: m[1]!.trim() } : { text, to: null };
}

/** The unit a typed name means ("Sở Xây dựng", "so xay dung", "thành phố"), or 'ask' when none or several. */
export function unitTyped(text: string, units: UnitRef[]): Addressee {
  const named = firstNamed(key(text), units);
  if (named.kind !== 'ask') return named;
  const found = lookupUnit(text, units);
  return found.kind === 'one' ? (found.unit.kind === 'CITY' ? { kind: 'city' } : { kind: 'unit', unit: found.unit }) : { kind: 'ask' };
}

/** Words that mean the city itself (answered by the standing office). */
const CITY_WORDS = [/\bthanh pho\b/, /\bban chi dao\b/, /\bthuong truc\b/, /\bcap tren\b/, /\btrung uong\b/, /\bcac so,? (ban,? )?nganh\b/, /\bcac co quan (cap )?thanh pho\b/, /\blanh dao thanh pho\b/];
/** A proposal's verb: the addressee follows it ("đề nghị Sở Tài chính …"). */
const VERB = /\b(de nghi|kien nghi|de xuat|xin|mong|kinh de nghi|yeu cau|can)\b/;

const key = (s: string) => ` ${unitKey(s).replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim()} `;

/**
 * The unit that must answer a proposal, from its text: the first unit or city
 * word after the proposal's verb (or anywhere, without one). A unit of the city
 * itself (UBND thành phố, Thành ủy, Ban Chỉ đạo) is the standing office's; a
 * unit's name that contains "thành phố" ("Công an thành phố") stays that unit.
 */
export function recogniseAddressee(text: string, units: UnitRef[]): Addressee {
  const tag = sendTag(text);
  if (tag.to) {
    const chosen = unitTyped(tag.to, units);
    if (chosen.kind !== 'ask') return { ...chosen, chosen: true };
    text = tag.text;
  }
  const all = key(text);
  const verb = VERB.exec(all);
  return firstNamed(verb ? ` ${all.slice(verb.index + verb[0].length).trim()} ` : all, units);
}

/** The first unit or city word named anywhere in a text ("Sở Tài chính còn bao nhiêu kiến nghị quá hạn"). */
export function unitNamedIn(text: string, units: UnitRef[]): Addressee {
  return firstNamed(key(text), units);
}

function firstNamed(scope: string, units: UnitRef[]): Addressee {
  type Hit = { at: number; end: number; unit: UnitRef | null };
  const hits: Hit[] = [];
  for (const u of units) {
    for (const name of new Set([u.name, ...u.aliases].map(key))) {
      if (name.trim().length < 3) continue;
      const at = scope.indexOf(name);
      if (at >= 0) hits.push({ at, end: at + name.length, unit: u });
    }
  }
  for (const re of CITY_WORDS) {
    const m = re.exec(scope);
    if (m && !hits.some((h) => h.unit && h.at <= m.index && m.index < h.end)) hits.push({ at: m.index, end: m.index + m[0].length, unit: null });
  }
  if (!hits.length) return { kind: 'ask' };
  // Earliest first; at the same place the longest name ("Văn phòng UBND thành phố" over "UBND thành phố").
  hits.sort((a, b) => a.at - b.at || b.end - a.end);
  const first = hits[0]!;
  if (!first.unit || first.unit.kind === 'CITY') return { kind: 'city' };
  return { kind: 'unit', unit: first.unit };
}

/**
 * In the report's summary, the officer names who must answer: "gửi Sở Xây dựng"
 * (the only proposal), "gửi 2 Sở Xây dựng", "gửi kiến nghị 2 cho Sở Xây dựng".
 */
export function readSendTo(text: string): { n: number | null; to: string } | null {
  const m = /^\s*(?:gửi|gui|chuyển|chuyen|nơi nhận|noi nhan)\s+(?:(?:(?:kiến nghị|kien nghi|đề xuất|de xuat|kn|số|so)\s*)?(\d{1,2})\s*[:.,-]?\s+)?(?:(?:cho|tới|toi|đến|den)\s+)?(.+)$/iu.exec(text);
  if (!m) return null;
  const to = m[2]!.replace(/[.!]+$/, '').trim();
  return to ? { n: m[1] ? Number(m[1]) : null, to } : null;
}

export type SendToProblem = 'no-proposals' | 'which' | 'out-of-range';

/** The proposals' text with item `n` (1-based; null = the only one) tagged for `to`, the items joined by "; ". */
export function withSendTo(proposals: string | null | undefined, n: number | null, to: string): { text: string } | { problem: SendToProblem; count: number } {
  const items = splitProposals(proposals);
  if (!items.length) return { problem: 'no-proposals', count: 0 };
  if (n === null && items.length > 1) return { problem: 'which', count: items.length };
  const at = (n ?? 1) - 1;
  if (at < 0 || at >= items.length) return { problem: 'out-of-range', count: items.length };
  items[at] = `${sendTag(items[at]!).text} [gửi ${to}]`;
  return { text: items.join('; ') };
}

export type ProposalAnswer =
  | { kind: 'ACKNOWLEDGED'; text: string | null }
  | { kind: 'RESOLVED'; text: string }
  | { kind: 'FORWARDED'; to: string }
  | { kind: 'REFUSED'; text: string };

export type AnswerProblem = 'resolved-needs-text' | 'refused-needs-reason' | 'forward-needs-unit' | 'unknown';

/** "đã tiếp thu", "đã giải quyết: …", "chuyển cho …", "không thể: lý do" (with or without diacritics). */
export function readProposalAnswer(text: string): ProposalAnswer | { problem: AnswerProblem } {
  const t = text.trim();
  const f = fold(t);
  const after = (n: number) => t.slice(n).replace(/^[\s:,.–-]+/, '').trim();
  let m = /^(?:da )?tiep thu\b/.exec(f);
  if (m) return { kind: 'ACKNOWLEDGED', text: after(m[0].length) || null };
  m = /^(?:da )?giai quyet\b/.exec(f);
  if (m) return after(m[0].length) ? { kind: 'RESOLVED', text: after(m[0].length) } : { problem: 'resolved-needs-text' };
  m = /^(?:chuyen(?: tiep)?|giao) (?:cho|toi|den|sang)\b/.exec(f);
  if (m) return after(m[0].length) ? { kind: 'FORWARDED', to: after(m[0].length) } : { problem: 'forward-needs-unit' };
  m = /^(?:khong the|khong giai quyet duoc|tu choi)\b/.exec(f);
  if (m) return after(m[0].length) ? { kind: 'REFUSED', text: after(m[0].length) } : { problem: 'refused-needs-reason' };
  return { problem: 'unknown' };
}

/** The day an answer is due: `days` working days after the day it was raised (or forwarded). */
export function responseDue(raisedOn: Day, days: number, calendar: WorkingCalendar): Day {
  return calendar.addWorkingDays(raisedOn, days);
}

/**
 * Who may answer: the leaders of the addressee unit; for the standing office
 * (no addressee unit), the standing office (admins) and city leaders.
 */
export function mayAnswer(person: PersonRef, addresseeUnitId: number | null): boolean {
  if (addresseeUnitId === null) return person.roles.includes('ADMIN') || person.roles.includes('CITY_LEADER');
  return person.unitId === addresseeUnitId && person.roles.includes('UNIT_LEADER');
}

export type ProposalStatus = 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED' | 'REFUSED';

/** A tracked proposal as chat answers show it. */
export interface ProposalView {
  id: number;
  taskId: number;
  taskNumber: string;
  planCode: string;
  taskTitle: string;
  fromUnitId: number;
  fromUnitName: string;
  proposerId: number | null;
  proposerName: string | null;
  text: string;
  addresseeUnitId: number | null;
  /** null = the standing office. */
  addresseeName: string | null;
  addresseeFrom: string;
  state: ProposalStatus;
  dueOn: Day;
  answer: string | null;
  /** The day of the latest answer (acknowledged, resolved or refused), in Asia/Ho_Chi_Minh. */
  answeredOn: Day | null;
}


/** Still waiting for a settled answer: open, or acknowledged only. Late when the due day has passed. */
export function isPending(state: ProposalStatus): boolean {
  return state === 'OPEN' || state === 'ACKNOWLEDGED';
}
export function isLate(p: { state: ProposalStatus; dueOn: Day }, today: Day): boolean {
  return p.state === 'OPEN' && p.dueOn < today;
}

/** Leaders' questions about proposals: "kiến nghị nào chưa được trả lời", "Sở Tài chính còn bao nhiêu kiến nghị quá hạn". */
export function readProposalQuestion(text: string): { late: boolean; rest: string } | null {
  const f = fold(text).replace(/[?.!]+$/, '').trim();
  if (f === '/kiennghi' || /^\/kiennghi(@\w+)?\s/.test(f)) return { late: /\bqua han\b/.test(f), rest: text.trim().split(/\s+/).slice(1).join(' ') };
  if (!/\b(kien nghi|de xuat)\b/.test(f)) return null;
  if (!/\b(chua (duoc )?(tra loi|giai quyet|phan hoi)|qua han|con (bao nhieu|may)|dang cho|chua xu ly)\b/.test(f)) return null;
  return { late: /\bqua han\b/.test(f), rest: text };
}

/** The working day an unanswered proposal is escalated: PROPOSAL_ESCALATE_DAYS working days after its due day. */
export function escalationDay(dueOn: Day, calendar: WorkingCalendar, days = PROPOSAL_ESCALATE_DAYS): Day {
  return calendar.addWorkingDays(dueOn, days);
}

/**
 * What a still-open proposal needs today (run on working days): from its due
 * day a reminder to the addressee's leaders, from the escalation day an
 * escalation. Acknowledged, resolved and refused proposals are answered.
 * Each step happens once per due day (a forward sets a new one).
 */
export function lateStep(p: { state: ProposalStatus; dueOn: Day }, today: Day, calendar: WorkingCalendar, days = PROPOSAL_ESCALATE_DAYS): 'remind' | 'escalate' | null {
  if (p.state !== 'OPEN' || today < p.dueOn) return null;
  return today >= escalationDay(p.dueOn, calendar, days) ? 'escalate' : 'remind';
}

/** Proposals in a report: pending (open or acknowledged), late, answered in the period, and the addressees with the most pending. */
export interface ProposalCounts {
  open: number;
  late: number;
  answered: number;
  /** null = the standing office. */
  top: Array<{ addressee: string | null; open: number; late: number }>;
}

/** Counts for `/baocao`: answered "in the period" means after `since` up to `asOf`; late means open past its due day at `asOf`. */
export function countProposals(list: Array<Pick<ProposalView, 'state' | 'dueOn' | 'addresseeName' | 'answeredOn'>>, since: Day, asOf: Day, top = 3): ProposalCounts {
  const pending = list.filter((p) => isPending(p.state));
  const by = new Map<string | null, { addressee: string | null; open: number; late: number }>();
  for (const p of pending) {
    const row = by.get(p.addresseeName) ?? { addressee: p.addresseeName, open: 0, late: 0 };
    row.open++;
    if (isLate(p, asOf)) row.late++;
    by.set(p.addresseeName, row);
  }
  return {
    open: pending.length,
    late: pending.filter((p) => isLate(p, asOf)).length,
    answered: list.filter((p) => p.answeredOn !== null && p.answeredOn > since && p.answeredOn <= asOf).length,
    top: [...by.values()].sort((a, b) => b.late - a.late || b.open - a.open || (a.addressee ?? '').localeCompare(b.addressee ?? '', 'vi')).slice(0, top),
  };
}

export type ProposalEventKindName = 'RAISED' | 'ACKNOWLEDGED' | 'RESOLVED' | 'FORWARDED' | 'REFUSED' | 'REMINDED' | 'ESCALATED';

/** A proposal with its append-only history, for a task's detail and the appendix's notes. */
export interface ProposalHistory {
  id: number;
  text: string;
  addresseeName: string | null;
  state: ProposalStatus;
  dueOn: Day;
  events: Array<{ kind: ProposalEventKindName; at: Date; by: string | null; channel: string; to: string | null; toOffice: boolean; text: string | null }>;
}

const VI_EVENT: Record<ProposalEventKindName, string> = {
  RAISED: 'nêu',
  ACKNOWLEDGED: 'đã tiếp thu',
  RESOLVED: 'đã giải quyết',
  FORWARDED: 'chuyển',
  REFUSED: 'không thể',
  REMINDED: 'nhắc hạn',
  ESCALATED: 'báo lên VP thường trực',
};
/** Channels as the appendix (a Vietnamese document) names them. */
export const VI_CHANNEL: Record<string, string> = { TELEGRAM: 'Telegram', ZALO: 'Zalo', CONSOLE: 'console', XLSX: 'Excel', IMPORT: 'nhập tệp', SYSTEM: 'tự động' };

/**
 * One line of the appendix's "Đề xuất, kiến nghị" column per tracked proposal, after
 * the officer's own text: "↳ Kiến nghị số 12 → Sở Tài chính: nêu 26/11/2026 (…, Zalo) · …".
 * The appendix is a document in Vietnamese, like its headers; the import drops these lines.
 */
export function followUpLine(h: ProposalHistory): string {
  const steps = h.events.map((e) => {
    const who = [e.by, VI_CHANNEL[e.channel] ?? e.channel].filter(Boolean).join(', ');
    const what = e.kind === 'FORWARDED' ? `chuyển ${e.to ?? 'VP thường trực'}` : VI_EVENT[e.kind];
    const said = e.text && ['ACKNOWLEDGED', 'RESOLVED', 'REFUSED'].includes(e.kind) ? `: ${e.text}` : '';
    return `${what} ${formatDay(dayOf(e.at))} (${who})${said}`;
  });
  return `${FOLLOW_UP_MARK} Kiến nghị số ${h.id} → ${h.addresseeName ?? 'VP thường trực'}: ${steps.join(' · ')}`;
}

export const FOLLOW_UP_MARK = '↳';

/** The follow-up lines an export adds: a tracked proposal's, an explanation request's (explanations.ts). */
const FOLLOW_UP_LINE = new RegExp(`^${FOLLOW_UP_MARK} (Kiến nghị|Giải trình) số \\d`);

/** The officer's text of an appendix proposals cell, without the follow-up lines an export added. */
export function withoutFollowUp(text: string | null): string | null {
  if (text === null) return null;
  const kept = text.split('\n').filter((l) => !FOLLOW_UP_LINE.test(l.trimStart())).join('\n').trim();
  return kept || null;
}
