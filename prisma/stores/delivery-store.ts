/**
 * Deliveries in PostgreSQL (or PGlite): planned rows are inserted once (unique
 * dedupeKey), workers claim due rows with FOR UPDATE SKIP LOCKED, and every
 * outcome is written only by the instance holding the row's lock. Also the
 * reads that planning needs (who answers for what, leaders, snoozes,
 * accounts) and the ScheduledRun ticks that make a cron job fire once.
 */
import type { Choice } from '../../domain/chat/reply.ts';
import { PROMPT_TTL_HOURS, type Prompt } from '../../domain/chat/prompt.ts';
import { orderIdentities } from '../../domain/delivery/policy.ts';
import type { ClaimedDelivery, ClaimRequest, DeliveryQueue } from '../../domain/delivery/ports.ts';
import type { IdentityRef, PlannedDelivery, SendChannel } from '../../domain/delivery/types.ts';
import type { Snooze } from '../../domain/reminders/planner.ts';
import type { Role } from '../../domain/people/types.ts';
import type { TaskRow } from '../../domain/tasks/types.ts';
import type { Db } from '../database.ts';
import type { Prisma } from '../generated/client.ts';
import { GroupCommit } from './group-commit.ts';
import { PrismaTaskQueries } from './task-queries.ts';

/** Rows per INSERT statement (see insert). */
const INSERT_CHUNK = 100;
const iso = (d: Date) => d.toISOString();

export type { ClaimedDelivery, ClaimRequest } from '../../domain/delivery/ports.ts';

/**
 * The claim (PrismaDeliveryStore.claim): $1 lockedBy, $2 lockedUntil, $3 now, $4 channel, $5 excluded chats. Its ORDER
 * BY is the order of "Delivery_claim_idx" (test/db/delivery-claim.test.ts checks the plan). The limit is written into
 * the text: the connections plan statements without their parameters' values (plan_cache_mode, prisma/database.ts),
 * and a claim planned for an unknown limit (a tenth of the due rows) hashed whole tables — every resident's account
 * (~20 ms a claim with 100,000 in the bench), or the queue. Each claimed row's account is looked up by its key.
 */
export function claimSql(limit: number): string {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new Error(`claim: a limit of ${limit} rows`);
  return `WITH claimed AS (
     UPDATE "Delivery" d SET state = 'SENDING', "lockedBy" = $1, "lockedUntil" = $2::timestamp, attempts = d.attempts + 1, "callStartedAt" = NULL
     WHERE d.id IN (
       SELECT id FROM "Delivery"
       WHERE state = 'PENDING' AND "notBefore" <= $3::timestamp AND channel = $4::"Channel"
         AND NOT ("chatId" = ANY($5::text[]))
       ORDER BY (kind = 'BROADCAST'), "notBefore", id
       FOR UPDATE SKIP LOCKED
       LIMIT ${limit})
     RETURNING d.*)
   SELECT c.id, c.kind, c."dedupeKey", c."personId", c."identityId", c."unitId", c."broadcastId", c.payload, c.attempts,
          c.channel, c."chatId", i.locale, (i."unreachableAt" IS NOT NULL) AS unreachable
   FROM claimed c LEFT JOIN LATERAL (SELECT locale, "unreachableAt" FROM "ChatIdentity" WHERE id = c."identityId" LIMIT 1) i ON true
   ORDER BY (c.kind = 'BROADCAST'), c.id`;
}

export class PrismaDeliveryStore implements DeliveryQueue {
  constructor(readonly prisma: Db) {}

