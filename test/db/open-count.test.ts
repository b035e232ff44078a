/**
 * One count of "open for this person" everywhere (issue 11): "việc của tôi",
 * its pages and the report's "which task?" show the same number, for an
 * officer with tasks of their own and for a unit leader answering for none
 * (who then sees their unit's).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChatService } from '../../bot/app.ts';
import { renderReply } from '../../bot/chat/render.ts';
import { i18n } from '../../bot/i18n.ts';
import { seedSampleData } from '../../bot/services/seed.ts';
import type { PersonRef } from '../../domain/people/types.ts';
import { FixedClock } from '../../domain/shared/clock.ts';
import { instantOf } from '../../domain/shared/day.ts';
import { PrismaTaskQueries } from '../../prisma/stores/task-queries.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { CALENDAR, DELIVERY, SETTINGS, silentLog } from '../support/telegram-harness.ts';

describe('one count of open tasks per person', () => {
  let db: TestDatabase;
  let q: PrismaTaskQueries;
  const tr = i18n();

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    q = new PrismaTaskQueries(db.prisma);
  }, 120_000);
  afterAll(async () => {
    await db?.destroy();
  });

  function console(person: PersonRef) {
    const service = buildChatService({ prisma: db.prisma, clock: new FixedClock(instantOf('2026-11-26', 9)), settings: SETTINGS, log: silentLog, tr, calendar: CALENDAR, delivery: DELIVERY });
    const id = `oc${person.id}`;
    return async (text: string) => {
      const out = await service.handle({ channel: 'CONSOLE', chatId: id, user: { externalId: id }, asPerson: person, text });
      return (out?.replies ?? []).map((r) => renderReply(r, tr, 'vi', { numberChoices: true })).join('\n---\n');
    };
  }

  async function sameCount(person: PersonRef): Promise<string> {
    const say = console(person);
    const mine = await say('việc của tôi');
    const open = Number(/: (\d+) đang mở/.exec(mine)?.[1]);
    expect(open).toBeGreaterThan(0);
    if (open > 8) expect(await say('xem thêm')).toContain(`/ ${open}:`);
    expect(await say('45%, vướng kinh phí')).toContain(`(${open} nhiệm vụ đang mở)`);
    await say('huỷ');
    expect(await say('/capnhat')).toContain(`(${open} nhiệm vụ đang mở)`);
    await say('huỷ');
    return mine;
  }

  it('an officer with tasks of her own', async () => {
    const [nhung] = await q.findPeople('Trần Thị Hồng Nhung');
    expect(await sameCount(nhung!)).toContain('Việc của anh/chị:');
  });

  it('a unit leader answering for no task by name sees the unit’s, with the same count in "which task?"', async () => {
    const leaders = (await db.prisma.person.findMany({ where: { unitId: { not: null } }, orderBy: { id: 'asc' } })).filter((p) => p.roles.includes('UNIT_LEADER'));
    let leader: PersonRef | null = null;
    for (const p of leaders) {
      const ref = await q.person(p.id);
      if (ref && !(await q.responsibleFor(p.id)).length && (await q.assignments({ unitIds: [p.unitId!] })).length) {
        leader = ref;
        break;
      }
    }
    expect(leader).not.toBeNull();
    const mine = await sameCount(leader!);
    expect(mine).toContain('Việc của đơn vị anh/chị');
    expect(mine).not.toContain('chưa được giao phụ trách nhiệm vụ nào');
  });
});
