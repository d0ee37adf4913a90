import { existsSync, readFileSync } from 'node:fs';
import { createInstance, type TFunction } from 'i18next';
import { SUPPORTED_LANGUAGES, intlLocale, type Language } from '../../core/i18n/languages';

/**
 * The server writes confirmations (SMS, e-mail, calendar event) in the usager's language, from
 * the same locale files as the kiosk, so a wording is changed in one place.
 */
const resources = Object.fromEntries(
  SUPPORTED_LANGUAGES.flatMap((lang) => {
    const file = new URL(`../../../locales/${lang}/kiosk.json`, import.meta.url);
    // A language with no kiosk texts yet falls back to French, as on the kiosk.
    return existsSync(file) ? [[lang, { kiosk: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> }]] : [];
  }),
);

const i18n = createInstance();
void i18n.init({ resources, lng: 'fr', fallbackLng: 'fr', ns: ['kiosk'], defaultNS: 'kiosk', interpolation: { escapeValue: false }, initAsync: false });

const fixed = new Map<Language, TFunction>();

export function messagesIn(lang: Language): TFunction {
  let t = fixed.get(lang);
  if (!t) {
    t = i18n.getFixedT(lang, 'kiosk');
    fixed.set(lang, t);
  }
  return t;
}

const plain = new Map<string, string>();

/** A text without interpolation, looked up once per language (every booking asks the same few). */
export function textIn(lang: Language, key: string): string {
  const cacheKey = `${lang}\u0000${key}`;
  let text = plain.get(cacheKey);
  if (text === undefined) {
    text = messagesIn(lang)(key);
    plain.set(cacheKey, text);
  }
  return text;
}

/** "{{what}} avec {{name}}": the template, filled with plain replacement (values never hold braces that matter). */
export function fill(lang: Language, key: string, values: Record<string, string>): string {
  return textIn(lang, key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
}

/** "mercredi 25 novembre 2026 à 09:30", in the pôle's time zone, in the usager's language. */
export function formatWhen(utcMs: number, lang: Language): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { timeZone: 'Europe/Paris', dateStyle: 'full', timeStyle: 'short' }).format(new Date(utcMs));
}
