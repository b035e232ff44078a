/**
 * Explanation requests (yêu cầu giải trình, issue 15): a city leader or the
 * standing office asks a unit to explain a late task; the unit's leaders and
 * the task's officers answer within a number of working days (5 by default);
 * unanswered on the due day, the unit is reminded; still unanswered
 * ESCALATE_AFTER_DAYS working days later, the unit's head and the requester
 * are told. Pure rules here; the chat extension and the daily job use them.
 */
import type { WorkingCalendar } from '../calendar/working-days.ts';
import { descendants } from '../people/scope.ts';
import type { PersonRef } from '../people/types.ts';
import { compareDays, dayOf, formatDay, isDay, makeDay, type Day } from '../shared/day.ts';
import { FOLLOW_UP_MARK, VI_CHANNEL } from './proposals.ts';
import { fold } from '../shared/text.ts';
import type { UnitRef } from '../units/types.ts';

/** Working days a unit has to explain, unless the requester says otherwise. */
export const DEFAULT_EXPLANATION_DAYS = 5;
/** Working days after the reply deadline before an unanswered request is escalated. */
export const ESCALATE_AFTER_DAYS = 2;
/** The longest reply deadline one may give in working days. */
export const MAX_EXPLANATION_DAYS = 60;

export type ExplanationState = 'OPEN' | 'ANSWERED';

/** A request as chat answers and notices show it. */
export interface ExplanationView {
  id: number;
  taskId: number;
  taskNumber: string;
  planCode: string;
  taskTitle: string;
  unitId: number;
  unitName: string;
  requesterId: number;
  requesterName: string;
  reason: string | null;
  dueOn: Day;
  state: ExplanationState;
  answer: string | null;
  remindedAt: Date | null;
  escalatedAt: Date | null;
}

export type DueInput = { kind: 'days'; days: number } | { kind: 'date'; day: number; month: number; year: number | null };

export interface ExplanationCommand {
  /** The task as typed ("II.6", "13", "A.II.6"). */
  ref: string;
  /** The unit as typed, or null (a task of one unit needs none). */
  unitText: string | null;
  due: DueInput | null;
  reason: string | null;
}

export type CommandReading = { kind: 'list' } | { kind: 'usage' } | ({ kind: 'request' } & ExplanationCommand);

const COMMAND = /^\/giaitrinh(?:@\w+)?(?=\s|$)/;
const REF = /^#?(?:[a-z]\.)?(?:[ivx]{1,4}|\d{1,3}|[a-z]{1,3})(?:\.(?:[ivx]{1,4}|\d{1,3}|[a-z]{1,3}))*$/;
const DUE_DAYS = /(?:^|[\s,;])(?:han(?: tra loi)?\s*:?\s*)?(?:trong\s+)?(\d{1,3})\s*ngay(?: lam viec)?$/;
const DUE_DATE = /(?:^|[\s,;])(?:han(?: tra loi)?\s*:?\s*)?(?:truoc\s+|den\s+)?(?:ngay\s+)?(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2}|\d{4}))?$/;
/** "15.12" is a date only after "hạn", "trước", "đến" or "ngày": alone it is a task number ("nv 1.2"). */
const DUE_DOTTED = /(?:^|[\s,;])(?:han(?: tra loi)?\s*:?|truoc|den|ngay)\s*(\d{1,2})\.(\d{1,2})(?:\.(\d{2}|\d{4}))?$/;

/**
 * `/giaitrinh <nhiệm vụ> [đơn vị] [hạn] [lý do: …]`, with or without diacritics:
 * "/giaitrinh 14 Cát Hải 10 ngày làm việc", "/giaitrinh nv 13 so tai chinh han 15/12".
 * `/giaitrinh` alone lists the open requests. Null when the text is not the command.
 */
