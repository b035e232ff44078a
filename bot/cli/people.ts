/** Finding the person a command-line tool acts as (`--as`). */
import { distance } from 'fastest-levenshtein';
import type { PersonRef } from '../../domain/people/types.ts';
import { fold } from '../../domain/shared/text.ts';
import type { Core } from '../core.ts';
import type { Locale } from '../i18n.ts';
import { UsageError } from './args.ts';

/**
 * The names closest to a mistyped one, compared without diacritics or case:
 * the whole name, or its last words when fewer are typed ("Tuan", "Minh Tuan"),
 * whichever is closer. A name is kept within about one edit per three letters.
 */
export function closeNames<T extends { fullName: string }>(query: string, people: T[], limit = 5): T[] {
  const q = fold(query);
  if (!q) return [];
  const words = q.split(' ').length;
  const tolerance = Math.max(1, Math.floor(q.length / 3));
  return people
    .map((p) => {
      const name = fold(p.fullName);
      const tail = name.split(' ').slice(-words).join(' ');
      return { p, d: Math.min(distance(q, name), distance(q, tail)) };
    })
    .filter((x) => x.d <= tolerance)
    .sort((a, b) => a.d - b.d || a.p.fullName.localeCompare(b.p.fullName, 'vi'))
    .slice(0, limit)
    .map((x) => x.p);
}

/** The person `--as` names (a name with or without diacritics, a phone, an id); the first city leader when absent. */
export async function findPerson(app: Core, as: string | undefined, locale: Locale): Promise<PersonRef> {
  if (!as) {
    const person = await app.queries.firstCityLeader();
    if (person) return person;
    throw new UsageError(app.tr.t('console-no-person', { query: '' }, locale));
  }
  const candidates = await app.queries.findPeople(as);
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length > 1) throw new UsageError(`${app.tr.t('console-many-people', { query: as }, locale)}\n${candidates.map((p) => `  --as ${p.id}: ${p.fullName}`).join('\n')}`);
  const everyone = await app.db.prisma.person.findMany({ where: { active: true }, orderBy: { id: 'asc' }, include: { unit: true } });
  const close = closeNames(as, everyone);
  const key = close.length ? 'console-close-people' : 'console-no-person';
  const shown = close.length ? close : everyone.slice(0, 8);
  throw new UsageError(`${app.tr.t(key, { query: as }, locale)}\n${shown.map((p) => `  --as "${p.fullName}" (${p.unit?.name ?? ''})`).join('\n')}`);
}
