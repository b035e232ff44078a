/**
 * Who a notice of the Digital Community Team goes to, and who may send one.
 *
 * An audience spec combines registry people and subscribed residents:
 * - `all`: every active person of the sender's area (registry people, not residents);
 * - `unitIds` / `unitKinds`: people of those units (sub-units included) or of
 *   every unit of those kinds ("all wards") inside the area;
 * - `roles`: only people with one of these roles (alone: across the area);
 * - `residentsOf`: accounts subscribed (/dangky) to those communes, wards or special zones.
 * Only COMMUNITY_TEAM and ADMIN may broadcast; an admin, or a team at city
 * level, reaches the whole city, anyone else their own unit and its sub-units;
 * a team member with no unit (or an unknown one) reaches nobody: fails closed.
 */
import * as z from 'zod/mini';
import { descendants } from '../people/scope.ts';
import { ROLES, type PersonRef, type Role } from '../people/types.ts';
import { LOCAL_KINDS, UNIT_KINDS, type UnitRef } from '../units/types.ts';

export const audienceSchema = z.strictObject({
  all: z.optional(z.boolean()),
  unitIds: z.optional(z.array(z.number().check(z.int(), z.positive())).check(z.maxLength(1000))),
  unitKinds: z.optional(z.array(z.enum(UNIT_KINDS))),
  roles: z.optional(z.array(z.enum(ROLES))),
  residentsOf: z.optional(z.array(z.number().check(z.int(), z.positive())).check(z.maxLength(1000))),
});

export type AudienceSpec = z.infer<typeof audienceSchema>;

/** Stable codes; channels turn them into text with `broadcast-error-<code>`. */
export type BroadcastErrorCode =
  | 'not-allowed'
  | 'no-area'
  | 'bad-audience'
  | 'outside-area'
  | 'not-local-unit'
  | 'empty-audience'
  | 'empty-text'
  | 'text-too-long'
  | 'scheduled-in-past'
  | 'attachment-too-large';

export interface BroadcastError {
  code: BroadcastErrorCode;
  /** Units that caused it (outside-area, not-local-unit). */
  unitIds?: number[];
}

/** Texts longer than this would not fit one Zalo message with the header (Zalo: 2,000 characters). */
export const MAX_BROADCAST_TEXT = 1800;

export interface ResolvedAudience {
  /** Registry people, or null for none: in these units (null = any unit), with one of these roles (null = any). */
  people: { unitIds: number[] | null; roles: Role[] | null } | null;
  /** Units whose subscribers get it. */
  residentsOf: number[];
}

export function canBroadcast(person: Pick<PersonRef, 'roles'>): boolean {
  return person.roles.includes('COMMUNITY_TEAM') || person.roles.includes('ADMIN');
}

/** The units a sender may reach (their unit and sub-units), null for the whole city, [] for none. */
export function broadcastArea(person: PersonRef, units: UnitRef[]): number[] | null {
  if (person.roles.includes('ADMIN')) return null;
  const unit = person.unitId === null ? undefined : units.find((u) => u.id === person.unitId);
  if (!unit) return [];
  if (unit.kind === 'CITY') return null;
  return [unit.id, ...descendants(unit.id, units)];
}

export type AudienceResult = { ok: true; audience: ResolvedAudience; area: number[] | null } | { ok: false; error: BroadcastError };

export function resolveAudience(sender: PersonRef, input: unknown, units: UnitRef[]): AudienceResult {
  if (!canBroadcast(sender)) return { ok: false, error: { code: 'not-allowed' } };
  const parsed = audienceSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: { code: 'bad-audience' } };
  const spec = parsed.data;
  const area = broadcastArea(sender, units);
  if (area !== null && area.length === 0) return { ok: false, error: { code: 'no-area' } };
  const inArea = (id: number) => area === null || area.includes(id);
  const known = new Map(units.map((u) => [u.id, u]));

  const chosen = [...(spec.unitIds ?? []), ...(spec.residentsOf ?? [])];
  const unknown = chosen.filter((id) => !known.has(id));
  if (unknown.length) return { ok: false, error: { code: 'bad-audience', unitIds: unknown } };
  const outside = chosen.filter((id) => !inArea(id));
  if (outside.length) return { ok: false, error: { code: 'outside-area', unitIds: [...new Set(outside)] } };
  const notLocal = (spec.residentsOf ?? []).filter((id) => !LOCAL_KINDS.includes(known.get(id)!.kind));
  if (notLocal.length) return { ok: false, error: { code: 'not-local-unit', unitIds: notLocal } };

  let people: ResolvedAudience['people'] = null;
  const roles = spec.roles?.length ? [...new Set(spec.roles)] : null;
  const byUnits = Boolean(spec.unitIds?.length || spec.unitKinds?.length);
  if (spec.all || byUnits || roles) {
    let unitIds: number[] | null;
    if (spec.all || !byUnits) {
      unitIds = area;
    } else {
      const ids = new Set<number>();
      for (const id of spec.unitIds ?? []) for (const x of [id, ...descendants(id, units)]) if (inArea(x)) ids.add(x);
      for (const u of units) if (spec.unitKinds?.includes(u.kind) && inArea(u.id)) ids.add(u.id);
      unitIds = [...ids].sort((a, b) => a - b);
    }
    people = { unitIds, roles };
  }
  const residentsOf = [...new Set(spec.residentsOf ?? [])];
  if (!people && !residentsOf.length) return { ok: false, error: { code: 'empty-audience' } };
  return { ok: true, audience: { people, residentsOf }, area };
}

/** Checks a notice's text (trimmed) before anything is stored. */
export function checkBroadcastText(text: string): BroadcastError | null {
  const clean = text.trim();
  if (!clean) return { code: 'empty-text' };
  if (clean.length > MAX_BROADCAST_TEXT) return { code: 'text-too-long' };
  return null;
}
