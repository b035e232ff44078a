/**
 * Applies a parsed file to the database in one transaction: all or nothing.
 * Idempotent: a task whose fields are unchanged is not written, progress
 * that the database already knew as of the file's date adds nothing, and a
 * changed progress becomes a new history entry, never an overwrite.
 * A dry run goes through exactly the same steps, then rolls back.
 */
import { isEmptyProgress, type ParsedItem, type ParsedProgress, type ParsedSheet } from '../../domain/imports/appendix.ts';
import type { ImportProblem } from '../../domain/imports/grid.ts';
import type { ParsedPerson, ParsedUnit } from '../../domain/imports/registry.ts';
import { parseDeadline, type Comparator } from '../../domain/deadlines/parse-deadline.ts';
import { indicatorResult } from '../../domain/deadlines/indicator.ts';
import { sameProgress } from '../../domain/exports/progress-appendix.ts';
import { progressOf } from '../../domain/progress/fields.ts';
import { dayToDb, instantOf, type Day } from '../../domain/shared/day.ts';
import { parseUnitList, unitCode, type Collective } from '../../domain/units/names.ts';
import type { Db } from '../database.ts';
import type { Prisma } from '../generated/client.ts';
import { collectiveKinds, UnitDirectory, type UnitRow } from './units.ts';

type Tx = Prisma.TransactionClient;

export interface ImportSummary {
  plansCreated: number;
  unitsCreated: number;
  unitsChanged: number;
  tasksCreated: number;
  tasksChanged: number;
  tasksUnchanged: number;
  assignmentsCreated: number;
  updatesCreated: number;
  peopleCreated: number;
  peopleChanged: number;
  peopleUnchanged: number;
}

export interface ImportInput {
  fileName: string;
  fileHash: string;
  appendices: ParsedSheet[];
  units: ParsedUnit[];
  unitsSheet?: string;
  people: ParsedPerson[];
  peopleSheet?: string;
  /** The reporting unit of progress sheets when their title names none (`--unit`). */
  unitName?: string;
  /** The day the progress speaks about (`--as-of`); today when absent. */
  asOf: Day;
  now: Date;
  actor: string;
  dryRun: boolean;
  /** Called as rows are written (registries and appendix items), for a progress line. */
  onWritten?: (done: number, total: number) => void;
}

export interface ImportOutcome {
  ok: boolean;
  dryRun: boolean;
  summary: ImportSummary;
  problems: ImportProblem[];
  /** Units of the progress sheets, by sheet. */
  reportingUnits: Record<string, string>;
  /** Deadlines kept as text because their form is not a date (warnings of the summary). */
  flaggedDeadlines?: { sheet: string; row: number; text: string }[];
  /** The day progress sheets speak about, and where it came from. */
  asOf?: { day: Day; source: 'option' | 'file' | 'today' };
  /** Tasks created or changed, in file order (a preview lists them). */
  changes?: TaskChange[];
  /** The "6 rõ" gaps of the plans the file touched, after an import that wrote (domain/accountability/six-clear.ts). */
  sixClear?: { tasks: number; gaps: number; who: number; when: number; output: number; authority: number; responsibility: number };
}

export interface TaskChange {
  change: 'created' | 'changed';
  planCode: string;
  number: string;
  title: string;
  /** The fields that changed (changed tasks). */
  fields?: string[];
}

class Refused extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super('import refused');
  }
}
/** Thrown to roll a transaction back, carrying what the run would have done. */
class DryRunRollback extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super('dry run');
  }
}

const emptySummary = (): ImportSummary => ({
  plansCreated: 0,
  unitsCreated: 0,
  unitsChanged: 0,
  tasksCreated: 0,
  tasksChanged: 0,
  tasksUnchanged: 0,
  assignmentsCreated: 0,
  updatesCreated: 0,
  peopleCreated: 0,
  peopleChanged: 0,
  peopleUnchanged: 0,
});

export function changedSomething(s: ImportSummary): boolean {
  return Object.entries(s).some(([k, v]) => !k.endsWith('Unchanged') && v > 0);
}

/** One import at a time across every instance: two imports of new tasks would race on unique keys. */
export const IMPORT_LOCK_KEY = 57_000_013;

