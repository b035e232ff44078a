/**
 * Answering, without a database: the meaning of filters, the order, topics,
 * scope and paging, on hand-made rows in the in-memory QuestionData; and the
 * report summary's rules.
 */
import { describe, expect, it } from 'vitest';
import { line, t } from '../../domain/chat/reply.ts';
import type { PersonRef } from '../../domain/people/types.ts';
import { answerQuestion, reportRequest } from '../../domain/questions/answer.ts';
import { statusFilter } from '../../domain/questions/answer-common.ts';
import { chooseUnit, nextPage } from '../../domain/questions/answer-followup.ts';
import { matchesFilter, sortByUrgency, topicMatcher } from '../../domain/questions/answer-filter.ts';
import { MemoryQuestionData } from '../../domain/questions/answer-memory.ts';
import { kindsKey } from '../../domain/questions/answer-scope.ts';
import { parseQuestion } from '../../domain/questions/parse-question.ts';
import type { AsOf } from '../../domain/questions/ports.ts';
import type { NoteRow } from '../../domain/reports/ports.ts';
import { quarterEve, summarize, summaryReply } from '../../domain/reports/summary.ts';
import { byUrgency, type TaskRow } from '../../domain/tasks/types.ts';
import { context, P, PLANS, TODAY, U, UNITS } from './questions/fixtures.ts';

let nextId = 1;
function row(over: Partial<TaskRow> & { unitId: number }): TaskRow {
  const id = nextId++;
  const plan = PLANS.find((p) => p.id === (over.planId ?? P.KH12))!;
  return {
    assignmentId: id,
    taskId: over.taskId ?? id,
    unitName: UNITS.find((u) => u.id === over.unitId)!.name,
    unitKind: UNITS.find((u) => u.id === over.unitId)!.kind,
    planId: plan.id,
    planCode: plan.code,
    scope: '',
    kind: 'TASK',
    number: String(id),
    sectionCode: 'I',
    title: `Nhiệm vụ ${id}`,
    leadUnitText: null,
    collective: null,
    deadlineText: null,
    deadlineKind: 'DAY',
    deadlineDate: null,
    rhythm: 'ONCE',
    targetComparator: null,
    targetValue: null,
    targetUnit: null,
    targetYear: null,
    state: 'NOT_STARTED',
    percent: null,
    actualValue: null,
    actualText: null,
    outputDocument: null,
    difficulties: null,
    proposals: null,
    expectedCompletionText: null,
    lastReportedOn: null,
    doneOn: null,
    ...over,
  };
}

const asOf: AsOf = { today: TODAY, dueSoonDays: 7 };
const CITY: PersonRef = { id: 1, fullName: 'Lãnh đạo', unitId: U.UBND_TP, roles: ['CITY_LEADER'] };
const CAT_HAI_LEADER: PersonRef = { id: 2, fullName: 'Chủ tịch đặc khu', unitId: U.CAT_HAI, roles: ['UNIT_LEADER'] };

/** Cát Hải: 3 overdue (10, 40, 40 days), 1 due soon, 1 on track, 1 not started, 1 done; Sở Nội vụ: 1 overdue with a difficulty. */
const ROWS: TaskRow[] = [
  row({ unitId: U.CAT_HAI, number: 'A.II.10', deadlineDate: '2026-11-16', state: 'IN_PROGRESS', percent: 40, lastReportedOn: '2026-11-20' }),
  row({ unitId: U.CAT_HAI, number: 'A.II.9', deadlineDate: '2026-10-17', lastReportedOn: null }),
  row({ unitId: U.CAT_HAI, number: 'A.II.2', deadlineDate: '2026-10-17', planId: P.KH238 }),
  row({ unitId: U.CAT_HAI, number: '5', deadlineDate: '2026-11-30', state: 'IN_PROGRESS', percent: 10, lastReportedOn: '2026-09-01' }),
  row({ unitId: U.CAT_HAI, number: '6', deadlineDate: '2027-06-30', state: 'IN_PROGRESS', percent: 60, lastReportedOn: '2026-11-02', title: 'Xây dựng chiến lược chuyển đổi số' }),
  row({ unitId: U.CAT_HAI, number: '7', deadlineDate: '2027-06-30' }),
  row({ unitId: U.CAT_HAI, number: '8', deadlineDate: '2026-06-30', state: 'DONE', doneOn: '2026-06-20', lastReportedOn: '2026-06-20' }),
  row({ unitId: U.SO_NOI_VU, number: '9', deadlineDate: '2026-09-30', state: 'IN_PROGRESS', percent: 20, lastReportedOn: '2026-10-05', difficulties: 'Thiếu kinh phí và nhân lực' }),
];

