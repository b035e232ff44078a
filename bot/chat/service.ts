/**
 * Runs the conversation engine for one inbound message inside a database
 * transaction that holds a per-chat advisory lock: with several instances,
 * one chat's messages are handled one at a time, and an update already
 * handled (redelivered by the platform) has no effect. Replies are returned
 * for the adapter to send after the transaction commits.
 */
import { ChatEngine, type EngineSettings, type Extension, type Inbound, type Outcome } from '../../domain/chat/engine.ts';
import type { Clock } from '../../domain/shared/clock.ts';
import type { Reply } from '../../domain/chat/reply.ts';
import type { Db } from '../../prisma/database.ts';
import type { Prisma } from '../../prisma/generated/client.ts';
import { PrismaConversationStore, PrismaIdentityStore } from '../../prisma/stores/chat-store.ts';
import { PrismaProgressStore } from '../../prisma/stores/progress-store.ts';
import { PrismaTaskQueries } from '../../prisma/stores/task-queries.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { Hearing } from '../voice/service.ts';
import { asTyped } from '../../domain/voice/hear.ts';

export interface ChatServiceDeps {
  prisma: Db;
  clock: Clock;
  settings: EngineSettings;
  log: Logger;
  /** Built per message on its transaction. */
  extensions?: (tx: Prisma.TransactionClient) => Extension[];
  fallback?: (tx: Prisma.TransactionClient) => Extension;
  metrics?: Pick<Metrics, 'messages' | 'answerSeconds'>;
  /** Runs after the engine on the same transaction (proposals raised by the updates it saved); its lines end the engine's last reply. */
  afterMessage?: (tx: Prisma.TransactionClient, inbound: Inbound, started: Date) => Promise<Reply[]>;
  /** Voice messages (STT_URL set); unset, the engine answers that voice is not enabled. */
  voice?: Hearing;
}

export class DuplicateUpdate extends Error {}

export class ChatService {
  constructor(private readonly deps: ChatServiceDeps) {}

  /** Handles `inbound`; `dedupeKey` (e.g. Telegram's update_id) makes a redelivery a no-op (returns null). */
  async handle(inbound: Inbound, dedupeKey?: string): Promise<Outcome | null> {
    const m = this.deps.metrics;
    const stop = m?.answerSeconds.startTimer({ channel: inbound.channel });
    try {
      // Heard before the transaction: a slow speech service never holds the chat's lock.
      // Only for linked people: a stranger's clip is not sent to the speech service (the engine asks them to link).
      if (inbound.voice && !inbound.heard && this.deps.voice && (await this.linked(inbound)) && !(await this.seen(inbound, dedupeKey))) {
        const heard = await this.deps.voice.hear(inbound.voice);
        inbound = { ...inbound, heard, text: heard.ok ? asTyped(heard.transcript) : '' };
      }
      const outcome = await this.run(inbound, dedupeKey);
      m?.messages.inc({ channel: inbound.channel, outcome: outcome ? 'answered' : 'duplicate' });
      if (outcome) stop?.();
      return outcome;
    } catch (err) {
      m?.messages.inc({ channel: inbound.channel, outcome: 'error' });
      throw err;
    }
  }

  /** A redelivered update (its key already handled) is not transcribed again; run() then ignores it. */
  private async seen(inbound: Inbound, dedupeKey?: string): Promise<boolean> {
    if (!dedupeKey) return false;
    return (await this.deps.prisma.processedUpdate.count({ where: { channel: inbound.channel, key: dedupeKey } })) > 0;
  }

  private async linked(inbound: Inbound): Promise<boolean> {
    if (inbound.asPerson) return true;
    const row = await this.deps.prisma.chatIdentity.findUnique({ where: { channel_externalId: { channel: inbound.channel, externalId: inbound.user.externalId } }, select: { person: { select: { active: true } } } });
    return Boolean(row?.person?.active);
  }

  private async run(inbound: Inbound, dedupeKey?: string): Promise<Outcome | null> {
    const { prisma } = this.deps;
    try {
      return await prisma.$transaction(
        async (tx) => {
          await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `chat:${inbound.channel}:${inbound.chatId}`);
          if (dedupeKey) {
            const inserted = await tx.processedUpdate.createMany({ data: [{ channel: inbound.channel, key: dedupeKey }], skipDuplicates: true });
            if (inserted.count === 0) throw new DuplicateUpdate();
          }
          const engine = new ChatEngine({
            identities: new PrismaIdentityStore(tx, this.deps.log),
            conversations: new PrismaConversationStore(tx),
            progress: new PrismaProgressStore(tx),
            queries: new PrismaTaskQueries(tx),
            clock: this.deps.clock,
            settings: this.deps.settings,
            extensions: this.deps.extensions?.(tx),
            fallback: this.deps.fallback?.(tx),
          });
          const started = this.deps.clock.now();
          const outcome = await engine.handle(inbound);
          const after = await this.deps.afterMessage?.(tx, inbound, started);
          if (!after?.length) return outcome;
          // In the same message as the engine's last reply ("Đã lưu …"): one message in, as many out as before.
          const last = outcome.replies.at(-1);
          const extra = after.flatMap((r) => r.lines);
          return last ? { ...outcome, replies: [...outcome.replies.slice(0, -1), { ...last, lines: [...last.lines, ...extra] }] } : { ...outcome, replies: after };
        },
        { timeout: 60_000, maxWait: 60_000 },
      );
    } catch (err) {
      if (err instanceof DuplicateUpdate) {
        this.deps.log.info({ channel: inbound.channel, dedupeKey }, 'duplicate update ignored');
        return null;
      }
      throw err;
    }
  }
}
