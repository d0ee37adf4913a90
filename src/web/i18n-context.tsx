import type { ReadonlySignal } from '@preact/signals';
import type { i18n, TFunction } from 'i18next';
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { languageName, type Language } from '../core/i18n/languages';
import { guideText, type GuideText } from './guides';
import type { Namespace } from './i18n';

interface I18nValue {
  i18n: i18n;
  /** Changes with the language, so every component using useT() re-renders on a switch. */
  language: ReadonlySignal<string>;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider(props: { i18n: i18n; language: ReadonlySignal<string>; children: ComponentChildren }) {
  return <I18nContext.Provider value={{ i18n: props.i18n, language: props.language }}>{props.children}</I18nContext.Provider>;
}

/** The translation function for a namespace; subscribes the component to language changes. */
export function useT<NS extends Namespace = 'kiosk'>(ns?: NS): TFunction<NS> {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT() needs an <I18nProvider> above it');
  void value.language.value;
  return value.i18n.getFixedT(null, ns ?? 'kiosk') as TFunction<NS>;
}

/** The translation function of one given language (loaded already), whatever the screen's. */
export function useTIn<NS extends Namespace>(lang: string, ns: NS): TFunction<NS> {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useTIn() needs an <I18nProvider> above it');
  void value.language.value;
  return value.i18n.getFixedT(lang, ns) as TFunction<NS>;
}

/** Names a language in the screen's language (« ukrainien » on a French console), and follows it. */
export function useLanguageName(): (code: Language) => string {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useLanguageName() needs an <I18nProvider> above it');
  const current = value.language.value;
  return (code) => languageName(code, current);
}

/**
 * A guide's text in the current language, or French marked as a stand-in (see guides.ts).
 * Subscribes the component to language changes like useT().
 */
export function useGuideText(): (guideId: string, path: string, lang?: string) => GuideText | null {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useGuideText() needs an <I18nProvider> above it');
  const current = value.language.value;
  return (guideId, path, lang) => guideText(value.i18n, lang ?? current, guideId, path);
}
