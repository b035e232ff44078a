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
    for (const row of rows) {
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
});
