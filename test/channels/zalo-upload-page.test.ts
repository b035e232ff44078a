/**
 * Zalo cannot send files to a bot: "gửi tệp" hands out a one-time upload
 * page, served by the bot's HTTP server; the preview comes back in the Zalo
 * chat and "1" (Áp dụng) saves. Real HTTP (fetch, multipart), the fake Zalo
 * Bot API, a real database.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleData } from '../../bot/services/seed.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { linkIn, MAX_BYTES, startUploadPage } from '../support/upload-page.ts';
import type { ZaloHarness } from '../support/zalo-harness.ts';

const NHUNG = 'Trần Thị Hồng Nhung';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('the upload page for Zalo (real HTTP, fake Zalo Bot API, real database)', () => {
  let db: TestDatabase;
  let h: ZaloHarness;
  let close: () => Promise<void>;
  const zid = 'a1b2c3d4e5f6a7b8c9d0';

  const post = (url: string, bytes: Uint8Array, name = 'phu-luc.xlsx') => {
    const form = new FormData();
    form.set('file', new Blob([Buffer.from(bytes)], { type: XLSX }), name);
    return fetch(url, { method: 'POST', body: form });
  };
  /** The unit's appendix as Zalo delivers it (a link), with one row edited. */
  const editedAppendix = async (difficulties: string) => {
    const url = linkIn(await h.say(zid, '/phuluc', 2), 'files');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await (await fetch(url)).arrayBuffer()) as never);
    const ws = wb.worksheets[0]!;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      if (String(row.getCell(2).value ?? '').startsWith('Xây dựng chiến lược phát triển hạ tầng số')) row.getCell(8).value = difficulties;
    }
    return new Uint8Array(await wb.xlsx.writeBuffer());
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    const started = await startUploadPage(db);
    h = started.h;
    close = started.close;
    await h.linkAndAccept(zid, NHUNG);
  }, 120_000);
  afterAll(async () => {
    await close();
    await db.destroy();
  });

  it('"gửi tệp" → link → page → upload → preview in the Zalo chat → "1" saves; the link works once', async () => {
    const [answer] = await h.say(zid, 'gui tep');
    expect(answer).toContain('chỉ dùng được một lần, cho riêng anh/chị, và hết hạn sau 60 phút');
    const link = linkIn([answer!]);

    const form = await fetch(link);
    expect(form.status).toBe(200);
    expect(form.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await form.text();
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('Người gửi: Trần Thị Hồng Nhung');
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).not.toContain('<script');

    const bytes = await editedAppendix('Chờ kinh phí năm 2027');
    const before = h.zalo.sentTo(zid).length;
    const done = await post(link, bytes);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Đã nhận tệp "phu-luc.xlsx". Bản xem trước đã được gửi vào cuộc trò chuyện với bot');
    const [preview] = (await h.zalo.waitForMessages(zid, before + 1, 60_000)).slice(before).map((m) => m.text ?? '');
    expect(preview).toContain('Phụ lục tiến độ Đặc khu Cát Hải ("phu-luc.xlsx"): 1 nhiệm vụ thay đổi');
    expect(preview).toContain('Khó khăn, vướng mắc: — → Chờ kinh phí năm 2027');
    expect(preview).toMatch(/1\. Áp dụng/);
    expect(preview).toMatch(/2\. Huỷ/);
    expect(await db.prisma.progressUpdate.count({ where: { channel: 'XLSX' } })).toBe(0);

    const [saved] = await h.say(zid, '1');
    expect(saved).toContain('Đã lưu 1 cập nhật tiến độ của Đặc khu Cát Hải');
    const update = await db.prisma.progressUpdate.findFirstOrThrow({ where: { channel: 'XLSX' }, include: { reporter: true } });
    expect(update).toMatchObject({ difficulties: 'Chờ kinh phí năm 2027' });
    expect(update.reporter?.fullName).toBe(NHUNG);
    expect(await db.prisma.upload.findFirstOrThrow({ where: { state: 'APPLIED' } })).toMatchObject({ channel: 'ZALO', chatId: zid, fileName: 'phu-luc.xlsx' });

    // Used: the page and a second upload both say so in Vietnamese, and nothing more is saved.
    const reused = await fetch(link);
    expect(reused.status).toBe(410);
    expect(await reused.text()).toContain('Đường dẫn này đã được dùng để gửi một tệp');
    const again = await post(link, bytes);
    expect(again.status).toBe(410);
    expect(await db.prisma.progressUpdate.count({ where: { channel: 'XLSX' } })).toBe(1);
  });

  it('an expired link, an unknown token, a wrong content type, an empty form and a file too big are refused in Vietnamese', async () => {
    const link = linkIn(await h.say(zid, 'gửi tệp'));
    expect((await fetch(link.replace(/u\/.{32}$/, `u/${'x'.repeat(32)}`))).status).toBe(404);
    const json = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(415);
    expect(await json.text()).toContain('Yêu cầu không hợp lệ');
    const empty = await fetch(link, { method: 'POST', body: new FormData() });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Chưa chọn tệp');
    const big = await post(link, new Uint8Array(MAX_BYTES + 1));
    expect(big.status).toBe(413);
    expect(await big.text()).toContain('Tệp quá lớn: bot chỉ nhận tệp đến 10 MB');
    // Those did not use the link up; time does.
    expect((await fetch(link)).status).toBe(200);
    h.clock.set(new Date(h.clock.now().getTime() + 61 * 60_000));
    const expired = await fetch(link);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('Đường dẫn đã hết hạn');
    expect((await post(link, new Uint8Array([0x50, 0x4b, 3, 4]))).status).toBe(410);
    expect(await db.prisma.upload.count({ where: { receivedAt: { not: null } } })).toBe(1);
  });

  it('a file that is not a workbook, sent through the page, is refused in the chat and changes nothing', async () => {
    const link = linkIn(await h.say(zid, 'gửi tệp'));
    const before = h.zalo.sentTo(zid).length;
    expect((await post(link, new TextEncoder().encode('không phải excel'), 'ghi-chu.xlsx')).status).toBe(200);
    const [reply] = (await h.zalo.waitForMessages(zid, before + 1, 60_000)).slice(before).map((m) => m.text ?? '');
    expect(reply).toContain('"ghi-chu.xlsx" không phải bảng tính Excel (.xlsx)');
    expect(reply).toContain('Không có gì thay đổi.');
    expect(await db.prisma.progressUpdate.count({ where: { channel: 'XLSX' } })).toBe(1);
  });
});
