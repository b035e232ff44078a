/**
 * A one-share task's detail in one statement (PrismaQuestionData.detail)
 * says what the separate reads say: the latest updates in force, as
 * `history` gives them, and whether proposals and explanation requests
 * exist, as their histories do — for every assignment of the sample data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleData } from '../../bot/services/seed.ts';
import { PrismaQuestionData } from '../../prisma/stores/question-data.ts';
import { PrismaTaskQueries } from '../../prisma/stores/task-queries.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

describe('task detail in one statement', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('agrees with history, proposalHistory and explanationHistory', async () => {
    const data = new PrismaQuestionData(db.prisma);
    const rows = await new PrismaTaskQueries(db.prisma).assignments({});
    let withHistory = 0;
    // every tenth share, and every share with proposals or explanation requests
    const flagged = new Set((await db.prisma.proposal.findMany()).map((p) => `${p.taskId}:${p.fromUnitId}`));
    for (const e of await db.prisma.explanationRequest.findMany()) flagged.add(`${e.taskId}:${e.unitId}`);
    for (const row of rows.filter((r, i) => i % 10 === 0 || flagged.has(`${r.taskId}:${r.unitId}`))) {
      for (const limit of [6, 1000]) {
        const d = await data.detail(row, limit);
        expect(d.history, `${row.assignmentId}`).toEqual(await data.history(row.assignmentId, limit));
        if (d.history.length) withHistory++;
      }
      const d = await data.detail(row, 6);
      expect(d.proposals, `${row.assignmentId}`).toBe((await data.proposalHistory(row.taskId, row.unitId)).length > 0);
      expect(d.explanations, `${row.assignmentId}`).toBe((await data.explanationHistory(row.taskId, row.unitId)).length > 0);
    }
    expect(withHistory).toBeGreaterThan(0);
  });

  it('comes with the row when a number finds one share alone, and is read fresh after', async () => {
    const data = new PrismaQuestionData(db.prisma);
    const rows = await new PrismaTaskQueries(db.prisma).assignments({});
    let single = 0;
    for (const row of rows.slice(0, 40)) {
      const found = await data.findByRef(row.number, [row.unitId]);
      expect(found, row.number).toEqual(await new PrismaTaskQueries(db.prisma).findByNumber(row.number, [row.unitId]));
      const mine = found.filter((r) => r.assignmentId === row.assignmentId);
      if (found.length === 1) single++;
      expect((await data.detail(mine[0]!, 6)).history, row.number).toEqual(await data.history(row.assignmentId, 6));
    }
    expect(single).toBeGreaterThan(0);
  });

  it("reads a share's days as Vietnam's: a report at 00:30 on 1/12 (17:30 UTC the day before) is of 1/12", async () => {
    const [row] = await new PrismaTaskQueries(db.prisma).assignments({});
    await db.prisma.assignment.update({ where: { id: row!.assignmentId }, data: { lastReportedAt: new Date('2026-11-30T17:30:00Z') } });
    const data = new PrismaQuestionData(db.prisma);
    const [found] = (await data.findByRef(row!.number, [row!.unitId])).filter((r) => r.assignmentId === row!.assignmentId);
    expect(found!.lastReportedOn).toBe('2026-12-01');
    const [byPrisma] = (await new PrismaTaskQueries(db.prisma).findByNumber(row!.number, [row!.unitId])).filter((r) => r.assignmentId === row!.assignmentId);
    expect(found).toEqual(byPrisma);
    const page = await data.page({ unitIds: [row!.unitId] }, { today: '2026-12-02', dueSoonDays: 7 }, { offset: 0, size: 1000 });
    expect(page.find((r) => r.assignmentId === row!.assignmentId)).toEqual(byPrisma);
  });
});
