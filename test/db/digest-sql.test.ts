/**
 * The digests planned in SQL (per-unit aggregates and each unit's first rows,
 * prisma/stores/planning-sql.ts) say exactly what the pure planner says over
 * every assignment (domain/reminders/digests.ts, as the jobs used to run it):
 * for every leader and admin, every Monday's weekly digest and every month's
 * warning list of 2026, and on days around the year's end, on the sample city
 * with progress reported, done tasks, indicators and sub-units.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plannedMonthlyDigests, plannedWeeklyDigests, type JobDeps } from '../../bot/delivery/jobs.ts';
import { seedSampleData } from '../../bot/services/seed.ts';
import { checkSixClear } from '../../domain/accountability/six-clear.ts';
import { withSixClearSection } from '../../domain/accountability/six-clear-reply.ts';
import type { Reply } from '../../domain/chat/reply.ts';
import { visibleUnitIds } from '../../domain/people/scope.ts';
import { monthlyWarning, monthlyWarningReply, weeklyDigest, weeklyDigestReply } from '../../domain/reminders/digests.ts';
import { FixedClock } from '../../domain/shared/clock.ts';
import { addDays, instantOf, type Day } from '../../domain/shared/day.ts';
import { PrismaSixClearStore } from '../../prisma/stores/accountability-store.ts';
import { SixClearSql } from '../../prisma/stores/six-clear-sql.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { linkSamplePeople, testDelivery } from './delivery-fixtures.ts';

/** The jobs' planning before issue 12: every assignment read, filtered per recipient in JavaScript. */
async function reference(deps: JobDeps, day: Day, kind: 'weekly' | 'monthly'): Promise<Map<number, Reply>> {
  const roles = kind === 'weekly' ? (['UNIT_LEADER', 'CITY_LEADER'] as const) : (['UNIT_LEADER', 'CITY_LEADER', 'ADMIN'] as const);
  const [rows, recipients, units] = await Promise.all([deps.reads.allAssignments(), deps.reads.peopleWithRoles([...roles]), deps.reads.queries.units()]);
  const six = kind === 'monthly' ? checkSixClear(await new PrismaSixClearStore(deps.reads.prisma).tasks()) : null;
  const out = new Map<number, Reply>();
  for (const r of recipients) {
    const visible = visibleUnitIds({ id: r.personId, fullName: r.fullName, unitId: r.unitId, roles: r.roles }, units);
    if (visible !== null && visible.length === 0) continue;
    const scoped = visible === null ? rows : rows.filter((x) => visible.includes(x.unitId));
    const scope = visible === null ? 'city' : (r.unitName ?? 'city');
    let reply: Reply | null;
    if (kind === 'weekly') reply = weeklyDigestReply(weeklyDigest(scoped, day, deps.status), { scope, name: r.fullName });
    else {
      reply = monthlyWarningReply(monthlyWarning(scoped, day, deps.status), { scope, name: r.fullName });
      if (scope === 'city' && r.roles.includes('ADMIN')) reply = withSixClearSection(reply, six!);
    }
    if (reply) out.set(r.personId, reply);
  }
  return out;
}

