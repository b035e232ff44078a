/**
 * `npm run ask -- --json` and `npm run report` as separate processes on a
 * fresh embedded database (seeded with the sample data by the first run).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

function run(dir: string, args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile('npx', ['tsx', ...args], { env, cwd: root, maxBuffer: 10_000_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out: stdout, err: stderr }),
    );
  });
}

describe('npm run ask and npm run report (separate processes, embedded database)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nq57-ask-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ask --json prints the interpretation, the items and the totals', async () => {
    const r = await run(dir, ['bot/cli/ask.ts', '--as', 'Le Minh Tuan', '--today', '2026-11-26', '--json', 'qua han o cat hai']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({
      intent: 'LIST',
      statuses: ['OVERDUE'],
      units: [{ name: 'Đặc khu Cát Hải' }],
      window: null,
      plan: null,
      outcome: 'ANSWERED',
      scope: { label: 'Đặc khu Cát Hải' },
      totals: { matched: 8, total: 70, shown: 8, offset: 0 },
      counted: 'TASKS',
      ignored: [],
      hasMore: false,
    });
    expect(json.understood).toContain('đơn vị: Đặc khu Cát Hải');
    expect(json.items).toHaveLength(8);
    expect(Object.keys(json.items[0]).sort()).toEqual(
      ['type', 'plan', 'number', 'kind', 'title', 'unit', 'leadUnit', 'deadline', 'deadlineText', 'status', 'daysOverdue', 'percent', 'actualValue', 'lastUpdate', 'daysSinceUpdate', 'units'].sort(),
    );
    expect(json.items[0]).toMatchObject({ plan: '12-KH/TU', number: 'A.I.1.3', unit: 'Đặc khu Cát Hải', deadline: '2025-12-31', status: 'OVERDUE', daysOverdue: 330, lastUpdate: '2025-11-14' });
    expect(json.items.map((i: { number: string }) => i.number)).toEqual(['A.I.1.3', 'A.I.3.1', 'A.I.3.2', 'A.I.3.4', 'A.I.3.12', 'B.CT.II.1', '14', '15']);
  }, 180_000);

  it('report writes the appendix and the chart, and prints the summary', async () => {
    const out = join(dir, 'out');
    const r = await run(dir, ['bot/cli/report.ts', '--unit', 'Cát Hải', '--as-of', '2026-11-26', '--out-dir', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('TÓM TẮT TIẾN ĐỘ THỰC HIỆN NGHỊ QUYẾT 57-NQ/TW: Đặc khu Cát Hải, số liệu đến ngày 26/11/2026');
    expect(r.out).toContain('Tổng hợp: 1 đơn vị được giao 70 nhiệm vụ, đã hoàn thành 38 (54,3%), đang triển khai 9 trong hạn, 8 quá hạn, 15 chưa triển khai.');
    for (const f of ['phu-luc-tien-do-2026-11-26.xlsx', 'bieu-do-tien-do-2026-11-26.png']) {
      expect(existsSync(join(out, f))).toBe(true);
      expect(r.out).toContain(`Đã ghi ${join(out, f)}`);
    }
    expect(readFileSync(join(out, 'bieu-do-tien-do-2026-11-26.png')).subarray(1, 4).toString()).toBe('PNG');
  }, 180_000);
});
