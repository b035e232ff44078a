/**
 * Short answers × prompt states × channels, through the conversation service
 * on a real database: what is saved (nothing unless a live summary was
 * confirmed) and what is said. Each row runs in a chat of its own.
 *
 * Telegram shows choices as buttons, so a typed digit chooses nothing there;
 * Zalo and the console number them. The console receives no notices, so it
 * has no "two pending" rows. On Telegram the summary's own "✅ Lưu" button
 * is pressed too (`[✅ Lưu]`): its callback data name the prompt it was shown
 * with, so it saves only while that prompt is the live one.
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

type Channel = 'TELEGRAM' | 'ZALO' | 'CONSOLE';
type State = 'none' | 'live' | 'expired' | 'cancelled' | 'two pending';
const CHANNELS: Channel[] = ['TELEGRAM', 'ZALO', 'CONSOLE'];
const STATES: State[] = ['none', 'live', 'expired', 'cancelled', 'two pending'];
const ANSWERS = ['1', '2', 'ok', 'có', 'không', 'huỷ', '👍', 'xem thêm', 'đã nhận'] as const;
/** The summary's "✅ Lưu" button, pressed (Telegram). */
const SAVE_BUTTON = '[✅ Lưu]';
type Answer = (typeof ANSWERS)[number] | typeof SAVE_BUTTON;

/** What is said, as a fragment of the reply, and what is saved. */
interface Expect {
  saved: 0 | 1;
  says: string;
  /** The notice of "two pending" is acknowledged. */
  acked?: boolean;
}

const NO_PROMPT = 'chưa biết câu trả lời này dành cho câu hỏi nào';
const DEAD = 'Lựa chọn này đã hết hiệu lực';
const SAVED = 'Đã lưu cập nhật nhiệm vụ A.II.6';
const ASK_AGAIN = 'Anh/chị chọn "Lưu", "Sửa từng bước" hoặc "Huỷ"';
const THANKS = 'Cảm ơn anh/chị đã xác nhận';

function expected(channel: Channel, state: State, answer: Answer): Expect {
  const waiting = state === 'live' || state === 'two pending';
  if (answer === SAVE_BUTTON) return waiting ? { saved: 1, says: SAVED, acked: false } : { saved: 0, says: DEAD };
  if (answer === 'đã nhận') {
    if (state === 'two pending') return { saved: 0, says: THANKS, acked: true };
    if (state === 'live') return { saved: 0, says: ASK_AGAIN };
    return { saved: 0, says: state === 'none' ? NO_PROMPT : DEAD };
  }
  if (answer === 'huỷ') return waiting ? { saved: 0, says: 'Đã huỷ. Chưa có gì được lưu.', acked: false } : { saved: 0, says: 'Không có việc gì đang làm dở để huỷ' };
  if (answer === 'xem thêm') return waiting ? { saved: 0, says: ASK_AGAIN, acked: false } : { saved: 0, says: 'Không có danh sách nào đang xem dở' };
  if (waiting) {
    const saves = answer === 'ok' || answer === 'có' || answer === '👍' || (answer === '1' && channel !== 'TELEGRAM');
    // "2" on a numbered summary is "Sửa từng bước": it asks the status again, nothing saved.
    if (answer === '2' && channel !== 'TELEGRAM') return { saved: 0, says: 'Tình trạng hiện nay?', acked: false };
    return saves ? { saved: 1, says: SAVED, acked: false } : { saved: 0, says: ASK_AGAIN, acked: false };
  }
  return { saved: 0, says: state === 'none' ? NO_PROMPT : DEAD };
}

