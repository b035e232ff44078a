/**
 * npm run bench [-- options]
 *
 *   --only db|questions|planning|start|delivery|notice|pglite   one section (default: all but pglite, delivery and notice)
 *   --tasks N        tasks in the generated city (default 100000; iterate with 10000)
 *   --shape city     city-shaped data instead (bench/generate.ts): 110 units, 2,000 tasks mostly
 *                    shared by 30–50 units, 5,000 people on Telegram/Zalo, 100,000 subscribed
 *                    residents, updates over a year (--tasks is then ignored)
 *   --samples N      samples per measured path (default 500; p95 needs ≥ 500)
 *   --db NAME        use (or create) this database instead of a fresh one named after the run;
 *                    one holding data is refused unless --force (e.g. one kept with --keep)
 *   --keep           leave the generated database (its name is printed)
 *   --recipients N   delivery: the broadcast's size (default 2000)
 *   --residents N    notice: subscribed residents (default 100000)
 *   --planning reminders|digests   planning: only the reminder runs, or only the digest runs (default both)
 *
 * On PostgreSQL (DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/test,
 * used only as the admin connection): a database of its own, named after the
 * run and dropped at the end (bench/databases.ts). Each path the bot runs is
 * timed beside its floor — a hand-written indexed query giving the same
 * information — with the ratio (bench/measure.ts). `--only pglite` runs the
 * questions and the planning on an embedded PGlite at a smaller size.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { runMonthlyDigest, runReminders, runWeeklyDigest, type JobDeps } from '../bot/delivery/jobs.ts';
import { WorkingCalendar } from '../domain/calendar/working-days.ts';
import { DEFAULT_HOLIDAYS, DEFAULT_MAKEUP_DAYS } from '../domain/calendar/holidays.ts';
import { reminderSettings } from '../domain/reminders/settings.ts';
import { addDays, formatDay, instantOf, type Day } from '../domain/shared/day.ts';
import { deadlineReason, escalationDay, isOverdueReminderDay, monthlyRequestDay } from '../domain/reminders/planner.ts';
import { openDatabase, type Database } from '../prisma/database.ts';
import { PrismaDeliveryStore, PrismaPlanningReads } from '../prisma/stores/delivery-store.ts';
import { PrismaQuestionData } from '../prisma/stores/question-data.ts';
import { ROW_COLUMNS, ROW_JOINS } from '../prisma/stores/task-queries.ts';
import { BenchDatabases } from './databases.ts';
import { generate, type Exec } from './generate.ts';
import { measure, measurePair, printTable, stallMeter, type Row } from './measure.ts';
import { runQuestionBench } from './questions.ts';
import { runDeliveryBench } from './delivery.ts';
import { runNoticeBench } from './notice.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    db: { type: 'string' },
    tasks: { type: 'string' },
    shape: { type: 'string' },
    samples: { type: 'string' },
    recipients: { type: 'string' },
    residents: { type: 'string' },
    planning: { type: 'string' },
  },
});
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const TASKS = Number(values.tasks ?? 100_000);
const SAMPLES = Number(values.samples ?? 500);
if (values.shape !== undefined && values.shape !== 'city' && values.shape !== 'scale') throw new Error(`--shape: "city" or "scale", not "${values.shape}"`);
const SHAPE = values.shape === 'city' ? 'city' : 'scale';
const SIZE_LABEL = SHAPE === 'city' ? 'city shape: 2,000 tasks × 30–50 units' : `${TASKS} tasks`;
const TODAY = '2026-11-26';
const say = (s: string) => process.stdout.write(`${s}\n`);

export const calendar = new WorkingCalendar({ holidays: DEFAULT_HOLIDAYS, makeupDays: DEFAULT_MAKEUP_DAYS });

/** Floor queries through a plain pg pool as large as the app's, so 20 concurrent askers are compared fairly. */
function pgExec(url: string): { exec: Exec; close: () => Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max: 24 });
  return { exec: async (sql, params) => (await pool.query(sql, params as unknown[])).rows, close: () => pool.end() };
}

