/**
 * npm run bench -- --only delivery [--recipients 2000]
 *
 * A broadcast to 2,000 recipients (default) through the worker CLI (child
 * processes, as in production) against the local fake Telegram Bot API
 * enforcing Telegram's flood control (30 messages/s overall, ~1/s per chat,
 * 429 with retry_after), while a planner process runs the daily reminder plan
 * again and again on a 10,000-task city in the same database. On PostgreSQL
 * (DATABASE_URL as the admin connection, default
 * postgresql://postgres@127.0.0.1:5432/test), in a database named after the
 * run, dropped at the end (only that one).
 *
 * The share of the bound: every message the fake accepted between the
 * notice's first and last message, per second, over 30 (pacing with the
 * 25 ms window margin tops out at 1000/1025 = 0.976).
 *
 * 1. One worker, the planner running: share ≥ 0.95 (issue 12, goal 4), every
 *    retry_after honoured (violations = 0).
 * 2. Crashes: a second broadcast, the worker SIGKILLed at 25%, 50% and 75%
 *    and restarted each time; target: every recipient sent exactly once or
 *    recorded UNKNOWN, none missing, none duplicated.
 * 3. Three workers, one SIGKILLed at a third of the notice: share ≥ 0.9.
 * 4. A paid (urgent) notice, TELEGRAM_PAID_BROADCAST on, to the same
 *    recipients through one worker, against the fake honouring 1,000 msg/s
 *    for calls flagged allow_paid_broadcast (no planner: the paid path alone).
 *    Printed, not asserted beyond correctness: the rate and its share of
 *    1,000/s, and what held it back (CPU of the worker, of the fake — this
 *    process — and of the database's backends over the span, the fake's
 *    accepted calls per second). Passes when every recipient got it exactly
 *    once, with no retry_after violation. DELIVERY_BENCH_CPU_PROF=dir writes
 *    the worker's --cpu-prof there.
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
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { BenchDatabases } from './databases.ts';
import { generate } from './generate.ts';

const TOKEN = '123456789:fake-telegram-token-for-the-bench';
const RATE = 30;
/** Telegram's paid broadcasts (allow_paid_broadcast): the fake's limit for flagged calls. */
const PAID_RATE = 1000;
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

async function fakeTelegram(n: number, officers: number[]): Promise<FakeTelegram> {
  const tg = await FakeTelegram.start({ token: TOKEN, enforceLimits: true, globalRatePerSecond: RATE, paidBroadcastRatePerSecond: PAID_RATE });
  tg.addUser({ id: SENDER_CHAT, first_name: 'Tổ CNS' });
  for (let i = 0; i < n; i++) tg.addUser({ id: FIRST_CHAT + i, first_name: `U${i}` });
  for (const id of officers) tg.addUser({ id, first_name: `C${id}` });
  return tg;
}

/** The planner's officers (bench/generate.ts: chat 100000 + person id), so their reminders arrive too. */
async function officerChats(db: Database): Promise<number[]> {
  const rows = await db.prisma.chatIdentity.findMany({ where: { personId: { not: null } }, select: { chatId: true } });
  return rows.map((r) => Number(r.chatId)).filter((c) => c >= 100_000 && c < FIRST_CHAT);
}

/** A planner at work beside the workers: bench/planner-loop.ts as a child process. */
function plannerLoop(url: string): { stop: () => Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/planner-loop.ts'], { env: { PATH: process.env.PATH ?? '', DATABASE_URL: url, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      return out.trim().split('\n').at(-1) ?? '';
    },
  };
}

/** Messages the fake accepted (all chats) between the notice's first and last message, per second, over the bound. */
function share(tg: FakeTelegram, noticeChats: (chat: number) => boolean): { share: number; span: number; messages: number } {
  const all = tg.allSent();
  const notice = all.filter((m) => noticeChats(m.chat_id as number));
  const first = Math.min(...notice.map((m) => m.time));
  const last = Math.max(...notice.map((m) => m.time));
  const messages = all.filter((m) => m.time >= first && m.time <= last).length;
  const span = (last - first) / 1000;
  return { share: (messages - 1) / span / RATE, span, messages };
}

/**
 * Where the bound went, from the fake's call log between the notice's first and
 * last message: 429s (global when 30 calls had been accepted in the second
 * before, else the chat's), the gaps between consecutive accepted calls, and
 * the time lost after 429s (gaps that contain one) and elsewhere (other gaps
 * beyond twice the pacing interval). Accepted calls per 5 s show a stall.
 */