describe('digests planned in SQL match the pure planner', () => {
  let db: TestDatabase;
  let deps: JobDeps;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    await linkSamplePeople(db.prisma);
    const clock = new FixedClock(instantOf('2026-02-25', 8));
    deps = testDelivery(db.prisma, clock, {}).jobDeps;
  }, 300_000);
  afterAll(async () => db?.destroy(), 300_000);

  const compare = async (day: Day, kind: 'weekly' | 'monthly') => {
    const planned = kind === 'weekly' ? await plannedWeeklyDigests(deps, day) : await plannedMonthlyDigests(deps, day);
    const got = new Map(planned.map((p) => [p.personId, p.reply]));
    expect(got, `${kind} ${day}`).toEqual(await reference(deps, day, kind));
    // Lists cut after their first rows ("… and N more") are where per-unit first rows could go wrong.
    cut += [...got.values()].filter((r) => r.lines.some((l) => 'key' in l.text && l.text.key === 'list-more')).length;
    return got.size;
  };
  let cut = 0;

  it('every Monday of 2026 and the last days of the year (weekly digest)', async () => {
    let sent = 0;
    const days: Day[] = ['2025-12-29', '2026-12-28', '2026-12-31', '2027-01-04'];
    for (let d: Day = '2026-01-05'; d <= '2026-12-21'; d = addDays(d, 7)) days.push(d);
    cut = 0;
    for (const day of days) sent += await compare(day, 'weekly');
    expect(sent).toBeGreaterThan(days.length);
    expect(cut).toBeGreaterThan(0);
  }, 600_000);

  it('the 25th of every month of 2026, and a first and a last day of a month (monthly warning list)', async () => {
    let sent = 0;
    const days: Day[] = ['2026-03-01', '2026-12-31', '2027-01-25'];
    for (let m = 1; m <= 12; m++) days.push(`2026-${String(m).padStart(2, '0')}-25`);
    cut = 0;
    for (const day of days) sent += await compare(day, 'monthly');
    expect(sent).toBeGreaterThan(days.length);
    expect(cut).toBeGreaterThan(0);
  }, 600_000);

  it('the "6 rõ" section counted by the database is checkSixClear’s, blanks, indicators, tasks without units and officers included', async () => {
    const tasks = await db.prisma.task.findMany({ orderBy: { id: 'asc' }, select: { id: true, planId: true } });
    // Blanks as six-clear.ts reads them: dashes, dots, spaces (a no-break space too); a text that only looks blank is not.
    const blanks = ['—', ' . ', '\u00a0', '-–—', '\t', 'x', '…'];
    for (const [i, t] of tasks.entries()) {
      if (i % 3 === 0) await db.prisma.task.update({ where: { id: t.id }, data: { expectedOutput: blanks[i % blanks.length] } });
      if (i % 4 === 1) await db.prisma.task.update({ where: { id: t.id }, data: { directingLeader: i % 8 === 1 ? null : blanks[i % blanks.length] } });
      if (i % 5 === 2) await db.prisma.task.update({ where: { id: t.id }, data: { title: blanks[i % blanks.length], deadlineKind: i % 10 === 2 ? 'UNKNOWN' : 'NONE' } });
      if (i % 7 === 3) await db.prisma.task.update({ where: { id: t.id }, data: { kind: 'INDICATOR', targetValue: i % 14 === 3 ? 90 : null, expectedOutput: null } });
    }
    // Tasks with no unit, with and without a lead unit's text; units left without an active focal officer.
    for (const [i, t] of tasks.slice(0, 4).entries()) {
      await db.prisma.task.create({ data: { planId: t.planId, scope: 'test', kind: 'TASK', number: `Z.${i}`, sectionCode: 'Z', position: 9000 + i, label: `${i}`, title: `Việc không giao ${i}`, leadUnitText: i % 2 ? 'Sở Nội vụ' : ' – ' } });
    }
    const focal = await db.prisma.person.findMany({ where: { isFocal: true }, orderBy: { id: 'asc' }, take: 3 });
    await db.prisma.person.updateMany({ where: { id: { in: focal.map((p) => p.id) } }, data: { active: false } });
    const full = checkSixClear(await new PrismaSixClearStore(db.prisma).tasks());
    const summary = await new SixClearSql(db.prisma).citySummary();
    expect(full.withGaps).toBeGreaterThan(0);
    expect(full.plans.some((p) => p.sharesWithoutOfficer > 0 && p.counts.responsibility > 0 && p.counts.what > 0)).toBe(true);
    expect(summary).toEqual({ ...full, plans: full.plans.map((p) => ({ ...p, items: [] })), units: [] });
    await compare('2026-11-25', 'monthly');
  }, 600_000);

  it('lists cut among many ties (one deadline for many tasks, plan codes JavaScript and byte order sort apart, numbers 9 before 10) keep the pure planner’s first rows', async () => {
    const plans = await db.prisma.plan.findMany({ orderBy: { id: 'asc' } });
    // "Đề án" sorts before "KH" for localeCompare, after it byte by byte; "kh-2" and "KH-10" differ in case only at the start.
    const codes = ['Đề án 06', 'KH-10', 'kh-2', 'CTr 2026', '10-KH/TU', '9-KH/TU'];
    for (const [i, p] of plans.entries()) await db.prisma.plan.update({ where: { id: p.id }, data: { code: `${codes[i % codes.length]}${i >= codes.length ? ` (${i})` : ''}` } });
    const tasks = await db.prisma.task.findMany({ orderBy: { id: 'asc' }, select: { id: true } });
    for (const [i, t] of tasks.entries()) {
      const deadline = i % 3 === 0 ? '2026-11-16' : i % 3 === 1 ? '2026-11-30' : null;
      await db.prisma.task.update({ where: { id: t.id }, data: { number: `X.${i % 4}.${i % 2 ? i : 100 - i}`, ...(deadline ? { deadlineKind: 'DAY', deadlineDate: instantOf(deadline) } : {}) } });
      if (deadline) await db.prisma.assignment.updateMany({ where: { taskId: t.id }, data: { deadlineDate: instantOf(deadline) } });
    }
    cut = 0;
    await compare('2026-11-23', 'weekly');
    await compare('2026-11-30', 'weekly');
    await compare('2026-11-25', 'monthly');
    expect(cut).toBeGreaterThan(0);
  }, 600_000);
});
