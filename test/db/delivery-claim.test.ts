/**
 * The claim's order and what it takes (prisma/stores/delivery-store.ts
 * claim): personal rows (reminders, digests, escalations, a sender's
 * progress notice) before broadcast rows, then by notBefore, then by id;
 * only due PENDING rows of the channel, never a chat excluded for its rate
 * limit; a row another claimer holds is skipped, not waited for, and no row
 * is handed to two claimers (PostgreSQL part). And how: along the index
 * holding the PENDING rows in that order, never sorting the queue.
 */
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { line } from '../../domain/chat/reply.ts';
import type { DeliveryKind, PlannedDelivery, SendChannel } from '../../domain/delivery/types.ts';
import { claimSql, PrismaDeliveryStore } from '../../prisma/stores/delivery-store.ts';
import { createTestDatabase, rawQuery, usingPostgres, type TestDatabase } from '../support/db.ts';

const NOW = new Date('2026-03-03T02:00:00Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

type PlanNode = { 'Node Type': string; 'Parent Relationship'?: string; 'Index Name'?: string; 'Relation Name'?: string; Plans?: PlanNode[] };
const all = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(all)];
/** A node's input: its children and theirs, leaving out the CTEs and subplans hung from it. */
const input = (n: PlanNode): PlanNode[] => (n.Plans ?? []).filter((c) => c['Parent Relationship'] !== 'InitPlan' && c['Parent Relationship'] !== 'SubPlan').flatMap((c) => [c, ...input(c)]);

