/**
 * npm run bench -- --only notice [--residents 100000]
 *
 * A notice to every resident subscribed to the city's communes and wards
 * (100,000 by default: accounts not in the registry, on Telegram and Zalo,
 * 48 communes): the preview's count and the confirmation that writes one
 * Delivery row per recipient, beside a floor — one hand-written INSERT …
 * SELECT of the same rows (same payload), and a count of them. Target (issue 12, goal 1): the rows in one
 * statement, under 5 s. Also the event loop's longest stall and the heap
 * growth while confirming (the process serves chats meanwhile).
 *
 * Then a worker's claim with the whole notice queued (issue 12, goal 4): the
 * store's claim of 30 Telegram rows (a second at the free rate) and of 300
 * (a paid notice's batch), with 2,000 reminders planned for later in the day,
 * beside a floor — the same claim taking due rows in the primary key's
 * order (the table holds only the notice and the reminders), without the
 * personal-rows-first rule: what a claim of that many rows costs at least.
 *
 * Then the notice while it is being sent (issue 12, the paths left alone): the
 * broadcast monitor's pass (every ~3 s in every worker), the paid check of the
 * sender's progress messages, and a resident's typed "đã nhận", each beside a
 * floor (see sendingRows).
 *
 * --db NAME: into that database instead of one named after the run; with
 * --force a database this bench filled before is reused (its notices and
 * delivery rows emptied first), and --keep leaves it for the next run.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import pg from 'pg';
import { createDelivery } from '../bot/delivery/index.ts';
import { DEFAULT_WORKER_SETTINGS } from '../bot/delivery/worker.ts';
import { createLogger } from '../bot/logger.ts';
import { WorkingCalendar } from '../domain/calendar/working-days.ts';
import { reminderSettings } from '../domain/reminders/settings.ts';
import { systemClock } from '../domain/shared/clock.ts';
import { openDatabase } from '../prisma/database.ts';
import type { PrismaDeliveryStore } from '../prisma/stores/delivery-store.ts';
import type { BenchDatabases } from './databases.ts';
import { measurePair, printTable, type Measure, type Row } from './measure.ts';

const say = (s: string) => process.stdout.write(`${s}\n`);

function stats(name: string, times: number[]): Measure {
  const t = [...times].sort((a, b) => a - b);
  return { name, runs: t.length, concurrency: 1, p50: t[Math.floor(t.length / 2)]!, p95: t[t.length - 1]!, max: t[t.length - 1]! };
}

/**
 * The claim of 30 and of 300 Telegram rows, app (the store's) against floor, with the notice's rows pending.
 * Each sample first puts the rows the previous one claimed back (not timed), so every claim meets the same queue.
 */
