import { SUPPORTED_LANGUAGES, type Language } from './languages';

/**
 * A text that comes from data (a room, a place) rather than from the locale files: French
 * always, other languages when someone wrote them. Rendered with pickLocalized(), so a missing
 * translation shows the French one instead of nothing.
 */
export type LocalizedText = Partial<Record<Language, string>> & { fr: string };

/**
 * Rebuilds a text from its storage form: the French text in one column and the other languages
 * as a JSON object in another (null when nobody translated it). A malformed JSON keeps French.
 */
export function localizedFromColumns(fr: string, translations: string | null): LocalizedText {
  const out: LocalizedText = { fr };
  if (!translations) return out;
  let parsed: unknown;
  try {
    parsed = JSON.parse(translations);
  } catch {
    return out;
  }
  if (!parsed || typeof parsed !== 'object') return out;
  for (const lang of SUPPORTED_LANGUAGES) {
    const value = (parsed as Record<string, unknown>)[lang];
    if (lang !== 'fr' && typeof value === 'string' && value.trim() !== '') out[lang] = value;
  }
  return out;
}

/** The other column of localizedFromColumns(): the translations without French, or null. */
export function translationsColumn(text: LocalizedText): string | null {
  const others = Object.fromEntries(Object.entries(text).filter(([lang, value]) => lang !== 'fr' && value));
  return Object.keys(others).length ? JSON.stringify(others) : null;
}
