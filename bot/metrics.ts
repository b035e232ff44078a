/**
 * Prometheus metrics (prom-client), one registry per process. Counters and
 * histograms measure this process (messages handled, answer latency,
 * scheduler runs); gauges read from the database at scrape time describe
 * the shared state (deliveries by state, queue depth and oldest pending age,
 * import batches), so every instance reports the same figures for them.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Db } from '../prisma/database.ts';

export interface Metrics {
  registry: Registry;
  messages: Counter<'channel' | 'outcome'>;
  answerSeconds: Histogram<'channel'>;
  schedulerRuns: Counter<'job' | 'result'>;
}

export function createMetrics(prisma?: Db): Metrics {
  const registry = new Registry();
  // Process metrics, event-loop delay (nodejs_eventloop_lag_*) included.
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const metrics: Metrics = {
    registry,
    messages: new Counter({ name: 'nq57_messages_total', help: 'Messages handled, by channel and outcome (answered, duplicate, error).', labelNames: ['channel', 'outcome'], registers: [registry] }),
    answerSeconds: new Histogram({
      name: 'nq57_answer_seconds',
      help: 'Time from receiving a message to having its answer, by channel.',
      labelNames: ['channel'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
      registers: [registry],
    }),
    schedulerRuns: new Counter({ name: 'nq57_scheduler_runs_total', help: 'Scheduled job runs by this instance, by job and result (done, failed).', labelNames: ['job', 'result'], registers: [registry] }),
  };
  if (!prisma) return metrics;

  // One query round per scrape, shared: the registry reads every metric at once (Promise.all), so each
  // gauge waits for the same refresh in its collect() — otherwise it would show the previous scrape's value.
  const collect = () => refresh();
  const deliveries = new Gauge({ name: 'nq57_deliveries', help: 'Rows of the Delivery table by state.', labelNames: ['state'], registers: [registry], collect });
  const depth = new Gauge({ name: 'nq57_delivery_queue_depth', help: 'Deliveries waiting to be sent (PENDING, due now).', registers: [registry], collect });
  const oldest = new Gauge({ name: 'nq57_delivery_oldest_pending_seconds', help: 'Age of the oldest due PENDING delivery (0 when none).', registers: [registry], collect });
  const imports = new Gauge({ name: 'nq57_import_batches', help: 'Import batches applied, by layout.', labelNames: ['layout'], registers: [registry], collect });
  let pending: Promise<void> | null = null;
  const refresh = (): Promise<void> =>
    (pending ??= (async () => {
      try {
        const byState = (await prisma.$queryRawUnsafe(`SELECT state::text AS state, count(*)::int AS n FROM "Delivery" GROUP BY 1`)) as { state: string; n: number }[];
        deliveries.reset();
        for (const r of byState) deliveries.set({ state: r.state }, r.n);
        const [q] = (await prisma.$queryRawUnsafe(
          `SELECT count(*)::int AS n, COALESCE(EXTRACT(EPOCH FROM ((now() AT TIME ZONE 'UTC') - min("notBefore"))), 0)::float AS age FROM "Delivery" WHERE state = 'PENDING' AND "notBefore" <= (now() AT TIME ZONE 'UTC')`,
        )) as { n: number; age: number }[];
        depth.set(q?.n ?? 0);
        oldest.set(Math.max(0, q?.age ?? 0));
        const batches = (await prisma.$queryRawUnsafe(`SELECT layout, count(*)::int AS n FROM "ImportBatch" GROUP BY 1`)) as { layout: string; n: number }[];
        imports.reset();
        for (const r of batches) imports.set({ layout: r.layout }, r.n);
      } finally {
        pending = null;
      }
    })());
  return metrics;
}