async function dbBench(db: Database, floor: Exec): Promise<boolean> {
  const data = new PrismaQuestionData(db.prisma);
  const asOf = { today: TODAY, dueSoonDays: 7 };
  const unit = (i: number) => 1 + ((i * 37) % (SHAPE === 'city' ? 110 : 1000));
  const rows: Row[] = [
    {
      name: 'overdue open tasks of one unit (all rows)',
      // the same rows with the same columns (a row as answers show it: task, plan, unit, latest state), by due day, plan and number
      ...(await measurePair(
        SAMPLES,
        (i) => data.page({ unitIds: [unit(i)], statuses: ['OVERDUE'] }, asOf, { offset: 0, size: 1000 }),
        (i) =>
          floor(`SELECT ${ROW_COLUMNS} FROM "Assignment" a ${ROW_JOINS}
               WHERE a."unitId" = $1 AND a.state <> 'DONE' AND a."deadlineDate" < $2::date ORDER BY a."deadlineDate", p.code, t."numberKey", a.id`, [unit(i), TODAY]),
      )),
      goal: 2,
    },
    {
      name: 'task counts by status for every unit',
      ...(await measurePair(
        Math.min(SAMPLES, 100),
        () => data.statusCounts({ unitIds: null }, asOf),
        () =>
          floor(`SELECT "unitId", count(*) FILTER (WHERE state = 'DONE'), count(*) FILTER (WHERE state <> 'DONE' AND "deadlineDate" < $1::date), count(*)
               FROM "Assignment" GROUP BY 1`, [TODAY]),
      )),
      goal: 2,
    },
  ];
  return printTable(`Database queries (${db.kind}, through Prisma), ${TODAY}`, rows);
}

/**
 * The daily reminder run (planning and inserting Delivery rows) for one day
 * and for the monthly request day, the weekly digest and the monthly warning
 * list, with the event loop's longest stall and
 * the heap growth; the reminders' floor selects the day's (assignment,
 * focal officer) pairs in one hand-written indexed query and inserts one
 * Delivery row per person listing them, with the account it goes to.
 */
