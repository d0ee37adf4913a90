import { useEffect, useRef, useState } from 'preact/hooks';
import { LANGUAGE_INFO } from '../../core/i18n/languages';
import { useT } from '../../web/i18n-context';
import { useKiosk } from '../state/context';
import { LanguagePicker } from './LanguagePicker';

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

/** The usual sign of languages: a globe. */
function GlobeIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="28" height="28" class="icon">
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2" />
      <path fill="none" stroke="currentColor" stroke-width="2" d="M3 12h18M12 3c2.5 2.5 3.8 5.5 3.8 9s-1.3 6.5-3.8 9c-2.5-2.5-3.8-5.5-3.8-9S9.5 5.5 12 3Z" />
    </svg>
  );
}
