/**
 * Answering the common questions on the benchmark database, as a city
 * leader, exactly as chat does: parse the text (against the 1,000 units and
 * the plans) and answer it (filters, counts and order in SQL, the page's rows
 * loaded). Target from issue 4: p95 < 50 ms for each.
 */
import { renderReply } from '../bot/chat/render.ts';
import { i18n } from '../bot/i18n.ts';
import type { PersonRef } from '../domain/people/types.ts';
import { answerQuestion, type Answer } from '../domain/questions/answer.ts';
import { parseQuestion } from '../domain/questions/parse-question.ts';
import type { Database } from '../prisma/database.ts';
import { PrismaQuestionData } from '../prisma/stores/question-data.ts';
import { measure, printTable } from './measure.ts';

const TODAY = '2026-11-26';
const TARGET_MS = 50;
const CITY_LEADER: PersonRef = { id: 0, fullName: 'Lãnh đạo thành phố (benchmark)', unitId: null, roles: ['CITY_LEADER'] };

export async function runQuestionBench(db: Database): Promise<boolean> {
  const data = new PrismaQuestionData(db.prisma);
  const status = { dueSoonDays: 7 };
  const ask = async (text: string): Promise<Answer> => {
    const [units, plans] = await Promise.all([data.units(), data.plans()]);
    const interp = parseQuestion(text, { today: TODAY, units, plans, me: { unitId: null, roles: CITY_LEADER.roles } });
    return answerQuestion(interp, { person: CITY_LEADER, today: TODAY, status }, data);
  };
  // unit u holds tasks u-1, u-1+1000, …: units whose tasks are neither continuous nor yearly (task % 20 ≥ 2) have deadlines
  const unitOf = (i: number) => {
    const k = (i * 37) % 1000;
    return k % 20 >= 2 ? k + 1 : k + 3;
  };
  const questions: [string, (i: number) => string][] = [
    ['overdue in a unit: "nhiệm vụ quá hạn ở Đơn vị N"', (i) => `nhiệm vụ quá hạn ở Đơn vị ${unitOf(i)}`],
    ['due within 7 days city-wide: "các việc sắp đến hạn trong 7 ngày"', () => 'các việc sắp đến hạn trong 7 ngày'],
    ['stale units this month: "đơn vị nào chưa cập nhật tháng này"', () => 'đơn vị nào chưa cập nhật tháng này'],
    ['counts by status city-wide: "có bao nhiêu nhiệm vụ"', () => 'có bao nhiêu nhiệm vụ'],
    ['progress city-wide: "tổng hợp tiến độ"', () => 'tổng hợp tiến độ'],
  ];
  const rows = [];
  for (const [name, text] of questions) rows.push(await measure(name, 60, (i) => ask(text(i)), TARGET_MS));
  const tr = i18n();
  process.stdout.write('  what they answer (first line):\n');
  for (const [, text] of questions) {
    const a = await ask(text(1));
    process.stdout.write(`    › ${text(1)}\n      ${renderReply(a.reply, tr, 'vi').split('\n')[0]}\n`);
  }
  return printTable(`Answering questions as a city leader (parse + answer, ${TODAY})`, rows);
}
