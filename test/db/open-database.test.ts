/**
 * Opening PostgreSQL (prisma/database.ts): opening a connection has a limit,
 * so a server that accepts and never answers fails the start (which then
 * retries) instead of hanging it; waiting for a free connection of a busy
 * pool has none, so a question queued behind a long statement is answered,
 * not failed by that limit.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../prisma/database.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../support/db.ts';

describe('opening PostgreSQL', () => {
  it('fails the start when the server accepts the connection and never answers', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      await expect(openDatabase({ databaseUrl: `postgresql://postgres@127.0.0.1:${port}/none`, connectTimeoutMs: 300 })).rejects.toThrow();
    } finally {
      silent.close();
    }
  }, 60_000);

  // A real server is needed to hold a connection busy; the suite's PGlite run has none.
  describe.skipIf(!usingPostgres)('with a busy pool', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase();
    }, 120_000);
    afterAll(async () => {
      await db?.destroy();
    });

    it('a query waiting for the only connection longer than the connect limit is answered', async () => {
      // The limit must hold for opening a connection on a loaded machine (200 ms did not, at load 8), and the wait
      // must be well beyond it.
      const busy = await openDatabase({ databaseUrl: db.url!, poolSize: 1, connectTimeoutMs: 2_000 });
      try {
        // both sent at once (a Prisma query starts when awaited): the second waits for the first's connection
        const [, queued] = await Promise.all([busy.prisma.$queryRawUnsafe('SELECT 1 AS slept FROM pg_sleep(6)'), busy.prisma.$queryRawUnsafe('SELECT 42 AS answer')]);
        expect(queued).toEqual([{ answer: 42 }]);
      } finally {
        await busy.close();
      }
    }, 60_000);
  });
});
