// npm run build: bundles each entry (bot/main and the command-line tools that
// package.json runs through scripts/run.mjs) with esbuild into dist/, one
// file per entry and shared chunks in dist/chunks/, and copies what the code
// reads at run time next to it: locales/, prisma/migrations/, prisma/seed/.
// Production runs dist/; `npm start` builds once when dist/ is missing or
// older than the sources. Why a bundle: on Node 20 every ES module file costs
// start-up time (resolution, a read, a compile), and a CLI loads ~150 of ours
// and ~100 of zod's. Types are checked by `npm run typecheck`, not here.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(ROOT, 'dist');
export const STAMP = join(DIST, '.build-stamp');
/** What is copied as is (read at run time by path). */
export const ASSETS = ['locales', 'prisma/migrations', 'prisma/seed'];
/**
 * Packages bundled into the chunks (with what they require); every other package stays an import
 * from node_modules. Beside zod and Fluent, what `npm run ask` and the console load before their
 * first answer: pg and pino are ~45 CommonJS files that Node resolves, reads and wraps one by one
 * (Node 22: ~30 ms of a start's CPU, interleaved runs). pino-pretty stays out (loaded by path,
 * for a terminal only), and so do pg's optional native and Cloudflare sockets.
 */
const BUNDLED = ['zod', '@fluent/bundle', 'pg', 'pino', '@prisma/adapter-pg', 'fastest-levenshtein'];

/** Prisma's decoder of the parameterization graph, in its runtime's minified code: `function Na(e){return new Oi(e).deserialize()}`. */
const DECODE_GRAPH = /function ([\w$]+)\(([\w$]+)\)\{return new ([\w$]+)\(\2\)\.deserialize\(\)\}/g;

/**
 * Prisma's runtime (its ES module) bundled with one change: the graph that
 * parameterizes model queries (the schema's ~1,800 input and ~280 output nodes, 97 KB of base64)
 * decoded when a model query first needs it, not when the client is made. Prisma's engine decodes
 * it in the client's constructor, and every start paid it — Node 22, the decode alone in a fresh
 * process: ~80 ms of CPU on a machine at load 6 (~8 ms warm), and thousands of objects for the
 * collector — though raw statements (the questions, the people, the reference data, the migrations'
 * check: all of `npm run ask`) never use it. The decoder returns the same object, only with its
 * nodes read on first use. A runtime whose code differs (another Prisma version) is bundled as it
 * is: slower to start, never wrong, and the build says so.
 */
export function lazyGraphDecoder(code) {
  const found = [...code.matchAll(DECODE_GRAPH)].length;
  if (found !== 1) return { code, found };
  const lazy = (_, fn, schema, Decoder) =>
    `function ${fn}(${schema}){let d;const all=()=>d??=new ${Decoder}(${schema}).deserialize();return{strings:${schema}.strings,get inputNodes(){return all().inputNodes},get outputNodes(){return all().outputNodes},get roots(){return all().roots}}}`;
  return { code: code.replace(DECODE_GRAPH, lazy), found };
}

function lazyParameterizationGraph(quiet) {
  const runtime = createRequire(import.meta.url).resolve('@prisma/client/runtime/client.mjs');
  return {
    name: 'prisma-lazy-parameterization-graph',
    setup(b) {
      b.onResolve({ filter: /^@prisma\/client\/runtime\/client(\.mjs)?$/ }, () => ({ path: runtime }));
      b.onLoad({ filter: /[\\/]client\.mjs$/ }, (args) => {
        if (args.path !== runtime) return undefined;
        const { code, found } = lazyGraphDecoder(readFileSync(args.path, 'utf8'));
        if (found !== 1 && !quiet) process.stderr.write(`build: Prisma's graph decoder found ${found} times in its runtime, not once: bundled unchanged\n`);
        return { contents: code, loader: 'js' };
      });
    },
  };
}

export async function build({ quiet = false } = {}) {
  // Loaded here, with package.json: scripts/run.mjs imports this file at every start and builds only when stale.
  const esbuild = createRequire(import.meta.url)('esbuild');
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  // The entries: what package.json's scripts run through scripts/run.mjs (bot/main, bot/cli/ask…).
  const ENTRIES = [...new Set(Object.values(pkg.scripts).flatMap((s) => [...s.matchAll(/scripts\/run\.mjs\s+(\S+)/g)].map((m) => m[1])))].sort();
  rmSync(DIST, { recursive: true, force: true });
  let result;
  try {
    // esbuild's asynchronous API: its synchronous one takes no plugins.
    result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: ENTRIES.map((e) => ({ in: `${e}.ts`, out: e })),
      outdir: DIST,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external: [...Object.keys(pkg.dependencies).filter((d) => !BUNDLED.includes(d)).flatMap((d) => [d, `${d}/*`]), 'pg-native', 'pg-cloudflare'],
      // Bundled CommonJS calls require() for Node's own modules: an ES module has none of its own.
      banner: { js: "import { createRequire as __bundledRequire } from 'node:module'; const require = __bundledRequire(import.meta.url);" },
      // Prisma's runtime as its ES module (the package's `node` condition names the CommonJS file, which
      // Node's ESM loader had to scan for its exports: ~90 ms of a start), bundled by the plugin.
      plugins: [lazyParameterizationGraph(quiet)],
      chunkNames: 'chunks/[name]-[hash]',
      sourcemap: true,
      metafile: true,
      logLevel: quiet ? 'error' : 'warning',
    });
  } catch {
    return false; // esbuild printed the errors
  }
  // An entry's top-level code must stay in its own file: a module that another one imports is
  // moved into a shared chunk, where `import.meta.url` is no longer the file node was asked to run.
  const entries = new Set(ENTRIES.map((e) => `${e}.ts`));
  const misplaced = Object.values(result.metafile.outputs).filter((o) => entries.has(o.entryPoint) && !o.inputs[o.entryPoint]).map((o) => o.entryPoint);
  if (misplaced.length) {
    process.stderr.write(`build: ${misplaced.join(', ')} imported by another module; import what they share from a module that is not an entry\n`);
    return false;
  }
  for (const a of ASSETS) cpSync(join(ROOT, a), join(DIST, a), { recursive: true, force: true });
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exit((await build()) ? 0 : 1);
}
