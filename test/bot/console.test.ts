import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { ChatService } from '../../bot/chat/service.ts';
import { FixedClock } from '../../domain/shared/clock.ts';
import { instantOf } from '../../domain/shared/day.ts';

const silent = pino({ level: 'silent' });
import { runConsole } from '../../bot/console/console.ts';
import { i18n } from '../../bot/i18n.ts';
import { seedSampleData } from '../../bot/services/seed.ts';
import { PrismaTaskQueries } from '../../prisma/stores/task-queries.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

async function chat(db: TestDatabase, as: string, lines: string[], today = '2026-11-26'): Promise<string> {
  const queries = new PrismaTaskQueries(db.prisma);
  const [person] = await queries.findPeople(as);
  const service = new ChatService({ prisma: db.prisma, clock: new FixedClock(instantOf(today, 9)), settings: { flowTimeoutMinutes: 30, correctionMinutes: 60, status: { dueSoonDays: 7 } }, log: silent });
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (c) => (text += String(c)));
  const done = runConsole({
    input,
    output,
    tr: i18n(),
    locale: 'vi',
    interactive: false,
    handle: async (text) => (await service.handle({ channel: 'CONSOLE', chatId: `console:${person!.id}`, user: { externalId: `console:${person!.id}` }, text, asPerson: person! }))?.replies ?? [],
  });
  input.end(lines.join('\n') + '\n');
  await done;
  return text;
}

/** The reply printed after the message `message` (up to the next message). */
function replyTo(transcript: string, message: string, last = false): string {
  const start = last ? transcript.lastIndexOf(`› ${message}\n`) : transcript.indexOf(`› ${message}\n`);
  expect(start, `no message "${message}"`).toBeGreaterThanOrEqual(0);
  const rest = transcript.slice(start + message.length + 3);
  const next = rest.indexOf('\n› ');
  return (next < 0 ? rest : rest.slice(0, next)).trimEnd();
}

