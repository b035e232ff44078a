/**
 * Shared by the delivery tests: a sender that records what it would send,
 * chat accounts for the sample people, and a delivery runtime on a test
 * database with a fake clock.
 */
import type { Reply } from '../../domain/chat/reply.ts';
import { WorkingCalendar } from '../../domain/calendar/working-days.ts';
import { DEFAULT_HOLIDAYS, DEFAULT_MAKEUP_DAYS } from '../../domain/calendar/holidays.ts';
import type { SendTarget } from '../../domain/delivery/types.ts';
import { reminderSettings, type ReminderSettings } from '../../domain/reminders/settings.ts';
import type { Clock } from '../../domain/shared/clock.ts';
import type { Db } from '../../prisma/database.ts';
import { createDelivery, type Delivery } from '../../bot/delivery/index.ts';
import { SendFailure, type SendContext, type Sender, type SendResult } from '../../bot/delivery/sender.ts';
import type { DeliverySettings } from '../../bot/delivery/settings.ts';
import { DEFAULT_WORKER_SETTINGS, type WorkerSettings } from '../../bot/delivery/worker.ts';
import { createLogger } from '../../bot/logger.ts';

export const silentLog = createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent', format: 'json' });

export const calendar = new WorkingCalendar({ holidays: DEFAULT_HOLIDAYS, makeupDays: DEFAULT_MAKEUP_DAYS });

export interface Recorded {
  at: Date;
  target: SendTarget;
  reply: Reply;
  messageId: string;
}

/** Records sends; `fail(chatId, failure)` makes sends to that chat throw. */
export class RecordingSender implements Sender {
  readonly sent: Recorded[] = [];
  readonly #failures = new Map<string, SendFailure>();
  #next = 1;

  constructor(private readonly clock: Clock) {}

  fail(chatId: string, failure: SendFailure | null): void {
    if (failure) this.#failures.set(chatId, failure);
    else this.#failures.delete(chatId);
  }

  async send(target: SendTarget, reply: Reply, _context?: SendContext): Promise<SendResult> {
    const failure = this.#failures.get(target.chatId);
    if (failure) throw failure;
    const messageId = String(this.#next++);
    this.sent.push({ at: this.clock.now(), target, reply, messageId });
    return { messageId };
  }

  to(chatId: string): Recorded[] {
    return this.sent.filter((s) => s.target.chatId === chatId);
  }
}

export function deliverySettings(overrides: { reminders?: Partial<ReminderSettings>; worker?: Partial<WorkerSettings>; rates?: Partial<DeliverySettings['rates']>; instanceId?: string } = {}): DeliverySettings {
  return {
    reminders: reminderSettings(overrides.reminders),
    worker: { ...DEFAULT_WORKER_SETTINGS, pollMs: 20, sweepEveryMs: 200, monitorEveryMs: 200, warmUpMs: 0, ...overrides.worker },
    rates: { TELEGRAM: 1000, ZALO: 1000, perChatIntervalMs: 0, marginMs: 25, ...overrides.rates },
    catchUpMs: 12 * 3_600_000,
    instanceId: overrides.instanceId ?? 'test',
  };
}

export function testDelivery(prisma: Db, clock: Clock, senders: Parameters<typeof createDelivery>[0]['senders'], settings = deliverySettings()): Delivery {
  return createDelivery({ prisma, clock, calendar, settings, status: { dueSoonDays: 7 }, log: silentLog, senders });
}

/** Telegram chat id of a sample person in these tests. */
export const tgChat = (personId: number) => String(7000 + personId);
export const zaloChat = (personId: number) => `z${personId}`;

/** Links every sample person to a Telegram account (chat 7000 + id), linked before the tests' dates. */
export async function linkSamplePeople(prisma: Db, linkedAt = new Date('2026-01-01T00:00:00Z')): Promise<void> {
  const people = await prisma.person.findMany({ select: { id: true } });
  await prisma.chatIdentity.createMany({
    data: people.map((p) => ({ personId: p.id, channel: 'TELEGRAM' as const, externalId: tgChat(p.id), chatId: tgChat(p.id), linkedAt })),
    skipDuplicates: true,
  });
}

export async function personId(prisma: Db, fullName: string): Promise<number> {
  return (await prisma.person.findFirstOrThrow({ where: { fullName }, select: { id: true } })).id;
}

export { SendFailure };
