/**
 * Opens the database the way ARCHITECTURE.md decides: PostgreSQL through
 * DATABASE_URL when set, else an embedded PGlite database in a local folder
 * (or in memory). Pending migrations are applied before the client is used.
 */
import { mkdirSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { PrismaClient } from './generated/client.ts';
import { applyMigrations, type MigrationLog, type SqlSession } from './migrate.ts';

export type Db = InstanceType<typeof PrismaClient>;

export interface Database {
  prisma: Db;
  kind: 'postgres' | 'pglite';
  /** A plain SQL session for raw statements (migrations, benchmarks). */
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… — when absent, PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; 'memory://' for a throw-away database. */
  dataDir?: string;
  log?: MigrationLog;
  /** Connections in the pool (PostgreSQL only). */
  poolSize?: number;
}

function pgSession(client: pg.Client): SqlSession {
  return {
    async query(sql, params) {
      return (await client.query(sql, params as unknown[])).rows;
    },
    async exec(sql) {
      await client.query(sql);
    },
  };
}

function pgliteSession(db: PGlite): SqlSession {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      return (await db.query(sql, params)).rows as T[];
    },
    async exec(sql) {
      await db.exec(sql);
    },
  };
}

export async function migratePostgres(databaseUrl: string, log?: MigrationLog): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await applyMigrations(pgSession(client), { log });
  } finally {
    await client.end();
  }
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    // Imported when used: PGlite's WebAssembly and the other adapter cost start-up time for nothing.
    const [, { PrismaPg }] = await Promise.all([migratePostgres(options.databaseUrl, options.log), import('@prisma/adapter-pg')]);
    const adapter = new PrismaPg({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    const prisma = new PrismaClient({ adapter });
    return { prisma, kind: 'postgres', close: () => prisma.$disconnect() };
  }
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([import('@electric-sql/pglite'), import('pglite-prisma-adapter')]);
  const lite = new PGlite(dataDir);
  await applyMigrations(pgliteSession(lite), { log: options.log });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite) });
  return {
    prisma,
    kind: 'pglite',
    async close() {
      await prisma.$disconnect();
      await lite.close();
    },
  };
}

export { pgSession, pgliteSession };
