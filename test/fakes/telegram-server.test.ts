/**
 * The fake Telegram server, exercised the way channel tests will use it:
 * the real grammY client over real HTTP, plus plain fetch where the wire
 * format itself is the point.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Bot, GrammyError, HttpError, InlineKeyboard, InputFile, Keyboard, webhookCallback } from 'grammy';
import type { Update } from 'grammy/types';
import { autoRetry } from '@grammyjs/auto-retry';
import { FakeTelegram } from './telegram/server.ts';
import { parseHtml, parseMarkdownV2, formatText } from './telegram/formatting.ts';
import { parseDisposition, parseMultipart } from './telegram/request-body.ts';
import { TINY_PNG, imageInfo } from './telegram/files.ts';

const LAN = { id: 1001, first_name: 'Lan', username: 'lan_hp', language_code: 'vi' };
const MINH = { id: 1002, first_name: 'Minh' };

/** A raw Bot API call, for what grammY hides (status codes, parameters). */
async function raw(
  fake: FakeTelegram,
  method: string,
  body: Record<string, unknown> = {},
  token = fake.token,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${fake.apiRoot}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// ------------------------------------------------------------------ polling

describe('grammY bot over long polling', () => {
  let tg: FakeTelegram;
  let bot: Bot;
  const seenUpdateIds: number[] = [];
  const botErrors: unknown[] = [];
  let stopped: Promise<void>;

  beforeAll(async () => {
    tg = await FakeTelegram.start({ botUsername: 'nq57_test_bot' });
    tg.addUser(LAN);
    bot = new Bot(tg.token, { client: { apiRoot: tg.apiRoot } });
    bot.use(async (ctx, next) => {
      seenUpdateIds.push(ctx.update.update_id);
      await next();
    });
    bot.command('start', (ctx) => ctx.reply(`start:${ctx.match}`));
    bot.on('message:text', (ctx) =>
      ctx.reply(`Bạn nói: <b>${escapeHtml(ctx.message.text)}</b>`, {
        parse_mode: 'HTML',
        reply_markup: new InlineKeyboard().text('Xác nhận', 'ok:1').text('Huỷ', 'cancel'),
      }),
    );
    bot.on('message:contact', (ctx) =>
      ctx.reply(`phone ${ctx.message.contact.phone_number} own=${ctx.message.contact.user_id === ctx.from.id}`),
    );
    bot.on('message:document', async (ctx) => {
      const file = await ctx.getFile();
      const res = await fetch(`${tg.apiRoot}/file/bot${tg.token}/${file.file_path}`);
      await ctx.reply(`got ${ctx.message.document.file_name}: ${await res.text()}`);
    });
    bot.on('callback_query:data', async (ctx) => {
      await ctx.answerCallbackQuery({ text: 'Đã nhận' });
      await ctx.editMessageText(`Đã chọn ${ctx.callbackQuery.data}`);
    });
    bot.catch((err) => botErrors.push(err));
    await bot.init();
    await new Promise<void>((resolve) => {
      stopped = bot.start({ onStart: () => resolve() });
    });
  });

  afterAll(async () => {
    await bot.stop();
    await stopped;
    await tg.close();
    expect(botErrors).toEqual([]);
  });

  it('answers getMe and lets bot.start() clear the webhook', () => {
    expect(bot.botInfo.username).toBe('nq57_test_bot');
    expect(bot.botInfo.id).toBe(123456789);
    expect(tg.calls('deleteWebhook')).toHaveLength(1);
  });

  it('delivers a text and records the HTML reply with its inline keyboard', async () => {
    await tg.sendText(LAN.id, 'a < b & c');
    const [reply] = await tg.waitForMessages(LAN.id, 1);
    expect(reply).toMatchObject({
      chat_id: LAN.id,
      method: 'sendMessage',
      text: 'Bạn nói: <b>a &lt; b &amp; c</b>',
      plainText: 'Bạn nói: a < b & c',
      parse_mode: 'HTML',
      entities: [{ type: 'bold', offset: 9, length: 9 }],
      deleted: false,
    });
    expect(tg.buttons(reply)).toEqual([
      { text: 'Xác nhận', data: 'ok:1' },
      { text: 'Huỷ', data: 'cancel' },
    ]);
  });

  it('turns a button press into a callback query, then records the answer and the edit', async () => {
    const message = tg.lastMessage(LAN.id)!;
    const update = await tg.pressButton(LAN.id, message.message_id, 'ok:1');
    await tg.waitFor(() => message.edits.length === 1);
    expect(update.callback_query?.message?.message_id).toBe(message.message_id);
    expect(tg.callbackAnswers()).toMatchObject([{ callback_query_id: update.callback_query!.id, text: 'Đã nhận' }]);
    expect(message.plainText).toBe('Đã chọn ok:1');
    // editMessageText without reply_markup drops the keyboard, as on Telegram.
    expect(tg.buttons(message)).toEqual([]);
    expect(() => tg.pressButton(LAN.id, message.message_id, 'ok:1')).toThrow(/no button/);
  });

  it('sets the bot_command entity so bot.command() sees the deep-link payload', async () => {
    await tg.sendCommand(LAN.id, '/start', 'ref_42');
    await tg.waitFor(() => tg.lastMessage(LAN.id)?.text === 'start:ref_42');
  });

  it('sends a shared contact with the user_id of the sharer', async () => {
    await tg.sendContact(LAN.id, { phone_number: '+84901234567' });
    await tg.waitFor(() => tg.lastMessage(LAN.id)?.text === 'phone +84901234567 own=true');
  });

  it('lets the bot download a document the user sent', async () => {
    await tg.sendDocument(LAN.id, { file_name: 'ke-hoach.txt', bytes: 'nội dung' });
    await tg.waitFor(() => tg.lastMessage(LAN.id)?.text === 'got ke-hoach.txt: nội dung');
  });

  it('redelivers an update with the same update_id, after newer ones', async () => {
    const first = await tg.sendText(LAN.id, 'một');
    await tg.waitFor(() => seenUpdateIds.includes(first.update_id));
    const before = tg.sentTo(LAN.id).length;
    await tg.redeliver(first.update_id);
    await tg.waitForMessages(LAN.id, before + 1);
    expect(seenUpdateIds.filter((id) => id === first.update_id)).toHaveLength(2);
    const second = await tg.sendText(LAN.id, 'hai');
    await tg.waitFor(() => seenUpdateIds.includes(second.update_id));
    expect(second.update_id).toBeGreaterThan(first.update_id);
    // Delivered once more only: the redelivered update did not rewind the offset.
    await tg.waitFor(() => tg.pendingUpdates().length === 0); // the next poll's offset confirmed both
    expect(seenUpdateIds.filter((id) => id === second.update_id)).toHaveLength(1);
  });
});

// ------------------------------------------------------------------ webhook

describe('grammY bot behind a webhook', () => {
  const SECRET = 'hook-secret_57';
  let tg: FakeTelegram;
  let bot: Bot;
  let hook: http.Server;
  let hookUrl: string;
  const seen: number[] = [];

  beforeAll(async () => {
    tg = await FakeTelegram.start();
    tg.addUser(MINH);
    bot = new Bot(tg.token, { client: { apiRoot: tg.apiRoot } });
    bot.on('message:text', async (ctx) => {
      seen.push(ctx.update.update_id);
      await ctx.reply(`echo: ${ctx.message.text}`);
    });
    const handle = webhookCallback(bot, 'http', { secretToken: SECRET });
    hook = http.createServer((req, res) => {
      handle(req, res).catch(() => {
        res.statusCode = 500;
        res.end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/tg`;
  });

  afterAll(async () => {
    await tg.close();
    hook.closeAllConnections();
    await new Promise((resolve) => hook.close(resolve));
  });

  it('POSTs updates with the secret header; sendText resolves after delivery', async () => {
    await bot.api.setWebhook(hookUrl, { secret_token: SECRET });
    const update = await tg.sendText(MINH.id, 'chào');
    // webhookCallback answers after the handler ran, so the reply is already there.
    expect(tg.lastMessage(MINH.id)?.text).toBe('echo: chào');
    expect(seen).toEqual([update.update_id]);
    const info = await bot.api.getWebhookInfo();
    expect(info).toMatchObject({ url: hookUrl, pending_update_count: 0 });
    expect(await raw(tg, 'getUpdates')).toMatchObject({ status: 409, body: { error_code: 409 } });
  });

  it('retries an update the hook refused (wrong secret) until it is accepted', async () => {
    await bot.api.setWebhook(hookUrl, { secret_token: 'not-the-secret' });
    const update = await tg.sendText(MINH.id, 'lần hai');
    const info = await bot.api.getWebhookInfo();
    expect(info.pending_update_count).toBe(1);
    expect(info.last_error_message).toBe('Wrong response from the webhook: 401 Unauthorized');
    expect(seen).not.toContain(update.update_id);
    await bot.api.setWebhook(hookUrl, { secret_token: SECRET });
    await tg.waitFor(() => tg.lastMessage(MINH.id)?.text === 'echo: lần hai');
    expect((await bot.api.getWebhookInfo()).pending_update_count).toBe(0);
  });

  it('executes a method the bot returns in the webhook response body', async () => {
    const replying = new Bot(tg.token, {
      client: { apiRoot: tg.apiRoot, canUseWebhookReply: (method) => method === 'sendMessage' },
    });
    replying.on('message:text', (ctx) => ctx.reply(`inline: ${ctx.message.text}`));
    const handle = webhookCallback(replying, 'http');
    const server = http.createServer((req, res) => void handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await replying.api.setWebhook(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      await tg.sendText(MINH.id, 'bốn');
      await tg.waitFor(() => tg.lastMessage(MINH.id)?.text === 'inline: bốn');
      expect(tg.calls('sendMessage').at(-1)).toMatchObject({ status: 200, viaWebhookReply: true });
    } finally {
      await bot.api.setWebhook(hookUrl, { secret_token: SECRET });
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('re-POSTs a redelivered update with the same update_id', async () => {
    const update = await tg.sendText(MINH.id, 'ba');
    await tg.redeliver(update.update_id);
    expect(seen.filter((id) => id === update.update_id)).toHaveLength(2);
  });
});

// ----------------------------------------------------------- flood control

describe('flood control', () => {
  it('answers 429 with retry_after over the per-chat burst, and counts early retries as violations', async () => {
    const tg = await FakeTelegram.start({ enforceLimits: true });
    try {
      tg.addUser(LAN);
      for (let i = 1; i <= 3; i++) {
        expect((await raw(tg, 'sendMessage', { chat_id: LAN.id, text: `phần ${i}` })).status).toBe(200);
      }
      const limited = await raw(tg, 'sendMessage', { chat_id: LAN.id, text: 'phần 4' });
      expect(limited).toEqual({
        status: 429,
        body: {
          ok: false,
          error_code: 429,
          description: 'Too Many Requests: retry after 1',
          parameters: { retry_after: 1 },
        },
      });
      // Not waiting as told: refused again and recorded.
      expect((await raw(tg, 'sendMessage', { chat_id: LAN.id, text: 'phần 4' })).status).toBe(429);
      expect(tg.stats()).toEqual({ sent: 3, rejected429: 2, violations: 1, maxPerSecond: 3 });
      expect(tg.sentTo(LAN.id)).toHaveLength(3);
    } finally {
      await tg.close();
    }
  });

  it('limits all chats together to globalRatePerSecond', async () => {
    const tg = await FakeTelegram.start({ enforceLimits: true, globalRatePerSecond: 5, perChatRatePerSecond: 50 });
    try {
      const statuses: number[] = [];
      for (let id = 1; id <= 6; id++) {
        tg.addUser({ id, first_name: `U${id}` });
        statuses.push((await raw(tg, 'sendMessage', { chat_id: id, text: 'thông báo' })).status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      expect(tg.stats()).toMatchObject({ sent: 5, rejected429: 1, violations: 0, maxPerSecond: 5 });
    } finally {
      await tg.close();
    }
  });

  it('sees that grammY with auto-retry waits retry_after before retrying', async () => {
    const tg = await FakeTelegram.start({ enforceLimits: true });
    try {
      tg.addUser(LAN);
      const bot = new Bot(tg.token, { client: { apiRoot: tg.apiRoot } });
      bot.api.config.use(autoRetry());
      tg.failNext('sendMessage', { status: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 });
      const started = Date.now();
      await bot.api.sendMessage(LAN.id, 'sau khi chờ');
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(tg.stats()).toMatchObject({ sent: 1, rejected429: 1, violations: 0 });
    } finally {
      await tg.close();
    }
  });
});

// ------------------------------------------------- validation like Telegram

describe('validation like Telegram', () => {
  let tg: FakeTelegram;
  let bot: Bot;

  beforeAll(async () => {
    tg = await FakeTelegram.start();
    tg.addUser(LAN);
    tg.addUser(MINH);
    bot = new Bot(tg.token, { client: { apiRoot: tg.apiRoot } });
  });
  afterAll(() => tg.close());

  const rejects = (promise: Promise<unknown>, error_code: number, description: string | RegExp) =>
    expect(promise).rejects.toMatchObject({
      error_code,
      description: typeof description === 'string' ? description : expect.stringMatching(description),
    });

  it.each([
    ['<b>đậm', `Can't find end tag corresponding to start tag "b"`],
    ['dòng 1<br>dòng 2', 'Unsupported start tag "br" at byte offset 7'], // "ò" is 2 bytes
    ['x < y', 'Unsupported start tag "" at byte offset 2'],
    ['<i>a</b>', 'Unmatched end tag at byte offset 4, expected "</i>", found "</b>"'],
    ['a</b>', 'Unexpected end tag at byte offset 1'],
    ['Hỏi & đáp', /^Character '&' at byte offset 6 is not part of an HTML entity/], // "ỏ" is 3 bytes
  ])('rejects HTML %j', async (html, error) => {
    const expected =
      typeof error === 'string' ? `Bad Request: can't parse entities: ${error}` : new RegExp(`^Bad Request: can't parse entities: ${error.source.slice(1)}`);
    await rejects(bot.api.sendMessage(LAN.id, html, { parse_mode: 'HTML' }), 400, expected);
  });

  it('parses valid HTML into text and UTF-16 entities', async () => {
    const message = await bot.api.sendMessage(
      LAN.id,
      '  <b>Đậm</b> &amp; <a href="https://example.com/x">liên kết</a> 🏟 <code>mã</code> <tg-spoiler>ẩn</tg-spoiler>\n',
      { parse_mode: 'HTML' },
    );
    expect(message.text).toBe('Đậm & liên kết 🏟 mã ẩn');
    expect(message.entities).toEqual([
      { type: 'bold', offset: 0, length: 3 },
      { type: 'text_link', offset: 6, length: 8, url: 'https://example.com/x' },
      { type: 'code', offset: 18, length: 2 },
      { type: 'spoiler', offset: 21, length: 2 },
    ]);
  });

  it('rejects MarkdownV2 with an unescaped reserved character', async () => {
    await rejects(
      bot.api.sendMessage(LAN.id, 'Hạn chót: 31.12', { parse_mode: 'MarkdownV2' }),
      400,
      "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
    );
    const ok = await bot.api.sendMessage(LAN.id, '*Hạn chót:* 31\\.12', { parse_mode: 'MarkdownV2' });
    expect(ok.entities).toEqual([{ type: 'bold', offset: 0, length: 9 }]);
  });

  it('checks text length after parsing: 1..4096', async () => {
    await rejects(bot.api.sendMessage(LAN.id, 'x'.repeat(4097)), 400, 'Bad Request: message is too long');
    await rejects(bot.api.sendMessage(LAN.id, '   \n'), 400, 'Bad Request: message text is empty');
    await rejects(bot.api.sendMessage(LAN.id, '<b></b>', { parse_mode: 'HTML' }), 400, 'Bad Request: message text is empty');
    const longest = await bot.api.sendMessage(LAN.id, `<b>${'x'.repeat(4096)}</b>`, { parse_mode: 'HTML' });
    expect(longest.text).toHaveLength(4096);
  });

  it('rejects callback_data over 64 bytes (bytes, not characters)', async () => {
    const data = 'ế'.repeat(22); // 22 characters, 66 bytes
    await rejects(
      bot.api.sendMessage(LAN.id, 'chọn', { reply_markup: new InlineKeyboard().text('A', data) }),
      400,
      'Bad Request: BUTTON_DATA_INVALID',
    );
    const ok = await bot.api.sendMessage(LAN.id, 'chọn', { reply_markup: new InlineKeyboard().text('A', 'x'.repeat(64)) });
    expect(ok.reply_markup?.inline_keyboard[0]?.[0]).toMatchObject({ callback_data: 'x'.repeat(64) });
  });

  it('knows chats: not found, never started, blocked', async () => {
    await rejects(bot.api.sendMessage(424242, 'ai đó'), 400, 'Bad Request: chat not found');
    tg.addUser({ id: 2001, first_name: 'Chưa mở bot' }, { started: false });
    await rejects(bot.api.sendMessage(2001, 'xin chào'), 403, "Forbidden: bot can't initiate conversation with a user");
    const update = await tg.blockUser(MINH.id);
    expect(update.my_chat_member?.new_chat_member.status).toBe('kicked');
    await rejects(bot.api.sendMessage(MINH.id, 'nhắc việc'), 403, 'Forbidden: bot was blocked by the user');
    await rejects(bot.api.sendChatAction(MINH.id, 'typing'), 403, 'Forbidden: bot was blocked by the user');
    await tg.unblockUser(MINH.id);
    await bot.api.sendMessage(MINH.id, 'nhắc việc');
  });

  it('refuses an edit that changes nothing, and deleting twice', async () => {
    const keyboard = new InlineKeyboard().text('A', 'a');
    const m = await bot.api.sendMessage(LAN.id, 'bản gốc', { reply_markup: keyboard });
    await rejects(
      bot.api.editMessageText(LAN.id, m.message_id, 'bản gốc', { reply_markup: keyboard }),
      400,
      /^Bad Request: message is not modified: specified new message content and reply markup are exactly the same/,
    );
    const edited = await bot.api.editMessageText(LAN.id, m.message_id, 'bản sửa', { reply_markup: keyboard });
    expect(edited).toMatchObject({ text: 'bản sửa', edit_date: expect.any(Number) });
    await bot.api.editMessageReplyMarkup(LAN.id, m.message_id);
    const sent = tg.sentTo(LAN.id).find((s) => s.message_id === m.message_id)!;
    expect(sent.edits.map((e) => e.method)).toEqual(['editMessageText', 'editMessageReplyMarkup']);
    expect(sent.reply_markup).toBeUndefined();
    await bot.api.deleteMessage(LAN.id, m.message_id);
    await rejects(bot.api.deleteMessage(LAN.id, m.message_id), 400, 'Bad Request: message to delete not found');
    await rejects(bot.api.editMessageText(LAN.id, m.message_id, 'x'), 400, 'Bad Request: message to edit not found');
    expect(sent.deleted).toBe(true);
  });

  it('keeps the reply keyboard the user sees; a Message carries only inline markup', async () => {
    const m = await bot.api.sendMessage(LAN.id, 'Chia sẻ số điện thoại', {
      reply_markup: new Keyboard().requestContact('Gửi số của tôi').resized().oneTime(),
    });
    expect(m.reply_markup).toBeUndefined();
    expect(tg.replyKeyboard(LAN.id)).toEqual([[{ text: 'Gửi số của tôi', request_contact: true }]]);
    await bot.api.sendMessage(LAN.id, 'Cảm ơn', { reply_markup: { remove_keyboard: true } });
    expect(tg.replyKeyboard(LAN.id)).toBeUndefined();
  });

  it('stores commands per scope and language', async () => {
    await bot.api.setMyCommands([{ command: 'start', description: 'Bắt đầu' }], { language_code: 'vi' });
    await bot.api.setMyCommands([{ command: 'baocao', description: 'Báo cáo' }]);
    expect(tg.commands()).toEqual([{ command: 'baocao', description: 'Báo cáo' }]);
    expect(await bot.api.getMyCommands({ language_code: 'vi' })).toEqual([{ command: 'start', description: 'Bắt đầu' }]);
    await rejects(bot.api.setMyCommands([{ command: 'Start', description: 'x' }]), 400, 'Bad Request: BOT_COMMAND_INVALID');
  });

  it('speaks HTTP like the Bot API: 401, 404, case-insensitive methods, form bodies', async () => {
    expect(await raw(tg, 'getMe', {}, '1:wrong')).toEqual({
      status: 401,
      body: { ok: false, error_code: 401, description: 'Unauthorized' },
    });
    expect(await raw(tg, 'sendTelepathy')).toEqual({ status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } });
    expect((await raw(tg, 'GETME')).body).toMatchObject({ ok: true, result: { is_bot: true } });
    const res = await fetch(`${tg.apiRoot}/bot${tg.token}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        chat_id: String(LAN.id),
        text: 'qua form',
        reply_markup: JSON.stringify({ inline_keyboard: [[{ text: 'B', callback_data: 'b' }]] }),
      }),
    });
    expect(await res.json()).toMatchObject({ ok: true, result: { text: 'qua form', reply_markup: { inline_keyboard: [[{ callback_data: 'b' }]] } } });
  });
});

// ------------------------------------------------------------------- files

describe('files', () => {
  let tg: FakeTelegram;
  let bot: Bot;

  beforeAll(async () => {
    tg = await FakeTelegram.start();
    tg.addUser(LAN);
    bot = new Bot(tg.token, { client: { apiRoot: tg.apiRoot } });
  });
  afterAll(() => tg.close());

  it('receives a grammY multipart upload with its bytes and UTF-8 file name', async () => {
    const bytes = Buffer.from('đơn vị,chỉ tiêu\nSở KH&CN,57\n\r\n--not-a-boundary\r\n', 'utf8');
    const message = await bot.api.sendDocument(LAN.id, new InputFile(bytes, 'báo cáo tháng 6.csv'), {
      caption: '<b>Báo cáo</b>',
      parse_mode: 'HTML',
    });
    expect(message.document).toMatchObject({ file_name: 'báo cáo tháng 6.csv', mime_type: 'text/csv', file_size: bytes.length });
    expect(message.caption).toBe('Báo cáo');
    const [upload] = tg.uploadedFiles;
    expect(upload).toMatchObject({ method: 'sendDocument', chat_id: LAN.id, file_name: 'báo cáo tháng 6.csv' });
    expect(Buffer.from(upload!.bytes).equals(bytes)).toBe(true);
    expect(tg.lastMessage(LAN.id)).toMatchObject({ caption: '<b>Báo cáo</b>', plainText: 'Báo cáo', document: { source: 'upload' } });

    const file = await bot.api.getFile(message.document.file_id);
    const download = await fetch(`${tg.apiRoot}/file/bot${tg.token}/${file.file_path}`);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);

    // Re-sending by file_id: a fresh file_id, the same file.
    const again = await bot.api.sendDocument(LAN.id, message.document.file_id);
    expect(again.document.file_id).not.toBe(message.document.file_id);
    expect(again.document.file_unique_id).toBe(message.document.file_unique_id);
    expect(tg.uploadedFiles).toHaveLength(1);
    await expect(bot.api.sendDocument(LAN.id, 'no-such-file-id')).rejects.toMatchObject({
      description: 'Bad Request: wrong file identifier/HTTP URL specified',
    });
  });

  it('accepts photos it can read and refuses the rest', async () => {
    const photo = await bot.api.sendPhoto(LAN.id, new InputFile(TINY_PNG, 'chart.png'));
    expect(photo.photo.at(-1)).toMatchObject({ width: 1, height: 1 });
    expect(tg.lastMessage(LAN.id)?.photo).toMatchObject({ width: 1, height: 1, source: 'upload' });
    await expect(bot.api.sendPhoto(LAN.id, new InputFile(Buffer.from('%PDF-1.7'), 'x.pdf'))).rejects.toMatchObject({
      error_code: 400,
      description: 'Bad Request: IMAGE_PROCESS_FAILED',
    });
  });

  it('also reads quoted multipart names (undici FormData)', async () => {
    const form = new FormData();
    form.set('chat_id', String(LAN.id));
    form.set('document', new Blob([Buffer.from('abc')]), 'tên "có" ngoặc.txt');
    const res = await fetch(`${tg.apiRoot}/bot${tg.token}/sendDocument`, { method: 'POST', body: form });
    expect(await res.json()).toMatchObject({ ok: true, result: { document: { file_name: 'tên "có" ngoặc.txt', file_size: 3 } } });
  });
});

// ------------------------------------------------------- failure injection

describe('failure injection', () => {
  let tg: FakeTelegram;
  let bot: Bot;

  beforeAll(async () => {
    tg = await FakeTelegram.start();
    tg.addUser(LAN);
    bot = new Bot(tg.token, { client: { apiRoot: tg.apiRoot } });
  });
  afterAll(() => tg.close());

  it('drops the connection for "network", then works again', async () => {
    tg.failNext('sendMessage', 'network');
    await expect(bot.api.sendMessage(LAN.id, 'mất mạng')).rejects.toBeInstanceOf(HttpError);
    await bot.api.sendMessage(LAN.id, 'có mạng');
    expect(tg.sentTo(LAN.id).map((m) => m.text)).toEqual(['có mạng']);
  });

  it('answers an injected error, once', async () => {
    tg.failNext('getMe', { status: 500, description: 'Internal Server Error' });
    const error = await bot.api.getMe().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 500, description: 'Internal Server Error' });
    await bot.api.getMe();
  });

  it('delays the next call', async () => {
    tg.delayNext(150, 'sendChatAction');
    const started = Date.now();
    await bot.api.sendChatAction(LAN.id, 'typing');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});

// ------------------------------------------------------ getUpdates semantics

describe('getUpdates', () => {
  it('honours limit and offset, and confirms by offset', async () => {
    const tg = await FakeTelegram.start();
    try {
      const a = await tg.sendText(LAN.id, 'a');
      const b = await tg.sendText(LAN.id, 'b');
      const c = await tg.sendText(LAN.id, 'c');
      expect([b.update_id - a.update_id, c.update_id - b.update_id]).toEqual([1, 1]);
      const ids = async (body: Record<string, unknown>) =>
        ((await raw(tg, 'getUpdates', body)).body.result as Update[]).map((u) => u.update_id);
      expect(await ids({ limit: 2 })).toEqual([a.update_id, b.update_id]);
      expect(await ids({})).toEqual([a.update_id, b.update_id, c.update_id]); // nothing confirmed yet
      expect(await ids({ offset: b.update_id })).toEqual([b.update_id, c.update_id]);
      expect(await ids({})).toEqual([b.update_id, c.update_id]); // a is gone for good
      expect(await ids({ offset: -1 })).toEqual([c.update_id]);
      expect(await ids({ offset: c.update_id + 1 })).toEqual([]);
    } finally {
      await tg.close();
    }
  });

  it('injects any update and learns the chats in it', async () => {
    const tg = await FakeTelegram.start();
    try {
      const group = { id: -1001234567890, type: 'supergroup', title: 'Tổ công tác 57' };
      const update = await tg.injectUpdate({
        message: { message_id: 7, date: 1_760_000_000, chat: group, from: { ...MINH, is_bot: false }, text: 'chào nhóm' },
      });
      expect((await raw(tg, 'getUpdates')).body.result).toEqual([update]);
      expect((await raw(tg, 'sendMessage', { chat_id: group.id, text: 'chào cả nhóm' })).body).toMatchObject({
        ok: true,
        result: { message_id: 8, chat: group },
      });
      expect(() => tg.injectUpdate({ update_id: 1, message: {} })).toThrow(/not above/);
    } finally {
      await tg.close();
    }
  });

  it('long-polls: wakes on a new update, 409 for a replaced poll, [] on close', async () => {
    const tg = await FakeTelegram.start();
    const waiting = raw(tg, 'getUpdates', { timeout: 20 });
    await new Promise((r) => setTimeout(r, 30));
    const started = Date.now();
    const update = await tg.sendText(LAN.id, 'dậy đi');
    expect(await waiting).toMatchObject({ status: 200, body: { ok: true, result: [{ update_id: update.update_id }] } });
    // Woken by the update, not by the 20-second poll timeout (a wide margin: the machine may be busy).
    expect(Date.now() - started).toBeLessThan(15_000);

    const older = raw(tg, 'getUpdates', { offset: update.update_id + 1, timeout: 20 });
    await new Promise((r) => setTimeout(r, 30));
    const newer = raw(tg, 'getUpdates', { offset: update.update_id + 1, timeout: 20 });
    expect(await older).toMatchObject({
      status: 409,
      body: { description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' },
    });
    await new Promise((r) => setTimeout(r, 30));
    await tg.close();
    expect(await newer).toMatchObject({ status: 200, body: { result: [] } });
  });
});

// ------------------------------------------------------ parsers in isolation

describe('formatting parsers', () => {
  it.each([
    ['🏟 🏟&lt;<i>a</i   ', 'Unclosed end tag at byte offset 17'],
    ['<i   =x>a</i>', 'Empty attribute name in the tag "i" at byte offset 0'],
    ['<b title=abc,>x</b>', 'Unexpected end of name token at byte offset 9'],
    ['<span>x</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'],
  ])('HTML %j fails with TDLib wording', (html, message) => {
    expect(() => parseHtml(html)).toThrow(message);
  });

  it('handles what TDLib accepts: </>, &lt without ;, attributes, pre+code language, bare-domain links', () => {
    expect(parseHtml('<b x=y>đậm</> &lt 5')).toEqual({ text: 'đậm < 5', entities: [{ type: 'bold', offset: 0, length: 3 }] });
    expect(parseHtml('<pre><code class="language-ts">let x</code></pre>').entities).toEqual([
      { type: 'pre', offset: 0, length: 5, language: 'ts' },
    ]);
    expect(parseHtml('<a href=telegram.org>t</a>').entities).toEqual([
      { type: 'text_link', offset: 0, length: 1, url: 'http://telegram.org/' },
    ]);
    expect(parseHtml('<blockquote expandable>q</blockquote>').entities[0]?.type).toBe('expandable_blockquote');
    expect(parseHtml('Q&A', { strictAmpersand: false }).text).toBe('Q&A');
  });

  it.each([
    ['_nghiêng', "Can't find end of Italic entity at byte offset 0"],
    ['a __b', "Can't find end of Underline entity at byte offset 2"],
    ['[x](http://a.b', "Can't find end of a URL at byte offset 4"],
    ['1 + 1', "Character '+' is reserved and must be escaped with the preceding '\\'"],
  ])('MarkdownV2 %j fails with TDLib wording', (md, message) => {
    expect(() => parseMarkdownV2(md)).toThrow(message);
  });

  it('parses MarkdownV2 entities, links and block quotes', () => {
    expect(parseMarkdownV2('*đậm _nghiêng_* ||ẩn|| [web](https://x.vn/a\\)b) `c\\`d`')).toEqual({
      text: 'đậm nghiêng ẩn web c`d',
      entities: [
        { type: 'bold', offset: 0, length: 11 },
        { type: 'italic', offset: 4, length: 7 },
        { type: 'spoiler', offset: 12, length: 2 },
        { type: 'text_link', offset: 15, length: 3, url: 'https://x.vn/a)b' },
        { type: 'code', offset: 19, length: 3 },
      ],
    });
    expect(parseMarkdownV2('abc\n>q1\n>q2\nxyz').entities).toEqual([{ type: 'blockquote', offset: 4, length: 6 }]);
  });

  it('trims like Telegram and adds the entities it detects', () => {
    expect(formatText('  /start@nq57_bot xem https://hp.gov.vn  ', undefined, undefined)).toEqual({
      text: '/start@nq57_bot xem https://hp.gov.vn',
      entities: [
        { type: 'bot_command', offset: 0, length: 15 },
        { type: 'url', offset: 20, length: 17 },
      ],
    });
  });
});

describe('multipart parser', () => {
  it('reads the exact bytes grammY writes (lower-case headers, unquoted file name)', () => {
    const boundary = '----------abc123';
    const file = Buffer.from([0, 1, 2, 13, 10, 45, 45, 255]);
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\ncontent-disposition:form-data;name="chat_id"\r\n\r\n42\r\n--${boundary}\r\n`),
      Buffer.from(`content-disposition:form-data;name="x1";filename=kế hoạch; bản 2.xlsx\r\ncontent-type:application/octet-stream\r\n\r\n`),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const parts = parseMultipart(body, boundary);
    expect(parts.map((p) => [p.name, p.filename])).toEqual([
      ['chat_id', undefined],
      ['x1', 'kế hoạch; bản 2.xlsx'],
    ]);
    expect(parts[1]!.body.equals(file)).toBe(true);
    expect(parseDisposition(`form-data; name="f"; filename*=UTF-8''b%C3%A1o.pdf`)).toEqual({ name: 'f', filename: 'báo.pdf' });
  });

  it('reads image sizes from headers', () => {
    expect(imageInfo(TINY_PNG)).toEqual({ format: 'png', width: 1, height: 1 });
    expect(imageInfo(Buffer.from('not an image'))).toBeUndefined();
  });
});
