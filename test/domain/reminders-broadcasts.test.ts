/** Broadcast rules (audience, permission, tallies, choices) and the delivery settings from the environment. */
import { describe, expect, it } from 'vitest';
import { checkBroadcastText, resolveAudience } from '../../domain/broadcasts/audience.ts';
import { ackChoice, broadcastPayload, parseBroadcastChoice, previewLines } from '../../domain/broadcasts/message.ts';
import { broadcastErrorReply, subscribeChoices } from '../../domain/broadcasts/subscriptions.ts';
import { addToCounts, emptyCounts, milestoneReached, PENDING_STATES, tallyReply, type BroadcastTally } from '../../domain/broadcasts/tally.ts';
import { DELIVERY_ID_TOKEN, DELIVERY_STATES } from '../../domain/delivery/types.ts';
import type { PersonRef } from '../../domain/people/types.ts';
import type { UnitRef } from '../../domain/units/types.ts';
import { renderReply } from '../../bot/chat/render.ts';
import { ConfigError } from '../../bot/config.ts';
import { loadLocales } from '../../bot/i18n.ts';
import { parseDeliverySettings } from '../../bot/delivery/settings.ts';

const tr = loadLocales();
const units: UnitRef[] = [
  { id: 1, code: 'ubnd-tp', name: 'Ủy ban nhân dân thành phố', kind: 'CITY', parentId: null, aliases: [] },
  { id: 2, code: 'cat-hai', name: 'Đặc khu Cát Hải', kind: 'SPECIAL_ZONE', parentId: null, aliases: ['Cát Hải'] },
  { id: 3, code: 'hong-bang', name: 'Phường Hồng Bàng', kind: 'WARD', parentId: null, aliases: [] },
  { id: 4, code: 'tien-lang', name: 'Xã Tiên Lãng', kind: 'COMMUNE', parentId: null, aliases: [] },
  { id: 5, code: 'so-tc', name: 'Sở Tài chính', kind: 'DEPARTMENT', parentId: null, aliases: [] },
  { id: 6, code: 'ck-cat-hai', name: 'Phòng Văn hóa - Xã hội Cát Hải', kind: 'OTHER', parentId: 2, aliases: [] },
];
const person = (roles: PersonRef['roles'], unitId: number | null): PersonRef => ({ id: 9, fullName: 'Bùi Thị Mai', unitId, roles });