function memory(rows = ROWS): MemoryQuestionData {
  return new MemoryQuestionData({ units: UNITS, plans: PLANS, rows });
}

async function ask(text: string, person: PersonRef = CITY, page?: { offset: number; size: number }) {
  const interp = parseQuestion(text, context(TODAY, { unitId: person.unitId, roles: person.roles }));
  return answerQuestion(interp, { person, today: TODAY, status: { dueSoonDays: 7 } }, memory(), page);
}

describe('what a filter means', () => {
  const numbersOf = (f: Parameters<typeof matchesFilter>[1]) => ROWS.filter((r) => matchesFilter(r, f, asOf)).map((r) => r.number);

  it('statuses are the engine’s; "trong hạn" is on track or due soon; "đang triển khai" is started, late or not', () => {
    expect(numbersOf({ unitIds: null, statuses: ['OVERDUE'] })).toEqual(['A.II.10', 'A.II.9', 'A.II.2', '9']);
    expect(numbersOf({ unitIds: null, statuses: ['DUE_SOON'] })).toEqual(['5']);
    expect(numbersOf({ unitIds: null, statuses: ['ON_TRACK'] })).toEqual(['5', '6']);
    expect(numbersOf({ unitIds: null, statuses: ['IN_PROGRESS'] })).toEqual(['A.II.10', '5', '6', '9']);
    expect(numbersOf({ unitIds: null, statuses: ['NOT_STARTED'] })).toEqual(['7']);
    expect(numbersOf({ unitIds: null, statuses: ['DONE'] })).toEqual(['8']);
    expect(numbersOf({ unitIds: null, statuses: ['STALE'] })).toEqual(['A.II.9', 'A.II.2', '5', '7', '9']);
    expect(numbersOf({ unitIds: null, statuses: ['HAS_DIFFICULTIES'] })).toEqual(['9']);
    expect(numbersOf({ unitIds: [U.SO_NOI_VU] })).toEqual(['9']);
    expect(numbersOf({ unitIds: null, planId: P.KH238 })).toEqual(['A.II.2']);
  });

  it('windows: due in it, or done in it', () => {
    expect(numbersOf({ unitIds: null, dueWindow: { from: '2026-10-01', to: '2026-10-31' } })).toEqual(['A.II.9', 'A.II.2']);
    expect(numbersOf({ unitIds: null, statuses: ['DONE'], doneWindow: { from: '2026-04-01', to: '2026-06-30' } })).toEqual(['8']);
    expect(numbersOf({ unitIds: null, statuses: ['DONE'], doneWindow: { from: '2026-07-01', to: '2026-09-30' } })).toEqual([]);
  });

  it('reads a question’s time: "sắp đến hạn trong 2 tuần" is open work due then; "hết hạn trước 31/12" is every task due by then, whatever its state', () => {
    const read = (q: string) => statusFilter(parseQuestion(q, context()), TODAY);
    expect(read('sắp đến hạn trong 2 tuần')).toMatchObject({ statuses: ['OPEN'], dueWindow: { from: '2026-11-26', to: '2026-12-10' }, windowUse: 'due', shown: ['DUE_SOON'] });
    expect(read('nhiệm vụ hết hạn trước 31/12')).toMatchObject({ statuses: [], dueWindow: { from: '2026-11-26', to: '2026-12-31' } });
    expect(read('quá hạn tháng 10')).toMatchObject({ statuses: ['OVERDUE'], dueWindow: { from: '2026-10-01', to: '2026-10-31' }, shown: ['OVERDUE'] });
    expect(read('nhiệm vụ đã hoàn thành quý III')).toMatchObject({ statuses: ['DONE'], doneWindow: { from: '2026-07-01', to: '2026-09-30' }, windowUse: 'done' });
  });

  it('orders exactly as byUrgency', () => {
    const shuffled = [...ROWS].reverse();
    expect(sortByUrgency(shuffled, asOf).map((r) => r.number)).toEqual([...shuffled].sort(byUrgency(TODAY, { dueSoonDays: 7 })).map((r) => r.number));
    // the longest overdue first; the plan code, then the number part by part, break ties of the same due day
    expect(sortByUrgency(ROWS, asOf).map((r) => r.number).slice(0, 3)).toEqual(['9', 'A.II.9', 'A.II.2']);
    const sameDay = [row({ unitId: U.CAT_HAI, number: 'A.II.10', deadlineDate: '2026-10-01' }), row({ unitId: U.CAT_HAI, number: 'A.II.9', deadlineDate: '2026-10-01' })];
    expect(sortByUrgency(sameDay, asOf).map((r) => r.number)).toEqual(['A.II.9', 'A.II.10']);
  });

  it('topics: all words of one alternative, abbreviations expanded, marks optional', () => {
    const m = topicMatcher('kinh phí và nhân lực')!;
    expect(m('Thiếu kinh phí')).toBe(true);
    expect(m('thieu nhan luc')).toBe(true);
    expect(m('Thiếu cán bộ')).toBe(false);
    expect(topicMatcher('CĐS')!('Xây dựng chiến lược chuyển đổi số')).toBe(true);
    expect(topicMatcher('xay dung ke hoach 2026')!('Xây dựng Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2026')).toBe(true);
    expect(topicMatcher('5G')!('Tỷ lệ phủ sóng 5G')).toBe(true);
    expect(topicMatcher('5G')!('Tỷ lệ phủ sóng 4G')).toBe(false);
    expect(topicMatcher('về')).toBeNull();
  });

  it('names sets of unit kinds as the city does', () => {
    expect(kindsKey(['COMMUNE', 'WARD', 'SPECIAL_ZONE'])).toBe('LOCALITIES');
    expect(kindsKey(['PARTY_BODY', 'DEPARTMENT', 'AGENCY'])).toBe('CITY_AGENCIES');
    expect(kindsKey(['WARD'])).toBe('WARD');
    expect(kindsKey(['WARD', 'UNIVERSITY'])).toBe('other');
  });
});

