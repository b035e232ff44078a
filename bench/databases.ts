/**
 * The bench's databases on the server DATABASE_URL points at (issue 13, item
 * 9): a name derived from the run, created by this run and dropped only if
 * this run created it; an existing database (--db NAME) is used only when it
 * is empty, or with --force when it holds data (e.g. a database kept with
 * --keep by an earlier run, to skip generating the data again).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export class BenchDatabases {
  readonly #created = new Set<string>();
  readonly runId = `${Date.now().toString(36)}_${process.pid}_${randomBytes(2).toString('hex')}`;
  constructor(readonly adminUrl: string) {}

  url(name: string): string {
    const u = new URL(this.adminUrl);
    u.pathname = `/${name}`;
    return u.toString();
  }

  async #admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
    const c = new pg.Client({ connectionString: this.adminUrl });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  }

  /** A new database named after this run; fails if the name is taken (never reuses what it did not create). */
  async create(purpose: string): Promise<{ name: string; url: string }> {
    const name = `nq57_bench_${purpose}_${this.runId}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
    await this.#admin((c) => c.query(`CREATE DATABASE "${name}"`));
    this.#created.add(name);
    await this.#admin((c) => c.query(`COMMENT ON DATABASE "${name}" IS 'nq57 bench run ${this.runId}'`));
    return { name, url: this.url(name) };
  }

  /** An existing database chosen by the operator: created if missing; refused when it holds data unless `force`. */
  async use(name: string, force: boolean): Promise<{ name: string; url: string; hasData: boolean }> {
    if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`--db: "${name}" is not a plain database name`);
    const exists = await this.#admin(async (c) => ((await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount ?? 0) > 0);
    if (!exists) {
      await this.#admin((c) => c.query(`CREATE DATABASE "${name}"`));
      this.#created.add(name);
      return { name, url: this.url(name), hasData: false };
    }
    const c = new pg.Client({ connectionString: this.url(name) });
    await c.connect();
    const { rows } = await c.query<{ n: string }>(
      `SELECT coalesce(sum(n_live_tup), 0)::bigint AS n FROM pg_stat_user_tables WHERE relname <> '_prisma_migrations'`,
    );
    const tables = (await c.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' LIMIT 1`)).rowCount ?? 0;
    await c.end();
    const hasData = tables > 0 && (Number(rows[0]?.n ?? 0) > 0 || (await this.#anyRow(name)));
    if (hasData && !force) throw new Error(`database "${name}" holds data: the bench writes into it; give --force to use it anyway`);
    return { name, url: this.url(name), hasData };
  }

  async #anyRow(name: string): Promise<boolean> {
    const c = new pg.Client({ connectionString: this.url(name) });
    await c.connect();
    try {
      const t = await c.query(`SELECT to_regclass('public."Unit"') AS u`);
      if (!t.rows[0]?.u) return false;
      return ((await c.query(`SELECT 1 FROM "Unit" LIMIT 1`)).rowCount ?? 0) > 0;
    } finally {
      await c.end();
    }
  }

  /** Drops a database this run created; anything else is left alone. */
  async drop(name: string): Promise<void> {
    if (!this.#created.has(name)) return;
    await this.#admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    this.#created.delete(name);
  }

  async dropAll(): Promise<void> {
    for (const name of [...this.#created]) await this.drop(name);
  }
}
