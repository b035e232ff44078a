/**
 * Explanation requests on Zalo (issue 15.1), escalated: the standing office
 * asks Xã Tiên Lãng to explain task 1 within 2 working days, choosing the
 * unit from a numbered list; nobody answers; the daily job reminds the unit
 * on the due day, and two working days later tells its head and the
 * requester — once, however many times it runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExplanationDeadlines } from '../../bot/delivery/explanation-jobs.ts';
import { runWeeklyDigest } from '../../bot/delivery/jobs.ts';
import { seedSampleData } from '../../bot/services/seed.ts';
import { buildReport } from '../../bot/services/report.ts';
import { renderReply } from '../../bot/chat/render.ts';
import { i18n } from '../../bot/i18n.ts';
import { instantOf } from '../../domain/shared/day.ts';
import { exportItems } from '../../prisma/stores/export-store.ts';
import { withoutFollowUp } from '../../domain/accountability/proposals.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { ZaloHarness } from '../support/zalo-harness.ts';

describe('explanation requests on Zalo', () => {
  let db: TestDatabase;
  let zl: ZaloHarness;
  const HA = 'z-ha-office-0000000001';
  const THU = 'z-thu-tienlang-0000001';
  const LEADER = 'z-tl-leader-000000001';

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    const u = await db.prisma.unit.findFirstOrThrow({ where: { name: 'Xã Tiên Lãng' } });
    await db.prisma.person.create({ data: { code: 't-tl', fullName: 'Nguyễn Văn Bình', unitId: u.id, roles: ['UNIT_LEADER'] } });
    zl = await ZaloHarness.start(db, { today: '2026-11-26' });
    await zl.linkAndAccept(HA, 'Nguyễn Thu Hà');
    await zl.linkAndAccept(THU, 'Đinh Thị Thu');
    await zl.linkAndAccept(LEADER, 'Nguyễn Văn Bình');
  }, 300_000);
  afterAll(async () => {
    await zl?.close();
    await db?.destroy();
  }, 300_000);

  const run = async (day: string) => {
    zl.clock.set(instantOf(day, 8));
    return runExplanationDeadlines(zl.delivery().jobDeps, { tick: instantOf(day, 8), now: instantOf(day, 8), nextTick: null });
  };
  const deliver = async () => zl.delivery().worker.runUntilIdle();

  it('a request escalated: reminded on the due day, then to the unit\'s head and the requester', async () => {
    const [which] = await zl.say(HA, '/giaitrinh nhiem vu 1 2 ngày làm việc');
    expect(which).toContain('Nhiệm vụ 1 · CTr-2026 giao cho 48 đơn vị. Yêu cầu đơn vị nào giải trình?');
    expect(which).toMatch(/\n1\. .+ · trễ 299 ngày\n/);
    const [created] = await zl.say(HA, 'xa tien lang');
    expect(created).toMatch(/^Đã gửi yêu cầu giải trình số (\d+) tới Xã Tiên Lãng \(nhiệm vụ 1 · CTr-2026, quá hạn 299 ngày\), hạn trả lời 30\/11\/2026\. Đã báo 2 người/);
    const id = Number(/số (\d+)/.exec(created!)![1]);
    await deliver();
    const notice = (await zl.zalo.waitForMessages(THU, 1, 60_000)).map((m) => m.text ?? '').find((t) => t.includes('📝'))!;
    expect(notice).toContain(`📝 Yêu cầu giải trình số ${id} của Nguyễn Thu Hà, hạn trả lời 30/11/2026`);
    expect(notice).toContain('Cập nhật gần nhất: 31/10/2026, 80%.');
    expect(notice).toContain('1. Trả lời giải trình');

    // The day before the deadline: nothing. On it (Monday 30/11): the reminder to both.
    expect((await run('2026-11-27')).planned).toBe(0);
    const [t0, l0] = [zl.zalo.sentTo(THU).length, zl.zalo.sentTo(LEADER).length];
    expect((await run('2026-11-30')).planned).toBe(2);
    expect((await run('2026-11-30')).planned).toBe(0);
    await deliver();
    const reminder = (await zl.zalo.waitForMessages(THU, t0 + 1, 60_000)).at(-1)!.text!;
    expect(reminder).toContain(`⏰ Hôm nay (30/11/2026) là hạn trả lời yêu cầu giải trình số ${id} của Nguyễn Thu Hà`);
    await zl.zalo.waitForMessages(LEADER, l0 + 1, 60_000);

    // Tuesday 1/12 nothing; Wednesday 2/12 (2 working days late): the head and the requester; Saturday: not a working day.
    expect((await run('2026-12-01')).planned).toBe(0);
    const [h0, l1] = [zl.zalo.sentTo(HA).length, zl.zalo.sentTo(LEADER).length];
    expect((await run('2026-12-02')).planned).toBe(2);
    expect((await run('2026-12-03')).planned).toBe(0);
    expect((await run('2026-12-05')).skipped).toBe('not-a-working-day');
    await deliver();
    const head = (await zl.zalo.waitForMessages(LEADER, l1 + 1, 60_000)).at(-1)!.text!;
    expect(head).toContain(`⚠️ Xã Tiên Lãng chưa trả lời yêu cầu giải trình số ${id} của Nguyễn Thu Hà: hạn 30/11/2026, đã quá 2 ngày làm việc.`);
    const note = (await zl.zalo.waitForMessages(HA, h0 + 1, 60_000)).at(-1)!.text!;
    expect(note).toBe(`⚠️ Yêu cầu giải trình số ${id} (Xã Tiên Lãng, nhiệm vụ 1 · CTr-2026) quá hạn 30/11/2026 đã 2 ngày làm việc chưa được trả lời; đã báo lãnh đạo đơn vị (1 người).`);

    // The requester's weekly digest (the standing office gets one for this alone) has a line for it; the unit's leader's has not.
    zl.clock.set(instantOf('2026-12-03', 8));
    const [h2, l2] = [zl.zalo.sentTo(HA).length, zl.zalo.sentTo(LEADER).length];
    await runWeeklyDigest(zl.delivery().jobDeps, { tick: instantOf('2026-12-03', 8), now: instantOf('2026-12-03', 8), nextTick: null });
    await deliver();
    const digest = (await zl.zalo.waitForMessages(HA, h2 + 1, 60_000)).slice(h2).map((m) => m.text ?? '').join('\n');
    expect(digest).toContain('Yêu cầu giải trình anh/chị đã gửi chưa được trả lời: 1, quá hạn 1');
    expect(digest).toContain(`🔴 Số ${id} · Xã Tiên Lãng · nhiệm vụ 1 · CTr-2026 · hạn 30/11/2026 (quá hạn, đã báo lãnh đạo đơn vị)`);
    const leaderDigest = (await zl.zalo.waitForMessages(LEADER, l2 + 1, 60_000)).slice(l2).map((m) => m.text ?? '').join('\n');
    expect(leaderDigest).toContain('Tổng hợp tuần');
    expect(leaderDigest).not.toContain('anh/chị đã gửi');

    // The leaders' question, late first; then the officer answers by the numbered choice of the escalation's copy.
    const [list] = await zl.say(HA, 'nhung don vi nao chua giai trinh');
    expect(list).toContain('Toàn thành phố: 1 yêu cầu giải trình chưa được trả lời (1 đơn vị), 1 quá hạn');
    expect(list).toContain(`🔴 Số ${id} · Xã Tiên Lãng · nhiệm vụ 1 · CTr-2026 · hạn 30/11/2026 (quá hạn, đã báo lãnh đạo đơn vị)`);
    const report = async () => {
      const r = await buildReport({ prisma: db.prisma, tr: i18n(), status: { dueSoonDays: 7 } }, { unitIds: null, asOf: '2026-12-03' });
      return r.ok ? renderReply(r.summary, i18n(), 'vi') : '';
    };
    expect(await report()).toContain('Yêu cầu giải trình: 1 chưa trả lời (1 quá hạn), 0 đã trả lời.');
    const [ask] = await zl.say(LEADER, '1');
    expect(ask).toBe(`Yêu cầu giải trình số ${id}: gõ nội dung giải trình hoặc gửi tệp (gõ /huy để thôi).`);
    const [done] = await zl.say(LEADER, 'Xã đã bố trí cán bộ chuyên trách từ 01/12, sẽ ban hành kế hoạch trong tháng 12.');
    expect(done).toBe(`Đã ghi giải trình cho yêu cầu số ${id} và gửi tới Nguyễn Thu Hà.`);
    expect(await report()).toContain('Yêu cầu giải trình: 0 chưa trả lời (0 quá hạn), 1 đã trả lời.');
    const events = await db.prisma.explanationEvent.findMany({ where: { requestId: id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.kind, e.channel])).toEqual([['REQUESTED', 'ZALO'], ['REMINDED', 'SYSTEM'], ['ESCALATED', 'SYSTEM'], ['ANSWERED', 'ZALO']]);

    // History: the unit's detail of the task, and its appendix row, show every step.
    const [detail] = await zl.say(HA, 'nhiem vu 1 xa tien lang');
    expect(detail).toContain(`Số ${id} của Nguyễn Thu Hà · hạn 30/11/2026 · đã giải trình`);
    expect(detail).toContain('26/11/2026 09:00 · yêu cầu giải trình — Nguyễn Thu Hà (Zalo)');
    expect(detail).toContain('30/11/2026 08:00 · nhắc hạn trả lời (tự động)');
    expect(detail).toContain('02/12/2026 08:00 · báo lãnh đạo đơn vị và người yêu cầu (tự động)');
    expect(detail).toMatch(/\d\d\/12\/2026 \d\d:\d\d · giải trình — Nguyễn Văn Bình \(Zalo\): Xã đã bố trí cán bộ chuyên trách từ 01\/12/);
    const tl = await db.prisma.unit.findFirstOrThrow({ where: { name: 'Xã Tiên Lãng' } });
    const item = (await exportItems(db.prisma, tl.id, '2026-12-31')).find((i) => i.number === '1' && i.planCode === 'CTr-2026')!;
    const line = item.followUp!.at(-1)!;
    expect(line).toMatch(new RegExp(`^↳ Giải trình số ${id} \\(hạn 30/11/2026\\): yêu cầu 26/11/2026 \\(Nguyễn Thu Hà, Zalo\\) · nhắc hạn 30/11/2026 \\(tự động\\) · báo lãnh đạo đơn vị 02/12/2026 \\(tự động\\) · giải trình \\d\\d/12/2026 \\(Nguyễn Văn Bình, Zalo\\): Xã đã bố trí`));
    expect(withoutFollowUp(`Đề nghị bổ sung biên chế\n${line}`)).toBe('Đề nghị bổ sung biên chế');
    // Before the request, the appendix has no line for it.
    expect((await exportItems(db.prisma, tl.id, '2026-11-25')).find((i) => i.number === '1' && i.planCode === 'CTr-2026')!.followUp).toBeUndefined();
  }, 120_000);
});
