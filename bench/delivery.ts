/**
 * npm run bench -- --only delivery [--recipients 10000]
 *
 * A broadcast to 10,000 recipients through the worker CLI (a child process,
 * as in production) against the local fake Telegram Bot API enforcing
 * Telegram's flood control (30 messages/s overall, ~1/s per chat, 429 with
 * retry_after). On PostgreSQL (DATABASE_URL as the admin connection, default
 * postgresql://postgres@127.0.0.1:5432/test), in a database named after the
 * run, dropped at the end (only that one). It takes about 13 minutes (two runs at the real rate).
 *
 * 1. Throughput: the whole broadcast at the real 30/s; target: done within
 *    1.2 × 10,000/30 s, every retry_after honoured (violations = 0).
 * 2. Crashes: a second broadcast, the worker SIGKILLed at 25%, 50% and 75%
 *    and restarted each time; target: every recipient sent exactly once or
 *    recorded UNKNOWN, none missing, none duplicated.
 */
import { createDelivery } from '../bot/delivery/index.ts';
import { createLogger } from '../bot/logger.ts';
import { WorkingCalendar } from '../domain/calendar/working-days.ts';
import { reminderSettings } from '../domain/reminders/settings.ts';
import { systemClock } from '../domain/shared/clock.ts';
import { openDatabase, type Database } from '../prisma/database.ts';
import { DEFAULT_WORKER_SETTINGS } from '../bot/delivery/worker.ts';
import { checkOnce, spawnWorker, until, type WorkerChild } from '../test/channels/delivery-child.ts';
import { FakeTelegram } from '../test/fakes/telegram/server.ts';
import type { BenchDatabases } from './databases.ts';

const TOKEN = '123456789:fake-telegram-token-for-the-bench';
const RATE = 30;
const SENDER_CHAT = 1;
const FIRST_CHAT = 1_000_000;

const say = (s: string) => process.stdout.write(`${s}\n`);

async function freshDatabase(dbs: BenchDatabases): Promise<{ db: Database; url: string }> {
  const { url } = await dbs.create('delivery');
  return { db: await openDatabase({ databaseUrl: url, poolSize: 4 }), url };
}

async function registry(db: Database, n: number): Promise<{ senderId: number }> {
  const unit = await db.prisma.unit.create({ data: { code: 'bench-ward', name: 'Phường Bench', kind: 'WARD' } });
  const sender = await db.prisma.person.create({ data: { code: 'bench-team', fullName: 'Tổ công nghệ số (bench)', unitId: unit.id, roles: ['COMMUNITY_TEAM'] } });
  await db.prisma.chatIdentity.create({ data: { personId: sender.id, channel: 'TELEGRAM', externalId: String(SENDER_CHAT), chatId: String(SENDER_CHAT) } });
  for (let i = 0; i < n; i += 1000) {
    const codes = Array.from({ length: Math.min(1000, n - i) }, (_, k) => `b${i + k}`);
    await db.prisma.person.createMany({ data: codes.map((code, k) => ({ code, fullName: `Người nhận ${i + k}`, unitId: unit.id, roles: ['OFFICER' as const] })) });
    const people = await db.prisma.person.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
    await db.prisma.chatIdentity.createMany({ data: people.map((p) => ({ personId: p.id, channel: 'TELEGRAM' as const, externalId: String(FIRST_CHAT + Number(p.code.slice(1))), chatId: String(FIRST_CHAT + Number(p.code.slice(1))) })) });
  }
  return { senderId: sender.id };
}

async function fakeTelegram(n: number): Promise<FakeTelegram> {
  const tg = await FakeTelegram.start({ token: TOKEN, enforceLimits: true, globalRatePerSecond: RATE });
  tg.addUser({ id: SENDER_CHAT, first_name: 'Tổ CNS' });
  for (let i = 0; i < n; i++) tg.addUser({ id: FIRST_CHAT + i, first_name: `U${i}` });
  return tg;
}

async function broadcast(db: Database, senderId: number): Promise<number> {
  const d = createDelivery({
    prisma: db.prisma,
    clock: systemClock,
    calendar: new WorkingCalendar({ holidays: [], workDays: [1, 2, 3, 4, 5, 6, 7] }),
    settings: {
      reminders: reminderSettings({ window: 'always' }),
      worker: DEFAULT_WORKER_SETTINGS,
      rates: { TELEGRAM: RATE, ZALO: 10, perChatIntervalMs: 1000, marginMs: 25 },
      catchUpMs: 0,
      instanceId: 'bench',
    },
    status: { dueSoonDays: 7 },
    log: createLogger({ level: 'silent', format: 'json' }),
  });
  const r = await d.broadcasts.create({ senderId, text: 'Cảnh báo: lừa đảo giả danh cơ quan nhà nước qua điện thoại. Không cung cấp mã OTP cho bất kỳ ai.', audience: { roles: ['OFFICER'] }, senderChannel: 'TELEGRAM', senderChatId: String(SENDER_CHAT), now: new Date() });
  if (!r.ok) throw new Error(`broadcast refused: ${JSON.stringify(r)}`);
  return r.broadcastId;
}

function workerEnv(url: string, tg: FakeTelegram, instance: string): Record<string, string> {
  return {
    DATABASE_URL: url,
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: tg.apiRoot,
    TELEGRAM_RATE_PER_SECOND: String(RATE),
    DELIVERY_WINDOW: 'always',
    DELIVERY_LEASE_SECONDS: '10',
    INSTANCE_ID: instance,
  };
}