describe('console chat on the sample data', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('an officer sees help, her tasks most urgent first, one task with history', async () => {
    const t = await chat(db, 'Trần Thị Hồng Nhung', ['hướng dẫn', 'viec cua toi', 'nhiệm vụ II.6', 'nv 1.3']);
    expect(replyTo(t, 'hướng dẫn')).toContain('Xin chào Trần Thị Hồng Nhung!');
    const mine = replyTo(t, 'viec cua toi');
    expect(mine).toMatch(/^Việc của anh\/chị: \d+ đang mở, \d+ đã xong/);
    // Overdue first: the first task listed is overdue.
    expect(mine.split('\n')[1]).toMatch(/^🔴/);
    expect(mine).toContain('quá hạn');
    const detail = replyTo(t, 'nhiệm vụ II.6');
    expect(detail).toContain('Nhiệm vụ A.II.6 · 12-KH/TU');
    expect(detail).toContain('Xây dựng chiến lược phát triển hạ tầng số, ứng dụng, dịch vụ số');
    expect(detail).toContain('Tình trạng: đang triển khai trong hạn, 30%');
    expect(detail).toContain('Lịch sử cập nhật (1 lần gần nhất):');
    expect(detail).toContain('14/11/2025 · đang triển khai 30% · từ phụ lục Excel');
    const indicator = replyTo(t, 'nv 1.3');
    expect(indicator).toContain('Chỉ tiêu A.I.1.3');
    expect(indicator).toContain('Chỉ tiêu: >=60% năm 2025; thực tế: chưa có số liệu');
    expect(indicator).toContain('chưa đánh giá được');
  });

  it("a unit's tasks grouped by status, with and without diacritics", async () => {
    const t = await chat(db, 'Lê Minh Tuấn', ['đơn vị Cát Hải', 'don vi cat hai']);
    const a = replyTo(t, 'đơn vị Cát Hải');
    const b = replyTo(t, 'don vi cat hai');
    expect(a).toBe(b);
    expect(a).toMatch(/^Đặc khu Cát Hải: được giao 70 nhiệm vụ\/chỉ tiêu, đã hoàn thành \d+, quá hạn \d+/);
    const groups = a.split('\n').filter((l) => /^(🔴|🟠|🟢|⚪|✅) [A-ZĐ]/.test(l) && /\(\d+\)$/.test(l));
    expect(groups.map((g) => g.replace(/ \(\d+\)$/, ''))).toEqual(['🔴 Quá hạn', '🟢 Đang triển khai trong hạn', '⚪ Chưa triển khai', '✅ Đã hoàn thành']);
  });

  it('a collective task of the 2026 programme shows per-unit progress and its roll-up', async () => {
    // '1' is also the last part of A.II.1 and B.NV.1: the plan is asked, then its task shown
    const t = await chat(db, 'Lê Minh Tuấn', ['/nv 1', '1', 'nv 8', '1']);
    expect(replyTo(t, '/nv 1')).toContain('Có 3 nhiệm vụ số "1"');
    const one = replyTo(t, '1');
    expect(one).toContain('📋 Nhiệm vụ 1 · CTr-2026');
    expect(one).toContain('Tiến độ chung (Các cơ quan, đơn vị, địa phương): 5/48 đơn vị đã hoàn thành, 43 đơn vị quá hạn, 6 đơn vị đã báo cáo.');
    expect(one).toContain('✅ Đã hoàn thành (5): ');
    expect(one).toContain('Đặc khu Cát Hải');
    expect(one).toContain('🔴 Xã Tiên Lãng: quá hạn 80%');
    expect(one).toMatch(/🔴 Quá hạn, chưa báo cáo \(42\): .*Sở Tài chính/);
    const eight = replyTo(t, '1', true);
    expect(eight).toContain('Tiến độ chung (Các xã, phường, đặc khu): 0/26 đơn vị đã hoàn thành');
    expect(eight).toContain('🟢 Đặc khu Cát Hải: đang triển khai 50%');
  });

  it('an officer sees only her unit\'s share of a collective task', async () => {
    const t = await chat(db, 'Đinh Thị Thu', ['nv 1']);
    const one = replyTo(t, 'nv 1');
    expect(one).toContain('Đơn vị: Xã Tiên Lãng');
    expect(one).toContain('80%');
    expect(one).not.toContain('Sở Tài chính');
  });

  it('picks a task among several by number', async () => {
    const t = await chat(db, 'Lê Minh Tuấn', ['chỉ tiêu 2.1', 'nv 1', '2', 'nhiệm vụ II.1', 'chỉ tiêu II.1']);
    expect(replyTo(t, 'chỉ tiêu 2.1')).toContain('Chỉ tiêu A.I.2.1 · 12-KH/TU');
    const pick = replyTo(t, 'nv 1');
    expect(pick).toContain('Có 3 nhiệm vụ số "1"');
    expect(pick).toContain('1. 1 (CTr-2026)');
    expect(pick).toContain('2. A.II.1 (12-KH/TU)');
    expect(pick).toContain('3. B.NV.1 (238/KH-UBND)');
    expect(replyTo(t, '2')).toContain('Nhiệm vụ A.II.1 · 12-KH/TU');
    // the kind named settles it: the task A.II.1, the indicator B.CT.II.1
    expect(replyTo(t, 'nhiệm vụ II.1')).toContain('Nhiệm vụ A.II.1 · 12-KH/TU');
    expect(replyTo(t, 'chỉ tiêu II.1')).toContain('Chỉ tiêu B.CT.II.1 · 238/KH-UBND');
  });
});

describe('npm run console (a separate process, piped stdin)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nq57-console-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens the seeded embedded database and answers each line', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    const child = execFile('npx', ['tsx', 'bot/cli/console.ts', '--as', 'Đỗ Quang Huy', '--today', '2026-11-26'], { env, cwd: join(__dirname, '..', '..') });
    child.stdin!.end('việc của tôi\nnv 12\n');
    let out = '';
    child.stdout!.on('data', (c) => (out += String(c)));
    const code = await new Promise((r) => child.on('close', r));
    expect(code).toBe(0);
    expect(out).toContain('Trò chuyện với nq57-bot với tư cách Đỗ Quang Huy (hôm nay: 2026-11-26).');
    expect(replyTo(out, 'nv 12')).toContain('Nhiệm vụ 12 · CTr-2026');
    expect(replyTo(out, 'nv 12')).toContain('70%');
  }, 120_000);
});
