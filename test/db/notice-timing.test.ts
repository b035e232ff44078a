/**
 * A notice says when it really goes out (issue 11): at once when sent in
 * working hours, else the next working hour — in the preview and in the
 * confirmation — never a blanket "(trong giờ hành chính)".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChatService } from '../../bot/app.ts';
import { renderReply } from '../../bot/chat/render.ts';
import { parseDeliverySettings } from '../../bot/delivery/settings.ts';
import { i18n } from '../../bot/i18n.ts';
import { createInvite } from '../../bot/services/invite.ts';
import { seedSampleData } from '../../bot/services/seed.ts';
import { FixedClock } from '../../domain/shared/clock.ts';
import { instantOf } from '../../domain/shared/day.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { CALENDAR, SETTINGS, silentLog } from '../support/telegram-harness.ts';

/** Working hours as in production (the harnesses send at any time). */
const WORKING = parseDeliverySettings({ PER_CHAT_INTERVAL_MS: '0', INSTANCE_ID: 'test' });

describe('a notice says when it is sent', () => {
  let db: TestDatabase;
  const tr = i18n();
  let n = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
  }, 120_000);
  afterAll(async () => {
    await db?.destroy();
  });

  /** The community team's Bùi Thị Mai on Zalo, writing a notice up to its preview at `at`. */
  async function preview(at: Date) {
    const clock = new FixedClock(at);
    const service = buildChatService({ prisma: db.prisma, clock, settings: SETTINGS, log: silentLog, tr, calendar: CALENDAR, delivery: WORKING });
    const id = `nt${++n}`;
    const say = async (text: string) => {
      const out = await service.handle({ channel: 'ZALO', chatId: id, user: { externalId: id }, buttons: false, text });
      return (out?.replies ?? []).map((r) => renderReply(r, tr, 'vi', { numberChoices: true })).join('\n---\n');
    };
    const mai = await db.prisma.person.findFirstOrThrow({ where: { fullName: 'Bùi Thị Mai' } });
    const { code } = await createInvite(db.prisma, mai.id, { ttlHours: 72, now: clock.now(), createdBy: 'test' });
    await say(code);
    await say('đồng ý');
    expect(await say('/thongbao')).toBeTruthy();
    await say('Họp giao ban chuyển đổi số 14h00 thứ Sáu.');
    const audience = await say('bỏ qua');
    expect(audience).toContain('Gửi tới ai?');
    const shown = await say('1');
    expect(shown).toContain('Xem trước thông báo');
    return { say, shown };
  }

  it('in working hours: "sent as soon as you confirm", then "bắt đầu gửi ngay"', async () => {
    const { say, shown } = await preview(instantOf('2026-11-26', 9)); // a Thursday, 9:00
    expect(shown).toContain('Gửi ngay khi anh/chị xác nhận.');
    expect(shown).not.toContain('giờ hành chính');
    const queued = await say('1');
    expect(queued).toContain('bắt đầu gửi ngay');
    expect(queued).not.toContain('giờ hành chính');
  });

  it('on a Friday evening: the preview and the confirmation name Monday 8:00', async () => {
    const { say, shown } = await preview(instantOf('2026-11-27', 19, 30));
    expect(shown).toContain('Bây giờ ngoài giờ hành chính: nếu xác nhận, thông báo sẽ được gửi lúc 30/11/2026 08:00.');
    const queued = await say('1');
    expect(queued).toContain('lúc 30/11/2026 08:00 (ngoài giờ hành chính nên chờ đến giờ làm việc tiếp theo)');
    expect(queued).not.toContain('bắt đầu gửi ngay');
  });
});
