/**
 * The container files, checked without a container engine (this machine has
 * none): compose.yaml's services, healthchecks and volume; the Dockerfile's
 * stages (non-root, production dependencies only); and the build stage's
 * commands run here, outside a container, on a copy of only what the
 * Dockerfile copies, producing JavaScript that runs.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');

interface Stage {
  name: string;
  from: string;
  lines: string[];
}
function stages(dockerfile: string): Stage[] {
  const out: Stage[] = [];
  const args = Object.fromEntries([...dockerfile.matchAll(/^ARG (\w+)=(\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
  for (const raw of dockerfile.replace(/\\\n\s*/g, ' ').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const from = /^FROM (\S+) AS (\w+)$/i.exec(line);
    if (from) out.push({ name: from[2]!, from: from[1]!.replace(/\$\{(\w+)\}/g, (_, k: string) => args[k] ?? ''), lines: [] });
    else out.at(-1)?.lines.push(line);
  }
  return out;
}

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml'), { merge: true }) as {
    services: Record<string, { image?: string; build?: string; command?: string[]; deploy?: { replicas?: number }; healthcheck?: { test: string[] }; depends_on?: Record<string, { condition: string }>; volumes?: string[]; environment?: Record<string, string> }>;
    volumes: Record<string, unknown>;
  };

  it('PostgreSQL, the bot in 2 replicas and a worker, each with a healthcheck; the app waits for a healthy database', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['bot', 'postgres', 'worker']);
    expect(compose.services.bot!.deploy?.replicas).toBe(2);
    for (const [name, s] of Object.entries(compose.services)) expect(s.healthcheck?.test.length, name).toBeGreaterThan(0);
    for (const name of ['bot', 'worker']) {
      const s = compose.services[name]!;
      expect(s.depends_on?.postgres?.condition).toBe('service_healthy');
      expect(s.environment?.DATABASE_URL).toMatch(/^postgresql:\/\/nq57:\$\{POSTGRES_PASSWORD\}@postgres:5432\/nq57$/);
      expect(s.healthcheck!.test.join(' ')).toContain('/readyz');
    }
  });

  it('the database lives in a named volume', () => {
    expect(Object.keys(compose.volumes)).toEqual(['pgdata']);
    expect(compose.services.postgres!.volumes).toEqual(['pgdata:/var/lib/postgresql/data']);
  });

  it('the bot and worker commands are files the build produces', () => {
    expect(compose.services.bot!.command).toEqual(['node', 'dist/bot/main.js']);
    expect(compose.services.worker!.command).toEqual(['node', 'dist/bot/cli/worker.js', '--no-scheduler']);
  });
});

