// node scripts/run.mjs bot/main [args…]: runs the compiled entry
// dist/bot/main.js, building first (once, and saying so) when dist/ is
// missing or older than any source file. Without the sources (a production
// image holding only dist/), dist/ is run as it is.
import { existsSync, readdirSync, statSync } from 'node:fs';
import module from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ASSETS, DIST, ROOT, STAMP, build } from './build.mjs';

// Each path once: prisma/migrations and prisma/seed (assets) are inside prisma/, and every `npm run` pays the walk.
const SOURCES = ['bot', 'domain', 'prisma', 'package.json', 'tsconfig.json', ...ASSETS].filter((s, i, all) => all.indexOf(s) === i && !all.some((o) => s.startsWith(`${o}/`)));

function newest(path) {
  let st;
  try {
    st = statSync(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  // A plain `/` (which Windows accepts too), not path.join: join normalises the whole path again at every one
  // of the ~380 entries, which was two thirds of the walk (Node 22: ~20 → ~8 ms of CPU at each npm run).
  for (const e of readdirSync(path)) if (e !== 'node_modules') max = Math.max(max, newest(`${path}/${e}`));
  return max;
}

const entry = process.argv[2];
if (!entry) {
  process.stderr.write('usage: node scripts/run.mjs <entry without extension, e.g. bot/main> [args…]\n');
  process.exit(2);
}
const compiled = join(DIST, `${entry}.js`);
const hasSources = existsSync(join(ROOT, 'bot'));
if (hasSources) {
  const built = existsSync(STAMP) && existsSync(compiled) ? statSync(STAMP).mtimeMs : 0;
  const source = Math.max(...SOURCES.map((s) => newest(join(ROOT, s))));
  if (source > built) {
    process.stderr.write(built ? 'Sources changed since the last build: building dist/ (npm run build)…\n' : 'No compiled build yet: building dist/ once (npm run build)…\n');
    if (!(await build({ quiet: true }))) process.exit(1);
  }
}
// Node ≥ 22.1 keeps V8's compiled code of dist/ and node_modules between runs (in NODE_COMPILE_CACHE,
// else the system's temporary folder; an unwritable one only disables it): ~15 ms of CPU less per
// start on Node 22 (interleaved runs of npm run ask and npm start on the 100k bench database).
// Node 20 has no such cache.
module.enableCompileCache?.();
// The entry sees the argv it would have as `node dist/<entry>.js args…`.
process.argv.splice(1, 2, compiled);
await import(pathToFileURL(compiled).href);
