/**
 * The command-line tools as an operator meets them: a mistyped `--as` lists
 * the close names, a long import says how far it got (lines on a terminal,
 * one summary line in a pipe or a log).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeNames } from '../../bot/cli/people.ts';
import { importProgress } from '../../bot/cli/progress.ts';
import { i18n } from '../../bot/i18n.ts';
import { CAT_HAI_XLSX } from '../support/samples.ts';

const root = join(__dirname, '..', '..');

function run(dir: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', ...args], { env, cwd: root, maxBuffer: 10_000_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: stdout, err: stderr }),
    );
  });
}

const people = ['Lê Minh Tuấn', 'Nguyễn Văn Hùng', 'Trần Thị Mai', 'Phạm Tuấn Anh'].map((fullName) => ({ fullName }));

describe('close names for an unknown --as', () => {
  it.each([
    ['Le Minh Tuna', ['Lê Minh Tuấn']],
    ['lê minh tuan', ['Lê Minh Tuấn']],
    ['Nguyen Van Hung', ['Nguyễn Văn Hùng']],
    ['Tran Thi Ma', ['Trần Thị Mai']],
    ['Tuan Ang', ['Phạm Tuấn Anh']],
    ['Xyz Qwerty', []],
  ])('"%s" → %j', (query, expected) => {
    expect(closeNames(query, people).map((p) => p.fullName)).toEqual(expected);
  });
});

describe('import progress', () => {
  const tr = i18n();
  const feed = (p: ReturnType<typeof importProgress>) => {
    p.onProgress({ stage: 'read', rows: 120 });
    p.onProgress({ stage: 'checked', rows: 100 });
    for (let i = 1; i <= 100; i++) p.onProgress({ stage: 'written', rows: i, total: 100 });
    p.finish();
  };

  it('on a terminal: a line per stage, written lines at most once a second and the last one', () => {
    const lines: string[] = [];
    let t = 0;
    feed(importProgress({ isTTY: true, write: (s: string) => lines.push(s) }, tr, 'vi', () => (t += 30)));
    expect(lines[0]).toBe('Đã đọc 120 dòng.\n');
    expect(lines[1]).toBe('Đã kiểm tra 100 dòng.\n');
    expect(lines.at(-1)).toBe('Đã ghi 100/100 dòng.\n');
    // 100 rows 30 ms apart: about 3 s of writing, so a handful of lines, not 100.
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.length).toBeLessThan(10);
  });

  it('in a pipe or a log: one summary line', () => {
    const lines: string[] = [];
    const times = [1_000, 7_140];
    feed(importProgress({ isTTY: false, write: (s: string) => lines.push(s) }, tr, 'vi', () => times.shift()!));
    expect(lines).toEqual(['Đã đọc 120 dòng, kiểm tra 100 dòng, ghi 100 dòng trong 6,1 giây.\n']);
  });
});

describe('npm run ask and npm run import as processes (embedded database)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nq57-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a mistyped --as lists the close names, in Vietnamese, with exit code 2', async () => {
    const r = await run(dir, ['bot/cli/ask.ts', '--as', 'Le Minh Tuna', 'qua han']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Không tìm thấy người "Le Minh Tuna". Có phải là:');
    expect(r.err).toContain('--as "Lê Minh Tuấn"');
    expect(r.out).toBe('');
  }, 600_000);

  it('an import into a pipe prints one summary line of rows read, checked and written', async () => {
    const r = await run(dir, ['bot/cli/import.ts', CAT_HAI_XLSX, '--dry-run', '--unit', 'Đặc khu Cát Hải']);
    expect(r.code).toBe(0);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Đã đọc \d+ dòng, kiểm tra \d+ dòng, ghi \d+ dòng trong [\d,]+ giây\.$/);
    const [, read, checked, written] = lines[0]!.match(/(\d+) dòng, kiểm tra (\d+) dòng, ghi (\d+)/)!.map(Number);
    expect(checked).toBeGreaterThan(0);
    expect(read).toBeGreaterThanOrEqual(checked!);
    expect(written).toBe(checked);
    expect(r.out).toContain('Chạy thử (--dry-run)');
  }, 600_000);
});