  /** Inserts planned rows; those whose dedupeKey exists are left alone. Returns how many were new. */
  /**
   * Inserts planned rows; rows whose dedupeKey exists are left alone. Returns
   * how many were new. The rows go as one JSON array per statement: Prisma's
   * createMany builds its query from every row's payload, which for a city's
   * digests cost more than planning them. Prisma still hands a statement's
   * parameters to its query compiler in one synchronous step, so a statement
   * carries INSERT_CHUNK rows (a few tens of kilobytes) and, between
   * statements, `turn` may give chats their turn.
   */
  async insert(rows: PlannedDelivery[], turn: () => Promise<void> = async () => {}): Promise<number> {
    let created = 0;
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      if (i > 0) await turn();
      const chunk = rows.slice(i, i + INSERT_CHUNK).map((r) => ({ ...r, notBefore: r.notBefore.toISOString(), state: r.state ?? 'PENDING', lastError: r.lastError ?? null }));
      created += await this.prisma.$executeRawUnsafe(
        `INSERT INTO "Delivery"(kind, "dedupeKey", "personId", "identityId", "unitId", "broadcastId", payload, "notBefore", channel, "chatId", state, "lastError")
         SELECT x.kind::"DeliveryKind", x."dedupeKey", x."personId", x."identityId", x."unitId", x."broadcastId", x.payload, x."notBefore"::timestamp, x.channel::"Channel", x."chatId", x.state::"DeliveryState", x."lastError"
         FROM jsonb_to_recordset($1::jsonb) AS x(kind text, "dedupeKey" text, "personId" int, "identityId" int, "unitId" int, "broadcastId" int, payload jsonb, "notBefore" text, channel text, "chatId" text, state text, "lastError" text)
         ON CONFLICT ("dedupeKey") DO NOTHING`,
        JSON.stringify(chunk),
      );
    }
    return created;
  }

  /**
   * Claims up to `limit` due rows of one channel: PENDING → SENDING, locked
   * by the caller until `now + leaseMs`, attempts + 1. Non-broadcast rows
   * first (a reminder or a sender's progress notice is not stuck behind
   * 10,000 broadcast rows), then by notBefore. Any number of instances may
   * claim at once: SKIP LOCKED hands each row to one of them.
   *
   * "Delivery_claim_idx" holds the PENDING rows in this order (migration
   * 20261207084800_delivery_claim_index), so a claim reads the rows it
   * takes, not the whole queue (bench notice: a claim with a notice to
   * 100,000 residents queued).
   */
  async claim(req: ClaimRequest): Promise<ClaimedDelivery[]> {
    const rows = (await this.prisma.$queryRawUnsafe(
      claimSql(req.limit),
      req.lockedBy,
      iso(new Date(req.now.getTime() + req.leaseMs)),
      iso(req.now),
      req.channel,
      req.excludeChats ?? [],
    )) as Array<Omit<ClaimedDelivery, 'unreachable'> & { unreachable: boolean | null }>;
    return rows.map((r) => ({ ...r, unreachable: r.unreachable === true }));
  }

  /**
   * Written just before the platform call (and awaited): from here on the
   * message may reach the recipient, so a sweep calls the row UNKNOWN rather
   * than queueing it again. False when the row is no longer ours (the lease
   * expired and it was swept or taken over): then the call must not be made.
   */
  async markCalling(id: number, lockedBy: string, now: Date, until: Date): Promise<boolean> {
    const r = await this.prisma.delivery.updateMany({ where: { id, lockedBy, state: 'SENDING' }, data: { callStartedAt: now, lockedUntil: until } });
    return r.count === 1;
  }

  /** Keeps a long send's lock (several parts, files). */
  async extendLease(id: number, lockedBy: string, until: Date): Promise<void> {
    await this.prisma.delivery.updateMany({ where: { id, lockedBy, state: 'SENDING' }, data: { lockedUntil: until } });
  }

  /**
   * Records a send the platform confirmed. Also when a sweeper already called
   * the outcome unknown (the lock expired while the call was slow): the
   * message did arrive, so SENT is the truth.
   */
  markSent(id: number, lockedBy: string, messageId: string, now: Date): Promise<boolean> {
    return this.#sent.add({ id, lockedBy, messageId, at: iso(now) });
  }

  /** Sends recorded together (GroupCommit): a paid broadcast's hundreds a second cost one statement per round trip. */
  readonly #sent = new GroupCommit<{ id: number; lockedBy: string; messageId: string; at: string }, boolean>(async (rows) => {
    const done = await this.prisma.$queryRawUnsafe<{ id: number }[]>(
      `UPDATE "Delivery" d SET state = 'SENT', "messageId" = x."messageId", "sentAt" = x.at::timestamp, "lockedUntil" = NULL, "lastError" = NULL
       FROM jsonb_to_recordset($1::jsonb) AS x(id int, "lockedBy" text, "messageId" text, at text)
       WHERE d.id = x.id AND ((d."lockedBy" = x."lockedBy" AND d.state IN ('SENDING', 'UNKNOWN')) OR (d.state = 'PENDING' AND d."lockedBy" IS NULL))
       RETURNING d.id`,
      JSON.stringify(rows),
    );
    const ids = new Set(done.map((r) => Number(r.id)));
    return rows.map((r) => ids.has(r.id));
  });

  /** Back to the queue; a rate limit does not count as an attempt. */
  async retry(id: number, lockedBy: string, input: { notBefore: Date; error: string; countsAsAttempt: boolean }): Promise<void> {
    await this.prisma.delivery.updateMany({
      where: { id, lockedBy, state: 'SENDING' },
      data: {
        state: 'PENDING',
        notBefore: input.notBefore,
        lockedBy: null,
        lockedUntil: null,
        callStartedAt: null,
        lastError: input.error.slice(0, 500),
        ...(input.countsAsAttempt ? {} : { attempts: { decrement: 1 } }),
      },
    });
  }

  async finish(id: number, lockedBy: string, state: 'FAILED' | 'UNKNOWN' | 'BLOCKED', error: string): Promise<void> {
    await this.prisma.delivery.updateMany({
      where: { id, lockedBy, state: 'SENDING' },
      data: { state, lockedUntil: null, lastError: error.slice(0, 500) },
    });
  }

  async markUnreachable(identityId: number, now: Date): Promise<void> {
    await this.prisma.chatIdentity.updateMany({ where: { id: identityId, unreachableAt: null }, data: { unreachableAt: now } });
  }

  /**
   * The account refused the message: give the row to the person's next
   * reachable account (issue 6), or record BLOCKED when there is none.
   */
  async fallback(row: ClaimedDelivery, lockedBy: string, now: Date, error: string): Promise<{ moved: true; channel: SendChannel; identityId: number } | { moved: false }> {
    if (row.personId !== null) {
      const person = await this.prisma.person.findUnique({ where: { id: row.personId }, include: { identities: true } });
      const next = person ? orderIdentities(person.identities.filter((i) => i.id !== row.identityId), person.preferredChannel)[0] : undefined;
      if (next) {
        const r = await this.prisma.delivery.updateMany({
          where: { id: row.id, lockedBy, state: 'SENDING' },
          data: {
            identityId: next.id,
            channel: next.channel,
            chatId: next.chatId,
            state: 'PENDING',
            notBefore: now,
            lockedBy: null,
            lockedUntil: null,
            callStartedAt: null,
            attempts: { decrement: 1 },
            lastError: `${row.channel}: ${error}`.slice(0, 500),
          },
        });
        if (r.count === 1) return { moved: true, channel: next.channel as SendChannel, identityId: next.id };
      }
    }
    await this.finish(row.id, lockedBy, 'BLOCKED', `${row.channel}: ${error}`);
    return { moved: false };
  }

  /**
   * Rows whose lock expired while SENDING: the instance died (or stalled).
   * A row whose platform call never started (no callStartedAt) never reached
   * the platform: it goes back to the queue as if never claimed, whatever
   * its kind. A row whose call started may have arrived: broadcasts become
   * UNKNOWN (never re-sent); other kinds go back to the queue (a repeat is
   * allowed), or FAILED once out of attempts.
   */
  async sweep(now: Date, maxAttempts: number): Promise<{ unknown: number; retried: number; failed: number }> {
    const rows = (await this.prisma.$queryRawUnsafe(
      `WITH swept AS (
         SELECT id, kind, attempts, "callStartedAt" IS NOT NULL AS called FROM "Delivery"
         WHERE state = 'SENDING' AND "lockedUntil" < $1::timestamp FOR UPDATE SKIP LOCKED)
       UPDATE "Delivery" d SET
         state = CASE WHEN NOT s.called THEN 'PENDING' WHEN s.kind = 'BROADCAST' THEN 'UNKNOWN' WHEN s.attempts >= $2 THEN 'FAILED' ELSE 'PENDING' END::"DeliveryState",
         "lockedBy" = CASE WHEN s.called AND s.kind = 'BROADCAST' THEN d."lockedBy" ELSE NULL END,
         "lockedUntil" = NULL,
         attempts = CASE WHEN s.called THEN d.attempts ELSE GREATEST(d.attempts - 1, 0) END,
         "notBefore" = CASE WHEN s.called AND (s.kind = 'BROADCAST' OR s.attempts >= $2) THEN d."notBefore" ELSE $1::timestamp END,
         "lastError" = CASE WHEN s.called THEN 'lease expired: the sending instance stopped during the call'
                            ELSE 'lease expired before the call: queued again' END
       FROM swept s WHERE d.id = s.id
       RETURNING d.state`,
      iso(now),
      maxAttempts,
    )) as { state: string }[];
    return {
      unknown: rows.filter((r) => r.state === 'UNKNOWN').length,
      retried: rows.filter((r) => r.state === 'PENDING').length,
      failed: rows.filter((r) => r.state === 'FAILED').length,
    };
  }

  /**
   * Text channels: after a message with choices, a typed "1" must mean its
   * first choice on any instance, so the choices go into the chat's
   * Conversation — unless a flow is in progress there (the person is in the
   * middle of something; their flow keeps its own choices).
   */
  async writeChoices(channel: SendChannel, chatId: string, choices: Choice[], now: Date): Promise<boolean> {
    const prompt: Prompt = { id: `d${now.getTime().toString(36)}`, items: choices, freeNumbers: false, expiresAt: new Date(now.getTime() + PROMPT_TTL_HOURS * 3_600_000).toISOString() };
    const data = { choices: prompt as unknown as Prisma.InputJsonValue, version: { increment: 1 } };
    for (let attempt = 0; attempt < 2; attempt++) {
      const updated = await this.prisma.conversation.updateMany({ where: { channel, chatId, flow: null }, data });
      if (updated.count === 1) return true;
      if (await this.prisma.conversation.findUnique({ where: { channel_chatId: { channel, chatId } }, select: { id: true } })) return false;
      try {
        await this.prisma.conversation.create({ data: { channel, chatId, choices: prompt as unknown as Prisma.InputJsonValue } });
        return true;
      } catch (err) {
        if ((err as { code?: string }).code !== 'P2002') throw err;
      }
    }
    return false;
  }

  /** "Nhắc lại sau": no reminder about this task to this person before `until` (replaces an earlier snooze). */
  async setSnooze(personId: number, taskId: number, until: Date): Promise<void> {
    await this.prisma.reminderSnooze.upsert({ where: { personId_taskId: { personId, taskId } }, create: { personId, taskId, until }, update: { until } });
  }

  /** A broadcast's attachment (base64), for rows whose payload refers to it. */
  async broadcastAttachment(broadcastId: number): Promise<{ base64: string } | null> {
    const b = await this.prisma.broadcast.findUnique({ where: { id: broadcastId }, select: { attachment: true } });
    const a = b?.attachment as { base64?: unknown } | null | undefined;
    return a && typeof a.base64 === 'string' ? { base64: a.base64 } : null;
  }

  /** Counts by state (tests, the bench, health checks). */
  async countsByState(where: Prisma.DeliveryWhereInput = {}): Promise<Record<string, number>> {
    const groups = await this.prisma.delivery.groupBy({ by: ['state'], where, _count: { _all: true } });
    return Object.fromEntries(groups.map((g) => [g.state, g._count._all]));
  }
}

