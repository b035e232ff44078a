/**
 * GET /healthz: the process answers (liveness). GET /readyz: the database
 * answers, every migration of this build is applied, and each configured
 * chat platform answers getMe (readiness; 503 with the failing check named).
 * GET /metrics: Prometheus text format.
 */
import type { Db } from '../../prisma/database.ts';
import { readMigrations } from '../../prisma/migrate.ts';
import type { Metrics } from '../metrics.ts';
import type { HttpRouter } from './server.ts';

export interface ReadyCheck {
  name: string;
  /** Resolves when healthy; rejects with the reason. */
  run(): Promise<void>;
}

const CHECK_TIMEOUT_MS = 5_000;

function withTimeout(p: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<void>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}

export function databaseChecks(prisma: Db): ReadyCheck[] {
  const expected = readMigrations().map((m) => m.name);
  return [
    { name: 'database', run: async () => void (await prisma.$queryRawUnsafe('SELECT 1')) },
    {
      name: 'migrations',
      async run() {
        const rows = (await prisma.$queryRawUnsafe(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)) as { migration_name: string }[];
        const applied = new Set(rows.map((r) => r.migration_name));
        const missing = expected.filter((n) => !applied.has(n));
        if (missing.length) throw new Error(`not applied: ${missing.join(', ')}`);
      },
    },
  ];
}

/** A platform check that asks at most once per `cacheMs` (readiness probes come every few seconds). */
export function platformCheck(name: string, getMe: () => Promise<unknown>, cacheMs = 30_000): ReadyCheck {
  let last: { at: number; error: Error | null } | null = null;
  return {
    name,
    async run() {
      // Only an answer is cached: a failing platform is asked again at the next probe.
      if (!last || last.error || Date.now() - last.at > cacheMs) {
        const error = await getMe().then(
          () => null,
          (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
        );
        last = { at: Date.now(), error };
      }
      if (last.error) throw last.error;
    },
  };
}

export function mountHealth(router: HttpRouter, options: { metrics?: Metrics; checks: ReadyCheck[] }): void {
  router.get('/healthz', (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n'));
  router.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      options.checks.map(async (c) => [c.name, await withTimeout(c.run(), CHECK_TIMEOUT_MS).then(() => 'ok', (e: Error) => `failed: ${e.message}`)] as const),
    );
    const ready = results.every(([, r]) => r === 'ok');
    res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' }).end(`${JSON.stringify({ ready, checks: Object.fromEntries(results) })}\n`);
  });
  const metrics = options.metrics;
  if (metrics) {
    router.get('/metrics', async (_req, res) => {
      const body = await metrics.registry.metrics();
      res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body);
    });
  }
}
