/**
 * Answering the common questions as a city leader, exactly as chat does:
 * a new PrismaQuestionData per question over one shared QuestionReference
 * (each answer checks it for changes in its own statement, as each chat
 * message does: `withReference`), parse
 * the text (against the 1,000 units and the plans) and answer it (filters,
 * counts and order in SQL, the page's rows loaded), with 1 and 20 concurrent
 * askers; each beside a floor query giving the same information: the same
 * counts and "/ N" total, the same kind of item (tasks, not indicators), the
 * first page in the answer's order (due day, plan, number), and for one
 * task its latest updates and whether it has proposals or explanation
 * requests. Also the roll-up of the task shared by the most units (48 in the
 * city shape), the tasks due by the end of the year (yearly tasks count: due
 * 31/12), a question after ten minutes' silence, and the cold question —
 * the first one after start (the database just opened and the reference data
 * read, as bot/main.ts does) — beside a floor that has just connected; and
 * the opening and first question timed together, nothing read before (goal
 * 3's ≤ 5×, as the start-up table).
 */
import { renderReply } from '../bot/chat/render.ts';
import { i18n } from '../bot/i18n.ts';
import type { PersonRef } from '../domain/people/types.ts';
import { answerQuestion, type Answer } from '../domain/questions/answer.ts';
import { readQuestion } from '../domain/questions/context.ts';
import { parseQuestion } from '../domain/questions/parse-question.ts';
import { openDatabase, type Database } from '../prisma/database.ts';
import pg from 'pg';
import { primeReference, PrismaQuestionData, QuestionReference, refreshReference, REFRESH_MS, withReference } from '../prisma/stores/question-data.ts';
import type { Exec } from './generate.ts';
import { measure, measurePair, printTable, type Row } from './measure.ts';

const TODAY = '2026-11-26';
const CITY_LEADER: PersonRef = { id: 0, fullName: 'Lãnh đạo thành phố (benchmark)', unitId: null, roles: ['CITY_LEADER'] };

const status = { dueSoonDays: 7 };

/** The floor of "nhiệm vụ quá hạn ở Đơn vị N": the unit's overdue tasks counted, its tasks counted (the "/ N"), the first page by due day, plan and number. */
const OVERDUE_IN_UNIT = `SELECT count(*) OVER () AS matched,
    (SELECT count(*) FROM "Assignment" b JOIN "Task" bt ON bt.id = b."taskId" WHERE b."unitId" = $1 AND bt.kind = 'TASK') AS total,
    a.id, t.number, t.title, a."deadlineDate"
  FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId" JOIN "Plan" p ON p.id = t."planId"
  WHERE a."unitId" = $1 AND a.state <> 'DONE' AND a."deadlineDate" < $2::date AND t.kind = 'TASK'
  ORDER BY a."deadlineDate", p.code, t.number, a.id LIMIT 10`;

/** The floor of "nhiệm vụ N": the rows; for one unit's share, its six latest updates in force with their reporters; whether there are proposals or explanation requests. */
const ONE_TASK = `SELECT a.*, t.title, p.code, u.name,
    CASE WHEN count(*) OVER () = 1 THEN (SELECT json_agg(h) FROM (SELECT pu.*, r."fullName" FROM "ProgressUpdate" pu LEFT JOIN "Person" r ON r.id = pu."reporterId"
       WHERE pu."assignmentId" = a.id AND pu.kind <> 'WITHDRAWAL' AND NOT EXISTS (SELECT 1 FROM "ProgressUpdate" x WHERE x."amendsId" = pu.id)
       ORDER BY pu."reportedAt" DESC, pu.id DESC LIMIT 6) h) END AS history,
    EXISTS (SELECT 1 FROM "Proposal" x WHERE x."taskId" = t.id AND x."fromUnitId" = a."unitId") AS proposals,
    EXISTS (SELECT 1 FROM "ExplanationRequest" x WHERE x."taskId" = t.id AND x."unitId" = a."unitId") AS explanations
  FROM "Task" t JOIN "Assignment" a ON a."taskId" = t.id JOIN "Plan" p ON p.id = t."planId" JOIN "Unit" u ON u.id = a."unitId" WHERE t.number = $1`;

/** Subjects of the generated titles (bench/generate.ts) a leader would ask about, none of whose words make another's. */
const TOPICS = ['an toàn thông tin mạng', 'hạ tầng 5G', 'dịch vụ công trực tuyến', 'thanh toán không dùng tiền mặt', 'thủ tục hành chính', 'du lịch thông minh', 'sở hữu trí tuệ', 'phòng thí nghiệm trọng điểm'];

