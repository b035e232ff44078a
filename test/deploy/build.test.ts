/**
 * scripts/build.mjs bundles Prisma's runtime with its parameterization graph
 * decoded on first use (lazyGraphDecoder): checked against the installed
 * runtime, so that a Prisma upgrade whose code no longer matches is seen here
 * (the build would still work, only slower to start), and against the
 * generated client's own graph, decoded the original way and the lazy way.
 */
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '../../prisma/generated/client.ts';
// @ts-expect-error a JavaScript build script without types
import { lazyGraphDecoder } from '../../scripts/build.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const decoder = lazyGraphDecoder as (code: string) => { code: string; found: number };
const runtimePath = createRequire(import.meta.url).resolve('@prisma/client/runtime/client.mjs');

interface Graph {
  strings: string[];
  inputNodes: unknown[];
  outputNodes: unknown[];
  roots: Record<string, unknown>;
}

describe("the build's lazy parameterization graph", () => {
  const tmp = mkdtempSync(join(tmpdir(), 'nq57-build-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("finds the decoder once in the installed Prisma runtime", () => {
    expect(decoder(readFileSync(runtimePath, 'utf8')).found).toBe(1);
  });

  it('decodes only when the nodes are first read, once', () => {
    const source = `let made = 0;
      class G { constructor(s) { this.s = s; made++; } deserialize() { return { strings: this.s.strings, inputNodes: [{ edges: { 0: 1 } }], outputNodes: [], roots: { findMany: {} } }; } }
      function D(s){return new G(s).deserialize()}
      return { D, made: () => made };`;
    const { code, found } = decoder(source);
    expect(found).toBe(1);
    const { D, made } = new Function(code)() as { D: (s: { strings: string[] }) => Graph; made: () => number };
    const strings = ['where'];
    const graph = D({ strings });
    expect(made()).toBe(0);
    expect(graph.strings).toBe(strings);
    expect(made()).toBe(0);
    expect(graph.inputNodes).toEqual([{ edges: { 0: 1 } }]);
    expect(graph.roots).toEqual({ findMany: {} });
    expect(graph.outputNodes).toEqual([]);
    expect(made()).toBe(1);
  });

  it("gives the generated client's graph as Prisma's own decoder does", async () => {
    // Both versions of the runtime, with their decoder exported, beside node_modules (they import packages).
    symlinkSync(join(ROOT, 'node_modules'), join(tmp, 'node_modules'), 'dir');
    const original = readFileSync(runtimePath, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '');
    const name = /function ([\w$]+)\(([\w$]+)\)\{return new [\w$]+\(\2\)\.deserialize\(\)\}/.exec(original)![1]!;
    writeFileSync(join(tmp, 'original.mjs'), `${original}\nexport { ${name} as decodeGraph };\n`);
    writeFileSync(join(tmp, 'lazy.mjs'), `${decoder(original).code}\nexport { ${name} as decodeGraph };\n`);
    const load = async (f: string) => ((await import(pathToFileURL(join(tmp, f)).href)) as { decodeGraph: (schema: unknown) => Graph }).decodeGraph;

    const pool = new pg.Pool({ connectionString: 'postgresql://nobody@127.0.0.1:1/none' });
    const client = new PrismaClient({ adapter: new PrismaPg(pool) });
    const schema = (client as unknown as { _engineConfig: { parameterizationSchema: unknown } })._engineConfig.parameterizationSchema;
    const eager = (await load('original.mjs'))(schema);
    const lazy = (await load('lazy.mjs'))(schema);
    expect(eager.inputNodes.length).toBeGreaterThan(100);
    expect({ strings: lazy.strings, inputNodes: lazy.inputNodes, outputNodes: lazy.outputNodes, roots: lazy.roots }).toEqual(eager);
    await pool.end();
  });
});
