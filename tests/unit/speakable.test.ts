import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Guide } from '../../src/core/guides/guide';
import { parseSpeakableKey, placeholdersOf, speakableText, stepVolume, type TextLookup } from '../../src/core/i18n/speakable';
import { allSpeakables } from '../../src/core/i18n/kiosk-speakables';
import { loadLocaleTexts } from '../../src/server/speech/locale-texts';

const TEXTS: Record<string, Record<string, string>> = {
  fr: { 'home.title': 'Bonjour', 'help.claimed': '{{name}} arrive pour vous aider.', 'guide.duration_one': 'Environ {{count}} minute', 'guide.duration_other': 'Environ {{count}} minutes', 'guide.step': 'Étape {{n}} sur {{total}}', 'only.french': 'Seulement en français', 'dossier.lastChange': 'Dernier changement : {{date}}' },
  en: { 'home.title': 'Hello', 'guide.duration_one': 'About one minute', 'guide.duration_other': 'About {{count}} minutes' },
};
const lookup: TextLookup = (lang, ns, key) => (ns === 'kiosk' ? TEXTS[lang]?.[key] : undefined);

describe('what « Écouter » may read', () => {
  it('takes text keys of the kiosk namespaces only', () => {
    expect(parseSpeakableKey('home.title')).toEqual({ ns: 'kiosk', key: 'home.title' });
    expect(parseSpeakableKey('guides:caf-rsa.steps.demande')).toEqual({ ns: 'guides', key: 'caf-rsa.steps.demande' });
    for (const bad of ['staff:title', '../etc/passwd', 'home title', 'Bonjour, je suis Marie Dupont', '', 'a'.repeat(300), 'home..title']) expect(parseSpeakableKey(bad)).toBeNull();
  });

  it('reads a key in the language, or the French text standing in for it', () => {
    expect(speakableText(lookup, 'en', { key: 'home.title' })).toEqual({ ok: true, text: 'Hello', lang: 'en', standIn: false });
    expect(speakableText(lookup, 'en', { key: 'only.french' })).toEqual({ ok: true, text: 'Seulement en français', lang: 'fr', standIn: true });
    expect(speakableText(lookup, 'fr', { key: 'no.such.key' })).toMatchObject({ ok: false, reason: 'unknown_key' });
  });

  it('refuses any text with a placeholder that could hold personal data, whatever value is given', () => {
    expect(placeholdersOf('{{name}} arrive, {{ count }}')).toEqual(['name', 'count']);
    expect(speakableText(lookup, 'fr', { key: 'help.claimed' })).toMatchObject({ ok: false, reason: 'personal_placeholder' });
    expect(speakableText(lookup, 'fr', { key: 'dossier.lastChange' })).toMatchObject({ ok: false, reason: 'personal_placeholder' });
    // A value for a placeholder not declared non-personal is refused before any lookup.
    expect(speakableText(lookup, 'fr', { key: 'help.claimed', values: { name: 'Sophie' } as never })).toMatchObject({ ok: false, reason: 'personal_placeholder' });
  });

  it('fills the declared non-personal placeholders with small whole numbers only, in the language\'s plural', () => {
    expect(speakableText(lookup, 'fr', { key: 'guide.duration', values: { count: 1 } })).toMatchObject({ ok: true, text: 'Environ 1 minute' });
    expect(speakableText(lookup, 'en', { key: 'guide.duration', values: { count: 1 } })).toMatchObject({ ok: true, text: 'About one minute' });
    expect(speakableText(lookup, 'en', { key: 'guide.duration', values: { count: 12 } })).toMatchObject({ ok: true, text: 'About 12 minutes' });
    expect(speakableText(lookup, 'fr', { key: 'guide.step', values: { n: 2, total: 5 } })).toMatchObject({ ok: true, text: 'Étape 2 sur 5' });
    expect(speakableText(lookup, 'fr', { key: 'guide.step', values: { n: 2 } })).toMatchObject({ ok: false, reason: 'missing_value' });
    // A dossier number or a phone number is not a count.
    for (const n of [10000001, 612345678, -1, 1.5]) expect(speakableText(lookup, 'fr', { key: 'guide.step', values: { n, total: 5 } })).toMatchObject({ ok: false, reason: 'bad_value' });
  });

  it('every text a kiosk screen declares exists in French and may be read aloud', () => {
    const guides = readdirSync('kiosk-config/guides')
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join('kiosk-config/guides', f), 'utf8')) as Guide);
    const texts = loadLocaleTexts('locales');
    const items = allSpeakables(guides);
    expect(items.length).toBeGreaterThan(100);
    for (const item of items) expect({ item, result: speakableText(texts, 'fr', item) }).toMatchObject({ item, result: { ok: true, lang: 'fr' } });
  });

  it('steps the volume between 0.2 and 1', () => {
    expect(stepVolume(0.8, 1)).toBe(1);
    expect(stepVolume(1, 1)).toBe(1);
    expect(stepVolume(0.8, -1)).toBe(0.6);
    expect(stepVolume(0.2, -1)).toBe(0.2);
  });
});