async function claimRows(pool: pg.Pool, store: PrismaDeliveryStore, runs = 60): Promise<Row[]> {
  await pool.query(
    `INSERT INTO "Delivery"(kind, "dedupeKey", "identityId", channel, "chatId", payload, "notBefore")
     SELECT 'REMINDER', 'bench-later:' || i.id, i.id, i.channel, i."chatId", '{"v":1,"reply":{"lines":[{"raw":"Nhắc việc"}]}}'::jsonb,
            (now() AT TIME ZONE 'UTC') + interval '1 minute' + (i.id % 480) * interval '1 minute'
     FROM "ChatIdentity" i ORDER BY i.id LIMIT 2000`,
  );
  await pool.query('VACUUM ANALYZE "Delivery"');
  const floorSql = `WITH claimed AS (
       UPDATE "Delivery" d SET state = 'SENDING', "lockedBy" = $1, "lockedUntil" = $2::timestamp, attempts = d.attempts + 1, "callStartedAt" = NULL
       WHERE d.id IN (SELECT id FROM "Delivery" WHERE state = 'PENDING' AND "notBefore" <= $3::timestamp AND channel = 'TELEGRAM' ORDER BY id FOR UPDATE SKIP LOCKED LIMIT $4)
       RETURNING d.*)
     SELECT c.id, c.kind, c."dedupeKey", c."personId", c."identityId", c."unitId", c."broadcastId", c.payload, c.attempts, c.channel, c."chatId", i.locale, (i."unreachableAt" IS NOT NULL) AS unreachable
     FROM claimed c LEFT JOIN "ChatIdentity" i ON i.id = c."identityId"`;
  let taken: number[] = [];
  const putBack = async () => {
    if (taken.length) await pool.query(`UPDATE "Delivery" SET state = 'PENDING', "lockedBy" = NULL, "lockedUntil" = NULL, attempts = 0 WHERE id = ANY($1::int[])`, [taken]);
    taken = [];
  };
  const rows: Row[] = [];
  for (const limit of [30, 300]) {
    const check = (got: number) => {
      if (got !== limit) throw new Error(`claim: ${got} rows, expected ${limit}`);
    };
    const { app, floor } = await measurePair(
      runs,
      async (_i, start) => {
        await putBack();
        start();
        const now = new Date();
        const got = await store.claim({ channel: 'TELEGRAM', limit, now, lockedBy: 'bench', leaseMs: 60_000 });
        taken = got.map((r) => r.id);
        check(got.length);
      },
      async (_i, start) => {
        await putBack();
        start();
        const now = new Date();
        const got = await pool.query<{ id: number }>(floorSql, ['bench', new Date(now.getTime() + 60_000).toISOString(), now.toISOString(), limit]);
        taken = got.rows.map((r) => r.id);
        check(got.rows.length);
      },
    );
    await putBack();
    await pool.query('VACUUM "Delivery"');
    rows.push({ name: `claim ${limit} of the queue (${limit === 30 ? 'a second at the free rate' : 'a paid batch'})`, app, floor });
  }
  return rows;
}

