/**
 * The SQL of prisma/stores/question-data.ts against the reference meaning of
 * every filter (domain/questions/answer-filter.ts over the status engine),
 * on the sample data, on days around deadlines, Tết and year ends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleData } from '../../bot/services/seed.ts';
import type { MemoryQuestionData } from '../../domain/questions/answer-memory.ts';
import type { AsOf, DayRange, ItemFilter } from '../../domain/questions/ports.ts';
import type { StatusFilter } from '../../domain/questions/types.ts';
import { PrismaQuestionData } from '../../prisma/stores/question-data.ts';
import { PrismaTaskQueries } from '../../prisma/stores/task-queries.ts';
import type { TaskRow } from '../../domain/tasks/types.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { questionTwins } from '../support/question-twins.ts';

const STATUSES: StatusFilter[] = ['OVERDUE', 'DUE_SOON', 'DONE', 'IN_PROGRESS', 'ON_TRACK', 'NOT_STARTED', 'OPEN', 'STALE', 'HAS_DIFFICULTIES', 'MET', 'NOT_MET'];
const DAYS = ['2025-11-14', '2025-12-26', '2026-01-01', '2026-01-31', '2026-10-31', '2026-11-26', '2026-12-28', '2027-06-30'];

describe('question filters in SQL agree with the status engine', () => {
  let db: TestDatabase;
  let sql: PrismaQuestionData;
  let memory: MemoryQuestionData;
  let catHai: number;
  let noiVu: number;
  let plans: number[];
  let taskIds: number[];
  let twins: Awaited<ReturnType<typeof questionTwins>>;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    twins = await questionTwins(db.prisma);
    ({ sql, memory } = twins);
    const rows = twins.rows;
    catHai = (await db.prisma.unit.findFirstOrThrow({ where: { name: 'Đặc khu Cát Hải' } })).id;
    noiVu = (await db.prisma.unit.findFirstOrThrow({ where: { name: 'Sở Nội vụ' } })).id;
    plans = (await sql.plans()).map((p) => p.id);
    taskIds = [...new Set(rows.filter((r) => r.number === '1' || r.number === 'A.II.6').map((r) => r.taskId))];
  });
  afterAll(async () => {
    await db.destroy();
  });

  function filters(today: string): ItemFilter[] {
    const quarter: DayRange = { from: today.slice(0, 4) + '-10-01', to: today.slice(0, 4) + '-12-31' };
    const list: ItemFilter[] = [{ unitIds: null }, { unitIds: [catHai] }, { unitIds: [catHai, noiVu] }, { unitIds: [] }];
    for (const s of STATUSES) list.push({ unitIds: null, statuses: [s] }, { unitIds: [catHai], statuses: [s] });
    list.push(
      { unitIds: null, statuses: ['OVERDUE', 'STALE'] },
      { unitIds: null, statuses: ['OPEN', 'HAS_DIFFICULTIES'] },
      { unitIds: null, kind: 'INDICATOR' },
      { unitIds: null, kind: 'TASK', statuses: ['OPEN'] },
      ...plans.map((planId) => ({ unitIds: null, planId, statuses: ['OPEN'] as StatusFilter[] })),
      { unitIds: null, taskIds },
      { unitIds: null, statuses: ['OPEN'], dueWindow: quarter },
      { unitIds: null, dueWindow: { from: '2025-01-01', to: '2025-12-31' } },
      { unitIds: null, dueWindow: { from: today, to: today.slice(0, 4) + '-12-31' }, statuses: ['OPEN'] },
      { unitIds: null, statuses: ['DONE'], doneWindow: { from: '2025-10-01', to: '2026-12-31' } },
      { unitIds: null, reportedWindow: { from: '2026-10-01', to: '2026-10-31' } },
      { unitIds: null, hasProposals: true },
      { unitIds: [catHai], statuses: ['HAS_DIFFICULTIES'], planId: plans[1] },
    );
    return list;
  }

  /** Rows each status selected over all days: no comparison may pass for want of rows. */
  const seen = new Map<string, number>();
  afterAll(() => {
    for (const s of STATUSES) expect(seen.get(s) ?? 0, s).toBeGreaterThan(0);
  });

  for (const today of DAYS) {
    it(`on ${today}: the same rows, counts, order and status counts`, async () => {
      const asOf: AsOf = { today, dueSoonDays: 7 };
      for (const f of filters(today)) {
        const label = JSON.stringify(f);
        const expected = await memory.assignments(f, asOf);
        if (f.statuses?.length === 1 && !f.unitIds) seen.set(f.statuses[0]!, (seen.get(f.statuses[0]!) ?? 0) + expected.length);
        expect((await sql.assignments(f, asOf)).map((r) => r.assignmentId), label).toEqual(expected.map((r) => r.assignmentId));
        expect(await sql.countByUnit(f, asOf), label).toEqual(await memory.countByUnit(f, asOf));
        const all = { offset: 0, size: 10_000 };
        expect((await sql.page(f, asOf, all)).map((r) => r.assignmentId), label).toEqual((await memory.page(f, asOf, all)).map((r) => r.assignmentId));
      }
      for (const f of filters(today).filter((x) => !x.statuses?.length).slice(0, 12)) {
        expect(await sql.statusCounts(f, asOf), JSON.stringify(f)).toEqual(await memory.statusCounts(f, asOf));
        expect(await sql.monthlyUpdates(f, asOf), JSON.stringify(f)).toEqual(await memory.monthlyUpdates(f, asOf));
        const totals = await memory.statusTotals(f, asOf);
        expect(await sql.statusTotals(f, asOf), JSON.stringify(f)).toEqual(totals.total ? totals : { ...totals, unitId: 0 });
      }
    });
  }

  it('names the same directing leaders and sections as the rows do (read by skip scans)', async () => {
    const names = await sql.taskNames();
    const expected = await memory.taskNames();
    expect(names.leaders.length).toBeGreaterThan(3);
    const byName = (list: typeof names.leaders) => [...list].sort((a, b) => a.name.localeCompare(b.name));
    expect(byName(names.leaders)).toEqual(byName(expected.leaders));
    expect([...names.sections].sort()).toEqual([...expected.sections].sort());
    expect(names.sections.size).toBeGreaterThan(10);
  });

  it('pages are slices of the whole order, ties broken as byUrgency does', async () => {
    const asOf: AsOf = { today: '2026-11-26', dueSoonDays: 7 };
    for (const f of [{ unitIds: null, statuses: ['OVERDUE'] as StatusFilter[] }, { unitIds: null }, { unitIds: null, statuses: ['NOT_STARTED'] as StatusFilter[] }]) {
      const whole = (await memory.page(f, asOf, { offset: 0, size: 10_000 })).map((r) => r.assignmentId);
      const pages: number[] = [];
      for (let offset = 0; offset < Math.min(whole.length, 60); offset += 7) pages.push(...(await sql.page(f, asOf, { offset, size: 7 })).map((r) => r.assignmentId));
      expect(pages).toEqual(whole.slice(0, pages.length));
    }
  });

  it('updates within a period agree with the history', async () => {
    for (const range of [
      { from: '2026-10-01', to: '2026-10-31' },
      { from: '2025-11-01', to: '2025-11-30' },
      { from: '2026-10-27', to: '2026-11-26' },
      { from: '2025-12-01', to: '2025-12-31' },
    ]) {
      for (const f of [{ unitIds: null }, { unitIds: [catHai] }, { unitIds: null, kind: 'INDICATOR' as const }]) {
        expect(await sql.updatesIn(f, range), JSON.stringify([range, f])).toEqual(await memory.updatesIn(f, range));
      }
    }
  });

  it("a number's rows, the task's columns read once for all its shares, are the rows the assignments give", async () => {
    const order = (ref: string) => (a: TaskRow, b: TaskRow) => Number(b.number === ref) - Number(a.number === ref) || a.taskId - b.taskId || a.unitId - b.unitId;
    const refs = [...new Set(twins.rows.map((r) => r.number))];
    refs.push('II.6', 'a.ii.6', '#1', '1.', '999999', 'I.1.1');
    let shared = 0;
    for (const ref of refs) {
      for (const unitIds of [null, [catHai], [catHai, noiVu]]) {
        const clean = ref.replace(/^#/, '').replace(/\.$/, '').toUpperCase();
        const expected = (await memory.findByRef(ref, unitIds)).sort(order(clean));
        const found = await sql.findByRef(ref, unitIds);
        expect(found, JSON.stringify([ref, unitIds])).toEqual(expected);
        if (new Set(found.map((r) => r.taskId)).size < found.length) shared++;
      }
    }
    expect(shared).toBeGreaterThan(3);
    // values JSON could change: quotes, backslashes, new lines, tabs, fractions, nulls
    const row = twins.rows.find((r) => r.number === '1')!;
    await db.prisma.assignment.update({
      where: { id: row.assignmentId },
      data: { difficulties: 'Thiếu "kinh phí"\\ \n\t 50% – đợt 2', percent: 33.3, actualValue: 0.1, proposals: null, outputDocument: 'QĐ 12/2026\u2028' },
    });
    await db.prisma.task.update({ where: { id: row.taskId }, data: { title: `${row.title} "trích dẫn"\n` } });
    const fresh = new PrismaQuestionData(db.prisma);
    const queries = new PrismaTaskQueries(db.prisma);
    const expected = (await queries.assignments({ taskIds: [row.taskId] })).sort(order('1'));
    expect((await fresh.findByRef('1', null)).filter((r) => r.taskId === row.taskId)).toEqual(expected);
  });
});
