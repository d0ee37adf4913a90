import i18next, { type i18n, type Resource } from 'i18next';
import { SOURCE_LANGUAGE, isLanguage, type Language } from '../core/i18n/languages';

/** Every language's extension texts, found by folder: a new language needs no change here. */
const files = import.meta.glob<Record<string, unknown>>('../../locales/*/extension.json', { eager: true, import: 'default' });
const resources: Resource = Object.fromEntries(
  Object.entries(files).flatMap(([path, texts]) => {
    const lang = /locales\/([^/]+)\/extension\.json$/.exec(path)?.[1];
    return isLanguage(lang) ? [[lang, { extension: texts }]] : [];
  }),
);

/**
 * The extension's texts, bundled: a content script cannot fetch them from the official site it
 * runs on, and they are small. French is the fallback, as in the kiosk.
 */
export async function extensionI18n(language: Language): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    resources,
    lng: language,
    fallbackLng: SOURCE_LANGUAGE,
    ns: ['extension'],
    defaultNS: 'extension',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
