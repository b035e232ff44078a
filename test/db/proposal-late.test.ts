/**
 * Late proposals (issue 15): the addressee's leaders are reminded on the due
 * day, and three working days later a still-open proposal is escalated to the
 * standing office (a proposal to the standing office: to the city leaders).
 * Each step once per due day however many runs, recorded in the history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChatService } from '../../bot/app.ts';
import { runProposalLate } from '../../bot/delivery/proposal-late.ts';
import { buildReport } from '../../bot/services/report.ts';
import { i18n } from '../../bot/i18n.ts';
import { seedSampleData } from '../../bot/services/seed.ts';
import type { Reply } from '../../domain/chat/reply.ts';
import { FixedClock } from '../../domain/shared/clock.ts';
import { instantOf } from '../../domain/shared/day.ts';
import { PrismaProposalStore } from '../../prisma/stores/proposal-store.ts';
import { PrismaTaskQueries } from '../../prisma/stores/task-queries.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { CALENDAR, DELIVERY, SETTINGS, silentLog } from '../support/telegram-harness.ts';
import { linkSamplePeople, personId, RecordingSender, testDelivery } from './delivery-fixtures.ts';

describe('late proposals: a reminder on the due day, then escalation', () => {
  let db: TestDatabase;
  let leaderId = 0;
  let stcProposal = 0;
  let officeProposal = 0;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    const stc = await db.prisma.unit.findFirstOrThrow({ where: { name: 'Sở Tài chính' } });
    leaderId = (await db.prisma.person.create({ data: { code: 't-stc', fullName: 'Trịnh Văn Lực', unitId: stc.id, roles: ['UNIT_LEADER'] } })).id;
    await linkSamplePeople(db.prisma);
    const [nhung] = await new PrismaTaskQueries(db.prisma).findPeople('Trần Thị Hồng Nhung');
    const chat = buildChatService({ prisma: db.prisma, clock: new FixedClock(instantOf('2026-11-26', 9)), settings: SETTINGS, log: silentLog, tr: i18n(), calendar: CALENDAR, delivery: DELIVERY });
    for (const text of ['nv II.6: 50%, 1. đề nghị Sở Tài chính bố trí vốn 2. đề nghị thành phố bổ sung biên chế', 'ok']) {
      await chat.handle({ channel: 'CONSOLE', chatId: 'c', user: { externalId: 'c' }, text, asPerson: nhung! });
    }
    const rows = await db.prisma.proposal.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((p) => [p.addresseeFrom, p.dueOn.toISOString().slice(0, 10)])).toEqual([['text', '2026-12-10'], ['city', '2026-12-10']]);
    [stcProposal, officeProposal] = rows.map((p) => p.id) as [number, number];
  }, 300_000);
  afterAll(async () => db?.destroy(), 300_000);

  const run = async (day: string, hour = 8) => {
    const clock = new FixedClock(instantOf(day, hour));
    const delivery = testDelivery(db.prisma, clock, { TELEGRAM: new RecordingSender(clock) });
    const next = new Date(instantOf(day, 8).getTime() + 86_400_000);
    return runProposalLate(delivery.jobDeps, { tick: instantOf(day, 8), now: instantOf(day, hour), nextTick: next });
  };
  const reply = async (key: string) => ((await db.prisma.delivery.findUnique({ where: { dedupeKey: key } }))?.payload as unknown as { reply: Reply } | undefined)?.reply;
  const events = async (id: number) => (await db.prisma.proposalEvent.findMany({ where: { proposalId: id }, orderBy: { id: 'asc' } })).map((e) => `${e.kind}${e.text && e.kind !== 'RAISED' ? ` ${e.text}` : ''}`);

  it('nothing before the due day', async () => {
    expect((await run('2026-12-09')).planned).toBe(0);
    expect(await events(stcProposal)).toEqual(['RAISED']);
  }, 120_000);

  it('on the due day the addressee\'s leaders are reminded, once however many runs', async () => {
    const first = await run('2026-12-10');
    expect(first.planned).toBeGreaterThanOrEqual(2);
    const stc = (await reply(`proposal-late:${stcProposal}:remind:2026-12-10:${leaderId}`))!;
    expect(stc.lines[0]!.text).toEqual({ key: 'kn-late-reminder', args: { id: stcProposal, addressee: 'Sở Tài chính', due: '10/12/2026', escalate: '15/12/2026' } });
    expect(stc.choices?.map((c) => c.id)).toEqual([`kn:ack:${stcProposal}`, `kn:res:${stcProposal}`, `kn:fwd:${stcProposal}`, `kn:ref:${stcProposal}`]);
    const admin = await personId(db.prisma, 'Nguyễn Thu Hà');
    expect(await reply(`proposal-late:${officeProposal}:remind:2026-12-10:${admin}`)).toBeDefined();
    expect((await run('2026-12-10', 9)).planned).toBe(0);
    expect((await run('2026-12-11')).planned).toBe(0);
    expect(await events(stcProposal)).toEqual(['RAISED', 'REMINDED 2026-12-10']);
  }, 120_000);

  it('an acknowledged proposal is answered: no escalation; a weekend is no run', async () => {
    await new PrismaProposalStore(db.prisma as never).answer({ id: officeProposal, kind: 'ACKNOWLEDGED', text: null, personId: await personId(db.prisma, 'Nguyễn Thu Hà'), channel: 'CONSOLE', now: instantOf('2026-12-11', 10) });
    expect(await run('2026-12-12')).toMatchObject({ planned: 0, skipped: 'not-a-working-day' });
    expect((await run('2026-12-14')).planned).toBe(0);
  }, 120_000);

  it('three working days after the due day, still open: escalated to the standing office, the addressee told again', async () => {
    const s = await run('2026-12-15');
    expect(s.planned).toBeGreaterThanOrEqual(2);
    const admin = await personId(db.prisma, 'Nguyễn Thu Hà');
    const office = (await reply(`proposal-late:${stcProposal}:escalate:2026-12-10:${admin}`))!;
    expect(office.lines[0]!.text).toEqual({ key: 'kn-escalated', args: { id: stcProposal, addressee: 'Sở Tài chính', due: '10/12/2026', days: 3 } });
    expect(office.lines.at(-1)!.text).toEqual({ key: 'kn-escalated-office' });
    expect(office.choices).toBeUndefined();
    const leader = (await reply(`proposal-late:${stcProposal}:escalate:2026-12-10:to:${leaderId}`))!;
    expect(leader.choices).toHaveLength(4);
    expect((await run('2026-12-15', 10)).planned).toBe(0);
    expect((await run('2026-12-16')).planned).toBe(0);
    expect(await events(stcProposal)).toEqual(['RAISED', 'REMINDED 2026-12-10', 'ESCALATED 2026-12-10']);
    expect(await events(officeProposal)).toEqual(['RAISED', 'REMINDED 2026-12-10', 'ACKNOWLEDGED']);
    const history = await db.prisma.proposalEvent.findMany({ where: { proposalId: stcProposal, kind: { in: ['REMINDED', 'ESCALATED'] } } });
    expect(history.every((e) => e.channel === 'SYSTEM' && e.personId === null)).toBe(true);
  }, 120_000);

  it('/baocao counts the proposals: pending, late, answered in the period, per addressee', async () => {
    const deps = { prisma: db.prisma, tr: i18n(), status: { dueSoonDays: 7 } };
    const city = await buildReport(deps, { unitIds: null, asOf: '2026-12-15', actor: 'test' });
    expect(city.ok).toBe(true);
    const keys = (r: typeof city) => (r.ok ? r.summary.lines.map((l) => l.text).filter((x) => 'key' in x && x.key.startsWith('kn-')) : []);
    expect(keys(city)).toEqual([
      { key: 'kn-report', args: { open: 2, late: 1, answered: 1 } },
      { key: 'kn-report-addressee', args: { addressee: 'Sở Tài chính', open: 1, late: 1 } },
      { key: 'kn-report-addressee', args: { addressee: 'office', open: 1, late: 0 } },
    ]);
    // A unit's report counts the proposals it raised or must answer; Sở Nội vụ has none.
    const stc = await db.prisma.unit.findFirstOrThrow({ where: { name: 'Sở Tài chính' } });
    const own = await buildReport(deps, { unitIds: [stc.id], asOf: '2026-12-15', actor: 'test' });
    expect(keys(own)[0]).toEqual({ key: 'kn-report', args: { open: 1, late: 1, answered: 0 } });
    const snv = await db.prisma.unit.findFirstOrThrow({ where: { name: 'Sở Nội vụ' } });
    expect(keys(await buildReport(deps, { unitIds: [snv.id], asOf: '2026-12-15', actor: 'test' }))).toEqual([]);
  }, 180_000);
});
