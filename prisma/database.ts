/**
 * Opens the database the way ARCHITECTURE.md decides: PostgreSQL through
 * DATABASE_URL when set, else an embedded PGlite database in a local folder
 * (or in memory). Pending migrations are applied before the client is used.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { PrismaClient } from './generated/client.ts';
import { applyMigrations, type MigrationLog, type SqlSession } from './migrate.ts';
import { deferQueryCompiler } from './query-compiler.ts';

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
  /** How long opening one connection may take (PostgreSQL only; default 10 s). */
  connectTimeoutMs?: number;
}

function pgSession(client: pg.Client | pg.PoolClient): SqlSession {
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

/**
 * The embedded database is one process's: a lock file beside the folder holds
 * the owner's pid and start time. A lock whose process is gone is stale and
 * taken over; a live one makes the second process stop at once.
 */
export class DataDirBusyError extends Error {
  constructor(
    readonly lockFile: string,
    readonly pid: number,
    readonly since: string,
  ) {
    super(`${lockFile} is held by process ${pid} since ${since}`);
    this.name = 'DataDirBusyError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function takeDataDirLock(lockFile: string): () => void {
  const mine = JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() });
  for (let tries = 0; ; tries++) {
    try {
      writeFileSync(lockFile, mine, { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || tries > 2) throw err;
      let held: { pid?: unknown; startedAt?: unknown } = {};
      try {
        held = JSON.parse(readFileSync(lockFile, 'utf8')) as typeof held;
      } catch {
        // Unreadable or half-written: treated as stale.
      }
      const pid = typeof held.pid === 'number' ? held.pid : 0;
      if (pid > 0 && pid !== process.pid && alive(pid)) throw new DataDirBusyError(lockFile, pid, String(held.startedAt ?? '?'));
      try {
        unlinkSync(lockFile);
      } catch {
        // Another process removed it first; try again.
      }
    }
  }
  return () => {
    try {
      if (readFileSync(lockFile, 'utf8') === mine) unlinkSync(lockFile);
    } catch {
      // Already gone.
    }
  };
}

export async function migratePostgres(databaseUrl: string, log?: MigrationLog): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await applyMigrations(pgSession(client), { log });
  } finally {
    await client.end();
  }
}

/**
 * Marks a statement to be prepared with a generic plan on PostgreSQL. The answers' statements
 * spend most of their time being planned (EXPLAIN: ~10 ms planning against ~2 ms execution
 * for "quá hạn ở <đơn vị>" at 100k tasks), and PostgreSQL's own choice keeps re-planning them
 * (it estimates the generic plan dearer than the custom ones). Marked statements are named
 * (prepared once per pooled connection, so planned once) and the connections use
 * `plan_cache_mode = force_generic_plan`. That setting is not limited to named statements:
 * on PostgreSQL 15 an unnamed statement with parameters is planned without their values too
 * (auto_explain shows `"unitId" = $1`, not the value; every statement of the planners and
 * Prisma's own), only planned again each time. So a statement whose plan depends on a
 * parameter's value must carry the value in its text (the delivery claim's LIMIT); mark
 * only a statement whose generic plan was checked on the bench's data.
 */
export const GENERIC_PLAN = '/* generic plan */ ';

/**
 * The adapter's statement names: a marked text is named from its third use (a question shape
 * asked once costs the server nothing), at most `limit` texts per process, so that endless
 * distinct texts keep a bounded cache per connection. The name is a hash of the text: one
 * text, one name, on every connection.
 */
export function statementNames(limit = 1000, after = 3): (query: { sql: string }) => string {
  const seen = new Map<string, number>();
  const named = new Map<string, string>();
  return ({ sql }) => {
    if (!sql.startsWith(GENERIC_PLAN)) return '';
    const name = named.get(sql);
    if (name !== undefined) return name;
    if (named.size >= limit) return '';
    const uses = (seen.get(sql) ?? 0) + 1;
    if (uses < after) {
      if (seen.size >= limit * 5) seen.clear();
      seen.set(sql, uses);
      return '';
    }
    seen.delete(sql);
    const fresh = `nq_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    named.set(sql, fresh);
    return fresh;
  };
}

/** How long opening one connection to PostgreSQL may take (a server that does not answer fails the start, which retries). */
const CONNECT_MS = 10_000;

/**
 * pg's Client with a limit on opening its connection. Not the pool's connectionTimeoutMillis:
 * pg-pool applies that to a query waiting for a free connection too, and a busy pool must let
 * Prisma's own limits decide (a chat transaction waits up to 60 s).
 */
function boundedClient(ms: number): typeof pg.Client {
  return class extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super(typeof config === 'string' ? { connectionString: config, connectionTimeoutMillis: ms } : { ...config, connectionTimeoutMillis: ms });
    }
  };
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    // Imported when used: PGlite's WebAssembly and the other adapter cost start-up time for nothing.
    const { PrismaPg } = await import('@prisma/adapter-pg');
    // Without JIT: the bot's statements are short, and the planning statements (planned for
    // every assignment) spend seconds compiling under JIT for nothing. Set per connection, so
    // no statement needs a transaction (whose default 5 s limit a loaded machine exceeds).
    // Generic plans (GENERIC_PLAN: for every statement with parameters, named or not).
    // One pool for the migrations and the client: the connection that checked the migrations
    // serves the first question (a new server process costs a connection and a cold catalog).
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, options: '-c jit=off -c plan_cache_mode=force_generic_plan', Client: boundedClient(options.connectTimeoutMs ?? CONNECT_MS) });
    // An idle connection the server closes must not crash the process before the client
    // listens; the next query on the pool opens a new one.
    pool.on('error', () => undefined);
    const adapter = new PrismaPg(pool, { statementNameGenerator: statementNames(), disposeExternalPool: true });
    const prisma = new PrismaClient({ adapter });
    // The query compiler is made by the first model query (query-compiler.ts): raw statements need none.
    deferQueryCompiler(prisma);
    // The client's engine connects while the migrations are checked.
    const engine = prisma.$connect();
    engine.catch(() => undefined);
    try {
      const session = await pool.connect();
      try {
        await applyMigrations(pgSession(session), { log: options.log });
      } finally {
        session.release();
      }
      await engine;
    } catch (err) {
      await engine.catch(() => undefined);
      await prisma.$disconnect().catch(() => undefined);
      await pool.end().catch(() => undefined);
      throw err;
    }
    return { prisma, kind: 'postgres', close: () => prisma.$disconnect() };
  }
  const dataDir = options.dataDir ?? 'memory://';
  let release = () => undefined as void;
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(dataDir, { recursive: true });
    release = takeDataDirLock(`${dataDir.replace(/[/\\]+$/, '')}.lock`);
  }
  try {
    const [{ PGlite }, { PrismaPGlite }] = await Promise.all([import('@electric-sql/pglite'), import('pglite-prisma-adapter')]);
    const lite = new PGlite(dataDir);
    await applyMigrations(pgliteSession(lite), { log: options.log });
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite) });
    deferQueryCompiler(prisma);
    return {
      prisma,
      kind: 'pglite',
      async close() {
        await prisma.$disconnect();
        await lite.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

export { pgSession, pgliteSession };