describe('answers on the in-memory data', () => {
  it('a list: totals, then items most urgent first, a page at a time with "xem thêm"', async () => {
    const first = await ask('nhiệm vụ quá hạn ở Cát Hải', CITY, { offset: 0, size: 2 });
    expect(first.reply.lines[0]).toEqual(line(expect.objectContaining({ key: 'answer-list-total', args: expect.objectContaining({ count: 3, total: 7, status: 'OVERDUE', name: 'Đặc khu Cát Hải' }) }), { strong: true }));
    expect(first.json.items.map((i) => (i.type === 'task' ? i.number : ''))).toEqual(['A.II.9', 'A.II.2']);
    expect(first.hasMore).toBe(true);
    // A city leader may ask Cát Hải to explain each overdue item shown; "xem thêm" comes last.
    expect(first.reply.choices!.map((c) => c.id)).toEqual([expect.stringMatching(/^gt:rq:\d+:\d+$/), expect.stringMatching(/^gt:rq:\d+:\d+$/), 'q:more']);
    expect(first.reply.choices!.at(-1)).toEqual({ id: 'q:more', label: t('answer-more'), words: expect.arrayContaining(['xem thêm', 'xem them', 'thêm']) });
    expect(first.reply.choices![0]!.label).toEqual(t('gt-choice-request', { number: 'A.II.9', plan: '12-KH/TU', unit: 'Đặc khu Cát Hải', units: 1 }));
    const second = await ask('nhiệm vụ quá hạn ở Cát Hải', CITY, { offset: first.nextOffset!, size: 2 });
    expect(second.json.items.map((i) => (i.type === 'task' ? i.number : ''))).toEqual(['A.II.10']);
    expect(second.hasMore).toBe(false);
    expect(second.reply.choices!.map((c) => c.id)).toEqual([expect.stringMatching(/^gt:rq:/)]);
    // The unit's own leader sees the same items, and no such choice.
    const own = await ask('nhiệm vụ quá hạn ở Cát Hải', CAT_HAI_LEADER, { offset: first.nextOffset!, size: 2 });
    expect(own.json.items.map((i) => (i.type === 'task' ? i.number : ''))).toEqual(['A.II.10']);
    expect(own.reply.choices).toBeUndefined();
  });

  it('the JSON of a list: the reading, the items, the totals', async () => {
    const a = await ask('nhiem vu qua han cat hai');
    expect(a.json).toMatchObject({ intent: 'LIST', statuses: ['OVERDUE'], units: [{ id: U.CAT_HAI, name: 'Đặc khu Cát Hải' }], outcome: 'ANSWERED', totals: { matched: 3, total: 7 } });
    expect(a.json.items[0]).toEqual({
      type: 'task',
      plan: '12-KH/TU',
      number: 'A.II.9',
      kind: 'TASK',
      title: expect.any(String),
      unit: 'Đặc khu Cát Hải',
      leadUnit: 'Đặc khu Cát Hải',
      deadline: '2026-10-17',
      deadlineText: null,
      status: 'OVERDUE',
      daysOverdue: 40,
      percent: null,
      actualValue: null,
      lastUpdate: null,
      daysSinceUpdate: null,
      units: 1,
    });
  });

  it('never guesses: two units ask which, an unknown name says so, a question not understood says what was', async () => {
    const which = await ask('tiến độ An Dương');
    expect(which.json.outcome).toBe('ASK_UNIT');
    expect(which.reply.choices?.map((c) => c.id)).toEqual([`qu:${U.P_AN_DUONG}`, `qu:${U.X_AN_DUONG}`]);
    const unknown = await ask('tiến độ xã Tân Tiến');
    expect(unknown.json.outcome).toBe('UNKNOWN_UNIT');
    expect(unknown.reply.lines[0]!.text).toEqual(t('answer-unknown-unit', { text: 'xã Tân Tiến' }));
    const lost = await ask('giá vàng hôm nay');
    expect(lost.json.outcome).toBe('NOT_UNDERSTOOD');
    expect(lost.reply.lines[1]!.text).toEqual(t('answer-understood', { text: 'thời gian: hôm nay (26/11/2026)' }));
    expect(lost.reply.lines.slice(3).map((l) => ('raw' in l.text ? l.text.raw : ''))).toEqual(['“nhiệm vụ nào quá hạn ở Cát Hải?”', '“các việc sắp đến hạn trong 2 tuần”', '“tỷ lệ hoàn thành của Sở KH&CN”']);
  });

  it('a unit leader sees their unit; another unit is refused by name', async () => {
    const own = await ask('tiến độ', CAT_HAI_LEADER);
    expect(own.json.scope).toEqual({ unitIds: [U.CAT_HAI], label: 'Đặc khu Cát Hải' });
    expect(own.json.totals).toMatchObject({ total: 7, done: 1, overdue: 3, inTime: 2, notStarted: 1, open: 6, updatedThisMonth: 2 });
    const other = await ask('tiến độ Sở Nội vụ', CAT_HAI_LEADER);
    expect(other.json.outcome).toBe('REFUSED');
    expect(other.reply.lines[0]!.text).toEqual(t('answer-out-of-scope', { units: 'Sở Nội vụ' }));
  });

  it('counts, rates and the 90% rule', async () => {
    expect((await ask('có bao nhiêu nhiệm vụ quá hạn')).json.totals).toMatchObject({ matched: 4, total: 8 });
    expect((await ask('tỷ lệ hoàn thành của Cát Hải')).json.totals).toMatchObject({ matched: 1, total: 7, rate: 14.3 });
    const stale = await ask('đơn vị nào chưa cập nhật tháng này');
    expect(stale.json.items.map((i) => (i.type === 'unit' ? [i.unit, i.updatedThisMonth, i.open] : []))).toEqual([
      ['Sở Nội vụ', 0, 1],
      ['Đặc khu Cát Hải', 2, 6],
    ]);
  });

  it('follow-ups: "xem thêm" is the next page; a chosen unit answers the same question for it', async () => {
    const page = { offset: 0, size: 2 };
    const first = await ask('quá hạn', CITY, page);
    expect(nextPage(first, page)).toEqual({ offset: 2, size: 2 });
    const last = await ask('quá hạn', CITY, { offset: 2, size: 2 });
    expect(nextPage(last, { offset: 2, size: 2 })).toBeNull();

    const interp = parseQuestion('quá hạn ở An Dương', context());
    expect(chooseUnit(interp, 'qu:999', UNITS)).toBeNull();
    expect(chooseUnit(interp, 'q:more', UNITS)).toBeNull();
    const chosen = chooseUnit(interp, `qu:${U.P_AN_DUONG}`, UNITS)!;
    expect(chosen).toMatchObject({ intent: 'LIST', statuses: ['OVERDUE'], unitIds: [U.P_AN_DUONG], ambiguousUnit: null });
    expect(chosen.understood).toContain('đơn vị: Phường An Dương');
    expect(JSON.parse(JSON.stringify(chosen))).toEqual(chosen);
    const a = await answerQuestion(chosen, { person: CITY, today: TODAY, status: { dueSoonDays: 7 } }, memory());
    expect(a.json.outcome).toBe('ANSWERED');
    expect(a.json.scope).toEqual({ unitIds: [U.P_AN_DUONG], label: 'Phường An Dương' });
  });

  it('is deterministic', async () => {
    for (const q of ['quá hạn', 'tổng hợp tiến độ', 'đơn vị nào chậm nhất', 'vướng mắc', 'nv 9']) expect(await ask(q)).toEqual(await ask(q));
  });

  it('a report question: the end of the period asked, or today', () => {
    const interp = parseQuestion('xuất báo cáo quý III', context());
    const req = reportRequest(interp, { person: CITY, today: TODAY, status: { dueSoonDays: 7 } }, UNITS);
    expect(req).toMatchObject({ unitIds: null, planId: null, asOf: '2026-09-30' });
    const now = reportRequest(parseQuestion('/baocao', context()), { person: CAT_HAI_LEADER, today: TODAY, status: { dueSoonDays: 7 } }, UNITS);
    expect(now).toMatchObject({ unitIds: [U.CAT_HAI], asOf: TODAY });
    const resident = reportRequest(parseQuestion('/baocao', context()), { person: { id: 9, fullName: 'x', unitId: null, roles: ['RESIDENT'] }, today: TODAY, status: { dueSoonDays: 7 } }, UNITS);
    expect('refused' in resident).toBe(true);
  });
});