function diagnose(tg: FakeTelegram, noticeChats: (chat: number) => boolean, marks: { at: number; what: string }[] = []): string[] {
  const calls = tg.calls('sendMessage').filter((c) => !c.viaWebhookReply);
  const notice = calls.filter((c) => c.status === 200 && noticeChats(Number(c.params.chat_id)));
  if (!notice.length) return [];
  const first = notice[0]!.time;
  const last = notice.at(-1)!.time;
  const inSpan = calls.filter((c) => c.time >= first && c.time <= last);
  const ok = inSpan.filter((c) => c.status === 200).map((c) => c.time);
  const refused = inSpan.filter((c) => c.status === 429).map((c) => c.time);
  let global = 0;
  for (const t of refused) if (ok.filter((a) => a > t - 1000 && a <= t).length >= RATE) global++;
  const iv = 1025 / RATE;
  const gaps = ok.slice(1).map((t, i) => ({ from: ok[i]!, gap: t - ok[i]! }));
  const sorted = gaps.map((g) => g.gap).sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  let after429 = 0;
  let elsewhere = 0;
  for (const g of gaps) {
    if (refused.some((t) => t >= g.from && t < g.from + g.gap)) after429 += g.gap - iv;
    else if (g.gap > 2 * iv) elsewhere += g.gap - iv;
  }
  const buckets: number[] = [];
  for (const t of ok) buckets[Math.floor((t - first) / 5000)] = (buckets[Math.floor((t - first) / 5000)] ?? 0) + 1;
  const lines = [
    `               429s in the span ${refused.length} (global ${global}, chat ${refused.length - global}); gaps between accepted calls p50 ${q(0.5)} ms, p90 ${q(0.9)} ms, p99 ${q(0.99)} ms, max ${sorted.at(-1) ?? 0} ms (pacing ${iv.toFixed(1)} ms)`,
    `               time lost: ${(after429 / 1000).toFixed(1)} s in gaps holding a 429, ${(elsewhere / 1000).toFixed(1)} s in other gaps > ${(2 * iv).toFixed(0)} ms, of ${((last - first) / 1000).toFixed(1)} s`,
    `               accepted per 5 s: ${Array.from(buckets, (b) => b ?? 0).join(' ')}`,
  ];
  for (const m of marks) lines.push(`               ${m.what} at +${((m.at - first) / 1000).toFixed(1)} s`);
  return lines;
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat (Linux, 100 ticks/s); null when gone. */
function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** The main thread's time on a CPU and waiting in the run queue for one, in seconds (/proc/<pid>/schedstat). */
function schedSeconds(pid: number | 'self'): { run: number; wait: number } | null {
  try {
    const [run, wait] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(' ').map(Number);
    return { run: run! / 1e9, wait: wait! / 1e9 };
  } catch {
    return null;
  }
}

interface CpuSample {
  at: number;
  worker: number | null;
  /** Main threads: on a CPU, and runnable but waiting for one (a busy machine). */
  workerSched: { run: number; wait: number } | null;
  selfSched: { run: number; wait: number } | null;
  /** This process: the fake Bot API (and the bench's polling). */
  self: number;
  elu: ReturnType<typeof performance.eventLoopUtilization>;
  /** The database's backends serving the bench's database. */
  pg: Map<number, number>;
}

/**
 * Samples, every 100 ms, the CPU used by the worker, by this process (the
 * fake) and by the PostgreSQL backends of the bench's database, so the span
 * of a notice can be charged to whoever was busy.
 */
function cpuSampler(db: Database, workerPid: number): { stop: () => CpuSample[] } {
  const samples: CpuSample[] = [];
  const backends = new Set<number>();
  let asking = false;
  const refresh = () => {
    if (asking) return;
    asking = true;
    db.prisma
      .$queryRawUnsafe<{ pid: number }[]>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`)
      .then((rows) => rows.forEach((r) => backends.add(Number(r.pid))))
      .catch(() => undefined)
      .finally(() => (asking = false));
  };
  const take = () => {
    const pg = new Map<number, number>();
    for (const pid of backends) {
      const c = cpuSeconds(pid);
      if (c !== null) pg.set(pid, c);
    }
    const u = process.cpuUsage();
    samples.push({ at: Date.now(), worker: cpuSeconds(workerPid), workerSched: schedSeconds(workerPid), selfSched: schedSeconds('self'), self: (u.user + u.system) / 1e6, elu: performance.eventLoopUtilization(), pg });
  };
  refresh();
  take();
  let n = 0;
  const timer = setInterval(() => {
    if (++n % 5 === 0) refresh();
    take();
  }, 100);
  return {
    stop: () => {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}

/** Each one's share of a core between the samples around [from, to]. */
function cpuOver(
  samples: CpuSample[],
  from: number,
  to: number,
): { seconds: number; worker: number; workerWait: number; fake: number; fakeWait: number; fakeElu: number; pg: number; backends: number } {
  const a = [...samples].reverse().find((s) => s.at <= from) ?? samples[0]!;
  const b = samples.find((s) => s.at >= to) ?? samples.at(-1)!;
  const seconds = Math.max(0.001, (b.at - a.at) / 1000);
  let pg = 0;
  for (const [pid, end] of b.pg) pg += end - (a.pg.get(pid) ?? samples.find((s) => s.pg.has(pid))!.pg.get(pid)!);
  return {
    seconds,
    worker: ((b.worker ?? 0) - (a.worker ?? 0)) / seconds,
    workerWait: ((b.workerSched?.wait ?? 0) - (a.workerSched?.wait ?? 0)) / seconds,
    fake: (b.self - a.self) / seconds,
    fakeWait: ((b.selfSched?.wait ?? 0) - (a.selfSched?.wait ?? 0)) / seconds,
    fakeElu: performance.eventLoopUtilization(b.elu, a.elu).utilization,
    pg: pg / seconds,
    backends: b.pg.size,
  };
}

const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

async function broadcast(db: Database, senderId: number, paid = false): Promise<number> {
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
      paidBroadcast: paid,
    },
    status: { dueSoonDays: 7 },
    log: createLogger({ level: 'silent', format: 'json' }),
  });
  const r = await d.broadcasts.create({ senderId, text: 'Cảnh báo: lừa đảo giả danh cơ quan nhà nước qua điện thoại. Không cung cấp mã OTP cho bất kỳ ai.', audience: { roles: ['OFFICER'] }, senderChannel: 'TELEGRAM', senderChatId: String(SENDER_CHAT), now: new Date(), ...(paid ? { paid: true } : {}) });
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
  const n = options.recipients ?? 2_000;
  const bound = (1.2 * n) / RATE;
  say(`\nDelivery: a broadcast to ${n.toLocaleString('en')} recipients, fake Telegram enforcing ${RATE} msg/s overall and ~1/s per chat (PostgreSQL, workers as child processes, a planner process running the daily plan on 10,000 tasks meanwhile)`);
  const { db, url } = await freshDatabase(options.dbs);
  let ok = true;
  const children: WorkerChild[] = [];
  const planners: { stop: () => Promise<string> }[] = [];
  const isNotice = (chat: number) => chat >= FIRST_CHAT;
  // DELIVERY_BENCH_PARTS=1,3 while iterating: only those parts (default all four).
  const parts = new Set((process.env.DELIVERY_BENCH_PARTS ?? '1,2,3,4').split(',').map((p) => p.trim()));
  try {
    // The city the planner works on (parts 1 and 3 only).
    if (parts.has('1') || parts.has('3')) {
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      await generate(async (sql, params) => (await pool.query(sql, params as unknown[])).rows, { tasks: 10_000, quiet: true });
      await pool.end();
    }
    const officers = await officerChats(db);
    const { senderId } = await registry(db, n);

    if (parts.has('1')) {
      // 1. One worker, the planner at work.
      const tg = await fakeTelegram(n, officers);
      const planner = plannerLoop(url);
      planners.push(planner);
      const id = await broadcast(db, senderId);
      const t0 = Date.now();
      const timer = ticker(tg, n, t0);
      const a = spawnWorker(workerEnv(url, tg, 'bench-a'));
      children.push(a);
      await until(() => drained(db, id), bound * 3000, `the broadcast to finish (${a.stderr()})`, 250);
      clearInterval(timer);
      const load1 = load();
      const plannerRuns = await planner.stop();
      const s1 = share(tg, isNotice);
      const stats = tg.stats();
      const once = checkOnce(await db.prisma.delivery.findMany({ where: { broadcastId: id } }), (chat) => tg.sentTo(Number(chat)));
      const exit = await stop(a);
      const pass1 = s1.share >= 0.95 && stats.violations === 0 && once.sent === n;
      ok &&= pass1;
      say(`  alone        ${once.sent}/${n} sent; ${s1.messages} messages in ${s1.span.toFixed(1)} s first→last notice message = ${(s1.share * RATE).toFixed(1)} msg/s = ${s1.share.toFixed(3)} of the bound   target ≥ 0.95 ${pass1 ? '✓' : '✗'}   (load ${load1})`);
      say(`               429s received ${stats.rejected429}, retry_after violations ${stats.violations}, most messages in any second ${stats.maxPerSecond}, planner ${plannerRuns}, worker exit on SIGTERM ${exit}`);
      for (const line of diagnose(tg, isNotice)) say(line);
      await tg.close();
    }

    if (parts.has('2')) {
      // 2. SIGKILL three times midway.
      const tg = await fakeTelegram(n, officers);
      const id = await broadcast(db, senderId);
      const t1 = Date.now();
      const timer = ticker(tg, n, t1);
      for (const [i, part] of [0.25, 0.5, 0.75].entries()) {
        const child = spawnWorker(workerEnv(url, tg, `bench-kill-${i}`));
        children.push(child);
        await until(() => recipientsSent(tg).length >= n * part, bound * 3000, `${part * 100}% sent (${child.stderr()})`);
        child.process.kill('SIGKILL');
        await child.exited;
        say(`    SIGKILL #${i + 1} at ${recipientsSent(tg).length}/${n} sent (${((Date.now() - t1) / 1000).toFixed(0)} s)`);
      }
      const b = spawnWorker(workerEnv(url, tg, 'bench-final'));
      children.push(b);
      await until(() => drained(db, id), bound * 3000, `the broadcast to finish after the kills (${b.stderr()})`, 250);
      clearInterval(timer);
      const exitB = await stop(b);
      const report = checkOnce(await db.prisma.delivery.findMany({ where: { broadcastId: id } }), (chat) => tg.sentTo(Number(chat)));
      const pass2 = report.missing === 0 && report.duplicates === 0 && report.sent + report.unknown === n && tg.stats().violations === 0;
      ok &&= pass2;
      say(`  SIGKILL ×3   sent ${report.sent}, unknown ${report.unknown} (of which actually delivered ${report.unknownDelivered}), missing ${report.missing}, duplicates ${report.duplicates}   target: missing 0, duplicates 0 ${pass2 ? '✓' : '✗'}`);
      say(`               ${((Date.now() - t1) / 1000).toFixed(1)} s including three restarts, 429s ${tg.stats().rejected429}, violations ${tg.stats().violations}, last worker exit on SIGTERM ${exitB}`);
      await tg.close();
    }

    if (parts.has('3')) {
      // 3. Three workers, one SIGKILLed at a third; the planner at work.
      const tg = await fakeTelegram(n, officers);
      const planner = plannerLoop(url);
      planners.push(planner);
      const id = await broadcast(db, senderId);
      const t2 = Date.now();
      const timer = ticker(tg, n, t2);
      const three = ['bench-x', 'bench-y', 'bench-z'].map((name) => spawnWorker(workerEnv(url, tg, name)));
      children.push(...three);
      await until(() => recipientsSent(tg).length >= n / 3, bound * 3000, `a third sent (${three[0]!.stderr()})`);
      const killTime = Date.now();
      three[0]!.process.kill('SIGKILL');
      await three[0]!.exited;
      const killedAt = recipientsSent(tg).length;
      await until(() => drained(db, id), bound * 3000, `the broadcast to finish (${three[1]!.stderr()})`, 250);
      clearInterval(timer);
      const load3 = load();
      const plannerRuns3 = await planner.stop();
      const s3 = share(tg, isNotice);
      const report3 = checkOnce(await db.prisma.delivery.findMany({ where: { broadcastId: id } }), (chat) => tg.sentTo(Number(chat)));
      const exits = await Promise.all(three.slice(1).map(stop));
      const pass3 = s3.share >= 0.9 && tg.stats().violations === 0 && report3.missing === 0 && report3.duplicates === 0;
      ok &&= pass3;
      say(`  3 workers, 1 SIGKILLed at ${killedAt}/${n}: sent ${report3.sent}, unknown ${report3.unknown}, missing ${report3.missing}, duplicates ${report3.duplicates}; ${s3.messages} messages in ${s3.span.toFixed(1)} s = ${(s3.share * RATE).toFixed(1)} msg/s = ${s3.share.toFixed(3)} of the bound   target ≥ 0.9 ${pass3 ? '✓' : '✗'}   (load ${load3})`);
      say(`               429s ${tg.stats().rejected429}, violations ${tg.stats().violations}, most in any second ${tg.stats().maxPerSecond}, planner ${plannerRuns3}, live workers' exit on SIGTERM ${exits.join(', ')}`);
      const requeued = await db.prisma.delivery.findMany({ where: { broadcastId: id, lastError: { startsWith: 'lease expired' } }, select: { chatId: true, state: true } });
      const takenOver = requeued
        .filter((r) => r.state === 'SENT')
        .map((r) => tg.calls('sendMessage').find((c) => c.status === 200 && String(c.params.chat_id) === r.chatId)?.time ?? 0)
        .filter((t) => t > 0);
      for (const line of diagnose(tg, isNotice, [{ at: killTime, what: 'SIGKILL' }, ...(takenOver.length ? [{ at: Math.max(...takenOver), what: `the dead worker's ${takenOver.length} queued-again rows sent by` }] : [])])) say(line);
      say(`               the dead worker's rows: ${requeued.length} swept (${requeued.filter((r) => r.state === 'UNKNOWN').length} UNKNOWN, ${takenOver.length} sent by the others)`);
      await tg.close();
    }
    if (parts.has('4')) {
      // 4. A paid (urgent) notice through one worker, the fake honouring 1,000/s for flagged calls.
      const tg = await fakeTelegram(n, officers);
      const id = await broadcast(db, senderId, true);
      const t4 = Date.now();
      const timer = ticker(tg, n, t4);
      // Statements run on the database (committed transactions: each of the worker's statements is one), less the bench's own.
      const commits = async () => Number((await db.prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()`))[0]!.n);
      let own = 1;
      const commits0 = await commits();
      const prof = process.env.DELIVERY_BENCH_CPU_PROF;
      const w = spawnWorker({ ...workerEnv(url, tg, 'bench-paid'), TELEGRAM_PAID_BROADCAST: 'on', LOG_LEVEL: 'info' }, undefined, prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : []);
      children.push(w);
      const sampler = cpuSampler(db, w.process.pid!);
      const finished = async () => {
        if (w.process.exitCode !== null || w.process.signalCode !== null) throw new Error('the worker exited');
        own++;
        return drained(db, id);
      };
      await until(finished, bound * 3000, 'the paid broadcast to finish', 100).catch((err: Error) => {
        throw new Error(`${err.message}; worker exit ${w.process.exitCode}, stderr: ${w.stderr().slice(-3000)}`);
      });
      clearInterval(timer);
      const load4 = load();
      const samples = sampler.stop();
      const exit4 = await stop(w);
      // A backend reports its counts when it goes idle (at most once a second) or exits: the worker's have exited.
      await new Promise((r) => setTimeout(r, 1500));
      const statements = (await commits()) - commits0 - own - samples.length / 5;
      const stats = tg.stats();
      const once = checkOnce(await db.prisma.delivery.findMany({ where: { broadcastId: id } }), (chat) => tg.sentTo(Number(chat)));
      const calls = tg.calls('sendMessage').filter((c) => !c.viaWebhookReply);
      const notice = calls.filter((c) => c.status === 200 && isNotice(Number(c.params.chat_id)));
      const flagged = notice.filter((c) => c.params.allow_paid_broadcast === true || c.params.allow_paid_broadcast === 'true').length;
      const first = notice[0]?.time ?? t4;
      const last = notice.at(-1)?.time ?? t4;
      const span = (last - first) / 1000;
      const inSpan = calls.filter((c) => c.time >= first && c.time <= last);
      const accepted = inSpan.filter((c) => c.status === 200).map((c) => c.time);
      const refused = inSpan.filter((c) => c.status === 429).map((c) => c.time);
      let global = 0;
      for (const t of refused) if (accepted.filter((a) => a > t - 1000 && a <= t).length >= PAID_RATE) global++;
      const rate = span > 0 ? (accepted.length - 1) / span : 0;
      const perSecond: number[] = [];
      for (const t of accepted) perSecond[Math.floor((t - first) / 1000)] = (perSecond[Math.floor((t - first) / 1000)] ?? 0) + 1;
      const ordered = inSpan.filter((c) => c.status === 200);
      const gaps = accepted.slice(1).map((t, i) => t - accepted[i]!).sort((a, b) => a - b);
      // Stalls: gaps over 250 ms, and those ending with an unflagged (free) call — the sender's progress message,
      // which must wait until the window holds fewer than 30 calls, i.e. a window after the last paid one.
      const stalls = ordered.slice(1).map((c, i) => ({ gap: c.time - ordered[i]!.time, free: !(c.params.allow_paid_broadcast === true || c.params.allow_paid_broadcast === 'true') })).filter((g) => g.gap > 250);
      const freeStalls = stalls.filter((g) => g.free);
      const q = (p: number) => gaps[Math.min(gaps.length - 1, Math.floor(p * gaps.length))] ?? 0;
      // Per chat: nobody got two messages (checkOnce's duplicates), and no chat-scoped 429.
      const chatRuleKept = once.duplicates === 0 && refused.length - global === 0;
      const cpu = cpuOver(samples, first, last);
      const workerStats = /"stats":(\{.*?"swept":\{[^}]*\}\})/.exec(w.stderr())?.[1];
      const pass4 = once.sent === n && once.missing === 0 && once.duplicates === 0 && stats.violations === 0 && flagged === notice.length;
      ok &&= pass4;
      say(`  paid         ${once.sent}/${n} sent once each (missing ${once.missing}, duplicates ${once.duplicates}), ${flagged}/${notice.length} flagged allow_paid_broadcast; ${accepted.length} messages in ${span.toFixed(2)} s first→last = ${rate.toFixed(0)} msg/s = ${(rate / PAID_RATE).toFixed(3)} of the paid bound ${PAID_RATE}/s (${(rate / RATE).toFixed(1)}× the free ${RATE}/s)   ${pass4 ? '✓' : '✗'}   (load ${load4})`);
      say(`               429s ${stats.rejected429} (in the span: global ${global}, chat ${refused.length - global}), retry_after violations ${stats.violations}, per-chat ~1/s kept ${chatRuleKept ? 'yes' : 'NO'}, most messages in any second ${stats.maxPerSecond}, worker exit on SIGTERM ${exit4}`);
      say(`               gaps between accepted calls p50 ${q(0.5)} ms, p90 ${q(0.9)} ms, p99 ${q(0.99)} ms, max ${gaps.at(-1) ?? 0} ms (paid pacing ${(1025 / (PAID_RATE - RATE)).toFixed(2)} ms); accepted per second: ${Array.from(perSecond, (b) => b ?? 0).join(' ')}`);
      say(`               CPU over the ${cpu.seconds.toFixed(1)} s span (cores): worker ${cpu.worker.toFixed(2)} (main thread runnable but waiting for a CPU ${(cpu.workerWait * 100).toFixed(0)}% of the time), fake (this process) ${cpu.fake.toFixed(2)} (event loop ${(cpu.fakeElu * 100).toFixed(0)}% busy, waiting for a CPU ${(cpu.fakeWait * 100).toFixed(0)}%), PostgreSQL ${cpu.backends} backends ${cpu.pg.toFixed(2)}; 2 cores shared with other benches`);
      say(`               stalls > 250 ms: ${stalls.length}, ${(stalls.reduce((a, g) => a + g.gap, 0) / 1000).toFixed(1)} s; of which ended by a free (unflagged) call: ${freeStalls.length}, ${(freeStalls.reduce((a, g) => a + g.gap, 0) / 1000).toFixed(1)} s; free calls in the span ${ordered.filter((c) => !(c.params.allow_paid_broadcast === true || c.params.allow_paid_broadcast === 'true')).length}`);
      say(`               statements on the database from the worker's start to its exit: ~${Math.round(statements)} = ${(statements / notice.length).toFixed(2)} per message (start-up, claims, bookings, marks, turns, the monitor)`);
      if (workerStats) say(`               worker stats ${workerStats}`);
      if (prof) say(`               worker CPU profile in ${prof}`);
      await tg.close();
    }
  } finally {
    for (const c of children) if (c.process.exitCode === null && c.process.signalCode === null) c.process.kill('SIGKILL');
    for (const p of planners) await p.stop().catch(() => '');
    await db.close();
    await options.dbs.dropAll();
  }
  return ok;
}
