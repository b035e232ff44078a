/**
 * A running bot for end-to-end tests: the real grammY adapter polling a
 * local fake Telegram Bot API, the conversation engine on a real database
 * with the sample data, and a clock the test moves.
 */
import type { RunnerHandle } from '@grammyjs/runner';
import { pino } from 'pino';
import type { Bot } from 'grammy';
import { buildChatService, workingCalendar } from '../../bot/app.ts';
import { parseConfig } from '../../bot/config.ts';
import { createDelivery, type Delivery } from '../../bot/delivery/index.ts';
import { parseDeliverySettings, type DeliverySettings } from '../../bot/delivery/settings.ts';
import { telegramFileFetcher, telegramFileUrl } from '../../bot/telegram/files.ts';
import { VoiceService, type SttConfig } from '../../bot/voice/service.ts';
import { TelegramSender } from '../../bot/telegram/sender.ts';
import type { ChatService } from '../../bot/chat/service.ts';
import { i18n } from '../../bot/i18n.ts';
import { createInvite } from '../../bot/services/invite.ts';
import { createTelegramBot, startPolling } from '../../bot/telegram/bot.ts';
import type { EngineSettings } from '../../domain/chat/engine.ts';
import { FixedClock } from '../../domain/shared/clock.ts';
import { instantOf } from '../../domain/shared/day.ts';
import { FakeTelegram } from '../fakes/telegram/server.ts';
import type { SentMessage } from '../fakes/telegram/types.ts';
import type { TestDatabase } from './db.ts';

export const silentLog = pino({ level: 'silent' });
/** The choice a button's callback data names, without the prompt id the engine's prompts add ("f:save|1a"). */
export const choiceOf = (data: string | undefined): string => (data ?? '').replace(/\|[^|]*$/, '');
export const SETTINGS: EngineSettings = { flowTimeoutMinutes: 30, correctionMinutes: 60, status: { dueSoonDays: 7 } };
export const CALENDAR = workingCalendar(parseConfig({}));
/** Delivery for chat tests: fast, and not held to working hours (the fake clock sets the hour anyway). */
export const DELIVERY = parseDeliverySettings({ DELIVERY_WINDOW: 'always', PER_CHAT_INTERVAL_MS: '0', TELEGRAM_RATE_PER_SECOND: '200', ZALO_RATE_PER_SECOND: '200', INSTANCE_ID: 'test' });

export class TelegramHarness {
  bot!: Bot;
  runner!: RunnerHandle;
  service!: ChatService;
  /** Voice messages, when started with `stt`. */
  voice: VoiceService | undefined;
  /** Delivery settings of the next startBot() and delivery() (e.g. TELEGRAM_PAID_BROADCAST on). */
  deliverySettings: DeliverySettings = DELIVERY;

  private constructor(
    readonly tg: FakeTelegram,
    readonly db: TestDatabase,
    readonly clock: FixedClock,
  ) {}

  static async start(db: TestDatabase, options: { today?: string; stt?: SttConfig } = {}): Promise<TelegramHarness> {
    const tg = await FakeTelegram.start({ botUsername: 'nq57_test_bot' });
    const h = new TelegramHarness(tg, db, new FixedClock(instantOf(options.today ?? '2026-11-26', 9)));
    if (options.stt) h.voice = new VoiceService(options.stt, silentLog);
    await h.startBot();
    return h;
  }

  /** Starts (or restarts, after stopBot) a fresh bot process against the same database. */
  async startBot(): Promise<void> {
    this.service = buildChatService({ prisma: this.db.prisma, clock: this.clock, settings: SETTINGS, log: silentLog, tr: i18n(), calendar: CALENDAR, delivery: this.deliverySettings, files: { fetch: (f) => telegramFileFetcher(this.bot.api, this.tg.token, this.tg.apiRoot)(f.fileId) }, voice: this.voice });
    this.bot = createTelegramBot({ token: this.tg.token, apiRoot: this.tg.apiRoot, handler: this.service, tr: i18n(), log: silentLog, botInfo: this.tg.botInfo });
    if (this.voice) this.voice.source.urls.TELEGRAM = telegramFileUrl(this.bot.api, this.tg.token, this.tg.apiRoot);
    this.runner = startPolling(this.bot);
  }

