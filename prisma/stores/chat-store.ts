/**
 * Identities, link codes and conversations on Prisma (the engine's
 * IdentityStore and ConversationStore). Every method runs on the
 * transaction the chat lock opened, so one chat's messages never interleave.
 */
import { createHash } from 'node:crypto';
import type { ConversationRecord, ConversationStore, Identity, IdentityStore, LinkResult } from '../../domain/chat/ports.ts';
import type { Choice } from '../../domain/chat/reply.ts';
import { normalisePhone } from '../../domain/imports/registry.ts';
import type { ChatChannel } from '../../domain/people/types.ts';
import { Prisma } from '../generated/client.ts';
import { personRef } from './task-queries.ts';

type Tx = Prisma.TransactionClient;

export function hashCode(code: string): string {
  return createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
}

/** Wrong activation codes allowed per chat account and per code within LINK_WINDOW_MS. */
export const LINK_ATTEMPTS = 5;
const LINK_WINDOW_MS = 3_600_000;

export class PrismaIdentityStore implements IdentityStore {
  /** `log` receives refused activation codes (never the code or the account id). */
  constructor(
    private readonly tx: Tx,
    private readonly log?: { warn(obj: object, msg: string): void },
  ) {}

  async find(channel: ChatChannel, externalId: string): Promise<Identity | null> {
    const row = await this.tx.chatIdentity.findUnique({ where: { channel_externalId: { channel, externalId } }, include: { person: { include: { unit: true } } } });
    if (!row) return null;
    const p = row.person && row.person.active ? row.person : null;
    return {
      id: row.id,
      channel: row.channel as ChatChannel,
      externalId: row.externalId,
      chatId: row.chatId,
      locale: row.locale === 'en' ? 'en' : 'vi',
      person: p ? { ...personRef(p), consentAt: p.consentAt, isFocal: p.isFocal, unitName: p.unit?.name ?? null } : null,
    };
  }

  private async link(personId: number, input: { channel: ChatChannel; externalId: string; chatId: string; username?: string; displayName?: string; now: Date }, how: string): Promise<boolean> {
    const existing = await this.tx.chatIdentity.findUnique({ where: { channel_externalId: { channel: input.channel, externalId: input.externalId } } });
    const data = { personId, chatId: input.chatId, username: input.username ?? null, displayName: input.displayName ?? null, linkedAt: input.now, unreachableAt: null };
    if (existing) await this.tx.chatIdentity.update({ where: { id: existing.id }, data });
    else await this.tx.chatIdentity.create({ data: { channel: input.channel, externalId: input.externalId, ...data } });
    await this.tx.auditLog.create({ data: { actor: input.channel.toLowerCase(), actorId: personId, action: `link.${how}`, entity: 'Person', entityId: String(personId), data: { channel: input.channel } } });
    return existing?.personId === personId;
  }

  async linkByCode(input: { code: string; channel: ChatChannel; externalId: string; chatId: string; username?: string; displayName?: string; now: Date }): Promise<LinkResult> {
    const account = `${input.channel}:${input.externalId}`;
    const codeKey = hashCode(input.code).slice(0, 16);
    const wait = await this.attemptsWait(account, codeKey, input.now);
    if (wait !== null) {
      this.log?.warn({ channel: input.channel, reason: 'too-many-attempts', waitMinutes: wait }, 'activation code refused');
      return { ok: false, reason: 'too-many-attempts', waitMinutes: wait };
    }
    const failed = async (reason: 'unknown-code' | 'used-code' | 'expired-code' | 'inactive'): Promise<LinkResult> => {
      // Both keys are counted: one account trying many codes, or one code tried from many accounts.
      await this.tx.auditLog.createMany({
        data: [
          { at: input.now, actor: input.channel.toLowerCase(), action: 'link.failed', entity: 'ChatAccount', entityId: account, data: { reason } },
          { at: input.now, actor: input.channel.toLowerCase(), action: 'link.failed', entity: 'LinkCode', entityId: codeKey, data: { reason } },
        ],
      });
      this.log?.warn({ channel: input.channel, reason }, 'activation code refused');
      return { ok: false, reason };
    };
    const code = await this.tx.linkCode.findUnique({ where: { codeHash: hashCode(input.code) }, include: { person: true } });
    if (!code) return failed('unknown-code');
    if (code.usedAt) return failed('used-code');
    if (code.expiresAt < input.now) return failed('expired-code');
    if (!code.person.active) return failed('inactive');
    // Mark it used first, conditionally: two accounts racing for one code, only one wins.
    const claimed = await this.tx.linkCode.updateMany({ where: { id: code.id, usedAt: null }, data: { usedAt: input.now, usedBy: `${input.channel}:${input.externalId}` } });
    if (claimed.count !== 1) return { ok: false, reason: 'used-code' };
    const already = await this.link(code.personId, input, 'code');
    return { ok: true, person: personRef(code.person), alreadyLinked: already };
  }

