/**
 * "gửi tệp" on the console: the link to the upload page (served on PORT when
 * PUBLIC_BASE_URL is set, as bot/cli/console.ts wires it), the preview printed
 * in the console, "1" applies. Real HTTP, real database.
 */
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChatService } from '../../bot/app.ts';
import { uploadDeliverer } from '../../bot/chat/upload-delivery.ts';
import { renderReply } from '../../bot/chat/render.ts';
import { writeReplies } from '../../bot/console/console.ts';
import { HttpRouter } from '../../bot/http/server.ts';
import { UPLOAD_PAGE_PREFIX, uploadPageHandler } from '../../bot/http/upload-page.ts';
import { i18n } from '../../bot/i18n.ts';
import { exportProgressAppendix } from '../../bot/services/export.ts';
import { seedSampleData } from '../../bot/services/seed.ts';
import type { Inbound } from '../../domain/chat/engine.ts';
import type { PersonRef } from '../../domain/people/types.ts';
import { FixedClock } from '../../domain/shared/clock.ts';
import { instantOf } from '../../domain/shared/day.ts';
import { PrismaTaskQueries } from '../../prisma/stores/task-queries.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { CALENDAR, DELIVERY, SETTINGS, silentLog } from '../support/telegram-harness.ts';

describe('"gửi tệp" on the console', () => {
  let db: TestDatabase;
  const router = new HttpRouter();
  let base = '';
  let person: PersonRef;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    const server = await router.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    person = (await new PrismaTaskQueries(db.prisma).findPeople('Tran Thi Hong Nhung'))[0]!;
  }, 120_000);
  afterAll(async () => {
    await router.close();
    await db.destroy();
  });

  it('hands out the link, prints the preview that the page sends, and applies on "1"', async () => {
    const tr = i18n();
    const clock = new FixedClock(instantOf('2026-11-26', 9));
    const chat = buildChatService({ prisma: db.prisma, clock, settings: SETTINGS, log: silentLog, tr, calendar: CALENDAR, delivery: DELIVERY, sheets: { maxBytes: 10 << 20, uploadPage: { publicBaseUrl: base, ttlMinutes: 60 } } });
    const say = async (text: string) => {
      const inbound: Inbound = { channel: 'CONSOLE', chatId: `console:${person.id}`, user: { externalId: `console:${person.id}` }, text, asPerson: person };
      return ((await chat.handle(inbound))?.replies ?? []).map((r) => renderReply(r, tr, 'vi', { numberChoices: true })).join('\n');
    };
    const output = new PassThrough();
    let printed = '';
    output.on('data', (c) => (printed += String(c)));
    const deliver = uploadDeliverer({ chat, senders: { CONSOLE: async (_chatId, replies) => writeReplies(output, replies, tr, 'vi') }, consolePerson: async () => person });
    const page = uploadPageHandler({ prisma: db.prisma, tr, maxBytes: 10 << 20, deliver, now: () => clock.now() });
    router.getPrefix(UPLOAD_PAGE_PREFIX, page).postPrefix(UPLOAD_PAGE_PREFIX, page);

    const answer = await say('gửi tệp');
    expect(answer).toContain('hết hạn sau 60 phút');
    expect(answer).not.toContain('Telegram');
    const link = /http:\S+\/u\/\S+/.exec(answer)![0];

    const unit = await db.prisma.unit.findFirstOrThrow({ where: { name: 'Đặc khu Cát Hải' } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportProgressAppendix(db.prisma, { unitIds: [unit.id], asOf: '2026-11-26' })).data as never);
    wb.worksheets[0]!.eachRow((row) => {
      if (String(row.getCell(2).value ?? '').startsWith('Bảo đảm an ninh mạng')) row.getCell(4).value = 'Báo cáo số 99/BC-UBND ngày 20/11/2026';
    });
    const form = new FormData();
    form.set('file', new Blob([Buffer.from(await wb.xlsx.writeBuffer())]), 'cat-hai.xlsx');
    const res = await fetch(link, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    expect(printed).toContain('Phụ lục tiến độ Đặc khu Cát Hải ("cat-hai.xlsx"): 1 nhiệm vụ thay đổi');
    expect(printed).toContain('Sản phẩm đầu ra: ');
    expect(printed).toContain('→ Báo cáo số 99/BC-UBND ngày 20/11/2026');
    expect(printed).toContain('1. Áp dụng');

    expect(await say('1')).toContain('Đã lưu 1 cập nhật tiến độ của Đặc khu Cát Hải');
    expect(await db.prisma.progressUpdate.count({ where: { channel: 'XLSX', reporterId: person.id } })).toBe(1);
  });
});
