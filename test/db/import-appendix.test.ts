import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../bot/services/import.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { CAT_HAI_XLSX, catHaiJson, PROGRAMME_XLSX, programmeJson } from '../support/samples.ts';

const opts = { asOf: '2025-11-14', today: '2025-11-14', actor: 'test' } as const;

describe('importing the Cát Hải progress appendix', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('imports 54 items (33 indicators, 21 tasks) matching the transcription', async () => {
    const outcome = await importFile(db.prisma, CAT_HAI_XLSX, opts);
    expect(outcome.problems).toEqual([]);
    expect(outcome.ok).toBe(true);
    expect(outcome.summary.tasksCreated).toBe(54);
    expect(outcome.reportingUnits).toEqual({ 'PL1 NQ57': 'Đặc khu Cát Hải' });

    const tasks = await db.prisma.task.findMany({ include: { plan: true, assignments: { include: { unit: true, lastUpdate: true } } }, orderBy: { position: 'asc' } });
    expect(tasks).toHaveLength(54);
    expect(tasks.filter((t) => t.kind === 'INDICATOR')).toHaveLength(33);
    expect(tasks.filter((t) => t.kind === 'TASK')).toHaveLength(21);

    const json = catHaiJson();
    let i = 0;
    for (const section of json.sections) {
      for (const group of section.groups) {
        for (const row of group.rows) {
          const t = tasks[i++]!;
          const where = `${section.code} ${row.no}`;
          expect(t.sectionCode, where).toBe(section.code);
          expect(t.kind, where).toBe(section.kind);
          expect(t.groupCode, where).toBe(group.code);
          expect(t.groupTitle, where).toBe(group.title);
          expect(t.label, where).toBe(row.no);
          expect(t.title, where).toBe(row.title);
          expect(t.deadlineText, where).toBe(row.deadlineText);
          expect(t.plan.code, where).toBe(section.code.startsWith('A') ? '12-KH/TU' : '238/KH-UBND');
          expect(t.assignments).toHaveLength(1);
          const a = t.assignments[0]!;
          expect(a.unit.name).toBe('Đặc khu Cát Hải');
          expect(a.state === 'DONE', where).toBe(row.done);
          expect(section.kind === 'TASK' ? a.percent : a.actualValue, where).toBe(row.percent);
          expect(a.actualText, where).toBe(row.progressText);
          expect(a.outputDocument, where).toBe(row.outputs);
          expect(a.expectedCompletionText, where).toBe(row.expectedCompletionText);
          expect(a.difficulties, where).toBe(row.blockers);
          expect(a.proposals, where).toBe(row.proposals);
        }
      }
    }
    const numbers = tasks.map((t) => t.number);
    expect(numbers).toContain('A.I.1.3');
    expect(numbers).toContain('A.II.6');
    expect(numbers).toContain('B.CT.II.7');
    expect(numbers).toContain('B.NV.10');
    const target = tasks.find((t) => t.number === 'A.I.1.1')!;
    expect([target.targetComparator, target.targetValue, target.targetUnit, target.targetYear]).toEqual(['>=', 60, '%', 2025]);
  });

  it('a second import changes nothing', async () => {
    const before = await db.prisma.progressUpdate.count();
    const outcome = await importFile(db.prisma, CAT_HAI_XLSX, opts);
    expect(outcome.ok).toBe(true);
    expect(outcome.summary).toMatchObject({ tasksCreated: 0, tasksChanged: 0, tasksUnchanged: 54, updatesCreated: 0, unitsCreated: 0, plansCreated: 0, assignmentsCreated: 0 });
    expect(await db.prisma.progressUpdate.count()).toBe(before);
  });
});

describe('importing the 2026 programme', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('imports 40 tasks with lead units and parsed deadlines', async () => {
    const outcome = await importFile(db.prisma, PROGRAMME_XLSX, opts);
    expect(outcome.problems).toEqual([]);
    expect(outcome.summary.tasksCreated).toBe(40);
    const tasks = await db.prisma.task.findMany({ include: { plan: true, units: { include: { unit: true } } }, orderBy: { position: 'asc' } });
    expect(tasks).toHaveLength(40);
    expect(new Set(tasks.map((t) => t.plan.code))).toEqual(new Set(['CTr-2026']));
    const rows = programmeJson().sections.flatMap((s) => s.rows.map((r) => ({ ...r, section: s.code })));
    rows.forEach((row, i) => {
      const t = tasks[i]!;
      expect(t.number).toBe(row.no.replace(/\.$/, ''));
      expect(t.sectionCode).toBe(row.section);
      expect(t.title).toBe(row.title);
      expect(t.leadUnitText).toBe(row.leadUnit);
      expect(t.coordinatingText).toBe(row.coordinatingUnits);
      expect(t.directingLeader).toBe(row.directingLeader);
      expect(t.expectedOutput).toBe(row.output);
      expect(t.deadlineText).toBe(row.deadlineText);
    });
    const byNo = new Map(tasks.map((t) => [t.number, t]));
    expect(byNo.get('1')!.deadlineDate?.toISOString().slice(0, 10)).toBe('2026-01-31');
    expect(byNo.get('13')!.deadlineDate?.toISOString().slice(0, 10)).toBe('2026-03-31');
    expect(byNo.get('14')!.deadlineDate?.toISOString().slice(0, 10)).toBe('2026-06-30');
    expect(byNo.get('12')!.deadlineDate?.toISOString().slice(0, 10)).toBe('2026-12-31');
    expect(byNo.get('2')!.rhythm).toBe('CONTINUOUS');
    expect(byNo.get('2')!.deadlineDate).toBeNull();
    expect(byNo.get('1')!.collective).toBe('ALL_UNITS');
    expect(byNo.get('8')!.collective).toBe('LOCALITIES');
    expect(byNo.get('10')!.collective).toBe('CITY_AGENCIES');
    expect(byNo.get('28')!.collective).toBe('UNIVERSITIES');
    const leads = (n: string) => byNo.get(n)!.units.filter((u) => u.role === 'LEAD').map((u) => u.unit.name).sort();
    expect(leads('12')).toEqual(['Sở Khoa học và Công nghệ']);
    expect(leads('25')).toEqual(['Công an thành phố', 'Sở Khoa học và Công nghệ']);
    expect(leads('32')).toEqual(['Sở Khoa học và Công nghệ', 'Sở Tài chính']);
    expect(leads('40')).toEqual(['Công an thành phố', 'Văn phòng Thành ủy']);
    expect(byNo.get('34')!.collective).toBe('PARTY_BODIES');
    expect(leads('34')).toEqual(['Văn phòng Thành ủy']);
  });

  it('a second import changes nothing', async () => {
    const outcome = await importFile(db.prisma, PROGRAMME_XLSX, opts);
    expect(outcome.summary).toMatchObject({ tasksCreated: 0, tasksChanged: 0, tasksUnchanged: 40, updatesCreated: 0, unitsCreated: 0, assignmentsCreated: 0 });
  });
});
