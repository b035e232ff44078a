/**
 * Applies prisma/migrations/<timestamp>_<name>/migration.sql in order, the
 * way `prisma migrate deploy` does, so that both agree on one history:
 * same advisory lock key, same `_prisma_migrations` table and checksums.
 * Prisma's schema engine is a downloaded binary that these machines cannot
 * fetch; the SQL files are all that is needed to apply them.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { assetDir } from './asset-dir.ts';

export const MIGRATIONS_DIR = assetDir('prisma/migrations', import.meta.url);

/** The lock key Prisma's schema engine takes before migrating (so the two never run at once). */
const PRISMA_ADVISORY_LOCK = 72707369;

/** The one thing migrations need from a connection: plain SQL on one session. */
export interface SqlSession {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements. */
  exec(sql: string): Promise<void>;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    readonly reason: 'failed_before' | 'failed',
    override readonly cause?: unknown,
  ) {
    super(
      reason === 'failed_before'
        ? `Migration ${migration} failed earlier and was not resolved; fix the database, then mark it rolled back in _prisma_migrations.`
        : `Migration ${migration} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface Recorded {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** A migration recorded as finished whose file changed since: said, never applied again. */
function warnChanged(m: Migration, records: Recorded[], log?: MigrationLog): void {
  if (!records.some((r) => r.checksum === m.checksum)) log?.warn({ migration: m.name }, 'migration file changed after it was applied');
}

/**
 * Whether every migration is recorded as finished, read without the lock in
 * one statement: what is finished stays finished whatever another instance
 * does, so the usual start (nothing pending) takes no lock and no DDL. False
 * when one is pending or the table does not exist yet.
 */
async function allApplied(session: SqlSession, migrations: Migration[], log?: MigrationLog): Promise<boolean> {
  let rows: Recorded[];
  try {
    rows = await session.query<Recorded>('SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL');
  } catch {
    return false;
  }
  if (!migrations.every((m) => rows.some((r) => r.migration_name === m.name))) return false;
  for (const m of migrations) warnChanged(m, rows.filter((r) => r.migration_name === m.name), log);
  return true;
}

/**
 * Applies pending migrations under the advisory lock. Each migration runs in
 * its own transaction together with its bookkeeping row, so a crash leaves
 * either all of it or none of it. Returns the names applied. A database that
 * has them all costs one statement (allApplied).
 */
export async function applyMigrations(session: SqlSession, options: { migrations?: Migration[]; log?: MigrationLog } = {}): Promise<string[]> {
  const migrations = options.migrations ?? readMigrations();
  const applied: string[] = [];
  if (await allApplied(session, migrations, options.log)) return applied;
  await session.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK]);
  try {
    await session.exec(CREATE_TABLE);
    const rows = await session.query<Recorded>('SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at');
    for (const m of migrations) {
      const records = rows.filter((r) => r.migration_name === m.name && r.rolled_back_at === null);
      if (records.some((r) => r.finished_at !== null)) {
        warnChanged(m, records, options.log);
        continue;
      }
      if (records.length > 0) throw new MigrationError(m.name, 'failed_before');
      const id = randomUUID();
      try {
        await session.exec('BEGIN');
        await session.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)',
          [id, m.checksum, m.name],
        );
        await session.exec(m.sql);
        await session.query('UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1', [id]);
        await session.exec('COMMIT');
      } catch (err) {
        await session.exec('ROLLBACK').catch(() => undefined);
        throw new MigrationError(m.name, 'failed', err);
      }
      options.log?.info({ migration: m.name }, 'migration applied');
      applied.push(m.name);
    }
  } finally {
    await session.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK]);
  }
  return applied;
}