// ── What planning reads ────────────────────────────────────────────────────

export interface Recipient {
  personId: number;
  fullName: string;
  unitId: number | null;
  unitName: string | null;
  roles: Role[];
  preferredChannel: string | null;
  identities: IdentityRef[];
}

export class PrismaPlanningReads {
  readonly queries: PrismaTaskQueries;
  constructor(readonly prisma: Db) {
    this.queries = new PrismaTaskQueries(prisma);
  }

  /** Every assignment (done ones too: a yearly task reopens, a continuous one still owes its monthly update). */
  allAssignments(): Promise<TaskRow[]> {
    return this.queries.assignments({});
  }

  /**
   * Who answers for each assignment, as PrismaTaskQueries.responsibleFor
   * decides it (the task's assignees of that unit, else the unit's focal
   * officers), for everyone at once; active people only.
   */
  async responsibilities(rows: TaskRow[]): Promise<Map<number, TaskRow[]>> {
    const focal = await this.prisma.person.findMany({ where: { active: true, isFocal: true, unitId: { not: null } }, select: { id: true, unitId: true } });
    const focalByUnit = new Map<number, number[]>();
    for (const p of focal) focalByUnit.set(p.unitId!, [...(focalByUnit.get(p.unitId!) ?? []), p.id]);
    const assignees = await this.prisma.taskAssignee.findMany({ select: { taskId: true, personId: true, person: { select: { unitId: true, active: true } } } });
    const byTaskUnit = new Map<string, { personId: number; active: boolean }[]>();
    for (const a of assignees) {
      if (a.person.unitId === null) continue;
      const key = `${a.taskId}:${a.person.unitId}`;
      byTaskUnit.set(key, [...(byTaskUnit.get(key) ?? []), { personId: a.personId, active: a.person.active }]);
    }
    const out = new Map<number, TaskRow[]>();
    for (const row of rows) {
      const named = byTaskUnit.get(`${row.taskId}:${row.unitId}`);
      const people = named?.length ? named.filter((n) => n.active).map((n) => n.personId) : (focalByUnit.get(row.unitId) ?? []);
      for (const id of people) out.set(id, [...(out.get(id) ?? []), row]);
    }
    return out;
  }

