import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReminders } from '../../bot/delivery/jobs.ts';
import { seedSampleData } from '../../bot/services/seed.ts';
import { instantOf } from '../../domain/shared/day.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { TelegramHarness } from '../support/telegram-harness.ts';
import { ZaloHarness } from '../support/zalo-harness.ts';

/** Reminders and notices meet the conversation: buttons on Telegram, numbers and "OK" on Zalo. */
describe('reminders and notices in chat', () => {
  let db: TestDatabase;
  let tg: TelegramHarness;
  let zl: ZaloHarness;
  // The 15th: the monthly update request goes to every open task not updated this month.
  const MONDAY = '2026-12-15';

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    [tg, zl] = await Promise.all([TelegramHarness.start(db, { today: MONDAY }), ZaloHarness.start(db, { today: MONDAY })]);
    tg.clock.set(instantOf(MONDAY, 8));
    zl.clock.set(instantOf(MONDAY, 8));
  });
  afterAll(async () => {
    await Promise.all([tg.close(), zl.close()]);
    await db.destroy();
  });

  it('Telegram: the morning reminder lists the officer’s tasks with buttons that open the report, note "no change", snooze', async () => {
    const u = tg.user(7001);
    await tg.linkAndAccept(u, 'Trần Thị Hồng Nhung');
    const d = tg.delivery();
    const summary = await runReminders(d.jobDeps, { tick: instantOf(MONDAY, 8), now: instantOf(MONDAY, 8), nextTick: null });
    expect(summary.planned).toBeGreaterThan(0);
    const before = tg.tg.sentTo(u).length;
    await d.worker.runUntilIdle();
    const [reminder] = (await tg.tg.waitForMessages(u, before + 1)).slice(before);
    expect(reminder!.plainText).toContain('Trần Thị Hồng Nhung');
    const buttons = tg.tg.buttons(reminder);
    const report = buttons.find((b) => b.data?.startsWith('rm:report:'))!;
    expect(report).toBeDefined();
    const [status] = await tg.press(u, reminder!, report.data!);
    expect(status!.plainText).toContain('Tình trạng hiện nay?');
    await tg.say(u, 'huỷ');

    const task = await db.prisma.task.findFirstOrThrow({ where: { number: 'A.II.10' } });
    const count = await db.prisma.progressUpdate.count({ where: { taskId: task.id } });
    const b2 = tg.tg.sentTo(u).length;
    await tg.tg.pressButton(u, reminder!.message_id, `rm:same:${task.id}`, { force: true });
    const [same] = (await tg.tg.waitForMessages(u, b2 + 1)).slice(b2);
    expect(same!.plainText).toContain('Đã ghi nhận: nhiệm vụ A.II.10 không thay đổi');
    const updates = await db.prisma.progressUpdate.findMany({ where: { taskId: task.id }, orderBy: { id: 'asc' } });
    expect(updates).toHaveLength(count + 1);
    expect(updates.at(-1)).toMatchObject({ kind: 'REPORT', percent: updates.at(-2)!.percent, originalText: 'không thay đổi' });

    const b3 = tg.tg.sentTo(u).length;
    await tg.tg.pressButton(u, reminder!.message_id, `rm:snooze:${task.id}:7`, { force: true });
    const [snoozed] = (await tg.tg.waitForMessages(u, b3 + 1)).slice(b3);
    expect(snoozed!.plainText).toContain('sẽ nhắc lại nhiệm vụ A.II.10');
    const person = await db.prisma.person.findFirstOrThrow({ where: { fullName: 'Trần Thị Hồng Nhung' } });
    expect(await db.prisma.reminderSnooze.count({ where: { personId: person.id, taskId: task.id } })).toBe(1);
  });

  it('Telegram: the community team sends a notice; recipients press "Đã nhận"; the sender sees the tally', async () => {
    const sender = tg.user(7101);
    const officer = tg.user(7102);
    await tg.linkAndAccept(sender, 'Bùi Thị Mai');
    await tg.linkAndAccept(officer, 'Phạm Văn Đức');
    await tg.say(sender, '/thongbao');
    await tg.say(sender, 'Lịch tập huấn Bình dân học vụ số: 8h00 thứ Năm tại hội trường UBND đặc khu.');
    const [audience] = await tg.press(sender, tg.last(sender), 'Bỏ qua');
    expect(audience!.plainText).toContain('Gửi tới ai?');
    const [preview] = await tg.press(sender, audience!, 'Tất cả cán bộ trong địa bàn');
    expect(preview!.plainText).toContain('Xem trước thông báo');
    expect(preview!.plainText).toMatch(/Sẽ gửi tới \d+ người nhận/);
    expect(await db.prisma.delivery.count({ where: { kind: 'BROADCAST' } })).toBe(0); // nothing before confirmation
    const [queued] = await tg.press(sender, preview!, '📤 Gửi ngay');
    expect(queued!.plainText).toMatch(/Đã xếp thông báo số \d+ để gửi tới \d+ người nhận/);
    // Sent at once: it says so, with no hedge about working hours.
    expect(queued!.plainText).toContain('bắt đầu gửi ngay');
    expect(queued!.plainText).not.toContain('giờ hành chính');
    const before = tg.tg.sentTo(officer).length;
    await tg.delivery().worker.runUntilIdle();
    const [notice] = (await tg.tg.waitForMessages(officer, before + 1)).slice(before);
    expect(notice!.plainText).toContain('📢 Thông báo từ Bùi Thị Mai');
    expect(notice!.plainText).toContain('Bình dân học vụ số');
    const [thanks] = await tg.press(officer, notice!, '✅ Đã nhận');
    expect(thanks!.plainText).toContain('Cảm ơn anh/chị đã xác nhận');
    const delivery = await db.prisma.delivery.findFirstOrThrow({ where: { kind: 'BROADCAST', chatId: String(officer) } });
    expect(delivery.acknowledgedAt).not.toBeNull();
    const broadcast = await db.prisma.broadcast.findFirstOrThrow({ orderBy: { id: 'desc' } });
    const bt = tg.tg.sentTo(sender).length;
    await tg.tg.pressButton(sender, queued!.message_id, `bc:tally:${broadcast.id}`, { force: true });
    const [tally] = (await tg.tg.waitForMessages(sender, bt + 1)).slice(bt);
    expect(tally!.plainText).toMatch(/đã xác nhận 1/);
  });

  it('only the community team or admins may send notices', async () => {
    const u = tg.user(7201);
    await tg.linkAndAccept(u, 'Đinh Thị Thu');
    const [refused] = await tg.say(u, '/thongbao');
    expect(refused!.plainText).toContain('Chỉ thành viên Tổ công nghệ số cộng đồng hoặc quản trị viên');
  });

  it('a community team member with no unit is told that the account has no unit, and no notice starts', async () => {
    await db.prisma.person.create({ data: { code: 'team-no-unit', fullName: 'Lương Văn Thử', unitId: null, roles: ['COMMUNITY_TEAM'] } });
    const u = tg.user(7301);
    await tg.linkAndAccept(u, 'Lương Văn Thử');
    const broadcasts = await db.prisma.broadcast.count();
    const [refused] = await tg.say(u, '/thongbao');
    expect(refused!.plainText).toBe('Tài khoản của anh/chị chưa gắn với đơn vị nào nên chưa gửi được thông báo; đề nghị quản trị viên bổ sung đơn vị trong danh sách cán bộ.');
    // No flow was started: the next message is not taken as the notice's text.
    const [next] = await tg.say(u, 'Lịch tập huấn ngày mai');
    expect(next!.plainText).not.toContain('Xem trước thông báo');
    expect(await db.prisma.broadcast.count()).toBe(broadcasts);
  });

  it('Zalo: a resident subscribes with /dangky; a notice to residents arrives; "OK" acknowledges it', async () => {
    const resident = 'ee11ee11ee11ee11ee11';
    const [sub] = await zl.say(resident, '/dangky Cát Hải');
    expect(sub).toContain('Đã đăng ký nhận thông báo của Đặc khu Cát Hải');
    const sender = 'ff22ff22ff22ff22ff22';
    await zl.linkAndAccept(sender, 'Bùi Thị Mai');
    await zl.say(sender, '/thongbao');
    await zl.say(sender, 'Cảnh báo lừa đảo qua mạng: không cung cấp mã OTP cho bất kỳ ai.');
    const [audience] = await zl.say(sender, 'bỏ qua');
    expect(audience).toMatch(/5\. Người dân đã đăng ký…/);
    await zl.say(sender, '5');
    const [preview] = await zl.say(sender, 'Cát Hải');
    expect(preview).toContain('người dân đăng ký');
    const [queued] = await zl.say(sender, '1');
    expect(queued).toMatch(/Đã xếp thông báo số \d+/);
    const before = zl.zalo.sentTo(resident).length;
    await zl.delivery().worker.runUntilIdle();
    const [notice] = (await zl.zalo.waitForMessages(resident, before + 1, 5000)).slice(before);
    expect(notice!.text).toContain('Cảnh báo lừa đảo');
    expect(notice!.text).toContain('Trả lời ĐÃ NHẬN để xác nhận');
    const [thanks] = await zl.say(resident, 'OK');
    expect(thanks).toContain('Cảm ơn anh/chị đã xác nhận');
    const [bye] = await zl.say(resident, '/huydangky');
    expect(bye).toContain('Đã hủy đăng ký nhận thông báo: Đặc khu Cát Hải');
  });

  it('Zalo: a reminder’s choices are numbered and stored, so a typed "1" acts on it', async () => {
    const u = 'aa33aa33aa33aa33aa33';
    await zl.linkAndAccept(u, 'Đỗ Quang Huy');
    const tomorrow = '2026-12-16';
    zl.clock.set(instantOf(tomorrow, 8));
    const d = zl.delivery();
    await runReminders(d.jobDeps, { tick: instantOf(tomorrow, 8), now: instantOf(tomorrow, 8), nextTick: null });
    const before = zl.zalo.sentTo(u).length;
    await d.worker.runUntilIdle();
    const [reminder] = (await zl.zalo.waitForMessages(u, before + 1, 5000)).slice(before);
    expect(reminder!.text).toContain('Đỗ Quang Huy');
    expect(reminder!.text).toMatch(/\n1\. /);
    // The worker stored the choices: a typed number means the same on any instance.
    const stored = await db.prisma.conversation.findFirstOrThrow({ where: { channel: 'ZALO', chatId: u } });
    const raw = stored.choices as { items: { id: string }[] } | { id: string }[];
    const items = Array.isArray(raw) ? raw : raw.items;
    expect(items.length).toBeGreaterThan(0);
    const first = items[0]!.id;
    const [answer] = await zl.say(u, '1');
    if (first.startsWith('rm:report:')) expect(answer).toContain('Tình trạng hiện nay?');
    else expect(answer).toBeTruthy();
  });
});
