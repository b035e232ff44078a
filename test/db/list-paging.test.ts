/**
 * Every list pages (issue 11): a unit's tasks grouped by status showed
 * "… và N mục khác" with no way on; now each group cut short offers its next
 * page, by choice (number or button) or by typing "xem thêm" / "tiếp";
 * and a task shared by many units pages the units that reported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChatService } from '../../bot/app.ts';
import { renderReply } from '../../bot/chat/render.ts';
import { i18n } from '../../bot/i18n.ts';
import { seedSampleData } from '../../bot/services/seed.ts';
import type { Inbound } from '../../domain/chat/engine.ts';
import type { PersonRef } from '../../domain/people/types.ts';
import { FixedClock } from '../../domain/shared/clock.ts';
import { instantOf } from '../../domain/shared/day.ts';
import { PrismaTaskQueries } from '../../prisma/stores/task-queries.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { CALENDAR, DELIVERY, SETTINGS, silentLog } from '../support/telegram-harness.ts';

describe("a unit's tasks page group by group", () => {
  let db: TestDatabase;
  const tr = i18n();

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
  }, 120_000);
  afterAll(async () => {
    await db?.destroy();
  });

  async function chat(channel: 'CONSOLE' | 'TELEGRAM', as?: PersonRef) {
    const q = new PrismaTaskQueries(db.prisma);
    const leader = as ?? (await q.findPeople('Lê Minh Tuấn'))[0];
    const service = buildChatService({ prisma: db.prisma, clock: new FixedClock(instantOf('2026-11-26', 9)), settings: SETTINGS, log: silentLog, tr, calendar: CALENDAR, delivery: DELIVERY });
    const id = `lp-${channel}-${leader!.id}`;
    let last: { choices: { id: string; label: string }[]; promptId?: string } = { choices: [] };
    const send = async (message: Partial<Inbound>) => {
      const out = await service.handle({ channel, chatId: id, user: { externalId: id }, asPerson: leader!, buttons: channel === 'TELEGRAM', ...message } as Inbound);
      const asked = [...(out?.replies ?? [])].reverse().find((r) => r.choices?.length);
      last = { choices: (asked?.choices ?? []).map((c) => ({ id: c.id, label: renderReply({ lines: [], choices: [c] }, tr, 'vi', { numberChoices: false }) })), promptId: asked?.promptId };
      return (out?.replies ?? []).map((r) => renderReply(r, tr, 'vi', { numberChoices: channel !== 'TELEGRAM' })).join('\n---\n');
    };
    return { say: (text: string) => send({ text }), press: (choiceId: string) => send({ choiceId, promptId: last.promptId }), last: () => last };
  }

  it('console: typed "xem thêm" continues the most urgent group cut short; a number picks another; "tiếp" goes on', async () => {
    const { say } = await chat('CONSOLE');
    const view = await say('đơn vị Cát Hải');
    const inProgress = Number(/🟢 Đang triển khai trong hạn \((\d+)\)/.exec(view)?.[1]);
    const done = Number(/✅ Đã hoàn thành \((\d+)\)/.exec(view)?.[1]);
    expect(done).toBeGreaterThan(11);
    expect(view).toContain(`… và ${done - 3} mục khác.`);
    expect(view).toContain(`1. Xem thêm đang triển khai (${inProgress - 8})`);
    const number = /(\d+)\. Xem thêm đã hoàn thành/.exec(view)![1]!;
    expect(await say('xem thêm')).toContain(`Đặc khu Cát Hải, 🟢 Đang triển khai trong hạn (${inProgress}) · mục 9–${inProgress} / ${inProgress}:`);
    await say('đơn vị Cát Hải');
    expect(await say(number)).toContain(`Đặc khu Cát Hải, ✅ Đã hoàn thành (${done}) · mục 4–11 / ${done}:`);
    expect(await say('tiếp')).toContain(`mục 12–${Math.min(19, done)} / ${done}:`);
  });

  it('Telegram: a button per group cut short, each paging its own group', async () => {
    const { say, press, last } = await chat('TELEGRAM');
    await say('đơn vị Cát Hải');
    const more = last().choices.filter((c) => /^dv:\d+:[A-Z_]+:\d+$/.test(c.id));
    expect(more.length).toBeGreaterThan(0);
    for (const c of more) {
      const status = c.id.split(':')[2]!;
      await say('đơn vị Cát Hải');
      const page = await press(c.id);
      expect(page).toMatch(/· mục \d+–\d+ \/ \d+:/);
      expect(page).toContain({ OVERDUE: 'Quá hạn', DUE_SOON: 'Sắp đến hạn', ON_TRACK: 'Đang triển khai trong hạn', NOT_STARTED: 'Chưa triển khai', DONE: 'Đã hoàn thành' }[status]!);
    }
  });
  it('console: a task shared by many units pages the units that reported', async () => {
    // Twelve units of a task shared by many reported progress, none done.
    const counts = await db.prisma.assignment.groupBy({ by: ['taskId'], _count: { _all: true } });
    const shared = counts.filter((c) => c._count._all > 20).map((c) => c.taskId);
    expect(shared.length).toBeGreaterThan(0);
    const task = await db.prisma.task.findUniqueOrThrow({ where: { id: shared[0]! } });
    const rows = await db.prisma.assignment.findMany({ where: { taskId: task.id, state: { not: 'DONE' } }, take: 12, orderBy: { id: 'asc' } });
    await db.prisma.assignment.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { state: 'IN_PROGRESS', percent: 40, lastReportedAt: instantOf('2026-11-20', 9) } });
    const { say, press, last } = await chat('CONSOLE');
    const view = await press(`nv:${task.id}`);
    const reported = await db.prisma.assignment.count({ where: { taskId: task.id, state: { not: 'DONE' }, lastReportedAt: { not: null } } });
    expect(view).toContain(`… và ${reported - 8} mục khác.`);
    expect(last().choices.map((c) => c.id)).toContain(`nv:${task.id}:8`);
    const page2 = await say('xem thêm');
    expect(page2).toContain(`Đơn vị đã báo cáo, chưa xong: mục 9–${Math.min(16, reported)} / ${reported}`);
  });
  it('Telegram: "việc của tôi" pages by its "Xem thêm" button and by typing "xem thêm" under the buttons', async () => {
    const q = new PrismaTaskQueries(db.prisma);
    const [nhung] = await q.findPeople('Trần Thị Hồng Nhung');
    const { say, press, last } = await chat('TELEGRAM', nhung!);
    const mine = await say('việc của tôi');
    const open = Number(/: (\d+) đang mở/.exec(mine)?.[1]);
    expect(open).toBeGreaterThan(16);
    expect(last().choices.map((c) => c.id)).toContain('menu:mine:8');
    expect(await press('menu:mine:8')).toContain(`mục 9–16 / ${open}:`);
    expect(await say('xem thêm')).toContain(`mục 17–${Math.min(24, open)} / ${open}:`);
  });
});
