/**
 * The bot on Zalo for end-to-end tests: the real Zalo client polling a local
 * fake Zalo Bot API (one update per call, 408 when idle), the engine on a
 * real database, a clock the test moves. Zalo has no buttons: users answer
 * with numbers or words.
 */
import { buildChatService, type ChatServiceDeps } from '../../bot/app.ts';
import type { ChatService } from '../../bot/chat/service.ts';
import { i18n } from '../../bot/i18n.ts';
import { createInvite } from '../../bot/services/invite.ts';
import { createZaloUpdateHandler, type FilePublisher } from '../../bot/zalo/adapter.ts';
import { ZaloClient } from '../../bot/zalo/client.ts';
import { startPolling } from '../../bot/zalo/polling.ts';
import { FixedClock } from '../../domain/shared/clock.ts';
import { instantOf } from '../../domain/shared/day.ts';
import { FakeZalo } from '../fakes/zalo/server.ts';
import type { TestDatabase } from './db.ts';
import { CALENDAR, DELIVERY, SETTINGS, silentLog } from './telegram-harness.ts';
import { fetchZaloImage } from '../../bot/zalo/files.ts';
import { createDelivery, type Delivery } from '../../bot/delivery/index.ts';
import { ZaloSender } from '../../bot/zalo/sender.ts';
import { VoiceService, type SttConfig } from '../../bot/voice/service.ts';

export class ZaloHarness {
  client!: ZaloClient;
  service!: ChatService;
  private abort!: AbortController;
  private polling!: Promise<void>;

  private constructor(
    readonly zalo: FakeZalo,
    readonly db: TestDatabase,
    readonly clock: FixedClock,
    private readonly options: { files?: FilePublisher; stt?: SttConfig; sheets?: ChatServiceDeps['sheets'] },
  ) {}

  static async start(db: TestDatabase, options: { today?: string; files?: FilePublisher; stt?: SttConfig; sheets?: ChatServiceDeps['sheets'] } = {}): Promise<ZaloHarness> {
    const zalo = await FakeZalo.start({ maxPollWaitMs: 200 });
    const h = new ZaloHarness(zalo, db, new FixedClock(instantOf(options.today ?? '2026-11-26', 9)), options);
    h.startBot();
    return h;
  }

  startBot(): void {
    this.client = new ZaloClient({ token: this.zalo.token, apiRoot: this.zalo.apiRoot, pollTimeoutSeconds: 1 });
    this.service = buildChatService({ prisma: this.db.prisma, clock: this.clock, settings: SETTINGS, log: silentLog, tr: i18n(), calendar: CALENDAR, delivery: DELIVERY, files: { fetch: (f) => fetchZaloImage(f.fileId) }, sheets: this.options.sheets, ...(this.options.stt ? { voice: new VoiceService(this.options.stt, silentLog) } : {}) });
    const onUpdate = createZaloUpdateHandler({ handler: this.service, client: this.client, tr: i18n(), log: silentLog, files: this.options.files });
    this.abort = new AbortController();
    this.polling = startPolling(this.client, onUpdate, { signal: this.abort.signal, timeoutSeconds: 1 });
  }

  /** Reminders, digests and notices, sent through the fake Zalo API (call `delivery.worker.runUntilIdle()`). */
  delivery(): Delivery {
    return (this.#delivery ??= createDelivery({
      prisma: this.db.prisma,
      clock: this.clock,
      calendar: CALENDAR,
      settings: DELIVERY,
      status: SETTINGS.status,
      log: silentLog,
      senders: { ZALO: new ZaloSender({ token: this.zalo.token, apiRoot: this.zalo.apiRoot, tr: i18n() }) },
    }));
  }
  #delivery: Delivery | undefined;

  async stopBot(): Promise<void> {
    this.abort.abort();
    await this.polling.catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.stopBot();
    await this.zalo.close();
  }

  /** Sends a text and waits for `count` new messages from the bot; returns their texts. */
  async say(userId: string, text: string, count = 1): Promise<string[]> {
    const before = this.zalo.sentTo(userId).length;
    await this.zalo.sendText(userId, text);
    const all = await this.zalo.waitForMessages(userId, before + count, 60_000);
    return all.slice(before).map((m) => m.text ?? m.caption ?? `[${m.method} ${m.photo ?? ''}]`);
  }

  async invite(name: string): Promise<string> {
    const person = await this.db.prisma.person.findFirstOrThrow({ where: { fullName: name } });
    return (await createInvite(this.db.prisma, person.id, { ttlHours: 72, now: this.clock.now(), createdBy: 'test' })).code;
  }

  async linkAndAccept(userId: string, name: string): Promise<void> {
    const code = await this.invite(name);
    const replies = await this.say(userId, code, 2);
    if (replies[1]!.includes('dữ liệu cá nhân')) await this.say(userId, '1', 2);
  }
}