async function planningBench(db: Database, floor: Exec, label: string): Promise<boolean> {
  const store = new PrismaDeliveryStore(db.prisma);
  const reads = new PrismaPlanningReads(db.prisma);
  const settings = reminderSettings({ window: 'always' });
  const deps: JobDeps = { store, reads, calendar, window: { calendar, hours: settings.workingHours, mode: 'always' }, settings, status: { dueSoonDays: 7 } };
  const rows: Row[] = [];
  const stalls: string[] = [];
  const monthlyDay = monthlyRequestDay('2026-11-26', settings.monthlyRequestDay, calendar);
  /**
   * One path: its rows removed and "Delivery" vacuumed first, outside the timing (each sample deletes and
   * rewrites the run's rows: without autovacuum, which a test server may run without, the dead rows of earlier
   * samples and runs would slow the app's and the floor's deletes alike); one run, so that the stall measured
   * is the run's, not the first load of its modules; then `runs` runs alternated with the floor's, with the
   * longest event-loop stall of the app's runs (stallMeter: on PGlite the floor's statement holds this thread too,
   * and is not counted) and the heap growth.
   */
  const timePath = async (name: string, day: Day, prefix: string, run: typeof runReminders, runs: number, floorPrefix: string, floorRun: () => Promise<unknown>) => {
    const tick = instantOf(day, 8);
    const context = { tick, now: tick, nextTick: null };
    await db.prisma.delivery.deleteMany({ where: { dedupeKey: { startsWith: prefix } } });
    await floor(`VACUUM "Delivery"`);
    await run(deps, context);
    const stall = stallMeter();
    const heap0 = process.memoryUsage().heapUsed;
    let heapMax = heap0;
    let planned = 0;
    // How much of each sample is its set-up (removing the previous sample's rows), reported beside the figures.
    const setUp = { app: [] as number[], floor: [] as number[] };
    const { app, floor: floorM } = await measurePair(
      runs,
      async (_i, start) => {
        await stall.on();
        start();
        const t0 = performance.now();
        await db.prisma.delivery.deleteMany({ where: { dedupeKey: { startsWith: prefix } } });
        setUp.app.push(performance.now() - t0);
        planned = (await run(deps, context)).planned;
        heapMax = Math.max(heapMax, process.memoryUsage().heapUsed);
      },
      async (_i, start) => {
        await stall.off();
        start();
        const t0 = performance.now();
        await floor(`DELETE FROM "Delivery" WHERE "dedupeKey" LIKE $1`, [`${floorPrefix}%`]);
        setUp.floor.push(performance.now() - t0);
        await floorRun();
      },
    );
    await stall.off();
    stall.stop();
    await floor(`DELETE FROM "Delivery" WHERE "dedupeKey" LIKE $1`, [`${floorPrefix}%`]);
    rows.push({ name, app, floor: floorM, goal: 3 });
    // The timed samples' median (the warm-up samples come first).
    const p50 = (t: number[]) => t.slice(-runs).sort((a, b) => a - b)[Math.floor(Math.min(t.length, runs) / 2)]!;
    stalls.push(
      `    ${name}: ${planned} messages; longest event-loop stall ${stall.max.toFixed(0)} ms; heap growth ${((heapMax - heap0) / 2 ** 20).toFixed(0)} MiB; ` +
        `each sample's set-up (the previous sample's rows deleted) p50 app ${p50(setUp.app).toFixed(1)} ms, floor ${p50(setUp.floor).toFixed(1)} ms`,
    );
  };
  const reminderDays = values.planning === 'digests' ? [] : ([
    ['reminder run for one day (26/11/2026)', '2026-11-26'],
    [`reminder run on the monthly request day (${formatDay(monthlyDay)})`, monthlyDay],
  ] as const);
  for (const [name, day] of reminderDays) {
    // The floor: the (assignment, focal officer) pairs of the day — deadlines that come up (the days worked out
    // beforehand from the calendar) and, on the monthly request day, everything not updated this month that owes
    // the update: open, or continuous even when done (the app asks those too; the floor used to leave them out).
    const dueDays: string[] = [];
    for (let d = addDays(day, -800); d <= addDays(day, 60); d = addDays(d, 1)) {
      if (deadlineReason(d, day, calendar, settings.offsets) || isOverdueReminderDay(d, day, calendar, settings.overdueEveryDays) || escalationDay(d, settings.escalateAfterDays, calendar) === day) dueDays.push(d);
    }
    // Like the app, it writes one Delivery row per person (here the list of task ids) with the account it goes to
    // (the app's rows carry it: identity, channel and chat), and removes the previous run's first.
    await timePath(name, day, `reminder:${day}:`, runReminders, 10, `floor:${day}:`, () =>
      floor(
        `INSERT INTO "Delivery"(kind, "dedupeKey", "personId", "identityId", "unitId", payload, "notBefore", channel, "chatId")
         SELECT 'REMINDER', 'floor:' || $4::text || ':' || x.id, x.id, i.id, x."unitId", x.payload, now(), i.channel, i."chatId"
         FROM (SELECT p.id, p."unitId", jsonb_build_object('tasks', jsonb_agg(a."taskId" ORDER BY a."deadlineDate", a.id)) AS payload
               FROM "Assignment" a JOIN "Person" p ON p."unitId" = a."unitId" AND p."isFocal" AND p.active
               WHERE (a.state <> 'DONE' OR ($2 AND a."taskId" IN (SELECT t.id FROM "Task" t WHERE t.rhythm = 'CONTINUOUS')))
                 AND (a."deadlineDate" = ANY($1::date[]) OR ($2 AND (a."lastReportedAt" IS NULL OR a."lastReportedAt" < $3::timestamp)))
               GROUP BY p.id) x
         LEFT JOIN LATERAL (SELECT c.id, c.channel, c."chatId" FROM "ChatIdentity" c WHERE c."personId" = x.id AND c."unreachableAt" IS NULL ORDER BY c."linkedAt" DESC LIMIT 1) i ON true
         ON CONFLICT ("dedupeKey") DO NOTHING`,
        [dueDays, day === monthlyDay, `${day.slice(0, 7)}-01`, day],
      ),
    );
  }
  // The weekly digest and the monthly warning list for every leader (and admin). Like the app, each floor writes
  // one Delivery row per recipient (unit leaders: their unit; city leaders: the whole city) with the account it
  // goes to, holding the counts and the ids of the rows each list shows, and removes the previous run's first.
  const identity = `LEFT JOIN LATERAL (SELECT c.id, c.channel, c."chatId" FROM "ChatIdentity" c WHERE c."personId" = p.id AND c."unreachableAt" IS NULL ORDER BY c."linkedAt" DESC LIMIT 1) i ON true`;
  const insert = (kind: string, lists: string, cityLists: string) => `
       INSERT INTO "Delivery"(kind, "dedupeKey", "personId", "identityId", "unitId", payload, "notBefore", channel, "chatId")
       SELECT 'DIGEST', 'floor:${kind}:' || $1::text || ':' || p.id, p.id, i.id, p."unitId",
              CASE WHEN p."unitId" IS NULL THEN jsonb_build_object('counts', (SELECT to_jsonb(city) FROM city), ${cityLists})
                   ELSE jsonb_build_object('counts', to_jsonb(u), ${lists}) END, now(), i.channel, i."chatId"
       FROM "Person" p LEFT JOIN u ON u."unitId" = p."unitId" LEFT JOIN top ON top."unitId" = p."unitId" ${identity}
       WHERE p.active AND p.roles && $2::"Role"[] AND (p."unitId" IS NULL OR u."unitId" IS NOT NULL)
       ON CONFLICT ("dedupeKey") DO NOTHING`;
  /** A unit's (or, with unit null, the city's) first rows of a list, from the (unitId, state, deadlineDate) or (state, deadlineDate) index. */
  const first = (unit: string | null, cond: string, n: number) =>
    `(SELECT array_agg(x.id) FROM (SELECT a.id FROM "Assignment" a WHERE ${unit ? `a."unitId" = ${unit} AND ` : ''}a.state IN ('NOT_STARTED', 'IN_PROGRESS') AND ${cond}
       ORDER BY a."deadlineDate", a.id LIMIT ${n}) x)`;
  for (const [name, day, prefix, run, floorKind, roles, floorSql] of values.planning === 'reminders' ? [] : ([
    [
      'weekly digest run (Monday 23/11/2026)',
      '2026-11-23',
      'digest-weekly:2026-11-23:',
      runWeeklyDigest,
      'weekly',
      ['UNIT_LEADER', 'CITY_LEADER'],
      // Per-unit counts in one pass; each unit's (and the city's) five first rows of the deadline lists (newly
      // overdue, upcoming, longest overdue) from the indexes.
      `WITH u AS (
         SELECT "unitId", count(*) FILTER (WHERE state <> 'DONE') AS open, count(*) FILTER (WHERE state = 'DONE') AS done,
                count(*) FILTER (WHERE state <> 'DONE' AND "deadlineDate" < $1::date) AS overdue,
                count(*) FILTER (WHERE state <> 'DONE' AND "deadlineDate" >= $1::date - 7 AND "deadlineDate" < $1::date) AS "newOverdue",
                count(*) FILTER (WHERE state <> 'DONE' AND "deadlineDate" BETWEEN $1::date AND $1::date + 14) AS upcoming,
                count(*) FILTER (WHERE "lastReportedAt" >= $1::date - 7 AND (difficulties IS NOT NULL OR proposals IS NOT NULL)) AS issues
         FROM "Assignment" GROUP BY 1),
       city AS (SELECT sum(open) AS open, sum(done) AS done, sum(overdue) AS overdue, sum("newOverdue") AS "newOverdue", sum(upcoming) AS upcoming, sum(issues) AS issues FROM u),
       top AS (SELECT un.id AS "unitId",
                 ${first('un.id', `a."deadlineDate" >= $1::date - 7 AND a."deadlineDate" < $1::date`, 5)} AS "newOverdue",
                 ${first('un.id', `a."deadlineDate" BETWEEN $1::date AND $1::date + 14`, 5)} AS upcoming,
                 ${first('un.id', `a."deadlineDate" < $1::date`, 5)} AS overdue
               FROM "Unit" un)
       ${insert('weekly', `'newOverdue', top."newOverdue", 'upcoming', top.upcoming, 'overdue', top.overdue`,
         `'newOverdue', ${first(null, `a."deadlineDate" >= $1::date - 7 AND a."deadlineDate" < $1::date`, 5)}, 'upcoming', ${first(null, `a."deadlineDate" BETWEEN $1::date AND $1::date + 14`, 5)}`)}`,
    ],
    [
      'monthly warning list run (25/11/2026)',
      '2026-11-25',
      'digest-monthly:2026-11:',
      runMonthlyDigest,
      'monthly',
      ['UNIT_LEADER', 'CITY_LEADER', 'ADMIN'],
      // The rows owing this month's update; per-unit counts; each unit's ten first not updated; the city's counts
      // and its fifteen worst units with their first rows.
      `WITH s AS (
         SELECT a.id, a."unitId", a."deadlineDate", (a."lastReportedAt" >= date_trunc('month', $1::date)) AS updated
         FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId" WHERE a.state <> 'DONE' OR t.rhythm = 'CONTINUOUS'),
       u AS (SELECT "unitId", count(*) AS open, count(*) FILTER (WHERE updated) AS updated FROM s GROUP BY 1),
       city AS (SELECT sum(open) AS open, sum(updated) AS updated FROM u),
       top AS (SELECT "unitId", array_agg(id ORDER BY r) AS items FROM (
                 SELECT s.id, s."unitId", row_number() OVER (PARTITION BY s."unitId" ORDER BY s."deadlineDate", s.id) AS r FROM s WHERE NOT updated) x
               WHERE r <= 10 GROUP BY 1)
       ${insert('monthly', `'items', top.items`,
         `'units', (SELECT jsonb_agg(jsonb_build_object('unitId', w."unitId", 'open', w.open, 'updated', w.updated, 'items', w.items)) FROM (
             SELECT u.*, top.items FROM u LEFT JOIN top ON top."unitId" = u."unitId" ORDER BY u.updated::float / u.open, u.open DESC LIMIT 15) w)`)}`,
    ],
  ] as const)) {
    await timePath(name, day, prefix, run, 5, `floor:${floorKind}:${day}:`, () => floor(floorSql, [day, roles]));
  }
  const ok = printTable(`Planning (${label})`, rows);
  for (const s of stalls) say(s);
  return ok;
}

