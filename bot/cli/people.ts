/** Finding the person a command-line tool acts as (`--as`). */
import type { PersonRef } from '../../domain/people/types.ts';
import type { App } from '../app.ts';
import type { Locale } from '../i18n.ts';
import { UsageError } from './args.ts';

/** The person `--as` names (a name with or without diacritics, a phone, an id); the first city leader when absent. */
export async function findPerson(app: App, as: string | undefined, locale: Locale): Promise<PersonRef> {
  if (!as) {
    // Filtered here: `roles: { has }` on an enum array is not supported by every driver adapter.
    const leader = (await app.db.prisma.person.findMany({ where: { active: true }, orderBy: { id: 'asc' } })).find((p) => p.roles.includes('CITY_LEADER'));
    const person = leader ? await app.queries.person(leader.id) : null;
    if (person) return person;
    throw new UsageError(app.tr.t('console-no-person', { query: '' }, locale));
  }
  const candidates = await app.queries.findPeople(as);
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length > 1) throw new UsageError(`${app.tr.t('console-many-people', { query: as }, locale)}\n${candidates.map((p) => `  --as ${p.id}: ${p.fullName}`).join('\n')}`);
  const sample = await app.db.prisma.person.findMany({ take: 8, orderBy: { id: 'asc' }, include: { unit: true } });
  throw new UsageError(`${app.tr.t('console-no-person', { query: as }, locale)}\n${sample.map((p) => `  --as "${p.fullName}" (${p.unit?.name ?? ''})`).join('\n')}`);
}
