import { createCanvas, loadImage } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReply } from '../../bot/chat/render.ts';
import { CHART_COLORS, chartFont, renderProgressChart } from '../../bot/files/chart.ts';
import { readSheets } from '../../bot/files/read-sheet.ts';
import { i18n } from '../../bot/i18n.ts';
import { importBytes } from '../../bot/services/import.ts';
import { buildReport, type ReportDeps } from '../../bot/services/report.ts';
import { seedSampleData } from '../../bot/services/seed.ts';
import type { PersonRef } from '../../domain/people/types.ts';
import { PrismaTaskQueries } from '../../prisma/stores/task-queries.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

const tr = i18n();
const text = (r: Parameters<typeof renderReply>[0]) => renderReply(r, tr, 'vi');

/** Pixels of a PNG that differ from white, and the colours present. */
async function pixels(png: Uint8Array): Promise<{ width: number; height: number; ink: number; colours: Set<string> }> {
  const img = await loadImage(Buffer.from(png));
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const { data } = ctx.getImageData(0, 0, img.width, img.height);
  let ink = 0;
  const colours = new Set<string>();
  for (let i = 0; i < data.length; i += 4) {
    if (data[i]! < 250 || data[i + 1]! < 250 || data[i + 2]! < 250) ink++;
    colours.add(`#${[data[i]!, data[i + 1]!, data[i + 2]!].map((v) => v.toString(16).padStart(2, '0')).join('')}`);
  }
  return { width: img.width, height: img.height, ink, colours };
}

