/**
 * The history is append-only: a correction or a withdrawal is a new row
 * pointing at the one it amends. Every read that shows progress (answers,
 * history, reports, exports, digests) reads only the entries still in force:
 * not a withdrawal marker, and not amended by a later correction or withdrawal.
 */
import type { Prisma } from '../generated/client.ts';

export const inForce = { kind: { not: 'WITHDRAWAL' }, amendedBy: { none: {} } } satisfies Prisma.ProgressUpdateWhereInput;

/** The same rule in SQL, for the update aliased `u`. */
export function inForceSql(u = 'u'): string {
  return `${u}.kind <> 'WITHDRAWAL' AND NOT EXISTS (SELECT 1 FROM "ProgressUpdate" amend WHERE amend."amendsId" = ${u}.id)`;
}
