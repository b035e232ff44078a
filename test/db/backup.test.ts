/** Backups restore into an empty database with the same data: PGlite's folder dump, and pg_dump/pg_restore. */
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleData } from '../../bot/services/seed.ts';
import { openDatabase, type Db } from '../../prisma/database.ts';
import { createTestDatabase, usingPostgres } from '../support/db.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What a restore must give back: counts and a checksum of the progress history. */
async function fingerprint(prisma: Db) {
  const [h] = (await prisma.$queryRawUnsafe(`SELECT md5(string_agg(id || ':' || "assignmentId" || ':' || state || ':' || COALESCE(percent::text, '-'), ',' ORDER BY id)) AS h FROM "ProgressUpdate"`)) as { h: string }[];
  return {
    units: await prisma.unit.count(),
    people: await prisma.person.count(),
    tasks: await prisma.task.count(),
    assignments: await prisma.assignment.count(),
    updates: await prisma.progressUpdate.count(),
    history: h!.h,
  };
}

describe('backups', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nq57-backup-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('embedded: npm run backup writes the folder as a file (refused while the bot runs); --restore into an empty DATA_DIR gives the same data', async () => {
    const cli = (env: Record<string, string>, args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'bot/cli/backup.ts', ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
    const a = join(dir, 'a');
    const db = await openDatabase({ dataDir: join(a, 'pglite') });
    await seedSampleData(db.prisma);
    const before = await fingerprint(db.prisma);
    const file = join(dir, 'nq57.tar.gz');
    // While the bot runs (it holds the lock), a backup is refused rather than copying a live folder.
    const busy = cli({ DATA_DIR: a }, ['--out', file]);
    expect(busy.status).toBe(1);
    expect(busy.stderr).toContain('thư mục DATA_DIR đang được một tiến trình khác dùng');
    await db.close();

    const done = cli({ DATA_DIR: a }, ['--out', file]);
    expect(done.stdout).toContain('Đã sao lưu cơ sở dữ liệu nhúng vào');
    const b = join(dir, 'b');
    expect(cli({ DATA_DIR: b }, ['--restore', file]).status).toBe(0);
    const again = cli({ DATA_DIR: b }, ['--restore', file]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('đã có dữ liệu');
    const restored = await openDatabase({ dataDir: join(b, 'pglite') });
    try {
      expect(await fingerprint(restored.prisma)).toEqual(before);
      expect(before.updates).toBeGreaterThan(0);
    } finally {
      await restored.close();
    }
  }, 300_000);

  it.runIf(usingPostgres)('PostgreSQL: pg_dump -Fc then pg_restore into an empty database gives the same data', async () => {
    const db = await createTestDatabase();
    const empty = `${new URL(db.url!).pathname.slice(1)}_r`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await seedSampleData(db.prisma);
      const before = await fingerprint(db.prisma);
      const file = join(dir, 'pg.dump');
      execFileSync('pg_dump', ['-Fc', '-f', file, db.url!]);
      await admin.query(`CREATE DATABASE "${empty}"`);
      const url = new URL(db.url!);
      url.pathname = `/${empty}`;
      execFileSync('pg_restore', ['--no-owner', '-d', url.toString(), file]);
      const restored = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
      try {
        expect(await fingerprint(restored.prisma)).toEqual(before);
      } finally {
        await restored.close();
      }
    } finally {
      await db.destroy();
      await admin.query(`DROP DATABASE IF EXISTS "${empty}" WITH (FORCE)`);
      await admin.end();
    }
  }, 240_000);
});
