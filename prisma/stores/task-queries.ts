/**
 * TaskQueries on Prisma: assignments with their task, plan and unit, mapped
 * to the domain's TaskRow.
 */
import type { ProposalHistory } from '../../domain/accountability/proposals.ts';
import { PrismaProposalStore } from './proposal-store.ts';
import type { ExplanationHistory } from '../../domain/accountability/explanations.ts';
import { PrismaExplanationStore } from './explanation-store.ts';
import type { PersonRef, Role } from '../../domain/people/types.ts';
import { dayFromDb, dayOf } from '../../domain/shared/day.ts';
import { fold } from '../../domain/shared/text.ts';
import type { TaskQueries } from '../../domain/tasks/ports.ts';
import type { TaskRow, UpdateRow } from '../../domain/tasks/types.ts';
import type { UnitRef } from '../../domain/units/types.ts';
import type { Db } from '../database.ts';
import type { Prisma } from '../generated/client.ts';
import { inForce } from './effective-updates.ts';

const rowInclude = { task: { include: { plan: true } }, unit: true } as const;
type AssignmentWithTask = Prisma.AssignmentGetPayload<{ include: typeof rowInclude }>;

/** The units with their aliases (as JSON, grouped once rather than looked up per unit), one row each: `PrismaTaskQueries.units` adds the order. */
export const UNITS_SQL = `SELECT u.id, u.code, u.name, u.kind::text AS kind, u."parentId", coalesce(al.aliases, '[]'::json) AS aliases
  FROM "Unit" u LEFT JOIN (SELECT a."unitId", json_agg(a.alias ORDER BY a.id) AS aliases FROM "UnitAlias" a GROUP BY 1) al ON al."unitId" = u.id`;

export interface UnitRow {
  id: number;
  code: string;
  name: string;
  kind: UnitRef['kind'];
  parentId: number | null;
  aliases: string[] | string;
}

/** Rows of UNITS_SQL as the domain's units (an alias equal to the name left out). */
export function unitRefsOf(rows: UnitRow[]): UnitRef[] {
  return rows.map((u) => {
    const aliases = (typeof u.aliases === 'string' ? JSON.parse(u.aliases) : u.aliases) as string[];
    return { id: u.id, code: u.code, name: u.name, kind: u.kind, parentId: u.parentId, aliases: aliases.filter((a) => a !== u.name) };
  });
}

export function toTaskRow(a: AssignmentWithTask): TaskRow {
  const t = a.task;
  return {
    assignmentId: a.id,
    taskId: t.id,
    unitId: a.unitId,
    unitName: a.unit.name,
    unitKind: a.unit.kind,
    planId: t.planId,
    planCode: t.plan.code,
    scope: t.scope,
    kind: t.kind,
    number: t.number,
    sectionCode: t.sectionCode,
    groupCode: t.groupCode,
    title: t.title,
    leadUnitText: t.leadUnitText,
    coordinatingText: t.coordinatingText,
    directingLeader: t.directingLeader,
    collective: t.collective,
    deadlineText: t.deadlineText,
    deadlineKind: t.deadlineKind,
    deadlineDate: t.deadlineDate ? dayFromDb(t.deadlineDate) : null,
    rhythm: t.rhythm,
    targetComparator: t.targetComparator,
    targetValue: t.targetValue,
    targetUnit: t.targetUnit,
    targetYear: t.targetYear,
    state: a.state,
    percent: a.percent,
    actualValue: a.actualValue,
    actualText: a.actualText,
    outputDocument: a.outputDocument,
    difficulties: a.difficulties,
    proposals: a.proposals,
    expectedCompletionText: a.expectedCompletionText,
    lastReportedOn: a.lastReportedAt ? dayOf(a.lastReportedAt) : null,
    doneOn: a.doneOn ? dayFromDb(a.doneOn) : null,
  };
}

/**
 * The columns of a TaskRow over `a` (Assignment), `t` (Task), `p` (Plan) and
 * `u` (Unit), for one-statement loads (taskRowsById, and the answers' single
 * statement in question-data.ts); a row of them is a TaskRow.
 */
export const ROW_COLUMNS = `a.id AS "assignmentId", t.id AS "taskId", a."unitId", u.name AS "unitName", u.kind::text AS "unitKind",
    t."planId", p.code AS "planCode", t.scope, t.kind::text AS kind, t.number, t."sectionCode", t."groupCode", t.title, t."leadUnitText", t."coordinatingText", t."directingLeader",
    t.collective::text AS collective, t."deadlineText", t."deadlineKind"::text AS "deadlineKind", to_char(t."deadlineDate", 'YYYY-MM-DD') AS "deadlineDate", t.rhythm::text AS rhythm,
    t."targetComparator", t."targetValue", t."targetUnit", t."targetYear",
    a.state::text AS state, a.percent, a."actualValue", a."actualText", a."outputDocument", a.difficulties, a.proposals,
    a."expectedCompletionText", to_char(a."lastReportedAt" + interval '7 hours', 'YYYY-MM-DD') AS "lastReportedOn", to_char(a."doneOn", 'YYYY-MM-DD') AS "doneOn"`;

