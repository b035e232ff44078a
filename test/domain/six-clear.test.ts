import { describe, expect, it } from 'vitest';
import { checkSixClear, gapsOf, readSixClearRequest, type TaskFacts } from '../../domain/accountability/six-clear.ts';
import { sixClearTarget } from '../../domain/accountability/six-clear-reply.ts';
import type { UnitRef } from '../../domain/units/types.ts';

const task = (over: Partial<TaskFacts> = {}): TaskFacts => ({
  taskId: 1, planId: 1, planCode: 'CTr-2026', number: '1', kind: 'TASK', title: 'Xây dựng kế hoạch', deadlineKind: 'MONTH', deadlineText: 'Tháng 01/2026',
  leadUnitText: 'Sở Nội vụ', directingLeader: 'Đồng chí Hoàng Minh Cường', expectedOutput: 'Kế hoạch', targetValue: null,
  shares: [{ unitId: 10, unitName: 'Sở Nội vụ', hasOfficer: true }], ...over,
});

describe('the "6 rõ" check of one task', () => {
  it.each([
    ['a complete task', {}, []],
    ['no officer in a unit', { shares: [{ unitId: 10, unitName: 'Sở Nội vụ', hasOfficer: false }] }, ['who']],
    ['no title', { title: '  ' }, ['what']],
    ['a deadline kept as text', { deadlineKind: 'UNKNOWN', deadlineText: 'Theo chỉ đạo' }, ['when']],
    ['no deadline', { deadlineKind: 'NONE', deadlineText: null }, ['when']],
    ['"Thường xuyên" is a readable rhythm', { deadlineKind: 'CONTINUOUS', deadlineText: 'Thường xuyên' }, []],
    ['no lead unit and no share', { leadUnitText: null, shares: [] }, ['who', 'responsibility']],
    ['no expected output', { expectedOutput: null }, ['output']],
    ['an indicator: its target is the output', { kind: 'INDICATOR', expectedOutput: null, targetValue: 60 }, []],
    ['no directing leader', { directingLeader: '—' }, ['authority']],
  ] as const)('%s', (_name, over, gaps) => {
    expect(gapsOf(task(over as Partial<TaskFacts>))).toEqual(gaps);
  });

  it('counts per plan and per unit, and a unit view looks only at its shares', () => {
    const tasks = [
      task({ taskId: 1, number: '1', shares: [{ unitId: 10, unitName: 'Sở Nội vụ', hasOfficer: true }, { unitId: 11, unitName: 'Xã Tiên Lãng', hasOfficer: false }] }),
      task({ taskId: 2, number: '2', directingLeader: null, shares: [{ unitId: 11, unitName: 'Xã Tiên Lãng', hasOfficer: false }] }),
      task({ taskId: 3, number: '3', planId: 2, planCode: '12-KH/TU' }),
    ];
    const all = checkSixClear(tasks);
    expect(all).toMatchObject({ tasks: 3, withGaps: 2, counts: { who: 2, authority: 1, output: 0 } });
    expect(all.plans.map((p) => [p.planCode, p.withGaps, p.tasks, p.sharesWithoutOfficer, p.shares])).toEqual([['CTr-2026', 2, 2, 2, 3], ['12-KH/TU', 0, 1, 0, 1]]);
    expect(all.units.map((u) => [u.unitName, u.withGaps, u.shares, u.counts.who])).toEqual([['Xã Tiên Lãng', 2, 2, 2]]);
    const noiVu = checkSixClear(tasks, new Set([10]));
    expect(noiVu).toMatchObject({ tasks: 2, withGaps: 0 });
  });
});

describe('asking for the check', () => {
  it.each([
    ['/6ro', ''],
    ['/6ro Cát Hải', 'Cát Hải'],
    ['/6ro@nq57_bot 12-KH/TU', '12-KH/TU'],
    ['kiểm tra 6 rõ', ''],
    ['kiem tra 6 ro cua Cat Hai', 'Cat Hai'],
    ['6 rõ chương trình 2026?', 'chương trình 2026'],
    ['rà soát sáu rõ của Sở Nội vụ', 'Sở Nội vụ'],
  ])('%s', (text, rest) => {
    expect(readSixClearRequest(text)).toEqual({ rest });
  });
  it.each(['6 rõ ràng là chậm', 'nhiệm vụ 6', 'tiến độ 60%'])('not a request: %s', (text) => {
    expect(readSixClearRequest(text)).toBeNull();
  });

  const plans = [{ id: 1, code: 'CTr-2026', title: 'Chương trình công tác năm 2026' }, { id: 2, code: '12-KH/TU', title: 'Kế hoạch 12' }, { id: 3, code: '238/KH-UBND', title: 'Kế hoạch 238' }];
  const units: UnitRef[] = [
    { id: 26, code: 'dac-khu-cat-hai', name: 'Đặc khu Cát Hải', kind: 'SPECIAL_ZONE', parentId: null, aliases: ['Cát Hải', 'ĐK Cát Hải'] },
    { id: 10, code: 'so-noi-vu', name: 'Sở Nội vụ', kind: 'DEPARTMENT', parentId: null, aliases: [] },
  ];
  it.each([
    ['', 'all'],
    ['12-KH/TU', 'plan:2'],
    ['kh 12', 'plan:2'],
    ['ke hoach so 238', 'plan:3'],
    ['chương trình 2026', 'plan:1'],
    ['ctr 2026', 'plan:1'],
    ['Cát Hải', 'unit:26'],
    ['cat hai', 'unit:26'],
    ['đơn vị Sở Nội vụ', 'unit:10'],
    ['so noi vu', 'unit:10'],
    ['Bạch Long Vĩ', 'unknown'],
  ])('target "%s"', (rest, expected) => {
    const t = sixClearTarget(rest, plans, units);
    expect(t.kind === 'plan' ? `plan:${t.plan.id}` : t.kind === 'unit' ? `unit:${t.unit.id}` : t.kind).toBe(expected);
  });
});