describe('Dockerfile', () => {
  const all = stages(read('Dockerfile'));
  const runtime = all.at(-1)!;

  it('multi-stage on a supported Node LTS; the runtime stage runs as a non-root user with production dependencies only', () => {
    expect(all.map((s) => s.name)).toEqual(['build', 'deps', 'runtime']);
    for (const s of all) expect(Number(/^node:(\d+)/.exec(s.from)?.[1])).toBeGreaterThanOrEqual(22);
    expect(runtime.lines).toContain('USER node');
    expect(runtime.lines.some((l) => /^RUN npm (ci|install)/.test(l))).toBe(false);
    expect(runtime.lines).toContain('COPY --from=deps /app/node_modules ./node_modules');
    expect(all.find((s) => s.name === 'deps')!.lines.join('\n')).toMatch(/npm ci --omit=dev/);
    expect(runtime.lines.find((l) => l.startsWith('HEALTHCHECK'))).toContain('/healthz');
    expect(runtime.lines.at(-1)).toBe('CMD ["node", "dist/bot/main.js"]');
    // Voice messages are converted by the ffmpeg binary (bot/voice/ffmpeg.ts).
    expect(runtime.lines.some((l) => /^RUN apt-get update && apt-get install .*\bffmpeg\b/.test(l))).toBe(true);
  });

  /**
   * The build stage's commands, run here in a folder holding only what the
   * stage's COPY lines bring from the build context (minus .dockerignore and
   * what a fresh checkout lacks, e.g. the generated Prisma client): a file the
   * build needs but the Dockerfile forgets to copy fails here. node_modules is
   * linked in place of `npm ci`. The runtime stage is assembled the same way
   * (its dist/ from that build) and its commands start.
   */
  describe("the build stage's commands, run here", () => {
    const build = all.find((s) => s.name === 'build')!;
    const commands = build.lines.filter((l) => l.startsWith('RUN ') && !/npm ci/.test(l)).map((l) => l.slice(4));
    const ignored = read('.dockerignore').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    const notInCheckout = ['prisma/generated'];
    let ctx = '';
    let app = '';
    /** COPY <src…> <dest> lines without --from, copied from the repository into `dir`. */
    const copyFromContext = (stage: Stage, dir: string) => {
      for (const l of stage.lines.filter((x) => x.startsWith('COPY ') && !x.includes('--from='))) {
        const parts = l.split(/\s+/).slice(1);
        const dest = parts.pop()!;
        for (const src of parts) {
          const to = dest.endsWith('/') ? join(dir, dest, src.split('/').pop()!) : join(dir, dest);
          cpSync(join(ROOT, src), to, {
            recursive: true,
            filter: (from) => {
              const rel = relative(ROOT, from);
              return !ignored.some((i) => rel === i || rel.startsWith(`${i}/`) || rel.split('/').includes(i)) && !notInCheckout.some((n) => rel === n || rel.startsWith(`${n}/`));
            },
          });
        }
      }
    };
    beforeAll(() => {
      expect(commands).toEqual(['node scripts/prisma-generate.mjs && npm run build']);
      const tmp = mkdtempSync(join(tmpdir(), 'nq57-image-'));
      ctx = join(tmp, 'build');
      app = join(tmp, 'runtime');
      mkdirSync(ctx);
      copyFromContext(build, ctx);
      expect(existsSync(join(ctx, 'prisma/generated'))).toBe(false);
      symlinkSync(join(ROOT, 'node_modules'), join(ctx, 'node_modules'), 'dir');
      for (const c of commands) {
        const r = spawnSync('sh', ['-c', c], { cwd: ctx, encoding: 'utf8', env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' } });
        expect(r.status, `${c}\n${r.stdout}\n${r.stderr}`).toBe(0);
      }
      // The runtime stage: node_modules from deps, dist/ from build, package.json from the context.
      mkdirSync(app);
      for (const l of runtime.lines.filter((x) => x.startsWith('COPY '))) {
        if (l === 'COPY --from=deps /app/node_modules ./node_modules') symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'), 'dir');
        else if (l === 'COPY --from=build /app/dist ./dist') cpSync(join(ctx, 'dist'), join(app, 'dist'), { recursive: true });
        else if (!l.includes('--from=')) copyFromContext({ ...runtime, lines: [l] }, app);
        else throw new Error(`unexpected COPY in the runtime stage: ${l}`);
      }
    }, 600_000);
    afterAll(() => {
      if (ctx) rmSync(dirname(ctx), { recursive: true, force: true });
    });

    it('produce compiled JavaScript that runs, with its locales, migrations and sample data beside it', () => {
      for (const f of ['dist/bot/main.js', 'dist/bot/cli/worker.js', 'dist/locales/vi/startup.ftl', 'dist/prisma/seed/don-vi.csv']) expect(existsSync(join(app, f)), f).toBe(true);
      const migrations = readdirSync(join(ROOT, 'prisma/migrations')).filter((d) => statSync(join(ROOT, 'prisma/migrations', d)).isDirectory());
      expect(readdirSync(join(app, 'dist/prisma/migrations')).filter((d) => statSync(join(app, 'dist/prisma/migrations', d)).isDirectory())).toEqual(migrations);
      const help = spawnSync(process.execPath, ['dist/bot/cli/worker.js', '--help'], { cwd: app, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
      expect(help.status).toBe(0);
      expect(help.stdout).toContain('Cách dùng: npm run worker');
      // The image's CMD loads every module of the bot: a wrong setting stops it with the Vietnamese message, exit 2.
      const main = spawnSync(process.execPath, ['dist/bot/main.js'], { cwd: app, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', DUE_SOON_DAYS: 'nhiều' } });
      expect(main.status, main.stderr).toBe(2);
      expect(main.stderr).toContain('DUE_SOON_DAYS');
      expect(main.stderr).toContain('Cấu hình không hợp lệ');
    });

    it('import only production dependencies (the runtime stage has no dev dependencies)', () => {
      const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string> };
      const bare = new Set<string>();
      const walk = (dir: string) => {
        for (const e of readdirSync(dir, { withFileTypes: true })) {
          const p = join(dir, e.name);
          if (e.isDirectory()) walk(p);
          else if (p.endsWith('.js')) for (const m of readFileSync(p, 'utf8').matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)['"]([@\w][\w@/.-]*)['"]/gm)) bare.add(m[1]!);
        }
      };
      walk(join(app, 'dist'));
      const packages = [...bare].filter((s) => !s.startsWith('node:')).map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
      const missing = [...new Set(packages)].filter((p) => !pkg.dependencies[p]);
      expect(missing).toEqual([]);
    });
  });
});
