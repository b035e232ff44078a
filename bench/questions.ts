/**
 * Answering the common questions as a city leader, exactly as chat does:
 * parse the text (against the 1,000 units and the plans, cached with a
 * change check) and answer it (filters, counts and order in SQL, the page's
 * rows loaded), with 1 and 20 concurrent askers; each beside a floor query
 * returning the same totals and first page. Also the roll-up of the task
 * shared by the most units (48 in the city shape), the tasks due by the end
 * of the year (yearly tasks count: due 31/12), and the cold question — the
 * first one after opening the database, as a fresh process asks it — beside
 * a floor that connects and runs the floor query once.
 */
import { renderReply } from '../bot/chat/render.ts';
import { i18n } from '../bot/i18n.ts';
import type { PersonRef } from '../domain/people/types.ts';
import { answerQuestion, type Answer } from '../domain/questions/answer.ts';
import { questionContext } from '../domain/questions/context.ts';
import { parseQuestion } from '../domain/questions/parse-question.ts';
import { openDatabase, type Database } from '../prisma/database.ts';
import pg from 'pg';
import { PrismaQuestionData } from '../prisma/stores/question-data.ts';
import type { Exec } from './generate.ts';
import { measure, printTable, type Row } from './measure.ts';

const TODAY = '2026-11-26';
const CITY_LEADER: PersonRef = { id: 0, fullName: 'Lãnh đạo thành phố (benchmark)', unitId: null, roles: ['CITY_LEADER'] };

const status = { dueSoonDays: 7 };

async function askWith(data: PrismaQuestionData, text: string): Promise<Answer> {
  const interp = parseQuestion(text, await questionContext(data, TODAY, CITY_LEADER));
  return answerQuestion(interp, { person: CITY_LEADER, today: TODAY, status }, data);
}

/**
 * `url`: the database's address, for the cold question (a new connection pool
 * and a new PrismaQuestionData each time: nothing cached, as in a fresh
 * process; `npm run ask` in the start-up table adds the process itself).
 */
