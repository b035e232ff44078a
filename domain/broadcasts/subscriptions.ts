/**
 * Residents subscribe to the notices of their commune, ward or special zone
 * (/dangky) and leave (/huydangky). These are the replies; storage is in
 * prisma/stores/broadcast-store.ts.
 */
import { line, t, type Choice, type Reply } from '../chat/reply.ts';
import { fold } from '../shared/text.ts';
import { LOCAL_KINDS, type UnitRef } from '../units/types.ts';
import type { BroadcastError } from './audience.ts';

export type SubscribeResult = 'ok' | 'already' | 'not-local' | 'unknown-unit';

export function isSubscribable(unit: Pick<UnitRef, 'kind'>): boolean {
  return LOCAL_KINDS.includes(unit.kind);
}

/** Choices for /dangky: one per commune, ward or special zone, `sub:<unitId>`, in name order. */
export function subscribeChoices(units: UnitRef[]): Choice[] {
  return units
    .filter(isSubscribable)
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
    .map((u) => ({ id: `sub:${u.id}`, label: { raw: u.name }, words: [fold(u.name), ...u.aliases.map(fold)] }));
}

export function subscribeReply(result: SubscribeResult, unitName: string | null): Reply {
  return { lines: [line(t('subscribe-result', { result, unit: unitName ?? '' }))] };
}

export function unsubscribeReply(removed: string[]): Reply {
  return { lines: [line(t('unsubscribe-result', { count: removed.length, units: removed.join(', ') }))] };
}

export function subscriptionsReply(unitNames: string[]): Reply {
  return { lines: [line(t('subscribe-list', { count: unitNames.length, units: unitNames.join(', ') }))] };
}

/** A refused notice, in words (unit names of the offending units when known). */
export function broadcastErrorReply(error: BroadcastError, unitNames: string[] = []): Reply {
  return { lines: [line(t('broadcast-error', { code: error.code, units: unitNames.length ? unitNames.join(', ') : 'none' }))] };
}
