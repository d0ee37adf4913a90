import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every language has every key of French (the source), in the plural forms it needs, with the
 * same placeholders, no empty value, and keys sorted so diffs stay readable.
 */
const ROOT = 'locales';
const PLURAL = /_(zero|one|two|few|many|other)$/;
const languages = readdirSync(ROOT).filter((d) => d !== 'fr');
// Guide texts may fall back to French, visibly: guides.test.ts checks them instead.
const namespaces = readdirSync(join(ROOT, 'fr'))
  .map((f) => f.replace(/\.json$/, ''))
  .filter((ns) => ns !== 'guides');

type Tree = { [key: string]: string | Tree };
const read = (lang: string, ns: string): Tree => JSON.parse(readFileSync(join(ROOT, lang, `${ns}.json`), 'utf8')) as Tree;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

function unsorted(tree: Tree, prefix = ''): string[] {
  const keys = Object.keys(tree);
  const bad = keys.join() === [...keys].sort().join() ? [] : [prefix || '(top level)'];
  return [...bad, ...keys.flatMap((k) => (typeof tree[k] === 'object' ? unsorted(tree[k] as Tree, prefix ? `${prefix}.${k}` : k) : []))];
}

const baseKeys = (m: Map<string, string>) => new Set([...m.keys()].map((k) => k.replace(PLURAL, '')));
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).filter((p) => p !== 'count').sort();

describe.each(['fr', ...languages])('locale %s', (lang) => {
  it.each(namespaces)('%s.json has every French key, nothing else, and sorted keys', (ns) => {
    const fr = flatten(read('fr', ns));
    const tree = read(lang, ns);
    const own = flatten(tree);
    const missing = [...baseKeys(fr)].filter((k) => !baseKeys(own).has(k));
    const extra = [...baseKeys(own)].filter((k) => !baseKeys(fr).has(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    expect(unsorted(tree), `sort the keys of locales/${lang}/${ns}.json`).toEqual([]);
  });

  it.each(namespaces)('%s.json has every plural form, the French placeholders and no empty text', (ns) => {
    const fr = flatten(read('fr', ns));
    const own = flatten(read(lang, ns));
    const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const pluralBases = new Set([...fr.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
    const missingForms = [...pluralBases].flatMap((base) => forms.filter((f) => !own.has(`${base}_${f}`)).map((f) => `${base}_${f}`));
    expect(missingForms).toEqual([]);
    for (const [key, value] of own) {
      expect(value.trim(), `${lang}/${ns}: ${key} is empty`).not.toBe('');
      const source = fr.get(key) ?? fr.get(key.replace(PLURAL, '_other')) ?? '';
      expect(placeholders(value), `${lang}/${ns}: ${key} placeholders`).toEqual(placeholders(source));
    }
  });
});