describe('who may broadcast, to whom', () => {
  const team = person(['COMMUNITY_TEAM'], 2);

  it('only the community team and admins', () => {
    expect(resolveAudience(person(['OFFICER'], 2), { all: true }, units)).toEqual({ ok: false, error: { code: 'not-allowed' } });
    expect(resolveAudience(person(['CITY_LEADER'], 1), { all: true }, units)).toEqual({ ok: false, error: { code: 'not-allowed' } });
    expect(resolveAudience(person(['ADMIN'], 5), { all: true }, units)).toMatchObject({ ok: true, area: null, audience: { people: { unitIds: null, roles: null } } });
  });

  it('a local team reaches its own unit and sub-units only', () => {
    expect(resolveAudience(team, { all: true }, units)).toMatchObject({ ok: true, area: [2, 6], audience: { people: { unitIds: [2, 6], roles: null }, residentsOf: [] } });
    expect(resolveAudience(team, { unitIds: [3] }, units)).toEqual({ ok: false, error: { code: 'outside-area', unitIds: [3] } });
    expect(resolveAudience(team, { residentsOf: [2] }, units)).toEqual({ ok: true, area: [2, 6], audience: { people: null, residentsOf: [2] } });
    // "All wards" inside Cát Hải: there are none.
    expect(resolveAudience(team, { unitKinds: ['WARD'] }, units)).toMatchObject({ ok: true, audience: { people: { unitIds: [] } } });
    expect(resolveAudience(team, { roles: ['OFFICER'] }, units)).toMatchObject({ ok: true, audience: { people: { unitIds: [2, 6], roles: ['OFFICER'] } } });
  });

  // Every role × every audience: only an admin or a city-level team reaches the whole city; a team member
  // without a unit reaches nobody (fails closed); every other role sends nothing.
  const audiences = { all: { all: true }, unit: { unitIds: [3] }, wards: { unitKinds: ['WARD'] }, officers: { roles: ['OFFICER'] }, residents: { residentsOf: [3] } } as const;
  const senders: [string, PersonRef, Record<keyof typeof audiences, string>][] = [
    ['officer', person(['OFFICER'], 2), { all: 'not-allowed', unit: 'not-allowed', wards: 'not-allowed', officers: 'not-allowed', residents: 'not-allowed' }],
    ['unit leader', person(['UNIT_LEADER'], 2), { all: 'not-allowed', unit: 'not-allowed', wards: 'not-allowed', officers: 'not-allowed', residents: 'not-allowed' }],
    ['city leader', person(['CITY_LEADER'], 1), { all: 'not-allowed', unit: 'not-allowed', wards: 'not-allowed', officers: 'not-allowed', residents: 'not-allowed' }],
    ['resident', person(['RESIDENT'], null), { all: 'not-allowed', unit: 'not-allowed', wards: 'not-allowed', officers: 'not-allowed', residents: 'not-allowed' }],
    ['team, no unit', person(['COMMUNITY_TEAM'], null), { all: 'no-area', unit: 'no-area', wards: 'no-area', officers: 'no-area', residents: 'no-area' }],
    ['team, unit gone', person(['COMMUNITY_TEAM'], 99), { all: 'no-area', unit: 'no-area', wards: 'no-area', officers: 'no-area', residents: 'no-area' }],
    ['team + city leader, no unit', person(['COMMUNITY_TEAM', 'CITY_LEADER'], null), { all: 'no-area', unit: 'no-area', wards: 'no-area', officers: 'no-area', residents: 'no-area' }],
    ['team of Cát Hải', person(['COMMUNITY_TEAM'], 2), { all: '2,6', unit: 'outside-area', wards: '', officers: '2,6', residents: 'outside-area' }],
    ['team of the city', person(['COMMUNITY_TEAM'], 1), { all: 'city', unit: '3', wards: '3', officers: 'city', residents: 'residents 3' }],
    ['admin, no unit', person(['ADMIN'], null), { all: 'city', unit: '3', wards: '3', officers: 'city', residents: 'residents 3' }],
  ];
  it.each(senders)('%s: every audience', (_name, sender, expected) => {
    for (const [key, spec] of Object.entries(audiences) as [keyof typeof audiences, unknown][]) {
      const r = resolveAudience(sender, spec, units);
      const got = !r.ok ? r.error.code : r.audience.people ? (r.audience.people.unitIds === null ? 'city' : r.audience.people.unitIds.join(',')) : `residents ${r.audience.residentsOf.join(',')}`;
      expect(`${key}: ${got}`).toBe(`${key}: ${expected[key]}`);
    }
  });

  it('a city-level team reaches any unit; residents subscribe to communes, wards and special zones only', () => {
    const city = person(['COMMUNITY_TEAM'], 1);
    expect(resolveAudience(city, { unitKinds: ['WARD', 'COMMUNE'], roles: ['OFFICER'] }, units)).toMatchObject({ ok: true, audience: { people: { unitIds: [3, 4], roles: ['OFFICER'] } } });
    expect(resolveAudience(city, { unitIds: [2] }, units)).toMatchObject({ ok: true, audience: { people: { unitIds: [2, 6] } } });
    expect(resolveAudience(city, { residentsOf: [5] }, units)).toEqual({ ok: false, error: { code: 'not-local-unit', unitIds: [5] } });
    expect(resolveAudience(city, {}, units)).toEqual({ ok: false, error: { code: 'empty-audience' } });
    expect(resolveAudience(city, { unitIds: [99] }, units)).toEqual({ ok: false, error: { code: 'bad-audience', unitIds: [99] } });
    expect(resolveAudience(city, { everyone: true }, units)).toEqual({ ok: false, error: { code: 'bad-audience' } });
  });

  it('checks the text and says what is wrong in Vietnamese', () => {
    expect(checkBroadcastText('  ')).toEqual({ code: 'empty-text' });
    expect(checkBroadcastText('x'.repeat(1801))).toEqual({ code: 'text-too-long' });
    expect(checkBroadcastText('Cảnh báo lừa đảo qua điện thoại')).toBeNull();
    expect(renderReply(broadcastErrorReply({ code: 'outside-area', unitIds: [3] }, ['Phường Hồng Bàng']), tr, 'vi')).toBe(
      'Anh/chị chỉ gửi được thông báo trong địa bàn của mình; ngoài địa bàn: Phường Hồng Bàng.',
    );
  });
});

