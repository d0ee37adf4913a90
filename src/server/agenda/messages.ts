import { readFileSync } from 'node:fs';
import { createInstance, type TFunction } from 'i18next';
import { SUPPORTED_LANGUAGES, type Language } from '../../core/i18n/languages';

/**
 * The server writes confirmations (SMS, e-mail, calendar event) in the usager's language, from
 * the same locale files as the kiosk, so a wording is changed in one place.
 */
const resources = Object.fromEntries(
  SUPPORTED_LANGUAGES.map((lang) => [lang, { kiosk: JSON.parse(readFileSync(new URL(`../../../locales/${lang}/kiosk.json`, import.meta.url), 'utf8')) as Record<string, unknown> }]),
);

const i18n = createInstance();
void i18n.init({ resources, lng: 'fr', fallbackLng: 'fr', ns: ['kiosk'], defaultNS: 'kiosk', interpolation: { escapeValue: false }, initAsync: false });

export function messagesIn(lang: Language): TFunction {
  return i18n.getFixedT(lang, 'kiosk');
}

/** "mercredi 25 novembre 2026 à 09:30", in the pôle's time zone, in the usager's language. */
export function formatWhen(utcMs: number, lang: Language): string {
  return new Intl.DateTimeFormat(lang === 'ar' ? 'ar-u-nu-latn' : lang, { timeZone: 'Europe/Paris', dateStyle: 'full', timeStyle: 'short' }).format(new Date(utcMs));
}