export async function runNoticeBench(options: {
  dbs: BenchDatabases;
  residents?: number;
  runs?: number;
  /** --db: this database instead of a new one; reused when it holds this bench's data (--force). */
  target?: { name: string; url: string; hasData: boolean };
  /** --keep: leave the database for the next run. */
  keep?: boolean;
}): Promise<boolean> {
  const n = options.residents ?? 100_000;
  const runs = options.runs ?? 3;
  say(`\nNotice to ${n.toLocaleString('en')} subscribed residents (PostgreSQL, ${runs} runs; load ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
  const { name, url } = options.target ?? (await options.dbs.create('notice'));
  say(`Database: ${name}`);
  const db = await openDatabase({ databaseUrl: url, poolSize: 4 });
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    let admin: { id: number };
    if (options.target?.hasData) {
      // This bench's data from an earlier run: the same residents, and no notice left (each run starts from the same table).
      const [have] = (await pool.query<{ units: number; residents: number }>(`SELECT (SELECT count(*) FROM "Unit")::int AS units, (SELECT count(*) FROM "ChatIdentity" WHERE "externalId" LIKE 'r%')::int AS residents`)).rows;
      if (have?.units !== 48 || have.residents !== n) throw new Error(`database ${name} does not hold this bench's data for ${n} residents: ${JSON.stringify(have)}`);
      admin = await db.prisma.person.findUniqueOrThrow({ where: { code: 'bench-admin' }, select: { id: true } });
      await pool.query(`DELETE FROM "ChatIdentity" WHERE "personId" = $1`, [admin.id]);
      await pool.query('TRUNCATE "Delivery", "Broadcast"');
      say(`Using the residents already there; notices and deliveries emptied`);
    } else {
      await pool.query(`INSERT INTO "Unit"(code, name, kind) SELECT 'c' || i, 'Xã ' || i, 'COMMUNE' FROM generate_series(1, 48) i`);
      admin = await db.prisma.person.create({ data: { code: 'bench-admin', fullName: 'Quản trị (bench)', roles: ['ADMIN'] } });
      await pool.query(`INSERT INTO "ChatIdentity"(channel, "externalId", "chatId") SELECT CASE WHEN i % 3 = 0 THEN 'ZALO' ELSE 'TELEGRAM' END::"Channel", 'r' || i, (2000000 + i)::text FROM generate_series(1, $1::int) i`, [n]);
      await pool.query(`INSERT INTO "Subscription"("identityId", "unitId") SELECT i.id, u.id FROM "ChatIdentity" i JOIN "Unit" u ON u.code = 'c' || (1 + i.id % 48) WHERE i."externalId" LIKE 'r%'`);
    }
    await pool.query('ANALYZE');
    const units = (await db.prisma.unit.findMany({ select: { id: true } })).map((u) => u.id);
    const d = createDelivery({
      prisma: db.prisma,
      clock: systemClock,
      calendar: new WorkingCalendar({ holidays: [], workDays: [1, 2, 3, 4, 5, 6, 7] }),
      settings: { reminders: reminderSettings({ window: 'always' }), worker: DEFAULT_WORKER_SETTINGS, rates: { TELEGRAM: 30, ZALO: 10, perChatIntervalMs: 1000, marginMs: 25 }, catchUpMs: 0, instanceId: 'bench' },
      status: { dueSoonDays: 7 },
      log: createLogger({ level: 'silent', format: 'json' }),
    });
    const audience = { residentsOf: units };
    const preview: number[] = [];
    const create: number[] = [];
    const floorT: number[] = [];
    const floorCount: number[] = [];
    let rows = 0;
    let stall = 0;
    let heap = 0;
    for (let r = 0; r < runs; r++) {
      let t0 = performance.now();
      const c = await d.broadcasts.count(admin.id, audience);
      preview.push(performance.now() - t0);
      t0 = performance.now();
      await pool.query(`SELECT count(DISTINCT i.id) FROM "Subscription" s JOIN "ChatIdentity" i ON i.id = s."identityId" WHERE s."unitId" = ANY($1::int[]) AND i."unreachableAt" IS NULL`, [units]);
      floorCount.push(performance.now() - t0);
      if (!c.ok || c.count.recipients !== n) throw new Error(`preview: ${JSON.stringify(c)}`);
      const h = monitorEventLoopDelay({ resolution: 5 });
      h.enable();
      const heap0 = process.memoryUsage().heapUsed;
      let heapMax = heap0;
      const probe = setInterval(() => (heapMax = Math.max(heapMax, process.memoryUsage().heapUsed)), 20);
      t0 = performance.now();
      const b = await d.broadcasts.create({ senderId: admin.id, text: 'Thông báo: lịch cắt điện ngày mai từ 7 giờ đến 11 giờ.', audience, now: new Date() });
      create.push(performance.now() - t0);
      clearInterval(probe);
      h.disable();
      stall = Math.max(stall, h.max / 1e6);
      heap = Math.max(heap, heapMax - heap0);
      if (!b.ok) throw new Error(`create: ${JSON.stringify(b)}`);
      rows = await db.prisma.delivery.count({ where: { broadcastId: b.broadcastId } });
      const payload = (await db.prisma.delivery.findFirstOrThrow({ where: { broadcastId: b.broadcastId } })).payload;
      // Cancelled and deleted, so every run writes into the same-sized table.
      await pool.query(`DELETE FROM "Delivery" WHERE "broadcastId" = $1`, [b.broadcastId]);
      t0 = performance.now();
      await pool.query(
        `INSERT INTO "Delivery"(kind, "dedupeKey", "identityId", channel, "chatId", "unitId", payload, "notBefore")
         SELECT 'BROADCAST', 'floor:' || $1::int || ':' || i.id, i.id, i.channel, i."chatId", s."unitId", $2::jsonb, now()
         FROM "Subscription" s JOIN "ChatIdentity" i ON i.id = s."identityId" WHERE s."unitId" = ANY($3::int[]) AND i."unreachableAt" IS NULL
         ON CONFLICT ("dedupeKey") DO NOTHING`,
        [r, JSON.stringify(payload), units],
      );
      floorT.push(performance.now() - t0);
      await pool.query(`DELETE FROM "Delivery" WHERE "dedupeKey" LIKE 'floor:%'`);
      await pool.query('VACUUM "Delivery"');
    }
    const ok = printTable(`Notice (PostgreSQL, ${n.toLocaleString('en')} subscribed residents; p95 column = slowest of ${runs})`, [
      { name: `preview count of ${n.toLocaleString('en')} recipients`, app: stats('app', preview), floor: stats('floor', floorCount) },
      { name: `confirm: Broadcast + ${rows.toLocaleString('en')} Delivery rows`, app: stats('app', create), floor: stats('floor', floorT) },
    ]);
    const under5 = Math.max(...create) < 5000;
    say(`    confirm: slowest ${(Math.max(...create) / 1000).toFixed(2)} s, target < 5 s ${under5 ? '✓' : '✗'}; longest event-loop stall ${stall.toFixed(0)} ms; heap growth ${(heap / 2 ** 20).toFixed(0)} MiB; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    const b = await d.broadcasts.create({ senderId: admin.id, text: 'Thông báo: lịch cắt điện ngày mai từ 7 giờ đến 11 giờ.', audience, now: new Date() });
    if (!b.ok) throw new Error(`create: ${JSON.stringify(b)}`);
    const claims = await claimRows(pool, d.store);
    printTable(`Claim with the notice queued (PostgreSQL, ${n.toLocaleString('en')} rows pending, 2,000 reminders due later; load ${loadavg().map((l) => l.toFixed(1)).join(' ')})`, claims);
    const sending = await sendingRows(pool, d, admin.id, b.broadcastId);
    printTable(`The notice while it is sent (PostgreSQL, ${rows.toLocaleString('en')} rows, half settled; load ${loadavg().map((l) => l.toFixed(1)).join(' ')})`, sending);
    return ok && under5;
  } finally {
    await pool.end();
    await db.close();
    if (!options.keep) await options.dbs.dropAll();
  }
}

/**
 * The notice half sent: 40% of its rows settled (sent, a tenth of those
 * acknowledged; failed, blocked, unknown) before a VACUUM, 10% more sent
 * after it (rows sent since autovacuum last came: pages an index-only scan
 * must still visit), the rest pending. The sender has a Telegram account, so
 * the 50% progress message is written once (in the warm-up) and later passes
 * find it sent, as a worker's monitor does for most of a notice's life.
 *
 *   monitor pass   the store's monitor with this notice SENDING, against the
 *                  count it needs: each sending notice's rows and pending rows
 *                  through the (broadcastId, state) index.
 *   paid check     whether the notice is paid (asked for each progress
 *                  message), against one of its rows' payload (every row of a
 *                  notice is written with the same payload).
 *   "đã nhận"      a resident acknowledging the latest notice to their chat,
 *                  against one UPDATE of that chat's latest open row; each
 *                  sample a different resident, app and floor never the same.
 */
async function sendingRows(pool: pg.Pool, d: ReturnType<typeof createDelivery>, adminId: number, broadcastId: number, runs = 100): Promise<Row[]> {
  await pool.query(`INSERT INTO "ChatIdentity"("personId", channel, "externalId", "chatId") VALUES ($1, 'TELEGRAM', 'bench-admin', '1999999')`, [adminId]);
  const settle = (from: number, to: number) =>
    pool.query(
      `UPDATE "Delivery" d SET state = CASE WHEN r.k < 370 OR r.k >= 400 THEN 'SENT' WHEN r.k < 380 THEN 'FAILED' WHEN r.k < 390 THEN 'BLOCKED' ELSE 'UNKNOWN' END::"DeliveryState",
         "sentAt" = CASE WHEN r.k < 370 OR r.k >= 400 THEN now() AT TIME ZONE 'UTC' END,
         "acknowledgedAt" = CASE WHEN r.k < 37 THEN now() AT TIME ZONE 'UTC' END
       FROM (SELECT id, (row_number() OVER (ORDER BY id) - 1) * 1000 / count(*) OVER () AS k FROM "Delivery" WHERE "broadcastId" = $1) r
       WHERE d.id = r.id AND r.k >= $2 AND r.k < $3`,
      [broadcastId, from, to],
    );
  await settle(0, 400);
  await pool.query('VACUUM ANALYZE "Delivery"');
  await settle(400, 500);
  const rows: Row[] = [];

  const floorMonitor = `SELECT b.id, count(*)::int AS total, count(*) FILTER (WHERE d.state IN ('PENDING', 'SENDING'))::int AS pending
    FROM "Broadcast" b JOIN "Delivery" d ON d."broadcastId" = b.id WHERE b.state = 'SENDING' GROUP BY b.id`;
  const passes: { progress: number; finished: number }[] = [];
  const monitor = await measurePair(
    runs,
    async () => passes.push(await d.broadcasts.monitor(new Date())),
    () => pool.query(floorMonitor),
  );
  const sentToSender = Number((await pool.query(`SELECT count(*) FROM "Delivery" WHERE "dedupeKey" = $1`, [`broadcast:${broadcastId}:progress:50`])).rows[0].count);
  const progress = passes.reduce((sum, p) => sum + p.progress, 0);
  if (sentToSender !== 1 || progress !== 1) throw new Error(`monitor: progress message written ${sentToSender} times, counted ${progress} times`);
  rows.push({ name: 'monitor pass (a sending notice, 50% progress sent)', ...monitor });

  const paid = await measurePair(
    runs,
    async () => {
      if (await d.broadcasts.paid(broadcastId)) throw new Error('paid: an ordinary notice');
    },
    () => pool.query(`SELECT payload->'paid' = 'true'::jsonb AS paid FROM "Delivery" WHERE "broadcastId" = $1 LIMIT 1`, [broadcastId]),
  );
  rows.push({ name: 'paid check of a progress message', ...paid });

  const chats = (
    await pool.query<{ channel: string; chatId: string }>(
      `SELECT channel, "chatId" FROM "Delivery" WHERE "broadcastId" = $1 AND state = 'SENT' AND "acknowledgedAt" IS NULL ORDER BY id LIMIT $2`,
      [broadcastId, 2 * (runs + 20)],
    )
  ).rows;
  const floorAck = `UPDATE "Delivery" SET "acknowledgedAt" = $3::timestamp WHERE id = (
      SELECT id FROM "Delivery" WHERE kind = 'BROADCAST' AND "chatId" = $1 AND channel = $2::"Channel" AND state IN ('SENT', 'UNKNOWN')
        AND ("sentAt" >= $4::timestamp OR "sentAt" IS NULL) AND "acknowledgedAt" IS NULL ORDER BY id DESC LIMIT 1) RETURNING id`;
  // measurePair numbers its warm-up samples from 0 as well: each side counts its own, so no chat is acknowledged twice.
  let appSample = 0;
  let floorSample = 0;
  const ack = await measurePair(
    runs,
    async () => {
      const c = chats[2 * appSample++]!;
      const r = await d.broadcasts.acknowledgeLatest({ channel: c.channel, chatId: c.chatId }, new Date());
      if (r !== 'ok') throw new Error(`đã nhận: ${r}`);
    },
    async () => {
      const c = chats[2 * floorSample++ + 1]!;
      const now = new Date();
      const r = await pool.query(floorAck, [c.chatId, c.channel, now.toISOString(), new Date(now.getTime() - 14 * 86_400_000).toISOString()]);
      if (r.rowCount !== 1) throw new Error('đã nhận (floor): no row');
    },
  );
  rows.push({ name: '"đã nhận" typed by a resident', ...ack });
  return rows;
}
