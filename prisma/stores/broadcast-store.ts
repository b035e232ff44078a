/**
 * Notices of the Digital Community Team in the database: who they reach
 * (count for the preview, expansion into one delivery row per recipient at
 * confirmation, in one transaction), acknowledgements, tallies, resident
 * subscriptions, and the monitor that reports progress and the final tally to
 * the sender.
 */
import { broadcastPayload, type AudienceCount } from '../../domain/broadcasts/message.ts';
import { checkBroadcastText, resolveAudience, type BroadcastError, type ResolvedAudience } from '../../domain/broadcasts/audience.ts';
import { isSubscribable, type SubscribeResult } from '../../domain/broadcasts/subscriptions.ts';
import { addToCounts, emptyCounts, milestoneReached, tallyReply, type BroadcastTally, type UnitTally } from '../../domain/broadcasts/tally.ts';
import { nextWindowStart, orderIdentities, type SendWindow } from '../../domain/delivery/policy.ts';
import { storedReply, type DeliveryState, type IdentityRef, type PlannedDelivery, type SendChannel } from '../../domain/delivery/types.ts';
import type { PersonRef } from '../../domain/people/types.ts';
import type { UnitRef } from '../../domain/units/types.ts';
import type { Db } from '../database.ts';
import type { Prisma } from '../generated/client.ts';
import { personIdsWithRoles } from './delivery-store.ts';
import { PrismaTaskQueries, personRef } from './task-queries.ts';

/** Telegram accepts 50 MB from bots; a notice's file is kept in the database, so less. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const INSERT_CHUNK = 1000;

export interface BroadcastAttachment {
  kind: 'document' | 'photo';
  fileName: string;
  mime: string;
  data: Uint8Array;
}

export interface CreateBroadcastInput {
  senderId: number;
  text: string;
  audience: unknown;
  attachment?: BroadcastAttachment;
  /** Where the sender watches progress (their chat). */
  senderChannel?: SendChannel;
  senderChatId?: string;
  /** Later sending; null/undefined = now. Either way only inside working hours. */
  scheduledAt?: Date | null;
  now: Date;
}

export type BroadcastOutcome<T> = ({ ok: true } & T) | { ok: false; error: BroadcastError; unitNames: string[] };

interface Target {
  key: string;
  personId: number | null;
  unitId: number | null;
  identity: IdentityRef | null;
  /** Linked, but every account refused messages before. */
  unreachable: boolean;
  resident: boolean;
}

export class PrismaBroadcastStore {
  readonly #queries: PrismaTaskQueries;

  constructor(
    readonly prisma: Db | Prisma.TransactionClient,
    /** inTransaction: `prisma` is the caller's transaction (the chat lock's); writes join it. */
    readonly options: { window: SendWindow; inTransaction?: boolean },
  ) {
    this.#queries = new PrismaTaskQueries(prisma);
  }

