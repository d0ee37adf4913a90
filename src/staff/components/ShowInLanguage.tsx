import { LANGUAGES, type Language } from '../../core/i18n/languages';
import { useT, useTIn } from '../../web/i18n-context';
import { useConsoleLanguage } from '../state/console-language';

/**
 * On a call in another language: turns the console to the usager's language, so the médiateur
 * can show them a message on their own screen, then back to the médiateur's with one tap.
 */
export function ShowInLanguage(props: { lang: Language }) {
  const t = useT('staff');
  const consoleLanguage = useConsoleLanguage();
  const current = consoleLanguage.current.value;
  const before = consoleLanguage.before.value;
  // Written in the médiateur's own language: the console around it is in the usager's.
  const tBefore = useTIn(before ?? current, 'staff');
  if (before && current === props.lang) {
    return (
      <button type="button" class="button" lang={before} dir={LANGUAGES[before].dir} onClick={() => consoleLanguage.back()}>
        {tBefore('calls.showIn.back', { language: LANGUAGES[before].nativeName })}
      </button>
    );
  }
  if (current === props.lang) return null;
  return (
    <button type="button" class="button" onClick={() => consoleLanguage.showIn(props.lang)}>
      {t('calls.showIn.switch')}{' '}
      <span lang={props.lang} dir={LANGUAGES[props.lang].dir}>
        {LANGUAGES[props.lang].nativeName}
      </span>
    </button>
  );
}
