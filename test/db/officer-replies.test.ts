/**
 * Officer replies on Telegram through the conversation service on a real
 * database (issue 10, kind 8; issue 11, long pastes): what the bot could not
 * read is shown in the summary; two numbers are asked back with both shown;
 * a long pasted report gets one summary of every field, found or not; a long
 * paste with a problem says it once and what was read; nothing is saved
 * before "✅ Lưu".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChatService } from '../../bot/app.ts';
import { renderReply } from '../../bot/chat/render.ts';
import { i18n } from '../../bot/i18n.ts';
import { createInvite } from '../../bot/services/invite.ts';
import { seedSampleData } from '../../bot/services/seed.ts';
import type { Inbound } from '../../domain/chat/engine.ts';
import type { PersonRef } from '../../domain/people/types.ts';
import { FixedClock } from '../../domain/shared/clock.ts';
import { instantOf } from '../../domain/shared/day.ts';
import { PrismaTaskQueries } from '../../prisma/stores/task-queries.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { CALENDAR, DELIVERY, SETTINGS, silentLog } from '../support/telegram-harness.ts';

const SAVED = 'Đã lưu cập nhật nhiệm vụ A.II.6';

describe('officer replies on Telegram, read back before saving', () => {
  let db: TestDatabase;
  let nhung: PersonRef;
  const tr = i18n();
  let n = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    nhung = (await new PrismaTaskQueries(db.prisma).findPeople('Trần Thị Hồng Nhung'))[0]!;
  }, 300_000);
  afterAll(async () => {
    await db?.destroy();
  });

  /** A Telegram chat of its own, linked to Nhung; `press` is a button of the last prompt shown. */
  async function telegram() {
    const clock = new FixedClock(instantOf('2026-11-26', 9));
    const service = buildChatService({ prisma: db.prisma, clock, settings: SETTINGS, log: silentLog, tr, calendar: CALENDAR, delivery: DELIVERY });
    const id = `or${++n}`;
    const base: Inbound = { channel: 'TELEGRAM', chatId: id, user: { externalId: id }, buttons: true };
    let promptId: string | undefined;
    const send = async (message: Partial<Inbound>) => {
      const out = await service.handle({ ...base, ...message });
      promptId = [...(out?.replies ?? [])].reverse().find((r) => r.choices?.length)?.promptId ?? promptId;
      return (out?.replies ?? []).map((r) => renderReply(r, tr, 'vi', { numberChoices: false })).join('\n---\n');
    };
    const say = (text: string) => send({ text });
    const press = (choiceId: string) => send({ choiceId, ...(promptId ? { promptId } : {}) });
    const { code } = await createInvite(db.prisma, nhung.id, { ttlHours: 72, now: clock.now(), createdBy: 'test' });
    await say(code);
    await say('đồng ý');
    return { say, press };
  }

  const latest = () => db.prisma.progressUpdate.findFirstOrThrow({ orderBy: { id: 'desc' } });
  const count = () => db.prisma.progressUpdate.count();

  it('a part it could not read is shown in the summary ("Chưa đọc được"); saved only on ✅ Lưu', async () => {
    const { say, press } = await telegram();
    const before = await count();
    const summary = await say('nv A.II.6: 50%, xyz');
    expect(summary).toContain('Tình trạng: đang triển khai (50%)');
    expect(summary).toContain('Chưa đọc được: "xyz"');
    expect(await count()).toBe(before);
    expect(await press('f:save')).toContain(SAVED);
    expect(await count()).toBe(before + 1);
    expect((await latest()).percent).toBe(50);
  });

  it('two numbers: the ask-back shows both as buttons, the one pressed is saved', async () => {
    const { say, press } = await telegram();
    const before = await count();
    const ask = await say('nv A.II.6: 20% hay 35%');
    expect(ask).toContain('Tôi thấy hai con số 20% và 35%, con số nào là tiến độ hiện nay?');
    expect(await count()).toBe(before);
    expect(await press('f:pc:35')).toContain('Tình trạng: đang triển khai (35%)');
    expect(await press('f:save')).toContain(SAVED);
    expect((await latest()).percent).toBe(35);
  });

  it('a long pasted report: every field once, found or not, then saved as read', async () => {
    const { say, press } = await telegram();
    const paste = [
      'Kính gửi anh, em xin báo cáo tiến độ nhiệm vụ A.II.6 như sau:',
      '1. Tiến độ: đã hoàn thành dự thảo chiến lược, đạt 60%.',
      '2. Khó khăn: chưa được bố trí kinh phí năm 2026, thiếu cán bộ chuyên trách.',
      '3. Đề xuất: không',
      '4. Dự kiến hoàn thành quý II/2026.',
    ].join('\n');
    const summary = await say(paste);
    expect(summary).toContain('Tình trạng: đang triển khai (60%)');
    expect(summary).toContain('Khó khăn, vướng mắc: Chưa được bố trí kinh phí năm 2026, thiếu cán bộ chuyên trách');
    expect(summary).toContain('Dự kiến hoàn thành: quý II/2026');
    expect(summary).toContain('Sản phẩm: không thấy trong tin nhắn');
    expect(summary).toContain('Đề xuất, kiến nghị: không có');
    expect(summary.match(/Khó khăn, vướng mắc/g)).toHaveLength(1);
    expect(summary).not.toContain('Như sau');
    expect(await press('f:save')).toContain(SAVED);
    const u = await latest();
    expect(u.percent).toBe(60);
    expect(u.difficulties).toBe('Chưa được bố trí kinh phí năm 2026, thiếu cán bộ chuyên trách');
    expect(u.expectedCompletionText).toBe('quý II/2026');
    expect(u.originalText).toBe(paste);
  });

  it('a long paste with a problem in many clauses: the problem once, what was read, nothing saved', async () => {
    const { say } = await telegram();
    const before = await count();
    const paste = [...Array.from({ length: 12 }, (_, i) => `mục ${i + 1}: đạt abc%`), 'khó khăn: thiếu kinh phí', 'qwerty asdf'].join('\n');
    const said = await say(paste);
    expect(said.split('Tôi không đọc được tỷ lệ phần trăm')).toHaveLength(2);
    expect(said).toContain('gặp ở 12 chỗ');
    expect(said).toContain('Những gì tôi đọc được trong tin nhắn:');
    expect(said).toContain('Khó khăn, vướng mắc: Thiếu kinh phí');
    expect(said).toContain('Chưa đọc được: "qwerty asdf"');
    expect(said).toContain('Chưa có gì được lưu');
    expect(await count()).toBe(before);
  });

  it('spoken forms and shorthand without diacritics are read the same', async () => {
    const { say, press } = await telegram();
    const summary = await say('nv A.II.6 tien do bay muoi phan tram vuong kp dx bs von');
    expect(summary).toContain('Tình trạng: đang triển khai (70%)');
    expect(summary).toContain('Đề xuất, kiến nghị: Bs von');
    expect(await press('f:save')).toContain(SAVED);
    expect((await latest()).percent).toBe(70);
  });
});