describe('the quarterly report (appendix, summary, chart)', () => {
  let db: TestDatabase;
  let deps: ReportDeps;
  let person: (name: string) => Promise<PersonRef>;
  let unitId: (name: string) => Promise<number>;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    deps = { prisma: db.prisma, tr, status: { dueSoonDays: 7 } };
    const queries = new PrismaTaskQueries(db.prisma);
    person = async (name) => (await queries.findPeople(name))[0]!;
    unitId = async (name) => (await db.prisma.unit.findFirstOrThrow({ where: { name } })).id;
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('city-wide: the summary reads like the city reports, with files as a document and a photo', async () => {
    const r = await buildReport(deps, { unitIds: null, asOf: '2026-11-26', person: await person('Lê Minh Tuấn'), actor: 'test' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = text(r.summary);
    expect(s).toContain('TÓM TẮT TIẾN ĐỘ THỰC HIỆN NGHỊ QUYẾT 57-NQ/TW: toàn thành phố, số liệu đến ngày 26/11/2026');
    expect(s).toContain('Tổng hợp: 48 đơn vị được giao 870 nhiệm vụ, đã hoàn thành 42 (4,8%), đang triển khai 11 trong hạn, 149 quá hạn, 668 chưa triển khai.');
    expect(s).toContain('   12-KH/TU: được giao 34, đã hoàn thành 21 (61,8%), trong hạn 6, quá hạn 5, chưa triển khai 2');
    expect(s).toContain('   CTr-2026: được giao 816, đã hoàn thành 5 (0,6%), trong hạn 3, quá hạn 143, chưa triển khai 665');
    expect(s).toContain('Đơn vị có nhiều nhiệm vụ quá hạn nhất:\n   Đặc khu Cát Hải: 8 quá hạn / 70\n   Ban Nội chính Thành ủy: 4 quá hạn / 20\n   Ban Tổ chức Thành ủy: 4 quá hạn / 21');
    expect(s).toContain('Cập nhật trong tháng 11/2026: 0/828 nhiệm vụ đang mở (0%), chưa đạt yêu cầu ít nhất 90%; 48/48 đơn vị chưa đạt.');
    // no report before: "new" counts from the start of the quarter
    expect(s).toContain('Khó khăn, vướng mắc mới từ đầu quý (từ ngày 01/10/2026): 3');
    expect(s).toContain('   Sở Tài chính, nhiệm vụ 13 (CTr-2026), 31/10/2026: Vướng quy định về định mức chi');
    expect(s).toContain('Đề xuất, kiến nghị mới từ đầu quý (từ ngày 01/10/2026): 2');
    expect(r.reply.files?.map((f) => [f.kind, f.fileName, f.mime])).toEqual([
      ['document', 'phu-luc-tien-do-2026-11-26.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['photo', 'bieu-do-tien-do-2026-11-26.png', 'image/png'],
    ]);
    const runs = await db.prisma.auditLog.findMany({ where: { action: 'report' } });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ entity: 'Report', entityId: 'units:all|plan:all', actor: 'test', data: { asOf: '2026-11-26', since: '2026-09-30' } });
  });

  it('the exported appendix re-imports to the same data: nothing changes', async () => {
    const r = await buildReport(deps, { unitIds: null, asOf: '2026-11-26' });
    if (!r.ok) throw new Error('no report');
    const updates = await db.prisma.progressUpdate.count();
    const grids = await readSheets(r.xlsx.data, r.xlsx.fileName);
    expect(grids.length).toBe(48);
    const outcome = await importBytes(db.prisma, r.xlsx.data, r.xlsx.fileName, { today: '2026-11-26', actor: 'test' });
    expect(outcome.problems).toEqual([]);
    expect(outcome.ok).toBe(true);
    expect(outcome.summary).toMatchObject({ tasksCreated: 0, tasksChanged: 0, updatesCreated: 0, unitsCreated: 0, unitsChanged: 0, plansCreated: 0, assignmentsCreated: 0 });
    expect(await db.prisma.progressUpdate.count()).toBe(updates);
  });

  it('one unit and one plan: only that plan in the appendix, re-importable', async () => {
    const catHai = await unitId('Đặc khu Cát Hải');
    const plan = await db.prisma.plan.findFirstOrThrow({ where: { code: '12-KH/TU' } });
    const r = await buildReport(deps, { unitIds: [catHai], planId: plan.id, asOf: '2026-11-26', person: await person('Phạm Văn Đức') });
    if (!r.ok) throw new Error('no report');
    const s = text(r.summary);
    expect(s).toContain('TÓM TẮT TIẾN ĐỘ THỰC HIỆN NGHỊ QUYẾT 57-NQ/TW: Đặc khu Cát Hải, kế hoạch 12-KH/TU, số liệu đến ngày 26/11/2026');
    expect(s).toContain('Tổng hợp: 1 đơn vị được giao 34 nhiệm vụ, đã hoàn thành 21 (61,8%), đang triển khai 6 trong hạn, 5 quá hạn, 2 chưa triển khai.');
    expect(s).not.toContain('Đơn vị có nhiều nhiệm vụ quá hạn nhất');
    const grids = await readSheets(r.xlsx.data, r.xlsx.fileName);
    expect(grids).toHaveLength(1);
    // items carry a deadline (column C) below the header rows; headings are merged B:I (read back as copies of B)
    const items = grids[0]!.rows.slice(8).filter((row) => String(row[2] ?? '').trim() !== '' && row[2] !== row[1]);
    expect(items).toHaveLength(34);
    const outcome = await importBytes(db.prisma, r.xlsx.data, r.xlsx.fileName, { today: '2026-11-26', actor: 'test' });
    expect(outcome.problems).toEqual([]);
    expect(outcome.summary).toMatchObject({ tasksCreated: 0, tasksChanged: 0, updatesCreated: 0 });
  });

  it('"new since the last report": a second report counts only what came after the first', async () => {
    // a progress appendix dated 10/12/2026: Sở Tài chính changes its difficulty, Cát Hải repeats its own
    const csv = [
      'STT,Tên nhiệm vụ,Thời gian hoàn thành theo kế hoạch,Sản phẩm đầu ra,Đã hoàn thành (đánh dấu X),Đang triển khai (tỷ lệ % hoàn thành),Dự kiến thời gian hoàn thành,"Khó khăn, vướng mắc","Đề xuất, kiến nghị",Đơn vị báo cáo',
      'II,"Về hoàn thiện thể chế, chính sách"',
      '13,Tham mưu thành lập Tổ công tác về thu hút đầu tư công nghệ cao và đổi mới sáng tạo của thành phố (do đồng chí Chủ tịch Ủy ban nhân dân thành phố làm Tổ trưởng),Quý I/2026,Dự thảo Quyết định,,Đang triển khai (75%),Tháng 12/2026,Chưa có hướng dẫn của Bộ Tài chính,Đề nghị Bộ Tài chính hướng dẫn,Sở Tài chính',
    ].join('\n');
    const outcome = await importBytes(db.prisma, new TextEncoder().encode(csv), 'tien-do-12.csv', { plan: 'CTr-2026', asOf: '2026-12-10', today: '2026-12-10', actor: 'test' });
    expect(outcome.problems).toEqual([]);
    expect(outcome.summary.updatesCreated).toBe(1);
    const r = await buildReport(deps, { unitIds: null, asOf: '2026-12-15' });
    if (!r.ok) throw new Error('no report');
    expect(r.since).toBe('2026-11-26');
    const s = text(r.summary);
    expect(s).toContain('Khó khăn, vướng mắc mới từ sau báo cáo trước (từ ngày 27/11/2026): 1\n   Sở Tài chính, nhiệm vụ 13 (CTr-2026), 10/12/2026: Chưa có hướng dẫn của Bộ Tài chính');
    // the proposal is the one already known: not new
    expect(s).toContain('Không có đề xuất, kiến nghị mới từ sau báo cáo trước (từ ngày 27/11/2026).');
    expect(s).toContain('Cập nhật trong tháng 12/2026: 1/828 nhiệm vụ đang mở (0,1%)');
    // a report as of an earlier day still shows that day's state
    const before = await buildReport(deps, { unitIds: null, asOf: '2026-11-26' });
    if (!before.ok) throw new Error('no report');
    expect(text(before.summary)).toContain('Tổng hợp: 48 đơn vị được giao 870 nhiệm vụ, đã hoàn thành 42 (4,8%)');
    expect(before.since).toBe('2026-09-30');
  });

  it('scope: a unit leader reports on their unit; an officer cannot report on another unit', async () => {
    const leader = await buildReport(deps, { unitIds: null, asOf: '2026-11-26', person: await person('Phạm Văn Đức') });
    if (!leader.ok) throw new Error('no report');
    expect(text(leader.summary)).toContain(': Đặc khu Cát Hải, số liệu đến ngày 26/11/2026');
    expect(leader.figures.units.map((u) => u.unit)).toEqual(['Đặc khu Cát Hải']);
    const officer = await buildReport(deps, { unitIds: [await unitId('Sở Nội vụ')], asOf: '2026-11-26', person: await person('Trần Thị Hồng Nhung') });
    expect(officer.ok).toBe(false);
    expect(text(officer.reply)).toBe('Xin lỗi, anh/chị không có quyền xem thông tin của Sở Nội vụ. Anh/chị có thể hỏi về các đơn vị thuộc phạm vi của mình.');
    const resident = await buildReport(deps, { unitIds: null, asOf: '2026-11-26', person: { id: 999, fullName: 'Người dân', unitId: null, roles: ['RESIDENT'] } });
    expect(resident.ok).toBe(false);
  });

  it('the chart: one bar per unit, Vietnamese labels in a font that has them, many drawn pixels', async () => {
    const r = await buildReport(deps, { unitIds: null, asOf: '2026-11-26' });
    if (!r.ok) throw new Error('no report');
    const font = chartFont();
    expect(font.regular.path).not.toBeNull();
    const png = r.chart.data;
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const p = await pixels(png);
    // 40 of the 48 units (most overdue first), 30 px each, under a title and legend
    expect(p.width).toBe(1200);
    expect(p.height).toBeGreaterThan(40 * 30);
    expect(p.height).toBeLessThan(40 * 30 + 400);
    expect(p.ink / (p.width * p.height)).toBeGreaterThan(0.2);
    for (const c of [CHART_COLORS.done, CHART_COLORS.overdue, CHART_COLORS.notStarted, CHART_COLORS.inProgress]) expect(p.colours.has(c)).toBe(true);
  });

  it('draws Vietnamese text with its marks: a label with diacritics differs from the same label without', async () => {
    const legend = { done: 'a', inProgress: 'b', overdue: 'c', notStarted: 'd' };
    const bar = { done: 1, inProgress: 1, overdue: 1, notStarted: 1 };
    const marked = await renderProgressChart([{ label: 'Đặc khu Cát Hải ệ ở ữ', ...bar }], { title: 'Tiến độ', legend });
    const plain = await renderProgressChart([{ label: 'Dac khu Cat Hai e o u', ...bar }], { title: 'Tien do', legend });
    const a = await pixels(marked);
    const b = await pixels(plain);
    expect(a.ink).toBeGreaterThan(b.ink);
  });
});