describe('the report summary', () => {
  const note = (over: Partial<NoteRow>): NoteRow => ({
    assignmentId: 1,
    unitId: U.CAT_HAI,
    unitName: 'Đặc khu Cát Hải',
    planCode: '12-KH/TU',
    number: '5',
    title: 't',
    reportedOn: '2026-11-20',
    difficulties: null,
    proposals: null,
    previousDifficulties: null,
    previousProposals: null,
    ...over,
  });

  it('counts per plan and status, names the most overdue units, and tells new difficulties from repeated ones', () => {
    const input = {
      asOf: TODAY,
      scope: { kind: 'all' as const, name: '' },
      plan: null,
      rows: ROWS,
      notes: [
        note({ difficulties: 'Thiếu kinh phí', previousDifficulties: null }),
        note({ assignmentId: 2, number: '6', difficulties: 'Thiếu  kinh phí ', previousDifficulties: 'Thiếu kinh phí', proposals: 'Đề nghị bổ sung vốn' }),
      ],
      since: quarterEve(TODAY),
      sinceKind: 'quarter' as const,
      dueSoonDays: 7,
    };
    const f = summarize(input);
    expect(f.total).toMatchObject({ total: 8, done: 1, overdue: 4, open: 7 });
    expect(f.plans.map((p) => [p.plan, p.counts.total])).toEqual([
      ['12-KH/TU', 7],
      ['238/KH-UBND', 1],
    ]);
    expect(f.units.map((u) => [u.unit, u.overdue])).toEqual([
      ['Đặc khu Cát Hải', 3],
      ['Sở Nội vụ', 1],
    ]);
    expect(f.newDifficulties.map((n) => n.number)).toEqual(['5']);
    expect(f.newProposals.map((n) => n.number)).toEqual(['6']);
    expect(f.unitsWithOpen).toBe(2);
    expect(f.unitsBelowRule).toBe(2);
    const keys = summaryReply(f, input).lines.map((l) => ('key' in l.text ? l.text.key : 'raw'));
    expect(keys).toEqual(['report-title', 'report-total', 'report-plans-title', 'report-plan', 'report-plan', 'report-overdue-title', 'report-overdue-unit', 'report-overdue-unit', 'report-updated', 'report-notes-title', 'report-note', 'report-notes-title', 'report-note', 'report-files']);
  });

  it('with no report before, "new" counts from the start of the quarter', () => {
    expect(quarterEve('2026-11-26')).toBe('2026-09-30');
    expect(quarterEve('2026-01-01')).toBe('2025-12-31');
  });
});
