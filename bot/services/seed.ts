/**
 * Sample data for a newcomer: the units and people registry (a sample of
 * the city's bodies, fictional people), the 2026 programme, Cát Hải's
 * progress appendix (as of 14/11/2025, the date of its latest document) and
 * illustrative progress on a few programme tasks (as of 31/10/2026).
 */
import { sep } from 'node:path';
import { assetDir } from '../../prisma/asset-dir.ts';
import type { Db } from '../../prisma/database.ts';
import type { ImportOutcome } from '../../prisma/stores/import-store.ts';
import { importFile } from './import.ts';

export const SEED_DIR = `${assetDir('prisma/seed', import.meta.url)}${sep}`;

export const SEED_FILES: { file: string; asOf: string }[] = [
  { file: 'don-vi.csv', asOf: '2025-11-14' },
  { file: 'can-bo.csv', asOf: '2025-11-14' },
  { file: 'chuong-trinh-cong-tac-2026-phu-luc.xlsx', asOf: '2025-12-31' },
  { file: 'dac-khu-cat-hai-phu-luc-1.xlsx', asOf: '2025-11-14' },
  { file: 'tien-do-mau-2026.csv', asOf: '2026-10-31' },
];

export class SeedError extends Error {
  constructor(readonly file: string, readonly outcome: ImportOutcome) {
    super(`sample file ${file} was refused`);
  }
}

export async function seedSampleData(prisma: Db): Promise<void> {
  for (const { file, asOf } of SEED_FILES) {
    const outcome = await importFile(prisma, `${SEED_DIR}${file}`, { asOf, today: asOf, actor: 'seed' });
    if (!outcome.ok) throw new SeedError(file, outcome);
  }
}
