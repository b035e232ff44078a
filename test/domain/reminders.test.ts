import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../domain/calendar/working-days.ts';
import { DEFAULT_HOLIDAYS, DEFAULT_MAKEUP_DAYS } from '../../domain/calendar/holidays.ts';
import { decideAfterFailure, isWithinWindow, nextWindowStart, orderIdentities, retryDelayMs, type SendWindow } from '../../domain/delivery/policy.ts';
import type { IdentityRef } from '../../domain/delivery/types.ts';
import { monthlyWarning, monthlyWarningReply, weeklyDigest, weeklyDigestReply } from '../../domain/reminders/digests.ts';
import { reminderChoices, reminderReply } from '../../domain/reminders/message.ts';
import { deadlineReason, escalationDay, isOverdueReminderDay, monthlyRequestDay, planReminders } from '../../domain/reminders/planner.ts';
import { DEFAULT_REMINDER_SETTINGS, parseOffsets, parseWorkingHours, reminderSettings } from '../../domain/reminders/settings.ts';
import { parseReminderChoice, snoozeUntil } from '../../domain/reminders/snooze.ts';
import { dayOf, instantOf, type Day } from '../../domain/shared/day.ts';
import type { TaskRow } from '../../domain/tasks/types.ts';
import { renderReply } from '../../bot/chat/render.ts';
import { loadLocales } from '../../bot/i18n.ts';

const calendar = new WorkingCalendar({ holidays: DEFAULT_HOLIDAYS, makeupDays: DEFAULT_MAKEUP_DAYS });
const settings = reminderSettings();
const window: SendWindow = { calendar, hours: settings.workingHours, mode: 'working' };
const tr = loadLocales();

let nextId = 1;
export function taskRow(overrides: Partial<TaskRow> = {}): TaskRow {
  const id = nextId++;
  return {
    assignmentId: id,
    taskId: id,
    unitId: 1,
    unitName: 'Sở Tài chính',
    unitKind: 'DEPARTMENT',
    planId: 1,
    planCode: 'CTr-2026',
    scope: '',
    kind: 'TASK',
    number: String(id),
    sectionCode: 'I',
    title: `Nhiệm vụ ${id}`,
    leadUnitText: null,
    collective: null,
    deadlineText: 'Tháng 01/2026',
    deadlineKind: 'MONTH',
    deadlineDate: '2026-01-31',
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
    ...overrides,
  };
}

describe('reminder days', () => {
  it.each<[due: Day, expected: Record<number, Day>]>([
    // Saturday deadline: "the day itself" is Friday 30/01.
    ['2026-01-31', { 0: '2026-01-30', 1: '2026-01-29', 3: '2026-01-27', 7: '2026-01-21' }],
    // Right after Tết (14–22/02): counting back skips the whole break.
    ['2026-02-25', { 0: '2026-02-25', 1: '2026-02-24', 3: '2026-02-13', 7: '2026-02-09' }],
    // Sunday 26/04 (Hùng Kings, compensated Monday 27/04) → Friday 24/04.
    ['2026-04-26', { 0: '2026-04-24', 1: '2026-04-23' }],
  ])('deadline %s', (due, expected) => {
    for (const [n, day] of Object.entries(expected)) {
      const reason = deadlineReason(due, day, calendar, [Number(n)]);
      expect(reason).toEqual(Number(n) === 0 ? { kind: 'due-today' } : { kind: 'before', workingDays: Number(n) });
    }
    expect(deadlineReason(due, '2026-01-01', calendar, [7, 3, 1, 0])).toBeNull();
  });

  it('overdue: the first working day after the deadline, then every 7 days moved past days off', () => {
    const due = '2026-01-31';
    const days: Day[] = [];
    for (let d = '2026-01-31'; d <= '2026-03-10'; d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) {
      if (isOverdueReminderDay(due, d, calendar, 7)) days.push(d);
    }
    // nominal 01/02, 08/02, 15/02 (Tết), 22/02 (Tết), 01/03, 08/03 → Mondays; 15 and 22 both land on 23/02.
    expect(days).toEqual(['2026-02-02', '2026-02-09', '2026-02-23', '2026-03-02', '2026-03-09']);
  });

  it('escalation: deadline + delay, on the next working day', () => {
    expect(escalationDay('2026-01-31', 14, calendar)).toBe('2026-02-23');
    expect(escalationDay('2026-03-02', 14, calendar)).toBe('2026-03-16');
  });

  it('monthly request day stays inside its month', () => {
    expect(monthlyRequestDay('2026-01-03', 15, calendar)).toBe('2026-01-15');
    expect(monthlyRequestDay('2026-02-10', 15, calendar)).toBe('2026-02-23'); // Sunday 15/02 in Tết
    expect(monthlyRequestDay('2026-02-10', 31, calendar)).toBe('2026-02-27'); // 28/02 is Saturday; March would be the wrong month
  });
});

