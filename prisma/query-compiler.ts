/**
 * Prisma's query compiler (WebAssembly, built from the schema) made when a
 * statement first needs it, not when the client connects.
 *
 * Prisma loads it on connecting, before the first statement of any kind, but
 * raw statements ($queryRawUnsafe, $executeRawUnsafe: the questions, the
 * people, the reference data, the migrations' checks) are planned without it.
 * Loading it — a 2.3 MB module of base64, its compilation, and the compiler
 * built from the schema inside the WebAssembly — was the largest single cost
 * of `npm run ask` (only raw statements) and of `npm start` to the console's
 * first prompt. Deferred, it is made by the first model query (findMany,
 * create…), or by warmQueryCompiler once a long-running process is ready.
 *
 * How: the client's engine takes the compiler from its `compilerWasm`
 * setting when it connects (the runtime module's QueryCompiler class, after
 * instantiating the WebAssembly module with that runtime as its import). The
 * setting given here hands it a stand-in class and a WebAssembly module of
 * one empty function; the stand-in makes the real compiler, from the same
 * files the generated client names, synchronously on its first compile.
 * test/db/query-compiler.test.ts checks that raw statements leave it unmade,
 * that model queries make it, and that the files are those of the generated client.
 */
import { createRequire } from 'node:module';

/**
 * The generated client's files (schema.prisma: `compilerBuild = "small"`, provider postgresql),
 * as CommonJS: the stand-in must load them synchronously, inside the engine's compile call.
 */
export const COMPILER_FILES = {
  runtime: '@prisma/client/runtime/query_compiler_small_bg.postgresql.js',
  wasm: '@prisma/client/runtime/query_compiler_small_bg.postgresql.wasm-base64.js',
} as const;

/** What the generated client's `compilerWasm` setting holds (prisma/generated/internal/class.ts). */
interface CompilerWasm {
  getRuntime(): Promise<unknown>;
  getQueryCompilerWasmModule(): Promise<WebAssembly.Module>;
  importName: string;
}

interface Compiler {
  compile(request: string): unknown;
  compileBatch(request: string): unknown;
  free(): void;
}

interface Runtime {
  QueryCompiler: new (params: unknown) => Compiler;
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
}

let runtime: Runtime | undefined;

/** The compiler's runtime with its WebAssembly instantiated, once per process (what Prisma's loader does). */
function loadRuntime(importName: string): Runtime {
  if (runtime) return runtime;
  const require = createRequire(import.meta.url);
  const rt = require(COMPILER_FILES.runtime) as Runtime;
  const { wasm } = require(COMPILER_FILES.wasm) as { wasm: string };
  const instance = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(wasm, 'base64')), { [importName]: rt as unknown as WebAssembly.ModuleImports });
  rt.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return (runtime = rt);
}

/** Stand-ins whose compiler is not made yet (warmQueryCompiler makes them). */
const unmade = new Set<DeferredCompiler>();

class DeferredCompiler implements Compiler {
  #real: Compiler | undefined;

  constructor(
    private readonly params: unknown,
    private readonly importName: string,
  ) {
    unmade.add(this);
  }

  /** The real compiler, made on first use (inside the engine's compile call, which turns a panic into Prisma's error). */
  real(): Compiler {
    if (!this.#real) {
      this.#real = new (loadRuntime(this.importName).QueryCompiler)(this.params);
      unmade.delete(this);
    }
    return this.#real;
  }

  compile(request: string): unknown {
    return this.real().compile(request);
  }

  compileBatch(request: string): unknown {
    return this.real().compileBatch(request);
  }

  free(): void {
    unmade.delete(this);
    this.#real?.free();
    this.#real = undefined;
  }
}

/** A module of one exported empty function `__wbindgen_start` (the engine instantiates the module it is given and calls it). */
const EMPTY_START = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
  0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // types: () -> ()
  0x03, 0x02, 0x01, 0x00, // functions: one, of type 0
  0x07, 0x14, 0x01, 0x10, ...new TextEncoder().encode('__wbindgen_start'), 0x00, 0x00, // exports: it, function 0
  0x0a, 0x04, 0x01, 0x02, 0x00, 0x0b, // code: an empty body
]);

/**
 * Makes `client` build its query compiler on its first model query. A client whose internals
 * are not as expected (another Prisma version) is left as it is: slower to start, never wrong.
 */
export function deferQueryCompiler(client: object): void {
  const config = (client as { _engineConfig?: { compilerWasm?: CompilerWasm } })._engineConfig;
  const original = config?.compilerWasm;
  if (!config || !original || typeof original.importName !== 'string') return;
  const importName = original.importName;
  const standIn = {
    QueryCompiler: class extends DeferredCompiler {
      constructor(params: unknown) {
        super(params, importName);
      }
    },
    __wbg_set_wasm: () => undefined,
  };
  config.compilerWasm = {
    getRuntime: async () => standIn,
    getQueryCompilerWasmModule: async () => new WebAssembly.Module(EMPTY_START),
    importName,
  };
}

/** Makes the compilers not made yet: a long-running process calls it once ready, so that its first message does not wait for one. */
export function warmQueryCompiler(): void {
  for (const c of [...unmade]) c.real();
}

/** Whether any client's compiler is still unmade (tests). */
export function compilerPending(): boolean {
  return unmade.size > 0;
}
