/**
 * User-facing text from locales/<lang>/<feature>.ftl (Fluent). Vietnamese is
 * the default; English second. `t` works anywhere (console, tests, adapters).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import { assetDir } from '../prisma/asset-dir.ts';

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALES_DIR = assetDir('locales', import.meta.url);

export type Args = Record<string, string | number | null | undefined>;

export interface Translator {
  t(key: string, args?: Args, locale?: Locale): string;
  has(key: string, locale?: Locale): boolean;
  keys(locale: Locale): string[];
}

/** Each locale's files are read and parsed when the locale is first used (English only for those who chose it). */
export function loadLocales(dir = LOCALES_DIR): Translator {
  const loaded = new Map<Locale, { bundle: FluentBundle; ids: string[] }>();
  const load = (locale: Locale) => {
    const known = loaded.get(locale);
    if (known) return known;
    const bundle = new FluentBundle(locale, { useIsolating: false });
    const ids: string[] = [];
    for (const file of readdirSync(join(dir, locale)).filter((f) => f.endsWith('.ftl')).sort()) {
      const resource = new FluentResource(readFileSync(join(dir, locale, file), 'utf8'));
      const errors = bundle.addResource(resource);
      if (errors.length) throw new Error(`locales/${locale}/${file}: ${errors.map((e) => e.message).join('; ')}`);
      ids.push(...resource.body.map((m) => m.id));
    }
    const done = { bundle, ids };
    loaded.set(locale, done);
    return done;
  };
  const bundles = { get: (locale: Locale) => (LOCALES.includes(locale) ? load(locale).bundle : undefined) };
  const keys = { get: (locale: Locale) => (LOCALES.includes(locale) ? load(locale).ids : undefined) };
  return {
    t(key, args, locale = 'vi') {
      const bundle = bundles.get(locale) ?? bundles.get('vi')!;
      const msg = bundle.getMessage(key) ?? bundles.get('vi')!.getMessage(key);
      if (!msg?.value) return key;
      const clean: Record<string, FluentVariable> = {};
      for (const [k, v] of Object.entries(args ?? {})) clean[k] = v ?? '';
      return bundle.formatPattern(msg.value, clean);
    },
    has(key, locale = 'vi') {
      return Boolean(bundles.get(locale)?.hasMessage(key));
    },
    keys(locale) {
      return keys.get(locale) ?? [];
    },
  };
}

let shared: Translator | undefined;
/** The process-wide translator (locales are read once). */
export function i18n(): Translator {
  return (shared ??= loadLocales());
}
