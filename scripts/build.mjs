// npm run build: compiles bot/, domain/ and prisma/ to JavaScript in dist/
// (tsc with rewriteRelativeImportExtensions: the sources import `.ts`, the
// output imports `.js`), and copies what the code reads at run time next to
// it: locales/, prisma/migrations/, prisma/seed/. Production runs dist/;
// `npm start` builds once when dist/ is missing or older than the sources.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(ROOT, 'dist');
export const STAMP = join(DIST, '.build-stamp');
/** What is copied as is (read at run time by path). */
export const ASSETS = ['locales', 'prisma/migrations', 'prisma/seed'];

export function build({ quiet = false } = {}) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  rmSync(STAMP, { force: true });
  const r = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  if (r.status !== 0) {
    if (quiet) process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    return false;
  }
  for (const a of ASSETS) cpSync(join(ROOT, a), join(DIST, a), { recursive: true, force: true });
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exit(build() ? 0 : 1);
}
