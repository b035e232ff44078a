/**
 * User-facing text from locales/<lang>/<feature>.ftl (Fluent). Vietnamese is
 * the default; English second. `t` works anywhere (console, tests, adapters).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import type { Expression, NamedArgument, Pattern } from '@fluent/bundle/esm/ast.js';
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

/** What a pattern refers to: messages by their id, terms by theirs ("-office"), so that their files are parsed first. */
function referencesOf(pattern: Pattern | null | undefined, into: Set<string>): void {
  if (!pattern || typeof pattern === 'string') return;
  const visit = (e: Expression | NamedArgument): void => {
    if (e.type === 'mesg') into.add(e.name);
    else if (e.type === 'term') {
      into.add(`-${e.name}`);
      e.args.forEach(visit);
    } else if (e.type === 'func') e.args.forEach(visit);
    else if (e.type === 'select') {
      visit(e.selector);
      for (const v of e.variants) referencesOf(v.value, into);
    }
  };
  for (const el of pattern) if (typeof el !== 'string') visit(el);
}

/** An entry's id at the start of a line ("key =", "-term ="): Fluent's continuation lines are indented, comments start with #. */
const ENTRY_ID = /^(-?[a-zA-Z][a-zA-Z0-9_-]*)[ \t]*=/gm;

interface LocaleFiles {
  bundle: FluentBundle;
  /** Each entry id's file, from a scan of the texts (no parse). */
  fileOf: Map<string, string>;
  /** Files not parsed yet, with their text. */
  unparsed: Map<string, string>;
  /** Every file, sorted (the order of `keys`). */
  files: string[];
  /** The entry ids of each parsed file, in its order. */
  ids: Map<string, string[]>;
}

/**
 * Each locale's files are read when the locale is first used (English only for those who chose it),
 * and a file is parsed when one of its entries is first needed, with the files of the entries it
 * refers to: a one-question process parses the few files its answer uses, not all of them
 * (Fluent's parse of every Vietnamese file was ~10 ms of `npm run ask`).
 */
export function loadLocales(dir = LOCALES_DIR): Translator {
  const loaded = new Map<Locale, LocaleFiles>();
  const open = (locale: Locale): LocaleFiles => {
    const known = loaded.get(locale);
    if (known) return known;
    const files = readdirSync(join(dir, locale)).filter((f) => f.endsWith('.ftl')).sort();
    const fileOf = new Map<string, string>();
    const unparsed = new Map<string, string>();
    for (const file of files) {
      const text = readFileSync(join(dir, locale, file), 'utf8');
      unparsed.set(file, text);
      for (const m of text.matchAll(ENTRY_ID)) if (!fileOf.has(m[1]!)) fileOf.set(m[1]!, file);
    }
    const done = { bundle: new FluentBundle(locale, { useIsolating: false }), fileOf, unparsed, files, ids: new Map<string, string[]>() };
    loaded.set(locale, done);
    return done;
  };
  const parse = (locale: Locale, l: LocaleFiles, file: string): void => {
    const text = l.unparsed.get(file);
    if (text === undefined) return;
    l.unparsed.delete(file);
    const resource = new FluentResource(text);
    const errors = l.bundle.addResource(resource);
    if (errors.length) throw new Error(`locales/${locale}/${file}: ${errors.map((e) => e.message).join('; ')}`);
    l.ids.set(file, resource.body.map((m) => m.id));
    const refs = new Set<string>();
    for (const entry of resource.body) {
      referencesOf(entry.value, refs);
      for (const attr of Object.values(entry.attributes)) referencesOf(attr, refs);
    }
    for (const id of refs) {
      const other = l.fileOf.get(id);
      if (other) parse(locale, l, other);
    }
  };
  /** The locale's bundle with the file of `key` parsed (undefined for a locale not in LOCALES). */
  const bundleFor = (locale: Locale, key: string): FluentBundle | undefined => {
    if (!LOCALES.includes(locale)) return undefined;
    const l = open(locale);
    const file = l.fileOf.get(key);
    if (file) parse(locale, l, file);
    return l.bundle;
  };
  /** Every entry id of the locale, file by file (every file parsed). */
  const idsOf = (locale: Locale): string[] | undefined => {
    if (!LOCALES.includes(locale)) return undefined;
    const l = open(locale);
    for (const file of l.files) parse(locale, l, file);
    return l.files.flatMap((file) => l.ids.get(file) ?? []);
  };
  const bundles = { get: bundleFor };
  const keys = { get: idsOf };
  return {
    t(key, args, locale = 'vi') {
      const bundle = bundles.get(locale, key) ?? bundles.get('vi', key)!;
      const msg = bundle.getMessage(key) ?? bundles.get('vi', key)!.getMessage(key);
      if (!msg?.value) return key;
      const clean: Record<string, FluentVariable> = {};
      for (const [k, v] of Object.entries(args ?? {})) clean[k] = v ?? '';
      return bundle.formatPattern(msg.value, clean);
    },
    has(key, locale = 'vi') {
      return Boolean(bundles.get(locale, key)?.hasMessage(key));
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