  /** unitId → active people with the UNIT_LEADER role in that unit. */
  async leadersByUnit(): Promise<Map<number, number[]>> {
    const leaders = await this.prisma.person.findMany({ where: { id: { in: await personIdsWithRoles(this.prisma, ['UNIT_LEADER']) }, unitId: { not: null } }, select: { id: true, unitId: true } });
    const out = new Map<number, number[]>();
    for (const l of leaders) out.set(l.unitId!, [...(out.get(l.unitId!) ?? []), l.id]);
    return out;
  }

  /** Active people with any of these roles. */
  async peopleWithRoles(roles: Role[]): Promise<Recipient[]> {
    return this.recipients({ id: { in: await personIdsWithRoles(this.prisma, roles) } });
  }

  async people(ids: number[]): Promise<Map<number, Recipient>> {
    const list = await this.recipients({ id: { in: ids } });
    return new Map(list.map((r) => [r.personId, r]));
  }

  async snoozes(since: Date): Promise<Snooze[]> {
    return this.prisma.reminderSnooze.findMany({ where: { until: { gte: since } }, select: { personId: true, taskId: true, until: true } });
  }

  async recipients(where: Prisma.PersonWhereInput): Promise<Recipient[]> {
    const people = await this.prisma.person.findMany({ where, include: { unit: { select: { name: true } }, identities: true }, orderBy: { id: 'asc' } });
    return people.map((p) => ({
      personId: p.id,
      fullName: p.fullName,
      unitId: p.unitId,
      unitName: p.unit?.name ?? null,
      roles: p.roles,
      preferredChannel: p.preferredChannel,
      identities: p.identities,
    }));
  }
}

