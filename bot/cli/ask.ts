/**
 * npm run ask -- --as <person> [--today YYYY-MM-DD] [--json] [--lang vi|en] [--offset N] [--out-dir DIR] "<question>"
 * Answers one question exactly as the chat would (choices numbered, as on
 * Zalo). With --json: the interpretation, the items and the totals, for
 * scripts and the city's dashboards. A report question ("xuất báo cáo quý
 * IV", /baocao) also builds the report; --out-dir saves its files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { answerQuestion, DEFAULT_PAGE, reportRequest } from '../../domain/questions/answer.ts';
import { readQuestion } from '../../domain/questions/context.ts';
import { today as todayOf } from '../../domain/shared/clock.ts';
import { PrismaQuestionData } from '../../prisma/stores/question-data.ts';
import { openCore } from '../core.ts';
import { renderReply } from '../chat/render.ts';
import type { Locale } from '../i18n.ts';
import { buildReport } from '../services/report.ts';
import { clockFor, dayArg, runCli, UsageError } from './args.ts';
import { findPerson } from './people.ts';

const USAGE = 'Cách dùng: npm run ask -- --as <người> [--today YYYY-MM-DD] [--json] [--lang vi|en] [--offset N] [--out-dir DIR] "<câu hỏi>"';

function count(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,4}$/.test(value)) throw new UsageError(`--${name} phải là một số (nhận được "${value}")`);
  return Number(value);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      as: { type: 'string' },
      today: { type: 'string' },
      json: { type: 'boolean', default: false },
      lang: { type: 'string', default: 'vi' },
      offset: { type: 'string' },
      size: { type: 'string' },
      'out-dir': { type: 'string' },
    },
  });
  const question = positionals.join(' ').trim();
  if (!question) throw new UsageError(USAGE);
  const locale: Locale = values.lang === 'en' ? 'en' : 'vi';
  const page = { offset: count(values.offset, 'offset', 0), size: Math.max(1, count(values.size, 'size', DEFAULT_PAGE.size)) };
  // The core alone: answering needs no conversation service.
  const app = await openCore({ clock: clockFor(dayArg(values.today, 'today')) });
  try {
    const data = new PrismaQuestionData(app.db.prisma);
    // What reading a question needs is loaded while the person is looked up.
    const warming = Promise.all([data.units(), data.plans(), data.taskNames()]);
    warming.catch(() => undefined);
    const person = await findPerson(app, values.as, locale);
    const today = todayOf(app.clock);
    await warming;
    const { interp, units } = await readQuestion(question, data, today, person);
    const ctx = { person, today, status: app.status };
    const answer = await answerQuestion(interp, ctx, data, page);

    const files: { name: string; kind: string; bytes: number }[] = [];
    let replies = [answer.reply];
    if (answer.json.outcome === 'REPORT') {
      const req = reportRequest(interp, ctx, units);
      const report = 'refused' in req ? { ok: false as const, reply: req.refused } : await buildReport({ prisma: app.db.prisma, tr: app.tr, status: app.status }, { unitIds: req.unitIds, planId: req.planId, asOf: req.asOf, person, actor: 'cli:ask', locale });
      replies = [answer.reply, report.reply];
      if (report.ok) {
        for (const f of [report.xlsx, report.chart]) {
          files.push({ name: f.fileName, kind: f.kind, bytes: f.data.length });
          if (values['out-dir']) {
            await mkdir(values['out-dir'], { recursive: true });
            await writeFile(join(values['out-dir'], f.fileName), f.data);
          }
        }
      }
    }

    if (values.json) {
      process.stdout.write(`${JSON.stringify({ ...answer.json, hasMore: answer.hasMore, nextOffset: answer.nextOffset, ...(files.length ? { files } : {}) }, null, 2)}\n`);
    } else {
      const text = replies.map((r) => renderReply(r, app.tr, locale, { numberChoices: true })).join('\n\n');
      const attached = files.map((f) => `📎 ${f.name} (${f.kind})`).join('\n');
      process.stdout.write(`${text}${attached ? `\n${attached}` : ''}\n`);
    }
    return 0;
  } finally {
    await app.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runCli(main);
  // Answered and closed: exit once the output is written, rather than wait for the query compiler's
  // WebAssembly being optimised on V8's other threads (it kept the process ~0.3 s past its answer).
  process.stdout.write('', () => process.stderr.write('', () => process.exit()));
}
