/**
 * A withdrawn update (/rutlai) and an update replaced by a correction (/sua)
 * stay in the stored history but no reader shows them: answers, the task's
 * history, /baocao's summary, the exported appendix, digests' and reminders'
 * "lần trước", the 90% rule's "updated this month".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReply } from '../../bot/chat/render.ts';
import { runReminders, runWeeklyDigest } from '../../bot/delivery/jobs.ts';
import { readSheets } from '../../bot/files/read-sheet.ts';
import { i18n } from '../../bot/i18n.ts';
import { exportProgressAppendix } from '../../bot/services/export.ts';
import { buildReport, type ReportDeps } from '../../bot/services/report.ts';
import { seedSampleData } from '../../bot/services/seed.ts';
import type { PersonRef } from '../../domain/people/types.ts';
import type { Draft } from '../../domain/progress/report-flow.ts';
import { instantOf } from '../../domain/shared/day.ts';
import type { Db } from '../../prisma/database.ts';
import { PrismaProgressStore } from '../../prisma/stores/progress-store.ts';
import { PrismaQuestionData, PrismaReportData } from '../../prisma/stores/question-data.ts';
import { PrismaTaskQueries } from '../../prisma/stores/task-queries.ts';
import type { Reply } from '../../domain/chat/reply.ts';
import { FixedClock } from '../../domain/shared/clock.ts';
import type { DeliveryPayload } from '../../domain/delivery/types.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { deliverySettings, linkSamplePeople, personId, testDelivery } from './delivery-fixtures.ts';

const tr = i18n();
const AS_OF = '2026-11-26';
const WITHDRAWN = 'Vướng mắc đã rút lại';
const WITHDRAWN_PROPOSAL = 'Đề xuất đã rút lại';
const KEPT = 'Vướng mắc vẫn còn hiệu lực';

describe('withdrawn and corrected updates are ignored by every reader', () => {
  let db: TestDatabase;
  let deps: ReportDeps;
  let leader: PersonRef;
  let queries: PrismaTaskQueries;
  let catHai: number;
  const before: Record<string, unknown> = {};

  const rowOf = async (number: string) => (await queries.findByRef(number, [catHai]))[0]!;
  const report = async () => {
    const r = await buildReport(deps, { unitIds: [catHai], asOf: AS_OF, person: leader, actor: 'test' });
    if (!r.ok) throw new Error('no report');
    return { summary: renderReply(r.summary, tr, 'vi'), xlsx: r.xlsx.data };
  };
  const exported = async () => JSON.stringify((await readSheets((await exportProgressAppendix(db.prisma, { unitIds: [catHai], asOf: AS_OF })).data, 'x.xlsx')).map((g) => g.rows));
  /** What a scheduled job planned for `fullName`, as the recipient reads it. */
  const planned = async (kind: 'DIGEST' | 'REMINDER', fullName: string, run: typeof runWeeklyDigest, day: string) => {
    const clock = new FixedClock(instantOf(day, 8));
    const d = testDelivery(db.prisma, clock, {}, deliverySettings({ reminders: { maxTasksListed: 500 } }));
    await run(d.jobDeps, { tick: clock.now(), now: clock.now(), nextTick: null });
    const row = await db.prisma.delivery.findFirstOrThrow({ where: { kind, personId: await personId(db.prisma, fullName), dedupeKey: { contains: day.slice(0, 7) } } });
    return renderReply((row.payload as unknown as DeliveryPayload).reply as Reply, tr, 'vi');
  };
  const updatedThisMonth = async () => new PrismaQuestionData(db.prisma).updatesIn({ unitIds: [catHai] }, { from: '2026-11-01', to: AS_OF });

  async function say(number: string, draft: Omit<Draft, 'attachments'>, at: string, amendsId?: number) {
    const row = await rowOf(number);
    const store = new PrismaProgressStore(db.prisma as unknown as ConstructorParameters<typeof PrismaProgressStore>[0]);
    const target = { assignmentId: row.assignmentId, taskId: row.taskId, unitId: row.unitId, number: row.number, planCode: row.planCode, title: row.title, kind: row.kind, lastPercent: row.percent };
    return store.record({ target, draft: { ...draft, attachments: [] }, personId: leader.id, channel: 'TELEGRAM', now: new Date(at), ...(amendsId ? { amendsId } : {}) });
  }
  const withdraw = (id: number, at: string) =>
    new PrismaProgressStore(db.prisma as unknown as ConstructorParameters<typeof PrismaProgressStore>[0]).withdraw(id, leader.id, 'TELEGRAM', new Date(at));

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma as Db);
    await linkSamplePeople(db.prisma);
    deps = { prisma: db.prisma, tr, status: { dueSoonDays: 7 } };
    queries = new PrismaTaskQueries(db.prisma);
    leader = (await queries.findPeople('Lê Minh Tuấn'))[0]!;
    catHai = (await db.prisma.unit.findFirstOrThrow({ where: { name: 'Đặc khu Cát Hải' } })).id;
    const row = await rowOf('A.II.7');
    before.row = row;
    before.history = await queries.history(row.assignmentId);
    before.report = await report();
    before.exported = await exported();
    before.updated = await updatedThisMonth();
    before.a7 = (await rowOf('A.II.7')).lastReportedOn;

    // A report with difficulties, withdrawn; a report corrected; a report kept.
    const r1 = await say('A.II.7', { state: 'IN_PROGRESS', percent: 90, difficulties: WITHDRAWN, proposals: WITHDRAWN_PROPOSAL }, '2026-11-20T03:00:00Z');
    await withdraw(r1.id, '2026-11-20T03:30:00Z');
    const r2 = await say('A.II.8', { state: 'IN_PROGRESS', percent: 40, difficulties: 'Vướng mắc gõ nhầm' }, '2026-11-21T03:00:00Z');
    await say('A.II.8', { state: 'IN_PROGRESS', percent: 45, difficulties: KEPT }, '2026-11-21T03:10:00Z', r2.id);
  }, 120_000);
  afterAll(async () => {
    await db.destroy();
  });

  it('the task as answered: back to the state before, last reported when that state was', async () => {
    const row = await rowOf('A.II.7');
    const was = before.row as typeof row;
    expect([row.percent, row.difficulties, row.proposals, row.lastReportedOn]).toEqual([was.percent, was.difficulties, was.proposals, was.lastReportedOn]);
  });

  it("the task's history shows neither the withdrawn entry nor the withdrawal, nor a corrected entry", async () => {
    const row = await rowOf('A.II.7');
    expect(await queries.history(row.assignmentId)).toEqual(before.history);
    const h8 = await queries.history((await rowOf('A.II.8')).assignmentId);
    expect(h8[0]).toMatchObject({ kind: 'CORRECTION', percent: 45, difficulties: KEPT });
    expect(h8.map((u) => u.difficulties)).not.toContain('Vướng mắc gõ nhầm');
  });

  it('/baocao: the summary lists the correction, not the withdrawn or replaced difficulties', async () => {
    const { summary } = await report();
    expect(summary).toContain(KEPT);
    expect(summary).not.toContain(WITHDRAWN);
    expect(summary).not.toContain(WITHDRAWN_PROPOSAL);
    expect(summary).not.toContain('gõ nhầm');
  });

  it('/baocao: the attached workbook has neither the withdrawn nor the replaced difficulties', async () => {
    const { xlsx } = await report();
    const cells = JSON.stringify((await readSheets(xlsx, 'bao-cao.xlsx')).map((g) => g.rows));
    expect(cells).not.toContain(WITHDRAWN);
    expect(cells).not.toContain(WITHDRAWN_PROPOSAL);
    expect(cells).not.toContain('gõ nhầm');
    expect(cells).toContain(KEPT);
  });

  it('the weekly digest of the unit leader lists the correction as a new difficulty, not the withdrawn one', async () => {
    const text = await planned('DIGEST', 'Phạm Văn Đức', runWeeklyDigest, '2026-11-23');
    expect(text).toContain(KEPT);
    expect(text).not.toContain(WITHDRAWN);
    expect(text).not.toContain(WITHDRAWN_PROPOSAL);
    expect(text).not.toContain('gõ nhầm');
  });

  it('the reminder\'s "lần trước" for A.II.7 is the report before the withdrawn one; for A.II.8 the correction', async () => {
    // 15/12/2026: the monthly request, to the focal officer of Cát Hải, lists both tasks (not updated in December).
    const text = await planned('REMINDER', 'Trần Thị Hồng Nhung', runReminders, '2026-12-15');
    const stateOf = (number: string) => {
      const lines = text.split('\n');
      const i = lines.findIndex((l) => l.includes(`• ${number} (`));
      expect(i, `${number} in\n${text}`).toBeGreaterThanOrEqual(0);
      return lines[i + 1]!;
    };
    expect(stateOf('A.II.7')).not.toContain('20/11/2026');
    expect(stateOf('A.II.7')).not.toContain('90%');
    const was = before.a7 as string | null;
    expect(stateOf('A.II.7')).toContain(was ? `lần trước (${was.split('-').reverse().join('/')})` : 'chưa có báo cáo');
    expect(stateOf('A.II.8')).toContain('lần trước (21/11/2026): 45%');
  });

  it('/baocao of an earlier day: the states as of that day and the new difficulties since the last report skip the withdrawn and replaced entries', async () => {
    const data = new PrismaReportData(db.prisma);
    const rows = await data.rowsAsOf({ unitIds: [catHai], planId: null }, AS_OF);
    const a7 = rows.find((r) => r.number === 'A.II.7')!;
    const was = before.row as typeof a7;
    expect([a7.percent, a7.difficulties, a7.proposals, a7.lastReportedOn]).toEqual([was.percent, was.difficulties, was.proposals, was.lastReportedOn]);
    expect(rows.find((r) => r.number === 'A.II.8')).toMatchObject({ percent: 45, difficulties: KEPT });
    const notes = JSON.stringify(await data.notes({ unitIds: [catHai], planId: null }, '2026-11-15', AS_OF));
    expect(notes).toContain(KEPT);
    expect(notes).not.toContain(WITHDRAWN);
    expect(notes).not.toContain(WITHDRAWN_PROPOSAL);
    expect(notes).not.toContain('gõ nhầm');
  });

  it('the exported appendix shows A.II.7 as it was before the withdrawn report', async () => {
    const now = await exported();
    expect(now).not.toContain(WITHDRAWN);
    expect(now).toContain(KEPT);
  });

  it('"updated this month" (90% rule, monthly warning, monthly request) does not count a withdrawn report', async () => {
    const counts = await updatedThisMonth();
    const was = before.updated as typeof counts;
    // A.II.8 was updated (a corrected report counts once); A.II.7 was not.
    expect(counts.map((c) => c.updated)).toEqual(was.map((c) => c.updated + 1));
    const a7 = await rowOf('A.II.7');
    expect(a7.lastReportedOn === null || a7.lastReportedOn < '2026-11-01').toBe(true);
  });
});
