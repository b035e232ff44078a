/**
 * The answers' statements marked GENERIC_PLAN are prepared once per PostgreSQL connection
 * with a generic plan (prisma/database.ts): a repeated one keeps answering with each call's
 * values and today's data; unmarked statements, however often repeated, stay unnamed (planned
 * each time); the number of named texts is bounded. PGlite runs without names; the
 * PostgreSQL part needs pg_prepared_statements.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERIC_PLAN, openDatabase, statementNames, type Database } from '../../prisma/database.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../support/db.ts';

const marked = (sql: string) => ({ sql: GENERIC_PLAN + sql });

describe('statement names', () => {
  it('names a marked text from its third use, the same name every time; unmarked texts never', () => {
    const name = statementNames(10, 3);
    expect(name(marked('select 1'))).toBe('');
    expect(name(marked('select 1'))).toBe('');
    const third = name(marked('select 1'));
    expect(third).toMatch(/^nq_[0-9a-f]{20}$/);
    expect(name(marked('select 1'))).toBe(third);
    expect(name(marked('select 2'))).toBe('');
    for (let i = 0; i < 5; i++) expect(name({ sql: 'select 3' })).toBe('');
  });

  it('gives at most `limit` names, and the others stay unnamed', () => {
    const name = statementNames(2, 1);
    const names = ['a', 'b', 'c', 'd'].map((sql) => name(marked(`select '${sql}'`)));
    expect(names.filter(Boolean)).toHaveLength(2);
    expect(names.slice(2)).toEqual(['', '']);
    expect(name(marked("select 'a'"))).toBe(names[0]);
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
    (await one.prisma.$queryRawUnsafe<{ name: string; generic: number }[]>(
      `SELECT name, generic_plans::int AS generic FROM pg_prepared_statements WHERE name LIKE 'nq\\_%'`,
    )) as { name: string; generic: number }[];
  const nameOf = async (code: string) =>
    ((await one.prisma.$queryRawUnsafe(GENERIC_PLAN + 'SELECT name FROM "Unit" WHERE code = $1', code)) as { name: string }[])[0]?.name ?? null;

  it('a marked query is prepared once, with a generic plan, and still answers with each call’s values and fresh data', async () => {
    for (let i = 0; i < 8; i++) expect(await nameOf(i % 2 ? 'U1' : 'U2')).toBe(i % 2 ? 'Phường Một' : 'Phường Hai');
    await one.prisma.unit.update({ where: { code: 'U1' }, data: { name: 'Phường Một Mới' } });
    expect(await nameOf('U1')).toBe('Phường Một Mới');
    expect(await nameOf('U9')).toBeNull();
    const names = await prepared();
    expect(names).toHaveLength(1);
    expect(names[0]!.generic).toBeGreaterThan(0);
  });

  it('unmarked statements are not prepared, however often they are sent', async () => {
    for (let i = 0; i < 20; i++) expect((await one.prisma.unit.findFirst({ where: { code: 'U2' } }))?.name).toBe('Phường Hai');
    for (let i = 0; i < 20; i++) await one.prisma.$queryRawUnsafe(`SELECT ${i % 2}::int AS n`);
    expect(await prepared()).toHaveLength(1);
  });
});
