import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * English names the référent with one word everywhere (kiosk, console, guides, extension):
 * "caseworker". A usager told "your social worker" on one screen and "your caseworker" on the
 * next thinks of two people. ("social worker" stays the métier of an assistant social.)
 */
const WORD = /caseworker/i;
const OTHER_WORDS = /\breferents?\b|\bcase[\s-]workers?\b|\bkey[\s-]?workers?\b/i;

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : flatten(v, `${prefix}${k}.`)));
}
const read = (lang: string, file: string) => new Map(flatten(JSON.parse(readFileSync(join('locales', lang, file), 'utf8')) as Tree));

// meta.json says who made the texts; it holds none.
describe.each(readdirSync(join('locales', 'en')).filter((f) => f !== 'meta.json'))('locales/en/%s', (file) => {
  const fr = read('fr', file);
  const en = read('en', file);

  it('says "caseworker" wherever French says « référent »', () => {
    const wrong = [...fr].filter(([key, text]) => /référent/i.test(text) && en.has(key) && !WORD.test(en.get(key)!)).map(([key]) => `${key}: ${en.get(key)}`);
    expect(wrong).toEqual([]);
  });

  it('uses no other word for the référent', () => {
    expect([...en].filter(([, text]) => OTHER_WORDS.test(text)).map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });
});

describe('locales/ar/kiosk.json', () => {
  // The usager's screens name the référent one way in Arabic too: « المسؤول عن ملفك ».
  it('says « المسؤول عن ملف… » wherever French says « référent »', () => {
    const fr = read('fr', 'kiosk.json');
    const ar = read('ar', 'kiosk.json');
    const wrong = [...fr].filter(([key, text]) => /référent/i.test(text) && !/مسؤول عن ملف/.test(ar.get(key) ?? '')).map(([key]) => `${key}: ${ar.get(key)}`);
    expect(wrong).toEqual([]);
  });
});
