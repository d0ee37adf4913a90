import { signal, type ReadonlySignal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { isLanguage, SOURCE_LANGUAGE, type Language } from '../../core/i18n/languages';

/**
 * The console's own language, and the one it had before a médiateur switched it to a usager's
 * language to show them a message: one tap brings it back.
 */
export interface ConsoleLanguage {
  current: ReadonlySignal<Language>;
  /** Set while the console shows a usager's language; null otherwise. */
  before: ReadonlySignal<Language | null>;
  choose(lang: Language): void;
  /** Shows the console in the usager's language, remembering the médiateur's. */
  showIn(lang: Language): void;
  back(): void;
}

export function createConsoleLanguage(initial: string, apply: (lang: Language) => Promise<Language>): ConsoleLanguage {
  const current = signal<Language>(isLanguage(initial) ? initial : SOURCE_LANGUAGE);
  const before = signal<Language | null>(null);
  const set = (lang: Language) => void apply(lang).then((l) => (current.value = l));
  return {
    current,
    before,
    choose(lang) {
      before.value = null;
      set(lang);
    },
    showIn(lang) {
      if (lang === current.value) return;
      before.value ??= current.value;
      set(lang);
    },
    back() {
      const lang = before.value;
      before.value = null;
      if (lang) set(lang);
    },
  };
}

export const ConsoleLanguageContext = createContext<ConsoleLanguage | null>(null);

export function useConsoleLanguage(): ConsoleLanguage {
  const value = useContext(ConsoleLanguageContext);
  if (!value) throw new Error('useConsoleLanguage() needs a ConsoleLanguageContext provider');
  return value;
}
