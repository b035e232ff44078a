/**
 * The daily reminder run is planned in SQL (prisma/stores/reminder-sql.ts:
 * one statement, the calendar as data, INSERT … SELECT … ON CONFLICT DO
 * NOTHING) and must plan exactly what the pure planner plans from every
 * assignment (domain/reminders/planner.ts, then reminderReply): the same
 * people, the same kind, account and key, the same message word for word —
 * for every day of 2026 (weekends, Tết, 30/4–1/5, 2/9, the monthly request
 * days, year end), on the sample data with extra assignees, inactive people,
 * yearly and continuous tasks, deadlines on holidays and weekends, long
 * titles, indicators, people without an account or preferring Zalo, and
 * snoozes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleData } from '../../bot/services/seed.ts';
import { storedReply } from '../../domain/delivery/types.ts';
import { reminderReply } from '../../domain/reminders/message.ts';
import { monthlyRequestDay, planReminders } from '../../domain/reminders/planner.ts';
import { reminderSettings } from '../../domain/reminders/settings.ts';
import { addDays, instantOf, type Day } from '../../domain/shared/day.ts';
import { bestIdentity, PrismaDeliveryStore, PrismaPlanningReads } from '../../prisma/stores/delivery-store.ts';
import { ReminderSql, type PlannedReminderRow } from '../../prisma/stores/reminder-sql.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { calendar, linkSamplePeople } from './delivery-fixtures.ts';

const settings = reminderSettings({});
const status = { dueSoonDays: 7 };

describe('reminders planned in SQL are the pure planner’s, message for message', () => {
  let db: TestDatabase;
  let reads: PrismaPlanningReads;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    await linkSamplePeople(db.prisma);
    reads = new PrismaPlanningReads(db.prisma);
    const tasks = await db.prisma.task.findMany({ orderBy: { id: 'asc' }, include: { assignments: true } });
    const people = await db.prisma.person.findMany({ where: { unitId: { not: null } }, orderBy: { id: 'asc' } });
    // Deadlines on days off: Tết (17/02/2026), 30/4, 2/9, a Saturday, a Sunday before a Monday holiday.
    const offDays: Day[] = ['2026-02-17', '2026-04-30', '2026-05-01', '2026-09-02', '2026-03-07', '2026-08-30', '2026-12-31'];
    for (const [i, t] of tasks.entries()) {
      const deadline = i % 5 === 1 ? addDays('2026-01-03', i * 9) : i % 5 === 3 ? offDays[i % offDays.length] : null;
      if (deadline) {
        await db.prisma.task.update({ where: { id: t.id }, data: { deadlineDate: instantOf(deadline), deadlineKind: 'DAY' } });
        await db.prisma.assignment.updateMany({ where: { taskId: t.id }, data: { deadlineDate: instantOf(deadline) } });
      }
      if (i % 11 === 2) await db.prisma.task.update({ where: { id: t.id }, data: { rhythm: 'YEARLY', deadlineKind: 'YEARLY', deadlineDate: null } });
      if (i % 13 === 4) await db.prisma.task.update({ where: { id: t.id }, data: { title: `Nhiệm vụ rất dài số ${i}: xây dựng, triển khai   và vận hành nền tảng số dùng chung của thành phố Hải Phòng, kết nối liên thông với các hệ thống quốc gia` } });
      const a = t.assignments[0];
      const p = people.find((x) => x.unitId === a?.unitId && !x.isFocal);
      if (a && p && i % 4 === 0) await db.prisma.taskAssignee.create({ data: { taskId: t.id, personId: p.id } });
      if (a && i % 7 === 3) await db.prisma.assignment.update({ where: { id: a.id }, data: { state: 'DONE', doneOn: instantOf('2025-06-30') } });
      if (a && i % 6 === 5) await db.prisma.assignment.update({ where: { id: a.id }, data: { state: 'IN_PROGRESS', percent: 40 + (i % 50), lastReportedAt: instantOf(addDays('2026-01-10', i * 3), 10) } });
    }
    await db.prisma.person.update({ where: { id: people[3]!.id }, data: { active: false } });
    // A focal officer with no account (counted, not planned), one preferring Zalo with two accounts.
    const focal = await db.prisma.person.findMany({ where: { isFocal: true }, orderBy: { id: 'asc' } });
    await db.prisma.chatIdentity.deleteMany({ where: { personId: focal[1]!.id } });
    await db.prisma.person.update({ where: { id: focal[2]!.id }, data: { preferredChannel: 'ZALO' } });
    await db.prisma.chatIdentity.create({ data: { personId: focal[2]!.id, channel: 'ZALO', externalId: 'z-pref', chatId: 'z-pref', linkedAt: new Date('2025-06-01T00:00:00Z') } });
    for (const [i, p] of focal.slice(0, 6).entries()) {
      const a = await db.prisma.assignment.findFirst({ where: { unitId: p.unitId! }, orderBy: { id: 'asc' } });
      if (a) await db.prisma.reminderSnooze.create({ data: { personId: p.id, taskId: a.taskId, until: instantOf(addDays('2026-01-20', i * 45), 8) } });
    }
  }, 300_000);

  afterAll(async () => {
    await db?.destroy();
  }, 120_000);

  /** What the jobs planned before issue 12: the pure planner over every assignment, one reply per person. */
  async function reference(day: Day) {
    const all = await reads.allAssignments();
    const plans = planReminders({
      day,
      responsibilities: await reads.responsibilities(all),
      assignments: all,
      leaders: await reads.leadersByUnit(),
      snoozes: await reads.snoozes(new Date(0)),
      calendar,
      settings,
      status,
    });
    const people = await reads.people(plans.map((p) => p.personId));
    return plans.map((plan): PlannedReminderRow => {
      const person = people.get(plan.personId)!;
      const reply = reminderReply(plan, day, { name: person.fullName, maxTasksListed: settings.maxTasksListed })!;
      const identity = bestIdentity(person);
      return {
        dedupeKey: `reminder:${day}:${plan.personId}`,
        kind: plan.items.length ? 'REMINDER' : 'ESCALATION',
        personId: plan.personId,
        unitId: person.unitId,
        identityId: identity?.id ?? null,
        channel: identity?.channel ?? null,
        chatId: identity?.chatId ?? null,
        payload: JSON.parse(JSON.stringify({ v: 1, reply: storedReply(reply) })),
      };
    });
  }

  it('for every day of 2026', async () => {
    const sql = new ReminderSql(db.prisma);
    let planned = 0;
    let days = 0;
    let cut = 0;
    for (let day: Day = '2026-01-01'; day <= '2026-12-31'; day = addDays(day, 1)) {
      const expected = calendar.isWorkingDay(day) ? await reference(day) : [];
      const actual = calendar.isWorkingDay(day) ? await sql.preview(day, { calendar, settings, status }) : [];
      expect(actual, day).toEqual(expected);
      planned += expected.length;
      if (expected.length) days++;
      cut += expected.filter((r) => JSON.stringify(r.payload).includes('"list-more"')).length;
    }
    // Not vacuous: most working days plan something, and long lists are cut.
    expect(days).toBeGreaterThan(150);
    expect(planned).toBeGreaterThan(1000);
    expect(cut).toBeGreaterThan(0);
  }, 900_000);

  it('inserts the rows once: a rerun and the old per-row insert by the same keys add nothing', async () => {
    const sql = new ReminderSql(db.prisma);
    const day: Day = '2026-06-15';
    const notBefore = instantOf(day, 8);
    const expected = await reference(day);
    const first = await sql.insert(day, { calendar, settings, status, notBefore });
    expect(first).toEqual({ planned: expected.filter((r) => r.identityId !== null).length, noAccount: expected.filter((r) => r.identityId === null).length });
    expect(first.planned).toBeGreaterThan(5);
    expect(await sql.insert(day, { calendar, settings, status, notBefore })).toEqual({ planned: 0, noAccount: first.noAccount });
    const store = new PrismaDeliveryStore(db.prisma);
    const again = expected.filter((r) => r.identityId !== null).map((r) => ({ ...r, kind: r.kind, broadcastId: null, identityId: r.identityId!, channel: r.channel as 'TELEGRAM', chatId: r.chatId!, payload: r.payload as never, notBefore }));
    expect(await store.insert(again)).toBe(0);
    const rows = await db.prisma.delivery.findMany({ where: { dedupeKey: { startsWith: `reminder:${day}:` } }, orderBy: { personId: 'asc' } });
    expect(rows.map((r) => [r.dedupeKey, r.kind, r.state, r.notBefore.toISOString(), r.payload])).toEqual(
      expected.filter((r) => r.identityId !== null).map((r) => [r.dedupeKey, r.kind, 'PENDING', notBefore.toISOString(), r.payload]),
    );
  }, 300_000);

  it('follows each change to a task or its row: what the status reads of the task is copied onto Assignment by triggers, and the reminders still list what the pure planner lists', async () => {
    const sql = new ReminderSql(db.prisma);
    // The monthly request day (every assignment read once, by the copies) and an ordinary day (rows by deadline).
    const days: Day[] = [monthlyRequestDay('2026-10-01', settings.monthlyRequestDay, calendar), '2026-10-28'];
    const a = (await db.prisma.assignment.findFirst({ where: { state: 'NOT_STARTED', task: { rhythm: 'ONCE', kind: 'TASK' } }, orderBy: { id: 'asc' } }))!;
    const plans = await db.prisma.plan.findMany({ orderBy: { id: 'asc' } });
    /** Whether the person's reminder on `day` lists the task (its number and plan code), the SQL rows being the pure planner's. */
    const listed = async (day: Day) => {
      const rows = await sql.preview(day, { calendar, settings, status });
      expect(rows, day).toEqual(await reference(day));
      const task = (await db.prisma.task.findUniqueOrThrow({ where: { id: a.taskId }, include: { plan: true } }))!;
      return rows.some((r) =>
        (r.payload as { reply: { lines: { text: { key?: string; args?: Record<string, unknown> } }[] } }).reply.lines.some(
          (l) => l.text.key === 'reminder-item' && l.text.args?.number === task.number && l.text.args?.plan === task.plan.code,
        ),
      );
    };
    const task = (data: Parameters<typeof db.prisma.task.update>[0]['data']) => db.prisma.task.update({ where: { id: a.taskId }, data });
    // Overdue since long before anything else: first in its officers' lists on both days (a Tuesday: the weekly overdue reminder falls on Wednesdays).
    await task({ deadlineKind: 'DAY', deadlineDate: new Date('2025-01-07') });
    await db.prisma.assignment.update({ where: { id: a.id }, data: { deadlineDate: new Date('2025-01-07') } });
    for (const day of days) expect(await listed(day), day).toBe(true);
    // An indicator whose reported value meets its target is done: no longer asked for.
    await task({ kind: 'INDICATOR', targetComparator: '>=', targetValue: 10 });
    await db.prisma.assignment.update({ where: { id: a.id }, data: { actualValue: 12 } });
    for (const day of days) expect(await listed(day), day).toBe(false);
    // The target raised: not met any more, asked again.
    await task({ targetValue: 20 });
    for (const day of days) expect(await listed(day), day).toBe(true);
    // Moved to another plan: listed under that plan's code.
    const { planId } = await db.prisma.task.findUniqueOrThrow({ where: { id: a.taskId } });
    await task({ planId: plans.find((p) => p.id !== planId)!.id });
    for (const day of days) expect(await listed(day), day).toBe(true);
    // The value reported again: met, done.
    await db.prisma.assignment.update({ where: { id: a.id }, data: { actualValue: 25 } });
    for (const day of days) expect(await listed(day), day).toBe(false);
    // Continuous: asked every month even when done, with no deadline.
    await task({ rhythm: 'CONTINUOUS', deadlineKind: 'CONTINUOUS', deadlineDate: null });
    expect(await listed(days[0]!)).toBe(true);
    // Yearly with a deadline kind of its own (due 31/12), then a plain deadline again: each day's rows are the planner's.
    await task({ rhythm: 'YEARLY', deadlineKind: 'YEARLY', kind: 'TASK' });
    await listed(days[0]!);
    await task({ rhythm: 'ONCE', deadlineKind: 'DAY', deadlineDate: new Date('2026-10-28') });
    await db.prisma.assignment.update({ where: { id: a.id }, data: { deadlineDate: new Date('2026-10-28') } });
    for (const day of days) await listed(day);
  }, 300_000);
});
