import { LANGUAGE_INFO, SUPPORTED_LANGUAGES } from '../../../core/i18n/languages';
import { useT } from '../../../web/i18n-context';

/** The console's language buttons, for the setup screen (it has no header: nobody is signed in). */
export function LanguageChoice(props: { language: string; onLanguage: (lang: string) => void }) {
  const t = useT('accounts');
  return (
    <div class="langs accounts__langs" role="group" aria-label={t('setup.language')}>
      {SUPPORTED_LANGUAGES.map((lang) => (
        <button key={lang} type="button" class="chip" lang={lang} aria-pressed={props.language === lang} onClick={() => props.onLanguage(lang)}>
          {LANGUAGE_INFO[lang].nativeName}
        </button>
      ))}
    </div>
  );
}
