/**
 * npm run bench [-- --only db|questions|delivery] [-- --keep] [-- --recipients 10000]
 * On PostgreSQL (DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/test
 * as the admin connection), in a database of its own (nq57_bench): generates
 * 100,000 tasks and 1,000,000 progress updates across 1,000 units, then
 * reports p50/p95 of the app's own queries. Targets from the issues:
 *   overdue open tasks of one unit as of a date   p95 < 20 ms
 *   task counts by status for every unit          p95 < 200 ms
 *   answering the common questions (bench/questions.ts)  p95 < 50 ms
 *   a 10,000-recipient broadcast at 30/s, and SIGKILL ×3 (bench/delivery.ts)
 */
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase, type Database } from '../prisma/database.ts';
import { PrismaQuestionData } from '../prisma/stores/question-data.ts';
import { measure, printTable } from './measure.ts';
import { runQuestionBench } from './questions.ts';
import { runDeliveryBench } from './delivery.ts';

const { values } = parseArgs({ options: { only: { type: 'string' }, keep: { type: 'boolean', default: false }, recipients: { type: 'string' } } });
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const BENCH_DB = 'nq57_bench';

function benchUrl(): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${BENCH_DB}`;
  return u.toString();
}

async function prepare(): Promise<{ db: Database; created: boolean }> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [BENCH_DB])).rowCount! > 0;
  let created = false;
  if (!exists || !values.keep) {
    await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${BENCH_DB}`);
    created = true;
  }
  await admin.end();
  const db = await openDatabase({ databaseUrl: benchUrl(), poolSize: 8 });
  if (created || (await db.prisma.task.count()) < 100_000) await generate();
  return { db, created };
}

