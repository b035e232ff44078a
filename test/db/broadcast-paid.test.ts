/**
 * A paid (urgent) notice's progress messages to its sender go paid as well:
 * they arrive while the notice's paid sends fill Telegram's window, where an
 * unflagged message has to wait a whole window after the last paid one (the
 * bench saw each progress message stop the notice for a second). The final
 * tally, after the notice, stays an ordinary message; an ordinary notice's
 * progress messages stay ordinary.
 * At that rate sends are recorded together (one statement for those that
 * came while the previous one was written): each still gets its own answer;
 * and paid rows are claimed a claim-ahead time's worth at once, not
 * `concurrency` (8) at a time, while an ordinary notice's claims stay small.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Delivery } from '../../bot/delivery/index.ts';
import { PROGRESS_MIN_RECIPIENTS } from '../../domain/broadcasts/tally.ts';
import { FixedClock } from '../../domain/shared/clock.ts';
import { instantOf } from '../../domain/shared/day.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { deliverySettings, RecordingSender, testDelivery } from './delivery-fixtures.ts';

const SENDER_CHAT = '1';
const N = PROGRESS_MIN_RECIPIENTS;

describe('progress messages of a paid notice', () => {
  let db: TestDatabase;
  let d: Delivery;
  let telegram: RecordingSender;
  let senderId = 0;
  const clock = new FixedClock(instantOf('2026-03-03', 9));

  beforeAll(async () => {
    db = await createTestDatabase();
    const unit = await db.prisma.unit.create({ data: { code: 'paid-ward', name: 'Phường Thử', kind: 'WARD' } });
    const sender = await db.prisma.person.create({ data: { code: 'paid-team', fullName: 'Tổ công nghệ số', unitId: unit.id, roles: ['COMMUNITY_TEAM'] } });
    senderId = sender.id;
    await db.prisma.chatIdentity.create({ data: { personId: sender.id, channel: 'TELEGRAM', externalId: SENDER_CHAT, chatId: SENDER_CHAT } });
    await db.prisma.person.createMany({ data: Array.from({ length: N }, (_, i) => ({ code: `r${i}`, fullName: `Người nhận ${i}`, unitId: unit.id, roles: ['OFFICER' as const] })) });
    const people = await db.prisma.person.findMany({ where: { code: { startsWith: 'r' } }, select: { id: true } });
    await db.prisma.chatIdentity.createMany({ data: people.map((p) => ({ personId: p.id, channel: 'TELEGRAM' as const, externalId: String(1000 + p.id), chatId: String(1000 + p.id) })) });
    telegram = new RecordingSender(clock);
    // The paid limiter leaves the free rate's room in 1,000/s: the free rate must be below it.
    d = testDelivery(db.prisma, clock, { TELEGRAM: telegram }, { ...deliverySettings({ rates: { TELEGRAM: 200 }, reminders: { window: 'always' } }), paidBroadcast: true });
  }, 120_000);

  afterAll(async () => {
    await db?.destroy();
  });

  /** A notice to the N officers, a quarter of it sent, the monitor run: the sender's messages, sent. */
  async function quarterThenAll(paid: boolean) {
    const r = await d.broadcasts.create({ senderId, text: paid ? 'Cảnh báo khẩn: bão số 3.' : 'Lịch họp giao ban.', audience: { roles: ['OFFICER'] }, senderChannel: 'TELEGRAM', senderChatId: SENDER_CHAT, now: clock.now(), ...(paid ? { paid: true } : {}) });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const quarter = await db.prisma.delivery.findMany({ where: { broadcastId: r.broadcastId }, select: { id: true }, take: Math.ceil(N / 4), orderBy: { id: 'asc' } });
    await db.prisma.delivery.updateMany({ where: { id: { in: quarter.map((q) => q.id) } }, data: { state: 'SENT', sentAt: clock.now() } });
    const before = telegram.to(SENDER_CHAT).length;
    await d.broadcasts.monitor(clock.now());
    const rows = await db.prisma.delivery.findMany({ where: { kind: 'NOTICE', dedupeKey: { startsWith: `broadcast:${r.broadcastId}:` } }, orderBy: { id: 'asc' } });
    await d.worker.runUntilIdle();
    return { rows, toSender: telegram.to(SENDER_CHAT).slice(before) };
  }

  it('a paid notice: the progress message is paid, the final tally is not', async () => {
    const { rows, toSender } = await quarterThenAll(true);
    expect(rows.map((r) => r.dedupeKey.split(':').slice(2).join(':'))).toEqual(['progress:25']);
    expect(rows[0]!.payload).toMatchObject({ paid: true });
    // progress, then the final tally (the notice itself does not reach the sender: not an officer)
    expect(toSender).toHaveLength(2);
    expect(toSender[0]!.target.paid).toBe(true);
    expect(toSender[1]!.target.paid).toBeFalsy();
    const notice = telegram.sent.filter((s) => s.target.chatId !== SENDER_CHAT && s.reply.lines.some((l) => JSON.stringify(l).includes('bão số 3')));
    expect(notice.length).toBe(N - Math.ceil(N / 4));
    expect(notice.every((s) => s.target.paid === true)).toBe(true);
  });

  it('sends recorded together: each row its own message id and answer; a row no longer ours is not recorded', async () => {
    const r = await d.broadcasts.create({ senderId, text: 'Cảnh báo khẩn: triều cường.', audience: { roles: ['OFFICER'] }, now: clock.now(), paid: true });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const rows = await d.store.claim({ channel: 'TELEGRAM', limit: 40, now: clock.now(), lockedBy: 'w1', leaseMs: 60_000 });
    expect(rows).toHaveLength(40);
    // Two of them were taken over by another worker meanwhile.
    await db.prisma.delivery.updateMany({ where: { id: { in: [rows[3]!.id, rows[30]!.id] } }, data: { lockedBy: 'w2' } });
    const answers = await Promise.all(rows.map((row) => d.store.markSent(row.id, 'w1', `m${row.id}`, clock.now())));
    expect(answers.filter((a) => !a)).toHaveLength(2);
    expect(answers[3]).toBe(false);
    expect(answers[30]).toBe(false);
    const after = await db.prisma.delivery.findMany({ where: { id: { in: rows.map((row) => row.id) } }, orderBy: { id: 'asc' } });
    for (const row of after) {
      if (row.lockedBy === 'w2') expect(row).toMatchObject({ state: 'SENDING', messageId: null });
      else expect(row).toMatchObject({ state: 'SENT', messageId: `m${row.id}`, sentAt: clock.now(), lockedUntil: null });
    }
    await db.prisma.delivery.deleteMany({ where: { broadcastId: r.broadcastId } });
  });

  it('paid rows are claimed in batches sized for the paid rate; an ordinary notice is claimed `concurrency` at a time', async () => {
    const sizes = async (paid: boolean) => {
      const r = await d.broadcasts.create({ senderId, text: paid ? 'Cảnh báo khẩn: lũ quét.' : 'Thông báo thường kỳ.', audience: { roles: ['OFFICER'] }, senderChannel: 'TELEGRAM', senderChatId: SENDER_CHAT, now: clock.now(), ...(paid ? { paid: true } : {}) });
      if (!r.ok) throw new Error(JSON.stringify(r));
      const claims: number[] = [];
      const claim = d.store.claim.bind(d.store);
      d.store.claim = async (req) => {
        const rows = await claim(req);
        if (rows.length) claims.push(rows.length);
        return rows;
      };
      try {
        const before = telegram.sent.length;
        await d.worker.runUntilIdle();
        const sent = telegram.sent.slice(before).filter((m) => m.target.chatId !== SENDER_CHAT);
        expect(sent).toHaveLength(N);
        expect(new Set(sent.map((m) => m.target.chatId)).size).toBe(N);
        expect(sent.every((m) => Boolean(m.target.paid) === paid)).toBe(true);
      } finally {
        d.store.claim = claim;
      }
      return claims;
    };
    const concurrency = d.worker.settings.concurrency;
    expect(Math.max(...(await sizes(false)))).toBeLessThanOrEqual(concurrency);
    // At 800 paid messages a second (1,000 less the free 200) the 300 ms claim-ahead holds well over 8.
    expect(Math.max(...(await sizes(true)))).toBeGreaterThan(4 * concurrency);
  });

  it('an ordinary notice: its progress message is ordinary', async () => {
    const { rows, toSender } = await quarterThenAll(false);
    expect(rows[0]!.payload).not.toHaveProperty('paid');
    expect(toSender.length).toBeGreaterThan(0);
    expect(toSender.some((s) => s.target.paid)).toBe(false);
  });
});