const recipientsSent = (tg: FakeTelegram) => tg.allSent().filter((m) => m.chat_id !== SENDER_CHAT);

async function drained(db: Database, broadcastId: number): Promise<boolean> {
  return (await db.prisma.delivery.count({ where: { broadcastId, state: { in: ['PENDING', 'SENDING'] } } })) === 0;
}

function ticker(tg: FakeTelegram, n: number, t0: number): NodeJS.Timeout {
  return setInterval(() => say(`    … ${recipientsSent(tg).length}/${n} sent after ${((Date.now() - t0) / 1000).toFixed(0)} s, 429s ${tg.stats().rejected429}`), 30_000);
}

async function stop(child: WorkerChild): Promise<number | null> {
  child.process.kill('SIGTERM');
  return (await child.exited).code;
}

export async function runDeliveryBench(options: { dbs: BenchDatabases; recipients?: number }): Promise<boolean> {
  const n = options.recipients ?? 10_000;
  const bound = (1.2 * n) / RATE;
  say(`\nDelivery: a broadcast to ${n.toLocaleString('en')} recipients, fake Telegram enforcing ${RATE} msg/s overall and ~1/s per chat (PostgreSQL, worker as a child process)`);
  const { db, url } = await freshDatabase(options.dbs);
  let ok = true;
  const children: WorkerChild[] = [];
  try {
    const { senderId } = await registry(db, n);

    // 1. Throughput at the real rate.
    let tg = await fakeTelegram(n);
    let id = await broadcast(db, senderId);
    const t0 = Date.now();
    let timer = ticker(tg, n, t0);
    const a = spawnWorker(workerEnv(url, tg, 'bench-a'));
    children.push(a);
    await until(() => drained(db, id), bound * 3000, `the broadcast to finish (${a.stderr()})`);
    clearInterval(timer);
    const sent = recipientsSent(tg);
    const first = Math.min(...sent.map((m) => m.time));
    const last = Math.max(...sent.map((m) => m.time));
    const wall = (last - t0) / 1000;
    const span = (last - first) / 1000;
    const stats = tg.stats();
    const once = checkOnce(await db.prisma.delivery.findMany({ where: { broadcastId: id } }), (chat) => tg.sentTo(Number(chat)));
    await until(async () => (await db.prisma.delivery.findUnique({ where: { dedupeKey: `broadcast:${id}:final` } }))?.state === 'SENT', 30_000, 'the final tally');
    const exit = await stop(a);
    const pass1 = wall <= bound && stats.violations === 0 && once.sent === n;
    ok &&= pass1;
    say(`  throughput   ${once.sent}/${n} sent in ${wall.toFixed(1)} s from worker start (${span.toFixed(1)} s first→last message, ${(n / span).toFixed(1)} msg/s)   target ≤ ${bound.toFixed(0)} s (1.2 × ${n}/${RATE}) ${pass1 ? '✓' : '✗'}`);
    say(`               429s received ${stats.rejected429}, retry_after violations ${stats.violations}, most messages in any second ${stats.maxPerSecond}, worker exit on SIGTERM ${exit}`);
    await tg.close();

    // 2. SIGKILL three times midway.
    tg = await fakeTelegram(n);
    id = await broadcast(db, senderId);
    const t1 = Date.now();
    timer = ticker(tg, n, t1);
    for (const [i, share] of [0.25, 0.5, 0.75].entries()) {
      const child = spawnWorker(workerEnv(url, tg, `bench-kill-${i}`));
      children.push(child);
      await until(() => recipientsSent(tg).length >= n * share, bound * 3000, `${share * 100}% sent (${child.stderr()})`);
      child.process.kill('SIGKILL');
      await child.exited;
      say(`    SIGKILL #${i + 1} at ${recipientsSent(tg).length}/${n} sent (${((Date.now() - t1) / 1000).toFixed(0)} s)`);
    }
    const b = spawnWorker(workerEnv(url, tg, 'bench-final'));
    children.push(b);
    await until(() => drained(db, id), bound * 3000, `the broadcast to finish after the kills (${b.stderr()})`);
    clearInterval(timer);
    const exitB = await stop(b);
    const report = checkOnce(await db.prisma.delivery.findMany({ where: { broadcastId: id } }), (chat) => tg.sentTo(Number(chat)));
    const pass2 = report.missing === 0 && report.duplicates === 0 && report.sent + report.unknown === n && tg.stats().violations === 0;
    ok &&= pass2;
    say(`  SIGKILL ×3   sent ${report.sent}, unknown ${report.unknown} (of which actually delivered ${report.unknownDelivered}), missing ${report.missing}, duplicates ${report.duplicates}   target: missing 0, duplicates 0 ${pass2 ? '✓' : '✗'}`);
    say(`               ${((Date.now() - t1) / 1000).toFixed(1)} s including three restarts, 429s ${tg.stats().rejected429}, violations ${tg.stats().violations}, last worker exit on SIGTERM ${exitB}`);
    await tg.close();
  } finally {
    for (const c of children) if (c.process.exitCode === null && c.process.signalCode === null) c.process.kill('SIGKILL');
    await db.close();
    await options.dbs.dropAll();
  }
  return ok;
}
