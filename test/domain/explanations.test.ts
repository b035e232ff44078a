/**
 * Explanation requests (issue 15.1): reading the command, reply deadlines in
 * working days (weekends, holidays, Tết), reminder and escalation timing, and
 * who may request and answer.
 */
import { describe, expect, it } from 'vitest';
import { deadlineActions, escalationDay, mayAnswerExplanation, mayRequest, mayRequestAny, readDueAndReason, readExplanationCommand, readExplanationQuestion, readTypedExplanation, resolveDue } from '../../domain/accountability/explanations.ts';
import type { PersonRef } from '../../domain/people/types.ts';
import { requesterDigestLines } from '../../domain/accountability/explanations-reply.ts';
import type { ExplanationView } from '../../domain/accountability/explanations.ts';
import type { UnitRef } from '../../domain/units/types.ts';
import { CALENDAR } from '../support/telegram-harness.ts';

const U = (id: number, name: string, kind: UnitRef['kind'], parentId: number | null): UnitRef => ({ id, code: `u${id}`, name, kind, parentId, aliases: [] });
const UNITS = [U(1, 'Ủy ban nhân dân thành phố', 'CITY', null), U(2, 'Sở Tài chính', 'DEPARTMENT', 1), U(3, 'Đặc khu Cát Hải', 'SPECIAL_ZONE', 1), U(4, 'Phòng Kinh tế Cát Hải', 'OTHER', 3)];
const P = (roles: PersonRef['roles'], unitId: number | null): PersonRef => ({ id: 9, fullName: 'X', unitId, roles });

describe('reading /giaitrinh', () => {
  it.each([
    ['/giaitrinh', { kind: 'list' }],
    ['/giaitrinh@nq57_bot', { kind: 'list' }],
    ['/giaitrinh II.6', { kind: 'request', ref: 'II.6', unitText: null, due: null, reason: null }],
    ['/giaitrinh nv 13 Sở Tài chính', { kind: 'request', ref: '13', unitText: 'Sở Tài chính', due: null, reason: null }],
    ['/giaitrinh nhiệm vụ số 1 của Xã Tiên Lãng 10 ngày làm việc', { kind: 'request', ref: '1', unitText: 'Xã Tiên Lãng', due: { kind: 'days', days: 10 }, reason: null }],
    ['/giaitrinh 13 so tai chinh han 15/12', { kind: 'request', ref: '13', unitText: 'so tai chinh', due: { kind: 'date', day: 15, month: 12, year: null }, reason: null }],
    ['/giaitrinh A.II.8 hạn 2.12.2026', { kind: 'request', ref: 'A.II.8', unitText: null, due: { kind: 'date', day: 2, month: 12, year: 2026 }, reason: null }],
    ['/giaitrinh A.II.8 Cát Hải trong 3 ngày, lý do: chậm hai quý', { kind: 'request', ref: 'A.II.8', unitText: 'Cát Hải', due: { kind: 'days', days: 3 }, reason: 'chậm hai quý' }],
    ['/giaitrinh 99.99', { kind: 'request', ref: '99.99', unitText: null, due: null, reason: null }],
    ['/giaitrinh nv 1.2', { kind: 'request', ref: '1.2', unitText: null, due: null, reason: null }],
    ['/giaitrinh Cát Hải', { kind: 'usage' }],
  ])('%s', (text, expected) => {
    expect(readExplanationCommand(text)).toEqual(expected);
  });
  it('a deadline or a reason typed alone at a confirmation, with and without diacritics', () => {
    expect(readDueAndReason('hạn 15/12', true)).toEqual({ rest: '', due: { kind: 'date', day: 15, month: 12, year: null }, reason: null });
    expect(readDueAndReason('10 ngay lam viec', true)).toEqual({ rest: '', due: { kind: 'days', days: 10 }, reason: null });
    expect(readDueAndReason('han 10/12, ly do: chua cap nhat tu thang 6', true)).toEqual({ rest: '', due: { kind: 'date', day: 10, month: 12, year: null }, reason: 'chua cap nhat tu thang 6' });
    expect(readDueAndReason('lý do: chậm 5 tháng', true)).toEqual({ rest: '', due: null, reason: 'chậm 5 tháng' });
    // Anything else is left over (the confirmation reads it afresh): "15" alone after a task stays the task's.
    expect(readDueAndReason('tiến độ Sở Nội vụ', true).rest).toBe('tiến độ Sở Nội vụ');
    expect(readDueAndReason('15', false)).toEqual({ rest: '15', due: null, reason: null });
  });

  it('other text is not the command', () => {
    expect(readExplanationCommand('/giaitrinh_traloi 5 abc')).toBeNull();
    expect(readExplanationCommand('giải trình')).toBeNull();
  });
  it('typed answers and questions, with and without diacritics', () => {
    expect(readTypedExplanation('gt 5 Đang chờ hướng dẫn của Bộ')).toEqual({ id: 5, text: 'Đang chờ hướng dẫn của Bộ' });
    expect(readTypedExplanation('/giaitrinh_traloi 12: thiếu kinh phí')).toEqual({ id: 12, text: 'thiếu kinh phí' });
    expect(readTypedExplanation('giải trình số 3')).toEqual({ id: 3, text: '' });
    expect(readTypedExplanation('gt')).toBeNull();
    for (const q of ['những đơn vị nào chưa giải trình', 'nhung don vi nao chua giai trinh?', 'Đơn vị nào chưa giải trình']) expect(readExplanationQuestion(q)).toEqual({ lateOnly: false });
    expect(readExplanationQuestion('yêu cầu giải trình nào quá hạn')).toEqual({ lateOnly: true });
    expect(readExplanationQuestion('giải trình')).toBeNull();
  });
});

