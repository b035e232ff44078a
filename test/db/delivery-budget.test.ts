/**
 * The send budget every instance shares (SendBudget): bookings from several
 * instances never overlap, and a 429's pause holds back every instance's
 * next call — the call is not marked as started while the pause lasts; one
 * instance at a time holds a channel's sending turn.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { line } from '../../domain/chat/reply.ts';
import { PrismaDeliveryStore } from '../../prisma/stores/delivery-store.ts';
import { PrismaSendBudget } from '../../prisma/stores/send-budget.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

describe('shared send budget', () => {
  let db: TestDatabase;
  let budget: PrismaSendBudget;

  beforeAll(async () => {
    db = await createTestDatabase();
    budget = new PrismaSendBudget(db.prisma);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('bookings of several instances take consecutive, non-overlapping slots', async () => {
    const iv = 1025 / 30;
    const [clock] = (await db.prisma.$queryRawUnsafe(`SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS before`)) as { before: number }[];
    const before = Number(clock!.before);
    const results = await Promise.all(Array.from({ length: 6 }, () => budget.book('TELEGRAM', 4, iv)));
    const slots = results.flatMap((r) => Array.from({ length: 4 }, (_, i) => r.firstMs + i * iv)).sort((a, b) => a - b);
    for (let i = 1; i < slots.length; i++) expect(slots[i]! - slots[i - 1]!).toBeGreaterThanOrEqual(iv - 0.001);
    // Nobody books in the past: no slot is earlier than the database's clock before the bookings (no tolerance in time).
    for (const r of results) expect(r.firstMs).toBeGreaterThanOrEqual(before);
    // The other channel has its own budget.
    const zalo = await budget.book('ZALO', 1, 100);
    expect(zalo.firstMs).toBeLessThanOrEqual(zalo.nowMs);
  });

  it('paid slots (Telegram paid broadcasts) come after the free ones already booked; free slots then wait a window after the last paid one', async () => {
    const free = await budget.book('ZALO', 3, 100);
    const paid = await budget.bookPaid('ZALO', 10, 1);
    // after the 3 free slots booked before
    expect(paid.firstMs).toBeGreaterThanOrEqual(free.firstMs + 3 * 100 - 0.001);
    const more = await budget.bookPaid('ZALO', 5, 1);
    expect(more.firstMs).toBeGreaterThanOrEqual(paid.firstMs + 10 - 0.001);
    // a free slot: a full window (1,025 ms) after the last paid slot
    const after = await budget.book('ZALO', 1, 100, 1025);
    expect(after.firstMs).toBeGreaterThanOrEqual(more.firstMs + 5 + 1025 - 0.001);
  });

  it('a pause holds back the next bookings and refuses to mark a call as started until it ends', async () => {
    const store = new PrismaDeliveryStore(db.prisma);
    const now = new Date();
    await store.insert([{ kind: 'BROADCAST', dedupeKey: 'budget:1', personId: null, identityId: null, unitId: null, broadcastId: null, channel: 'TELEGRAM', chatId: '42', payload: { v: 1, reply: { lines: [line({ raw: 'x' })] } }, notBefore: now }]);
    const [row] = await store.claim({ channel: 'TELEGRAM', limit: 1, now, lockedBy: 'a', leaseMs: 60_000 });
    expect(row).toBeDefined();

    // an hour's pause, so that "more than 30 s left" below holds however slow the machine (no wall-clock bound in a test)
    await budget.pause('TELEGRAM', 3_600_000);
    const after = await budget.book('TELEGRAM', 1, 10);
    expect(after.firstMs - after.nowMs).toBeGreaterThan(30_000);
    const refused = await budget.markCalling('TELEGRAM', row!.id, 'a', new Date(), new Date(Date.now() + 60_000));
    expect(refused.marked).toBe(false);
    expect(refused.pausedMs).toBeGreaterThan(30_000);
    expect((await db.prisma.delivery.findUniqueOrThrow({ where: { id: row!.id } })).callStartedAt).toBeNull();
    // Zalo is not paused by Telegram's 429.
    expect((await budget.markCalling('ZALO', row!.id, 'a', new Date(), new Date())).pausedMs).toBe(0);

    // the pause runs out (set on the row rather than waited for)
    await db.prisma.sendBudget.update({ where: { channel: 'TELEGRAM' }, data: { pausedUntilMs: 0 } });
    const marked = await budget.markCalling('TELEGRAM', row!.id, 'a', new Date(), new Date(Date.now() + 60_000));
    expect(marked).toEqual({ marked: true, pausedMs: 0 });
    expect((await db.prisma.delivery.findUniqueOrThrow({ where: { id: row!.id } })).callStartedAt).not.toBeNull();
    // Not ours: refused without a pause.
    expect(await budget.markCalling('TELEGRAM', row!.id, 'b', new Date(), new Date())).toEqual({ marked: false, pausedMs: 0 });
  });

  it('calls marked together (a paid broadcast\'s rate) each get their own answer; a pause refuses every one of them', async () => {
    const store = new PrismaDeliveryStore(db.prisma);
    const now = new Date();
    const payload = { v: 1 as const, reply: { lines: [line({ raw: 'x' })] } };
    await store.insert(Array.from({ length: 30 }, (_, i) => ({ kind: 'BROADCAST' as const, dedupeKey: `budget:many:${i}`, personId: null, identityId: null, unitId: null, broadcastId: null, channel: 'ZALO' as const, chatId: `m${i}`, payload, notBefore: now })));
    const rows = await store.claim({ channel: 'ZALO', limit: 30, now, lockedBy: 'a', leaseMs: 60_000 });
    expect(rows).toHaveLength(30);
    const until = new Date(Date.now() + 60_000);
    // Half asked as someone else: refused without a pause; the rest marked, whichever statement carried them.
    const first = await Promise.all(rows.slice(0, 20).map((r, i) => budget.markCalling('ZALO', r.id, i % 2 ? 'a' : 'b', new Date(), until)));
    expect(first.map((r) => r.marked)).toEqual(rows.slice(0, 20).map((_, i) => i % 2 === 1));
    expect(first.every((r) => r.pausedMs === 0)).toBe(true);
    const marked = await db.prisma.delivery.findMany({ where: { id: { in: rows.map((r) => r.id) }, callStartedAt: { not: null } }, select: { id: true } });
    expect(marked.map((m) => m.id).sort((a, b) => a - b)).toEqual(rows.slice(0, 20).filter((_, i) => i % 2 === 1).map((r) => r.id).sort((a, b) => a - b));
    // paused: all of the next ones refused with the pause, none marked
    await budget.pause('ZALO', 3_600_000);
    const paused = await Promise.all(rows.slice(20).map((r) => budget.markCalling('ZALO', r.id, 'a', new Date(), until)));
    expect(paused.every((r) => !r.marked && r.pausedMs > 30_000)).toBe(true);
    expect(await db.prisma.delivery.count({ where: { id: { in: rows.slice(20).map((r) => r.id) }, callStartedAt: { not: null } } })).toBe(0);
    await db.prisma.sendBudget.update({ where: { channel: 'ZALO' }, data: { pausedUntilMs: 0 } });
  });

  it('one instance holds a channel\'s sending turn: the others wait for it to end, are given it when it is released or runs out', async () => {
    // turns of an hour, so that "more than 30 s left" below holds however slow the machine (no wall-clock bound in a test)
    const HOUR = 3_600_000;
    expect(await budget.hold('ZALO', 'a', HOUR)).toEqual({ held: true, waitMs: 0 });
    const refused = await budget.hold('ZALO', 'b', HOUR);
    expect(refused.held).toBe(false);
    expect(refused.waitMs).toBeGreaterThan(30_000);
    // The holder renews its own turn; another channel's turn is separate.
    expect((await budget.hold('ZALO', 'a', HOUR)).held).toBe(true);
    expect((await budget.hold('TELEGRAM', 'b', HOUR)).held).toBe(true);
    // Released on a clean stop (only by its holder): the next asker gets it at once.
    await budget.release('ZALO', 'b');
    expect((await budget.hold('ZALO', 'b', HOUR)).held).toBe(false);
    await budget.release('ZALO', 'a');
    expect((await budget.hold('ZALO', 'b', HOUR)).held).toBe(true);
    // The holder died: its turn runs out (set on the row rather than waited for) and another takes it.
    await db.prisma.sendBudget.update({ where: { channel: 'ZALO' }, data: { holderUntilMs: 0 } });
    expect((await budget.hold('ZALO', 'c', HOUR)).held).toBe(true);
    expect((await budget.hold('ZALO', 'b', HOUR)).held).toBe(false);
  });
});
