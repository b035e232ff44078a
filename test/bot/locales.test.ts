import { readdirSync, readFileSync, statSync } from 'node:fs';
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
