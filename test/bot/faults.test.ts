/**
 * Faults an operator meets, seen as the operator sees them: `npm start`
 * (bot/main.ts) and `npm run worker` as child processes. Each ends with one
 * Vietnamese line naming the setting to check and a non-zero exit code, or
 * serves health and metrics. Rows of the README's fault table.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeDataDirLock } from '../../prisma/database.ts';
import { FakeTelegram } from '../fakes/telegram/server.ts';
import { usingPostgres } from '../support/db.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TOKEN = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The last non-empty line of stderr: what the operator reads. */
  last: string;
}

function run(script: string, env: Record<string, string>, args: string[] = [], options: { until?: (out: string) => boolean } = {}): Promise<Run> & { kill(): void } {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_FORMAT: 'json', LOG_LEVEL: 'warn', SEED_SAMPLE_DATA: 'never', STARTUP_TIMEOUT_SECONDS: '3', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
    if (options.until?.(stderr)) child.kill('SIGTERM');
  });
  const done = new Promise<Run>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr, last: stderr.trim().split('\n').filter(Boolean).at(-1) ?? '' })),
  ) as Promise<Run> & { kill(): void };
  done.kill = () => child.kill('SIGTERM');
  return done;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('faults at start-up: one Vietnamese line naming the setting, non-zero exit', () => {
  let dir: string;
  const dataDir = (name: string) => join(dir, name);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nq57-faults-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('Telegram unreachable: each attempt logged with its reason, then exit 1 after STARTUP_TIMEOUT_SECONDS', async () => {
    const port = await freePort();
    const r = await run('bot/main.ts', { DATA_DIR: dataDir('tg'), PORT: String(await freePort()), TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: `http://127.0.0.1:${port}` });
    expect(r.code).toBe(1);
    const warnings = r.stderr.split('\n').filter((l) => l.includes('telegram not reachable, retrying'));
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(warnings[0]!)).toMatchObject({ level: 40, target: 'telegram', attempt: 1 });
    expect(JSON.parse(warnings[0]!).reason).toMatch(/ECONNREFUSED|fetch failed|Network request/);
    expect(r.last).toMatch(/^Không khởi động được: không kết nối được tới TELEGRAM_API_ROOT sau 3 giây \(.+\)\. Kiểm tra TELEGRAM_API_ROOT và mạng, hoặc tăng STARTUP_TIMEOUT_SECONDS\.$/);
    expect(r.stderr).not.toContain(TOKEN);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack at warn level
  }, 120_000);

  it('Zalo unreachable: the same, naming ZALO_API_ROOT', async () => {
    const r = await run('bot/main.ts', { DATA_DIR: dataDir('zl'), PORT: String(await freePort()), ZALO_BOT_TOKEN: '12345:abcdef', ZALO_API_ROOT: `http://127.0.0.1:${await freePort()}` });
    expect(r.code).toBe(1);
    // each failed attempt is logged at warn with its reason: the start-up retry's, or the Zalo client's own retries inside the first one
    expect(r.stderr).toMatch(/zalo (not reachable|api call failed); retrying/);
    expect(r.last).toMatch(/^Không khởi động được: không kết nối được tới ZALO_API_ROOT sau 3 giây/);
  }, 120_000);

  it('PostgreSQL unreachable: retried, then exit 1 naming DATABASE_URL', async () => {
    const r = await run('bot/main.ts', { DATABASE_URL: `postgresql://postgres@127.0.0.1:${await freePort()}/x` });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('database not reachable, retrying');
    expect(r.last).toMatch(/^Không khởi động được: không kết nối được tới DATABASE_URL sau 3 giây \(ECONNREFUSED/);
  }, 120_000);

  it.runIf(usingPostgres)('a database that does not exist: exit 1 at once, saying so', async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = '/nq57_khong_ton_tai';
    const r = await run('bot/main.ts', { DATABASE_URL: url.toString(), STARTUP_TIMEOUT_SECONDS: '600' });
    expect(r.code).toBe(1);
    expect(r.last).toMatch(/^Không khởi động được: cơ sở dữ liệu trong DATABASE_URL không tồn tại/);
  }, 120_000);

  it.runIf(usingPostgres)('PostgreSQL refuses the login: exit 1 at once, naming DATABASE_URL', async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.username = 'nq57_khong_co_nguoi_nay';
    const r = await run('bot/main.ts', { DATABASE_URL: url.toString(), STARTUP_TIMEOUT_SECONDS: '600' });
    expect(r.code).toBe(1);
    expect(r.last).toMatch(/^Không khởi động được: PostgreSQL từ chối đăng nhập \(.+\)\. Kiểm tra người dùng và mật khẩu trong DATABASE_URL\.$/);
  }, 120_000);

  it('Telegram refuses the bot token: exit 1 at once, naming TELEGRAM_BOT_TOKEN, the token never printed', async () => {
    const tg = await FakeTelegram.start({ token: TOKEN });
    const wrong = '654321:ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvu';
    try {
      const r = await run('bot/main.ts', { DATA_DIR: dataDir('token'), PORT: String(await freePort()), TELEGRAM_BOT_TOKEN: wrong, TELEGRAM_API_ROOT: tg.apiRoot, STARTUP_TIMEOUT_SECONDS: '600' });
      expect(r.code).toBe(1);
      expect(r.last).toMatch(/^Không khởi động được: nền tảng từ chối mã bot \(.+\)\. Kiểm tra TELEGRAM_BOT_TOKEN\.$/);
      expect(r.stderr).not.toContain(wrong);
      expect(r.stderr).not.toContain(wrong.split(':')[1]);
    } finally {
      await tg.close();
    }
  }, 120_000);

  it('the port is in use: exit 1 naming PORT', async () => {
    const busy: Server = createServer();
    await new Promise<void>((r) => busy.listen(0, '0.0.0.0', r));
    const port = (busy.address() as { port: number }).port;
    try {
      const r = await run('bot/main.ts', { DATA_DIR: dataDir('port'), PORT: String(port), TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'http://127.0.0.1:9' });
      expect(r.code).toBe(1);
      expect(r.last).toBe(`Không khởi động được: cổng ${port} đang được chương trình khác dùng. Đổi PORT hoặc dừng chương trình kia.`);
    } finally {
      busy.close();
    }
  }, 120_000);

  it('DATA_DIR cannot be written: exit 1 naming DATA_DIR', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    const r = await run('bot/main.ts', { DATA_DIR: join(file, 'data') });
    expect(r.code).toBe(1);
    expect(r.last).toMatch(/^Không khởi động được: không ghi được vào thư mục dữ liệu \(ENOTDIR.*\)\. Kiểm tra DATA_DIR và quyền ghi\.$/);
  }, 120_000);

  it('the stack follows the one line only with LOG_LEVEL=debug', async () => {
    const file = join(dir, 'another-file');
    writeFileSync(file, 'not a folder');
    const quiet = await run('bot/main.ts', { DATA_DIR: join(file, 'data') });
    expect(quiet.stderr).not.toMatch(/\n\s+at /);
    const debug = await run('bot/main.ts', { DATA_DIR: join(file, 'data'), LOG_LEVEL: 'debug' });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/Không khởi động được: không ghi được vào thư mục dữ liệu .*\n/);
    expect(debug.stderr).toMatch(/\n\s+at /);
  }, 120_000);

  it('a second process on the same DATA_DIR stops at once, pointing to DATABASE_URL; a stale lock is taken over', async () => {
    const d = dataDir('shared');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(d, { recursive: true });
    // This test process plays the running instance.
    const release = takeDataDirLock(join(d, 'pglite.lock'));
    try {
      const r = await run('bot/main.ts', { DATA_DIR: d, STARTUP_TIMEOUT_SECONDS: '600' });
      expect(r.code).toBe(1);
      expect(r.last).toBe(`Không khởi động được: thư mục DATA_DIR đang được một tiến trình khác dùng (pid ${process.pid}). Cơ sở dữ liệu nhúng chỉ cho một tiến trình; muốn chạy nhiều tiến trình, hãy đặt DATABASE_URL (PostgreSQL).`);
    } finally {
      release();
    }
    // A lock left by a killed process (its pid is gone) does not block.
    writeFileSync(join(d, 'pglite.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, startedAt: '2026-01-01T00:00:00Z' }));
    const releaseAgain = takeDataDirLock(join(d, 'pglite.lock'));
    releaseAgain();
  }, 120_000);

  it('a configuration error is explained in Vietnamese (English with --lang en), exit 2', async () => {
    const vi = await run('bot/main.ts', { DUE_SOON_DAYS: 'nhiều', LOG_LEVEL: 'loud' });
    expect(vi.code).toBe(2);
    expect(vi.stderr).toContain('Cấu hình không hợp lệ, chưa khởi động (xem .env.example):');
    expect(vi.stderr).toContain('DUE_SOON_DAYS: cần một số trong khoảng cho phép');
    expect(vi.stderr).toContain('LOG_LEVEL: chỉ nhận một trong các giá trị: fatal, error, warn, info, debug, trace, silent.');
    const en = await run('bot/main.ts', { DUE_SOON_DAYS: 'nhiều' }, ['--lang', 'en']);
    expect(en.stderr).toContain('Invalid configuration, not started');
  }, 120_000);

  it('npm run worker -- --help prints its usage in Vietnamese', async () => {
    const r = await run('bot/cli/worker.ts', {}, ['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Cách dùng: npm run worker');
    expect(r.stdout).toContain('--once           gửi những gì đến hạn rồi thoát');
  }, 120_000);
});

/** Polls `url` until it answers 200 (start-up on a loaded machine takes a while), or returns the last answer. */
async function readyAt(url: string): Promise<Response | null> {
  const deadline = Date.now() + 240_000;
  let res: Response | null = null;
  while (Date.now() < deadline) {
    res = await fetch(url).catch(() => null);
    if (res?.status === 200) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return res;
}

describe('health and metrics on PORT, in long-polling mode too', () => {
  let tg: FakeTelegram;
  let dir: string;
  beforeAll(async () => {
    tg = await FakeTelegram.start({ token: TOKEN });
    dir = mkdtempSync(join(tmpdir(), 'nq57-health-'));
  });
  afterAll(async () => {
    await tg.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('/healthz, /readyz (database, migrations, Telegram), /metrics in Prometheus format', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const child = run('bot/main.ts', { DATA_DIR: join(dir, 'data'), PORT: String(port), TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: tg.apiRoot, LOG_LEVEL: 'info', ...(usingPostgres ? {} : {}) });
    try {
      const deadline = Date.now() + 240_000;
      let ready: Response | null = null;
      while (Date.now() < deadline) {
        ready = await fetch(`${base}/readyz`).catch(() => null);
        if (ready?.status === 200) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(ready?.status).toBe(200);
      expect(await ready!.json()).toEqual({ ready: true, checks: { database: 'ok', migrations: 'ok', telegram: 'ok' } });
      expect(await (await fetch(`${base}/healthz`)).text()).toBe('ok\n');

      // A message through the fake Telegram is counted by channel and outcome.
      tg.addUser({ id: 501, first_name: 'A', language_code: 'vi' });
      await tg.sendText(501, 'xin chào');
      await tg.waitForMessages(501, 1);
      let text = '';
      for (let i = 0; i < 50 && !/nq57_messages_total\{channel="TELEGRAM",outcome="answered"\} 1/.test(text); i++) {
        text = await (await fetch(`${base}/metrics`)).text();
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(text).toMatch(/nq57_messages_total\{channel="TELEGRAM",outcome="answered"\} 1/);
      expect(text).toContain('nq57_answer_seconds_bucket{le="0.05",channel="TELEGRAM"}');
      expect(text).toContain('nq57_delivery_queue_depth ');
      expect(text).toContain('nq57_delivery_oldest_pending_seconds ');
      expect(text).toContain('# TYPE nq57_scheduler_runs_total counter');
      expect(text).toContain('# TYPE nq57_import_batches gauge');
      expect(text).toContain('nodejs_eventloop_lag_p99_seconds');

      // A file link with a broken id never leaks a stack.
      const missing = await fetch(`${base}/nothing-here`);
      expect(missing.status).toBe(404);
    } finally {
      child.kill();
      await child;
    }
  }, 400_000);

  it('webhook mode with METRICS_PORT: /healthz and /readyz on PORT, /metrics on METRICS_PORT only', async () => {
    const [port, metricsPort] = [await freePort(), await freePort()];
    const child = run('bot/main.ts', {
      DATA_DIR: join(dir, 'webhook'),
      PORT: String(port),
      METRICS_PORT: String(metricsPort),
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: tg.apiRoot,
      TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/hook`,
      TELEGRAM_WEBHOOK_SECRET: 'a-webhook-secret-of-test',
    });
    try {
      const ready = await readyAt(`http://127.0.0.1:${port}/readyz`);
      expect(ready?.status).toBe(200);
      expect(await ready!.json()).toEqual({ ready: true, checks: { database: 'ok', migrations: 'ok', telegram: 'ok' } });
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${metricsPort}/readyz`)).status).toBe(200);
      expect(await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text()).toContain('# TYPE nq57_messages_total counter');
      // The webhook is served on PORT and refuses a request without Telegram's secret.
      expect((await fetch(`http://127.0.0.1:${port}/telegram/hook`, { method: 'POST', body: '{}' })).status).toBe(401);
    } finally {
      child.kill();
      await child;
    }
  }, 400_000);

  it('npm run worker serves /healthz, /readyz (database, migrations, the platform it sends on) and /metrics on PORT', async () => {
    const port = await freePort();
    const child = run('bot/cli/worker.ts', { DATA_DIR: join(dir, 'worker'), PORT: String(port), TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: tg.apiRoot });
    try {
      const ready = await readyAt(`http://127.0.0.1:${port}/readyz`);
      expect(ready?.status).toBe(200);
      expect(await ready!.json()).toEqual({ ready: true, checks: { database: 'ok', migrations: 'ok', telegram: 'ok' } });
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      expect(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()).toContain('nq57_delivery_queue_depth ');
    } finally {
      child.kill();
      const r = await child;
      expect(r.code).toBe(0);
    }
  }, 400_000);
});
