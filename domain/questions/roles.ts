import { PhraseTable, type Token } from './tokens.ts';

/**
 * The part a unit or a person plays in a task, as the appendices name them:
 * lead (chủ trì), coordinating (phối hợp), leading together (cùng chủ trì),
 * directing (chỉ đạo, phụ trách, theo dõi: a leader). "Ban Chỉ đạo" is a unit
 * and is read as one before this runs.
 */
export type Role = 'LEAD' | 'COORDINATE' | 'CO_LEAD' | 'DIRECT';

const TABLE = new PhraseTable<Role>([
  ['cung chu tri', 'CO_LEAD'],
  ['dong chu tri', 'CO_LEAD'],
  ['chu tri', 'LEAD'],
  ['la don vi chu tri', 'LEAD'],
  ['phoi hop', 'COORDINATE'],
  ['tham gia phoi hop', 'COORDINATE'],
  ['la don vi phoi hop', 'COORDINATE'],
  ['chi dao', 'DIRECT'],
  ['phu trach', 'DIRECT'],
  ['theo doi', 'DIRECT'],
]);

export function extractRole(toks: Token[]): Role | null {
  const hits = TABLE.scan(toks);
  if (hits.length === 0) return null;
  // "A cùng B chủ trì": "cùng" joins the units that lead together
  if (hits.some((h) => h.value === 'LEAD')) {
    const cung = toks.find((t) => !t.used && t.norm === 'cung');
    if (cung) {
      cung.used = true;
      return 'CO_LEAD';
    }
  }
  // "cùng chủ trì" wins over a lone "chủ trì"; otherwise the first role named
  return hits.some((h) => h.value === 'CO_LEAD') ? 'CO_LEAD' : hits[0]!.value;
}