describe('planReminders', () => {
  const officer = 10;
  const leader = 20;
  const base = (rows: TaskRow[], day: Day, snoozes: { taskId: number; until: Date }[] = []) =>
    planReminders({
      day,
      responsibilities: new Map([[officer, rows]]),
      assignments: rows,
      leaders: new Map([[1, [leader]]]),
      snoozes: snoozes.map((s) => ({ personId: officer, ...s })),
      calendar,
      settings,
    });

  it('groups the tasks that come up today into one plan per person, most urgent first', () => {
    const a = taskRow({ deadlineDate: '2026-01-31' });
    const b = taskRow({ deadlineDate: '2026-01-02', deadlineText: 'Tháng 12/2025' });
    const c = taskRow({ deadlineDate: '2026-06-30' });
    const plans = base([c, a, b], '2026-01-21');
    expect(plans).toHaveLength(1);
    expect(plans[0]!.items.map((i) => i.row.taskId)).toEqual([a.taskId]);
    // 02/01 + 1 → 03/01 (Saturday) → 05/01; + 7 → 10/01 (make-up Saturday, a working day) … 24/01 → 26/01.
    expect(base([c, a, b], '2026-01-26')[0]!.items.map((i) => i.row.taskId)).toEqual([b.taskId]);
    expect(base([a], '2026-01-24')).toEqual([]); // Saturday
    expect(base([a], '2026-02-17')).toEqual([]); // Tết
  });

  it('done tasks are left out; continuous ones still owe the monthly update', () => {
    const done = taskRow({ state: 'DONE', lastReportedOn: '2026-01-10', doneOn: '2026-01-10' });
    const continuous = taskRow({ deadlineKind: 'CONTINUOUS', deadlineDate: null, rhythm: 'CONTINUOUS', deadlineText: 'Thường xuyên', state: 'DONE', lastReportedOn: '2026-01-05' });
    const updated = taskRow({ deadlineKind: 'CONTINUOUS', deadlineDate: null, rhythm: 'CONTINUOUS', state: 'IN_PROGRESS', percent: 40, lastReportedOn: '2026-02-03' });
    const plans = base([done, continuous, updated], '2026-02-23');
    expect(plans[0]!.items.map((i) => [i.row.taskId, i.reasons.map((r) => r.kind)])).toEqual([[continuous.taskId, ['monthly']]]);
  });

  it('a snooze hides the task until the day it ends, when it comes back', () => {
    const a = taskRow({ deadlineDate: '2026-01-31' });
    const until = instantOf('2026-02-05', 8);
    expect(base([a], '2026-01-30', [{ taskId: a.taskId, until }])).toEqual([]);
    expect(base([a], '2026-02-02', [{ taskId: a.taskId, until }])).toEqual([]);
    const back = base([a], '2026-02-05', [{ taskId: a.taskId, until }]);
    expect(back[0]!.items[0]!.reasons).toEqual([{ kind: 'snoozed' }]);
    expect(base([a], '2026-02-09', [{ taskId: a.taskId, until }])[0]!.items[0]!.reasons).toEqual([{ kind: 'overdue', days: 9 }]);
  });

  it('escalates to the unit leaders once, even for a task nobody answers for', () => {
    const a = taskRow({ deadlineDate: '2026-01-31' });
    const plan = planReminders({ day: '2026-02-23', responsibilities: new Map(), assignments: [a], leaders: new Map([[1, [leader]]]), snoozes: [], calendar, settings });
    expect(plan).toEqual([{ personId: leader, items: [], escalations: [expect.objectContaining({ reasons: [{ kind: 'overdue', days: 23 }] })] }]);
    expect(planReminders({ day: '2026-03-02', responsibilities: new Map(), assignments: [a], leaders: new Map([[1, [leader]]]), snoozes: [], calendar, settings })).toEqual([]);
  });
});

