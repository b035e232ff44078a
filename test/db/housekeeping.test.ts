/** Expired file links are pruned by the scheduler: the row and its bytes go, once, whatever the number of instances. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILES_PREFIX, FileLinks } from '../../bot/files/links.ts';
import { HttpRouter } from '../../bot/http/server.ts';
import { HOUSEKEEPING_JOB, housekeepingJob } from '../../bot/delivery/housekeeping.ts';
import { FixedClock } from '../../domain/shared/clock.ts';
import { instantOf } from '../../domain/shared/day.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { deliverySettings, testDelivery } from './delivery-fixtures.ts';

describe('housekeeping', () => {
  let db: TestDatabase;
  const router = new HttpRouter();
  let base = '';
  const clock = new FixedClock(instantOf('2026-03-02', 9, 0));

  beforeAll(async () => {
    db = await createTestDatabase();
    const server = await router.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await router.close();
    await db.destroy();
  });

  it('an expired file link loses its row and bytes at the next hourly run; a valid one stays', async () => {
    const short = new FileLinks(db.prisma, { publicBaseUrl: base, ttlHours: 1, now: () => clock.now() });
    const long = new FileLinks(db.prisma, { publicBaseUrl: base, ttlHours: 72, now: () => clock.now() });
    router.getPrefix(FILES_PREFIX, short.handler());
    const file = { fileName: 'bieu-do.png', mime: 'image/png', data: new Uint8Array(50_000).fill(7) };
    const expiring = await short.publish(file);
    await long.publish({ ...file, fileName: 'phu-luc.xlsx' });
    expect((await fetch(expiring)).status).toBe(200);

    const instances = [0, 1].map((i) => testDelivery(db.prisma, clock, {}, deliverySettings({ instanceId: `h${i}` })));
    clock.set(instantOf('2026-03-02', 10, 17));
    const runs = (await Promise.all(instances.map((x) => x.scheduler.tick()))).flat().filter((r) => r.job === HOUSEKEEPING_JOB);
    // Missed hourly ticks are caught up; each runs on one instance only.
    const ticks = runs.map((r) => r.tick.toISOString());
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(runs.reduce((n, r) => n + (r.summary as { filesPruned: number }).filesPruned, 0)).toBe(1);
    const left = await db.prisma.storedFile.findMany({ select: { fileName: true } });
    expect(left.map((f) => f.fileName)).toEqual(['phu-luc.xlsx']);
    expect((await fetch(expiring)).status).toBe(404);
  });

  it('uploads past their time that were never applied are deleted with their bytes; applied files and live links stay', async () => {
    const person = await db.prisma.person.create({ data: { code: 'hk-1', fullName: 'Người Thử' } });
    const now = instantOf('2026-03-02', 12, 17);
    const past = new Date(now.getTime() - 60_000);
    const later = new Date(now.getTime() + 3_600_000);
    const row = (fileName: string, state: 'WAITING' | 'PREVIEWED' | 'APPLIED' | 'CANCELLED' | 'REFUSED', expiresAt: Date) =>
      db.prisma.upload.create({ data: { personId: person.id, channel: 'ZALO', chatId: 'z1', fileName, state, expiresAt, data: Buffer.from('x') } });
    await row('link-cu', 'WAITING', past);
    await row('xem-truoc-cu', 'PREVIEWED', past);
    await row('tu-choi', 'REFUSED', past);
    await row('huy', 'CANCELLED', past);
    await row('da-ap-dung', 'APPLIED', past);
    await row('link-moi', 'WAITING', later);
    const summary = await housekeepingJob(db.prisma).run({ now } as never);
    expect(summary).toMatchObject({ uploadsPruned: 4 });
    expect((await db.prisma.upload.findMany({ orderBy: { id: 'asc' } })).map((u) => u.fileName)).toEqual(['da-ap-dung', 'link-moi']);
  });
});
