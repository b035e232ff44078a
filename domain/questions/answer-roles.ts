/**
 * The part a unit or a leader plays in a task, as a filter over its rows:
 * "Sở Tài chính phối hợp những việc gì" (named among the coordinating units),
 * "Sở Nội vụ chủ trì" (named as the lead itself, not through a collective
 * "Các sở, ban, ngành"), "A và B cùng chủ trì" (both named leads of one
 * task), "việc anh Cường chỉ đạo" (the directing leader).
 */
import { fold } from '../shared/text.ts';
import type { TaskRow } from '../tasks/types.ts';
import type { UnitRef } from '../units/types.ts';
import type { Interpretation } from './types.ts';

/** The units whose part is asked: those named, or the asker's own for "Sở mình phối hợp…". */
export function roleUnitIds(interp: Interpretation, myUnitId: number | null): number[] {
  if (interp.unitIds.length > 0) return interp.unitIds;
  return interp.mine === 'MY_UNIT' && myUnitId !== null ? [myUnitId] : [];
}

/**
 * What the scope rules see: a coordinating unit's tasks are led by other
 * units, so the units named are not the units answered about.
 */
export function scopeReading(interp: Interpretation): Interpretation {
  return interp.role === 'COORDINATE' ? { ...interp, unitIds: [], mine: null } : interp;
}

function mentions(text: string | null | undefined, unit: UnitRef): boolean {
  if (!text) return false;
  const hay = ` ${fold(text).replace(/[^a-z0-9&]+/g, ' ')} `;
  return [unit.name, ...unit.aliases].some((n) => hay.includes(` ${fold(n).replace(/[^a-z0-9&]+/g, ' ').trim()} `));
}

/** A row filter for the role, or null when the question names none. */
export function roleFilter(interp: Interpretation, units: UnitRef[], myUnitId: number | null): ((r: TaskRow) => boolean) | null {
  switch (interp.role) {
    case 'COORDINATE': {
      const named = roleUnitIds(interp, myUnitId).map((id) => units.find((u) => u.id === id)).filter((u): u is UnitRef => u !== undefined);
      return (r) => named.some((u) => mentions(r.coordinatingText, u));
    }
    case 'LEAD':
    case 'CO_LEAD':
      return (r) => r.collective === null;
    case 'DIRECT': {
      const person = interp.person ? fold(interp.person) : null;
      return person ? (r) => Boolean(r.directingLeader && fold(r.directingLeader).includes(person)) : null;
    }
    default:
      return null;
  }
}

/** "A và B cùng chủ trì": the rows of tasks every named unit leads. */
export function coLed(rows: TaskRow[], unitIds: number[]): TaskRow[] {
  const units = new Map<number, Set<number>>();
  for (const r of rows) {
    const set = units.get(r.taskId) ?? new Set<number>();
    set.add(r.unitId);
    units.set(r.taskId, set);
  }
  return rows.filter((r) => unitIds.every((id) => units.get(r.taskId)?.has(id)));
}
