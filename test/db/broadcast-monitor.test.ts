/**
 * A notice while it is being sent (issue 12): the monitor tells the sender
 * at 25/50/75% and gives the final tally — each message once, with the
 * numbers of the full tally at that moment, whatever states the rows are in
 * — and a typed "đã nhận" acknowledges the latest open notice of the chat it
 * came from, never another chat's (nor the same chat id on another app).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Delivery } from '../../bot/delivery/index.ts';
import { PROGRESS_MIN_RECIPIENTS, tallyReply } from '../../domain/broadcasts/tally.ts';
import { storedReply, type DeliveryState } from '../../domain/delivery/types.ts';
import { FixedClock } from '../../domain/shared/clock.ts';
import { instantOf } from '../../domain/shared/day.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { RecordingSender, testDelivery } from './delivery-fixtures.ts';

const SENDER_CHAT = '1';
/** Recipients: above the progress threshold, in two units (the tally's per-unit lines). */
const N = PROGRESS_MIN_RECIPIENTS + 40;

describe('the monitor and "đã nhận" on a notice being sent', () => {
  let db: TestDatabase;
  let d: Delivery;
  let senderId = 0;
  const clock = new FixedClock(instantOf('2026-03-03', 9));

  beforeAll(async () => {
    db = await createTestDatabase();
    const units = await Promise.all(['Phường Một', 'Phường Hai'].map((name, i) => db.prisma.unit.create({ data: { code: `mon-${i}`, name, kind: 'WARD' } })));
    const sender = await db.prisma.person.create({ data: { code: 'mon-team', fullName: 'Tổ công nghệ số', unitId: units[0]!.id, roles: ['COMMUNITY_TEAM', 'ADMIN'] } });
    senderId = sender.id;
    await db.prisma.chatIdentity.create({ data: { personId: sender.id, channel: 'TELEGRAM', externalId: SENDER_CHAT, chatId: SENDER_CHAT } });
    await db.prisma.person.createMany({ data: Array.from({ length: N }, (_, i) => ({ code: `mr${i}`, fullName: `Người nhận ${i}`, unitId: units[i % 2]!.id, roles: ['OFFICER' as const] })) });
    const people = await db.prisma.person.findMany({ where: { code: { startsWith: 'mr' } }, select: { id: true } });
    await db.prisma.chatIdentity.createMany({ data: people.map((p) => ({ personId: p.id, channel: 'TELEGRAM' as const, externalId: String(1000 + p.id), chatId: String(1000 + p.id) })) });
    d = testDelivery(db.prisma, clock, { TELEGRAM: new RecordingSender(clock) });
  }, 120_000);

  afterAll(async () => {
    await db?.destroy();
  });

  /** The sender's messages about a notice, by the last part of their key. */
  async function toSender(broadcastId: number) {
    const rows = await db.prisma.delivery.findMany({ where: { kind: 'NOTICE', dedupeKey: { startsWith: `broadcast:${broadcastId}:` } }, orderBy: { id: 'asc' } });
    return rows.map((r) => ({ key: r.dedupeKey.split(':').slice(2).join(':'), payload: r.payload as { reply: unknown } }));
  }

  it('counts rows in every state; each progress message and the final tally go once, with the tally of their moment', async () => {
    const r = await d.broadcasts.create({ senderId, text: 'Lịch tiêm chủng tuần này.', audience: { roles: ['OFFICER'] }, senderChannel: 'TELEGRAM', senderChatId: SENDER_CHAT, now: clock.now() });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const id = r.broadcastId;
    const ids = (await db.prisma.delivery.findMany({ where: { broadcastId: id }, select: { id: true }, orderBy: { id: 'asc' } })).map((x) => x.id);
    expect(ids).toHaveLength(N);
    /** Puts the rows, in id order, into these states (the rest stay as they are). */
    let next = 0;
    const put = async (state: DeliveryState, count: number, acknowledged = 0) => {
      const slice = ids.slice(next, next + count);
      next += count;
      await db.prisma.delivery.updateMany({ where: { id: { in: slice } }, data: { state, sentAt: state === 'SENT' ? clock.now() : null } });
      if (acknowledged) await db.prisma.delivery.updateMany({ where: { id: { in: slice.slice(0, acknowledged) } }, data: { acknowledgedAt: clock.now() } });
    };
    /** Three passes (every worker runs one): what they report. */
    const passes = async () => {
      let progress = 0;
      let finished = 0;
      for (let i = 0; i < 3; i++) {
        const p = await d.broadcasts.monitor(clock.now());
        progress += p.progress;
        finished += p.finished;
      }
      return { progress, finished };
    };

    // 20% settled: nothing to say yet.
    await put('SENT', 48);
    expect(await passes()).toEqual({ progress: 0, finished: 0 });
    expect(await toSender(id)).toEqual([]);

    // 66 of 240 settled (27.5%), rows in every state: the 25% message, once, with the tally's numbers.
    await put('FAILED', 5);
    await put('BLOCKED', 4);
    await put('SKIPPED', 3);
    await put('UNKNOWN', 6, 2);
    await put('SENDING', 12);
    await db.prisma.delivery.updateMany({ where: { id: { in: ids.slice(0, 9) } }, data: { acknowledgedAt: clock.now() } });
    const quarter = (await d.broadcasts.tally(id))!;
    expect(quarter).toMatchObject({ total: N, sent: 48, acknowledged: 11, failed: 5, blocked: 7, unknown: 6, pending: N - 66, finished: false });
    expect(quarter.units.map((u) => u.total)).toEqual([N / 2, N / 2]);
    expect(await passes()).toEqual({ progress: 1, finished: 0 });
    expect(await toSender(id)).toEqual([{ key: 'progress:25', payload: expect.objectContaining({ reply: storedReply(tallyReply(quarter, { final: false })) }) }]);

    // 55%: the 50% message once; the 25% one is not sent again.
    await put('SENT', 66);
    const half = (await d.broadcasts.tally(id))!;
    expect(await passes()).toEqual({ progress: 1, finished: 0 });
    expect((await toSender(id)).map((m) => m.key)).toEqual(['progress:25', 'progress:50']);
    expect((await toSender(id))[1]!.payload.reply).toEqual(storedReply(tallyReply(half, { final: false })));

    // Rows still being sent count as pending: all but those settled, no final tally yet.
    await put('SENT', 60);
    await db.prisma.delivery.updateMany({ where: { id: { in: ids.slice(next) } }, data: { state: 'SENT', sentAt: clock.now() } });
    expect(await passes()).toEqual({ progress: 1, finished: 0 });
    expect((await toSender(id)).map((m) => m.key)).toEqual(['progress:25', 'progress:50', 'progress:75']);
    expect((await db.prisma.broadcast.findUniqueOrThrow({ where: { id } })).state).toBe('SENDING');

    // The last rows being sent settle: DONE, and the final tally once.
    await db.prisma.delivery.updateMany({ where: { broadcastId: id, state: 'SENDING' }, data: { state: 'SENT', sentAt: clock.now() } });
    const final = (await d.broadcasts.tally(id))!;
    expect(final).toMatchObject({ total: N, pending: 0, finished: true, sent: N - 18, failed: 5, blocked: 7, unknown: 6 });
    expect(await passes()).toEqual({ progress: 0, finished: 1 });
    const messages = await toSender(id);
    expect(messages.map((m) => m.key)).toEqual(['progress:25', 'progress:50', 'progress:75', 'final']);
    expect(messages[3]!.payload.reply).toEqual(storedReply(tallyReply({ ...final, state: 'DONE' }, { final: true })));
    expect((await db.prisma.broadcast.findUniqueOrThrow({ where: { id } })).state).toBe('DONE');
    expect(await passes()).toEqual({ progress: 0, finished: 0 });
    expect(await toSender(id)).toHaveLength(4);
  });

  it('only a notice\'s own rows carry its id', async () => {
    const b = await db.prisma.broadcast.findFirstOrThrow();
    // The monitor counts a notice's rows by its id alone: a row of another kind naming it would be counted as the notice's.
    await expect(db.prisma.delivery.create({ data: { kind: 'NOTICE', dedupeKey: 'mon-stray', broadcastId: b.id, payload: {} } })).rejects.toThrow();
  });

  it('"đã nhận" acknowledges the latest open notice of that chat, and no other chat\'s', async () => {
    const day = 86_400_000;
    const now = clock.now();
    const notice = () => db.prisma.broadcast.create({ data: { senderId, text: 'Thông báo', audience: { all: true }, state: 'SENDING' } });
    const row = async (b: { id: number }, channel: 'TELEGRAM' | 'ZALO', chatId: string, state: DeliveryState, sentAt: Date | null) =>
      (await db.prisma.delivery.create({ data: { kind: 'BROADCAST', dedupeKey: `ack-${b.id}-${channel}-${chatId}`, broadcastId: b.id, payload: {}, state, channel, chatId, sentAt } })).id;
    const [n0, n1, n2, n3] = [await notice(), await notice(), await notice(), await notice()];
    const old = await row(n0, 'TELEGRAM', 'a', 'SENT', new Date(now.getTime() - 20 * day));
    const a1 = await row(n1, 'TELEGRAM', 'a', 'SENT', new Date(now.getTime() - 2 * day));
    const b1 = await row(n1, 'TELEGRAM', 'b', 'SENT', new Date(now.getTime() - 2 * day));
    const za1 = await row(n1, 'ZALO', 'a', 'SENT', new Date(now.getTime() - 2 * day));
    // Sent, but the outcome was not recorded: an acknowledgement proves it arrived.
    const a2 = await row(n2, 'TELEGRAM', 'a', 'UNKNOWN', null);
    const b2 = await row(n2, 'TELEGRAM', 'b', 'SENT', now);
    const a3 = await row(n3, 'TELEGRAM', 'a', 'FAILED', null);
    // A message of another kind to the same chat, later: not a notice.
    await db.prisma.delivery.create({ data: { kind: 'NOTICE', dedupeKey: 'ack-notice-a', payload: {}, state: 'SENT', channel: 'TELEGRAM', chatId: 'a', sentAt: now } });
    const acked = async () =>
      Object.fromEntries((await db.prisma.delivery.findMany({ where: { id: { in: [old, a1, b1, za1, a2, b2, a3] } } })).map((x) => [x.id, x.acknowledgedAt !== null]));
    const tgA = { channel: 'TELEGRAM', chatId: 'a' };

    expect(await d.broadcasts.acknowledgeLatest(tgA, now)).toBe('ok');
    expect(await acked()).toEqual({ [old]: false, [a1]: false, [b1]: false, [za1]: false, [a2]: true, [b2]: false, [a3]: false });
    expect(await db.prisma.delivery.findUniqueOrThrow({ where: { id: a2 } })).toMatchObject({ state: 'SENT' });
    // Then the one before it; then nothing open within 14 days.
    expect(await d.broadcasts.acknowledgeLatest(tgA, now)).toBe('ok');
    expect(await acked()).toMatchObject({ [a1]: true, [old]: false, [b1]: false, [za1]: false });
    expect(await d.broadcasts.acknowledgeLatest(tgA, now)).toBe('already');
    expect(await acked()).toMatchObject({ [old]: false, [a3]: false });
    // The same chat id on Zalo is another chat; so is b.
    expect(await d.broadcasts.acknowledgeLatest({ channel: 'ZALO', chatId: 'a' }, now)).toBe('ok');
    expect(await d.broadcasts.acknowledgeLatest({ channel: 'TELEGRAM', chatId: 'b' }, now)).toBe('ok');
    expect(await acked()).toEqual({ [old]: false, [a1]: true, [b1]: false, [za1]: true, [a2]: true, [b2]: true, [a3]: false });
    expect(await d.broadcasts.acknowledgeLatest({ channel: 'TELEGRAM', chatId: 'c' }, now)).toBe('not-found');
  });
});