describe('short answers × prompt states × channels', () => {
  let db: TestDatabase;
  let nhung: PersonRef;
  let mai: PersonRef;
  const tr = i18n();
  let n = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    const q = new PrismaTaskQueries(db.prisma);
    nhung = (await q.findPeople('Trần Thị Hồng Nhung'))[0]!;
    mai = (await q.findPeople('Bùi Thị Mai'))[0]!;
  });
  afterAll(async () => {
    await db?.destroy();
  });

  /** A chat of its own on `channel`, linked to Nhung (the console speaks as her). */
  async function chat(channel: Channel) {
    const clock = new FixedClock(instantOf('2026-11-26', 9));
    const service = buildChatService({ prisma: db.prisma, clock, settings: SETTINGS, log: silentLog, tr, calendar: CALENDAR, delivery: DELIVERY });
    const id = `t${++n}x${channel.toLowerCase()}`;
    const base: Inbound = { channel, chatId: id, user: { externalId: id }, buttons: channel === 'TELEGRAM', ...(channel === 'CONSOLE' ? { asPerson: nhung } : {}) };
    const shown: { promptId?: string } = {};
    const send = async (message: Partial<Inbound>) => {
      const out = await service.handle({ ...base, ...message });
      shown.promptId = [...(out?.replies ?? [])].reverse().find((r) => r.choices?.length)?.promptId;
      return (out?.replies ?? []).map((r) => renderReply(r, tr, 'vi', { numberChoices: channel !== 'TELEGRAM' })).join('\n---\n');
    };
    const say = (text: string) => send({ text });
    /** A button press, as the Telegram adapter reads its callback data. */
    const press = (choiceId: string, promptId: string | undefined) => send({ choiceId, ...(promptId ? { promptId } : {}) });
    if (channel !== 'CONSOLE') {
      const { code } = await createInvite(db.prisma, nhung.id, { ttlHours: 72, now: clock.now(), createdBy: 'test' });
      await say(code);
      await say('đồng ý');
    }
    return { clock, say, press, shown, chatId: id };
  }

  async function notice(channel: Channel, chatId: string, at: Date): Promise<number> {
    const b = await db.prisma.broadcast.create({ data: { senderId: mai.id, text: 'Họp giao ban 14h', audience: { all: true }, state: 'SENDING' } });
    const d = await db.prisma.delivery.create({ data: { kind: 'BROADCAST', dedupeKey: `bc-${b.id}-${chatId}`, personId: nhung.id, broadcastId: b.id, payload: {}, state: 'SENT', channel: channel as 'TELEGRAM' | 'ZALO', chatId, sentAt: at } });
    return d.id;
  }

  const rows = CHANNELS.flatMap((channel) =>
    STATES.filter((s) => !(channel === 'CONSOLE' && s === 'two pending')).flatMap((state) =>
      ([...ANSWERS, ...(channel === 'TELEGRAM' && state !== 'none' ? [SAVE_BUTTON] : [])] as Answer[]).map((answer) => ({ channel, state, answer })),
    ),
  );

  it.each(rows)('$channel · $state · "$answer"', async ({ channel, state, answer }) => {
    const { clock, say, press, shown, chatId } = await chat(channel);
    let deliveryId: number | null = null;
    let summaryPrompt: string | undefined;
    // A task's detail offers no choices: from here no prompt is live.
    if (state === 'none') expect(await say('nv A.II.6')).toContain('A.II.6');
    if (state !== 'none') {
      const summary = await say('nv A.II.6: 40%, vướng kinh phí');
      expect(summary).toContain('Tình trạng: đang triển khai (40%)');
      summaryPrompt = shown.promptId;
      expect(summaryPrompt).toBeTruthy();
    }
    if (state === 'expired') clock.set(new Date(clock.now().getTime() + (SETTINGS.flowTimeoutMinutes + 1) * 60_000));
    if (state === 'cancelled') expect(await say('huỷ')).toContain('Đã huỷ');
    if (state === 'two pending') deliveryId = await notice(channel, chatId, clock.now());
    const before = await db.prisma.progressUpdate.count();

    const said = answer === SAVE_BUTTON ? await press('f:save', summaryPrompt) : await say(answer);

    const want = expected(channel, state, answer);
    expect(said).toContain(want.says);
    expect(await db.prisma.progressUpdate.count()).toBe(before + want.saved);
    if (!want.saved) expect(said).not.toContain('Đã lưu');
    if (deliveryId !== null) {
      const d = await db.prisma.delivery.findUniqueOrThrow({ where: { id: deliveryId } });
      expect(d.acknowledgedAt !== null).toBe(Boolean(want.acked));
    }
  });

  it('a long paste with the same problem in many clauses gets the warning once', async () => {
    const { say } = await chat('ZALO');
    const before = await db.prisma.progressUpdate.count();
    const paste = Array.from({ length: 30 }, (_, i) => `mục ${i + 1}: đạt abc%`).join('; ');
    const said = await say(paste);
    expect(said.split('Tôi không đọc được tỷ lệ phần trăm')).toHaveLength(2);
    expect(said).toContain('gặp ở 30 chỗ');
    expect(await db.prisma.progressUpdate.count()).toBe(before);
  });
});