/**
 * The floor of "nhiệm vụ về <chủ đề> quá hạn" city-wide: the overdue shares of the tasks whose title holds the
 * subject (no text index on the data: the titles are scanned), counted; those tasks counted (the "/ N"); the
 * first page by due day, plan and number.
 */
const TOPIC_OVERDUE = `WITH topic AS MATERIALIZED (SELECT id FROM "Task" WHERE title LIKE $1)
  SELECT count(*) OVER () AS matched, (SELECT count(*) FROM topic) AS total, a.id, t.number, t.title, a."deadlineDate"
  FROM topic JOIN "Assignment" a ON a."taskId" = topic.id JOIN "Task" t ON t.id = a."taskId" JOIN "Plan" p ON p.id = t."planId"
  WHERE a.state <> 'DONE' AND a."deadlineDate" < $2::date
  ORDER BY a."deadlineDate", p.code, t.number, a.id LIMIT 10`;

async function askWith(data: PrismaQuestionData, text: string): Promise<Answer> {
  const { interp } = await readQuestion(text, data, TODAY, CITY_LEADER);
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
  // one data object per question, the reference data shared: what chat does per message
  const reference = new QuestionReference();
  const data = new PrismaQuestionData(db.prisma, Date.now, reference);
  // as chat does: the process's reference data used at once, checked by the answer's own statement
  const ask = (text: string) => withReference(db.prisma, reference, (data) => askWith(data, text));
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
      (i) => f(OVERDUE_IN_UNIT, [unitOf(i), TODAY]),
    ],
    [
      'due within 7 days city-wide: "các việc sắp đến hạn trong 7 ngày"',
      () => 'các việc sắp đến hạn trong 7 ngày',
      () =>
        f(`SELECT count(*) OVER () AS matched, (SELECT count(*) FROM "Task" WHERE kind = 'TASK') AS total, a.id, t.number, t.title, a."deadlineDate"
           FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId" JOIN "Plan" p ON p.id = t."planId"
           WHERE a.state <> 'DONE' AND a."deadlineDate" BETWEEN $1::date AND $1::date + 7 AND t.kind = 'TASK' ORDER BY a."deadlineDate", p.code, t.number, a.id LIMIT 10`, [TODAY]),
    ],
    [
      'stale units this month: "đơn vị nào chưa cập nhật tháng này"',
      () => 'đơn vị nào chưa cập nhật tháng này',
      () => f(`SELECT "unitId", count(*), count(*) FILTER (WHERE "lastReportedAt" >= $1::timestamp) FROM "Assignment" WHERE state <> 'DONE' GROUP BY 1`, ['2026-11-01']),
    ],
    [
      'counts by status city-wide: "có bao nhiêu nhiệm vụ"',
      () => 'có bao nhiêu nhiệm vụ',
      () =>
        f(`SELECT count(*) FILTER (WHERE a.state = 'DONE'), count(*) FILTER (WHERE a.state <> 'DONE' AND a."deadlineDate" < $1::date), count(*),
             (SELECT count(*) FROM "Task" WHERE kind = 'TASK') AS tasks
           FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId" WHERE t.kind = 'TASK'`, [TODAY]),
    ],
    [
      'one task by number: "nhiệm vụ N"',
      (i) => `nhiệm vụ ${1 + ((i * 7919) % 1000)}`,
      (i) => f(ONE_TASK, [numberOf(i)]),
    ],
    [
      `roll-up of a task shared by ${shared!.n} units: "nhiệm vụ ${shared!.number}"`,
      () => `nhiệm vụ ${shared!.number}`,
      () =>
        shared!.n > 1
          ? f(`SELECT count(*) OVER () AS total, count(*) FILTER (WHERE a.state = 'DONE') OVER () AS done, a.*, u.name FROM "Task" t JOIN "Assignment" a ON a."taskId" = t.id
               JOIN "Unit" u ON u.id = a."unitId" WHERE t.number = $1 ORDER BY a."deadlineDate", a.id`, [shared!.number])
          : f(ONE_TASK, [shared!.number]),
    ],
    [
      'a subject city-wide: "nhiệm vụ về <chủ đề> quá hạn"',
      (i) => `nhiệm vụ về ${TOPICS[i % TOPICS.length]} quá hạn`,
      (i) => f(TOPIC_OVERDUE, [`%${TOPICS[i % TOPICS.length]}%`, TODAY]),
    ],
    [
      'due by the year end, yearly tasks included: "những việc đến hạn đến cuối năm"',
      () => 'những việc đến hạn đến cuối năm',
      () =>
        f(`SELECT count(*) OVER () AS matched, (SELECT count(*) FROM "Task" WHERE kind = 'TASK') AS total, a.id, t.number, t.title, a."deadlineDate"
           FROM "Assignment" a JOIN "Task" t ON t.id = a."taskId" JOIN "Plan" p ON p.id = t."planId"
           WHERE t.kind = 'TASK' AND (a."deadlineDate" BETWEEN $1::date AND '2026-12-31' OR (a."deadlineDate" IS NULL AND t.rhythm = 'YEARLY'))
           ORDER BY a."deadlineDate", p.code, t.number, a.id LIMIT 10`, [TODAY]),
    ],
  ];
  const rows: Row[] = [];
  for (const c of o.concurrency) {
    for (const [name, text, floor] of questions) {
      rows.push({ name: `${name}${c > 1 ? ` ×${c} askers` : ''}`, ...(await measurePair(o.samples, (i) => ask(text(i)), floor, c)), goal: 2 });
    }
  }
  {
    // A leader's questions come minutes apart, not back to back: each one here after ten minutes of
    // silence on the process's clock (what was cached has aged; nothing changed in the data).
    // The bot's timer (keepReferenceFresh) reads units and plans again every half hour: it runs in the silence,
    // untimed, when the process's clock has moved past its time.
    const sporadic = new QuestionReference();
    let clock = Date.now();
    let refreshed = clock;
    const [name, text, floor] = questions[0]!;
    rows.push({
      name: `${name.split(':')[0]} after ten minutes' silence`,
      ...(await measurePair(o.samples, async (i, start) => {
        clock += 600_000;
        const at = clock;
        if (at - refreshed >= REFRESH_MS) {
          refreshed = at;
          await refreshReference(db.prisma, sporadic, () => at);
        }
        start();
        return withReference(db.prisma, sporadic, (data) => askWith(data, text(i)), () => at);
      }, floor)),
      goal: 2,
    });
  }
  if (o.url) {
    // Cold: the first question of a process that has just started (database opened, migrations checked and the
    // reference data read, as bot/main.ts does: not timed, the start-up table times that), so prepared statements,
    // base totals and the new connection's catalog are cold, beside a floor whose connection was opened the same
    // way before its first query. The next row times the opening too, with nothing read before the question.
    const url = o.url;
    // as many samples as the warm rows (p95 from 500: a new pool and connection each, ~40 s a row)
    const cold = o.coldSamples ?? o.samples;
    const question = (i: number) => `nhiệm vụ quá hạn ở Đơn vị ${unitOf(i)}`;
    // `afterStart`: the opening not timed, and the reference data read first as bot/main.ts does at start
    const app = (afterStart: boolean) => async (i: number, start: () => void) => {
      const fresh = await openDatabase({ databaseUrl: url, poolSize: 4 });
      try {
        const reference = new QuestionReference();
        if (afterStart) {
          await primeReference(fresh.prisma, reference);
          start();
        }
        await withReference(fresh.prisma, reference, (data) => askWith(data, question(i)));
      } finally {
        await fresh.close();
      }
    };
    const floorOf = (afterStart: boolean) => async (i: number, start: () => void) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        if (afterStart) start();
        await c.query(OVERDUE_IN_UNIT, [unitOf(i), TODAY]);
      } finally {
        await c.end();
      }
    };
    rows.push({ name: 'cold: the first question after start, "nhiệm vụ quá hạn ở Đơn vị N"', ...(await measurePair(cold, app(true), floorOf(true))), goal: 2 });
    // The same with the opening timed (a process's own start-up: its goal is goal 3's, ≤ 5×; see the start-up table).
    rows.push({ name: 'open the database, then the first question', ...(await measurePair(cold, app(false), floorOf(false))), goal: 5 });
  }
  // the parser alone (issue 9): varied phrasings of the leader table's kinds, against the same context
  const [unitRefs, plans, names, words] = await Promise.all([data.units(), data.plans(), data.taskNames(), data.taskWords()]);
  const ctx = { today: TODAY, units: unitRefs, plans, me: { unitId: CITY_LEADER.unitId, roles: CITY_LEADER.roles }, vocabulary: { ...names, ...words } };
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