  async codeOwner(code: string): Promise<number | null> {
    const row = await this.tx.linkCode.findUnique({ where: { codeHash: hashCode(code.trim().toUpperCase()) }, select: { personId: true } });
    return row?.personId ?? null;
  }

  /** Minutes to wait when an account or a code had LINK_ATTEMPTS failures within the last hour, else null. */
  private async attemptsWait(account: string, codeKey: string, now: Date): Promise<number | null> {
    const since = new Date(now.getTime() - LINK_WINDOW_MS);
    const recent = await this.tx.auditLog.findMany({
      where: { action: 'link.failed', at: { gt: since, lte: now }, OR: [{ entity: 'ChatAccount', entityId: account }, { entity: 'LinkCode', entityId: codeKey }] },
      select: { at: true, entity: true },
      orderBy: { at: 'desc' },
    });
    let until = 0;
    for (const entity of ['ChatAccount', 'LinkCode']) {
      const mine = recent.filter((r) => r.entity === entity);
      // Blocked until the oldest of the last LINK_ATTEMPTS failures leaves the window.
      if (mine.length >= LINK_ATTEMPTS) until = Math.max(until, mine[LINK_ATTEMPTS - 1]!.at.getTime() + LINK_WINDOW_MS);
    }
    return until > now.getTime() ? Math.max(1, Math.ceil((until - now.getTime()) / 60_000)) : null;
  }

  async linkByPhone(input: { phone: string; channel: ChatChannel; externalId: string; chatId: string; username?: string; displayName?: string; now: Date }): Promise<LinkResult> {
    const phone = normalisePhone(input.phone);
    if (!phone) return { ok: false, reason: 'unknown-phone' };
    const people = await this.tx.person.findMany({ where: { phone } });
    if (people.length !== 1) return { ok: false, reason: 'unknown-phone' };
    const person = people[0]!;
    if (!person.active) return { ok: false, reason: 'inactive' };
    const already = await this.link(person.id, input, 'phone');
    return { ok: true, person: personRef(person), alreadyLinked: already };
  }

  async acceptConsent(personId: number, now: Date): Promise<void> {
    await this.tx.person.update({ where: { id: personId }, data: { consentAt: now } });
    await this.tx.auditLog.create({ data: { actor: 'chat', actorId: personId, action: 'consent.accept', entity: 'Person', entityId: String(personId) } });
  }

  async unlink(channel: ChatChannel, externalId: string, now: Date): Promise<boolean> {
    const row = await this.tx.chatIdentity.findUnique({ where: { channel_externalId: { channel, externalId } } });
    if (!row) return false;
    // Messages already queued for this account are not sent.
    await this.tx.delivery.updateMany({ where: { identityId: row.id, state: 'PENDING' }, data: { state: 'SKIPPED', lastError: 'unlinked' } });
    await this.tx.chatIdentity.delete({ where: { id: row.id } });
    await this.tx.auditLog.create({ data: { actor: channel.toLowerCase(), actorId: row.personId, action: 'link.remove', entity: 'Person', entityId: row.personId ? String(row.personId) : null, data: { channel, at: now.toISOString() } } });
    return true;
  }

  async markReachable(identityId: number): Promise<void> {
    await this.tx.chatIdentity.updateMany({ where: { id: identityId, unreachableAt: { not: null } }, data: { unreachableAt: null } });
  }
}

export class PrismaConversationStore implements ConversationStore {
  constructor(private readonly tx: Tx) {}

  async load(channel: ChatChannel, chatId: string): Promise<ConversationRecord | null> {
    const row = await this.tx.conversation.findUnique({ where: { channel_chatId: { channel, chatId } } });
    if (!row) return null;
    return { flow: row.flow, state: row.state, choices: row.choices, expiresAt: row.expiresAt, version: row.version };
  }

  async save(channel: ChatChannel, chatId: string, record: Omit<ConversationRecord, 'version'>): Promise<void> {
    const data = {
      flow: record.flow,
      state: record.state === null || record.state === undefined ? Prisma.DbNull : (record.state as Prisma.InputJsonValue),
      choices: record.choices === null || record.choices === undefined ? Prisma.DbNull : (record.choices as Prisma.InputJsonValue),
      expiresAt: record.expiresAt,
    };
    await this.tx.conversation.upsert({
      where: { channel_chatId: { channel, chatId } },
      create: { channel, chatId, ...data, version: 1 },
      update: { ...data, version: { increment: 1 } },
    });
  }
}
