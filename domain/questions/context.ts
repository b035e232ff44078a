import type { Role } from '../people/types.ts';
import type { Day } from '../shared/day.ts';
import { parseQuestion } from './parse-question.ts';
import type { QuestionData } from './ports.ts';
import type { UnitRef } from '../units/types.ts';
import type { Interpretation, QuestionContext } from './types.ts';

/**
 * Reads a question with what it needs from the data: the units, the plans,
 * the leaders and sections the tasks name, and the tasks' words — loaded
 * (the longest: every title's) only when the reading asks whether the tasks
 * use a phrase. Most questions name no subject and are read without them;
 * the others are read again with them, so the reading is the same.
 */
export async function readQuestion(text: string, data: QuestionData, today: Day, me: { unitId: number | null; roles: Role[] }): Promise<{ interp: Interpretation; units: UnitRef[] }> {
  const [units, plans, names] = await Promise.all([data.units(), data.plans(), data.taskNames()]);
  let asked = false;
  const unknown = {
    has: () => {
      asked = true;
      return false;
    },
  };
  const ctx: QuestionContext = { today, units, plans, me: { unitId: me.unitId, roles: me.roles }, vocabulary: { ...names, words: unknown, pairs: unknown } };
  const interp = parseQuestion(text, ctx);
  if (!asked) return { interp, units };
  return { interp: parseQuestion(text, { ...ctx, vocabulary: { ...names, ...(await data.taskWords()) } }), units };
}
