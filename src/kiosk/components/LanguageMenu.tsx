import { useEffect, useRef, useState } from 'preact/hooks';
import { LANGUAGE_INFO } from '../../core/i18n/languages';
import { useT } from '../../web/i18n-context';
import { useKiosk } from '../state/context';
import { LanguagePicker } from './LanguagePicker';
import { GlobeIcon } from './icons';

/**
 * The top bar's languages folded into one button with the current language, which opens the list
 * under it. Eight languages side by side take rows of the bar, half the screen at 150 % and
 * 200 %; folded, the screen keeps its room and every language stays two presses away.
 */
export function LanguageMenu() {
  const t = useT();
  const kiosk = useKiosk();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const lang = kiosk.language.value;
  const languages = kiosk.site.value?.site.languages ?? [];
  // A language chosen: the list has done its work.
  useEffect(() => setOpen(false), [lang]);
  if (languages.length < 2) return null;
  return (
    <div
      class={`language-menu${open ? ' language-menu--open' : ''}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false);
          toggle.current?.focus();
        }
      }}
    >
      <button ref={toggle} type="button" class="language-button language-menu__toggle" aria-expanded={open} aria-controls="topbar-languages" onClick={() => setOpen(!open)}>
        <GlobeIcon />
        <span class="visually-hidden">{t('home.languageTitle')}</span>
        <span lang={lang} dir={LANGUAGE_INFO[lang].dir}>
          {LANGUAGE_INFO[lang].nativeName}
        </span>
      </button>
      <div id="topbar-languages" class="language-menu__list" hidden={!open}>
        {open && <LanguagePicker variant="compact" />}
      </div>
    </div>
  );
}
