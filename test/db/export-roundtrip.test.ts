import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportProgressAppendix } from '../../bot/services/export.ts';
import { importBytes, importFile } from '../../bot/services/import.ts';
import { seedSampleData } from '../../bot/services/seed.ts';
import { readSheets } from '../../bot/files/read-sheet.ts';
import type { Db } from '../../prisma/database.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { CAT_HAI_XLSX } from '../support/samples.ts';

async function snapshot(prisma: Db) {
  const rows = await prisma.assignment.findMany({ include: { task: { include: { plan: true } }, unit: true } });
  return rows
    .map((a) => ({
      plan: a.task.plan.code,
      number: a.task.number,
      unit: a.unit.name,
      kind: a.task.kind,
      title: a.task.title,
      section: [a.task.sectionCode, a.task.sectionTitle, a.task.groupCode, a.task.groupTitle],
      deadline: [a.task.deadlineText, a.task.deadlineDate?.toISOString() ?? null, a.task.rhythm],
      state: a.state,
      percent: a.percent,
      actualValue: a.actualValue,
      actualText: a.actualText,
      outputDocument: a.outputDocument,
      expected: a.expectedCompletionText,
      difficulties: a.difficulties,
      proposals: a.proposals,
    }))
    .sort((x, y) => `${x.plan} ${x.number} ${x.unit}`.localeCompare(`${y.plan} ${y.number} ${y.unit}`));
}

describe('export of the progress appendix', () => {
  let a: TestDatabase;
  let b: TestDatabase;
  beforeAll(async () => {
    [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([a.destroy(), b.destroy()]);
  });

  it('import → export → import into an empty database gives the same data', async () => {
    await importFile(a.prisma, CAT_HAI_XLSX, { asOf: '2025-11-14', today: '2025-11-14', actor: 'test' });
    const unit = await a.prisma.unit.findFirstOrThrow({ where: { name: 'Đặc khu Cát Hải' } });
    const { data, units } = await exportProgressAppendix(a.prisma, { unitIds: [unit.id], asOf: '2025-11-30' });
    expect(units).toEqual(['Đặc khu Cát Hải']);
    const grids = await readSheets(data, 'x.xlsx');
    expect(grids[0]!.rows[1]![0]).toBe('Đơn vị báo cáo: Đặc khu Cát Hải');
    const outcome = await importBytes(b.prisma, data, 'phu-luc.xlsx', { today: '2026-01-01', actor: 'test' });
    expect(outcome.problems).toEqual([]);
    expect(outcome.summary.tasksCreated).toBe(54);
    expect(await snapshot(b.prisma)).toEqual(await snapshot(a.prisma));
    // The title's "số liệu đến ngày 30/11/2025" is the day the imported progress speaks about.
    const update = await b.prisma.progressUpdate.findFirstOrThrow();
    expect(update.asOf?.toISOString().slice(0, 10)).toBe('2025-11-30');
  });

  it('re-importing an export of every unit over the sample data changes nothing', async () => {
    await seedSampleData(b.prisma);
    const before = await snapshot(b.prisma);
    const updates = await b.prisma.progressUpdate.count();
    const { data, units } = await exportProgressAppendix(b.prisma, { unitIds: null, asOf: '2026-11-26' });
    expect(units.length).toBeGreaterThan(20);
    const outcome = await importBytes(b.prisma, data, 'tat-ca.xlsx', { today: '2026-11-26', actor: 'test' });
    expect(outcome.problems).toEqual([]);
    expect(outcome.summary).toMatchObject({ tasksCreated: 0, tasksChanged: 0, updatesCreated: 0, unitsCreated: 0, plansCreated: 0 });
    expect(await b.prisma.progressUpdate.count()).toBe(updates);
    expect(await snapshot(b.prisma)).toEqual(before);
  });
});