export async function runQuestionBench(
  db: Database,
  o: { samples: number; concurrency: number[]; floor: Exec; label: string; url?: string; coldSamples?: number },
): Promise<boolean> {
  const data = new PrismaQuestionData(db.prisma);
  const ask = (text: string) => askWith(data, text);
  const f = o.floor;
  const units = Number(((await f(`SELECT count(*) AS n FROM "Unit"`)) as { n: string }[])[0]!.n);
  const tasks = Number(((await f(`SELECT count(*) AS n FROM "Task"`)) as { n: string }[])[0]!.n);
  const unitOf = (i: number) => 1 + ((i * 37) % units);
  const numberOf = (i: number) => String(1 + ((i * 7919) % Math.min(1000, tasks)));
  // the task shared by the most units: its roll-up
  const [shared] = (await f(`SELECT t.number, count(*)::int AS n FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId" GROUP BY t.id, t.number ORDER BY 2 DESC, t.id LIMIT 1`)) as {
    number: string;
    n: number;
  }[];
  const questions: [string, (i: number) => string, (i: number) => Promise<unknown>][] = [
    [
      'overdue in a unit: "nhiệm vụ quá hạn ở Đơn vị N"',
      (i) => `nhiệm vụ quá hạn ở Đơn vị ${unitOf(i)}`,
      (i) =>
        f(`SELECT count(*) OVER () AS total, a.id, t.number, t.title, a."deadlineDate" FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId"
           WHERE a."unitId" = $1 AND a.state <> 'DONE' AND a."deadlineDate" < $2::date ORDER BY a."deadlineDate", a.id LIMIT 10`, [unitOf(i), TODAY]),
    ],
    [
      'due within 7 days city-wide: "các việc sắp đến hạn trong 7 ngày"',
      () => 'các việc sắp đến hạn trong 7 ngày',
      () =>
        f(`SELECT count(*) OVER () AS total, a.id, t.number, t.title, a."deadlineDate" FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId"
           WHERE a.state <> 'DONE' AND a."deadlineDate" BETWEEN $1::date AND $1::date + 7 ORDER BY a."deadlineDate", a.id LIMIT 10`, [TODAY]),
    ],
    [
      'stale units this month: "đơn vị nào chưa cập nhật tháng này"',
      () => 'đơn vị nào chưa cập nhật tháng này',
      () => f(`SELECT "unitId", count(*), count(*) FILTER (WHERE "lastReportedAt" >= $1::timestamp) FROM "Assignment" WHERE state <> 'DONE' GROUP BY 1`, ['2026-11-01']),
    ],
    [
      'counts by status city-wide: "có bao nhiêu nhiệm vụ"',
      () => 'có bao nhiêu nhiệm vụ',
      () => f(`SELECT count(*) FILTER (WHERE state = 'DONE'), count(*) FILTER (WHERE state <> 'DONE' AND "deadlineDate" < $1::date), count(*) FROM "Assignment"`, [TODAY]),
    ],
    [
      'one task by number: "nhiệm vụ N"',
      (i) => `nhiệm vụ ${1 + ((i * 7919) % 1000)}`,
      (i) => f(`SELECT a.*, t.title FROM "Task" t JOIN "Assignment" a ON a."taskId" = t.id WHERE t.number = $1`, [numberOf(i)]),
    ],
    [
      `roll-up of a task shared by ${shared!.n} units: "nhiệm vụ ${shared!.number}"`,
      () => `nhiệm vụ ${shared!.number}`,
      () =>
        f(`SELECT count(*) OVER () AS total, count(*) FILTER (WHERE a.state = 'DONE') OVER () AS done, a.*, u.name FROM "Task" t JOIN "Assignment" a ON a."taskId" = t.id
           JOIN "Unit" u ON u.id = a."unitId" WHERE t.number = $1 ORDER BY a."deadlineDate", a.id`, [shared!.number]),
    ],
    [
      'due by the year end, yearly tasks included: "những việc đến hạn đến cuối năm"',
      () => 'những việc đến hạn đến cuối năm',
      () =>
        f(`SELECT count(*) OVER () AS total, a.id, t.number, t.title, a."deadlineDate" FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId"
           WHERE a.state <> 'DONE' AND (a."deadlineDate" BETWEEN $1::date AND '2026-12-31' OR (a."deadlineDate" IS NULL AND t.rhythm = 'YEARLY'))
           ORDER BY a."deadlineDate", a.id LIMIT 10`, [TODAY]),
    ],
  ];
  const rows: Row[] = [];
  for (const c of o.concurrency) {
    for (const [name, text, floor] of questions) {
      rows.push({ name: `${name}${c > 1 ? ` ×${c} askers` : ''}`, app: await measure('app', o.samples, (i) => ask(text(i)), c), floor: await measure('floor', o.samples, floor, c), goal: 2 });
    }
  }
  if (o.url) {
    // cold: the first question after opening the database (a new pool, nothing cached)
    const url = o.url;
    const cold = o.coldSamples ?? Math.min(o.samples, 30);
    rows.push({
      name: 'cold: open the database, then "nhiệm vụ quá hạn ở Đơn vị N"',
      app: await measure('app', cold, async (i) => {
        const fresh = await openDatabase({ databaseUrl: url, poolSize: 4 });
        try {
          await askWith(new PrismaQuestionData(fresh.prisma), `nhiệm vụ quá hạn ở Đơn vị ${unitOf(i)}`);
        } finally {
          await fresh.close();
        }
      }),
      floor: await measure('floor', cold, async (i) => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        try {
          await c.query(
            `SELECT count(*) OVER () AS total, a.id, t.number, t.title, a."deadlineDate" FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId"
             WHERE a."unitId" = $1 AND a.state <> 'DONE' AND a."deadlineDate" < $2::date ORDER BY a."deadlineDate", a.id LIMIT 10`,
            [unitOf(i), TODAY],
          );
        } finally {
          await c.end();
        }
      }),
      goal: 2,
    });
  }
  // the parser alone (issue 9): varied phrasings of the leader table's kinds, against the same context
  const ctx = await questionContext(data, TODAY, CITY_LEADER);
  const phrasings = [
    'có vc j chậm ko', 'căn cứ kế hoạch thì Đơn vị 12 đang quá hạn mấy việc', 'bao nhiêu đơn vị đã xong nhiệm vụ 1',
    'những việc tới hạn trong tháng tới', 'việc có hạn từ tháng 4 đến hết tháng 6', 'nhiem vu qua han tren 30 ngay o don vi 7',
    'việc anh Cường chỉ đạo còn chậm mấy việc', 'Đơn vị 3 và Đơn vị 4 cùng chủ trì việc nào', 'tiến độ Đơn vị 25 thế nào',
    'quyết định 1037 là sản phẩm của nhiệm vụ nào', 'nhiệm vụ đăng ký bài toán lớn', 'tỷ lệ phủ sóng 5G bao nhiêu',
    'xóa nhiệm vụ 3', 'cập nhật tất cả thành hoàn thành', 'nhieemj vuj quas hanj', 'bn nv qua han o don vi 9??', 'mục II phần A',
  ];
  rows.push({ name: `parse only (${phrasings.length} phrasings, no database)`, app: await measure('parse', Math.max(o.samples, 1000), async (i) => parseQuestion(phrasings[i % phrasings.length]!, ctx)) });
  const tr = i18n();
  process.stdout.write('  what they answer (first line):\n');
  for (const [, text] of questions) {
    const a = await ask(text(1));
    process.stdout.write(`    › ${text(1)}\n      ${renderReply(a.reply, tr, 'vi').split('\n')[0]}\n`);
  }
  return printTable(`Answering questions as a city leader (parse + answer, ${TODAY}, ${o.label})`, rows);
}
