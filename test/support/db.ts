/**
 * A fresh, migrated database per test file: a new PostgreSQL database when
 * DATABASE_URL is set (as in CI), else an in-memory PGlite database.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../prisma/database.ts';

export interface TestDatabase extends Database {
  url: string | undefined;
  /** Closes the client and drops the database. */
  destroy(): Promise<void>;
}

export const usingPostgres = Boolean(process.env.DATABASE_URL);

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const db = await openDatabase({ dataDir: 'memory://' });
    return { ...db, url: undefined, destroy: () => db.close() };
  }
  const name = `nq57_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDatabase(base, name);
  const db = await openDatabase({ databaseUrl: url, poolSize: 4 });
  return {
    ...db,
    url,
    async destroy() {
      await db.close();
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}

/** Runs raw SQL against a test database, whichever engine it is. */
export async function rawQuery(db: TestDatabase, sql: string): Promise<Record<string, unknown>[]> {
  return (await db.prisma.$queryRawUnsafe(sql)) as Record<string, unknown>[];
}