describe('what recipients and senders read', () => {
  it('a "Đã nhận" button whose id names the delivery; on Zalo "reply ĐÃ NHẬN"', () => {
    const p = broadcastPayload({ text: ' Cảnh báo lừa đảo ', senderName: 'Bùi Thị Mai', unitName: 'Đặc khu Cát Hải' });
    expect(p.reply.choices).toEqual([ackChoice()]);
    expect(p.reply.choices![0]!.id).toBe(`bc:ack:${DELIVERY_ID_TOKEN}`);
    expect(p.textChannel).toEqual({ append: [expect.objectContaining({ text: { key: 'broadcast-ack-hint-text', args: undefined } })], hideChoices: true });
    const text = renderReply({ lines: [...p.reply.lines, ...p.textChannel!.append!] }, tr, 'vi');
    expect(text).toBe('📢 Thông báo từ Bùi Thị Mai (Đặc khu Cát Hải)\nCảnh báo lừa đảo\nTrả lời ĐÃ NHẬN để xác nhận đã nhận thông báo.');
    expect(parseBroadcastChoice('bc:ack:12345')).toEqual({ action: 'ack', deliveryId: 12345 });
    expect(parseBroadcastChoice('bc:tally:7')).toEqual({ action: 'tally', broadcastId: 7 });
    expect(parseBroadcastChoice(`bc:ack:${DELIVERY_ID_TOKEN}`)).toBeNull();
    expect(Buffer.byteLength('bc:ack:2147483647')).toBeLessThanOrEqual(48);
  });

  it('the preview counts recipients by app and names who cannot be reached', () => {
    const text = renderReply({ lines: previewLines({ recipients: 10000, people: 9500, residents: 500, byChannel: { TELEGRAM: 8000, ZALO: 2000 }, unreachable: 12, notLinked: 30 }, { at: null }) }, tr, 'vi');
    expect(text).toBe(
      'Sẽ gửi tới 10.000 người nhận (Telegram 8.000, Zalo 2.000; trong đó 500 người dân đăng ký).\n' +
        'Không gửi được: 12 người đã chặn hoặc không nhận được tin, 30 người chưa liên kết tài khoản.\n' +
        'Gửi ngay khi anh/chị xác nhận.',
    );
  });

  it('tallies per unit and overall, with the people unreachable everywhere', () => {
    const total = emptyCounts();
    addToCounts(total, 'SENT', 150, 180);
    addToCounts(total, 'BLOCKED', 0, 3);
    addToCounts(total, 'SKIPPED', 0, 2);
    addToCounts(total, 'UNKNOWN', 1, 4);
    addToCounts(total, 'FAILED', 0, 1);
    addToCounts(total, 'PENDING', 0, 10);
    expect(total).toEqual({ total: 200, sent: 180, acknowledged: 151, failed: 1, blocked: 5, unknown: 4, pending: 10 });
    const tally: BroadcastTally = {
      broadcastId: 7,
      state: 'SENDING',
      finished: false,
      ...total,
      units: [
        { unitId: 2, unitName: 'Đặc khu Cát Hải', ...total, total: 150, sent: 140, pending: 5 },
        { unitId: 3, unitName: 'Phường Hồng Bàng', ...emptyCounts(), total: 50, sent: 40, acknowledged: 30 },
      ],
      unreachable: [{ name: 'Ngô Văn Khải', unitName: 'Phường Hồng Bàng' }],
      unreachableCount: 5,
    };
    const text = renderReply(tallyReply(tally, { final: false }), tr, 'vi', { numberChoices: true });
    expect(text).toContain('⏳ Đang gửi thông báo #7: 190/200');
    expect(text).toContain('Đã gửi 180/200 · đã xác nhận 151 · lỗi 1 · không liên lạc được 5 · chưa rõ kết quả 4 · đang chờ 10');
    expect(text).toContain('Phường Hồng Bàng: gửi 40/50, xác nhận 30');
    expect(text).toContain('Không liên lạc được trên tài khoản nào (5): Ngô Văn Khải (Phường Hồng Bàng) và 4 người khác.');
    expect(renderReply(tallyReply({ ...tally, pending: 0, finished: true }, { final: true }), tr, 'en')).toContain('📬 Results of notice #7');
    expect(milestoneReached({ ...total, total: 100 })).toBeNull();
    expect(milestoneReached({ ...total, total: 1000, pending: 400 })).toBe(50);
    expect(milestoneReached({ ...total, total: 1000, pending: 900 })).toBeNull();
  });

  it('counts as pending exactly PENDING_STATES (the monitor counts those in the database)', () => {
    for (const state of DELIVERY_STATES) {
      const c = emptyCounts();
      addToCounts(c, state, 0, 1);
      expect({ state, pending: c.pending }).toEqual({ state, pending: (PENDING_STATES as readonly string[]).includes(state) ? 1 : 0 });
    }
  });

  it('/dangky offers the communes, wards and special zones by name', () => {
    expect(subscribeChoices(units).map((c) => [c.id, 'raw' in c.label ? c.label.raw : ''])).toEqual([
      ['sub:2', 'Đặc khu Cát Hải'],
      ['sub:3', 'Phường Hồng Bàng'],
      ['sub:4', 'Xã Tiên Lãng'],
    ]);
    expect(subscribeChoices(units)[0]!.words).toContain('cat hai');
  });
});

