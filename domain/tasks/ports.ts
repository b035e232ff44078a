import type { PersonRef } from '../people/types.ts';
import type { ProposalHistory } from '../accountability/proposals.ts';
import type { ExplanationHistory } from '../accountability/explanations.ts';
import type { UnitRef } from '../units/types.ts';
import type { TaskRow, UpdateRow } from './types.ts';

/** Reading tasks, people and units (implemented on Prisma in prisma/stores/task-queries.ts; faked in tests). */
export interface TaskQueries {
  units(): Promise<UnitRef[]>;
  person(id: number): Promise<PersonRef | null>;
  /** People whose name, code or phone matches (for `--as` and handing over tasks). */
  findPeople(query: string): Promise<PersonRef[]>;
  /** Assignments of the given units (all of them when `unitIds` is null). */
  assignments(filter: { unitIds?: number[] | null; taskIds?: number[]; openOnly?: boolean }): Promise<TaskRow[]>;
  /** The assignments a person answers for: explicit assignee, or focal officer of the unit. */
  responsibleFor(personId: number): Promise<TaskRow[]>;
  /** Tasks whose number is `ref` or ends with it ("II.6" finds "A.II.6"), within some units' assignments. */
  findByRef(ref: string, unitIds: number[] | null): Promise<TaskRow[]>;
  /** Tasks numbered `ref` in any plan ("5" is also "A.II.5" and "B.NV.5"), the exact number first: what a reader asking "nv 5" may mean. */
  findByNumber(ref: string, unitIds: number[] | null): Promise<TaskRow[]>;
  history(assignmentId: number, limit?: number): Promise<UpdateRow[]>;
  /** The proposals a unit raised on a task, with their history (issue 15); absent in fakes that have none. */
  proposalHistory?(taskId: number, unitId: number): Promise<ProposalHistory[]>;
  /** The explanation requests a unit was asked on a task, with their history (issue 15); absent in fakes that have none. */
  explanationHistory?(taskId: number, unitId: number): Promise<ExplanationHistory[]>;
}
