/**
 * Which units a question is about, within what the asker may see
 * (domain/people/scope.ts): a city leader sees everything; a unit leader their
 * unit and its sub-units; an officer or community team member their unit;
 * anyone else nothing. A unit outside one's scope is refused by name, two
 * units that fit one phrase are asked about, and an unknown name is said to
 * be unknown — never guessed.
 */
import { line, raw, t, type Choice, type Reply } from '../chat/reply.ts';
import { canSee, visibleUnitIds } from '../people/scope.ts';
import type { PersonRef } from '../people/types.ts';
import { CITY_AGENCY_KINDS, LOCAL_KINDS, type UnitKind, type UnitRef } from '../units/types.ts';
import type { Interpretation } from './types.ts';

/** How the answer names its scope (arguments of the `answer-scope` message). */
export interface ScopeLabel {
  scope: 'all' | 'units' | 'kinds' | 'me';
  name: string;
  kinds: string;
}

export interface Scope {
  /** The units asked about, or null for every unit (a city-wide question of a city leader). */
  unitIds: number[] | null;
  /** "việc của tôi": the asker's own assignments, within `unitIds`. */
  me: boolean;
  /** The one unit asked about, when there is exactly one. */
  single: UnitRef | null;
  label: ScopeLabel;
}

export type ScopeOutcome = 'REFUSED' | 'ASK_UNIT' | 'UNKNOWN_UNIT';

export type ScopeResult = { ok: true; scope: Scope } | { ok: false; outcome: ScopeOutcome; reply: Reply };

/** Choices offered for an ambiguous unit: at most this many. */
const MAX_UNIT_CHOICES = 12;

/** A key for a set of unit kinds, as the `answer-scope` message knows them. */
export function kindsKey(kinds: UnitKind[]): string {
  const set = [...new Set(kinds)].sort();
  const same = (list: readonly UnitKind[]) => list.length === set.length && [...list].sort().every((k, i) => k === set[i]);
  if (same(LOCAL_KINDS)) return 'LOCALITIES';
  if (same(CITY_AGENCY_KINDS)) return 'CITY_AGENCIES';
  if (same(['COMMUNE', 'WARD'])) return 'COMMUNE_WARD';
  return set.length === 1 ? set[0]! : 'other';
}

function names(ids: number[], units: UnitRef[]): string {
  return ids.map((id) => units.find((u) => u.id === id)?.name ?? `#${id}`).join(', ');
}

const refuse = (key: string, args: Record<string, string>): ScopeResult => ({ ok: false, outcome: 'REFUSED', reply: { lines: [line(t(key, args))] } });

export function resolveScope(interp: Interpretation, person: PersonRef, units: UnitRef[]): ScopeResult {
  const visible = visibleUnitIds(person, units);
  const seeable = (id: number) => canSee(visible, id);
  const byId = (id: number) => units.find((u) => u.id === id) ?? null;

  if (visible !== null && visible.length === 0) {
    if (interp.unitIds.length > 0) return refuse('answer-out-of-scope', { units: names(interp.unitIds, units) });
    return refuse('answer-no-access', {});
  }

  if (interp.ambiguousUnit) {
    const candidates = interp.ambiguousUnit.candidateIds.filter(seeable);
    if (candidates.length === 0) return refuse('answer-out-of-scope', { units: interp.ambiguousUnit.text });
    const shown = candidates.slice(0, MAX_UNIT_CHOICES);
    const choices: Choice[] = shown.map((id) => ({ id: `qu:${id}`, label: raw(byId(id)?.name ?? `#${id}`) }));
    const lines = [line(t('answer-which-unit', { text: interp.ambiguousUnit.text, count: candidates.length }))];
    if (candidates.length > shown.length) lines.push(line(t('answer-which-unit-more', { count: candidates.length - shown.length })));
    return { ok: false, outcome: 'ASK_UNIT', reply: { lines, choices } };
  }

  if (interp.unknownUnit) {
    return {
      ok: false,
      outcome: 'UNKNOWN_UNIT',
      reply: { lines: [line(t('answer-unknown-unit', { text: interp.unknownUnit })), line(t('answer-unknown-unit-hint'))] },
    };
  }

  const outside = interp.unitIds.filter((id) => !seeable(id));
  if (outside.length > 0) return refuse('answer-out-of-scope', { units: names(outside, units) });

  let ids: number[] | null;
  let label: ScopeLabel;
  if (interp.unitIds.length > 0) {
    ids = [...interp.unitIds];
    label = { scope: 'units', name: names(ids, units), kinds: '' };
  } else if (interp.mine === 'MY_UNIT') {
    if (person.unitId === null) return refuse('answer-no-unit', {});
    ids = [person.unitId];
    label = { scope: 'units', name: names(ids, units), kinds: '' };
  } else if (interp.unitKinds.length > 0) {
    ids = units.filter((u) => interp.unitKinds.includes(u.kind) && seeable(u.id)).map((u) => u.id);
    if (ids.length === 0) return refuse('answer-no-units-of-kind', { kinds: kindsKey(interp.unitKinds) });
    label = { scope: 'kinds', name: '', kinds: kindsKey(interp.unitKinds) };
  } else if (visible === null) {
    ids = null;
    label = { scope: 'all', name: '', kinds: '' };
  } else {
    ids = visible;
    label = { scope: 'units', name: names(person.unitId !== null && visible.includes(person.unitId) ? [person.unitId] : visible, units), kinds: '' };
  }
  if (interp.mine === 'ME') label = { scope: 'me', name: '', kinds: '' };
  const single = ids && ids.length === 1 ? byId(ids[0]!) : null;
  return { ok: true, scope: { unitIds: ids, me: interp.mine === 'ME', single, label } };
}
