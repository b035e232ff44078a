/**
 * /healthz, /readyz and /metrics as mounted by every process (issue 13,
 * item 16), on a real database: readiness names the failing check and
 * recovers when it answers again; metrics carry the queue, the deliveries by
 * state, import batches and scheduler runs with their values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDelivery } from '../../bot/delivery/index.ts';
import { databaseChecks, mountHealth, platformCheck } from '../../bot/http/health.ts';
import { HttpRouter } from '../../bot/http/server.ts';
import { createMetrics, type Metrics } from '../../bot/metrics.ts';
import { importFile } from '../../bot/services/import.ts';
import { FixedClock } from '../../domain/shared/clock.ts';
import { instantOf } from '../../domain/shared/day.ts';
import { calendar, deliverySettings, silentLog } from '../db/delivery-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { CAT_HAI_XLSX, PROGRAMME_XLSX } from '../support/samples.ts';

describe('health and metrics endpoints', () => {
  let db: TestDatabase;
  let metrics: Metrics;
  let telegramUp = false;
  let asked = 0;
  const router = new HttpRouter();
  let base = '';
  const get = (path: string) => fetch(`${base}${path}`);

  beforeAll(async () => {
    db = await createTestDatabase();
    metrics = createMetrics(db.prisma);
    mountHealth(router, {
      metrics,
      checks: [
        ...databaseChecks(db.prisma),
        platformCheck('telegram', async () => {
          asked++;
          if (!telegramUp) throw new Error('connect ECONNREFUSED 127.0.0.1:9');
        }),
      ],
    });
    const server = await router.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await router.close();
    await db?.destroy();
  });

  it('/readyz is 503 naming the platform that does not answer, asks it again at the next probe, then 200; /healthz stays 200', async () => {
    const down = await get('/readyz');
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ ready: false, checks: { database: 'ok', migrations: 'ok', telegram: 'failed: connect ECONNREFUSED 127.0.0.1:9' } });
    expect((await get('/healthz')).status).toBe(200);
    telegramUp = true;
    const up = await get('/readyz');
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ ready: true, checks: { database: 'ok', migrations: 'ok', telegram: 'ok' } });
    // A healthy answer is cached: probes every few seconds do not hammer the platform.
    const before = asked;
    await get('/readyz');
    expect(asked).toBe(before);
  });

  it('/readyz is 503 naming a migration of this build that the database lacks', async () => {
    const [last] = (await db.prisma.$queryRawUnsafe(`SELECT id, migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`)) as { id: string; migration_name: string }[];
    await db.prisma.$executeRawUnsafe(`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE id = $1`, last!.id);
    try {
      const res = await get('/readyz');
      expect(res.status).toBe(503);
      expect((await res.json()).checks.migrations).toBe(`failed: not applied: ${last!.migration_name}`);
    } finally {
      await db.prisma.$executeRawUnsafe(`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE id = $1`, last!.id);
    }
    expect((await get('/readyz')).status).toBe(200);
  });

  it('/metrics: the queue depth and oldest pending age, deliveries by state, import batches by layout, scheduler runs', async () => {
    expect((await importFile(db.prisma, PROGRAMME_XLSX, { today: '2026-03-01', actor: 'test' })).ok).toBe(true);
    expect((await importFile(db.prisma, CAT_HAI_XLSX, { today: '2026-03-01', actor: 'test' })).ok).toBe(true);
    const hourAgo = new Date(Date.now() - 3_600_000);
    await db.prisma.delivery.createMany({
      data: [
        { kind: 'REMINDER', dedupeKey: 'm1', payload: {}, state: 'PENDING', notBefore: hourAgo },
        { kind: 'REMINDER', dedupeKey: 'm2', payload: {}, state: 'PENDING', notBefore: new Date(Date.now() + 86_400_000) },
        { kind: 'REMINDER', dedupeKey: 'm3', payload: {}, state: 'SENT', notBefore: hourAgo, sentAt: hourAgo },
      ],
    });
    const clock = new FixedClock(instantOf('2026-03-02', 8));
    const d = createDelivery({ prisma: db.prisma, clock, calendar, settings: deliverySettings(), status: { dueSoonDays: 7 }, log: silentLog, metrics });
    await d.scheduler.tick();

    const res = await get('/metrics');
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    const value = (name: string) => Number(text.split('\n').find((l) => l.startsWith(`${name} `))?.split(' ')[1]);
    expect(value('nq57_delivery_queue_depth')).toBe(1);
    expect(value('nq57_delivery_oldest_pending_seconds')).toBeGreaterThanOrEqual(3_500);
    expect(value('nq57_deliveries{state="PENDING"}')).toBe(2);
    expect(value('nq57_deliveries{state="SENT"}')).toBe(1);
    // A batch is what progress entries point at: the progress appendix makes one, the programme (tasks only) none.
    expect(value('nq57_import_batches{layout="progress"}')).toBe(1);
    expect(value('nq57_scheduler_runs_total{job="reminders",result="done"}')).toBe(1);
    expect(text).toContain('# TYPE nq57_answer_seconds histogram');
    expect(text).toContain('nodejs_eventloop_lag_p99_seconds');
  });
});
