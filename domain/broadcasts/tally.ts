/**
 * The sender's view of a notice: sent, failed, unreachable, unknown,
 * acknowledged — overall and per unit — and who could not be reached on any
 * of their accounts.
 */
import { line, t, type Choice, type Line, type Reply } from '../chat/reply.ts';
import type { DeliveryState } from '../delivery/types.ts';

export interface TallyCounts {
  total: number;
  sent: number;
  /** Recipients who pressed "Đã nhận" (or replied OK). */
  acknowledged: number;
  failed: number;
  /** Unreachable on every account (blocked the bot, never opened it). */
  blocked: number;
  /** The send's outcome is unknown (the sender stopped mid-call); never re-sent. */
  unknown: number;
  /** Still queued or being sent. */
  pending: number;
}

export interface UnitTally extends TallyCounts {
  unitId: number | null;
  unitName: string | null;
}

export interface BroadcastTally extends TallyCounts {
  broadcastId: number;
  state: string;
  finished: boolean;
  units: UnitTally[];
  /** Some of the people unreachable everywhere (names), and how many there are. */
  unreachable: { name: string; unitName: string | null }[];
  unreachableCount: number;
}

/** The states the tally counts as pending (still queued or being sent); every other state is settled. */
export const PENDING_STATES = ['PENDING', 'SENDING'] as const satisfies readonly DeliveryState[];

export const emptyCounts = (): TallyCounts => ({ total: 0, sent: 0, acknowledged: 0, failed: 0, blocked: 0, unknown: 0, pending: 0 });

/** Adds `count` rows in `state` to the counts. */
export function addToCounts(c: TallyCounts, state: DeliveryState, acknowledged: number, count: number): void {
  c.total += count;
  c.acknowledged += acknowledged;
  if (state === 'SENT') c.sent += count;
  else if (state === 'FAILED') c.failed += count;
  else if (state === 'BLOCKED' || state === 'SKIPPED') c.blocked += count;
  else if (state === 'UNKNOWN') c.unknown += count;
  // PENDING and SENDING: PENDING_STATES, which the monitor counts in the database
  else c.pending += count;
}

export function tallyChoices(broadcastId: number): Choice[] {
  return [{ id: `bc:tally:${broadcastId}`, label: t('broadcast-tally-refresh'), words: ['cap nhat', 'so lieu', 'thong ke'] }];
}

/** Progress while sending (final = false) or the final tally. */
export function tallyReply(tally: BroadcastTally, options: { final: boolean; unitsMax?: number; namesMax?: number }): Reply {
  const lines: Line[] = [
    line(t('broadcast-tally-title', { id: tally.broadcastId, final: options.final ? 'yes' : 'no', done: tally.total - tally.pending, total: tally.total }), { strong: true }),
    line(t('broadcast-tally-summary', { ...countsArgs(tally) })),
  ];
  if (tally.units.length > 1) {
    const max = options.unitsMax ?? 15;
    for (const u of tally.units.slice(0, max)) lines.push(line(t('broadcast-tally-unit', { unit: u.unitName ?? 'none', ...countsArgs(u) }), { indent: true }));
    if (tally.units.length > max) lines.push(line(t('list-more', { count: tally.units.length - max }), { indent: true }));
  }
  if (tally.unreachableCount) {
    const names = tally.unreachable.slice(0, options.namesMax ?? 10).map((p) => (p.unitName ? `${p.name} (${p.unitName})` : p.name));
    lines.push(line(t('broadcast-tally-unreachable', { count: tally.unreachableCount, names: names.join(', '), more: Math.max(0, tally.unreachableCount - names.length) })));
  }
  return { lines, choices: tallyChoices(tally.broadcastId) };
}

function countsArgs(c: TallyCounts) {
  return { total: c.total, sent: c.sent, acknowledged: c.acknowledged, failed: c.failed, blocked: c.blocked, unknown: c.unknown, pending: c.pending };
}

/** Progress notices go out when this share of recipients is settled (large notices only). */
export const PROGRESS_MILESTONES = [25, 50, 75] as const;
/** Notices smaller than this get no progress messages, only the final tally. */
export const PROGRESS_MIN_RECIPIENTS = 200;

/** The highest milestone reached, if any. */
export function milestoneReached(tally: Pick<TallyCounts, 'total' | 'pending'>): number | null {
  if (tally.total < PROGRESS_MIN_RECIPIENTS) return null;
  const settled = ((tally.total - tally.pending) * 100) / tally.total;
  let reached: number | null = null;
  for (const m of PROGRESS_MILESTONES) if (settled >= m) reached = m;
  return reached;
}

/** What a recipient reads after pressing "Đã nhận". */
export function ackReply(result: 'ok' | 'already' | 'not-found'): Reply {
  return { lines: [line(t('broadcast-ack-result', { result }))] };
}
