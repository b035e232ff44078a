import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChatService } from '../../bot/app.ts';
import { runProposalDigest } from '../../bot/delivery/proposal-digest.ts';
import { i18n } from '../../bot/i18n.ts';
import { seedSampleData } from '../../bot/services/seed.ts';
import type { Reply } from '../../domain/chat/reply.ts';
import { FixedClock } from '../../domain/shared/clock.ts';
import { instantOf } from '../../domain/shared/day.ts';
import { PrismaTaskQueries } from '../../prisma/stores/task-queries.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { CALENDAR, DELIVERY, SETTINGS, silentLog } from '../support/telegram-harness.ts';
import { linkSamplePeople, RecordingSender, testDelivery } from './delivery-fixtures.ts';

describe('the weekly list of proposals waiting for an answer, per addressee', () => {
  let db: TestDatabase;
  let leaderId = 0;
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
  }, 300_000);
  afterAll(async () => db?.destroy(), 300_000);

  it('each addressee\'s leaders get their own pending proposals, late ones counted', async () => {
    expect((await db.prisma.proposal.findMany({ orderBy: { id: 'asc' } })).map((p) => p.addresseeFrom)).toEqual(['text', 'city']);
    const clock = new FixedClock(instantOf('2026-12-14', 8));
    const delivery = testDelivery(db.prisma, clock, { TELEGRAM: new RecordingSender(clock) });
    const summary = await runProposalDigest(delivery.jobDeps, { tick: instantOf('2026-12-14', 8), now: instantOf('2026-12-14', 8), nextTick: instantOf('2026-12-21', 8) });
    expect(summary.planned).toBeGreaterThanOrEqual(2);
    const reply = async (key: string) => ((await db.prisma.delivery.findUnique({ where: { dedupeKey: key } }))?.payload as unknown as { reply: Reply } | undefined)?.reply;
    const stc = (await reply(`proposal-digest:2026-12-14:${(await db.prisma.unit.findFirstOrThrow({ where: { name: 'Sở Tài chính' } })).id}:${leaderId}`))!;
    expect(stc.lines[0]!.text).toEqual({ key: 'kn-list-title', args: { scope: 'Sở Tài chính', count: 1, late: 1, lateOnly: 'no' } });
    const admin = (await db.prisma.person.findFirstOrThrow({ where: { fullName: 'Nguyễn Thu Hà' } })).id;
    const office = (await reply(`proposal-digest:2026-12-14:office:${admin}`))!;
    expect(office.lines[0]!.text).toEqual({ key: 'kn-list-title', args: { scope: 'office', count: 1, late: 1, lateOnly: 'no' } });
    // Planned once per week whatever the number of runs.
    const again = await runProposalDigest(delivery.jobDeps, { tick: instantOf('2026-12-14', 8), now: instantOf('2026-12-14', 9), nextTick: instantOf('2026-12-21', 8) });
    expect(again.planned).toBe(0);
  });
});