/** ROW_COLUMNS of the task alone (`t`, `p`), as a JSON object's keys: the part all of a task's shares have in common. */
export const TASK_JSON_COLUMNS = `t.id AS "taskId", t."planId", p.code AS "planCode", t.scope, t.kind, t.number, t."sectionCode", t."groupCode", t.title, t."leadUnitText",
    t."coordinatingText", t."directingLeader", t.collective, t."deadlineText", t."deadlineKind", to_char(t."deadlineDate", 'YYYY-MM-DD') AS "deadlineDate", t.rhythm,
    t."targetComparator", t."targetValue", t."targetUnit", t."targetYear"`;

/** ROW_COLUMNS of one share (`a`, `u`), in the order `taskRowsOfShares` reads them from a JSON array. */
export const SHARE_JSON_COLUMNS = `a.id, a."unitId", u.name, u.kind, a.state, a.percent, a."actualValue", a."actualText", a."outputDocument", a.difficulties, a.proposals,
    a."expectedCompletionText", to_char(a."lastReportedAt" + interval '7 hours', 'YYYY-MM-DD'), to_char(a."doneOn", 'YYYY-MM-DD')`;

type TaskColumns = Pick<TaskRow, 'taskId' | 'planId' | 'planCode' | 'scope' | 'kind' | 'number' | 'sectionCode' | 'groupCode' | 'title' | 'leadUnitText' | 'coordinatingText' |
  'directingLeader' | 'collective' | 'deadlineText' | 'deadlineKind' | 'deadlineDate' | 'rhythm' | 'targetComparator' | 'targetValue' | 'targetUnit' | 'targetYear'>;
type ShareColumns = [number, number, string, TaskRow['unitKind'], TaskRow['state'], number | null, number | null, string | null, string | null, string | null, string | null, string | null, string | null, string | null];

/** A task's TASK_JSON_COLUMNS and its shares' SHARE_JSON_COLUMNS. */
export interface TaskShares {
  task: TaskColumns;
  shares: ShareColumns[];
}

/** The TaskRows of tasks read as TaskShares: exactly the rows ROW_COLUMNS gives. */
export function taskRowsOfShares(tasks: TaskShares[]): TaskRow[] {
  const rows: TaskRow[] = [];
  for (const { task: t, shares } of tasks) {
    for (const s of shares) {
      rows.push({
        assignmentId: s[0], taskId: t.taskId, unitId: s[1], unitName: s[2], unitKind: s[3], planId: t.planId, planCode: t.planCode, scope: t.scope, kind: t.kind,
        number: t.number, sectionCode: t.sectionCode, groupCode: t.groupCode, title: t.title, leadUnitText: t.leadUnitText, coordinatingText: t.coordinatingText,
        directingLeader: t.directingLeader, collective: t.collective, deadlineText: t.deadlineText, deadlineKind: t.deadlineKind, deadlineDate: t.deadlineDate, rhythm: t.rhythm,
        targetComparator: t.targetComparator, targetValue: t.targetValue, targetUnit: t.targetUnit, targetYear: t.targetYear, state: s[4], percent: s[5], actualValue: s[6],
        actualText: s[7], outputDocument: s[8], difficulties: s[9], proposals: s[10], expectedCompletionText: s[11], lastReportedOn: s[12], doneOn: s[13],
      });
    }
  }
  return rows;
}

/** The joins behind ROW_COLUMNS, from an assignment `a`. */
export const ROW_JOINS = `JOIN "Task" t ON t.id = a."taskId" JOIN "Plan" p ON p.id = t."planId" JOIN "Unit" u ON u.id = a."unitId"`;

const ROW_SQL = `SELECT ${ROW_COLUMNS}
  FROM "Assignment" a ${ROW_JOINS}`;

/** A row of ROW_COLUMNS: a TaskRow already (days as 'YYYY-MM-DD' text; the day of the last report in Vietnam's time, UTC+7 as `dayOf`). */
export type RawRow = TaskRow;

/** Full rows matching a condition on `a` (Assignment) and `t` (Task), in one statement. */
export async function taskRowsWhere(prisma: Db | Prisma.TransactionClient, where: string, params: unknown[]): Promise<TaskRow[]> {
  return (await prisma.$queryRawUnsafe(`${ROW_SQL} WHERE ${where}`, ...params)) as RawRow[];
}

