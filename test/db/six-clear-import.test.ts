import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOutcome, importFile } from '../../bot/services/import.ts';
import { i18n } from '../../bot/i18n.ts';
import { seedSampleData } from '../../bot/services/seed.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { CAT_HAI_XLSX, PROGRAMME_XLSX } from '../support/samples.ts';

describe('import summaries name the "6 rõ" gaps of the plans imported', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedSampleData(db.prisma);
  }, 300_000);
  afterAll(async () => db?.destroy(), 300_000);

  it('the programme: every task has an output, a deadline and a leader; 28 lack an officer in some unit', async () => {
    const outcome = await importFile(db.prisma, PROGRAMME_XLSX, { today: '2026-11-26', actor: 'test' });
    expect(outcome.sixClear).toEqual({ tasks: 40, gaps: 28, who: 28, when: 0, output: 0, authority: 0, responsibility: 0 });
    expect(describeOutcome(outcome, i18n())).toContain('Kiểm tra “6 rõ” các kế hoạch vừa nhập: 28/40 nhiệm vụ, chỉ tiêu còn thiếu (chưa rõ người: 28, thời gian: 0, trách nhiệm: 0, sản phẩm: 0, thẩm quyền: 0).');
    expect(describeOutcome(outcome, i18n(), 'en')).toContain('“6 rõ” check of the imported plans: 28/40');
  });

  it("Cát Hải's appendix: its two plans, with no directing leader named", async () => {
    const outcome = await importFile(db.prisma, CAT_HAI_XLSX, { today: '2026-11-26', asOf: '2025-11-14', actor: 'test' });
    expect(outcome.ok).toBe(true);
    expect(outcome.sixClear).toMatchObject({ tasks: 54, gaps: 54, authority: 54, output: 21, who: 0 });
  });

  it('a dry run says nothing of it (nothing was written)', async () => {
    const outcome = await importFile(db.prisma, PROGRAMME_XLSX, { today: '2026-11-26', actor: 'test', dryRun: true });
    expect(outcome.sixClear).toBeUndefined();
  });
});
