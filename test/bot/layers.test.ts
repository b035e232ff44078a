import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'generated') return [];
    return statSync(join(root, path)).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function imports(file: string): string[] {
  const src = readFileSync(join(root, file), 'utf8');
  return [...src.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm), ...src.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
}

function resolveTarget(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  return relative(root, join(root, file, '..', spec));
}

describe('layer rules (CONVENTIONS.md)', () => {
  it('domain/ imports only domain/, zod, date-fns and small pure libraries', () => {
    const allowed = ['zod', 'date-fns', '@date-fns/tz', 'fastest-levenshtein'];
    const bad = files('domain').flatMap((f) =>
      imports(f)
        .map((s) => ({ s, target: resolveTarget(f, s) }))
        .filter(({ s, target }) => (s.startsWith('.') ? !target.startsWith('domain/') : !allowed.some((a) => s === a || s.startsWith(`${a}/`))))
        .map(({ s }) => `${f} → ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('channel folders do not import each other or prisma/', () => {
    const channels = ['bot/telegram', 'bot/zalo', 'bot/console'];
    const bad: string[] = [];
    for (const ch of channels) {
      let list: string[] = [];
      try {
        list = files(ch);
      } catch {
        continue;
      }
      for (const f of list) {
        for (const s of imports(f)) {
          const target = resolveTarget(f, s);
          if (target.startsWith('prisma/') || channels.some((other) => other !== ch && target.startsWith(`${other}/`))) bad.push(`${f} → ${s}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('nothing but bot/ and tests log through console.*', () => {
    const offenders = [...files('domain'), ...files('prisma'), ...files('bot').filter((f) => !f.startsWith('bot/console/') && !f.startsWith('bot/cli/'))].filter((f) =>
      /console\.(log|error|warn|info)\(/.test(readFileSync(join(root, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