describe('reply deadlines in working days', () => {
  it('5 working days by default, skipping the weekend', () => {
    // Thursday 26/11/2026 → Thursday 3/12.
    expect(resolveDue(null, '2026-11-26', CALENDAR)).toEqual({ ok: true, dueOn: '2026-12-03' });
    expect(resolveDue({ kind: 'days', days: 1 }, '2026-11-27', CALENDAR)).toEqual({ ok: true, dueOn: '2026-11-30' });
  });
  it('skip Tết and public holidays', () => {
    // Tết Bính Ngọ: off 14–22/02/2026; asked Thursday 12/2 → 13/2 then 23, 24, 25, 26/2.
    expect(resolveDue(null, '2026-02-12', CALENDAR)).toEqual({ ok: true, dueOn: '2026-02-26' });
    // 30/4–3/5/2026 off: asked Wednesday 29/4 → 4, 5, 6, 7, 8/5.
    expect(resolveDue(null, '2026-04-29', CALENDAR)).toEqual({ ok: true, dueOn: '2026-05-08' });
    // A date typed on a Tết holiday moves to the first working day after it.
    expect(resolveDue({ kind: 'date', day: 17, month: 2, year: null }, '2026-02-02', CALENDAR)).toEqual({ ok: true, dueOn: '2026-02-23' });
  });
  it('a day typed without a year is the next such day; bad or past ones are refused', () => {
    expect(resolveDue({ kind: 'date', day: 15, month: 1, year: null }, '2026-12-10', CALENDAR)).toEqual({ ok: true, dueOn: '2027-01-15' });
    expect(resolveDue({ kind: 'date', day: 31, month: 2, year: null }, '2026-11-26', CALENDAR)).toEqual({ ok: false, problem: 'bad-date' });
    expect(resolveDue({ kind: 'date', day: 1, month: 1, year: 2020 }, '2026-11-26', CALENDAR)).toEqual({ ok: false, problem: 'past-date' });
    expect(resolveDue({ kind: 'days', days: 0 }, '2026-11-26', CALENDAR)).toEqual({ ok: false, problem: 'days-range' });
    expect(resolveDue({ kind: 'days', days: 61 }, '2026-11-26', CALENDAR)).toEqual({ ok: false, problem: 'days-range' });
  });
});

