/**
 * The worker's bookkeeping on a real database: claims, outcomes of every
 * failure kind, fallback to a person's other account, the sweeper, text-
 * channel choices, working hours — with a scripted sender and a fake clock.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { line, t } from '../../domain/chat/reply.ts';
import type { DeliveryPayload, PlannedDelivery } from '../../domain/delivery/types.ts';
import { FixedClock } from '../../domain/shared/clock.ts';
import { instantOf } from '../../domain/shared/day.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { deliverySettings, RecordingSender, SendFailure, testDelivery } from './delivery-fixtures.ts';

const payload = (text: string, choices = false): DeliveryPayload => ({
  v: 1,
  reply: { lines: [line({ raw: text })], ...(choices ? { choices: [{ id: 'rm:report:1', label: t('reminder-report-now') }, { id: 'rm:same:1', label: t('reminder-no-change') }] } : {}) },
});

describe('delivery worker', () => {
  let db: TestDatabase;
  const clock = new FixedClock(instantOf('2026-03-03', 9));
  let telegram: RecordingSender;
  let zalo: RecordingSender;
  let people: { both: number; tgOnly: number };
  let ids: { bothTg: number; bothZalo: number; tgOnly: number };

  const row = (over: Partial<PlannedDelivery> & { dedupeKey: string }): PlannedDelivery => ({
    kind: 'REMINDER',
    personId: people.tgOnly,
    identityId: ids.tgOnly,
    channel: 'TELEGRAM',
    chatId: '200',
    unitId: null,
    broadcastId: null,
    payload: payload(over.dedupeKey),
    notBefore: clock.now(),
    ...over,
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    const both = await db.prisma.person.create({ data: { code: 'both', fullName: 'Người Hai Ứng Dụng', roles: ['OFFICER'], preferredChannel: 'TELEGRAM' } });
    const tgOnly = await db.prisma.person.create({ data: { code: 'tg', fullName: 'Người Telegram', roles: ['OFFICER'] } });
    people = { both: both.id, tgOnly: tgOnly.id };
    const bothTg = await db.prisma.chatIdentity.create({ data: { personId: both.id, channel: 'TELEGRAM', externalId: '100', chatId: '100' } });
    const bothZalo = await db.prisma.chatIdentity.create({ data: { personId: both.id, channel: 'ZALO', externalId: 'z100', chatId: 'z100', locale: 'en' } });
    const tg = await db.prisma.chatIdentity.create({ data: { personId: tgOnly.id, channel: 'TELEGRAM', externalId: '200', chatId: '200' } });
    ids = { bothTg: bothTg.id, bothZalo: bothZalo.id, tgOnly: tg.id };
  });

  beforeEach(async () => {
    await db.prisma.delivery.deleteMany();
    await db.prisma.conversation.deleteMany();
    await db.prisma.chatIdentity.updateMany({ data: { unreachableAt: null } });
    clock.set(instantOf('2026-03-03', 9));
    telegram = new RecordingSender(clock);
    zalo = new RecordingSender(clock);
  });

  afterAll(async () => {
    await db?.destroy();
  });

  const delivery = (settings = deliverySettings({ worker: { maxAttempts: 2 } })) => testDelivery(db.prisma, clock, { TELEGRAM: telegram, ZALO: zalo }, settings);
  const get = (dedupeKey: string) => db.prisma.delivery.findUniqueOrThrow({ where: { dedupeKey } });

  it('sends due rows once, in the recipient language, and records SENT with the message id', async () => {
    const d = delivery();
    expect(await d.store.insert([row({ dedupeKey: 'a' }), row({ dedupeKey: 'b', notBefore: instantOf('2026-03-03', 10) })])).toBe(2);
    expect(await d.store.insert([row({ dedupeKey: 'a' })])).toBe(0);
    await d.worker.runUntilIdle();
    expect(telegram.sent.map((s) => s.target)).toEqual([{ channel: 'TELEGRAM', chatId: '200', locale: 'vi' }]);
    expect(await get('a')).toMatchObject({ state: 'SENT', attempts: 1, messageId: telegram.sent[0]!.messageId, lockedUntil: null });
    expect((await get('b')).state).toBe('PENDING');
    clock.set(instantOf('2026-03-03', 10));
    await d.worker.runUntilIdle();
    expect(telegram.sent).toHaveLength(2);
  });

  it('claims nothing outside working hours; rows wait for the next working morning', async () => {
    const d = delivery();
    await d.store.insert([row({ dedupeKey: 'night', notBefore: instantOf('2026-03-06', 16) })]);
    clock.set(instantOf('2026-03-06', 20)); // Friday evening
    await d.worker.runUntilIdle();
    clock.set(instantOf('2026-03-07', 10)); // Saturday
    await d.worker.runUntilIdle();
    expect(telegram.sent).toHaveLength(0);
    clock.set(instantOf('2026-03-09', 8)); // Monday 08:00
    await d.worker.runUntilIdle();
    expect(telegram.sent).toHaveLength(1);
  });

  it('a rate limit puts the row back without counting an attempt', async () => {
    const d = delivery();
    await d.store.insert([row({ dedupeKey: 'r' })]);
    telegram.fail('200', new SendFailure('rate_limited', '429: Too Many Requests: retry after 1', 1000, 429));
    await d.worker.runUntilIdle();
    expect(await get('r')).toMatchObject({ state: 'PENDING', attempts: 0, notBefore: new Date(clock.now().getTime() + 1000) });
    telegram.fail('200', null);
    clock.advance(1000);
    await d.worker.runUntilIdle();
    expect(await get('r')).toMatchObject({ state: 'SENT', attempts: 1 });
  });

  it('transient failures retry with back-off, then FAILED', async () => {
    const d = delivery();
    await d.store.insert([row({ dedupeKey: 't' })]);
    telegram.fail('200', new SendFailure('transient', '502: Bad Gateway', undefined, 502));
    await d.worker.runUntilIdle();
    expect(await get('t')).toMatchObject({ state: 'PENDING', attempts: 1, lastError: '502: Bad Gateway', notBefore: new Date(clock.now().getTime() + 30_000) });
    clock.advance(30_000);
    await d.worker.runUntilIdle();
    expect(await get('t')).toMatchObject({ state: 'FAILED', attempts: 2 });
  });

  it('an unknown outcome: a reminder may repeat, a broadcast is recorded UNKNOWN and never sent again', async () => {
    const d = delivery();
    await d.store.insert([row({ dedupeKey: 'u-rem' }), row({ dedupeKey: 'u-bc', kind: 'BROADCAST' })]);
    telegram.fail('200', new SendFailure('unknown', 'network: ECONNRESET'));
    await d.worker.runUntilIdle();
    expect((await get('u-rem')).state).toBe('PENDING');
    expect((await get('u-bc')).state).toBe('UNKNOWN');
    telegram.fail('200', null);
    clock.advance(60_000);
    await d.worker.runUntilIdle();
    expect((await get('u-rem')).state).toBe('SENT');
    expect((await get('u-bc')).state).toBe('UNKNOWN');
    expect(telegram.sent).toHaveLength(1);
  });

  it('blocked: the account is marked unreachable, the other account gets it (issue 6), and next time it is skipped', async () => {
    const d = delivery();
    await d.store.insert([row({ dedupeKey: 'f1', personId: people.both, identityId: ids.bothTg, chatId: '100' })]);
    telegram.fail('100', new SendFailure('blocked', '403: Forbidden: bot was blocked by the user', undefined, 403));
    await d.worker.runUntilIdle();
    expect(zalo.sent.map((s) => s.target)).toEqual([{ channel: 'ZALO', chatId: 'z100', locale: 'en' }]);
    expect(await get('f1')).toMatchObject({ state: 'SENT', channel: 'ZALO', chatId: 'z100', identityId: ids.bothZalo, attempts: 1 });
    expect((await db.prisma.chatIdentity.findUniqueOrThrow({ where: { id: ids.bothTg } })).unreachableAt).toEqual(clock.now());
    // Planned before anyone knew: the row still names the Telegram account; the worker moves it without calling Telegram.
    await d.store.insert([row({ dedupeKey: 'f2', personId: people.both, identityId: ids.bothTg, chatId: '100' })]);
    await d.worker.runUntilIdle();
    expect(telegram.sent).toHaveLength(0);
    expect(zalo.sent).toHaveLength(2);
    const recipient = (await d.reads.people([people.both])).get(people.both)!;
    expect(recipient.identities.find((i) => i.id === ids.bothTg)!.unreachableAt).not.toBeNull();
  });

  it('unreachable on every account: BLOCKED', async () => {
    const d = delivery();
    await d.store.insert([row({ dedupeKey: 'b1', kind: 'BROADCAST' })]);
    telegram.fail('200', new SendFailure('blocked', '400: Bad Request: chat not found', undefined, 400));
    await d.worker.runUntilIdle();
    expect(await get('b1')).toMatchObject({ state: 'BLOCKED', lastError: 'TELEGRAM: 400: Bad Request: chat not found' });
  });

  it('the sweeper settles rows whose sender died: never called → queued again, called → UNKNOWN (broadcast); a late confirmation still counts', async () => {
    const d = delivery();
    await d.store.insert([row({ dedupeKey: 's-rem' }), row({ dedupeKey: 's-bc', kind: 'BROADCAST', chatId: '201' }), row({ dedupeKey: 's-bc-wait', kind: 'BROADCAST', chatId: '202' })]);
    const claimed = await d.store.claim({ channel: 'TELEGRAM', limit: 10, now: clock.now(), lockedBy: 'dead', leaseMs: 60_000 });
    expect(claimed.map((c) => c.dedupeKey).sort()).toEqual(['s-bc', 's-bc-wait', 's-rem']);
    expect(await d.store.claim({ channel: 'TELEGRAM', limit: 10, now: clock.now(), lockedBy: 'other', leaseMs: 60_000 })).toEqual([]);
    // The "dead" instance started the calls of two rows; the third was still waiting for its rate slot.
    const bc = claimed.find((c) => c.dedupeKey === 's-bc')!;
    const rem = claimed.find((c) => c.dedupeKey === 's-rem')!;
    expect(await d.store.markCalling(bc.id, 'dead', clock.now(), new Date(clock.now().getTime() + 60_000))).toBe(true);
    expect(await d.store.markCalling(rem.id, 'dead', clock.now(), new Date(clock.now().getTime() + 60_000))).toBe(true);
    await d.store.sweep(clock.now(), 5);
    expect((await get('s-bc')).state).toBe('SENDING'); // lease not expired yet
    clock.advance(61_000);
    await d.store.sweep(clock.now(), 5);
    expect((await get('s-bc')).state).toBe('UNKNOWN');
    expect((await get('s-rem')).state).toBe('PENDING');
    expect(await get('s-bc-wait')).toMatchObject({ state: 'PENDING', attempts: 0, lockedBy: null });
    // Too late for the row that was taken back: its call is not made.
    const wait = claimed.find((c) => c.dedupeKey === 's-bc-wait')!;
    expect(await d.store.markCalling(wait.id, 'dead', clock.now(), new Date(clock.now().getTime() + 60_000))).toBe(false);
    // The "dead" instance was only slow: its confirmation arrives after the sweep.
    expect(await d.store.markSent(bc.id, 'dead', '42', clock.now())).toBe(true);
    expect(await get('s-bc')).toMatchObject({ state: 'SENT', messageId: '42' });
    await d.worker.runUntilIdle();
    // The reminder again (a repeat is allowed), and the notice that never left, once.
    expect(telegram.sent.map((m) => m.target.chatId).sort()).toEqual(['200', '202']);
    expect((await get('s-bc-wait')).state).toBe('SENT');
  });

  it('Zalo: choices go into the chat conversation, unless a flow is in progress', async () => {
    const d = delivery();
    await d.store.insert([row({ dedupeKey: 'z1', personId: people.both, identityId: ids.bothZalo, channel: 'ZALO', chatId: 'z100', payload: payload('Nhắc việc', true) })]);
    await d.worker.runUntilIdle();
    const conv = await db.prisma.conversation.findUniqueOrThrow({ where: { channel_chatId: { channel: 'ZALO', chatId: 'z100' } } });
    expect((conv.choices as { items: { id: string }[] }).items.map((c) => c.id)).toEqual(['rm:report:1', 'rm:same:1']);
    expect(conv.flow).toBeNull();
    await db.prisma.conversation.update({ where: { id: conv.id }, data: { flow: 'report', choices: [{ id: 'f:cancel' }] } });
    await d.store.insert([row({ dedupeKey: 'z2', personId: people.both, identityId: ids.bothZalo, channel: 'ZALO', chatId: 'z100', payload: payload('Nhắc việc 2', true) })]);
    await d.worker.runUntilIdle();
    expect(zalo.sent).toHaveLength(2);
    const after = await db.prisma.conversation.findUniqueOrThrow({ where: { id: conv.id } });
    expect(after.choices).toEqual([{ id: 'f:cancel' }]);
    // Telegram has buttons: nothing to record.
    await d.store.insert([row({ dedupeKey: 'z3', payload: payload('x', true) })]);
    await d.worker.runUntilIdle();
    expect(await db.prisma.conversation.count({ where: { channel: 'TELEGRAM' } })).toBe(0);
  });

  it('two workers on one queue send each row once', async () => {
    const a = delivery(deliverySettings({ instanceId: 'a' }));
    const b = delivery(deliverySettings({ instanceId: 'b' }));
    await a.store.insert(Array.from({ length: 60 }, (_, i) => row({ dedupeKey: `m${i}`, chatId: String(300 + i) })));
    await Promise.all([a.worker.runUntilIdle(), b.worker.runUntilIdle()]);
    expect(telegram.sent).toHaveLength(60);
    expect(new Set(telegram.sent.map((s) => s.target.chatId)).size).toBe(60);
    expect(await db.prisma.delivery.count({ where: { state: 'SENT' } })).toBe(60);
  });
});
