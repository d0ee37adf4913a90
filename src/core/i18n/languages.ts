/** Languages Borne can show. French is the source language; every other falls back to it. */
export const SUPPORTED_LANGUAGES = ['fr', 'en', 'ar'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const SOURCE_LANGUAGE: Language = 'fr';

/** Writing direction and the language's own name: a person who cannot read French must find theirs. */
export const LANGUAGE_INFO: Readonly<Record<Language, { readonly dir: 'ltr' | 'rtl'; readonly nativeName: string }>> = {
  fr: { dir: 'ltr', nativeName: 'Français' },
  en: { dir: 'ltr', nativeName: 'English' },
  ar: { dir: 'rtl', nativeName: 'العربية' },
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/** Picks the text for a language from a per-language map, falling back to French. */
export function pickLocalized(texts: Partial<Record<Language, string>> & { fr: string }, lang: Language): { text: string; lang: Language } {
  const own = texts[lang];
  if (own !== undefined && own.trim() !== '') return { text: own, lang };
  return { text: texts.fr, lang: SOURCE_LANGUAGE };
}