describe('delivery claim', () => {
  let db: TestDatabase;
  let store: PrismaDeliveryStore;

  const row = (dedupeKey: string, kind: DeliveryKind, minutes: number, over: Partial<PlannedDelivery> = {}): PlannedDelivery => ({
    kind,
    dedupeKey,
    personId: null,
    identityId: null,
    channel: 'TELEGRAM',
    chatId: `chat-${dedupeKey}`,
    unitId: null,
    broadcastId: null,
    payload: { v: 1, reply: { lines: [line({ raw: dedupeKey })] } },
    notBefore: at(minutes),
    ...over,
  });

  const claim = async (limit: number, over: { channel?: SendChannel; now?: Date; excludeChats?: string[]; lockedBy?: string } = {}) =>
    (await store.claim({ channel: over.channel ?? 'TELEGRAM', limit, now: over.now ?? NOW, lockedBy: over.lockedBy ?? 'w1', leaseMs: 60_000, excludeChats: over.excludeChats })).map((r) => r.dedupeKey);

  /** The claim's plan in one session (PREPARE, EXPLAIN EXECUTE), on PostgreSQL or PGlite. */
  const explainClaim = async (mode: string): Promise<PlanNode> => {
    const statements = [
      `SET plan_cache_mode = ${mode}`,
      `PREPARE claim_plan(text, text, text, text, text[]) AS ${claimSql(30)}`,
      `EXPLAIN (FORMAT JSON) EXECUTE claim_plan('w1', '2026-03-03T02:01:00Z', '2026-03-03T02:00:00Z', 'TELEGRAM', '{}')`,
      'DEALLOCATE claim_plan',
      'RESET plan_cache_mode',
    ];
    const results: Record<string, unknown>[][] = [];
    if (db.url) {
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      try {
        for (const sql of statements) results.push((await c.query(sql)).rows);
      } finally {
        await c.end();
      }
    } else for (const sql of statements) results.push(await rawQuery(db, sql));
    const plan = results[2]![0]!['QUERY PLAN'];
    return ((typeof plan === 'string' ? JSON.parse(plan) : plan) as { Plan: PlanNode }[])[0]!.Plan;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PrismaDeliveryStore(db.prisma);
  }, 120_000);

  beforeEach(async () => {
    await db.prisma.delivery.deleteMany();
  });

  afterAll(async () => {
    await db?.destroy();
  });

  it('takes personal rows before broadcast ones, each by notBefore then id, a claim at a time', async () => {
    // Inserted in an order that is neither: ids must not decide before notBefore, nor broadcasts before personal rows.
    await store.insert([
      row('bc-tie-1', 'BROADCAST', -60),
      row('bc-early', 'BROADCAST', -120),
      row('rem-late', 'REMINDER', -10),
      row('dig-tie-1', 'DIGEST', -20),
      row('bc-tie-2', 'BROADCAST', -60),
      row('notice-early', 'NOTICE', -30),
      row('esc-tie-2', 'ESCALATION', -20),
      row('bc-late', 'BROADCAST', -5),
    ]);
    // Within a claim the rows come back personal first, then by id (the order the worker books their slots in);
    // the claims' limits fall between rows of equal notBefore, so the id decides there.
    expect(await claim(2)).toEqual(['dig-tie-1', 'notice-early']);
    // One claim across the two kinds: the last personal rows, then the earliest broadcast.
    expect(await claim(3)).toEqual(['rem-late', 'esc-tie-2', 'bc-early']);
    // A personal row planned now goes ahead of the broadcasts still queued.
    await store.insert([row('rem-new', 'REMINDER', 0)]);
    expect(await claim(2)).toEqual(['rem-new', 'bc-tie-1']);
    expect(await claim(5)).toEqual(['bc-tie-2', 'bc-late']);
    expect(await claim(5)).toEqual([]);
  });

  it('takes only due PENDING rows of the channel, leaves excluded chats, and marks what it took', async () => {
    await store.insert([
      row('due-rem', 'REMINDER', -1),
      row('due-bc', 'BROADCAST', -1),
      row('later-rem', 'REMINDER', 1),
      row('later-bc', 'BROADCAST', 1),
      row('zalo-rem', 'REMINDER', -1, { channel: 'ZALO' }),
      row('zalo-bc', 'BROADCAST', -1, { channel: 'ZALO' }),
      row('cooling-rem', 'REMINDER', -2, { chatId: 'cooling' }),
      row('cooling-bc', 'BROADCAST', -2, { chatId: 'cooling' }),
      row('skipped-bc', 'BROADCAST', -3, { state: 'SKIPPED' }),
    ]);
    expect(await claim(10, { excludeChats: ['cooling'] })).toEqual(['due-rem', 'due-bc']);
    const taken = await db.prisma.delivery.findUniqueOrThrow({ where: { dedupeKey: 'due-bc' } });
    expect(taken).toMatchObject({ state: 'SENDING', lockedBy: 'w1', attempts: 1, lockedUntil: new Date(NOW.getTime() + 60_000), callStartedAt: null });
    expect(await claim(10, { excludeChats: ['cooling'] })).toEqual([]);
    expect(await claim(10)).toEqual(['cooling-rem', 'cooling-bc']);
    expect(await claim(10, { channel: 'ZALO' })).toEqual(['zalo-rem', 'zalo-bc']);
    expect(await claim(10, { now: at(1) })).toEqual(['later-rem', 'later-bc']);
    expect((await db.prisma.delivery.findUniqueOrThrow({ where: { dedupeKey: 'skipped-bc' } })).state).toBe('SKIPPED');
  });

  it('a row sent back to the queue (rate limit) takes its place again by its new notBefore', async () => {
    await store.insert([row('bc-a', 'BROADCAST', -10), row('bc-b', 'BROADCAST', -9), row('rem-a', 'REMINDER', -8)]);
    const taken = await store.claim({ channel: 'TELEGRAM', limit: 2, now: NOW, lockedBy: 'w1', leaseMs: 60_000 });
    expect(taken.map((r) => r.dedupeKey)).toEqual(['rem-a', 'bc-a']);
    for (const r of taken) await store.retry(r.id, 'w1', { notBefore: at(-1), error: 'waiting for the chat rate limit', countsAsAttempt: false });
    expect(await claim(1)).toEqual(['rem-a']);
    expect(await claim(1)).toEqual(['bc-b']);
    expect(await claim(1)).toEqual(['bc-a']);
  });

  it('reads the queue along Delivery_claim_idx, never sorting it nor reading a table whole, whatever the statistics say', async () => {
    // Residents' accounts and sent rows analyzed, then a notice's rows and a day's reminders written: the statistics
    // have not seen them (no ANALYZE since).
    await rawQuery(db, `INSERT INTO "ChatIdentity"(channel, "externalId", "chatId")
      SELECT CASE WHEN i % 3 = 0 THEN 'ZALO' ELSE 'TELEGRAM' END::"Channel", 'r' || i, 'r' || i FROM generate_series(1, 20000) i`);
    await rawQuery(db, `INSERT INTO "Delivery"(kind, "dedupeKey", channel, "chatId", payload, "notBefore", state)
      SELECT 'REMINDER', 'sent:' || i, 'TELEGRAM', 'c' || i, '{}'::jsonb, TIMESTAMP '2026-03-01' + i * interval '1 second', 'SENT' FROM generate_series(1, 20000) i`);
    await rawQuery(db, 'ANALYZE');
    await rawQuery(db, `INSERT INTO "Delivery"(kind, "dedupeKey", "identityId", channel, "chatId", payload, "notBefore")
      SELECT CASE WHEN i % 40 = 0 THEN 'REMINDER' ELSE 'BROADCAST' END::"DeliveryKind", 'q:' || i, a.id, a.channel, a."chatId", '{}'::jsonb,
             TIMESTAMP '2026-03-03 02:00' + CASE WHEN i % 40 = 0 THEN interval '1 hour' ELSE interval '-1 minute' END
      FROM generate_series(1, 20000) i JOIN "ChatIdentity" a ON a."externalId" = 'r' || i ORDER BY i`);
    // Planned as the app's PostgreSQL connections plan it (generic: without the values), and with the values;
    // before the statistics have seen the queue, and after.
    for (const [analyze, mode] of [false, true].flatMap((a) => ['force_generic_plan', 'force_custom_plan'].map((m) => [a, m] as const))) {
      if (analyze) await rawQuery(db, 'ANALYZE');
      const root = await explainClaim(mode);
      expect(all(root).some((n) => n['Index Name'] === 'Delivery_claim_idx')).toBe(true);
      // The one Sort allowed orders the rows claimed (its input a CTE scan), never rows read from the table.
      for (const sort of all(root).filter((n) => n['Node Type'].includes('Sort'))) expect(input(sort).filter((n) => n['Relation Name'] === 'Delivery')).toEqual([]);
      // No table read whole: not the queue, not every resident's account.
      expect(all(root).filter((n) => n['Node Type'].includes('Seq Scan')).map((n) => n['Relation Name'])).toEqual([]);
    }
    expect(await claim(3)).toEqual(['q:1', 'q:2', 'q:4']);
  });

  describe.runIf(usingPostgres)('several claimers (PostgreSQL)', () => {
    it('skips a row another transaction holds, in both kinds, and takes it once it is free', async () => {
      await store.insert([row('rem-1', 'REMINDER', -3), row('rem-2', 'REMINDER', -2), row('bc-1', 'BROADCAST', -3), row('bc-2', 'BROADCAST', -2)]);
      const other = new pg.Client({ connectionString: db.url });
      await other.connect();
      try {
        await other.query('BEGIN');
        await other.query(`SELECT id FROM "Delivery" WHERE "dedupeKey" IN ('rem-1', 'bc-1') FOR UPDATE`);
        expect(await claim(3)).toEqual(['rem-2', 'bc-2']);
        await other.query('COMMIT');
      } finally {
        await other.end();
      }
      expect(await claim(3)).toEqual(['rem-1', 'bc-1']);
    });

    it('concurrent claims never hand a row to two claimers, and together take every due row', async () => {
      const rows = Array.from({ length: 240 }, (_, i) => row(`r${i}`, i % 4 === 0 ? 'REMINDER' : 'BROADCAST', -(i % 7)));
      await store.insert(rows);
      const taken: string[] = [];
      await Promise.all(
        Array.from({ length: 6 }, async (_, w) => {
          for (;;) {
            const got = await claim(7, { lockedBy: `w${w}` });
            if (!got.length) return;
            taken.push(...got);
          }
        }),
      );
      expect(taken).toHaveLength(240);
      expect(new Set(taken).size).toBe(240);
      const holders = await db.prisma.delivery.groupBy({ by: ['state'], _count: { _all: true } });
      expect(holders).toEqual([{ state: 'SENDING', _count: { _all: 240 } }]);
    });
  });
});