describe('delivery settings from the environment', () => {
  it('defaults', () => {
    const s = parseDeliverySettings({});
    expect(s.reminders).toMatchObject({ workingHours: { startMinute: 480, endMinute: 1020 }, window: 'working', offsets: [7, 3, 1, 0], overdueEveryDays: 7, escalateAfterDays: 14, monthlyRequestDay: 15 });
    expect(s.reminders.cron).toEqual({ reminders: '0 8 * * *', digestWeekly: '0 8 * * 1', digestMonthly: '0 8 25 * *' });
    expect(s.rates).toEqual({ TELEGRAM: 30, ZALO: 10, perChatIntervalMs: 1000, marginMs: 25 });
    expect(s.worker).toMatchObject({ concurrency: 8, maxAttempts: 5, leaseMs: 60_000 });
    expect(s.instanceId).toMatch(/^[\w.-]+$/);
  });

  it('reads every variable and names the bad ones', () => {
    const s = parseDeliverySettings({
      WORKING_HOURS: '07:30-16:30',
      REMINDER_OFFSETS: '5,2,0',
      OVERDUE_REMINDER_EVERY_DAYS: '3',
      ESCALATE_AFTER_DAYS: '10',
      MONTHLY_REQUEST_DAY: '20',
      REMINDER_CRON: '30 7 * * 1-5',
      TELEGRAM_RATE_PER_SECOND: '25',
      INSTANCE_ID: 'worker-2',
      DELIVERY_LEASE_SECONDS: '5',
      UNRELATED: 'x',
    });
    expect(s.reminders).toMatchObject({ workingHours: { startMinute: 450, endMinute: 990 }, offsets: [5, 2, 0], overdueEveryDays: 3, escalateAfterDays: 10, monthlyRequestDay: 20 });
    expect(s.reminders.cron.reminders).toBe('30 7 * * 1-5');
    expect([s.rates.TELEGRAM, s.instanceId, s.worker.leaseMs]).toEqual([25, 'worker-2', 5000]);
    try {
      parseDeliverySettings({ WORKING_HOURS: '17-8', REMINDER_CRON: 'every day', TELEGRAM_RATE_PER_SECOND: '-1', MONTHLY_REQUEST_DAY: '32' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems.map((p) => p.variable).sort()).toEqual(['MONTHLY_REQUEST_DAY', 'REMINDER_CRON', 'TELEGRAM_RATE_PER_SECOND', 'WORKING_HOURS']);
    }
  });
});
