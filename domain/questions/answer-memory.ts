/**
 * QuestionData over rows held in memory: the reference meaning of every
 * filter and count (./answer-filter.ts), against which the SQL store is
 * tested; also handy for small deployments and for tests of the answers.
 */
import type { PersonRef } from '../people/types.ts';
import { compareDays } from '../shared/day.ts';
import type { TaskRow, UpdateRow } from '../tasks/types.ts';
import type { UnitRef } from '../units/types.ts';
import { byTaskThenUnit, countRows, groupByTask, matchesFilter, rowStatus, sortByUrgency, sumCounts, wholeTasksDone } from './answer-filter.ts';
import type { AsOf, DayRange, ItemFilter, QuestionData, TaskGroup, UnitCounts, UnitUpdates } from './ports.ts';
import type { PlanRef } from './types.ts';
import { taskSection } from './section.ts';
import { namesOf, wordsOf, type TaskNames, type TaskWords } from './vocabulary.ts';

export interface MemorySource {
  units: UnitRef[];
  plans: PlanRef[];
  rows: TaskRow[];
  /** Progress history by assignment (newest first), for `history` and `updatesIn`. */
  updates?: Map<number, UpdateRow[]>;
  /** Assignment ids each person answers for. */
  responsible?: Map<number, number[]>;
}

export class MemoryQuestionData implements QuestionData {
  private readonly rows: TaskRow[];

  constructor(private readonly source: MemorySource) {
    this.rows = [...source.rows].sort(byTaskThenUnit);
  }

  async units(): Promise<UnitRef[]> {
    return this.source.units;
  }

  async plans(): Promise<PlanRef[]> {
    return this.source.plans;
  }

  async taskNames(): Promise<TaskNames> {
    return namesOf(this.rows.map((r) => r.directingLeader), this.rows.map((r) => taskSection(r.sectionCode, r.groupCode)));
  }

  async taskWords(): Promise<TaskWords> {
    return wordsOf(this.rows.flatMap((r) => [r.title, r.leadUnitText, r.coordinatingText, r.directingLeader]));
  }

  async assignments(filter: ItemFilter, asOf: AsOf): Promise<TaskRow[]> {
    const rows = this.rows.filter((r) => matchesFilter(r, filter, asOf));
    if (!filter.wholeTasksDone) return rows;
    return wholeTasksDone(rows, this.rows.filter((r) => !filter.unitIds || filter.unitIds.includes(r.unitId)), asOf);
  }

  async countByUnit(filter: ItemFilter, asOf: AsOf): Promise<{ unitId: number; count: number }[]> {
    const counts = new Map<number, number>();
    for (const r of await this.assignments(filter, asOf)) counts.set(r.unitId, (counts.get(r.unitId) ?? 0) + 1);
    return [...counts].map(([unitId, count]) => ({ unitId, count })).sort((a, b) => a.unitId - b.unitId);
  }

  async countTasks(filter: ItemFilter, asOf: AsOf): Promise<number> {
    return new Set((await this.assignments(filter, asOf)).map((r) => r.taskId)).size;
  }

  async page(filter: ItemFilter, asOf: AsOf, page: { offset: number; size: number }): Promise<TaskRow[]> {
    return sortByUrgency(await this.assignments(filter, asOf), asOf).slice(page.offset, page.offset + page.size);
  }

  async pageTasks(filter: ItemFilter, asOf: AsOf, page: { offset: number; size: number }): Promise<TaskGroup[]> {
    return groupByTask(await this.assignments(filter, asOf), asOf).slice(page.offset, page.offset + page.size);
  }

  async statusCounts(filter: ItemFilter, asOf: AsOf): Promise<UnitCounts[]> {
    return countRows(await this.assignments({ ...filter, statuses: [] }, asOf), asOf);
  }

  async statusTotals(filter: ItemFilter, asOf: AsOf): Promise<UnitCounts> {
    return sumCounts(await this.statusCounts(filter, asOf));
  }

  async monthlyUpdates(filter: ItemFilter, asOf: AsOf): Promise<UnitUpdates[]> {
    return (await this.statusCounts(filter, asOf)).filter((c) => c.open > 0).map((c) => ({ unitId: c.unitId, open: c.open, updated: c.updatedThisMonth }));
  }

  async updatesIn(filter: ItemFilter, range: DayRange): Promise<UnitUpdates[]> {
    const asOf: AsOf = { today: range.to, dueSoonDays: 0 };
    const out = new Map<number, UnitUpdates>();
    for (const r of this.rows) {
      if (!matchesFilter(r, { ...filter, statuses: [] }, asOf)) continue;
      // open at the end of the range: not done, or done after it
      const s = rowStatus(r, asOf);
      const doneBy = r.doneOn ?? r.lastReportedOn;
      if (s.status === 'DONE' && doneBy !== null && compareDays(doneBy, range.to) <= 0) continue;
      const u = out.get(r.unitId) ?? { unitId: r.unitId, open: 0, updated: 0 };
      out.set(r.unitId, u);
      u.open++;
      const history = this.source.updates?.get(r.assignmentId) ?? [];
      if (history.some((h) => compareDays(h.reportedOn, range.from) >= 0 && compareDays(h.reportedOn, range.to) <= 0)) u.updated++;
    }
    return [...out.values()].sort((a, b) => a.unitId - b.unitId);
  }

  async responsibleFor(person: PersonRef): Promise<TaskRow[]> {
    const ids = this.source.responsible?.get(person.id) ?? [];
    return this.rows.filter((r) => ids.includes(r.assignmentId));
  }

  async findByRef(ref: string, unitIds: number[] | null): Promise<TaskRow[]> {
    const within = this.rows.filter((r) => !unitIds || unitIds.includes(r.unitId));
    // The same rule as the database: the number itself or a qualified suffix, in any plan; the exact number first.
    const clean = ref.trim().replace(/^#/, '').replace(/\.$/, '').toUpperCase();
    const fits = within.filter((r) => r.number === clean || r.number.endsWith(`.${clean}`));
    return [...fits.filter((r) => r.number === clean), ...fits.filter((r) => r.number !== clean)];
  }


  async history(assignmentId: number, limit = 20): Promise<UpdateRow[]> {
    return (this.source.updates?.get(assignmentId) ?? []).slice(0, limit);
  }
}
