/**
 * `npm run migration:new -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
 * with the SQL that brings the existing migrations up to schema.prisma — what
 * `prisma migrate dev --create-only` would write, for additions. Changes and
 * removals come out as TODO comments to finish by hand. Review the file; the
 * drift test checks the result.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgliteSession } from '../prisma/database.ts';
import { applyMigrations, MIGRATIONS_DIR } from '../prisma/migrate.ts';
import { actualShape, additionsSql, expectedShape } from '../prisma/schema-model.ts';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  process.stderr.write('usage: npm run migration:new -- <name_in_snake_case>\n');
  process.exit(2);
}
const lite = new PGlite('memory://');
await applyMigrations(pgliteSession(lite));
const actual = await actualShape(async (sql) => (await lite.query(sql)).rows as Record<string, unknown>[]);
const sql = additionsSql(expectedShape(join(MIGRATIONS_DIR, '..', 'schema.prisma')), actual);
await lite.close();
if (!sql.trim()) {
  process.stdout.write('schema and migrations agree: nothing to write\n');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const dir = join(MIGRATIONS_DIR, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'migration.sql'), sql);
process.stdout.write(`wrote ${dir}/migration.sql\n`);
