/**
 * npm run report -- [--unit "Đặc khu Cát Hải"]... [--plan "12-KH/TU"] [--as-of YYYY-MM-DD] [--out-dir DIR] [--as <person>] [--lang vi|en]
 * Writes the progress appendix (.xlsx) and the chart by unit (.png) to the
 * folder (default: the current one) and prints the summary to send up.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { today } from '../../domain/shared/clock.ts';
import { fold } from '../../domain/shared/text.ts';
import { lookupUnit } from '../../domain/units/lookup.ts';
import { createApp } from '../app.ts';
import { renderReply } from '../chat/render.ts';
import type { Locale } from '../i18n.ts';
import { buildReport } from '../services/report.ts';
import { dayArg, runCli, UsageError } from './args.ts';
import { findPerson } from './people.ts';

const key = (s: string) => fold(s).replace(/[^a-z0-9]/g, '');

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      unit: { type: 'string', multiple: true },
      plan: { type: 'string' },
      'as-of': { type: 'string' },
      'out-dir': { type: 'string', default: '.' },
      as: { type: 'string' },
      lang: { type: 'string', default: 'vi' },
    },
  });
  const locale: Locale = values.lang === 'en' ? 'en' : 'vi';
  const app = await createApp();
  try {
    const asOf = dayArg(values['as-of'], 'as-of') ?? today(app.clock);
    const units = await app.queries.units();
    let unitIds: number[] | null = null;
    for (const query of values.unit ?? []) {
      const found = lookupUnit(query, units);
      if (found.kind === 'none') throw new UsageError(app.tr.t('unit-not-found', { query }, locale));
      if (found.kind === 'many') throw new UsageError(`${app.tr.t('unit-which-of', { query }, locale)}\n${found.units.map((u) => `  ${u.name}`).join('\n')}`);
      unitIds = [...(unitIds ?? []), found.unit.id];
    }
    let planId: number | null = null;
    if (values.plan) {
      const plans = await app.db.prisma.plan.findMany({ orderBy: { id: 'asc' } });
      const wanted = key(values.plan);
      const exact = plans.filter((p) => key(p.code) === wanted);
      const byNumber = /^\d+$/.test(wanted) ? plans.filter((p) => key(p.code).startsWith(wanted) && !/\d/.test(key(p.code).slice(wanted.length, wanted.length + 1))) : [];
      const found = exact.length ? exact : byNumber;
      if (found.length !== 1) {
        throw new UsageError(`Không xác định được kế hoạch "${values.plan}". Các kế hoạch: ${plans.map((p) => p.code).join(', ')}`);
      }
      planId = found[0]!.id;
    }
    const person = values.as ? await findPerson(app, values.as, locale) : undefined;
    const report = await buildReport({ prisma: app.db.prisma, tr: app.tr, status: app.status }, { unitIds, planId, asOf, person, actor: 'cli:report', locale });
    process.stdout.write(`${renderReply(report.reply, app.tr, locale)}\n`);
    if (!report.ok) {
      process.stderr.write(`${app.tr.t('report-cli-refused', {}, locale)}\n`);
      return 1;
    }
    await mkdir(values['out-dir'], { recursive: true });
    for (const f of [report.xlsx, report.chart]) {
      const path = join(values['out-dir'], f.fileName);
      await writeFile(path, f.data);
      process.stdout.write(`${app.tr.t('report-cli-file', { file: path }, locale)}\n`);
    }
    return 0;
  } finally {
    await app.close();
  }
});
