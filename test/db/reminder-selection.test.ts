/**
 * The daily reminder run selects its rows in SQL (reminderSelection: the
 * calendar as a list of deadline days; PrismaPlanningReads.reminderCandidates)
 * and plans only those: for every day of 2026 (Tết, the monthly request
 * days, year end), on the sample data with extra assignees, inactive people,
 * yearly and continuous tasks and snoozes, the plan equals the one made from
 * every assignment, as the planner did before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleData } from '../../bot/services/seed.ts';
import { planReminders, reminderSelection } from '../../domain/reminders/planner.ts';
import { reminderSettings } from '../../domain/reminders/settings.ts';
import { addDays, dayOf, instantOf, type Day } from '../../domain/shared/day.ts';
import { PrismaPlanningReads } from '../../prisma/stores/delivery-store.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { calendar } from './delivery-fixtures.ts';

describe('reminders selected in SQL plan exactly what the planner plans from every assignment', () => {
  let db: TestDatabase;
  let reads: PrismaPlanningReads;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    reads = new PrismaPlanningReads(db.prisma);
    // Named assignees (one inactive), a yearly task, deadlines spread over the year, snoozes ending on various days.
    const tasks = await db.prisma.task.findMany({ orderBy: { id: 'asc' }, include: { assignments: true } });
    const people = await db.prisma.person.findMany({ where: { unitId: { not: null } }, orderBy: { id: 'asc' } });
    for (const [i, t] of tasks.entries()) {
      if (i % 5 === 1) {
        const deadline = instantOf(addDays('2026-01-03', i * 9));
        await db.prisma.task.update({ where: { id: t.id }, data: { deadlineDate: deadline, deadlineKind: 'DAY' } });
        await db.prisma.assignment.updateMany({ where: { taskId: t.id }, data: { deadlineDate: deadline } });
      }
      if (i % 11 === 2) await db.prisma.task.update({ where: { id: t.id }, data: { rhythm: 'YEARLY', deadlineKind: 'YEARLY', deadlineDate: null } });
      const a = t.assignments[0];
      const p = people.find((x) => x.unitId === a?.unitId && !x.isFocal);
      if (a && p && i % 4 === 0) await db.prisma.taskAssignee.create({ data: { taskId: t.id, personId: p.id } });
      if (a && i % 7 === 3) await db.prisma.assignment.update({ where: { id: a.id }, data: { state: 'DONE', doneOn: instantOf('2025-06-30') } });
    }
    await db.prisma.person.update({ where: { id: people[3]!.id }, data: { active: false } });
    const focal = await db.prisma.person.findMany({ where: { isFocal: true }, take: 6 });
    for (const [i, p] of focal.entries()) {
      const a = await db.prisma.assignment.findFirst({ where: { unitId: p.unitId! }, orderBy: { id: 'asc' } });
      if (a) await db.prisma.reminderSnooze.create({ data: { personId: p.id, taskId: a.taskId, until: instantOf(addDays('2026-01-20', i * 45), 8) } });
    }
  }, 240_000);

  afterAll(async () => {
    await db?.destroy();
  });

  it('for every day of 2026', async () => {
    const settings = reminderSettings({});
    const status = { dueSoonDays: 7 };
    const all = await reads.allAssignments();
    const everyone = await reads.responsibilities(all);
    const leaders = await reads.leadersByUnit();
    const snoozes = await reads.snoozes(new Date(0));
    const earliest = await reads.earliestDeadline();
    let planned = 0;
    let days = 0;
    for (let day: Day = '2026-01-01'; day <= '2026-12-31'; day = addDays(day, 1)) {
      const expected = planReminders({ day, responsibilities: everyone, assignments: all, leaders, snoozes, calendar, settings, status });
      const sel = reminderSelection(day, earliest, calendar, settings);
      const c = await reads.reminderCandidates(day, sel, snoozes.filter((s) => dayOf(s.until) === day).map((s) => s.taskId));
      const actual = planReminders({ day, responsibilities: c.responsibilities, assignments: c.rows, leaders, snoozes, calendar, settings, status });
      expect(actual, day).toEqual(expected);
      planned += expected.length;
      if (expected.length) days++;
    }
    // The comparison is not vacuous: most working days plan something.
    expect(days).toBeGreaterThan(150);
    expect(planned).toBeGreaterThan(1000);
  }, 600_000);
});
