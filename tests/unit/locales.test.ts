import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completionOf, SURFACES, type LocaleTree, type Surface } from '../../src/core/i18n/completion';
import { LANGUAGES, SOURCE_LANGUAGE, SUPPORTED_LANGUAGES } from '../../src/core/i18n/languages';

/**
 * Every language of the table has the kiosk's texts complete (the usager has nobody to ask), the
 * console's at least partly, each text in the plural forms its language needs, with the French
 * placeholders, nothing empty, keys sorted so diffs stay readable, and a meta.json that says who
 * made the texts and whether a fluent person reviewed them.
 */
const ROOT = 'locales';
const PLURAL = /_(zero|one|two|few|many|other)$/;
const namespaces = readdirSync(join(ROOT, SOURCE_LANGUAGE))
  .filter((f) => f.endsWith('.json') && f !== 'meta.json')
  .map((f) => f.replace(/\.json$/, ''));
const others = SUPPORTED_LANGUAGES.filter((l) => l !== SOURCE_LANGUAGE);

const path = (lang: string, ns: string) => join(ROOT, lang, `${ns}.json`);
const read = (lang: string, ns: string): LocaleTree | undefined => (existsSync(path(lang, ns)) ? (JSON.parse(readFileSync(path(lang, ns), 'utf8')) as LocaleTree) : undefined);
const readAll = (lang: string) => Object.fromEntries(namespaces.flatMap((ns) => (read(lang, ns) ? [[ns, read(lang, ns)!]] : [])));

function flatten(tree: LocaleTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

function unsorted(tree: LocaleTree, prefix = ''): string[] {
  const keys = Object.keys(tree);
  const bad = keys.join() === [...keys].sort().join() ? [] : [prefix || '(top level)'];
  return [...bad, ...keys.flatMap((k) => (typeof tree[k] === 'object' ? unsorted(tree[k] as LocaleTree, prefix ? `${prefix}.${k}` : k) : []))];
}

const baseKeys = (m: Map<string, string>) => new Set([...m.keys()].map((k) => k.replace(PLURAL, '')));
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).filter((p) => p !== 'count').sort();
const kioskNamespaces: readonly string[] = [...SURFACES.kiosk, ...SURFACES.calls];

describe('the translation of each language', () => {
  it('is reported, surface by surface (the kiosk and the calls complete everywhere, the rest of the console as far as it goes)', () => {
    const source = readAll(SOURCE_LANGUAGE);
    const report = Object.fromEntries(
      SUPPORTED_LANGUAGES.map((lang) => {
        const own = readAll(lang);
        const figure = (surface: Surface) => {
          const c = completionOf(surface, source, own);
          return `${(c.ratio * 100).toFixed(1)} % (${c.status})`;
        };
        return [lang, { kiosk: figure('kiosk'), calls: figure('calls'), console: figure('console'), reviewed: LANGUAGES[lang].reviewed }];
      }),
    );
    // The figures a reviewer or a pôle asks for, printed with the test run.
    console.info(`translation completion:\n${JSON.stringify(report, null, 2)}`);
    for (const lang of SUPPORTED_LANGUAGES) {
      expect(completionOf('kiosk', source, readAll(lang)).status, `${lang}: the kiosk's texts must be complete`).toBe('complete');
      expect(completionOf('calls', source, readAll(lang)).status, `${lang}: the console's calls must be complete`).toBe('complete');
    }
  });

  it.each(SUPPORTED_LANGUAGES)('%s has a meta.json that says who made it and agrees with the language table', (lang) => {
    const file = join(ROOT, lang, 'meta.json');
    expect(existsSync(file), `create ${file}`).toBe(true);
    const meta = JSON.parse(readFileSync(file, 'utf8')) as { language?: unknown; producedBy?: unknown; reviewed?: unknown; reviewedBy?: unknown };
    expect(meta.language).toBe(lang);
    expect(typeof meta.producedBy === 'string' && meta.producedBy.length > 10, 'say who produced the texts').toBe(true);
    expect(meta.reviewed, `locales/${lang}/meta.json and LANGUAGES.${lang}.reviewed must agree`).toBe(LANGUAGES[lang].reviewed);
    // A review is claimed only with the name of whoever did it.
    if (meta.reviewed === true) expect(typeof meta.reviewedBy === 'string' && meta.reviewedBy.length > 0).toBe(true);
    else expect(meta.reviewedBy).toBeNull();
  });
});

describe.each(others)('locale %s', (lang) => {
  it.each(namespaces)('%s.json has only French keys, sorted, and all of them on the kiosk', (ns) => {
    const tree = read(lang, ns);
    if (!tree) {
      expect(kioskNamespaces.includes(ns), `${path(lang, ns)} is missing: the kiosk or the calls need it`).toBe(false);
      return;
    }
    const fr = flatten(read(SOURCE_LANGUAGE, ns)!);
    const own = flatten(tree);
    const extra = [...baseKeys(own)].filter((k) => !baseKeys(fr).has(k));
    // Guide texts are checked by guides-content.test.ts (and counted in the completion above).
    const missing = kioskNamespaces.includes(ns) && ns !== 'guides' ? [...baseKeys(fr)].filter((k) => !baseKeys(own).has(k)) : [];
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    expect(unsorted(tree), `sort the keys of ${path(lang, ns)}`).toEqual([]);
  });

  it.each(namespaces)('%s.json has every plural form its language needs, the French placeholders and no empty text', (ns) => {
    const tree = read(lang, ns);
    if (!tree) return;
    const fr = flatten(read(SOURCE_LANGUAGE, ns)!);
    const own = flatten(tree);
    const forms = new Intl.PluralRules(LANGUAGES[lang].intlLocale).resolvedOptions().pluralCategories;
    const pluralBases = new Set([...fr.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
    // A plural text translated at all is translated in every form (a partial console has whole texts).
    const present = [...pluralBases].filter((base) => [...own.keys()].some((k) => k.replace(PLURAL, '') === base));
    const missingForms = present.flatMap((base) => forms.filter((f) => !own.has(`${base}_${f}`)).map((f) => `${base}_${f}`));
    expect(missingForms).toEqual([]);
    const strayForms = [...own.keys()].filter((k) => PLURAL.test(k) && !forms.includes(k.match(PLURAL)![1] as Intl.LDMLPluralRule));
    expect(strayForms, `forms ${lang} does not have`).toEqual([]);
    for (const [key, value] of own) {
      expect(value.trim(), `${lang}/${ns}: ${key} is empty`).not.toBe('');
      const source = fr.get(key) ?? fr.get(key.replace(PLURAL, '_other')) ?? '';
      expect(placeholders(value), `${lang}/${ns}: ${key} placeholders`).toEqual(placeholders(source));
    }
  });
});

describe('plural rules', () => {
  // What each language needs, from CLDR: Arabic six forms, Russian and Ukrainian three (plus
  // "other" for fractions), the others two. A table entry with the wrong Intl locale shows here.
  const expected: Record<string, string[]> = {
    fr: ['many', 'one', 'other'],
    en: ['one', 'other'],
    ar: ['few', 'many', 'one', 'other', 'two', 'zero'],
    uk: ['few', 'many', 'one', 'other'],
    ru: ['few', 'many', 'one', 'other'],
    fa: ['one', 'other'],
    ps: ['one', 'other'],
    ti: ['one', 'other'],
  };
  it.each(SUPPORTED_LANGUAGES)('%s picks its forms through Intl with the table locale', (lang) => {
    expect([...new Intl.PluralRules(LANGUAGES[lang].intlLocale).resolvedOptions().pluralCategories].sort()).toEqual(expected[lang]);
  });
});