describe('reminder messages', () => {
  const item = (row: TaskRow, day: Day) => base1(row, day)!;
  const base1 = (row: TaskRow, day: Day) => planReminders({ day, responsibilities: new Map([[1, [row]]]), assignments: [], leaders: new Map(), snoozes: [], calendar, settings })[0];

  it('one task: report, no change, snooze tomorrow / next week; several: report buttons, then a list', () => {
    const rows = [1, 2, 3, 4, 5].map(() => taskRow({ deadlineDate: '2026-01-31' }));
    const one = reminderChoices(item(rows[0]!, '2026-01-21').items);
    expect(one.map((c) => c.id)).toEqual([`rm:report:${rows[0]!.taskId}`, `rm:same:${rows[0]!.taskId}`, `rm:snooze:${rows[0]!.taskId}:1`, `rm:snooze:${rows[0]!.taskId}:7`]);
    const plan = planReminders({ day: '2026-01-21', responsibilities: new Map([[1, rows]]), assignments: [], leaders: new Map(), snoozes: [], calendar, settings })[0]!;
    const many = reminderChoices(plan.items);
    expect(many.map((c) => c.id.replace(/\d+/g, 'N'))).toEqual(['rm:report:N', 'rm:report:N', 'rm:report:N', 'rm:list']);
    expect(reminderChoices(plan.items.slice(0, 2))).toHaveLength(2);
    for (const c of [...one, ...many]) expect(Buffer.byteLength(c.id)).toBeLessThanOrEqual(48);
  });

  it('reads well in Vietnamese and English, with deadline, days left and the last report', () => {
    const row = taskRow({ number: 'II.6', planCode: '12-KH/TU', title: 'Xây dựng chiến lược phát triển hạ tầng số', deadlineDate: '2026-01-31', state: 'IN_PROGRESS', percent: 30, lastReportedOn: '2025-11-05' });
    const reply = reminderReply(item(row, '2026-01-27'), '2026-01-27', { name: 'Trần Thị Hồng Nhung', maxTasksListed: 8 })!;
    const vi = renderReply(reply, tr, 'vi', { numberChoices: true });
    expect(vi).toContain('Đồng chí Trần Thị Hồng Nhung có 1 nhiệm vụ cần cập nhật (ngày 27/01/2026)');
    expect(vi).toContain('• II.6 (12-KH/TU): Xây dựng chiến lược phát triển hạ tầng số');
    expect(vi).toContain('Hạn 31/01/2026 · còn 3 ngày làm việc · lần trước (05/11/2025): 30%');
    expect(vi).toContain('1. 📝 Báo cáo ngay');
    const en = renderReply(reply, tr, 'en');
    expect(en).toContain('Due 31/01/2026 · 3 working days left · last (05/11/2025): 30%');
    const overdue = renderReply(reminderReply(item(row, '2026-02-02'), '2026-02-02', { name: 'X', maxTasksListed: 8 })!, tr, 'vi');
    expect(overdue).toContain('Hạn 31/01/2026 · quá hạn 2 ngày');
  });

  it('lists at most maxTasksListed tasks, then "… and N more"', () => {
    const rows = Array.from({ length: 12 }, () => taskRow({ deadlineDate: '2026-01-31' }));
    const plan = planReminders({ day: '2026-01-21', responsibilities: new Map([[1, rows]]), assignments: [], leaders: new Map(), snoozes: [], calendar, settings })[0]!;
    const text = renderReply(reminderReply(plan, '2026-01-21', { name: 'X', maxTasksListed: 8 })!, tr, 'vi', { numberChoices: true });
    expect(text).toContain('có 12 nhiệm vụ');
    expect(text).toContain('… và 4 mục khác.');
    // The button opens "việc của tôi", whose own count is the one of every open task (issue 11): no second number here.
    expect(text).toContain('📋 Xem tất cả việc của tôi');
    expect(text).not.toContain('Xem cả 12');
  });

  it('the monthly request about several tasks offers the unit\'s appendix (/phuluc); about one task it does not', () => {
    const day = monthlyRequestDay('2026-03-02', settings.monthlyRequestDay, calendar);
    const rows = [1, 2, 3].map(() => taskRow({ deadlineDate: '2026-12-31' }));
    const several = planReminders({ day, responsibilities: new Map([[1, rows]]), assignments: [], leaders: new Map(), snoozes: [], calendar, settings })[0]!;
    expect(several.items.every((i) => i.reasons.some((r) => r.kind === 'monthly'))).toBe(true);
    expect(renderReply(reminderReply(several, day, { name: 'X', maxTasksListed: 8 })!, tr, 'vi')).toContain('Gõ /phuluc để nhận phụ lục tiến độ của đơn vị đã điền sẵn');
    const one = planReminders({ day, responsibilities: new Map([[1, rows.slice(0, 1)]]), assignments: [], leaders: new Map(), snoozes: [], calendar, settings })[0]!;
    expect(renderReply(reminderReply(one, day, { name: 'X', maxTasksListed: 8 })!, tr, 'vi')).not.toContain('/phuluc');
  });

  it('reads the choice ids back', () => {
    expect(parseReminderChoice('rm:report:42')).toEqual({ action: 'report', taskId: 42 });
    expect(parseReminderChoice('rm:same:42')).toEqual({ action: 'same', taskId: 42 });
    expect(parseReminderChoice('rm:snooze:42:7')).toEqual({ action: 'snooze', taskId: 42, days: 7 });
    expect(parseReminderChoice('rm:list')).toEqual({ action: 'list' });
    for (const bad of ['rm:snooze:42:3', 'rm:report:42:1', 'rm:report:x', 'bc:ack:1']) expect(parseReminderChoice(bad)).toBeNull();
  });

  it('snoozes end on a working morning', () => {
    expect(snoozeUntil(instantOf('2026-02-13', 15), 1, calendar, settings.workingHours)).toEqual({ day: '2026-02-23', until: instantOf('2026-02-23', 8) });
    expect(snoozeUntil(instantOf('2026-01-29', 10), 7, calendar, settings.workingHours)).toEqual({ day: '2026-02-05', until: instantOf('2026-02-05', 8) });
  });
});

