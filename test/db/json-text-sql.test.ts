/**
 * The planning statements' text helpers (prisma/stores/json-text-sql.ts, cleanSql of planning-sql.ts)
 * give what JavaScript gives: the spaces of a title collapsed as shorten does (the regular expression's
 * replace runs only for the texts a match picks out, so every kind of space must be picked out), and
 * JSON text, nested and spliced, that parses to the object JSON.stringify writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jArr, jLit, jNum, jObj, jSafe, jStr } from '../../prisma/stores/json-text-sql.ts';
import { cleanSql } from '../../prisma/stores/planning-sql.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

describe('planning statements write text as JavaScript does', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  }, 120_000);
  afterAll(async () => {
    await db?.destroy();
  }, 120_000);

  const texts = [
    'Nhiệm vụ số 12 về chuyển đổi số',
    '  leading and trailing  ',
    'three   spaces',
    'tab\there',
    'new\nline and\r\nreturn',
    'no\u00a0break',
    'ideographic\u3000space',
    'em\u2003space and thin\u2009space',
    'line\u2028separator',
    '\ufeffbyte order mark',
    'form\ffeed\vvertical',
    ' ',
    '',
    'một',
  ];

  it('cleanSql collapses and trims every JavaScript space (\\s) as shorten does, and keeps other texts as they are', async () => {
    for (const t of texts) {
      const [row] = (await db.prisma.$queryRawUnsafe(`SELECT ${cleanSql('$1::text')} AS c`, t)) as { c: string }[];
      expect(row!.c, JSON.stringify(t)).toBe(t.replace(/\s+/g, ' ').trim());
    }
    expect(await db.prisma.$queryRawUnsafe(`SELECT ${cleanSql('NULL::text')} AS c`)).toEqual([{ c: null }]);
  });

  it('objects nested and spliced parse to what JSON.stringify writes, nulls included', async () => {
    const expr = jObj({
      text: jObj({ key: jLit('k'), args: jObj({ s: jStr('$1::text'), n: jNum('$2::int'), safe: jSafe('$3::text'), none: jStr('NULL::text'), nothing: jSafe('NULL::text') }) }),
      list: jArr([jLit('a'), jStr('$1::text'), jObj({ raw: jLit('') })]),
      indent: jLit(true),
    });
    for (const s of texts) {
      const [row] = (await db.prisma.$queryRawUnsafe(`SELECT ${expr} AS j`, s, 42, '26/11/2026')) as { j: string }[];
      expect(JSON.parse(row!.j)).toEqual({
        text: { key: 'k', args: { s, n: 42, safe: '26/11/2026', none: null, nothing: null } },
        list: ['a', s, { raw: '' }],
        indent: true,
      });
    }
  });
});
