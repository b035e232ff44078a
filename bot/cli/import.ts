/**
 * npm run import -- <file.xlsx|.csv> [--dry-run] [--unit "Đặc khu Cát Hải"] [--plan "12-KH/TU"] [--as-of YYYY-MM-DD]
 * Imports an appendix (assignment or progress layout), a units registry or a
 * people registry. All or nothing; every rejected row is listed in Vietnamese.
 * Progress goes to stderr: lines as rows are read, checked and written on a
 * terminal, one summary line otherwise (a pipe, a log file).
 */
import { parseArgs } from 'node:util';
import { today } from '../../domain/shared/clock.ts';
import { createApp } from '../app.ts';
import { describeOutcome, importFile } from '../services/import.ts';
import { dayArg, runCli, UsageError } from './args.ts';
import { importProgress } from './progress.ts';

await runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      unit: { type: 'string' },
      plan: { type: 'string' },
      'as-of': { type: 'string' },
      lang: { type: 'string', default: 'vi' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('Cách dùng: npm run import -- <tệp.xlsx|tệp.csv> [--dry-run] [--unit "Tên đơn vị"] [--plan "Số kế hoạch"] [--as-of YYYY-MM-DD]');
  const app = await createApp({ seed: false });
  const locale = values.lang === 'en' ? 'en' : 'vi';
  const progress = importProgress(process.stderr, app.tr, locale);
  try {
    const outcome = await importFile(app.db.prisma, positionals[0]!, {
      dryRun: values['dry-run'],
      unitName: values.unit,
      plan: values.plan,
      asOf: dayArg(values['as-of'], 'as-of'),
      today: today(app.clock),
      actor: 'cli:import',
      onProgress: progress.onProgress,
    });
    progress.finish();
    process.stdout.write(`${describeOutcome(outcome, app.tr, locale)}\n`);
    return outcome.ok ? 0 : 1;
  } finally {
    await app.close();
  }
});
