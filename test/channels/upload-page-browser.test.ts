/**
 * The upload page in a real browser: Debian's headless Chromium driven by
 * playwright-core (no browser download), a phone-sized viewport. Open the
 * link "gửi tệp" gave on Zalo, pick a workbook, send: the page confirms and
 * the preview arrives in the fake Zalo chat; the used link, and an expired
 * one, show a Vietnamese error. Screenshots go to out/test/upload-page/.
 * Without Chromium (CHROMIUM_PATH or /usr/bin/chromium) the test is skipped,
 * and its name says so; .ci/run installs Chromium.
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportProgressAppendix } from '../../bot/services/export.ts';
import { seedSampleData } from '../../bot/services/seed.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { linkIn, startUploadPage } from '../support/upload-page.ts';
import type { ZaloHarness } from '../support/zalo-harness.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
const OUT = fileURLToPath(new URL('../../out/test/upload-page/', import.meta.url));
const title = present
  ? 'the upload page in headless Chromium on a phone-sized screen'
  : `SKIPPED: the upload page in a real browser — Chromium is not installed at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;

describe.skipIf(!present)(title, () => {
  let db: TestDatabase;
  let h: ZaloHarness;
  let close: () => Promise<void>;
  let browser: Browser;
  const zid = 'f0e1d2c3b4a5f6e7d8c9';
  const phone = () => browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' });

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    const started = await startUploadPage(db);
    h = started.h;
    close = started.close;
    await h.linkAndAccept(zid, 'Trần Thị Hồng Nhung');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await close?.();
    await db?.destroy();
  });

  it('upload a workbook from a phone: the page confirms, the preview is in the Zalo chat; the link then shows it was used', async () => {
    const unit = await db.prisma.unit.findFirstOrThrow({ where: { name: 'Đặc khu Cát Hải' } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportProgressAppendix(db.prisma, { unitIds: [unit.id], asOf: '2026-11-26' })).data as never);
    const ws = wb.worksheets[0]!;
    ws.eachRow((row) => {
      if (String(row.getCell(2).value ?? '').startsWith('Xây dựng chiến lược phát triển hạ tầng số')) row.getCell(6).value = 'Đang triển khai (80%)';
    });
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const link = linkIn(await h.say(zid, 'gửi tệp'));

    const context = await phone();
    const page = await context.newPage();
    await page.goto(link);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 30_000 }).toBe('Gửi tệp Excel cho bot NQ57');
    expect(await page.locator('.who').textContent()).toContain('Trần Thị Hồng Nhung');
    // Fits the phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(OUT, '1-form.png'), fullPage: true });

    const before = h.zalo.sentTo(zid).length;
    await page.setInputFiles('#file', { name: 'phu-luc-cat-hai.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
    await page.getByRole('button', { name: 'Gửi tệp' }).click();
    await page.waitForSelector('.ok', { timeout: 60_000 });
    expect(await page.locator('.ok').textContent()).toContain('Đã nhận tệp "phu-luc-cat-hai.xlsx". Bản xem trước đã được gửi vào cuộc trò chuyện với bot');
    await page.screenshot({ path: join(OUT, '2-done.png'), fullPage: true });

    const preview = (await h.zalo.waitForMessages(zid, before + 1, 60_000)).slice(before).map((m) => m.text ?? '').join('\n');
    expect(preview).toContain('Phụ lục tiến độ Đặc khu Cát Hải ("phu-luc-cat-hai.xlsx"): 1 nhiệm vụ thay đổi');
    expect(preview).toContain('Tiến độ: 30% → 80%');
    expect(preview).toContain('1. Áp dụng');
    const [saved] = await h.say(zid, 'áp dụng');
    expect(saved).toContain('Đã lưu 1 cập nhật tiến độ của Đặc khu Cát Hải');

    await page.goto(link);
    expect(await page.locator('.error').textContent()).toContain('Đường dẫn này đã được dùng để gửi một tệp');
    await page.screenshot({ path: join(OUT, '3-used.png'), fullPage: true });
    await context.close();
  });

  it('an expired link shows a Vietnamese error and no form', async () => {
    const link = linkIn(await h.say(zid, 'gửi tệp'));
    h.clock.set(new Date(h.clock.now().getTime() + 2 * 3_600_000));
    const context = await phone();
    const page = await context.newPage();
    const res = await page.goto(link);
    expect(res?.status()).toBe(410);
    expect(await page.locator('.error').textContent()).toContain('Đường dẫn đã hết hạn');
    expect(await page.locator('input[type=file]').count()).toBe(0);
    await page.screenshot({ path: join(OUT, '4-expired.png'), fullPage: true });
    await context.close();
  });
});
