/**
 * Scores today's parser on the leader cases: pass/total per kind and overall;
 * the failing questions with their mismatches go to /tmp/leader-score.txt.
 *   npx tsx test/questions/score.ts
 */
import { writeFileSync } from 'node:fs';
import { seedSampleData } from '../../bot/services/seed.ts';
import { PrismaQuestionData } from '../../prisma/stores/question-data.ts';
import { PrismaTaskQueries } from '../../prisma/stores/task-queries.ts';
import { createTestDatabase } from '../support/db.ts';
import { caseName, makeAsker, runCase } from './check-case.ts';
import { LEADER_CASES } from './leader-cases.ts';

const db = await createTestDatabase();
try {
  await seedSampleData(db.prisma);
  const asker = await makeAsker(new PrismaQuestionData(db.prisma), new PrismaTaskQueries(db.prisma));
  const perKind = new Map<number, { pass: number; total: number }>();
  const lines: string[] = [];
  const firstMismatch: Record<string, string> = {};
  for (const c of LEADER_CASES) {
    const bad = await runCase(asker, c);
    const k = perKind.get(c.kind) ?? { pass: 0, total: 0 };
    k.total++;
    if (bad.length === 0) k.pass++;
    else {
      lines.push(`${caseName(c)}\n  ${bad.join('\n  ')}`);
      firstMismatch[c.q] = bad[0]!;
    }
    perKind.set(c.kind, k);
  }
  let pass = 0;
  let total = 0;
  for (const kind of [...perKind.keys()].sort((a, b) => a - b)) {
    const k = perKind.get(kind)!;
    pass += k.pass;
    total += k.total;
    console.log(`kind ${kind}: ${k.pass}/${k.total}`);
  }
  console.log(`overall: ${pass}/${total} (${((100 * pass) / total).toFixed(1)}%)`);
  writeFileSync('/tmp/leader-score.txt', lines.join('\n') + '\n');
  if (process.env.WRITE_KNOWN) writeFileSync(process.env.WRITE_KNOWN, JSON.stringify(firstMismatch, null, 2));
  console.log(`${lines.length} failing cases written to /tmp/leader-score.txt`);
} finally {
  await db.destroy();
}