  /**
   * Runs `fn` in a transaction: its own, or the caller's when this store was
   * built on one (the chat engine's per-chat transaction; PGlite has a single
   * connection, so a second transaction inside it would wait forever).
   */
  #atomically<T>(fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    // A transaction client still has a $transaction method at run time: the caller says which it is.
    if (this.options.inTransaction) return fn(this.prisma as Prisma.TransactionClient);
    return (this.prisma as Db).$transaction(fn, { timeout: 120_000, maxWait: 30_000 });
  }

  units(): Promise<UnitRef[]> {
    return this.#queries.units();
  }

  /** May this person broadcast, and to which units (null = the whole city)? */
  async permission(personId: number): Promise<BroadcastOutcome<{ area: number[] | null; units: UnitRef[] }>> {
    const [sender, units] = await Promise.all([this.#sender(personId), this.units()]);
    if (!sender) return { ok: false, error: { code: 'not-allowed' }, unitNames: [] };
    const resolved = resolveAudience(sender, { all: true }, units);
    if (!resolved.ok) return { ok: false, error: resolved.error, unitNames: [] };
    const area = resolved.area;
    return { ok: true, area, units: area === null ? units : units.filter((u) => area.includes(u.id)) };
  }

  /** The preview's numbers: how many would get it, on which app, and who cannot be reached. */
  async count(senderId: number, audience: unknown): Promise<BroadcastOutcome<{ count: AudienceCount }>> {
    const resolved = await this.#resolve(senderId, audience);
    if (!resolved.ok) return resolved;
    return { ok: true, count: countOf(await this.#expand(resolved.audience)) };
  }

  /**
   * Confirms a notice: the Broadcast row and one delivery row per recipient
   * are written in one transaction (all or nothing), due at `scheduledAt` or
   * now, moved into working hours.
   */
  async create(input: CreateBroadcastInput): Promise<BroadcastOutcome<{ broadcastId: number; recipients: number; count: AudienceCount; notBefore: Date }>> {
    const textError = checkBroadcastText(input.text);
    if (textError) return { ok: false, error: textError, unitNames: [] };
    if (input.scheduledAt && input.scheduledAt.getTime() < input.now.getTime() - 60_000) return { ok: false, error: { code: 'scheduled-in-past' }, unitNames: [] };
    if (input.attachment && input.attachment.data.byteLength > MAX_ATTACHMENT_BYTES) return { ok: false, error: { code: 'attachment-too-large' }, unitNames: [] };
    const resolved = await this.#resolve(input.senderId, input.audience);
    if (!resolved.ok) return resolved;
    const sender = resolved.sender;
    const targets = await this.#expand(resolved.audience);
    const count = countOf(targets);
    if (count.recipients + count.unreachable === 0) return { ok: false, error: { code: 'empty-audience' }, unitNames: [] };

    const when = input.scheduledAt && input.scheduledAt > input.now ? input.scheduledAt : input.now;
    const notBefore = nextWindowStart(when, this.options.window);
    const attachment = input.attachment ? { kind: input.attachment.kind, fileName: input.attachment.fileName, mime: input.attachment.mime } : undefined;
    const payload = broadcastPayload({ text: input.text, senderName: sender.fullName, unitName: sender.unitName, ...(attachment ? { attachment } : {}) });

    const broadcastId = await this.#atomically(
      async (tx) => {
        const b = await tx.broadcast.create({
          data: {
            senderId: sender.id,
            text: input.text.trim(),
            attachment: input.attachment ? ({ ...attachment, size: input.attachment.data.byteLength, base64: Buffer.from(input.attachment.data).toString('base64') } as Prisma.InputJsonValue) : undefined,
            audience: input.audience as Prisma.InputJsonValue,
            state: when > input.now ? 'SCHEDULED' : 'SENDING',
            scheduledAt: input.scheduledAt ?? null,
            recipients: count.recipients,
            senderChannel: input.senderChannel ?? null,
            senderChatId: input.senderChatId ?? null,
          },
        });
        const rows: PlannedDelivery[] = targets.filter((t) => t.identity || t.unreachable).map((t) => ({
          kind: 'BROADCAST',
          dedupeKey: `broadcast:${b.id}:${t.key}`,
          personId: t.personId,
          identityId: t.identity?.id ?? null,
          channel: (t.identity?.channel as SendChannel | undefined) ?? null,
          chatId: t.identity?.chatId ?? null,
          unitId: t.unitId,
          broadcastId: b.id,
          payload,
          notBefore,
          ...(t.identity ? {} : { state: 'SKIPPED' as const, lastError: 'unreachable on every linked account' }),
        }));
        for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
          await tx.delivery.createMany({
            data: rows.slice(i, i + INSERT_CHUNK).map((r) => ({
              kind: r.kind,
              dedupeKey: r.dedupeKey,
              personId: r.personId,
              identityId: r.identityId,
              channel: r.channel,
              chatId: r.chatId,
              unitId: r.unitId,
              broadcastId: r.broadcastId,
              payload: r.payload as unknown as Prisma.InputJsonValue,
              notBefore: r.notBefore,
              state: r.state ?? 'PENDING',
              lastError: r.lastError ?? null,
            })),
            skipDuplicates: true,
          });
        }
        await tx.auditLog.create({
          data: { actorId: sender.id, actor: input.senderChannel?.toLowerCase() ?? 'system', action: 'broadcast.create', entity: 'Broadcast', entityId: String(b.id), data: { recipients: count.recipients, audience: input.audience as Prisma.InputJsonValue } },
        });
        return b.id;
      },
    );
    return { ok: true, broadcastId, recipients: count.recipients, count, notBefore };
  }

  /** Stops a notice that has not gone out yet (its pending rows become SKIPPED). */
  async cancel(broadcastId: number, byPersonId: number, now: Date): Promise<'cancelled' | 'not-found' | 'not-allowed' | 'too-late'> {
    const b = await this.prisma.broadcast.findUnique({ where: { id: broadcastId } });
    if (!b) return 'not-found';
    const person = await this.prisma.person.findUnique({ where: { id: byPersonId } });
    if (!person || (b.senderId !== byPersonId && !person.roles.includes('ADMIN'))) return 'not-allowed';
    if (b.state === 'DONE' || b.state === 'CANCELLED') return 'too-late';
    await this.#atomically(async (tx) => {
      await tx.delivery.updateMany({ where: { broadcastId, state: 'PENDING' }, data: { state: 'SKIPPED', lastError: 'cancelled by the sender' } });
      await tx.broadcast.update({ where: { id: broadcastId }, data: { state: 'CANCELLED', finishedAt: now } });
    });
    return 'cancelled';
  }

  /** Sent, failed, unreachable, unknown, acknowledged — overall and per unit. */
  async tally(broadcastId: number): Promise<BroadcastTally | null> {
    const b = await this.prisma.broadcast.findUnique({ where: { id: broadcastId }, select: { id: true, state: true } });
    if (!b) return null;
    const groups = (await this.prisma.$queryRawUnsafe(
      `SELECT d."unitId", u.name AS "unitName", d.state, count(*)::int AS count, count(d."acknowledgedAt")::int AS acknowledged
       FROM "Delivery" d LEFT JOIN "Unit" u ON u.id = d."unitId"
       WHERE d."broadcastId" = $1 AND d.kind = 'BROADCAST'
       GROUP BY d."unitId", u.name, d.state`,
      broadcastId,
    )) as { unitId: number | null; unitName: string | null; state: DeliveryState; count: number; acknowledged: number }[];
    const total = emptyCounts();
    const units = new Map<string, UnitTally>();
    for (const g of groups) {
      addToCounts(total, g.state, g.acknowledged, g.count);
      const key = String(g.unitId);
      const u = units.get(key) ?? { unitId: g.unitId, unitName: g.unitName, ...emptyCounts() };
      addToCounts(u, g.state, g.acknowledged, g.count);
      units.set(key, u);
    }
    const unreachable = (await this.prisma.$queryRawUnsafe(
      `SELECT COALESCE(p."fullName", i."displayName", i.username, '#' || i.id::text, '?') AS name, u.name AS "unitName"
       FROM "Delivery" d LEFT JOIN "Person" p ON p.id = d."personId" LEFT JOIN "ChatIdentity" i ON i.id = d."identityId" LEFT JOIN "Unit" u ON u.id = d."unitId"
       WHERE d."broadcastId" = $1 AND d.kind = 'BROADCAST' AND d.state IN ('BLOCKED', 'SKIPPED')
       ORDER BY name LIMIT 20`,
      broadcastId,
    )) as { name: string; unitName: string | null }[];
    return {
      broadcastId,
      state: b.state,
      finished: total.pending === 0,
      ...total,
      units: [...units.values()].sort((a, b2) => b2.total - a.total || (a.unitName ?? '').localeCompare(b2.unitName ?? '', 'vi')),
      unreachable,
      unreachableCount: total.blocked,
    };
  }

  /**
   * "Đã nhận" (or OK on Zalo) from the chat the notice went to. An
   * acknowledgement also proves a send recorded UNKNOWN did arrive.
   */
  async acknowledge(deliveryId: number, by: { channel: string; chatId: string }, now: Date): Promise<'ok' | 'already' | 'not-found'> {
    const where = { id: deliveryId, kind: 'BROADCAST' as const, channel: by.channel as SendChannel, chatId: by.chatId };
    const r = await this.prisma.delivery.updateMany({ where: { ...where, acknowledgedAt: null }, data: { acknowledgedAt: now } });
    if (r.count === 1) {
      await this.prisma.delivery.updateMany({ where: { ...where, state: 'UNKNOWN' }, data: { state: 'SENT', lastError: 'outcome was unknown; confirmed by the recipient' } });
      return 'ok';
    }
    return (await this.prisma.delivery.count({ where })) ? 'already' : 'not-found';
  }

  /** A typed "đã nhận": acknowledges the latest notice sent to this chat in the last `days` days. */
  async acknowledgeLatest(by: { channel: string; chatId: string }, now: Date, days = 14): Promise<'ok' | 'already' | 'not-found'> {
    const where = { kind: 'BROADCAST' as const, channel: by.channel as SendChannel, chatId: by.chatId, state: { in: ['SENT' as const, 'UNKNOWN' as const] }, OR: [{ sentAt: { gte: new Date(now.getTime() - days * 86_400_000) } }, { sentAt: null }] };
    const open = await this.prisma.delivery.findFirst({ where: { ...where, acknowledgedAt: null }, orderBy: { id: 'desc' }, select: { id: true } });
    if (open) return this.acknowledge(open.id, by, now);
    return (await this.prisma.delivery.count({ where })) ? 'already' : 'not-found';
  }

  /** Communes, wards and special zones, for /dangky. */
  async subscribableUnits(): Promise<UnitRef[]> {
    return (await this.units()).filter(isSubscribable).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  async subscribe(identityId: number, unitId: number): Promise<{ result: SubscribeResult; unitName: string | null }> {
    const unit = await this.prisma.unit.findUnique({ where: { id: unitId } });
    if (!unit) return { result: 'unknown-unit', unitName: null };
    if (!isSubscribable(unit)) return { result: 'not-local', unitName: unit.name };
    const r = await this.prisma.subscription.createMany({ data: [{ identityId, unitId }], skipDuplicates: true });
    return { result: r.count === 1 ? 'ok' : 'already', unitName: unit.name };
  }

  /** Leaves one unit's notices, or all of them; returns the names of the units left. */
  async unsubscribe(identityId: number, unitId?: number): Promise<string[]> {
    const subs = await this.prisma.subscription.findMany({ where: { identityId, ...(unitId !== undefined ? { unitId } : {}) }, include: { unit: true } });
    if (!subs.length) return [];
    await this.prisma.subscription.deleteMany({ where: { id: { in: subs.map((s) => s.id) } } });
    return subs.map((s) => s.unit.name);
  }

  async subscriptions(identityId: number): Promise<{ unitId: number; unitName: string }[]> {
    const subs = await this.prisma.subscription.findMany({ where: { identityId }, include: { unit: true }, orderBy: { createdAt: 'asc' } });
    return subs.map((s) => ({ unitId: s.unitId, unitName: s.unit.name }));
  }

  /**
   * Runs in every worker (any instance may): starts scheduled notices that
   * are due, sends the sender a progress message at 25/50/75% for large
   * notices, and the final tally once nothing is pending. Conditional updates
   * and dedupe keys make each message go once.
   */
  async monitor(now: Date): Promise<{ started: number; progress: number; finished: number }> {
    const started = await this.prisma.broadcast.updateMany({ where: { state: 'SCHEDULED', scheduledAt: { lte: now } }, data: { state: 'SENDING' } });
    let progress = 0;
    let finished = 0;
    for (const b of await this.prisma.broadcast.findMany({ where: { state: 'SENDING' }, select: { id: true } })) {
      const tally = await this.tally(b.id);
      if (!tally) continue;
      if (tally.finished) {
        const done = await this.prisma.broadcast.updateMany({ where: { id: b.id, state: 'SENDING' }, data: { state: 'DONE', finishedAt: now } });
        if (done.count === 1) {
          finished++;
          await this.#notifySender(b.id, `broadcast:${b.id}:final`, { ...tally, state: 'DONE' }, true, now);
        }
        continue;
      }
      const milestone = milestoneReached(tally);
      if (milestone !== null && (await this.#notifySender(b.id, `broadcast:${b.id}:progress:${milestone}`, tally, false, now))) progress++;
    }
    return { started: started.count, progress, finished };
  }

  async #notifySender(broadcastId: number, dedupeKey: string, tally: BroadcastTally, final: boolean, now: Date): Promise<boolean> {
    if (await this.prisma.delivery.findUnique({ where: { dedupeKey }, select: { id: true } })) return false;
    const b = await this.prisma.broadcast.findUniqueOrThrow({ where: { id: broadcastId }, include: { sender: { include: { identities: true } } } });
    const identities = b.sender.identities;
    const watched = identities.find((i) => i.channel === b.senderChannel && i.chatId === b.senderChatId && i.unreachableAt === null);
    const identity = watched ?? orderIdentities(identities, b.sender.preferredChannel)[0];
    if (!identity) return false;
    const r = await this.prisma.delivery.createMany({
      data: [
        {
          kind: 'NOTICE',
          dedupeKey,
          personId: b.senderId,
          identityId: identity.id,
          channel: identity.channel,
          chatId: identity.chatId,
          unitId: b.sender.unitId,
          payload: { v: 1, reply: storedReply(tallyReply(tally, { final })) } as unknown as Prisma.InputJsonValue,
          notBefore: nextWindowStart(now, this.options.window),
        },
      ],
      skipDuplicates: true,
    });
    return r.count === 1;
  }

  async #sender(personId: number): Promise<(PersonRef & { unitName: string | null }) | null> {
    const p = await this.prisma.person.findUnique({ where: { id: personId }, include: { unit: { select: { name: true } } } });
    return p && p.active ? { ...personRef(p), unitName: p.unit?.name ?? null } : null;
  }

  async #resolve(senderId: number, audience: unknown): Promise<({ ok: true; audience: ResolvedAudience; sender: PersonRef & { unitName: string | null } }) | { ok: false; error: BroadcastError; unitNames: string[] }> {
    const [sender, units] = await Promise.all([this.#sender(senderId), this.units()]);
    if (!sender) return { ok: false, error: { code: 'not-allowed' }, unitNames: [] };
    const r = resolveAudience(sender, audience, units);
    if (!r.ok) return { ok: false, error: r.error, unitNames: (r.error.unitIds ?? []).map((id) => units.find((u) => u.id === id)?.name ?? `#${id}`) };
    return { ok: true, audience: r.audience, sender };
  }

  /** One target per person (their best account) and per subscribed account that is nobody's in the registry. */
  async #expand(audience: ResolvedAudience): Promise<Target[]> {
    const targets = new Map<string, Target>();
    const add = (personId: number | null, identities: IdentityRef[], preferred: string | null, unitId: number | null, resident: boolean, key: string) => {
      if (targets.has(key)) return;
      const sendable = identities.filter((i) => i.channel === 'TELEGRAM' || i.channel === 'ZALO');
      const identity = orderIdentities(sendable, preferred)[0] ?? null;
      if (!identity && sendable.length === 0) {
        targets.set(key, { key, personId, unitId, identity: null, unreachable: false, resident });
        return;
      }
      targets.set(key, { key, personId, unitId, identity, unreachable: identity === null, resident });
    };
    if (audience.people) {
      const { unitIds, roles } = audience.people;
      const people = await this.prisma.person.findMany({
        where: { active: true, ...(unitIds !== null ? { unitId: { in: unitIds } } : {}), ...(roles ? { id: { in: await personIdsWithRoles(this.prisma, roles) } } : {}) },
        include: { identities: true },
        orderBy: { id: 'asc' },
      });
      for (const p of people) add(p.id, p.identities, p.preferredChannel, p.unitId, false, `p:${p.id}`);
    }
    if (audience.residentsOf.length) {
      const subs = await this.prisma.subscription.findMany({
        where: { unitId: { in: audience.residentsOf } },
        include: { identity: { include: { person: { include: { identities: true } } } } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
      for (const s of subs) {
        const person = s.identity.person;
        if (person) {
          if (person.active) add(person.id, person.identities, person.preferredChannel, person.unitId ?? s.unitId, true, `p:${person.id}`);
        } else add(null, [s.identity], null, s.unitId, true, `i:${s.identity.id}`);
      }
    }
    return [...targets.values()];
  }
}

function countOf(targets: Target[]): AudienceCount {
  const count: AudienceCount = { recipients: 0, people: 0, residents: 0, byChannel: { TELEGRAM: 0, ZALO: 0 }, unreachable: 0, notLinked: 0 };
  for (const t of targets) {
    if (t.identity) {
      count.recipients++;
      if (t.resident) count.residents++;
      else count.people++;
      count.byChannel[t.identity.channel as SendChannel]++;
    } else if (t.unreachable) count.unreachable++;
    else count.notLinked++;
  }
  return count;
}
