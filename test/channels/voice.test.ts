/**
 * A voice report end to end on each chat app: a real Vietnamese clip (spoken
 * by espeak-ng) goes through the fake Bot API / fake Zalo, the real download
 * and ffmpeg, to the fake speech service; the transcript is shown back and
 * read like typed text; nothing is saved before the officer confirms, and the
 * saved update keeps the clip as evidence. Failures save nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SttConfig } from '../../bot/voice/service.ts';
import { seedSampleData } from '../../bot/services/seed.ts';
import { FakeStt } from '../fakes/stt/server.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { TelegramHarness } from '../support/telegram-harness.ts';
import { HAVE_VOICE_TOOLS, NO_VOICE_TOOLS, vietnameseClip } from '../support/voice-clip.ts';
import { ZaloHarness } from '../support/zalo-harness.ts';

const NHUNG = 'Trần Thị Hồng Nhung'; // focal officer of Đặc khu Cát Hải
const DAY = '2026-11-26';

describe.skipIf(!HAVE_VOICE_TOOLS)(`voice reports on Telegram and Zalo, saved only after the confirm (${NO_VOICE_TOOLS})`, () => {
  let db: TestDatabase;
  let stt: FakeStt;
  let tg: TelegramHarness;
  let zl: ZaloHarness;
  let ogg: Uint8Array;
  let aac: Uint8Array;
  const updates = () => db.prisma.progressUpdate.count();
  const lastUpdate = () => db.prisma.progressUpdate.findFirstOrThrow({ orderBy: { id: 'desc' }, include: { task: true } });

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    stt = await FakeStt.start();
    const config: SttConfig = { url: stt.url, apiKey: 'sk-voice-test', model: 'whisper-1', language: 'vi', timeoutSeconds: 8, maxSeconds: 120, maxMb: 1 };
    [tg, zl] = await Promise.all([TelegramHarness.start(db, { today: DAY, stt: config }), ZaloHarness.start(db, { today: DAY, stt: config })]);
    ogg = vietnameseClip('nhiệm vụ hai chấm sáu, năm mươi phần trăm, vướng kinh phí', 'ogg');
    aac = vietnameseClip('sáu mươi phần trăm, đang chờ thẩm định', 'aac');
  });
  afterAll(async () => {
    await Promise.all([tg?.close(), zl?.close()]);
    await stt?.close();
    await db?.destroy();
  });

  it('Telegram: a voice report is heard, shown back, confirmed with "✅ Lưu", and saved with the clip as evidence', async () => {
    const u = tg.user(8901);
    await tg.linkAndAccept(u, NHUNG);
    const count = await updates();
    stt.mode = 'ok';
    stt.say('Nhiệm vụ II.6: 50%, vướng kinh phí.');
    const before = tg.tg.sentTo(u).length;
    const voiceUpdate = await tg.tg.sendVoice(u, { bytes: ogg, duration: 4 });
    const [heard, understood] = (await tg.tg.waitForMessages(u, before + 2)).slice(before);
    expect(heard!.plainText).toBe('🎙 Tôi nghe được: “Nhiệm vụ II.6: 50%, vướng kinh phí.”');
    expect(understood!.plainText).toContain('Tôi hiểu như sau');
    expect(understood!.plainText).toContain('Nhiệm vụ A.II.6');
    expect(understood!.plainText).toContain('đang triển khai (50%)');
    expect(understood!.plainText).toContain('Khó khăn, vướng mắc: Kinh phí');
    // The clip went through ffmpeg: the speech service received WAV, with the key and the language.
    expect(stt.requests.at(-1)).toMatchObject({ isWav: true, language: 'vi', authorization: 'Bearer sk-voice-test' });
    expect(await updates()).toBe(count);

    await tg.press(u, understood!, '✅ Lưu');
    expect(await updates()).toBe(count + 1);
    // The same update delivered again is not transcribed again and has no effect (one chat's updates are
    // handled in order: once "việc của tôi" is answered, the redelivery was handled).
    const asked = stt.requests.length;
    await tg.tg.redeliver(voiceUpdate.update_id);
    const [mine] = await tg.say(u, 'việc của tôi');
    expect(mine!.plainText).toContain('Việc của anh/chị');
    expect(stt.requests.length).toBe(asked);
    expect(await updates()).toBe(count + 1);
    const saved = await lastUpdate();
    expect(saved).toMatchObject({ state: 'IN_PROGRESS', percent: 50, difficulties: 'Kinh phí', originalText: 'Nhiệm vụ II.6: 50%, vướng kinh phí.', channel: 'TELEGRAM' });
    expect(saved.task.number).toBe('A.II.6');
    expect(saved.attachments).toEqual([{ kind: 'voice', channel: 'TELEGRAM', fileId: expect.any(String), durationSeconds: 4, transcript: 'Nhiệm vụ II.6: 50%, vướng kinh phí.' }]);
  });

  it('Telegram: a stranger\'s voice message is not sent to the speech service; they are asked to link first', async () => {
    const u = tg.user(8900);
    const asked = stt.requests.length;
    const before = tg.tg.sentTo(u).length;
    await tg.tg.sendVoice(u, { bytes: ogg, duration: 4 });
    const [reply] = (await tg.tg.waitForMessages(u, before + 1)).slice(before);
    expect(reply!.plainText).not.toContain('Tôi nghe được');
    expect(reply!.plainText).toMatch(/mã kích hoạt|số điện thoại/);
    expect(stt.requests.length).toBe(asked);
  });

  it('Telegram: a failing speech service, or a clip over STT_MAX_SECONDS, gets a clear answer and saves nothing', async () => {
    const u = tg.user(8902);
    await tg.linkAndAccept(u, NHUNG);
    const count = await updates();
    stt.mode = 'fail';
    let before = tg.tg.sentTo(u).length;
    await tg.tg.sendVoice(u, { bytes: ogg, duration: 4 });
    const [failed] = (await tg.tg.waitForMessages(u, before + 1)).slice(before);
    expect(failed!.plainText).toContain('Tôi chưa nghe được tin nhắn thoại này');
    expect(failed!.plainText).toContain('chưa có gì được ghi nhận');
    stt.mode = 'ok';
    const asked = stt.requests.length;
    before = tg.tg.sentTo(u).length;
    await tg.tg.sendVoice(u, { bytes: ogg, duration: 600 });
    const [long] = (await tg.tg.waitForMessages(u, before + 1)).slice(before);
    expect(long!.plainText).toContain('tối đa 120 giây');
    expect(stt.requests.length).toBe(asked);
    expect(await updates()).toBe(count);
  });

  it('Telegram: inside a step-by-step report a voice answer fills the step, like typed text', async () => {
    const u = tg.user(8903);
    await tg.linkAndAccept(u, NHUNG);
    const [status] = await tg.say(u, '/capnhat A.II.6');
    expect(status!.plainText).toContain('Tình trạng hiện nay?');
    stt.say('Đang triển khai.');
    const before = tg.tg.sentTo(u).length;
    await tg.tg.sendVoice(u, { bytes: ogg, duration: 2, as: 'audio', file_name: 'ghi-am.mp3', mime_type: 'audio/ogg' });
    const [heard, next] = (await tg.tg.waitForMessages(u, before + 2)).slice(before);
    expect(heard!.plainText).toBe('🎙 Tôi nghe được: “Đang triển khai.”');
    expect(next!.plainText).toMatch(/bao nhiêu phần trăm|%/i);
    await tg.say(u, 'huỷ');
  });

  it('Zalo: a voice report by voice_url is heard, shown back, confirmed by saying "một" (choice 1), and saved with both clips as evidence', async () => {
    const u = 'f00dfeed0000aaaa1111';
    await zl.linkAndAccept(u, NHUNG);
    const count = await updates();
    stt.mode = 'ok';
    stt.say('nhiệm vụ II.6 60% đang chờ thẩm định');
    const url = stt.clip('zalo-voice-1.aac', aac);
    const before = zl.zalo.sentTo(u).length;
    await zl.zalo.sendVoice(u, url);
    const [heard, understood] = (await zl.zalo.waitForMessages(u, before + 2, 30_000)).slice(before).map((m) => m.text ?? '');
    expect(heard).toBe('🎙 Tôi nghe được: “nhiệm vụ II.6 60% đang chờ thẩm định”');
    expect(understood).toContain('Tôi hiểu như sau');
    expect(understood).toContain('đang triển khai (60%)');
    expect(understood).toMatch(/1\. .*Lưu/);
    expect(await updates()).toBe(count);

    stt.say('Một.');
    const confirmUrl = stt.clip('zalo-voice-1b.aac', vietnameseClip('một', 'aac'));
    const [heardOne, saved1] = await zl.zalo.sendVoice(u, confirmUrl).then(() => zl.zalo.waitForMessages(u, before + 4, 30_000)).then((m) => m.slice(before + 2).map((x) => x.text ?? ''));
    expect(heardOne).toBe('🎙 Tôi nghe được: “Một.”');
    expect(saved1).toContain('Đã lưu cập nhật nhiệm vụ A.II.6');
    expect(await updates()).toBe(count + 1);
    const saved = await lastUpdate();
    expect(saved).toMatchObject({ percent: 60, channel: 'ZALO', originalText: 'nhiệm vụ II.6 60% đang chờ thẩm định' });
    expect(saved.attachments).toEqual([
      { kind: 'voice', channel: 'ZALO', fileId: url, durationSeconds: expect.any(Number), transcript: 'nhiệm vụ II.6 60% đang chờ thẩm định' },
      { kind: 'voice', channel: 'ZALO', fileId: confirmUrl, durationSeconds: expect.any(Number), transcript: 'Một.' },
    ]);
  });

  it('Zalo: a speech service that never answers times out with a clear message; nothing saved, the chat still answers', async () => {
    const u = 'f00dfeed0000bbbb2222';
    await zl.linkAndAccept(u, NHUNG);
    const count = await updates();
    stt.mode = 'hang';
    const url = stt.clip('zalo-voice-2.aac', aac);
    const before = zl.zalo.sentTo(u).length;
    await zl.zalo.sendVoice(u, url);
    const [slow] = (await zl.zalo.waitForMessages(u, before + 1, 60_000)).slice(before).map((m) => m.text ?? '');
    expect(slow).toContain('trả lời chậm quá');
    expect(slow).toContain('1. Báo cáo tiến độ');
    stt.mode = 'ok';
    const [mine] = await zl.say(u, 'việc của tôi');
    expect(mine).toContain('Việc của anh/chị');
    expect(await updates()).toBe(count);
  });
});
