import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMonthlyDigest } from '../../bot/delivery/jobs.ts';
import { seedSampleData } from '../../bot/services/seed.ts';
import type { Reply } from '../../domain/chat/reply.ts';
import { FixedClock } from '../../domain/shared/clock.ts';
import { instantOf } from '../../domain/shared/day.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { linkSamplePeople, personId, RecordingSender, testDelivery } from './delivery-fixtures.ts';

const keys = (r: Reply) => r.lines.map((l) => ('key' in l.text ? l.text.key : 'raw'));

describe("the standing office's monthly digest has a \"6 rõ\" section", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    await linkSamplePeople(db.prisma);
  }, 300_000);
  afterAll(async () => db?.destroy(), 300_000);

  it('the admin gets the gaps per plan; a city leader and a unit leader do not', async () => {
    const clock = new FixedClock(instantOf('2026-02-25', 8));
    const delivery = testDelivery(db.prisma, clock, { TELEGRAM: new RecordingSender(clock) });
    const summary = await runMonthlyDigest(delivery.jobDeps, { tick: instantOf('2026-02-25', 8), now: instantOf('2026-02-25', 8), nextTick: instantOf('2026-02-26', 8) });
    expect(summary.planned).toBeGreaterThan(0);
    const payload = async (name: string) => ((await db.prisma.delivery.findUnique({ where: { dedupeKey: `digest-monthly:2026-02:${await personId(db.prisma, name)}` } }))?.payload as unknown as { reply: Reply } | undefined)?.reply;
    const office = (await payload('Nguyễn Thu Hà'))!;
    const k = keys(office);
    expect(k).toContain('six-digest-title');
    const title = office.lines[k.indexOf('six-digest-title')]!.text;
    expect(title).toEqual({ key: 'six-digest-title', args: { gaps: 82, tasks: 94 } });
    const plans = office.lines.filter((l) => 'key' in l.text && l.text.key === 'six-plan').map((l) => ('key' in l.text ? l.text.args : {}));
    expect(plans).toEqual([{ plan: 'CTr-2026', gaps: 28, tasks: 40 }, { plan: '12-KH/TU', gaps: 34, tasks: 34 }, { plan: '238/KH-UBND', gaps: 20, tasks: 20 }]);
    for (const name of ['Lê Minh Tuấn', 'Phạm Văn Đức']) {
      const other = await payload(name);
      if (other) expect(keys(other)).not.toContain('six-digest-title');
    }
  });
});
