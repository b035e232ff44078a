/**
 * The independent table of leaders' questions (issue 9): every case of
 * LEADER_CASES asked on the seeded sample data as its person at its day,
 * the answer's json compared field by field. Cases still wrong on today's
 * parser are listed in KNOWN_FAILURES and run with `it.fails`, so the suite
 * is green while documenting them; fixing one turns its `it.fails` red,
 * and it must then leave the list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleData } from '../../bot/services/seed.ts';
import { PrismaQuestionData } from '../../prisma/stores/question-data.ts';
import { PrismaTaskQueries } from '../../prisma/stores/task-queries.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { caseName, makeAsker, runCase, type Asker } from './check-case.ts';
import { KNOWN_FAILURES } from './known-failures.ts';
import { LEADER_CASES } from './leader-cases.ts';

export { KNOWN_FAILURES };

const isAscii = (s: string) => /^[\x20-\x7e]*$/.test(s);

describe('leader questions nobody tuned for (issue 9)', () => {
  let db: TestDatabase;
  let asker: Asker;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    asker = await makeAsker(new PrismaQuestionData(db.prisma), new PrismaTaskQueries(db.prisma));
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('the table is large, in nine kinds, a third without diacritics in every kind', () => {
    expect(LEADER_CASES.length).toBeGreaterThanOrEqual(400);
    for (let kind = 1; kind <= 9; kind++) {
      const of = LEADER_CASES.filter((c) => c.kind === kind);
      expect(of.length, `kind ${kind}`).toBeGreaterThanOrEqual(25);
      expect(of.filter((c) => isAscii(c.q)).length / of.length, `kind ${kind} without diacritics`).toBeGreaterThanOrEqual(1 / 3);
    }
    expect(new Set(LEADER_CASES.map((c) => c.q)).size, 'questions are unique (KNOWN_FAILURES is keyed by question)').toBe(LEADER_CASES.length);
    for (const q of Object.keys(KNOWN_FAILURES)) expect(LEADER_CASES.some((c) => c.q === q), q).toBe(true);
  });

  for (const c of LEADER_CASES) {
    const known = KNOWN_FAILURES[c.q];
    (known ? it.fails : it)(caseName(c), async () => {
      expect(await runCase(asker, c)).toEqual([]);
    });
  }
});