describe('send window', () => {
  it.each<[label: string, at: Date, next: Date]>([
    ['working hours', instantOf('2026-01-21', 9, 30), instantOf('2026-01-21', 9, 30)],
    ['early morning', instantOf('2026-01-21', 6), instantOf('2026-01-21', 8)],
    ['17:00', instantOf('2026-01-21', 17), instantOf('2026-01-22', 8)],
    ['Friday night → Monday', instantOf('2026-01-23', 22), instantOf('2026-01-26', 8)],
    ['16:59 before Tết', instantOf('2026-02-13', 16, 59), instantOf('2026-02-13', 16, 59)],
    ['17:00 before Tết → after it', instantOf('2026-02-13', 17), instantOf('2026-02-23', 8)],
    ['make-up Saturday', instantOf('2026-01-10', 10), instantOf('2026-01-10', 10)],
  ])('%s', (_label, at, next) => {
    expect(nextWindowStart(at, window)).toEqual(next);
    expect(isWithinWindow(nextWindowStart(at, window), window)).toBe(true);
  });

  it("'always' sends at once", () => {
    const at = instantOf('2026-02-17', 23);
    expect(nextWindowStart(at, { ...window, mode: 'always' })).toEqual(at);
  });
});

describe('delivery policy', () => {
  const id = (over: Partial<IdentityRef>): IdentityRef => ({ id: 1, personId: 1, channel: 'TELEGRAM', chatId: '1', locale: 'vi', linkedAt: new Date('2026-01-01'), unreachableAt: null, ...over });

  it('preferred channel first, else the most recently linked; unreachable accounts never', () => {
    const tg = id({ id: 1, channel: 'TELEGRAM', linkedAt: new Date('2026-01-01') });
    const zl = id({ id: 2, channel: 'ZALO', linkedAt: new Date('2026-02-01') });
    const console_ = id({ id: 3, channel: 'CONSOLE', linkedAt: new Date('2026-03-01') });
    expect(orderIdentities([tg, zl, console_], null).map((i) => i.id)).toEqual([2, 1]);
    expect(orderIdentities([tg, zl], 'TELEGRAM').map((i) => i.id)).toEqual([1, 2]);
    expect(orderIdentities([{ ...tg, unreachableAt: new Date() }, zl], 'TELEGRAM').map((i) => i.id)).toEqual([2]);
  });

  it('failures: rate limits wait without an attempt, unknown outcomes repeat reminders but never broadcasts', () => {
    const now = new Date('2026-01-21T02:00:00Z');
    const at = (ms: number) => new Date(now.getTime() + ms);
    const common = { attempts: 1, maxAttempts: 3, now };
    expect(decideAfterFailure({ ...common, kind: 'BROADCAST', failure: 'rate_limited', retryAfterMs: 5000 })).toEqual({ action: 'retry', notBefore: at(5000), countsAsAttempt: false });
    expect(decideAfterFailure({ ...common, kind: 'BROADCAST', failure: 'unknown' })).toEqual({ action: 'final', state: 'UNKNOWN' });
    expect(decideAfterFailure({ ...common, kind: 'REMINDER', failure: 'unknown' })).toEqual({ action: 'retry', notBefore: at(retryDelayMs(1)), countsAsAttempt: true });
    expect(decideAfterFailure({ ...common, attempts: 3, kind: 'DIGEST', failure: 'transient' })).toEqual({ action: 'final', state: 'FAILED' });
    expect(decideAfterFailure({ ...common, kind: 'NOTICE', failure: 'blocked' })).toEqual({ action: 'fallback' });
    expect(decideAfterFailure({ ...common, kind: 'REMINDER', failure: 'permanent' })).toEqual({ action: 'final', state: 'FAILED' });
    expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([30_000, 120_000, 480_000, 1_800_000, 1_800_000]);
  });
});