/** Bulk data in SQL: what a city of 1,000 units with years of monthly reports looks like. */
async function generate(): Promise<void> {
  const c = new pg.Client({ connectionString: benchUrl() });
  await c.connect();
  const t0 = performance.now();
  const step = async (label: string, sql: string) => {
    const s = performance.now();
    await c.query(sql);
    process.stdout.write(`  ${label.padEnd(40)} ${((performance.now() - s) / 1000).toFixed(1)} s\n`);
  };
  process.stdout.write('Generating data…\n');
  await step('1,000 units', `INSERT INTO "Unit"(code, name, kind)
    SELECT 'u' || i, 'Đơn vị ' || i, (ARRAY['COMMUNE','WARD','DEPARTMENT','SPECIAL_ZONE','PARTY_BODY','AGENCY'])[1 + i % 6]::"UnitKind" FROM generate_series(1, 1000) i`);
  await step('20 plans', `INSERT INTO "Plan"(code, title, year) SELECT 'KH-' || i, 'Kế hoạch ' || i, 2025 + i % 2 FROM generate_series(1, 20) i`);
  await step('100,000 tasks', `INSERT INTO "Task"("planId", scope, kind, number, "sectionCode", position, label, title, "deadlineText", "deadlineKind", "deadlineDate", rhythm, "updatedAt")
    SELECT 1 + i % 20, 'u' || (1 + i % 1000), CASE WHEN i % 10 = 0 THEN 'INDICATOR' ELSE 'TASK' END::"ItemKind", 'NV.' || i, 'I', i, i::text,
      'Nhiệm vụ số ' || i || ' về chuyển đổi số và đổi mới sáng tạo',
      CASE WHEN i % 20 = 0 THEN 'Thường xuyên' WHEN i % 20 = 1 THEN 'Hằng năm' ELSE 'Tháng ' || (1 + i % 12) || '/' || (2025 + i % 3) END,
      CASE WHEN i % 20 = 0 THEN 'CONTINUOUS' WHEN i % 20 = 1 THEN 'YEARLY' ELSE 'MONTH' END::"DeadlineKind",
      CASE WHEN i % 20 IN (0, 1) THEN NULL ELSE (make_date(2025 + i % 3, 1 + i % 12, 1) + interval '1 month - 1 day')::date END,
      CASE WHEN i % 20 = 0 THEN 'CONTINUOUS' WHEN i % 20 = 1 THEN 'YEARLY' ELSE 'ONCE' END::"Rhythm", now()
    FROM generate_series(1, 100000) i`);
  await step('100,000 assignments', `INSERT INTO "Assignment"("taskId", "unitId", "deadlineDate") SELECT t.id, 1 + t.id % 1000, t."deadlineDate" FROM "Task" t`);
  await step('1,000,000 progress updates', `INSERT INTO "ProgressUpdate"("taskId", "unitId", "assignmentId", kind, state, percent, channel, "reportedAt")
    SELECT a."taskId", a."unitId", a.id, 'REPORT',
      CASE WHEN n = 10 AND a.id % 3 = 0 THEN 'DONE' WHEN n = 1 AND a.id % 7 = 0 THEN 'NOT_STARTED' ELSE 'IN_PROGRESS' END::"ProgressState",
      LEAST(100, n * 10 - (a.id % 7)), 'TELEGRAM',
      timestamp '2025-01-05' + (n * 62 + a.id % 40) * interval '1 day' + (a.id % 600) * interval '1 minute'
    FROM "Assignment" a CROSS JOIN generate_series(1, 10) n`);
  await step('latest state per assignment', `UPDATE "Assignment" a SET state = u.state, percent = u.percent, "lastUpdateId" = u.id, "lastReportedAt" = u."reportedAt",
      "doneOn" = CASE WHEN u.state = 'DONE' THEN u."reportedAt"::date END
    FROM (SELECT DISTINCT ON ("assignmentId") id, "assignmentId", state, percent, "reportedAt" FROM "ProgressUpdate" ORDER BY "assignmentId", "reportedAt" DESC, id DESC) u
    WHERE a.id = u."assignmentId"`);
  await step('VACUUM ANALYZE', 'VACUUM ANALYZE');
  process.stdout.write(`  total ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  await c.end();
}

export async function runDbBench(db: Database): Promise<boolean> {
  // The queries the app answers with (prisma/stores/question-data.ts).
  const data = new PrismaQuestionData(db.prisma);
  const counts = [await db.prisma.unit.count(), await db.prisma.task.count(), await db.prisma.progressUpdate.count()];
  process.stdout.write(`Data: ${counts[0]} units, ${counts[1]} tasks, ${counts[2]} progress updates\n`);
  const asOf = { today: '2026-11-26', dueSoonDays: 7 };
  const overdue = (unitId: number) => data.page({ unitIds: [unitId], statuses: ['OVERDUE'] }, asOf, { offset: 0, size: 1000 });
  const rows = [
    await measure('overdue open tasks of one unit as of 2026-11-26 (all rows)', 300, (i) => overdue(1 + ((i * 37) % 1000)), 20),
    await measure('task counts by status for every unit (1,000 rows)', 40, () => data.statusCounts({ unitIds: null }, asOf), 200),
  ];
  process.stdout.write(`  (unit 38 has ${(await overdue(38)).length} overdue open tasks)\n`);
  return printTable('Database queries (PostgreSQL, through Prisma)', rows);
}

process.stdout.write(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, node ${process.version}\n`);
let ok = true;
if (values.only !== 'delivery') {
  const { db } = await prepare();
  try {
    if (!values.only || values.only === 'db') ok = (await runDbBench(db)) && ok;
    if (!values.only || values.only === 'questions') ok = (await runQuestionBench(db)) && ok;
  } finally {
    await db.close();
  }
}
if (!values.only || values.only === 'delivery') ok = (await runDeliveryBench({ adminUrl: ADMIN_URL, recipients: values.recipients ? Number(values.recipients) : undefined })) && ok;
process.stdout.write(ok ? '\nAll targets met.\n' : '\nSome targets were missed.\n');
process.exitCode = ok ? 0 : 1;