export function readExplanationCommand(text: string): CommandReading | null {
  // Folding keeps the length of NFC text with single spaces: slices of the folded form cut the original.
  let orig = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  let f = fold(orig);
  const m = COMMAND.exec(f);
  if (!m) return null;
  orig = orig.slice(m[0].length).trim();
  f = fold(orig);
  if (!f) return { kind: 'list' };
  const tail = readDueAndReason(orig, false);
  orig = tail.rest;
  f = fold(orig);
  const { due, reason } = tail;
  // The task: its number, after an optional "nv", "nhiệm vụ", "chỉ tiêu", "số".
  const lead = /^(?:(?:nv|nhiem vu|chi tieu|ct)\s*(?:so\s+)?)?/.exec(f)!;
  const rest = orig.slice(lead[0].length).trim();
  const [first = '', ...more] = rest.split(' ');
  const ref = first.replace(/[,;:]+$/, '');
  if (!ref || !REF.test(fold(ref)) || !/[0-9ivx]/i.test(ref)) return { kind: 'usage' };
  const unit = stripUnitLead(more.join(' '));
  return { kind: 'request', ref: ref.replace(/^#/, ''), unitText: unit || null, due, reason };
}

/**
 * The reply deadline and the reason at the end of a text ("… 10 ngày làm việc",
 * "… hạn 15/12, lý do: …"), and what comes before them. After a task, a lone
 * number is the task's (`atStart` false); typed alone at a confirmation, "hạn
 * 15/12" or "10 ngày" is the deadline (`atStart` true).
 */
export function readDueAndReason(text: string, atStart: boolean): { rest: string; due: DueInput | null; reason: string | null } {
  let orig = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  let f = fold(orig);
  let reason: string | null = null;
  const r = /(?:^|[\s,;])(?:ly do|vi)\s*:/.exec(f);
  if (r) {
    reason = orig.slice(r.index + r[0].length).trim() || null;
    orig = orig.slice(0, r.index).replace(/[\s,;]+$/, '');
    f = fold(orig);
  }
  let due: DueInput | null = null;
  const after = (m: RegExpExecArray | null) => (m && (atStart || m.index > 0) ? m : null);
  const d = after(DUE_DAYS.exec(f));
  const dd = d ? null : (after(DUE_DATE.exec(f)) ?? after(DUE_DOTTED.exec(f)));
  if (d) due = { kind: 'days', days: Number(d[1]) };
  else if (dd) due = { kind: 'date', day: Number(dd[1]), month: Number(dd[2]), year: dd[3] ? (dd[3].length === 2 ? 2000 + Number(dd[3]) : Number(dd[3])) : null };
  const cut = d ?? dd;
  if (cut) orig = orig.slice(0, cut.index).replace(/[\s,;]+$/, '');
  return { rest: orig, due, reason };
}

/** "của Cát Hải", "đơn vị: Sở Tài chính" → the unit's name. */
function stripUnitLead(s: string): string {
  let out = s.replace(/^[\s,;:]+/, '');
  for (;;) {
    const m = /^(?:cua|o|tai|cho|don vi)\b[\s:,]*/.exec(fold(out));
    if (!m || !m[0]) break;
    out = out.slice(m[0].length);
  }
  return out.trim();
}

export type DueProblem = 'days-range' | 'bad-date' | 'past-date';

/**
 * The reply deadline: N working days from today (the default when none was
 * given), or the day typed — moved to the next working day when it is a
 * holiday or a weekend, and refused when it is not after today.
 */
export function resolveDue(due: DueInput | null, today: Day, calendar: WorkingCalendar, defaultDays = DEFAULT_EXPLANATION_DAYS): { ok: true; dueOn: Day } | { ok: false; problem: DueProblem } {
  if (!due) return { ok: true, dueOn: calendar.addWorkingDays(today, defaultDays) };
  if (due.kind === 'days') {
    if (due.days < 1 || due.days > MAX_EXPLANATION_DAYS) return { ok: false, problem: 'days-range' };
    return { ok: true, dueOn: calendar.addWorkingDays(today, due.days) };
  }
  const thisYear = Number(today.slice(0, 4));
  const candidate = (year: number): Day | null => {
    if (due.month < 1 || due.month > 12 || due.day < 1 || due.day > 31) return null;
    const day = makeDay(year, due.month, due.day);
    return isDay(day) && Number(day.slice(8, 10)) === due.day ? day : null;
  };
  let day = candidate(due.year ?? thisYear);
  if (!day) return { ok: false, problem: 'bad-date' };
  // "15/1" typed in December means next January.
  if (due.year === null && compareDays(day, today) <= 0) day = candidate(thisYear + 1);
  if (!day) return { ok: false, problem: 'bad-date' };
  if (compareDays(day, today) <= 0) return { ok: false, problem: 'past-date' };
  return { ok: true, dueOn: calendar.nextWorkingDay(day) };
}

export type RequestRefusal = 'not-allowed' | 'out-of-scope';

/**
 * Who may ask a unit to explain: city leaders and the standing office (admins)
 * any unit; a unit leader the units under their own (its sub-units), never their
 * own unit nor another branch. Everyone else: nobody.
 */
export function mayRequest(person: PersonRef, unitId: number, units: UnitRef[]): { ok: true } | { ok: false; why: RequestRefusal } {
  if (person.roles.includes('CITY_LEADER') || person.roles.includes('ADMIN')) return { ok: true };
  if (person.roles.includes('UNIT_LEADER') && person.unitId !== null) {
    return descendants(person.unitId, units).includes(unitId) ? { ok: true } : { ok: false, why: 'out-of-scope' };
  }
  return { ok: false, why: 'not-allowed' };
}

/** Who may request at all (the command's first check, before any task is looked up). */
export function mayRequestAny(person: PersonRef, units: UnitRef[]): boolean {
  if (person.roles.includes('CITY_LEADER') || person.roles.includes('ADMIN')) return true;
  return person.roles.includes('UNIT_LEADER') && person.unitId !== null && descendants(person.unitId, units).length > 0;
}

/** Who may answer: the unit's leaders and officers. */
export function mayAnswerExplanation(person: PersonRef, unitId: number): boolean {
  return person.unitId === unitId && person.roles.some((r) => r === 'UNIT_LEADER' || r === 'OFFICER');
}

/** The day an unanswered request is escalated: ESCALATE_AFTER_DAYS working days after its deadline. */
export function escalationDay(dueOn: Day, calendar: WorkingCalendar, after = ESCALATE_AFTER_DAYS): Day {
  return calendar.addWorkingDays(dueOn, after);
}

/**
 * What the daily run does with a request on `day`: remind the unit on the due day
 * (or the first run after it), escalate on the escalation day (or after); each once.
 */
export function deadlineActions(r: { state: ExplanationState; dueOn: Day; reminded: boolean; escalated: boolean }, day: Day, calendar: WorkingCalendar, after = ESCALATE_AFTER_DAYS): { remind: boolean; escalate: boolean } {
  if (r.state !== 'OPEN') return { remind: false, escalate: false };
  const escalate = !r.escalated && compareDays(day, escalationDay(r.dueOn, calendar, after)) >= 0;
  const remind = !r.reminded && !escalate && compareDays(day, r.dueOn) >= 0;
  return { remind, escalate };
}

/** Open and past its reply deadline. */
export function isLateExplanation(r: { state: ExplanationState; dueOn: Day }, today: Day): boolean {
  return r.state === 'OPEN' && compareDays(r.dueOn, today) < 0;
}

/** "gt 5 <nội dung>", "/giaitrinh_traloi 5 <nội dung>", "giải trình số 5: …": the request's number and the rest. */
export function readTypedExplanation(text: string): { id: number; text: string } | null {
  const orig = text.normalize('NFC').replace(/[ \t]+/g, ' ').trim();
  const m = /^(?:\/giaitrinh_traloi(?:@\w+)?|gt|giai trinh)\s*(?:so\s*)?#?(\d+)\s*[:.,-]?(?:\s+|$)/.exec(fold(orig.replace(/\n/g, ' ')));
  if (!m) return null;
  return { id: Number(m[1]), text: orig.slice(m[0].length).trim() };
}

/** "những đơn vị nào chưa giải trình", "nhung don vi nao chua giai trinh", "yêu cầu giải trình nào quá hạn". */
export function readExplanationQuestion(text: string): { lateOnly: boolean } | null {
  const f = fold(text).replace(/[?.!]+$/, '').trim();
  if (!/\bgiai trinh\b/.test(f) || f.startsWith('/')) return null;
  if (!/\b(chua|nao|bao nhieu|con may|qua han|danh sach|dang cho)\b/.test(f)) return null;
  return { lateOnly: /\bqua han\b/.test(f) };
}

export type ExplanationEventKindName = 'REQUESTED' | 'ANSWERED' | 'REMINDED' | 'ESCALATED';

/** A request with its append-only history, for a task's detail and the appendix's notes. */
export interface ExplanationHistory {
  id: number;
  requesterName: string;
  state: ExplanationState;
  dueOn: Day;
  events: Array<{ kind: ExplanationEventKindName; at: Date; by: string | null; channel: string; text: string | null; fileName: string | null }>;
}

const VI_STEP: Record<ExplanationEventKindName, string> = {
  REQUESTED: 'yêu cầu',
  ANSWERED: 'giải trình',
  REMINDED: 'nhắc hạn',
  ESCALATED: 'báo lãnh đạo đơn vị',
};

/**
 * One line of the appendix's last column per explanation request of the row's unit, after
 * the proposals': "↳ Giải trình số 5 (hạn 03/12/2026): yêu cầu 26/11/2026 (Lê Minh Tuấn,
 * Telegram): lý do · giải trình 27/11/2026 (Phan Thị Ngọc, Telegram): … [tệp cv.pdf]".
 * One line, whatever the texts hold; the import drops it (proposals.ts `withoutFollowUp`).
 */
export function explanationFollowUpLine(h: ExplanationHistory): string {
  const steps = h.events.map((e) => {
    const who = [e.by, VI_CHANNEL[e.channel] ?? e.channel].filter(Boolean).join(', ');
    const said = [e.text && (e.kind === 'REQUESTED' || e.kind === 'ANSWERED') ? e.text : null, e.fileName ? `[tệp ${e.fileName}]` : null].filter(Boolean).join(' ');
    return `${VI_STEP[e.kind]} ${formatDay(dayOf(e.at))} (${who})${said ? `: ${said}` : ''}`;
  });
  return `${FOLLOW_UP_MARK} Giải trình số ${h.id} (hạn ${formatDay(h.dueOn)}): ${steps.join(' · ')}`.replace(/\s*\n\s*/g, ' ');
}
