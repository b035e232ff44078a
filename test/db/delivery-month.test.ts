/**
 * Six simulated weeks on the sample data (19/01/2026 – 28/02/2026, Tết Bính
 * Ngọ included), stepping a fake clock hour by hour through the scheduler
 * and the worker: exactly the expected reminders and digests go out, at
 * 08:00 of working days only, none twice, snoozes respected, escalation on
 * time, the monthly request only for tasks not updated this month.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleData } from '../../bot/services/seed.ts';
import { minuteOfDay } from '../../domain/delivery/policy.ts';
import { FixedClock } from '../../domain/shared/clock.ts';
import { addDays, dayOf, instantOf, type Day } from '../../domain/shared/day.ts';
import { runReminders } from '../../bot/delivery/jobs.ts';
import type { Delivery } from '../../bot/delivery/index.ts';
import type { Text } from '../../domain/chat/reply.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { calendar, deliverySettings, linkSamplePeople, personId, RecordingSender, testDelivery, tgChat, zaloChat, type Recorded } from './delivery-fixtures.ts';

const FROM: Day = '2026-01-19';
const TO: Day = '2026-03-01';

const args = (text: Text) => ('key' in text ? (text.args ?? {}) : {});
const keyOf = (text: Text) => ('key' in text ? text.key : null);

describe('a simulated month of reminders and digests on the sample data', () => {
  let db: TestDatabase;
  let delivery: Delivery;
  let telegram: RecordingSender;
  let zalo: RecordingSender;
  const clock = new FixedClock(instantOf(FROM, 0));
  const ids: Record<string, number> = {};
  let task1 = 0;
  let task29 = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    await linkSamplePeople(db.prisma);
    for (const name of ['Phan Thị Ngọc', 'Đinh Thị Thu', 'Trần Thị Hồng Nhung', 'Ngô Văn Khải', 'Đỗ Quang Huy', 'Hoàng Anh Dũng', 'Lê Minh Tuấn', 'Phạm Văn Đức', 'Vũ Thị Lan', 'Nguyễn Thu Hà']) ids[name] = await personId(db.prisma, name);
    // A leader for Sở Tài chính, whose task 1 (due "Tháng 01/2026") slips: the escalation goes to them.
    const taiChinh = await db.prisma.unit.findFirstOrThrow({ where: { name: 'Sở Tài chính' } });
    const leader = await db.prisma.person.create({ data: { code: 'test-leader-stc', fullName: 'Trịnh Văn Lực', unitId: taiChinh.id, roles: ['UNIT_LEADER'] } });
    ids.leader = leader.id;
    await db.prisma.chatIdentity.create({ data: { personId: leader.id, channel: 'TELEGRAM', externalId: tgChat(leader.id), chatId: tgChat(leader.id), linkedAt: new Date('2026-01-01T00:00:00Z') } });
    // Ngô Văn Khải is also on Zalo and prefers it.
    await db.prisma.chatIdentity.create({ data: { personId: ids['Ngô Văn Khải']!, channel: 'ZALO', externalId: zaloChat(ids['Ngô Văn Khải']!), chatId: zaloChat(ids['Ngô Văn Khải']!), linkedAt: new Date('2025-12-01T00:00:00Z') } });
    await db.prisma.person.update({ where: { id: ids['Ngô Văn Khải'] }, data: { preferredChannel: 'ZALO' } });
    task1 = (await db.prisma.task.findFirstOrThrow({ where: { number: '1', plan: { code: 'CTr-2026' } } })).id;
    task29 = (await db.prisma.task.findFirstOrThrow({ where: { number: '29', plan: { code: 'CTr-2026' } } })).id;

    telegram = new RecordingSender(clock);
    zalo = new RecordingSender(clock);
    delivery = testDelivery(db.prisma, clock, { TELEGRAM: telegram, ZALO: zalo }, deliverySettings({ reminders: { maxTasksListed: 50 } }));

    for (let day = FROM; day < TO; day = addDays(day, 1)) {
      for (let hour = 0; hour < 24; hour++) {
        clock.set(instantOf(day, hour, 0));
        await delivery.scheduler.tick();
        await delivery.worker.runUntilIdle();
        // 29/01 10:00 — Đinh Thị Thu taps "Nhắc tuần sau" on task 1.
        if (day === '2026-01-29' && hour === 10) {
          const r = await delivery.reminders.snooze(ids['Đinh Thị Thu']!, task1, 7, clock.now());
          expect(r.ok && r.day).toBe('2026-02-05');
        }
        // 10/02 14:00 — Hoàng Anh Dũng reports on task 29 (what the reporting flow records).
        if (day === '2026-02-10' && hour === 14) await report(db, ids['Hoàng Anh Dũng']!, task29, clock.now());
      }
    }
  }, 600_000); // 984 scheduler ticks: about 1 min on an idle machine, over 4 at load 20 (seen in CI)

  afterAll(async () => {
    await db?.destroy();
  });

  const all = (): Recorded[] => [...telegram.sent, ...zalo.sent];
  const rows = async (kind: 'REMINDER' | 'ESCALATION' | 'DIGEST', person: number) =>
    db.prisma.delivery.findMany({ where: { kind, personId: person }, orderBy: { sentAt: 'asc' } });
  const sentDays = async (kind: 'REMINDER' | 'ESCALATION' | 'DIGEST', person: number, prefix = '') =>
    (await rows(kind, person)).filter((r) => r.dedupeKey.startsWith(prefix)).map((r) => dayOf(r.sentAt!));

  it('plans and sends only on working days, during working hours, never during Tết', async () => {
    for (const d of await db.prisma.delivery.findMany()) {
      expect(calendar.isWorkingDay(dayOf(d.notBefore)), `${d.dedupeKey} due ${d.notBefore.toISOString()}`).toBe(true);
      expect(minuteOfDay(d.notBefore)).toBeGreaterThanOrEqual(8 * 60);
      expect(minuteOfDay(d.notBefore)).toBeLessThan(17 * 60);
    }
    expect(all().length).toBeGreaterThan(40);
    for (const s of all()) {
      expect(calendar.isWorkingDay(dayOf(s.at)), `${s.at.toISOString()} is a day off`).toBe(true);
      expect(minuteOfDay(s.at)).toBeGreaterThanOrEqual(8 * 60);
      expect(minuteOfDay(s.at)).toBeLessThan(17 * 60);
      expect(dayOf(s.at) >= '2026-02-14' && dayOf(s.at) <= '2026-02-22').toBe(false);
    }
  });

  it('sends every planned row exactly once, and a repeated run plans nothing new', async () => {
    const deliveries = await db.prisma.delivery.findMany();
    expect(deliveries.every((d) => d.state === 'SENT')).toBe(true);
    expect(all()).toHaveLength(deliveries.length);
    expect(new Set(deliveries.map((d) => `${d.channel}:${d.messageId}`)).size).toBe(deliveries.length);
    const again = await runReminders(delivery.jobDeps, { tick: instantOf('2026-02-23', 8), now: instantOf('2026-02-23', 9), nextTick: instantOf('2026-02-24', 8) });
    expect(again.planned).toBe(0);
    expect(await db.prisma.delivery.count()).toBe(deliveries.length);
  });

  it('one ScheduledRun per job and tick; the Tết Monday digest is left to the next week', async () => {
    const runs = await db.prisma.scheduledRun.findMany({ orderBy: [{ job: 'asc' }, { tick: 'asc' }] });
    const days = (job: string) => runs.filter((r) => r.job === job).map((r) => dayOf(r.tick));
    expect(days('reminders')).toHaveLength(41);
    expect(days('digest-weekly')).toEqual(['2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23']);
    expect(days('digest-monthly')).toEqual(['2026-01-25', '2026-02-25']);
    expect(runs.every((r) => r.finishedAt !== null)).toBe(true);
    expect(runs.find((r) => r.job === 'digest-weekly' && dayOf(r.tick) === '2026-02-16')!.summary).toMatchObject({ skipped: 'superseded-by-next-tick' });
  });

  it('reminds before the deadline (7, 3, 1, 0 working days; a Saturday deadline counts from Friday) and weekly once overdue', async () => {
    // Task 1 "Tháng 01/2026" is due Saturday 31/01; Sở Tài chính has not done it.
    expect(await sentDays('REMINDER', ids['Phan Thị Ngọc']!)).toEqual(['2026-01-21', '2026-01-27', '2026-01-29', '2026-01-30', '2026-02-02', '2026-02-09', '2026-02-23']);
    const reasons = telegram.to(tgChat(ids['Phan Thị Ngọc']!)).map((s) => args(s.reply.lines[2]!.text).reason);
    expect(reasons).toEqual(['before', 'before', 'before', 'due-today', 'overdue', 'overdue', 'overdue']);
    // Cát Hải's 2025 tasks: overdue since 31/12/2025, nominally every Thursday; 19/02 falls in Tết → Monday 23/02.
    expect(await sentDays('REMINDER', ids['Trần Thị Hồng Nhung']!)).toEqual(['2026-01-22', '2026-01-29', '2026-02-05', '2026-02-12', '2026-02-23', '2026-02-26']);
    for (const name of ['Phan Thị Ngọc', 'Trần Thị Hồng Nhung']) {
      for (const r of await rows('REMINDER', ids[name]!)) expect(r.sentAt!.getTime()).toBe(instantOf(dayOf(r.sentAt!), 8).getTime());
    }
  });

  it('groups one message per person per run, with the actions', async () => {
    const first = telegram.to(tgChat(ids['Phan Thị Ngọc']!))[0]!;
    expect(keyOf(first.reply.lines[0]!.text)).toBe('reminder-title');
    expect(first.reply.choices!.map((c) => c.id)).toEqual([`rm:report:${task1}`, `rm:same:${task1}`, `rm:snooze:${task1}:1`, `rm:snooze:${task1}:7`]);
    const many = telegram.to(tgChat(ids['Trần Thị Hồng Nhung']!))[0]!;
    expect(args(many.reply.lines[0]!.text).count).toBeGreaterThan(3);
    expect(many.reply.choices!.map((c) => c.id.split(':').slice(0, 2).join(':'))).toEqual(['rm:report', 'rm:report', 'rm:report', 'rm:list']);
    const keys = (await db.prisma.delivery.findMany({ where: { kind: { in: ['REMINDER', 'ESCALATION'] } } })).map((d) => d.dedupeKey);
    expect(keys.every((k) => /^reminder:\d{4}-\d{2}-\d{2}:\d+$/.test(k))).toBe(true);
  });

  it('respects a snooze: nothing until the morning it ends, then the task comes back', async () => {
    const thu = ids['Đinh Thị Thu']!;
    expect(await sentDays('REMINDER', thu)).toEqual(['2026-01-21', '2026-01-27', '2026-01-29', '2026-02-05', '2026-02-09', '2026-02-23']);
    const back = telegram.to(tgChat(thu)).find((s) => dayOf(s.at) === '2026-02-05')!;
    expect(args(back.reply.lines[2]!.text).reason).toBe('snoozed');
    expect(back.at.getTime()).toBe(instantOf('2026-02-05', 8).getTime());
  });

  it('escalates to the unit leader once, on the first working day 14 days after the deadline', async () => {
    const days = await sentDays('ESCALATION', ids.leader!);
    expect(days).toEqual(['2026-02-23']); // 31/01 + 14 = 14/02, in Tết → 23/02
    const msg = telegram.to(tgChat(ids.leader!)).find((s) => keyOf(s.reply.lines[0]!.text) === 'reminder-escalation-title')!;
    expect(args(msg.reply.lines[1]!.text)).toMatchObject({ number: '1', plan: 'CTr-2026' });
    expect(args(msg.reply.lines[2]!.text)).toMatchObject({ unit: 'Sở Tài chính', reason: 'overdue', days: 23 });
    expect(await rows('ESCALATION', ids['Phạm Văn Đức']!)).toHaveLength(0);
  });

  it('asks for the monthly update only about tasks not updated this month', async () => {
    const dung = telegram.to(tgChat(ids['Hoàng Anh Dũng']!));
    expect(dung.map((s) => dayOf(s.at))).toEqual(['2026-02-23']);
    const numbers = dung[0]!.reply.lines.filter((l) => keyOf(l.text) === 'reminder-item').map((l) => args(l.text).number);
    const open = (await delivery.reads.queries.responsibleFor(ids['Hoàng Anh Dũng']!)).filter((r) => r.state !== 'DONE').length;
    expect(numbers).not.toContain('29');
    expect(numbers).toHaveLength(open - 1);
    expect(args(dung[0]!.reply.lines[2]!.text).reason).toBe('monthly');
  });

  it('sends to the preferred channel when a person is on both apps', async () => {
    expect(zalo.to(zaloChat(ids['Ngô Văn Khải']!)).map((s) => dayOf(s.at))).toEqual(['2026-02-23']);
    expect(telegram.to(tgChat(ids['Ngô Văn Khải']!))).toHaveLength(0);
    // Zalo has no buttons: the choices were recorded for the chat, so a typed "1" means the same everywhere.
    const conv = await db.prisma.conversation.findUniqueOrThrow({ where: { channel_chatId: { channel: 'ZALO', chatId: zaloChat(ids['Ngô Văn Khải']!) } } });
    expect((conv.choices as { items: { id: string }[] }).items[0]!.id).toMatch(/^rm:report:\d+$/);
  });

  it('digests: weekly to leaders (city-wide and their unit), the monthly warning list also to the standing office', async () => {
    const weekly = ['2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09', '2026-02-23'];
    expect(await sentDays('DIGEST', ids['Lê Minh Tuấn']!, 'digest-weekly')).toEqual(weekly);
    expect(await sentDays('DIGEST', ids['Phạm Văn Đức']!, 'digest-weekly')).toEqual(weekly);
    expect(await sentDays('DIGEST', ids.leader!, 'digest-weekly')).toEqual(weekly);
    // Nothing overdue, due or new in Sở KH&CN: no empty digest.
    expect(await sentDays('DIGEST', ids['Vũ Thị Lan']!, 'digest-weekly')).toEqual([]);
    // The 25th: Sunday 25/01 → Monday 26/01; Wednesday 25/02.
    for (const name of ['Lê Minh Tuấn', 'Nguyễn Thu Hà', 'Vũ Thị Lan', 'Phạm Văn Đức']) {
      expect(await sentDays('DIGEST', ids[name]!, 'digest-monthly')).toEqual(['2026-01-26', '2026-02-25']);
    }
    const city = telegram.to(tgChat(ids['Lê Minh Tuấn']!)).find((s) => dayOf(s.at) === '2026-02-02' && keyOf(s.reply.lines[0]!.text) === 'digest-weekly-title')!;
    expect(args(city.reply.lines[0]!.text).scope).toBe('city');
    expect(city.reply.lines.map((l) => keyOf(l.text))).toEqual(expect.arrayContaining(['digest-new-overdue', 'digest-top-units']));
    const before = telegram.to(tgChat(ids['Lê Minh Tuấn']!)).find((s) => dayOf(s.at) === '2026-01-26' && keyOf(s.reply.lines[0]!.text) === 'digest-weekly-title')!;
    expect(before.reply.lines.map((l) => keyOf(l.text))).toContain('digest-upcoming');
    const unit = telegram.to(tgChat(ids['Phạm Văn Đức']!)).find((s) => keyOf(s.reply.lines[0]!.text) === 'digest-weekly-title')!;
    expect(args(unit.reply.lines[0]!.text).scope).toBe('Đặc khu Cát Hải');
    const monthly = telegram.to(tgChat(ids['Vũ Thị Lan']!)).find((s) => dayOf(s.at) === '2026-02-25')!;
    expect(args(monthly.reply.lines[1]!.text)).toMatchObject({ updated: 0, flag: 'low' });
  });
});

/** What the reporting flow stores for a report: an update and the assignment's latest state. */
async function report(db: TestDatabase, person: number, taskId: number, at: Date): Promise<void> {
  const p = await db.prisma.person.findUniqueOrThrow({ where: { id: person } });
  const a = await db.prisma.assignment.findFirstOrThrow({ where: { taskId, unitId: p.unitId! } });
  const u = await db.prisma.progressUpdate.create({ data: { taskId, unitId: a.unitId, assignmentId: a.id, state: 'IN_PROGRESS', percent: 55, channel: 'TELEGRAM', reporterId: person, reportedAt: at } });
  await db.prisma.assignment.update({ where: { id: a.id }, data: { state: 'IN_PROGRESS', percent: 55, lastUpdateId: u.id, lastReportedAt: at } });
}