  /** Reminders, digests and notices, sent through the fake Bot API (call `delivery.worker.runUntilIdle()`). */
  delivery(): Delivery {
    return (this.#delivery ??= createDelivery({
      prisma: this.db.prisma,
      clock: this.clock,
      calendar: CALENDAR,
      settings: this.deliverySettings,
      status: SETTINGS.status,
      log: silentLog,
      senders: { TELEGRAM: new TelegramSender({ token: this.tg.token, apiRoot: this.tg.apiRoot, tr: i18n() }) },
    }));
  }
  #delivery: Delivery | undefined;

  /** Restarts the bot with other delivery settings (the delivery object is made anew). */
  async restartWith(settings: DeliverySettings): Promise<void> {
    await this.stopBot();
    this.deliverySettings = settings;
    this.#delivery = undefined;
    await this.startBot();
  }

  async stopBot(): Promise<void> {
    if (this.runner.isRunning()) await this.runner.stop();
  }

  async close(): Promise<void> {
    await this.stopBot();
    await this.tg.close();
  }

  user(id: number, first_name = `User ${id}`): number {
    this.tg.addUser({ id, first_name, language_code: 'vi' });
    return id;
  }

  async invite(name: string, ttlHours = 72): Promise<string> {
    const person = await this.db.prisma.person.findFirstOrThrow({ where: { fullName: name } });
    return (await createInvite(this.db.prisma, person.id, { ttlHours, now: this.clock.now(), createdBy: 'test', telegramUsername: 'nq57_test_bot' })).code;
  }

  /** Links a user to a person by code and accepts the personal-data notice. */
  async linkAndAccept(userId: number, name: string): Promise<void> {
    const code = await this.invite(name);
    const before = this.tg.sentTo(userId).length;
    await this.tg.sendCommand(userId, '/start', code);
    const msgs = await this.tg.waitForMessages(userId, before + 2);
    const notice = msgs[msgs.length - 1]!;
    // The notice is shown once per person: a second account of the same person skips it.
    const accept = this.tg.buttons(notice).find((b) => choiceOf(b.data) === 'consent:yes');
    if (accept) {
      await this.tg.pressButton(userId, notice.message_id, accept.data!);
      await this.tg.waitForMessages(userId, before + 4);
    }
  }

  /** Sends a text and waits for `count` new messages; returns them. */
  async say(userId: number, text: string, count = 1): Promise<SentMessage[]> {
    const before = this.tg.sentTo(userId).length;
    await this.tg.sendText(userId, text);
    return (await this.tg.waitForMessages(userId, before + count)).slice(before);
  }

  async press(userId: number, message: SentMessage, labelOrData: string | RegExp, count = 1): Promise<SentMessage[]> {
    const button = this.tg.buttons(message).find((b) => (labelOrData instanceof RegExp ? labelOrData.test(b.text) || labelOrData.test(choiceOf(b.data)) : b.text === labelOrData || b.data === labelOrData || choiceOf(b.data) === labelOrData));
    if (!button?.data) throw new Error(`no button ${labelOrData} in: ${this.tg.buttons(message).map((b) => `${b.text}=${b.data}`).join(', ')}`);
    const before = this.tg.sentTo(userId).length;
    await this.tg.pressButton(userId, message.message_id, button.data);
    return (await this.tg.waitForMessages(userId, before + count)).slice(before);
  }

  /** The callback data of the button offering `choiceId` ("choice|prompt" for the engine's prompts). */
  dataOf(message: SentMessage, choiceId: string): string {
    const b = this.tg.buttons(message).find((x) => choiceOf(x.data) === choiceId);
    if (!b?.data) throw new Error(`no button ${choiceId}`);
    return b.data;
  }

  last(userId: number): SentMessage {
    return this.tg.lastMessage(userId)!;
  }
}
