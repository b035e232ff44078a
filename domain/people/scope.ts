/**
 * Who sees what: a city leader or admin sees everything; a unit leader their
 * unit and its sub-units; an officer (or community team member) their unit;
 * a resident nothing of the tasks.
 */
import type { UnitRef } from '../units/types.ts';
import type { PersonRef } from './types.ts';

/** Unit ids a person may ask about, or null for "all units". */
export function visibleUnitIds(person: PersonRef, units: UnitRef[]): number[] | null {
  if (person.roles.includes('CITY_LEADER') || person.roles.includes('ADMIN')) return null;
  if (person.unitId === null) return [];
  if (person.roles.includes('UNIT_LEADER')) return [person.unitId, ...descendants(person.unitId, units)];
  if (person.roles.some((r) => r === 'OFFICER' || r === 'COMMUNITY_TEAM')) return [person.unitId];
  return [];
}

export function descendants(unitId: number, units: UnitRef[]): number[] {
  const out: number[] = [];
  const queue = [unitId];
  while (queue.length) {
    const id = queue.shift()!;
    for (const u of units) {
      if (u.parentId === id && !out.includes(u.id)) {
        out.push(u.id);
        queue.push(u.id);
      }
    }
  }
  return out;
}

export function canSee(visible: number[] | null, unitId: number): boolean {
  return visible === null || visible.includes(unitId);
}
