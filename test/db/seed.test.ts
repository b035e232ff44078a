import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleData } from '../../bot/services/seed.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

describe('sample data', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('loads the registry, both appendices and the sample progress', async () => {
    expect(await db.prisma.task.count()).toBe(94);
    expect(await db.prisma.person.count()).toBe(13);
    const localities = await db.prisma.unit.count({ where: { kind: { in: ['COMMUNE', 'WARD', 'SPECIAL_ZONE'] } } });
    expect(localities).toBe(26);
    // Task 8 of the programme (Các xã, phường, đặc khu) applies to every locality.
    const t8 = await db.prisma.task.findFirstOrThrow({ where: { number: '8', plan: { code: 'CTr-2026' } }, include: { assignments: true } });
    expect(t8.assignments).toHaveLength(26);
    const t1 = await db.prisma.task.findFirstOrThrow({ where: { number: '1', plan: { code: 'CTr-2026' } }, include: { assignments: true } });
    expect(t1.assignments.filter((a) => a.state === 'DONE')).toHaveLength(5);
  });

  it('seeding again changes nothing', async () => {
    const counts = async () => [await db.prisma.task.count(), await db.prisma.progressUpdate.count(), await db.prisma.assignment.count(), await db.prisma.unit.count(), await db.prisma.person.count()];
    const before = await counts();
    await seedSampleData(db.prisma);
    expect(await counts()).toEqual(before);
  });
});
