/**
 * Finding a unit from what someone typed in a command ("/donvi cat hai"):
 * exact name or alias first, then names containing the words. Free-text
 * questions use the fuller matcher in domain/questions/.
 */
import { unitKey } from './names.ts';
import type { UnitRef } from './types.ts';

export type UnitLookup = { kind: 'one'; unit: UnitRef } | { kind: 'many'; units: UnitRef[] } | { kind: 'none' };

export function lookupUnit(text: string, units: UnitRef[]): UnitLookup {
  const key = unitKey(text);
  if (!key) return { kind: 'none' };
  const names = (u: UnitRef) => [u.name, ...u.aliases].map(unitKey);
  const exact = units.filter((u) => names(u).includes(key));
  if (exact.length === 1) return { kind: 'one', unit: exact[0]! };
  if (exact.length > 1) return { kind: 'many', units: exact };
  const words = key.split(' ');
  const partial = units.filter((u) => names(u).some((n) => ` ${n} `.includes(` ${words.join(' ')} `)));
  if (partial.length === 1) return { kind: 'one', unit: partial[0]! };
  if (partial.length > 1) return { kind: 'many', units: partial.slice(0, 8) };
  return { kind: 'none' };
}
