/**
 * The one table of the languages Borne can show. The kiosk, the console, the extension and the
 * server derive everything they do per language from it (loaders, direction, `Intl` formats,
 * the on-screen keyboard, the voice): no module names a language, none special-cases one.
 *
 * French is the source language; every other falls back to it, visibly.
 */
export const SUPPORTED_LANGUAGES = ['fr', 'en', 'ar', 'uk', 'fa', 'ps', 'ru', 'ti'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const SOURCE_LANGUAGE: Language = 'fr';

/** The letters the on-screen keyboard offers first; Latin is always one tap away. */
export type KeyboardLayout = 'latin' | 'arabic' | 'persian' | 'pashto' | 'russian' | 'ukrainian';

export interface LanguageInfo {
  readonly code: Language;
  /** The language named in itself, so a person who cannot read French finds theirs. */
  readonly nativeName: string;
  /** Its name in French, for the staff who configure a pôle. */
  readonly frenchName: string;
  readonly dir: 'ltr' | 'rtl';
  /** Its writing system: the font the screens use for it (web/fonts.css). */
  readonly script: 'latin' | 'cyrillic' | 'arabic' | 'ethiopic';
  /** The locale given to `Intl` (dates, numbers, plural rules). */
  readonly intlLocale: string;
  /** The tag whose name `Intl.DisplayNames` gives for this language (fa-AF: « dari », not « persan »). */
  readonly nameTag: string;
  readonly keyboard: KeyboardLayout;
  /**
   * How « Écouter » speaks it when no recording exists: the browser's voice for `speechLang`
   * when the kiosk has one, otherwise the server's espeak-ng voice `espeakVoice` when the
   * installed espeak-ng has it (checked at start), otherwise nothing: the kiosk says so.
   */
  readonly voice: { readonly speechLang: string; readonly espeakVoice: string | null };
  /**
   * Whether a person fluent in the language reviewed its texts. The locale folder's meta.json
   * says the same and who produced them (a test keeps the two equal). Never set true for text
   * nobody fluent has read.
   */
  readonly reviewed: boolean;
}

export const LANGUAGES: Readonly<Record<Language, LanguageInfo>> = {
  fr: { code: 'fr', nativeName: 'Français', frenchName: 'français', dir: 'ltr', script: 'latin', intlLocale: 'fr-FR', nameTag: 'fr', keyboard: 'latin', voice: { speechLang: 'fr', espeakVoice: 'fr' }, reviewed: true },
  en: { code: 'en', nativeName: 'English', frenchName: 'anglais', dir: 'ltr', script: 'latin', intlLocale: 'en-GB', nameTag: 'en', keyboard: 'latin', voice: { speechLang: 'en', espeakVoice: 'en-gb' }, reviewed: false },
  // Western digits: those of the keypad, of the dossier numbers and of Maghreb usage.
  ar: { code: 'ar', nativeName: 'العربية', frenchName: 'arabe', dir: 'rtl', script: 'arabic', intlLocale: 'ar-u-nu-latn', nameTag: 'ar', keyboard: 'arabic', voice: { speechLang: 'ar', espeakVoice: 'ar' }, reviewed: false },
  uk: { code: 'uk', nativeName: 'Українська', frenchName: 'ukrainien', dir: 'ltr', script: 'cyrillic', intlLocale: 'uk-UA', nameTag: 'uk', keyboard: 'ukrainian', voice: { speechLang: 'uk', espeakVoice: 'uk' }, reviewed: false },
  // Dari, the Persian of Afghanistan, where most Persian speakers at these kiosks come from. The
  // Gregorian calendar: an appointment in France is on the date of the convocation letters, not
  // on the Solar Hijri date that fa-AF and ps-AF default to.
  fa: { code: 'fa', nativeName: 'دری', frenchName: 'dari (persan)', dir: 'rtl', script: 'arabic', intlLocale: 'fa-AF-u-ca-gregory', nameTag: 'fa-AF', keyboard: 'persian', voice: { speechLang: 'fa', espeakVoice: 'fa' }, reviewed: false },
  ps: { code: 'ps', nativeName: 'پښتو', frenchName: 'pachto', dir: 'rtl', script: 'arabic', intlLocale: 'ps-AF-u-ca-gregory', nameTag: 'ps', keyboard: 'pashto', voice: { speechLang: 'ps', espeakVoice: 'ps' }, reviewed: false },
  ru: { code: 'ru', nativeName: 'Русский', frenchName: 'russe', dir: 'ltr', script: 'cyrillic', intlLocale: 'ru-RU', nameTag: 'ru', keyboard: 'russian', voice: { speechLang: 'ru', espeakVoice: 'ru' }, reviewed: false },
  // No synthetic voice exists for Tigrinya: recordings only.
  ti: { code: 'ti', nativeName: 'ትግርኛ', frenchName: 'tigrigna', dir: 'ltr', script: 'ethiopic', intlLocale: 'ti-ER', nameTag: 'ti', keyboard: 'latin', voice: { speechLang: 'ti', espeakVoice: null }, reviewed: false },
};

/** The language's name in the language of a screen (« ukrainien » on a French console), from `Intl`. */
export function languageName(code: Language, inLanguage: string): string {
  return new Intl.DisplayNames([localeFor(inLanguage)], { type: 'language' }).of(LANGUAGES[code].nameTag) ?? LANGUAGES[code].nativeName;
}

/** Writing direction and the language's own name (kept for the modules that only need those). */
export const LANGUAGE_INFO = LANGUAGES;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/** The `Intl` locale of a language: its dates, numbers and plural rules. */
export function intlLocale(lang: Language): string {
  return LANGUAGES[lang].intlLocale;
}

/** The `Intl` locale for a language code as screens hold it (i18next's language); any other tag as is. */
export function localeFor(lang: string): string {
  return isLanguage(lang) ? LANGUAGES[lang].intlLocale : lang;
}

/** Picks the text for a language from a per-language map, falling back to French. */
export function pickLocalized(texts: Partial<Record<Language, string>> & { fr: string }, lang: Language): { text: string; lang: Language } {
  const own = texts[lang];
  if (own !== undefined && own.trim() !== '') return { text: own, lang };
  return { text: texts.fr, lang: SOURCE_LANGUAGE };
}
