import { describe, expect, it } from 'vitest';
import { createI18n, type LocaleLoaders } from '../../src/web/i18n';

/**
 * A language shipped partial shows the French text of what it lacks, marked « en français » in
 * its own words, never silently as if translated; what it has stays its own.
 */
const files: Record<string, Record<string, unknown>> = {
  '/locales/fr/common.json': { inFrench: 'en français' },
  '/locales/fr/staff.json': { title: 'Appels', calls: { waiting_one: '{{count}} appel en attente', waiting_other: '{{count}} appels en attente', claim: 'Je m’en occupe' } },
  '/locales/ru/common.json': { inFrench: 'по-французски' },
  '/locales/ru/staff.json': { title: 'Вызовы' },
};
const loaders: LocaleLoaders = Object.fromEntries(Object.entries(files).map(([path, texts]) => [path, () => Promise.resolve({ default: texts })]));

describe('a partial language', () => {
  it('keeps its own texts and marks the French ones it lacks, in every plural form it needs', async () => {
    const i18n = await createI18n({ loaders, namespaces: ['common', 'staff'], defaultNS: 'staff', language: 'ru' });
    // The keys of this fixture, not the app's typed ones.
    const t = i18n.t as unknown as (key: string, options?: Record<string, unknown>) => string;
    expect(t('title')).toBe('Вызовы');
    expect(t('calls.claim')).toBe('\u2068Je m’en occupe\u2069 (по-французски)');
    // Russian needs one, few, many: 3 and 5 take the French plural, marked.
    expect(t('calls.waiting', { count: 1 })).toBe('\u20681 appel en attente\u2069 (по-французски)');
    expect(t('calls.waiting', { count: 3 })).toBe('\u20683 appels en attente\u2069 (по-французски)');
    expect(t('calls.waiting', { count: 5 })).toBe('\u20685 appels en attente\u2069 (по-французски)');
  });

  it('leaves French itself unmarked', async () => {
    const i18n = await createI18n({ loaders, namespaces: ['common', 'staff'], defaultNS: 'staff', language: 'fr' });
    const t = i18n.t as unknown as (key: string) => string;
    expect(t('calls.claim')).toBe('Je m’en occupe');
  });
});
