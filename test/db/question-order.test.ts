/**
 * The list answers' single statement (prisma/stores/question-data.ts `list`)
 * against the reference in memory: the order of task numbers in SQL, pages
 * of rows and of tasks, the counts and the base's totals, and those totals
 * kept per change of the tasks and assignments (shared by every message's
 * PrismaQuestionData) but counted again once an assignment is added.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleData } from '../../bot/services/seed.ts';
import type { MemoryQuestionData } from '../../domain/questions/answer-memory.ts';
import type { AsOf, ItemFilter } from '../../domain/questions/ports.ts';
import type { StatusFilter } from '../../domain/questions/types.ts';
import { compareNumbers } from '../../domain/tasks/types.ts';
import { numberKeySql, PrismaQuestionData, QuestionReference } from '../../prisma/stores/question-data.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { questionTwins } from '../support/question-twins.ts';

describe('list answers in one statement', () => {
  let db: TestDatabase;
  let sql: PrismaQuestionData;
  let memory: MemoryQuestionData;
  let catHai: number;
  let plans: number[];

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    ({ sql, memory } = await questionTwins(db.prisma));
    catHai = (await db.prisma.unit.findFirstOrThrow({ where: { name: 'Đặc khu Cát Hải' } })).id;
    plans = (await sql.plans()).map((p) => p.id);
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('orders task numbers as compareNumbers does', async () => {
    const numbers = [
      '1', '2', '9', '10', '22', '100', '1.3', '1.10', '1.9', '2.1', 'III', 'II', 'IV', 'IX', 'V', 'X',
      'A.I.1', 'A.I.1.9', 'A.I.1.10', 'A.I.2', 'A.II.6', 'A.II.10', 'A.IV.2', 'A.IX.1', 'A.V.3', 'A.X.1', 'B.NV.5', 'B.NV.12', 'B.CT.2', 'B.CT.10', 'B.1', 'C.X.3', 'A', 'B',
    ];
    const rows = (await db.prisma.$queryRawUnsafe(
      `SELECT n FROM unnest($1::text[]) WITH ORDINALITY AS x(n, i) ORDER BY ${numberKeySql('x.n')}, x.i`,
      numbers,
    )) as { n: string }[];
    expect(rows.map((r) => r.n)).toEqual([...numbers].sort(compareNumbers));
  });

  const asOfs: AsOf[] = ['2025-12-26', '2026-11-26', '2026-12-28'].map((today) => ({ today, dueSoonDays: 7 }));

  function filters(): { filter: ItemFilter; base: ItemFilter }[] {
    const city: ItemFilter = { unitIds: null };
    const out: { filter: ItemFilter; base: ItemFilter }[] = [];
    for (const statuses of [['OVERDUE'], ['DUE_SOON'], ['OPEN'], ['DONE'], ['NOT_STARTED'], []] as StatusFilter[][]) {
      out.push({ filter: { ...city, statuses }, base: city });
      out.push({ filter: { unitIds: [catHai], statuses }, base: { unitIds: [catHai] } });
      out.push({ filter: { unitIds: null, kind: 'TASK', statuses }, base: { unitIds: null, kind: 'TASK' } });
    }
    out.push({ filter: { unitIds: null, kind: 'INDICATOR', statuses: ['MET'] }, base: { unitIds: null, kind: 'INDICATOR' } });
    out.push({ filter: { unitIds: null, planId: plans[0], statuses: ['OPEN'] }, base: { unitIds: null, planId: plans[0] } });
    out.push({ filter: { unitIds: null, statuses: ['DONE'], wholeTasksDone: true }, base: city });
    return out;
  }

  for (const asOf of asOfs) {
    it(`on ${asOf.today}: pages of rows and of tasks, counts and totals as in memory`, async () => {
      for (const { filter, base } of filters()) {
        const label = JSON.stringify(filter);
        const matchedByUnit = await memory.countByUnit(filter, asOf);
        const sum = (list: { count: number }[]) => list.reduce((n, c) => n + c.count, 0);
        const expected = {
          matched: sum(matchedByUnit),
          total: sum(await memory.countByUnit(base, asOf)),
          tasks: await memory.countTasks(filter, asOf),
          taskTotal: await memory.countTasks(base, asOf),
        };
        for (const page of [{ offset: 0, size: 8 }, { offset: 5, size: 4 }, { offset: 10_000, size: 8 }]) {
          const rows = await sql.selection(filter, base, asOf, page, 'rows');
          expect(rows.rows.map((r) => r.assignmentId), label).toEqual((await memory.page(filter, asOf, page)).map((r) => r.assignmentId));
          expect({ matched: rows.matched, total: rows.total, tasks: rows.tasks, taskTotal: rows.taskTotal }, label).toEqual(expected);
          const tasks = await sql.selection(filter, base, asOf, page, 'tasks');
          expect(tasks.groups, label).toEqual(await memory.pageTasks(filter, asOf, page));
          expect(await sql.pageTasks(filter, asOf, page), label).toEqual(tasks.groups);
        }
        const counts = await sql.selection(filter, base, asOf, { offset: 0, size: 8 }, 'none');
        expect(counts.byUnit, label).toEqual(matchedByUnit);
        expect(counts.rows.length + counts.groups.length, label).toBe(0);
        expect(await sql.countTasks(base, asOf), label).toBe(expected.taskTotal);
      }
    });
  }

  it("copies the task's kind and rhythm on its rows, and keeps them when the task changes", async () => {
    const plan = await db.prisma.plan.findFirstOrThrow();
    const task = await db.prisma.task.create({
      data: { planId: plan.id, kind: 'INDICATOR', rhythm: 'YEARLY', number: '9998', sectionCode: 'A', position: 9998, label: '9998', title: 'Chỉ tiêu hằng năm', scope: 'test' },
    });
    const row = await db.prisma.assignment.create({ data: { taskId: task.id, unitId: catHai } });
    expect([row.taskKind, row.yearly]).toEqual(['INDICATOR', true]);
    await db.prisma.task.update({ where: { id: task.id }, data: { kind: 'TASK', rhythm: 'ONCE' } });
    const after = await db.prisma.assignment.findUniqueOrThrow({ where: { id: row.id } });
    expect([after.taskKind, after.yearly]).toEqual(['TASK', false]);
    // a write to the copies alone cannot make them disagree with the task
    await db.prisma.assignment.update({ where: { id: row.id }, data: { taskKind: 'INDICATOR', yearly: true } });
    const forced = await db.prisma.assignment.findUniqueOrThrow({ where: { id: row.id } });
    expect([forced.taskKind, forced.yearly]).toEqual(['TASK', false]);
    await db.prisma.assignment.delete({ where: { id: row.id } });
    await db.prisma.task.delete({ where: { id: task.id } });
  });

  it('keeps the base totals per change of tasks and assignments, across messages', async () => {
    const shared = new QuestionReference();
    let now = 0;
    const message = () => new PrismaQuestionData(db.prisma, () => (now += 2_000), shared);
    const asOf: AsOf = { today: '2026-11-26', dueSoonDays: 7 };
    const filter: ItemFilter = { unitIds: [catHai], statuses: ['OVERDUE'] };
    const base: ItemFilter = { unitIds: [catHai] };
    const first = await message().selection(filter, base, asOf, { offset: 0, size: 8 }, 'rows');
    expect(shared.baseTotals?.totals.size).toBe(1);
    expect((await message().selection(filter, base, asOf, { offset: 0, size: 8 }, 'rows')).total).toBe(first.total);
    // a new task shared with Cát Hải: the next message counts it
    const plan = await db.prisma.plan.findFirstOrThrow();
    const task = await db.prisma.task.create({ data: { planId: plan.id, kind: 'TASK', number: '9999', sectionCode: 'A', position: 9999, label: '9999', title: 'Nhiệm vụ thêm', scope: 'test' } });
    await db.prisma.assignment.create({ data: { taskId: task.id, unitId: catHai } });
    const after = await message().selection(filter, base, asOf, { offset: 0, size: 8 }, 'rows');
    expect(after.total).toBe(first.total + 1);
    expect(after.taskTotal).toBe(first.taskTotal + 1);
  });
});
