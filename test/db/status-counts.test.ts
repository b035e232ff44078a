import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleData } from '../../bot/services/seed.ts';
import { statusCounts } from '../../domain/chat/views.ts';
import { statusOf } from '../../domain/tasks/types.ts';
import { PrismaQuestionData } from '../../prisma/stores/question-data.ts';
import { PrismaTaskQueries } from '../../prisma/stores/task-queries.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

describe('status counts in SQL agree with the status engine', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
  });
  afterAll(async () => {
    await db.destroy();
  });

  // Before and after deadlines, Tết, a year end (yearly tasks reopen), the last week of December (yearly tasks due soon).
  for (const today of ['2025-11-14', '2025-12-26', '2026-01-01', '2026-01-31', '2026-02-01', '2026-03-25', '2026-11-26', '2026-12-28', '2027-06-30']) {
    it(`on ${today}`, async () => {
      const queries = new PrismaTaskQueries(db.prisma);
      const rows = await queries.assignments({});
      const data = new PrismaQuestionData(db.prisma);
      const sql = await data.statusCounts({ unitIds: null }, { today, dueSoonDays: 7 });
      const units = [...new Set(rows.map((r) => r.unitId))].sort((a, b) => a - b);
      expect(sql.map((r) => r.unitId)).toEqual(units);
      for (const u of sql) {
        const mine = rows.filter((r) => r.unitId === u.unitId);
        const c = statusCounts(mine, today, { dueSoonDays: 7 });
        expect({ unit: u.unitId, done: u.done, overdue: u.overdue, dueSoon: u.dueSoon, notStarted: u.notStarted, onTrack: u.onTrack, total: u.total }).toEqual({
          unit: u.unitId,
          done: c.DONE,
          overdue: c.OVERDUE,
          dueSoon: c.DUE_SOON,
          notStarted: c.NOT_STARTED,
          onTrack: c.ON_TRACK,
          total: mine.length,
        });
        const updated = mine.filter((r) => { const s = statusOf(r, today, { dueSoonDays: 7 }); return s.status !== 'DONE' && s.updatedThisMonth; }).length;
        expect(u.updatedThisMonth).toBe(updated);
      }
      const overdue = await data.page({ unitIds: null, statuses: ['OVERDUE'] }, { today, dueSoonDays: 7 }, { offset: 0, size: 100_000 });
      expect(overdue.length).toBe(sql.reduce((n, u) => n + u.overdue, 0));
    });
  }
});
