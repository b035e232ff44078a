/** Imports are serialised: a second one while another runs is told to wait, never crashes, and harms nothing. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../bot/i18n.ts';
import { describeOutcome, importFile } from '../../bot/services/import.ts';
import { IMPORT_LOCK_KEY } from '../../prisma/stores/import-store.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../support/db.ts';
import { CAT_HAI_XLSX, PROGRAMME_XLSX } from '../support/samples.ts';

const tr = i18n();
const opts = { asOf: '2025-11-14', today: '2025-11-14', actor: 'test' } as const;

describe('concurrent imports', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('three imports of new tasks at once: each is done or told to wait, none crashes, the data is that of one import', async () => {
    const outcomes = await Promise.all([importFile(db.prisma, PROGRAMME_XLSX, opts), importFile(db.prisma, PROGRAMME_XLSX, opts), importFile(db.prisma, CAT_HAI_XLSX, opts)]);
    for (const o of outcomes) {
      if (!o.ok) expect(describeOutcome(o, tr)).toBe('Đang có một lần nhập khác, thử lại sau. Chưa có gì thay đổi.');
    }
    expect(outcomes.filter((o) => o.ok).length).toBeGreaterThan(0);
    // Whatever waited, importing again brings the database to the same state as sequential imports.
    await importFile(db.prisma, PROGRAMME_XLSX, opts);
    await importFile(db.prisma, CAT_HAI_XLSX, opts);
    const tasks = await db.prisma.task.count();
    const again = await importFile(db.prisma, PROGRAMME_XLSX, opts);
    expect(again.ok && again.summary.tasksCreated).toBe(0);
    expect(await db.prisma.task.count()).toBe(tasks);
  }, 240_000);

  it.runIf(usingPostgres)('while another instance holds the import lock, an import is refused in Vietnamese and writes nothing', async () => {
    const other = new pg.Client({ connectionString: db.url });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1::bigint)', [IMPORT_LOCK_KEY]);
      const before = await db.prisma.progressUpdate.count();
      const o = await importFile(db.prisma, CAT_HAI_XLSX, { ...opts, asOf: '2025-12-31' });
      expect(o.ok).toBe(false);
      expect(describeOutcome(o, tr)).toBe('Đang có một lần nhập khác, thử lại sau. Chưa có gì thay đổi.');
      expect(await db.prisma.progressUpdate.count()).toBe(before);
    } finally {
      await other.end();
    }
  }, 120_000);
});
