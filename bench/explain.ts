/**
 * npm run bench:explain [-- --tasks 100000] [-- --out bench/EXPLAIN.md] [-- --db NAME]
 *
 * Writes EXPLAIN (ANALYZE, BUFFERS) of every SQL statement the hot paths run
 * — a day's reminder planning (one INSERT … SELECT, explained inside a
 * rolled-back transaction), a monthly request day, the weekly digest and
 * the monthly warning list, and the common
 * questions, each asked twice as chat asks them (one data object per
 * message over a shared reference: the first also loads the reference data,
 * the second is the warm answer) — on a generated city (PostgreSQL, a
 * database named after the run, dropped at the end), and flags any
 * sequential scan of Task or Assignment. The statements are captured as the
 * app sends them (its raw queries are wrapped), so the file shows the app's
 * own plans.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { plannedMonthlyDigests, plannedWeeklyDigests, runReminders, type JobDeps } from '../bot/delivery/jobs.ts';
import type { PersonRef } from '../domain/people/types.ts';
import { answerQuestion } from '../domain/questions/answer.ts';
import { readQuestion } from '../domain/questions/context.ts';
import { reminderSettings } from '../domain/reminders/settings.ts';
import { monthlyRequestDay } from '../domain/reminders/planner.ts';
import { instantOf } from '../domain/shared/day.ts';
import { openDatabase, type Db } from '../prisma/database.ts';
import { PrismaDeliveryStore, PrismaPlanningReads } from '../prisma/stores/delivery-store.ts';
import { QuestionReference, withReference } from '../prisma/stores/question-data.ts';
import { BenchDatabases } from './databases.ts';
import { generate } from './generate.ts';
import { WorkingCalendar } from '../domain/calendar/working-days.ts';
import { DEFAULT_HOLIDAYS, DEFAULT_MAKEUP_DAYS } from '../domain/calendar/holidays.ts';

const calendar = new WorkingCalendar({ holidays: DEFAULT_HOLIDAYS, makeupDays: DEFAULT_MAKEUP_DAYS });

const { values } = parseArgs({ options: { tasks: { type: 'string' }, out: { type: 'string' }, db: { type: 'string' } } });
const TASKS = Number(values.tasks ?? 100_000);
const OUT = values.out ?? 'bench/EXPLAIN.md';
const TODAY = '2026-11-26';
const WHOLE_CITY = /^(weekly digest|monthly warning list)/;
const MONTHLY_REQUEST = /monthly request day/;
/** Reference data read once per change of the tasks (the words questions are parsed against), not per answer. */
const REFERENCE = /string_agg\(DISTINCT|SELECT id, title FROM "Task"/;
/** A city-wide count: every assignment of the city counted, whatever the access path (its floor reads them all too). */
const CITY_COUNT = /count\(\*\)/;
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

interface Captured {
  path: string;
  sql: string;
  params: unknown[];
}

/** The same client, with every raw SELECT recorded under the current path. */
function capturing(prisma: Db, log: Captured[], path: () => string): Db {
  return new Proxy(prisma, {
    get(target, prop, receiver) {
      if (prop === '$queryRawUnsafe') {
        return (sql: string, ...params: unknown[]) => {
          // (the answers' statements start with the GENERIC_PLAN mark, a comment)
          if (/^\s*(\/\*[^*]*\*\/\s*)?(WITH|SELECT)/i.test(sql)) log.push({ path: path(), sql, params });
          return target.$queryRawUnsafe(sql, ...params);
        };
      }
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

/** A parameter as an SQL literal of unknown type (EXECUTE casts it to the prepared parameter's type), as pg would send it. */
function sqlLiteral(client: pg.Client, value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) {
    const items = value.map((v) => (v === null || v === undefined ? 'NULL' : `"${String(v instanceof Date ? v.toISOString() : v).replace(/[\\"]/g, '\\$&')}"`));
    return client.escapeLiteral(`{${items.join(',')}}`);
  }
  return client.escapeLiteral(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

const dbs = new BenchDatabases(ADMIN_URL);
// --db NAME: a database kept by `npm run bench -- --keep` (used as it is, not dropped); else a new one, generated and dropped.
const kept = values.db ? await dbs.use(values.db, true) : null;
const { name, url } = kept ?? (await dbs.create('explain'));
const admin = new pg.Client({ connectionString: url });
try {
  const db = await openDatabase({ databaseUrl: url, poolSize: 4 });
  await admin.connect();
  if (!kept?.hasData) await generate(async (sql, params) => (await admin.query(sql, params as unknown[])).rows, { tasks: TASKS, quiet: true });
  // The app's connection settings (prisma/database.ts): no JIT, a generic plan for every statement with parameters.
  await admin.query('SET jit = off; SET plan_cache_mode = force_generic_plan');
  const log: Captured[] = [];
  let path = '';
  const prisma = capturing(db.prisma, log, () => path);
  const settings = reminderSettings({ window: 'always' });
  const deps: JobDeps = { store: new PrismaDeliveryStore(prisma), reads: new PrismaPlanningReads(prisma), calendar, window: { calendar, hours: settings.workingHours, mode: 'always' }, settings, status: { dueSoonDays: 7 } };
  for (const [day, what] of [['2026-11-26', 'a working day'], [monthlyRequestDay('2026-11-26', settings.monthlyRequestDay, calendar), 'the monthly request day']] as const) {
    path = `reminder run ${day} (${what})`;
    // On a loaded machine the run's transaction may outlive its timeout: its statements were sent (and captured) all the same.
    await runReminders(deps, { tick: instantOf(day, 8), now: instantOf(day, 8), nextTick: null }).catch((e: Error) =>
      process.stderr.write(`${path}: ${e.message.split('\n').filter(Boolean).at(-1)}\n`),
    );
  }
  path = 'weekly digest 2026-11-23';
  await plannedWeeklyDigests(deps, '2026-11-23');
  path = 'monthly warning list 2026-11-25';
  await plannedMonthlyDigests(deps, '2026-11-25');
  const reference = new QuestionReference();
  const leader: PersonRef = { id: 0, fullName: 'Lãnh đạo thành phố', unitId: null, roles: ['CITY_LEADER'] };
  const questions = ['nhiệm vụ quá hạn ở Đơn vị 38', 'các việc sắp đến hạn trong 7 ngày', 'những việc đến hạn đến cuối năm', 'có bao nhiêu nhiệm vụ', 'nhiệm vụ 920', 'đơn vị nào chưa cập nhật tháng này', 'nhiệm vụ về an toàn thông tin mạng quá hạn'];
  for (const [i, q] of questions.entries()) {
    // the first question loads the reference data (once per change); each is asked again warm, as the next message would be
    for (const warm of [false, true]) {
      path = `question "${q}"${warm ? ' (warm)' : i === 0 ? ' (first after start: reference data loaded)' : ' (first ask: its "/ N" total counted)'}`;
      // as chat asks: the reference data used at once, checked by the answer's own statement
      await withReference(prisma, reference, async (data) =>
        answerQuestion((await readQuestion(q, data, TODAY, leader)).interp, { person: leader, today: TODAY, status: { dueSoonDays: 7 } }, data),
      );
    }
  }
  const out: string[] = [
    `# EXPLAIN (ANALYZE, BUFFERS) of the hot paths`,
    '',
    `Generated by \`npm run bench:explain -- ${kept?.hasData ? `--db ${name}` : `--tasks ${TASKS}`}\` on ${new Date().toISOString().slice(0, 10)}: ${TASKS.toLocaleString('en')} tasks and assignments, ${(TASKS * 10).toLocaleString('en')} progress updates, 1,000 units, 2,001 people (bench/generate.ts), PostgreSQL. Timings move with the machine's load; the plans are the point.`,
    '',
  ];
  const seq: string[] = [];
  const wholeCity: string[] = [];
  const reading: string[] = [];
  const cityCounts: string[] = [];
  const topics: string[] = [];
  for (const c of log) {
    const params = c.params.map((p) => (p instanceof Date ? p.toISOString() : p));
    // A statement that inserts Delivery rows is explained as a first run would do it (its rows removed first), then rolled back.
    const writes = /INSERT INTO "Delivery"/.test(c.sql);
    // As the app runs it: without JIT, and with a generic plan — the app's connections force one for every statement
    // with parameters, named or not (prisma/database.ts, GENERIC_PLAN). An EXPLAIN sent with parameters plans its
    // statement with their values whatever plan_cache_mode says (a custom plan: `"unitId" = 5`, not `= $1`), so the
    // statement is prepared (its parameters' types inferred, as the app's unnamed statements are) and EXECUTE is
    // explained with the values as literals.
    const prepared = params.length > 0;
    if (prepared) await admin.query(`PREPARE explained AS ${c.sql}`);
    if (writes) await admin.query(`BEGIN; DELETE FROM "Delivery" WHERE kind IN ('REMINDER', 'ESCALATION')`);
    const { rows } = await admin
      .query(prepared ? `EXPLAIN (ANALYZE, BUFFERS) EXECUTE explained(${params.map((p) => sqlLiteral(admin, p)).join(', ')})` : `EXPLAIN (ANALYZE, BUFFERS) ${c.sql}`)
      .finally(async () => {
        if (writes) await admin.query('ROLLBACK');
        if (prepared) await admin.query('DEALLOCATE explained');
      });
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    // A scan the executor never ran (a hashed subplan left unused) does not count.
    const bad = plan.split('\n').some((l) => /Seq Scan on "(Task|Assignment)"/.test(l) && !l.includes('never executed'));
    // The digests' per-unit counts cover every assignment by design: a scan of the table is their plan; reported apart.
    // So does the reminder run on the monthly request day: every assignment not updated this month is asked for its update.
    // The digests' first rows rank every unit's rows (and the city's) by a window function: whole-city as well.
    // The words of every task are read once per change of Task (the change check says when), not by an answer.
    // A question about the whole city's counts reads every assignment once, as its floor does.
    if (bad) {
      const question = c.path.startsWith('question');
      if (question && REFERENCE.test(c.sql)) reading.push(c.path);
      else if (question && CITY_COUNT.test(c.sql) && !/"unitId" = ANY|"taskId" = ANY/.test(c.sql)) cityCounts.push(c.path);
      else if (question && /"taskId" = ANY/.test(c.sql) && /về/.test(c.path)) topics.push(c.path);
      else ((WHOLE_CITY.test(c.path) && /GROUP BY|OVER \(/.test(c.sql)) || MONTHLY_REQUEST.test(c.path) ? wholeCity : seq).push(c.path);
    }
    const shown = plan.replace(/'\{[^']{300,}\}'/g, (m) => `${m.slice(0, 120)}…}'`);
    out.push(`## ${c.path}${bad ? ' — sequential scan of Task or Assignment' : ''}`, '', '```sql', c.sql.trim(), '```', '', `parameters: \`${JSON.stringify(params).slice(0, 300)}\``, '', '```', shown, '```', '');
  }
  out.splice(
    4,
    0,
    (seq.length ? `Sequential scans of Task or Assignment: ${seq.join('; ')}.\n` : 'No sequential scan of Task or Assignment on the hot paths: every statement below reads its rows by index, except the whole-city reads listed next.\n') +
      (wholeCity.length ? `\nBy design these read every assignment (one scan): the digests' per-unit counts and per-unit first rows (ranked by a window function for every unit a leader sees and for the whole city), and the monthly request day's reminders (every assignment not updated this month is asked for its update): ${wholeCity.join('; ')}.\n` : '') +
      (cityCounts.length ? `\nWhole-city counts read every assignment once, with no join to Task (the task's kind and rhythm are on the row): the city's status counts (their floors read every row too), and a list's "/ N" total on its first ask after the tasks or assignments change (remembered after: the warm asks read by index): ${cityCounts.join('; ')}.\n` : '') +
      (topics.length ? `\nA subject's tasks by id (the title index found them): a subject of the generated city names 4,000 tasks (4%), and the planner reads Assignment once rather than probe its index 4,000 times (a subject of a real appendix names a few tasks, read by index): ${topics.join('; ')}.\n` : '') +
      (reading.length ? `\nReference data, read once per change of the tasks (the change check says when), not by each answer: the words questions are parsed against, and the titles a topic is looked up in — ${reading.join('; ')}.\n` : ''),
  );
  writeFileSync(OUT, out.join('\n'));
  process.stdout.write(`${log.length} statements explained into ${OUT}; sequential scans of Task/Assignment: ${seq.length ? seq.join('; ') : 'none'}\n`);
  await db.close();
} finally {
  await admin.end().catch(() => undefined);
  if (!kept?.hasData) await dbs.drop(name);
}
