/**
 * The bench's databases (issue 13, item 9): it works in a database named
 * after the run, drops only what it created, and refuses a database that
 * holds data unless --force. It talks to a PostgreSQL server, so it runs
 * when DATABASE_URL is set (as in CI) and is skipped on PGlite.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BenchDatabases } from '../../bench/databases.ts';
import { usingPostgres } from '../support/db.ts';

const ADMIN = process.env.DATABASE_URL ?? '';

async function admin<T>(fn: (c: pg.Client) => Promise<T>, url = ADMIN): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
const exists = (name: string) => admin(async (c) => ((await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount ?? 0) > 0);

describe.skipIf(!usingPostgres)('bench databases (PostgreSQL only: skipped on PGlite)', () => {
  const tag = randomBytes(3).toString('hex');
  const mine = { withData: `nq57_t_bench_data_${tag}`, empty: `nq57_t_bench_empty_${tag}`, missing: `nq57_t_bench_new_${tag}` };

  beforeAll(async () => {
    await admin((c) => c.query(`CREATE DATABASE "${mine.withData}"`));
    await admin((c) => c.query(`CREATE DATABASE "${mine.empty}"`));
    const u = new URL(ADMIN);
    u.pathname = `/${mine.withData}`;
    await admin(async (c) => {
      await c.query('CREATE TABLE "Unit" (id int primary key, name text)');
      await c.query(`INSERT INTO "Unit" VALUES (1, 'Sở Tài chính')`);
    }, u.toString());
  });
  afterAll(async () => {
    for (const name of Object.values(mine)) await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });

  it('each run gets its own database, named after the run, and drops it', async () => {
    const a = new BenchDatabases(ADMIN);
    const b = new BenchDatabases(ADMIN);
    const da = await a.create('city');
    const db = await b.create('city');
    expect(da.name).not.toBe(db.name);
    expect(da.name).toMatch(/^nq57_bench_city_[a-z0-9_]+$/);
    expect(da.name).toContain(a.runId.toLowerCase());
    expect(new URL(da.url).pathname).toBe(`/${da.name}`);
    expect(await exists(da.name)).toBe(true);
    await a.dropAll();
    expect(await exists(da.name)).toBe(false);
    // Another run's database is not this run's to drop.
    await a.drop(db.name);
    expect(await exists(db.name)).toBe(true);
    await b.dropAll();
    expect(await exists(db.name)).toBe(false);
  });

  it('a database it did not create is never dropped', async () => {
    const dbs = new BenchDatabases(ADMIN);
    await dbs.use(mine.empty, false);
    await dbs.drop(mine.empty);
    await dbs.dropAll();
    expect(await exists(mine.empty)).toBe(true);
  });

  it('--db naming a database that holds data is refused without --force, used with it, and kept either way', async () => {
    const dbs = new BenchDatabases(ADMIN);
    await expect(dbs.use(mine.withData, false)).rejects.toThrow(`database "${mine.withData}" holds data: the bench writes into it; give --force to use it anyway`);
    await expect(dbs.use(mine.withData, true)).resolves.toMatchObject({ name: mine.withData, hasData: true });
    await dbs.dropAll();
    expect(await exists(mine.withData)).toBe(true);
  });

  it('--db naming a missing database creates it, and only then may drop it', async () => {
    const dbs = new BenchDatabases(ADMIN);
    await expect(dbs.use(mine.missing, false)).resolves.toMatchObject({ name: mine.missing, hasData: false });
    expect(await exists(mine.missing)).toBe(true);
    await dbs.dropAll();
    expect(await exists(mine.missing)).toBe(false);
  });

  it('a name that is not a plain identifier is refused before any statement', async () => {
    const dbs = new BenchDatabases(ADMIN);
    await expect(dbs.use('postgres"; DROP DATABASE "x', true)).rejects.toThrow('is not a plain database name');
  });
});