describe('digests', () => {
  const day = '2026-02-02';
  it('weekly: new overdue, upcoming, new difficulties, units with the most overdue', () => {
    const rows = [
      taskRow({ unitId: 1, unitName: 'Sở Tài chính', deadlineDate: '2026-01-31' }),
      taskRow({ unitId: 2, unitName: 'Xã Tiên Lãng', deadlineDate: '2026-01-31' }),
      taskRow({ unitId: 2, unitName: 'Xã Tiên Lãng', deadlineDate: '2025-12-31' }),
      taskRow({ unitId: 2, unitName: 'Xã Tiên Lãng', deadlineDate: '2026-02-10' }),
      taskRow({ unitId: 1, unitName: 'Sở Tài chính', deadlineDate: '2026-12-31', state: 'IN_PROGRESS', percent: 20, lastReportedOn: '2026-01-28', difficulties: 'Thiếu kinh phí', proposals: 'Đề nghị bổ sung vốn' }),
      taskRow({ unitId: 1, unitName: 'Sở Tài chính', deadlineDate: '2026-12-31', state: 'IN_PROGRESS', lastReportedOn: '2026-01-10', difficulties: 'cũ' }),
    ];
    const d = weeklyDigest(rows, day);
    expect([d.overdue, d.newOverdue.length, d.upcoming.length, d.newIssues.length]).toEqual([3, 2, 1, 1]);
    expect(d.unitsMostOverdue).toEqual([
      { unitId: 2, unitName: 'Xã Tiên Lãng', count: 2 },
      { unitId: 1, unitName: 'Sở Tài chính', count: 1 },
    ]);
    const text = renderReply(weeklyDigestReply(d, { scope: 'city', name: 'X' })!, tr, 'vi');
    expect(text).toContain('📊 Tổng hợp tuần (02/02/2026) · toàn thành phố');
    expect(text).toContain('🔴 Mới quá hạn trong tuần (2):');
    expect(text).toContain('vướng: Thiếu kinh phí · đề xuất: Đề nghị bổ sung vốn');
    expect(text).toContain('Xã Tiên Lãng: 2 nhiệm vụ quá hạn');
    expect(weeklyDigestReply(weeklyDigest([taskRow({ deadlineDate: '2026-12-31' })], day), { scope: 'city', name: 'X' })).toBeNull();
  });

  it('monthly: each unit\'s share updated against 90%, worst first, and the tasks not updated', () => {
    const rows = [
      ...Array.from({ length: 9 }, () => taskRow({ unitId: 1, unitName: 'Sở A', deadlineDate: '2026-12-31', lastReportedOn: '2026-02-03', state: 'IN_PROGRESS' })),
      taskRow({ unitId: 1, unitName: 'Sở A', deadlineDate: '2026-12-31' }),
      taskRow({ unitId: 2, unitName: 'Phường B', deadlineDate: '2026-12-31', lastReportedOn: '2026-01-30', state: 'IN_PROGRESS' }),
      taskRow({ unitId: 2, unitName: 'Phường B', deadlineDate: '2026-12-31', lastReportedOn: '2026-02-20', state: 'IN_PROGRESS' }),
      taskRow({ unitId: 2, unitName: 'Phường B', state: 'DONE', lastReportedOn: '2026-01-05', doneOn: '2026-01-05' }),
    ];
    const w = monthlyWarning(rows, '2026-02-25');
    expect(w.units.map((u) => [u.unitName, u.updated, u.open, u.share, u.belowTarget])).toEqual([
      ['Phường B', 1, 2, 50, true],
      ['Sở A', 9, 10, 90, false],
    ]);
    expect([w.updated, w.open, w.share, w.belowTarget]).toEqual([10, 12, 83, true]);
    expect(w.stale.map((i) => i.row.unitName)).toEqual(['Phường B', 'Sở A']);
    const text = renderReply(monthlyWarningReply(w, { scope: 'city', name: 'X' })!, tr, 'vi');
    expect(text).toContain('Đã cập nhật 10/12 nhiệm vụ (83%) ⚠️ dưới mức 90% theo Chương trình.');
    expect(text).toContain('⚠️ Phường B: 1/2 (50%)');
    expect(text).toContain('✅ Sở A: 9/10 (90%)');
  });
});

describe('settings', () => {
  it('parses working hours and offsets, refusing nonsense', () => {
    expect(parseWorkingHours('08:00-17:00')).toEqual({ startMinute: 480, endMinute: 1020 });
    expect(parseWorkingHours('7:30 - 11:30')).toEqual({ startMinute: 450, endMinute: 690 });
    expect(parseWorkingHours('00:00-24:00')).toEqual({ startMinute: 0, endMinute: 1440 });
    for (const bad of ['8-17', '17:00-08:00', '25:00-26:00', '08:00-24:30']) expect(() => parseWorkingHours(bad)).toThrow();
    expect(parseOffsets('0,1,3,7')).toEqual([7, 3, 1, 0]);
    expect(() => parseOffsets('7,x')).toThrow(/"x"/);
    expect(DEFAULT_REMINDER_SETTINGS.offsets).toEqual([7, 3, 1, 0]);
    expect(dayOf(instantOf('2026-01-01', 8))).toBe('2026-01-01');
  });
});
