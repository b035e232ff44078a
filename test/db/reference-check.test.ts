/**
 * An answer is one statement (issue 12): the units, plans, words and base
 * totals the process holds are used at once, and the change check rides on
 * the answer's own statement. When it finds a change — a unit added by
 * another process, a task shared with one more unit — the question is read
 * and answered again with what changed: never an answer from stale names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReply } from '../../bot/chat/render.ts';
import { i18n } from '../../bot/i18n.ts';
import { seedSampleData } from '../../bot/services/seed.ts';
import type { PersonRef } from '../../domain/people/types.ts';
import { answerQuestion } from '../../domain/questions/answer.ts';
import { readQuestion } from '../../domain/questions/context.ts';
import type { Db } from '../../prisma/database.ts';
import { keepReferenceFresh, primeReference, QuestionReference, refreshReference, REFRESH_MS, withReference } from '../../prisma/stores/question-data.ts';
import { PrismaTaskQueries } from '../../prisma/stores/task-queries.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

const TODAY = '2026-11-26';
const LEADER: PersonRef = { id: 0, fullName: 'Lãnh đạo thành phố', unitId: null, roles: ['CITY_LEADER'] };
const tr = i18n();

describe('the reference data checked by the answer itself', () => {
  let db: TestDatabase;
  let statements = 0;
  let counted: Db;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
    // the same client, every raw statement counted (the question store sends only raw statements)
    counted = new Proxy(db.prisma, {
      get(target, key, receiver) {
        if (key === '$queryRawUnsafe') {
          return (...args: Parameters<Db['$queryRawUnsafe']>) => {
            statements++;
            return target.$queryRawUnsafe(...args);
          };
        }
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  }, 300_000);
  afterAll(async () => {
    await db.destroy();
  });

  // the process's clock: a test moves it on to leave the chat silent for a while
  let now = Date.now();
  const ask = (shared: QuestionReference, text: string) =>
    withReference(
      counted,
      shared,
      async (data) => {
        const { interp } = await readQuestion(text, data, TODAY, LEADER);
        const answer = await answerQuestion(interp, { person: LEADER, today: TODAY, status: { dueSoonDays: 7 } }, data);
        return renderReply(answer.reply, tr, 'vi').split('\n')[0];
      },
      () => now,
    );

  it('the first question of a process is two statements: the reference data in one, the answer in the other', async () => {
    statements = 0;
    expect(await ask(new QuestionReference(), 'nhiệm vụ nào quá hạn ở Cát Hải?')).toBe('Đặc khu Cát Hải: 2 nhiệm vụ quá hạn / 37');
    expect(statements).toBe(2);
    // without diacritics, in another fresh process
    statements = 0;
    expect(await ask(new QuestionReference(), 'nhiem vu qua han o cat hai')).toBe('Đặc khu Cát Hải: 2 nhiệm vụ quá hạn / 37');
    expect(statements).toBe(2);
  });

  it("read at the bot's start (primeReference), the reference data makes the first question one statement", async () => {
    const shared = new QuestionReference();
    statements = 0;
    await primeReference(counted, shared);
    expect(statements).toBe(1);
    statements = 0;
    expect(await ask(shared, 'nhiệm vụ nào quá hạn ở Cát Hải?')).toBe('Đặc khu Cát Hải: 2 nhiệm vụ quá hạn / 37');
    expect(statements).toBe(1);
  });

  it("a unit's aliases are read with it, in a process's first statement and after", async () => {
    const catHai = await db.prisma.unit.findFirstOrThrow({ where: { name: 'Đặc khu Cát Hải' } });
    const alias = await db.prisma.unitAlias.create({ data: { unitId: catHai.id, alias: 'Đảo Ngọc Thử', folded: 'dao ngoc thu' } });
    try {
      const units = await new PrismaTaskQueries(db.prisma).units();
      expect(units.find((u) => u.id === catHai.id)?.aliases).toContain('Đảo Ngọc Thử');
      expect(await ask(new QuestionReference(), 'nhiệm vụ quá hạn ở đảo ngọc thử')).toBe('Đặc khu Cát Hải: 2 nhiệm vụ quá hạn / 37');
    } finally {
      await db.prisma.unitAlias.delete({ where: { id: alias.id } });
    }
  });

  it('a question asked again is one statement, with the same answer', async () => {
    const shared = new QuestionReference();
    const first = await ask(shared, 'nhiệm vụ nào quá hạn ở Cát Hải?');
    expect(first).toBe('Đặc khu Cát Hải: 2 nhiệm vụ quá hạn / 37');
    statements = 0;
    expect(await ask(shared, 'nhiem vu qua han o cat hai')).toBe(first);
    expect(statements).toBe(1);
  });

  it('a task asked by its number again is one statement too, its roll-up or its detail included', async () => {
    const shared = new QuestionReference();
    for (const q of ['nhiệm vụ 14', 'tiến độ nhiệm vụ A.II.6', 'nhiệm vụ 777']) {
      const first = await ask(shared, q);
      statements = 0;
      expect(await ask(shared, q), q).toBe(first);
      if (q === 'nhiệm vụ 777') expect(first).toMatch(/777/);
      expect(statements, q).toBe(1);
    }
  });

  it('counts and the units behind on their updates, asked again, are one statement too', async () => {
    const shared = new QuestionReference();
    for (const q of ['có bao nhiêu nhiệm vụ', 'Cát Hải có bao nhiêu nhiệm vụ', 'đơn vị nào chưa cập nhật tháng này']) {
      const first = await ask(shared, q);
      statements = 0;
      expect(await ask(shared, q), q).toBe(first);
      expect(statements, q).toBe(1);
    }
  });

  it('a unit added since the last question is understood at once', async () => {
    const shared = new QuestionReference();
    await ask(shared, 'nhiệm vụ nào quá hạn ở Cát Hải?');
    const unit = await db.prisma.unit.create({ data: { code: 'XA-THU-NGHIEM', name: 'Xã Thử Nghiệm', kind: 'COMMUNE' } });
    const plan = await db.prisma.plan.findFirstOrThrow();
    const task = await db.prisma.task.create({
      data: { planId: plan.id, kind: 'TASK', number: '9901', sectionCode: 'A', position: 9901, label: '9901', title: 'Nhiệm vụ của xã mới', scope: 'test', deadlineKind: 'DAY', deadlineDate: new Date('2026-10-31T00:00:00Z'), deadlineText: '31/10/2026' },
    });
    await db.prisma.assignment.create({ data: { taskId: task.id, unitId: unit.id, deadlineDate: new Date('2026-10-31T00:00:00Z') } });
    expect(await ask(shared, 'nhiệm vụ quá hạn ở Xã Thử Nghiệm')).toBe('Xã Thử Nghiệm: 1 nhiệm vụ quá hạn / 1');
  });

  it('a task shared with one more unit is counted in the next answer\'s "/ N"', async () => {
    const shared = new QuestionReference();
    const before = await ask(shared, 'nhiệm vụ nào quá hạn ở Cát Hải?');
    const catHai = await db.prisma.unit.findFirstOrThrow({ where: { name: 'Đặc khu Cát Hải' } });
    const plan = await db.prisma.plan.findFirstOrThrow();
    const task = await db.prisma.task.create({ data: { planId: plan.id, kind: 'TASK', number: '9902', sectionCode: 'A', position: 9902, label: '9902', title: 'Nhiệm vụ thêm cho Cát Hải', scope: 'test' } });
    await db.prisma.assignment.create({ data: { taskId: task.id, unitId: catHai.id } });
    expect(before).toBe('Đặc khu Cát Hải: 2 nhiệm vụ quá hạn / 37');
    expect(await ask(shared, 'nhiệm vụ nào quá hạn ở Cát Hải?')).toBe('Đặc khu Cát Hải: 2 nhiệm vụ quá hạn / 38');
  });

  it('a question after half an hour of silence is still one statement: nothing is read again unless it changed', async () => {
    const shared = new QuestionReference();
    const first = await ask(shared, 'nhiệm vụ nào quá hạn ở Cát Hải?');
    for (const silence of [61_000, 1_800_000]) {
      now += silence;
      statements = 0;
      expect(await ask(shared, 'nhiem vu qua han o cat hai')).toBe(first);
      expect(statements, `after ${silence / 1000} s`).toBe(1);
    }
    // once an hour the units and plans are read again all the same (a change written outside the app), in one statement
    now += 3_600_000;
    statements = 0;
    expect(await ask(shared, 'nhiem vu qua han o cat hai')).toBe(first);
    expect(statements).toBe(2);
  });

  it('in the bot, units and plans are read again in the silence: after hours of it a question is still one statement', async () => {
    const shared = new QuestionReference();
    const first = await ask(shared, 'nhiệm vụ nào quá hạn ở Cát Hải?');
    const catHai = await db.prisma.unit.findFirstOrThrow({ where: { name: 'Đặc khu Cát Hải' } });
    try {
      for (let hour = 1; hour <= 3; hour++) {
        // what the bot's timer does every half hour (keepReferenceFresh), with the process's clock; found the same,
        // the units are the same objects (what the parser built from them is not built again)
        const units = shared.registry!.units;
        now += REFRESH_MS;
        await refreshReference(counted, shared, () => now);
        expect(shared.registry!.units).toBe(units);
        now += REFRESH_MS;
        await refreshReference(counted, shared, () => now);
        now += 60_000;
        statements = 0;
        expect(await ask(shared, 'nhiem vu qua han o cat hai')).toBe(first);
        expect(statements, `after ${hour} h`).toBe(1);
      }
      // a rename written outside the app (psql: updatedAt untouched) is named once the timer has read it
      await db.prisma.$executeRawUnsafe(`UPDATE "Unit" SET name = 'Đặc khu Cát Hải (psql)' WHERE id = $1`, catHai.id);
      now += REFRESH_MS;
      const before = shared.registry!.units;
      await refreshReference(counted, shared, () => now);
      expect(shared.registry!.units).not.toBe(before);
      expect(await ask(shared, 'nhiệm vụ nào quá hạn ở Cát Hải?')).toBe('Đặc khu Cát Hải (psql): 2 nhiệm vụ quá hạn / 38');
    } finally {
      await db.prisma.$executeRawUnsafe(`UPDATE "Unit" SET name = $2 WHERE id = $1`, catHai.id, catHai.name);
    }
    // the timer itself: it reads at once (the start's priming), then again, until stopped
    const timed = new QuestionReference();
    statements = 0;
    const errors: unknown[] = [];
    const stop = keepReferenceFresh(counted, timed, (err) => errors.push(err), 20);
    try {
      for (let waited = 0; statements < 3 && waited < 30_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    } finally {
      stop();
    }
    expect(statements).toBeGreaterThanOrEqual(3);
    expect(errors).toEqual([]);
    expect(timed.registry?.units.some((u) => u.name === 'Đặc khu Cát Hải')).toBe(true);
  });

  it('a unit renamed since the last question is seen at once, however soon', async () => {
    const shared = new QuestionReference();
    expect(await ask(shared, 'nhiệm vụ nào quá hạn ở Cát Hải?')).toBe('Đặc khu Cát Hải: 2 nhiệm vụ quá hạn / 38');
    const catHai = await db.prisma.unit.findFirstOrThrow({ where: { name: 'Đặc khu Cát Hải' } });
    await db.prisma.unit.update({ where: { id: catHai.id }, data: { name: 'Đặc khu Cát Hải (mới)' } });
    try {
      now += 1_500;
      expect(await ask(shared, 'nhiệm vụ nào quá hạn ở Cát Hải?')).toBe('Đặc khu Cát Hải (mới): 2 nhiệm vụ quá hạn / 38');
    } finally {
      await db.prisma.unit.update({ where: { id: catHai.id }, data: { name: catHai.name } });
    }
    now += 1_500;
    expect(await ask(shared, 'nhiệm vụ nào quá hạn ở Cát Hải?')).toBe('Đặc khu Cát Hải: 2 nhiệm vụ quá hạn / 38');
  });
});
