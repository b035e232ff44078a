import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES_DIR, loadLocales } from '../../bot/i18n.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'generated' || name === 'node_modules') return [];
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('locales', () => {
  const tr = loadLocales();

  it('Vietnamese and English have the same keys, in the same files', () => {
    const files = (l: string) => readdirSync(join(LOCALES_DIR, l)).sort();
    expect(files('en')).toEqual(files('vi'));
    expect([...tr.keys('en')].sort()).toEqual([...tr.keys('vi')].sort());
  });

  it('a translator that parses files as their keys are asked for formats every message as one that parsed them all', () => {
    // The files are parsed on demand (bot/i18n.ts): each message, asked first of a fresh translator, must find
    // its own file and the files of the messages and terms it refers to.
    // Every variable any message uses, so that formatting fails only on a message or term not found.
    const args: Record<string, number> = {};
    for (const l of ['vi', 'en']) for (const f of readdirSync(join(LOCALES_DIR, l))) for (const m of readFileSync(join(LOCALES_DIR, l, f), 'utf8').matchAll(/\$([a-zA-Z][\w-]*)/g)) args[m[1]!] = 3;
    for (const l of ['vi', 'en'] as const) {
      for (const key of tr.keys(l).filter((k) => !k.startsWith('-'))) {
        const fresh = loadLocales();
        expect(fresh.has(key, l), `${l}: ${key}`).toBe(true);
        expect(loadLocales().t(key, args, l), `${l}: ${key}`).toBe(tr.t(key, args, l));
      }
    }
  });

  it('a message parsed on demand finds the messages and terms of other files it refers to', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nq57-locales-'));
    try {
      mkdirSync(join(dir, 'vi'));
      writeFileSync(join(dir, 'vi', 'a.ftl'), 'hello = { -brand }: { greeting }\n    { $n ->\n        [one] { one-thing }\n       *[other] { $n } thứ\n    }\n');
      writeFileSync(join(dir, 'vi', 'b.ftl'), '-brand = NQ57\ngreeting = xin chào\n');
      writeFileSync(join(dir, 'vi', 'c.ftl'), 'one-thing = một thứ\n');
      expect(loadLocales(dir).t('hello', { n: 2 })).toBe('NQ57: xin chào\n2 thứ');
      expect(loadLocales(dir).keys('vi')).toEqual(['hello', '-brand', 'greeting', 'one-thing']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('no message tells a chat user to run a command-line tool', () => {
    for (const l of ['vi', 'en']) {
      // import.ftl and startup.ftl speak to the operator at the command line (imports, start-up faults, the worker's usage), not in a chat.
      for (const file of readdirSync(join(LOCALES_DIR, l)).filter((f) => f !== 'import.ftl' && f !== 'startup.ftl')) {
        const messages = readFileSync(join(LOCALES_DIR, l, file), 'utf8').split('\n').filter((line) => !line.startsWith('#'));
        expect(messages.filter((line) => /\bnpm\b|\bnpx\b|--\w/.test(line)), `${l}/${file}`).toEqual([]);
      }
    }
  });

  it('every key used in the code exists', () => {
    const root = join(LOCALES_DIR, '..');
    const used = new Set<string>();
    for (const file of [...sourceFiles(join(root, 'bot')), ...sourceFiles(join(root, 'domain'))]) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/\b(?:t|say|tr\.t|app\.tr\.t|this\.tr\.t|textKey)\(\s*'([a-z][a-z0-9-]+)'/g)) used.add(m[1]!);
      for (const m of src.matchAll(/\bkey:\s*'([a-z][a-z0-9-]+)'/g)) used.add(m[1]!);
      for (const m of src.matchAll(/\bchoice\(\s*'[^']*',\s*'([a-z][a-z0-9-_A-Z]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(30);
    const missing = [...used].filter((k) => !tr.has(k, 'vi'));
    expect(missing).toEqual([]);
  });

  it('has a message for every code that is turned into a key at run time', () => {
    const dynamic = [
      ...['unknown-code', 'expired-code', 'used-code', 'unknown-phone', 'not-own-contact', 'inactive'].map((r) => `link-failed-${r}`),
      ...['PERCENT_OVER_100', 'PERCENT_NEGATIVE', 'PERCENT_NOT_A_NUMBER', 'DONE_BUT_PERCENT_BELOW_100', 'NOT_STARTED_BUT_PERCENT'].map((c) => `quick-problem-${c}`),
      ...['not-a-workbook', 'empty-file', 'no-header', 'missing-column', 'no-rows', 'bad-number', 'missing-number', 'missing-title', 'duplicate-number', 'percent-not-number', 'percent-over-100', 'bad-done-mark', 'done-and-percent', 'unknown-unit', 'no-unit', 'no-plan', 'bad-role', 'bad-phone', 'missing-name', 'duplicate-person', 'bad-unit-kind', 'unknown-parent'].map((c) => `import-problem-${c}`),
    ];
    expect(dynamic.filter((k) => !tr.has(k, 'vi') || !tr.has(k, 'en'))).toEqual([]);
  });

  it('formats Vietnamese numbers and selectors', () => {
    expect(tr.t('import-summary-updates', { count: 1234 })).toBe('Cập nhật tiến độ mới: 1.234.');
    expect(tr.t('choices-hint', { count: 3 })).toBe('Trả lời 1, 2 hoặc 3.');
    expect(tr.t('choices-hint', { count: 3 }, 'en')).toBe('Reply 1, 2 or 3.');
  });
});