/**
 * Active people with any of these roles. In SQL with text arrays: Prisma's
 * `has`/`hasSome` on an enum array fail on PGlite ("malformed array literal").
 */
export async function personIdsWithRoles(prisma: Db | Prisma.TransactionClient, roles: Role[]): Promise<number[]> {
  const rows = (await prisma.$queryRawUnsafe(`SELECT id FROM "Person" WHERE active AND roles::text[] && $1::text[] ORDER BY id`, roles)) as { id: number }[];
  return rows.map((r) => r.id);
}

/** The account a person's message goes to now, if any. */
export function bestIdentity(r: Pick<Recipient, 'identities' | 'preferredChannel'>): IdentityRef | null {
  return orderIdentities(r.identities, r.preferredChannel)[0] ?? null;
}

// ── Scheduled ticks ────────────────────────────────────────────────────────

export class PrismaScheduleStore {
  constructor(readonly prisma: Db) {}

  /**
   * Claims a job's tick: the instance whose insert succeeds runs it. A run
   * left unfinished for `staleMs` (its instance died) may be taken over;
   * planning is idempotent by dedupeKey, so a re-run adds only what is missing.
   */
  async claimTick(job: string, tick: Date, instance: string, now: Date, staleMs: number): Promise<boolean> {
    const inserted = (await this.prisma.$queryRawUnsafe(
      `INSERT INTO "ScheduledRun"(job, tick, instance, "startedAt") VALUES ($1, $2::timestamp, $3, $4::timestamp)
       ON CONFLICT (job, tick) DO NOTHING RETURNING job`,
      job,
      iso(tick),
      instance,
      iso(now),
    )) as unknown[];
    if (inserted.length === 1) return true;
    const taken = (await this.prisma.$queryRawUnsafe(
      `UPDATE "ScheduledRun" SET instance = $3, "startedAt" = $4::timestamp
       WHERE job = $1 AND tick = $2::timestamp AND "finishedAt" IS NULL AND "startedAt" < $5::timestamp
       RETURNING job`,
      job,
      iso(tick),
      instance,
      iso(now),
      iso(new Date(now.getTime() - staleMs)),
    )) as unknown[];
    return taken.length === 1;
  }

  async finishTick(job: string, tick: Date, instance: string, now: Date, summary: unknown): Promise<void> {
    await this.prisma.scheduledRun.updateMany({
      where: { job, tick, instance },
      data: { finishedAt: now, summary: (summary ?? {}) as Prisma.InputJsonValue },
    });
  }
}
