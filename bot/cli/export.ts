/**
 * npm run export -- [--unit "Đặc khu Cát Hải"] [--as-of YYYY-MM-DD] [--out phu-luc.xlsx]
 * Writes the progress appendix (seed 003's layout) for one unit or all units.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { today } from '../../domain/shared/clock.ts';
import { lookupUnit } from '../../domain/units/lookup.ts';
import { createApp } from '../app.ts';
import { exportProgressAppendix } from '../services/export.ts';
import { dayArg, runCli, UsageError } from './args.ts';

await runCli(async () => {
  const { values } = parseArgs({ options: { unit: { type: 'string' }, 'as-of': { type: 'string' }, out: { type: 'string' } } });
  const app = await createApp({ seed: false });
  try {
    const asOf = dayArg(values['as-of'], 'as-of') ?? today(app.clock);
    let unitIds: number[] | null = null;
    if (values.unit) {
      const found = lookupUnit(values.unit, await app.queries.units());
      if (found.kind === 'none') throw new UsageError(app.tr.t('unit-not-found', { query: values.unit }));
      if (found.kind === 'many') throw new UsageError(`${app.tr.t('unit-which-of', { query: values.unit })}\n${found.units.map((u) => `  ${u.name}`).join('\n')}`);
      unitIds = [found.unit.id];
    }
    const { data, units } = await exportProgressAppendix(app.db.prisma, { unitIds, asOf });
    const out = values.out ?? `phu-luc-tien-do-${asOf}.xlsx`;
    await writeFile(out, data);
    process.stdout.write(`${app.tr.t('export-done', { file: out, count: units.length, asOf })}\n`);
    return 0;
  } finally {
    await app.close();
  }
});
