/**
 * Dates in workbooks: an impossible day is a row-level error (nothing
 * written), a vague deadline is kept as text with a warning in the summary,
 * and the summary says which day progress figures speak about and why.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../bot/i18n.ts';
import { describeOutcome, importBytes, importFile } from '../../bot/services/import.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { CAT_HAI_XLSX, PROGRAMME_XLSX } from '../support/samples.ts';

const tr = i18n();
const opts = { today: '2026-03-01', actor: 'test' } as const;

/** The programme workbook with the deadline cell of task `no` replaced. */
async function programmeWith(no: string, deadline: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(PROGRAMME_XLSX);
  let done = false;
  wb.eachSheet((ws) => {
    let deadlineCol = 0;
    ws.eachRow((row) => {
      row.eachCell((c, col) => {
        if (/^Thời gian/i.test(String(c.value ?? ''))) deadlineCol = col;
      });
      if (!done && deadlineCol && String(row.getCell(1).value ?? '').trim().replace(/\.$/, '') === no) {
        row.getCell(deadlineCol).value = deadline;
        done = true;
      }
    });
  });
  expect(done).toBe(true);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Cát Hải's appendix (which states no date), with `line` written in its empty second title row. */
async function catHaiWithTitleLine(line: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(CAT_HAI_XLSX);
  wb.worksheets[0]!.getRow(2).getCell(1).value = line;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Cát Hải's appendix with the "Dự kiến …" (expected completion) cell of its first item (1.1) replaced. */
async function catHaiWithExpected(value: string): Promise<{ bytes: Uint8Array; row: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(CAT_HAI_XLSX);
  const ws = wb.worksheets[0]!;
  let col = 0;
  let target = 0;
  ws.eachRow((row, n) => {
    row.eachCell((c, i) => {
      if (!col && /^Dự kiến/i.test(String(c.value ?? '').trim())) col = i;
    });
    if (col && !target && n > 1 && /^\d+\.\d+$/.test(String(row.getCell(1).value ?? '').trim())) target = n;
  });
  expect(col && target).toBeTruthy();
  ws.getRow(target).getCell(col).value = value;
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), row: target };
}

describe('dates in an imported workbook', () => {
  let db: TestDatabase;
  const dueOfTask1 = async () => (await db.prisma.task.findFirstOrThrow({ where: { number: '1', plan: { code: { contains: '2026' } } } })).deadlineDate?.toISOString() ?? null;

  beforeAll(async () => {
    db = await createTestDatabase();
    const first = await importFile(db.prisma, PROGRAMME_XLSX, opts);
    expect(first.ok).toBe(true);
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('a deadline of 31/02/2026 is refused by row and the stored deadline stays', async () => {
    const before = await dueOfTask1();
    expect(before).not.toBeNull();
    const updates = await db.prisma.task.count();
    const outcome = await importBytes(db.prisma, await programmeWith('1', '31/02/2026'), 'ctr.xlsx', opts);
    expect(outcome.ok).toBe(false);
    expect(outcome.problems.map((p) => p.code)).toEqual(['bad-deadline']);
    const text = describeOutcome(outcome, tr);
    expect(text).toMatch(/^Không nhập tệp này/);
    expect(text).toContain('thời hạn "31/02/2026" không phải ngày có thật');
    expect(await dueOfTask1()).toBe(before);
    expect(await db.prisma.task.count()).toBe(updates);
  });

  it.each(['Tháng 13/2026', 'Trước ngày 30/4/20226', 'Quý 5/2026', '2026-02-30'])('"%s" is refused too', async (deadline) => {
    const outcome = await importBytes(db.prisma, await programmeWith('1', deadline), 'ctr.xlsx', opts);
    expect(outcome.problems.map((p) => p.code)).toEqual(['bad-deadline']);
  });

  it('a vague deadline is kept as text and listed as a warning in the summary', async () => {
    const outcome = await importBytes(db.prisma, await programmeWith('1', 'Theo chỉ đạo của Thành ủy'), 'ctr.xlsx', { ...opts, dryRun: true });
    expect(outcome.ok).toBe(true);
    expect(outcome.flaggedDeadlines).toEqual([expect.objectContaining({ text: 'Theo chỉ đạo của Thành ủy' })]);
    expect(describeOutcome(outcome, tr)).toContain('Lưu ý: 1 thời hạn không phải ngày cụ thể');
  });

  it('an impossible expected completion date refuses the row, named by row and column, and writes nothing', async () => {
    const updates = await db.prisma.progressUpdate.count();
    const { bytes, row } = await catHaiWithExpected('31/04/2026');
    const outcome = await importBytes(db.prisma, bytes, 'cat-hai.xlsx', opts);
    expect(outcome.ok).toBe(false);
    expect(outcome.problems.map((p) => [p.code, p.row])).toEqual([['bad-date', row]]);
    const text = describeOutcome(outcome, tr);
    expect(text).toContain('ngày "31/04/2026" không phải ngày có thật');
    expect(text).toMatch(/Dự kiến/i);
    expect(await db.prisma.progressUpdate.count()).toBe(updates);
  });

  it.each([
    ['Thường xuyên', 'CONTINUOUS', null],
    ['Năm 2025-2030', 'ONCE', '2030-12-31'],
  ])('a known open-ended deadline "%s" is kept with its text and meaning, not refused', async (deadline, rhythm, due) => {
    const outcome = await importBytes(db.prisma, await programmeWith('1', deadline), 'ctr.xlsx', opts);
    expect(outcome.ok).toBe(true);
    const task = await db.prisma.task.findFirstOrThrow({ where: { number: '1', plan: { code: { contains: '2026' } } } });
    expect([task.deadlineText, task.rhythm, task.deadlineDate?.toISOString().slice(0, 10) ?? null]).toEqual([deadline, rhythm, due]);
  });

  it('an appendix without "số liệu đến ngày" says it used today', async () => {
    const outcome = await importFile(db.prisma, CAT_HAI_XLSX, { ...opts, dryRun: true });
    expect(outcome.ok).toBe(true);
    expect(outcome.asOf).toEqual({ day: '2026-03-01', source: 'today' });
    expect(describeOutcome(outcome, tr)).toContain('tính đến hôm nay, 01/03/2026: tệp không ghi "số liệu đến ngày');
  });

  it('an impossible "số liệu đến ngày" is refused', async () => {
    const bytes = await catHaiWithTitleLine('(Số liệu đến ngày 31/11/2025)');
    const outcome = await importBytes(db.prisma, bytes, 'cat-hai.xlsx', opts);
    expect(outcome.ok).toBe(false);
    expect(outcome.problems.map((p) => p.code)).toContain('bad-as-of');
  });

  it('the file\'s date is named when it has one', async () => {
    const outcome = await importBytes(db.prisma, await catHaiWithTitleLine('(Số liệu đến ngày 14/11/2025)'), 'cat-hai.xlsx', { ...opts, dryRun: true });
    expect(outcome.asOf).toEqual({ day: '2025-11-14', source: 'file' });
    expect(describeOutcome(outcome, tr)).toMatch(/tính đến ngày \d\d\/\d\d\/\d{4} \(theo dòng "số liệu đến ngày"/);
  });
});
