import type { Role } from '../people/types.ts';
import type { Day } from '../shared/day.ts';
import type { QuestionData } from './ports.ts';
import type { QuestionContext } from './types.ts';

/** What reading a question needs from the data: the units, the plans and the words of the tasks. */
export async function questionContext(data: QuestionData, today: Day, me: { unitId: number | null; roles: Role[] }): Promise<QuestionContext> {
  const [units, plans, vocabulary] = await Promise.all([data.units(), data.plans(), data.vocabulary()]);
  return { today, units, plans, me: { unitId: me.unitId, roles: me.roles }, vocabulary };
}
