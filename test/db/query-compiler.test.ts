import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPILER_FILES, compilerPending, warmQueryCompiler } from '../../prisma/query-compiler.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

describe("Prisma's query compiler, made on first use", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('is loaded from the files the generated client names', () => {
    const generated = readFileSync(new URL('../../prisma/generated/internal/class.ts', import.meta.url), 'utf8');
    for (const file of Object.values(COMPILER_FILES)) expect(generated).toContain(`"${file.replace(/\.js$/, '.mjs')}"`);
  });

  it('is not made by raw statements, alone or in a batch', async () => {
    expect(await db.prisma.$queryRawUnsafe('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await db.prisma.$transaction([db.prisma.$executeRawUnsafe('SELECT 1'), db.prisma.$queryRawUnsafe('SELECT 2 AS two')]);
    expect(compilerPending()).toBe(true);
  });

  it('is made by the first model query, which answers as before', async () => {
    const unit = await db.prisma.unit.create({ data: { code: 'QC1', name: 'Đơn vị thử', kind: 'DEPARTMENT' } });
    expect(compilerPending()).toBe(false);
    expect(await db.prisma.unit.findMany({ where: { code: 'QC1' }, select: { id: true, name: true } })).toEqual([{ id: unit.id, name: 'Đơn vị thử' }]);
    await expect(db.prisma.unit.create({ data: { code: 'QC1', name: 'trùng mã', kind: 'DEPARTMENT' } })).rejects.toMatchObject({ code: 'P2002' });
  });

  it('is made ahead by warmQueryCompiler, for a client that has not needed it yet', async () => {
    const other = await createTestDatabase();
    try {
      await other.prisma.$queryRawUnsafe('SELECT 1');
      expect(compilerPending()).toBe(true);
      warmQueryCompiler();
      expect(compilerPending()).toBe(false);
      expect(await other.prisma.unit.count()).toBe(0);
    } finally {
      await other.destroy();
    }
  });
});
