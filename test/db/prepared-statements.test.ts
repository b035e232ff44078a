/**
 * Repeated statements are prepared once per PostgreSQL connection (prisma/database.ts,
 * statementNames): a repeated query keeps answering with today's data and each call's own
 * values, one-off texts stay unnamed, and the number of named texts is bounded.
 * PGlite runs without names; the PostgreSQL part needs pg_prepared_statements.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, statementNames, type Database } from '../../prisma/database.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../support/db.ts';

describe('statement names', () => {
  it('names a text from its third use, the same name every time', () => {
    const name = statementNames(10, 3);
    expect(name({ sql: 'select 1' })).toBe('');
    expect(name({ sql: 'select 1' })).toBe('');
    const third = name({ sql: 'select 1' });
    expect(third).toMatch(/^nq_[0-9a-f]{20}$/);
    expect(name({ sql: 'select 1' })).toBe(third);
    expect(name({ sql: 'select 2' })).toBe('');
  });

  it('gives at most `limit` names, and the others stay unnamed', () => {
    const name = statementNames(2, 1);
    const names = ['a', 'b', 'c', 'd'].map((sql) => name({ sql: `select '${sql}'` }));
    expect(names.filter(Boolean)).toHaveLength(2);
    expect(names.slice(2)).toEqual(['', '']);
    expect(name({ sql: "select 'a'" })).toBe(names[0]);
  });
});

describe.runIf(usingPostgres)('prepared statements on PostgreSQL', () => {
  let db: TestDatabase;
  let one: Database;

  beforeAll(async () => {
    db = await createTestDatabase();
    one = await openDatabase({ databaseUrl: db.url, poolSize: 1 });
    await one.prisma.unit.create({ data: { code: 'U1', name: 'Phường Một', kind: 'WARD' } });
    await one.prisma.unit.create({ data: { code: 'U2', name: 'Phường Hai', kind: 'WARD' } });
  }, 120_000);

  afterAll(async () => {
    await one?.close();
    await db?.destroy();
  });

  const prepared = async () =>
    (await one.prisma.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM pg_prepared_statements WHERE name LIKE 'nq\\_%' AND statement NOT LIKE '%pg_prepared_statements%'`)).map((r) => r.name);

  it('a repeated query is prepared once and still answers with each call’s values and fresh data', async () => {
    for (let i = 0; i < 8; i++) {
      const code = i % 2 ? 'U1' : 'U2';
      const unit = await one.prisma.unit.findFirst({ where: { code } });
      expect(unit?.code).toBe(code);
    }
    await one.prisma.unit.update({ where: { code: 'U1' }, data: { name: 'Phường Một Mới' } });
    expect((await one.prisma.unit.findFirst({ where: { code: 'U1' } }))?.name).toBe('Phường Một Mới');
    expect(await one.prisma.unit.findFirst({ where: { code: 'U9' } })).toBeNull();
    const names = await prepared();
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names).size).toBe(names.length);
  });

  it('one-off texts are not prepared', async () => {
    const before = (await prepared()).length;
    for (let i = 0; i < 50; i++) await one.prisma.$queryRawUnsafe(`SELECT ${i}::int AS n`);
    expect((await prepared()).length).toBe(before);
  });
});
