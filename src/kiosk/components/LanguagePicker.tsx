import { LANGUAGE_INFO, type Language } from '../../core/i18n/languages';
import { useKiosk } from '../state/context';

/** Each language is written in itself, so a person who cannot read French still finds theirs. */
export function LanguagePicker(props: { variant: 'large' | 'compact'; labelledBy?: string }) {
  const kiosk = useKiosk();
  const languages: readonly Language[] = kiosk.site.value?.site.languages ?? ['fr'];
  if (languages.length < 2) return null;
  return (
    <ul class={`languages languages--${props.variant}`} aria-labelledby={props.labelledBy}>
      {languages.map((lang) => (
        <li key={lang}>
          <button
            type="button"
            lang={lang}
            dir={LANGUAGE_INFO[lang].dir}
            aria-pressed={kiosk.language.value === lang}
            class="language-button"
            onClick={() => void kiosk.chooseLanguage(lang)}
          >
            {LANGUAGE_INFO[lang].nativeName}
          </button>
        </li>
      ))}
    </ul>
  );
}