export async function applyImport(prisma: Db, input: ImportInput): Promise<ImportOutcome> {
  try {
    return await prisma.$transaction((tx) => importInTransaction(tx, input, { savepoint: false }), { timeout: 300_000, maxWait: 30_000 });
  } catch (err) {
    if (err instanceof DryRunRollback) return err.outcome;
    throw err;
  }
}

/**
 * The same import inside a transaction the caller holds (the chat's, for a workbook sent to the
 * bot): under a savepoint, rolled back for a dry run or a refusal, so the caller's transaction
 * goes on untouched. Without a savepoint (applyImport), a dry run throws to roll back.
 */
export async function importInTransaction(tx: Tx, input: ImportInput, options: { savepoint: boolean } = { savepoint: true }): Promise<ImportOutcome> {
  const summary = emptySummary();
  const reportingUnits: Record<string, string> = {};
  const changes: TaskChange[] = [];
  const back = async () => (options.savepoint ? void (await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT nq57_import')) : undefined);
  if (options.savepoint) await tx.$executeRawUnsafe('SAVEPOINT nq57_import');
  try {
    const [lock] = await tx.$queryRawUnsafe<{ ok: boolean }[]>('SELECT pg_try_advisory_xact_lock($1::bigint) AS ok', IMPORT_LOCK_KEY);
    if (!lock?.ok) throw new Refused([{ sheet: input.fileName, row: null, column: null, code: 'busy' }]);
    await new ImportRun(tx, input, summary, reportingUnits, changes).execute();
  } catch (err) {
    if (!(err instanceof Refused)) throw err;
    if (!options.savepoint) throw new DryRunRollback({ ok: false, dryRun: input.dryRun, summary: emptySummary(), problems: err.problems, reportingUnits });
    await back();
    return { ok: false, dryRun: input.dryRun, summary: emptySummary(), problems: err.problems, reportingUnits };
  }
  const outcome: ImportOutcome = { ok: true, dryRun: input.dryRun, summary, problems: [], reportingUnits, changes };
  if (input.dryRun) {
    if (!options.savepoint) throw new DryRunRollback(outcome);
    await back();
  } else if (options.savepoint) await tx.$executeRawUnsafe('RELEASE SAVEPOINT nq57_import');
  return outcome;
}

type TaskRecord = Awaited<ReturnType<Tx['task']['findFirst']>> & {};

/** The fields of a task that an appendix defines; a re-import compares exactly these. */
function taskFields(item: ParsedItem, collective: Collective | null) {
  const d = parseDeadline(item.deadlineText);
  return {
    kind: item.kind,
    sectionCode: item.sectionCode,
    sectionTitle: item.sectionTitle,
    groupCode: item.groupCode,
    groupTitle: item.groupTitle,
    label: item.label,
    title: item.title,
    leadUnitText: item.leadUnitText,
    collective,
    coordinatingText: item.coordinatingText,
    directingLeader: item.directingLeader,
    expectedOutput: item.expectedOutput,
    deadlineText: item.deadlineText,
    deadlineKind: d.kind,
    deadlineDate: d.due ? dayToDb(d.due) : null,
    deadlineStart: d.start ? dayToDb(d.start) : null,
    deadlineFlagged: d.flagged,
    rhythm: d.rhythm,
    targetComparator: d.target?.comparator ?? null,
    targetValue: d.target?.value ?? null,
    targetUnit: d.target?.unit ?? null,
    targetYear: d.target?.year ?? null,
  };
}

/** Whether an indicator's reported value meets its target (the same rule as the status engine). */
export function targetMet(task: { kind: string; targetComparator: string | null; targetValue: number | null; targetUnit: string | null; targetYear: number | null }, actual: number | null): boolean {
  if (task.kind !== 'INDICATOR' || !task.targetComparator || task.targetValue === null) return false;
  const target = { comparator: task.targetComparator as Comparator, value: task.targetValue, unit: task.targetUnit, year: task.targetYear, text: '' };
  return indicatorResult(target, actual) === 'MET';
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return (a as Date | null)?.getTime?.() === (b as Date | null)?.getTime?.();
  return (a ?? null) === (b ?? null);
}


class ImportRun {
  private units!: UnitDirectory;
  private plans = new Map<string, number>();
  private problems: ImportProblem[] = [];
  private position = 0;
  private batchId: number | null = null;

  constructor(
    private readonly tx: Tx,
    private readonly input: ImportInput,
    private readonly summary: ImportSummary,
    private readonly reportingUnits: Record<string, string>,
    private readonly changes: TaskChange[] = [],
  ) {}

  private written = 0;

  private wrote(): void {
    const { onWritten, units, people, appendices } = this.input;
    if (onWritten) onWritten(++this.written, units.length + people.length + appendices.reduce((n, s) => n + s.items.length, 0));
  }

  async execute(): Promise<void> {
    this.units = await UnitDirectory.load(this.tx);
    const before = this.units.all().length;
    await this.importUnits();
    await this.importPeople();
    for (const sheet of this.input.appendices) await this.importAppendix(sheet);
    if (this.problems.length) throw new Refused(this.problems);
    await this.syncCollectiveAssignments();
    this.summary.unitsCreated = this.units.all().length - before;
    if (changedSomething(this.summary)) {
      await this.tx.auditLog.create({
        data: {
          actor: this.input.actor,
          action: 'import',
          entity: 'ImportBatch',
          entityId: this.batchId ? String(this.batchId) : null,
          data: { fileName: this.input.fileName, fileHash: this.input.fileHash, summary: { ...this.summary } },
        },
      });
    }
  }

  // ── registries ────────────────────────────────────────────────────────────

  private async importUnits(): Promise<void> {
    const sheet = this.input.unitsSheet ?? '';
    // Parents may come later in the same sheet: create every unit first.
    for (const u of this.input.units) {
      const existing = this.units.find(u.name);
      const unit = existing ?? (await this.units.findOrCreate(u.name, { kind: u.kind }));
      if (existing && (await this.units.update(unit, { kind: u.kind }))) this.summary.unitsChanged++;
      await this.units.addAliases(unit, u.aliases);
      this.wrote();
    }
    for (const u of this.input.units) {
      if (!u.parentName) continue;
      const parent = this.units.find(u.parentName);
      if (!parent) {
        this.problems.push({ sheet, row: u.row, column: null, code: 'unknown-parent', args: { value: u.parentName } });
        continue;
      }
      const unit = this.units.find(u.name)!;
      if (await this.units.update(unit, { parentId: parent.id })) this.summary.unitsChanged++;
    }
  }

  private async importPeople(): Promise<void> {
    const sheet = this.input.peopleSheet ?? '';
    for (const p of this.input.people) {
      this.wrote();
      let unit: UnitRow | undefined;
      if (p.unitName) {
        unit = this.units.find(p.unitName);
        if (!unit) {
          this.problems.push({ sheet, row: p.row, column: null, code: 'unknown-unit', args: { value: p.unitName } });
          continue;
        }
      }
      const code = p.phone ? p.phone.replace(/\D/g, '') : `${unitCode(p.fullName)}@${unit?.code ?? 'tp'}`;
      const data = {
        fullName: p.fullName,
        title: p.title,
        unitId: unit?.id ?? null,
        roles: p.roles,
        isFocal: p.isFocal,
        phone: p.phone,
        email: p.email,
        usernames: p.usernames,
      };
      const existing = await this.tx.person.findUnique({ where: { code } });
      if (!existing) {
        await this.tx.person.create({ data: { code, ...data } });
        this.summary.peopleCreated++;
        continue;
      }
      const changed =
        existing.fullName !== data.fullName ||
        existing.title !== data.title ||
        existing.unitId !== data.unitId ||
        existing.isFocal !== data.isFocal ||
        existing.phone !== data.phone ||
        existing.email !== data.email ||
        [...existing.roles].sort().join() !== [...data.roles].sort().join() ||
        existing.usernames.join() !== data.usernames.join();
      if (changed) {
        await this.tx.person.update({ where: { id: existing.id }, data });
        this.summary.peopleChanged++;
      } else this.summary.peopleUnchanged++;
    }
  }

  // ── appendices ────────────────────────────────────────────────────────────

  private async planId(item: ParsedItem): Promise<number> {
    const cached = this.plans.get(item.plan.code);
    if (cached) return cached;
    let plan = await this.tx.plan.findUnique({ where: { code: item.plan.code } });
    if (!plan) {
      plan = await this.tx.plan.create({
        data: { code: item.plan.code, title: item.plan.title, issuedOn: item.plan.issuedOn ? dayToDb(item.plan.issuedOn) : null, year: item.plan.year },
      });
      this.summary.plansCreated++;
    }
    this.plans.set(item.plan.code, plan.id);
    return plan.id;
  }

  private async importAppendix(sheet: ParsedSheet): Promise<void> {
    let sheetUnit: UnitRow | null = null;
    if (sheet.layout === 'progress' && !sheet.items.every((i) => i.reportingUnitText)) {
      const name = this.input.unitName ?? sheet.titleUnitText;
      if (!name) {
        this.problems.push({ sheet: sheet.sheet, row: null, column: null, code: 'no-unit' });
        return;
      }
      sheetUnit = await this.units.findOrCreate(name);
      this.reportingUnits[sheet.sheet] = sheetUnit.name;
    }
    for (const item of sheet.items) {
      this.wrote();
      if (sheet.layout === 'assignment') await this.importAssignmentItem(item);
      else {
        const unit = item.reportingUnitText ? await this.units.findOrCreate(item.reportingUnitText) : sheetUnit!;
        await this.importProgressItem(item, unit);
      }
    }
  }

  private async upsertTask(planId: number, scope: string, item: ParsedItem, collective: Collective | null): Promise<TaskRecord> {
    const fields = taskFields(item, collective);
    const existing = await this.tx.task.findUnique({ where: { planId_scope_number: { planId, scope, number: item.number } } });
    if (!existing) {
      this.summary.tasksCreated++;
      this.changes.push({ change: 'created', planCode: item.plan.code, number: item.number, title: item.title });
      return this.tx.task.create({ data: { planId, scope, number: item.number, position: this.position++, ...fields } });
    }
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => !same(existing[k], fields[k]));
    if (!changed.length) {
      this.summary.tasksUnchanged++;
      return existing;
    }
    this.summary.tasksChanged++;
    this.changes.push({ change: 'changed', planCode: item.plan.code, number: item.number, title: item.title, fields: changed });
    const task = await this.tx.task.update({ where: { id: existing.id }, data: fields });
    if (changed.includes('deadlineDate')) await this.tx.assignment.updateMany({ where: { taskId: task.id }, data: { deadlineDate: task.deadlineDate } });
    await this.tx.auditLog.create({
      data: { actor: this.input.actor, action: 'task.change', entity: 'Task', entityId: String(task.id), data: Object.fromEntries(changed.map((k) => [k, { from: String(existing[k] ?? ''), to: String(fields[k] ?? '') }])) },
    });
    return task;
  }

  private async ensureAssignment(task: TaskRecord, unitId: number): Promise<{ id: number; lastReportedAt: Date | null }> {
    const found = await this.tx.assignment.findUnique({ where: { taskId_unitId: { taskId: task.id, unitId } } });
    if (found) return found;
    this.summary.assignmentsCreated++;
    return this.tx.assignment.create({ data: { taskId: task.id, unitId, deadlineDate: task.deadlineDate } });
  }

  private async ensureTaskUnit(taskId: number, unitId: number, role: 'LEAD' | 'COORDINATING'): Promise<void> {
    await this.tx.taskUnit.upsert({ where: { taskId_unitId_role: { taskId, unitId, role } }, create: { taskId, unitId, role }, update: {} });
  }

  private async importAssignmentItem(item: ParsedItem): Promise<void> {
    const planId = await this.planId(item);
    const lead = parseUnitList(item.leadUnitText);
    const task = await this.upsertTask(planId, '', item, lead.collective);
    for (const name of lead.names) {
      const unit = await this.units.findOrCreate(name);
      await this.ensureTaskUnit(task.id, unit.id, 'LEAD');
      await this.ensureAssignment(task, unit.id);
    }
    for (const name of parseUnitList(item.coordinatingText).names) {
      const unit = await this.units.findOrCreate(name);
      await this.ensureTaskUnit(task.id, unit.id, 'COORDINATING');
    }
  }

  /** A progress row about a task of a city plan reuses that task; otherwise the row is the unit's own item. */
  private async findPlanLevelTask(planId: number, item: ParsedItem, unit: UnitRow): Promise<TaskRecord | null> {
    const candidates = new Set([item.number, item.number.replace(/^[A-Z]\./, ''), item.label.replace(/\.$/, '')]);
    const tasks = await this.tx.task.findMany({ where: { planId, scope: '', number: { in: [...candidates] } }, include: { assignments: { where: { unitId: unit.id } } } });
    const match = tasks.find((t) => t.assignments.length > 0 || t.collective !== null);
    if (!match) return null;
    const { assignments: _ignored, ...task } = match;
    return task;
  }

  private async importProgressItem(item: ParsedItem, unit: UnitRow): Promise<void> {
    const planId = await this.planId(item);
    const task = (await this.findPlanLevelTask(planId, item, unit)) ?? (await this.upsertTask(planId, unit.code, item, null));
    if (task.scope === unit.code) await this.ensureTaskUnit(task.id, unit.id, 'LEAD');
    const assignment = await this.ensureAssignment(task, unit.id);
    const progress = item.progress!;
    if (isEmptyProgress(progress)) return;
    await this.recordProgress(task, unit.id, assignment, progress, item);
  }

  private async recordProgress(task: TaskRecord, unitId: number, assignment: { id: number; lastReportedAt: Date | null }, p: ParsedProgress, item: ParsedItem): Promise<void> {
    const taskId = task.id;
    const reportedAt = instantOf(this.input.asOf, 12);
    // What did we know as of the file's date? Only a difference is news.
    const known = await this.tx.progressUpdate.findFirst({
      where: { assignmentId: assignment.id, reportedAt: { lte: reportedAt } },
      orderBy: [{ reportedAt: 'desc' }, { id: 'desc' }],
    });
    if (known && sameProgress(known, p, item.kind)) return;
    const expected = parseDeadline(p.expectedCompletionText);
    const update = await this.tx.progressUpdate.create({
      data: {
        taskId,
        unitId,
        assignmentId: assignment.id,
        kind: 'IMPORT',
        ...progressOf(p),
        expectedCompletionDate: expected.due ? dayToDb(expected.due) : null,
        channel: 'IMPORT',
        originalText: `${this.input.fileName} › ${item.sheet} › dòng ${item.row}`,
        asOf: dayToDb(this.input.asOf),
        reportedAt,
        importBatchId: await this.batch(),
      },
    });
    this.summary.updatesCreated++;
    if (!assignment.lastReportedAt || assignment.lastReportedAt <= reportedAt) {
      await this.tx.assignment.update({
        where: { id: assignment.id },
        data: {
          ...progressOf(p),
          lastUpdateId: update.id,
          lastReportedAt: reportedAt,
          doneOn: p.state === 'DONE' ? dayToDb(this.input.asOf) : null,
          targetMet: targetMet(task, p.actualValue),
        },
      });
    }
  }

  private async batch(): Promise<number> {
    if (this.batchId) return this.batchId;
    const planCodes = [...this.plans.keys()];
    const b = await this.tx.importBatch.create({
      data: { fileName: this.input.fileName, fileHash: this.input.fileHash, layout: 'progress', planCodes, asOf: dayToDb(this.input.asOf) },
    });
    this.batchId = b.id;
    return b.id;
  }

  /** Every unit of a collective group gets its own share of the task. */
  private async syncCollectiveAssignments(): Promise<void> {
    const tasks = await this.tx.task.findMany({ where: { collective: { not: null } }, select: { id: true, collective: true, deadlineDate: true } });
    for (const t of tasks) {
      const members = this.units.ofKinds(collectiveKinds(t.collective!));
      if (!members.length) continue;
      const res = await this.tx.assignment.createMany({
        data: members.map((u) => ({ taskId: t.id, unitId: u.id, deadlineDate: t.deadlineDate })),
        skipDuplicates: true,
      });
      this.summary.assignmentsCreated += res.count;
    }
    if (this.batchId) {
      await this.tx.importBatch.update({
        where: { id: this.batchId },
        data: {
          created: this.summary.tasksCreated,
          changed: this.summary.tasksChanged,
          unchanged: this.summary.tasksUnchanged,
          updates: this.summary.updatesCreated,
          planCodes: [...this.plans.keys()],
        },
      });
    }
  }
}

