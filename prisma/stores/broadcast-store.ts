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
import { addToCounts, emptyCounts, milestoneReached, PENDING_STATES, tallyReply, type BroadcastTally, type UnitTally } from '../../domain/broadcasts/tally.ts';
import { nextWindowStart, orderIdentities, type SendWindow } from '../../domain/delivery/policy.ts';
import { storedReply, type DeliveryPayload, type DeliveryState, type SendChannel } from '../../domain/delivery/types.ts';
import type { PersonRef } from '../../domain/people/types.ts';
import type { UnitRef } from '../../domain/units/types.ts';
import type { Db } from '../database.ts';
import type { Prisma } from '../generated/client.ts';
import { PrismaTaskQueries, personRef } from './task-queries.ts';

/** Telegram accepts 50 MB from bots; a notice's file is kept in the database, so less. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

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
  /** Urgent: sent on Telegram as a paid broadcast (the caller checked TELEGRAM_PAID_BROADCAST). */
  paid?: boolean;
  now: Date;
}

export type BroadcastOutcome<T> = ({ ok: true } & T) | { ok: false; error: BroadcastError; unitNames: string[] };


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
    return { ok: true, count: await this.#count(this.prisma, resolved.audience) };
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

    const when = input.scheduledAt && input.scheduledAt > input.now ? input.scheduledAt : input.now;
    const notBefore = nextWindowStart(when, this.options.window);
    const attachment = input.attachment ? { kind: input.attachment.kind, fileName: input.attachment.fileName, mime: input.attachment.mime } : undefined;
    const payload = broadcastPayload({ text: input.text, senderName: sender.fullName, unitName: sender.unitName, ...(attachment ? { attachment } : {}), ...(input.paid ? { paid: true } : {}) });

    const created = await this.#atomically(
      async (tx) => {
        // Counted in the transaction that writes the rows, so the Broadcast row's count is theirs.
        const b = await tx.broadcast.create({
          data: {
            senderId: sender.id,
            text: input.text.trim(),
            attachment: input.attachment ? ({ ...attachment, size: input.attachment.data.byteLength, base64: Buffer.from(input.attachment.data).toString('base64') } as Prisma.InputJsonValue) : undefined,
            audience: input.audience as Prisma.InputJsonValue,
            state: when > input.now ? 'SCHEDULED' : 'SENDING',
            scheduledAt: input.scheduledAt ?? null,
            recipients: 0,
            senderChannel: input.senderChannel ?? null,
            senderChatId: input.senderChatId ?? null,
          },
        });
        // One statement writes the rows and counts the audience they came from.
        const { count } = await this.writeRows(tx, b.id, resolved.audience, payload, notBefore);
        if (count.recipients + count.unreachable === 0) {
          // Nobody to write a row for (and none written): no notice. Deleted rather than thrown, so a caller's transaction stays usable.
          await tx.broadcast.delete({ where: { id: b.id } });
          return { count, broadcastId: null };
        }
        await tx.broadcast.update({ where: { id: b.id }, data: { recipients: count.recipients } });
        await tx.auditLog.create({
          data: { actorId: sender.id, actor: input.senderChannel?.toLowerCase() ?? 'system', action: 'broadcast.create', entity: 'Broadcast', entityId: String(b.id), data: { recipients: count.recipients, audience: input.audience as Prisma.InputJsonValue } },
        });
        return { count, broadcastId: b.id };
      },
    );
    if (created.broadcastId === null) return { ok: false, error: { code: 'empty-audience' }, unitNames: [] };
    return { ok: true, broadcastId: created.broadcastId, recipients: created.count.recipients, count: created.count, notBefore };
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

  /**
   * A typed "đã nhận": acknowledges the latest notice sent to this chat in the
   * last `days` days that is not acknowledged yet ('already' when all are).
   * One read of the chat's notices through "Delivery_chatId_channel_id_idx"
   * (BROADCAST rows only): `kind = 'BROADCAST'` is written in the text, since
   * a generic plan cannot match a partial index's predicate to a parameter.
   */
  async acknowledgeLatest(by: { channel: string; chatId: string }, now: Date, days = 14): Promise<'ok' | 'already' | 'not-found'> {
    const [latest] = (await this.prisma.$queryRawUnsafe(
      `SELECT id, "acknowledgedAt" IS NOT NULL AS acknowledged FROM "Delivery"
       WHERE kind = 'BROADCAST' AND "chatId" = $1 AND channel = $2::"Channel" AND state IN ('SENT', 'UNKNOWN') AND ("sentAt" >= $3::timestamp OR "sentAt" IS NULL)
       ORDER BY "acknowledgedAt" IS NULL DESC, id DESC LIMIT 1`,
      by.chatId,
      by.channel,
      new Date(now.getTime() - days * 86_400_000).toISOString(),
    )) as { id: number; acknowledged: boolean }[];
    if (!latest) return 'not-found';
    return latest.acknowledged ? 'already' : this.acknowledge(latest.id, by, now);
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
      // Most passes have nothing to send: the rows and pending rows, counted from an index, say so. The full tally
      // reads every row and its unit (56–61 ms at 100,000 rows, every 3 s in every worker); it is read, as before,
      // when the notice may be finished or a milestone's message may be due, and what is sent comes from it.
      const counts = await this.#progress(b.id);
      if (counts.pending > 0) {
        const milestone = milestoneReached(counts);
        if (milestone === null || (await this.prisma.delivery.findUnique({ where: { dedupeKey: progressKey(b.id, milestone) }, select: { id: true } }))) continue;
      }
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
      if (milestone !== null && (await this.#notifySender(b.id, progressKey(b.id, milestone), tally, false, now))) progress++;
    }
    return { started: started.count, progress, finished };
  }

  /**
   * A notice's rows and those still pending (as the tally counts them), read
   * from the (broadcastId, state) index alone: no test of the rows' kind,
   * which would read every row. Only a notice's own rows carry its id (the
   * CHECK "Delivery_broadcastId_kind_check"), so these are the tally's rows.
   */
  async #progress(broadcastId: number): Promise<{ total: number; pending: number }> {
    const [r] = (await this.prisma.$queryRawUnsafe(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE state IN (${PENDING_STATES.map((s) => `'${s}'`).join(', ')}))::int AS pending
       FROM "Delivery" WHERE "broadcastId" = $1`,
      broadcastId,
    )) as { total: number; pending: number }[];
    return r!;
  }

  async #notifySender(broadcastId: number, dedupeKey: string, tally: BroadcastTally, final: boolean, now: Date): Promise<boolean> {
    if (await this.prisma.delivery.findUnique({ where: { dedupeKey }, select: { id: true } })) return false;
    const b = await this.prisma.broadcast.findUniqueOrThrow({ where: { id: broadcastId }, include: { sender: { include: { identities: true } } } });
    const identities = b.sender.identities;
    const watched = identities.find((i) => i.channel === b.senderChannel && i.chatId === b.senderChatId && i.unreachableAt === null);
    const identity = watched ?? orderIdentities(identities, b.sender.preferredChannel)[0];
    if (!identity) return false;
    // A progress message of a paid (urgent) notice goes paid too: it comes while the notice's paid sends fill the
    // platform's window, where an unflagged message must wait a whole window after the last of them — a second
    // of the emergency lost per progress message. The final tally comes after them: an ordinary message.
    const paid = !final && (await this.paid(broadcastId));
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
          payload: { v: 1, reply: storedReply(tallyReply(tally, { final })), ...(paid ? { paid: true } : {}) } as unknown as Prisma.InputJsonValue,
          notBefore: nextWindowStart(now, this.options.window),
        },
      ],
      skipDuplicates: true,
    });
    return r.count === 1;
  }

  /**
   * Whether a notice goes as a paid (urgent) broadcast. Its rows are written
   * in one statement with one payload (writeRows), so any one of them says:
   * looking for a paid one among them read every row of an ordinary notice.
   * Ordered as the (broadcastId, state) index is, so that index finds the
   * row: without an order the generic plan scans the table for the first row
   * with this id (EXPLAIN at 2.1 million rows: 854 ms for the latest notice,
   * whose rows come last; 0.1 ms through the index).
   */
  async paid(broadcastId: number): Promise<boolean> {
    const [r] = (await this.prisma.$queryRawUnsafe(`SELECT payload->'paid' = 'true'::jsonb AS paid FROM "Delivery" WHERE "broadcastId" = $1 ORDER BY state LIMIT 1`, broadcastId)) as {
      paid: boolean | null;
    }[];
    return r?.paid === true;
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

  /**
   * One statement writes every recipient's row of a notice (a person's best
   * account, or SKIPPED when every account refused messages before); rows
   * already there are left alone. Returns how many were new.
   */
  async writeRows(tx: Db | Prisma.TransactionClient, broadcastId: number, audience: ResolvedAudience, payload: DeliveryPayload, notBefore: Date): Promise<{ inserted: number; count: AudienceCount }> {
    const { sql, params } = targetsSql(audience, 5);
    const [r] = (await tx.$queryRawUnsafe(
      `WITH ${sql},
       ins AS (
         INSERT INTO "Delivery"(kind, "dedupeKey", "personId", "identityId", channel, "chatId", "unitId", "broadcastId", payload, "notBefore", state, "lastError")
         SELECT 'BROADCAST', 'broadcast:' || $1::int || ':' || t.key, t."personId", t."identityId", t.channel, t."chatId", t."unitId", $1::int, $2::jsonb, $3::timestamp,
                CASE WHEN t."identityId" IS NULL THEN 'SKIPPED' ELSE 'PENDING' END::"DeliveryState",
                CASE WHEN t."identityId" IS NULL THEN $4::text END
         FROM targets t WHERE t."identityId" IS NOT NULL OR t.sendable
         ORDER BY t.src, t.ord1, t.ord2
         ON CONFLICT ("dedupeKey") DO NOTHING
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM ins)::int AS inserted, ${COUNTS}`,
      broadcastId,
      JSON.stringify(payload),
      notBefore.toISOString(),
      'unreachable on every linked account',
      ...params,
    )) as CountRow[];
    return { inserted: r!.inserted, count: countOf(r!) };
  }

  /** The preview's numbers, counted in the database from the same targets the rows are written from. */
  async #count(prisma: Db | Prisma.TransactionClient, audience: ResolvedAudience): Promise<AudienceCount> {
    const { sql, params } = targetsSql(audience, 1);
    const [r] = (await prisma.$queryRawUnsafe(`WITH ${sql} SELECT ${COUNTS}`, ...params)) as CountRow[];
    return countOf(r!);
  }
}

/** The sender's progress message of a notice at a milestone: its delivery row's key, which makes it go once. */
const progressKey = (broadcastId: number, milestone: number) => `broadcast:${broadcastId}:progress:${milestone}`;

const COUNTS = `count(*) FILTER (WHERE "identityId" IS NOT NULL)::int AS recipients,
  count(*) FILTER (WHERE "identityId" IS NOT NULL AND NOT resident)::int AS people,
  count(*) FILTER (WHERE "identityId" IS NOT NULL AND resident)::int AS residents,
  count(*) FILTER (WHERE channel = 'TELEGRAM')::int AS telegram,
  count(*) FILTER (WHERE channel = 'ZALO')::int AS zalo,
  count(*) FILTER (WHERE "identityId" IS NULL AND sendable)::int AS unreachable,
  count(*) FILTER (WHERE "identityId" IS NULL AND NOT sendable)::int AS "notLinked"
  FROM targets`;

type CountRow = Record<'inserted' | 'recipients' | 'people' | 'residents' | 'telegram' | 'zalo' | 'unreachable' | 'notLinked', number>;

function countOf(r: CountRow): AudienceCount {
  return { recipients: r.recipients, people: r.people, residents: r.residents, byChannel: { TELEGRAM: r.telegram, ZALO: r.zalo }, unreachable: r.unreachable, notLinked: r.notLinked };
}

/**
 * The notice's targets as a CTE named `targets`, one row per person (their
 * best account: the preferred app first, then the latest linked; none when
 * every account refused messages before) and per subscribed account that is
 * nobody's in the registry. Registry people come first, then subscribers in
 * the order they subscribed; a person reached both ways is counted once, as
 * the first way found them. Parameters are numbered from `first`.
 */
function targetsSql(audience: ResolvedAudience, first: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (v: unknown, cast: string) => {
    params.push(v);
    return `$${first + params.length - 1}::${cast}`;
  };
  // Registry people: of the audience's units and roles, then those who subscribed (their first subscription's unit when they have none).
  const people: string[] = [];
  if (audience.people) {
    const { unitIds, roles } = audience.people;
    const where = ['p.active'];
    if (unitIds !== null) where.push(`p."unitId" = ANY(${p(unitIds, 'int[]')})`);
    if (roles) where.push(`p.roles::text[] && ${p(roles, 'text[]')}`);
    people.push(`SELECT p.id AS "personId", p."unitId", p."preferredChannel" AS pref, false AS resident, 0 AS src, p.id::float8 AS ord1, 0 AS ord2 FROM "Person" p WHERE ${where.join(' AND ')}`);
  }
  const units = audience.residentsOf.length ? p(audience.residentsOf, 'int[]') : null;
  // A subscription counts once per account: the first (oldest) of that account's subscriptions in the audience.
  const firstSub = `NOT EXISTS (SELECT 1 FROM "Subscription" s2 WHERE s2."identityId" = s."identityId" AND s2."unitId" = ANY(${units}) AND (s2."createdAt", s2.id) < (s."createdAt", s.id))`;
  if (units) {
    people.push(`SELECT pp.id AS "personId", COALESCE(pp."unitId", s."unitId") AS "unitId", pp."preferredChannel" AS pref, true AS resident, 1 AS src, extract(epoch FROM s."createdAt")::float8 AS ord1, s.id AS ord2
      FROM "Subscription" s JOIN "ChatIdentity" i ON i.id = s."identityId" JOIN "Person" pp ON pp.id = i."personId" AND pp.active
      WHERE s."unitId" = ANY(${units})`);
  }
  const personSql = people.length
    ? `persons AS (SELECT DISTINCT ON ("personId") * FROM (${people.join(' UNION ALL ')}) c ORDER BY "personId", src, ord1, ord2),`
    : `persons AS (SELECT NULL::int AS "personId", NULL::int AS "unitId", NULL::"Channel" AS pref, false AS resident, 0 AS src, 0::float8 AS ord1, 0 AS ord2 WHERE false),`;
  const anonymous = units
    ? `UNION ALL
      SELECT 'i:' || a.id, NULL, s."unitId", true, 1, extract(epoch FROM s."createdAt")::float8, s.id,
             CASE WHEN a."unreachableAt" IS NULL AND a.channel IN ('TELEGRAM', 'ZALO') THEN a.id END,
             CASE WHEN a."unreachableAt" IS NULL AND a.channel IN ('TELEGRAM', 'ZALO') THEN a.channel END,
             CASE WHEN a."unreachableAt" IS NULL AND a.channel IN ('TELEGRAM', 'ZALO') THEN a."chatId" END,
             a.channel IN ('TELEGRAM', 'ZALO')
      FROM "Subscription" s JOIN "ChatIdentity" a ON a.id = s."identityId"
      WHERE s."unitId" = ANY(${units}) AND a."personId" IS NULL AND ${firstSub}`
    : '';
  const sql = `${personSql}
    targets AS (
      SELECT 'p:' || u."personId" AS key, u."personId", u."unitId", u.resident, u.src, u.ord1, u.ord2, best.id AS "identityId", best.channel, best."chatId",
             EXISTS (SELECT 1 FROM "ChatIdentity" a WHERE a."personId" = u."personId" AND a.channel IN ('TELEGRAM', 'ZALO')) AS sendable
      FROM persons u
      LEFT JOIN LATERAL (
        SELECT a.id, a.channel, a."chatId" FROM "ChatIdentity" a
        WHERE a."personId" = u."personId" AND a.channel IN ('TELEGRAM', 'ZALO') AND a."unreachableAt" IS NULL
        ORDER BY (a.channel = u.pref) IS TRUE DESC, a."linkedAt" DESC, a.id DESC LIMIT 1
      ) best ON true
      ${anonymous}
    )`;
  return { sql, params };
}
