/**
 * "Open for this person": the one definition behind every count of an
 * officer's open tasks ("việc của tôi", "which task?", the reminders' list),
 * so the same person never reads two different numbers (issue 11).
 *
 * The assignments they answer for (named assignee, or focal officer of the
 * unit); a person answering for none but belonging to a unit (a unit leader)
 * gets the unit's assignments instead. Open = not done, or recurring.
 */
import type { PersonRef } from '../people/types.ts';
import type { Day } from '../shared/day.ts';
import type { StatusOptions } from '../status/derive-status.ts';
import type { TaskQueries } from './ports.ts';
import { byUrgency, isOpenFor, type TaskRow } from './types.ts';

export interface OpenForPerson {
  /** Every assignment counted (open and done). */
  all: TaskRow[];
  /** The open ones, most urgent first. */
  open: TaskRow[];
  /** Whose they are: the person's own, or (answering for none) their unit's. */
  whose: 'own' | 'unit';
}

export async function openForPerson(queries: Pick<TaskQueries, 'responsibleFor' | 'assignments'>, person: PersonRef, today: Day, status?: StatusOptions): Promise<OpenForPerson> {
  const openOf = (rows: TaskRow[]) => rows.filter((r) => isOpenFor(r, today, status)).sort(byUrgency(today, status));
  const own = await queries.responsibleFor(person.id);
  if (own.length || person.unitId === null) return { all: own, open: openOf(own), whose: 'own' };
  const unit = await queries.assignments({ unitIds: [person.unitId] });
  return { all: unit, open: openOf(unit), whose: 'unit' };
}