/**
 * Wall time from spawning `cmd` to the first output that contains `marker` (the console's banner: its first prompt);
 * then its input is closed and its exit awaited, not timed.
 */
function untilOutput(cmd: string, args: string[], env: NodeJS.ProcessEnv, marker: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let at: number | null = null;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (at === null && out.includes(marker)) {
        at = performance.now() - t0;
        child.stdin.end();
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (at !== null && code === 0 ? resolve(at) : reject(new Error(`${cmd} ${args.join(' ')}: exit ${code}, no "${marker}": ${err || out}`))));
  });
}

/**
 * The compiled ask and `npm run ask` to their answer, and `npm start` to the console's first prompt (its banner),
 * against a floor script that imports pg, connects and runs select 1, alternated.
 */
async function startBench(url: string, samples: number): Promise<boolean> {
  const { build } = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' }).status === 0 ? { build: true } : { build: false };
  if (!build) {
    say('start: the build failed, skipped');
    return false;
  }
  const floorScript = `import pg from 'pg'; const c = new pg.Client({ connectionString: process.env.DATABASE_URL }); await c.connect(); await c.query('select 1'); await c.end();`;
  const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' };
  const question = ['--as', 'Lãnh đạo thành phố', '--today', TODAY, 'nhiệm vụ quá hạn ở Đơn vị 38'];
  const commands = {
    built: [process.execPath, 'dist/bot/cli/ask.js', ...question],
    npm: ['npm', 'run', '--silent', 'ask', '--', ...question],
    floor: [process.execPath, '--input-type=module', '-e', floorScript],
  };
  // Alternated, one run of each in turn: all three meet the same machine.
  const times: Record<keyof typeof commands | 'start', number[]> = { built: [], npm: [], floor: [], start: [] };
  for (let i = 0; i < samples; i++) {
    for (const [name, [cmd, ...args]] of Object.entries(commands) as [keyof typeof commands, string[]][]) {
      const t0 = performance.now();
      const r = spawnSync(cmd!, args, { env, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
      times[name].push(performance.now() - t0);
    }
    // the banner's first words, as the console prints them to piped input
    times.start.push(await untilOutput('npm', ['start', '--silent'], env, 'Trò chuyện với nq57-bot'));
  }
  const of = (t: number[]) => {
    t.sort((a, b) => a - b);
    return { name: '', runs: t.length, concurrency: 1, p50: t[Math.floor(t.length / 2)]!, p95: t[Math.min(t.length - 1, Math.floor(t.length * 0.95))]!, max: t.at(-1)! };
  };
  const floor = of(times.floor);
  const rows: Row[] = [
    { name: 'node dist/bot/cli/ask.js to the answer, PostgreSQL with data', app: of(times.built), floor, goal: 5 },
    { name: 'npm run ask (npm, the build check, then the same)', app: of(times.npm), floor, goal: 5 },
    { name: "npm start to the console's first prompt, PostgreSQL with data", app: of(times.start), floor, goal: 5 },
  ];
  return printTable('Start-up (separate processes, wall time)', rows);
}

async function pgliteBench(): Promise<boolean> {
  const tasks = Math.min(TASKS, 20_000);
  say(`\nPGlite (embedded, in memory): ${tasks} tasks`);
  const db = await openDatabase({});
  const raw = db.prisma;
  // The PGlite adapter sends a JavaScript array as "a,b": the floors' arrays go as array literals.
  const literal = (v: unknown) => (Array.isArray(v) ? `{${v.map((x) => JSON.stringify(String(x))).join(',')}}` : v);
  const exec: Exec = async (sql, params) => (await raw.$queryRawUnsafe(sql, ...((params ?? []) as unknown[]).map(literal))) as unknown[];
  try {
    await generate(exec, { tasks, quiet: false });
    let ok = await dbBench(db, exec);
    ok = (await runQuestionBench(db, { samples: Math.min(SAMPLES, 500), concurrency: [1], floor: exec, label: `PGlite, ${tasks} tasks` })) && ok;
    ok = (await planningBench(db, exec, `PGlite, ${tasks} tasks`)) && ok;
    return ok;
  } finally {
    await db.close();
  }
}

say(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}, node ${process.version}`);
say(`Sizes: ${SIZE_LABEL}, ${SAMPLES} samples per path (run with --tasks/--shape/--samples to change)`);
const dbs = new BenchDatabases(ADMIN_URL);
let ok = true;
const only = values.only;
try {
  if (only === 'pglite') ok = await pgliteBench();
  else if (only === 'notice')
    ok = await runNoticeBench({ dbs, residents: values.residents ? Number(values.residents) : undefined, target: values.db ? await dbs.use(values.db, values.force) : undefined, keep: values.keep });
  else if (only !== 'delivery') {
    const target = values.db ? await dbs.use(values.db, values.force) : { ...(await dbs.create('city')), hasData: false };
    say(`Database: ${target.name}${values.keep ? ' (kept)' : ''}`);
    const floor = pgExec(target.url);
    const db = await openDatabase({ databaseUrl: target.url, poolSize: 24 });
    try {
      const count = Number(((await floor.exec(`SELECT count(*) AS n FROM "Task"`)) as { n: string }[])[0]!.n);
      if (!target.hasData || count === 0) await generate(floor.exec, { tasks: TASKS, shape: SHAPE });
      else say(`Using the data already there (${count} tasks)`);
      if (!only || only === 'db') ok = (await dbBench(db, floor.exec)) && ok;
      if (!only || only === 'questions')
        ok = (await runQuestionBench(db, { samples: SAMPLES, concurrency: [1, 20], floor: floor.exec, label: `PostgreSQL, ${SIZE_LABEL}`, url: target.url })) && ok;
      if (!only || only === 'planning') ok = (await planningBench(db, floor.exec, `PostgreSQL, ${TASKS} tasks`)) && ok;
      if (!only || only === 'start') ok = (await startBench(target.url, Math.min(SAMPLES, 20))) && ok;
    } finally {
      await db.close();
      await floor.close();
      if (values.keep) say(`Kept database ${target.name}: reuse it with --db ${target.name} --force`);
      else await dbs.drop(target.name);
    }
  }
  if (only === 'delivery') ok = (await runDeliveryBench({ dbs, recipients: values.recipients ? Number(values.recipients) : undefined })) && ok;
} finally {
  if (!values.keep) await dbs.dropAll();
}
say(ok ? '\nAll goals met.' : '\nSome goals were missed.');
process.exitCode = ok ? 0 : 1;