describe('reminder and escalation timing', () => {
  const open = { state: 'OPEN' as const, dueOn: '2026-12-03', reminded: false, escalated: false };
  it('reminded on the due day, escalated 2 working days later, each once', () => {
    expect(deadlineActions(open, '2026-12-02', CALENDAR)).toEqual({ remind: false, escalate: false });
    expect(deadlineActions(open, '2026-12-03', CALENDAR)).toEqual({ remind: true, escalate: false });
    expect(deadlineActions({ ...open, reminded: true }, '2026-12-04', CALENDAR)).toEqual({ remind: false, escalate: false });
    // Thursday 3/12 + 2 working days = Monday 7/12.
    expect(escalationDay('2026-12-03', CALENDAR)).toBe('2026-12-07');
    expect(deadlineActions({ ...open, reminded: true }, '2026-12-07', CALENDAR)).toEqual({ remind: false, escalate: true });
    expect(deadlineActions({ ...open, reminded: true, escalated: true }, '2026-12-08', CALENDAR)).toEqual({ remind: false, escalate: false });
  });
  it('a run that missed days escalates without a separate reminder; answered requests are left alone', () => {
    expect(deadlineActions(open, '2026-12-10', CALENDAR)).toEqual({ remind: false, escalate: true });
    expect(deadlineActions({ ...open, state: 'ANSWERED' }, '2026-12-10', CALENDAR)).toEqual({ remind: false, escalate: false });
  });
  it('escalation counts working days across Tết', () => {
    // Due Friday 13/2/2026: Tết off until 22/2 → escalated Tuesday 24/2.
    expect(escalationDay('2026-02-13', CALENDAR)).toBe('2026-02-24');
  });
});

describe('who may request and answer', () => {
  it('city leaders and the standing office: any unit', () => {
    expect(mayRequest(P(['CITY_LEADER'], 1), 3, UNITS)).toEqual({ ok: true });
    expect(mayRequest(P(['ADMIN', 'OFFICER'], null), 2, UNITS)).toEqual({ ok: true });
  });
  it('a unit leader: only the units under theirs', () => {
    expect(mayRequest(P(['UNIT_LEADER'], 3), 4, UNITS)).toEqual({ ok: true });
    expect(mayRequest(P(['UNIT_LEADER'], 3), 3, UNITS)).toEqual({ ok: false, why: 'out-of-scope' });
    expect(mayRequest(P(['UNIT_LEADER'], 3), 2, UNITS)).toEqual({ ok: false, why: 'out-of-scope' });
    expect(mayRequestAny(P(['UNIT_LEADER'], 2), UNITS)).toBe(false);
  });
  it('officers, community teams and residents: nobody', () => {
    for (const roles of [['OFFICER'], ['COMMUNITY_TEAM'], ['RESIDENT']] as PersonRef['roles'][]) {
      expect(mayRequest(P(roles, 3), 4, UNITS)).toEqual({ ok: false, why: 'not-allowed' });
      expect(mayRequestAny(P(roles, 3), UNITS)).toBe(false);
    }
  });
  it('the unit\'s leaders and officers answer; nobody else', () => {
    expect(mayAnswerExplanation(P(['OFFICER'], 3), 3)).toBe(true);
    expect(mayAnswerExplanation(P(['UNIT_LEADER'], 3), 3)).toBe(true);
    expect(mayAnswerExplanation(P(['UNIT_LEADER'], 2), 3)).toBe(false);
    expect(mayAnswerExplanation(P(['COMMUNITY_TEAM'], 3), 3)).toBe(false);
    expect(mayAnswerExplanation(P(['CITY_LEADER'], 1), 3)).toBe(false);
  });
});

describe('the requester\'s weekly digest', () => {
  const view = (id: number, dueOn: string, escalated = false): ExplanationView => ({
    id, taskId: id, taskNumber: String(id), planCode: 'CTr-2026', taskTitle: 't', unitId: 7, unitName: 'Xã Tiên Lãng', requesterId: 1, requesterName: 'Nguyễn Thu Hà',
    reason: null, dueOn, state: 'OPEN', answer: null, remindedAt: null, escalatedAt: escalated ? new Date('2026-12-02T01:00:00Z') : null,
  });
  it('nothing while no request is past its deadline; else the count, late ones first, at most the list size', () => {
    expect(requesterDigestLines([view(1, '2026-12-10')], '2026-12-07', 10)).toEqual([]);
    const lines = requesterDigestLines([view(1, '2026-12-10'), view(2, '2026-11-30', true), view(3, '2026-12-01')], '2026-12-07', 2);
    expect(lines[0]!.text).toMatchObject({ key: 'gt-digest-title', args: { count: 3, late: 2 } });
    expect(lines.slice(1, 3).map((l) => ('args' in l.text ? l.text.args?.id : null))).toEqual([2, 3]);
    expect(lines[1]!.text).toMatchObject({ args: { late: 'yes', escalated: 'yes' } });
    expect(lines[3]!.text).toMatchObject({ key: 'gt-list-more', args: { count: 1 } });
  });
});
