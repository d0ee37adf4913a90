import i18next, { type i18n } from 'i18next';
import ar from '../../locales/ar/extension.json';
import en from '../../locales/en/extension.json';
import fr from '../../locales/fr/extension.json';
import { SOURCE_LANGUAGE, type Language } from '../core/i18n/languages';

/**
 * The extension's texts, bundled: a content script cannot fetch them from the official site it
 * runs on, and they are small. French is the fallback, as in the kiosk.
 */
export async function extensionI18n(language: Language): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { fr: { extension: fr }, en: { extension: en }, ar: { extension: ar } },
    lng: language,
    fallbackLng: SOURCE_LANGUAGE,
    ns: ['extension'],
    defaultNS: 'extension',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
