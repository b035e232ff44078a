/**
 * The question data of a database beside its reference in memory, built from
 * the same assignments and their whole histories: SQL answers are compared
 * with the domain's meaning of each filter.
 */
import { MemoryQuestionData } from '../../domain/questions/answer-memory.ts';
import type { TaskRow, UpdateRow } from '../../domain/tasks/types.ts';
import type { Db } from '../../prisma/database.ts';
import { PrismaQuestionData } from '../../prisma/stores/question-data.ts';
import { PrismaTaskQueries } from '../../prisma/stores/task-queries.ts';

export async function questionTwins(prisma: Db): Promise<{ sql: PrismaQuestionData; memory: MemoryQuestionData; rows: TaskRow[] }> {
  const queries = new PrismaTaskQueries(prisma);
  const sql = new PrismaQuestionData(prisma);
  const rows = await queries.assignments({});
  const updates = new Map<number, UpdateRow[]>();
  for (const r of rows) updates.set(r.assignmentId, await queries.history(r.assignmentId, 1000));
  const memory = new MemoryQuestionData({ units: await sql.units(), plans: await sql.plans(), rows, updates });
  return { sql, memory, rows };
}