/**
 * Full rows for assignment ids in one statement (Prisma's include costs a
 * statement per relation and maps far more columns), in the order given.
 */
export async function taskRowsById(prisma: Db | Prisma.TransactionClient, ids: number[]): Promise<TaskRow[]> {
  if (!ids.length) return [];
  // Driven by the ids (nested index lookups), not by a hash over the whole Task table.
  const sql = ROW_SQL.replace('FROM "Assignment" a', 'FROM unnest($1::int[]) AS ids(id) JOIN "Assignment" a ON a.id = ids.id');
  const raw = (await prisma.$queryRawUnsafe(sql, ids)) as RawRow[];
  const byId = new Map(raw.map((r) => [r.assignmentId, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is TaskRow => r !== undefined);
}

/**
 * The condition and order of `findByNumber` on `t` (Task) and `a`
 * (Assignment), with its parameters ($1–$4), or null for an empty reference.
 */
export function numberLookup(ref: string, unitIds: number[] | null): { where: string; order: string; params: unknown[] } | null {
  const clean = ref.trim().replace(/^#/, '').replace(/\.$/, '').toUpperCase();
  if (!clean) return null;
  const tail = clean.split('.').pop()!;
  const like = `%.${clean.replace(/[\\%_]/g, (c) => `\\${c}`)}`;
  const scope = unitIds ? ` AND a."unitId" = ANY($4::int[])` : '';
  return {
    where: `regexp_replace(t.number, '^.*\\.', '') = $1 AND (t.number = $2 OR t.number LIKE $3 ESCAPE '\\')${scope}`,
    order: `(t.number = $2) DESC, a."taskId", a."unitId"`,
    params: unitIds ? [tail, clean, like, unitIds] : [tail, clean, like],
  };
}

export function personRef(p: { id: number; fullName: string; unitId: number | null; roles: Role[] }): PersonRef {
  return { id: p.id, fullName: p.fullName, unitId: p.unitId, roles: p.roles };
}

/**
 * Only the fields a PersonRef needs, without the model's mapping: thousands of people at a city's size
 * (roles as one string: parsing thousands of text arrays cost more than the statement).
 */
const PERSON_COLUMNS = `id, "fullName", "unitId", array_to_string(roles::text[], ',') AS roles`;
interface PersonRow {
  id: number;
  fullName: string;
  unitId: number | null;
  roles: string;
}
function peopleOf(rows: PersonRow[]): PersonRef[] {
  return rows.map((p) => ({ id: p.id, fullName: p.fullName, unitId: p.unitId, roles: (p.roles ? p.roles.split(',') : []) as Role[] }));
}

export class PrismaTaskQueries implements TaskQueries {
  constructor(private readonly prisma: Db | Prisma.TransactionClient) {}

  /**
   * Every unit with its aliases, in one raw statement: Prisma's `findMany` with `include` was two statements and, on a
   * process's first question, ~0.1 s of its query compiler (bench: the cold question, `npm run ask`).
   */
  async units(): Promise<UnitRef[]> {
    return unitRefsOf((await this.prisma.$queryRawUnsafe(`${UNITS_SQL} ORDER BY u.id`)) as UnitRow[]);
  }

  /** In SQL, as findPeople: a model query's first use costs Prisma's query compiler ~30–60 ms of a start (the console's first prompt). */
  async person(id: number): Promise<PersonRef | null> {
    const [p] = peopleOf((await this.prisma.$queryRawUnsafe(`SELECT ${PERSON_COLUMNS} FROM "Person" WHERE id = $1`, id)) as PersonRow[]);
    return p ?? null;
  }

  /** The active city leader with the lowest id (who a command-line tool acts as without `--as`). */
  async firstCityLeader(): Promise<PersonRef | null> {
    // In SQL: `roles: { has }` on an enum array is not supported by every driver adapter.
    const [p] = peopleOf((await this.prisma.$queryRawUnsafe(`SELECT ${PERSON_COLUMNS} FROM "Person" WHERE active AND 'CITY_LEADER' = ANY (roles) ORDER BY id LIMIT 1`)) as PersonRow[]);
    return p ?? null;
  }

  async findPeople(query: string): Promise<PersonRef[]> {
    const q = query.trim();
    if (/^\d+$/.test(q)) {
      const byId = await this.prisma.person.findMany({ where: { OR: [{ id: Number(q) }, { code: q }] } });
      if (byId.length) return byId.map(personRef);
    }
    const digits = q.replace(/\D/g, '');
    if (digits.length >= 9) {
      const phone = `+84${digits.slice(-9)}`;
      const byPhone = await this.prisma.person.findMany({ where: { phone } });
      if (byPhone.length) return byPhone.map(personRef);
    }
    const wanted = fold(q);
    const all = peopleOf((await this.prisma.$queryRawUnsafe(`SELECT ${PERSON_COLUMNS} FROM "Person" WHERE active ORDER BY id`)) as PersonRow[]);
    const exact = all.filter((p) => fold(p.fullName) === wanted);
    if (exact.length) return exact.map(personRef);
    return all.filter((p) => fold(p.fullName).includes(wanted)).map(personRef);
  }

  async assignments(filter: { unitIds?: number[] | null; taskIds?: number[]; openOnly?: boolean }): Promise<TaskRow[]> {
    const rows = await this.prisma.assignment.findMany({
      where: {
        ...(filter.unitIds ? { unitId: { in: filter.unitIds } } : {}),
        ...(filter.taskIds ? { taskId: { in: filter.taskIds } } : {}),
        ...(filter.openOnly ? { state: { not: 'DONE' } } : {}),
      },
      include: rowInclude,
      orderBy: [{ taskId: 'asc' }, { unitId: 'asc' }],
    });
    return rows.map(toTaskRow);
  }

  async responsibleFor(personId: number): Promise<TaskRow[]> {
    const person = await this.prisma.person.findUnique({ where: { id: personId } });
    if (!person?.unitId) return [];
    const rows = await this.prisma.assignment.findMany({ where: { unitId: person.unitId }, include: { ...rowInclude, task: { include: { plan: true, assignees: { include: { person: true } } } } } });
    return rows
      .filter((a) => {
        const ofUnit = a.task.assignees.filter((x) => x.person.unitId === a.unitId);
        if (ofUnit.length) return ofUnit.some((x) => x.personId === person.id);
        return person.isFocal;
      })
      .map(toTaskRow);
  }

  /** One statement per lookup: the exact number (indexed), then — only for a qualified reference that matched nothing — the suffix. */
  async findByRef(ref: string, unitIds: number[] | null): Promise<TaskRow[]> {
    const clean = ref.trim().replace(/^#/, '').replace(/\.$/, '').toUpperCase();
    if (!clean) return [];
    const scope = unitIds ? ` AND a."unitId" = ANY($2::int[])` : '';
    const find = (condition: string, value: string) =>
      taskRowsWhere(this.prisma, `${condition}${scope} ORDER BY a."taskId", a."unitId"`, unitIds ? [value, unitIds] : [value]);
    // "22" is task 22 only; "II.6" is also "A.II.6" (the part letter is optional) — see matchesRef.
    const exact = await find('t.number = $1', clean);
    if (exact.length || !clean.includes('.')) return exact;
    return find(`t.number LIKE $1 ESCAPE '\\'`, `%.${clean.replace(/[\\%_]/g, (c) => `\\${c}`)}`);
  }

  /**
   * Every task numbered `ref` in any plan: "5" is task 5 of the programme, and
   * also "A.II.5" and "B.NV.5" of a unit's appendix; "II.6" is "A.II.6". The
   * exact number first. Driven by the index on the number's last part
   * (migration task_number_tail), never a scan of Task.
   */
  async findByNumber(ref: string, unitIds: number[] | null): Promise<TaskRow[]> {
    const q = numberLookup(ref, unitIds);
    return q ? taskRowsWhere(this.prisma, `${q.where} ORDER BY ${q.order}`, q.params) : [];
  }

  async proposalHistory(taskId: number, unitId: number): Promise<ProposalHistory[]> {
    return (await new PrismaProposalStore(this.prisma).history({ taskIds: [taskId], fromUnitId: unitId })).get(taskId) ?? [];
  }

  async explanationHistory(taskId: number, unitId: number): Promise<ExplanationHistory[]> {
    return (await new PrismaExplanationStore(this.prisma).history({ taskIds: [taskId], unitId })).get(taskId) ?? [];
  }

  async history(assignmentId: number, limit = 20): Promise<UpdateRow[]> {
    const updates = await this.prisma.progressUpdate.findMany({
      where: { assignmentId, ...inForce },
      include: { unit: true, reporter: true },
      orderBy: [{ reportedAt: 'desc' }, { id: 'desc' }],
      take: limit,
    });
    return updates.map((u) => ({
      id: u.id,
      kind: u.kind,
      unitName: u.unit.name,
      state: u.state,
      percent: u.percent,
      actualValue: u.actualValue,
      actualText: u.actualText,
      outputDocument: u.outputDocument,
      difficulties: u.difficulties,
      proposals: u.proposals,
      expectedCompletionText: u.expectedCompletionText,
      reporterName: u.reporter?.fullName ?? null,
      channel: u.channel,
      reportedOn: u.asOf ? dayFromDb(u.asOf) : dayOf(u.reportedAt),
      amendsId: u.amendsId,
    }));
  }
}
