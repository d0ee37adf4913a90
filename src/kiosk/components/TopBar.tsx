import { useT } from '../../web/i18n-context';
import { useKiosk } from '../state/context';
import { DisplayControls } from './DisplayControls';
import { CloseIcon } from './icons';
import { LanguageMenu } from './LanguageMenu';

export function TopBar() {
  const t = useT();
  const kiosk = useKiosk();
  return (
    <header class="topbar">
      <div class="topbar__site">
        <img src="/kiosk/icon.svg" alt="" width="40" height="40" />
        {kiosk.site.value ? <span lang="fr">{kiosk.site.value.site.name}</span> : <span>{t('app.title')}</span>}
      </div>
      <nav class="topbar__actions" aria-label={t('home.languageTitle')}>
        {/* One button with the language in use, which opens the list: eight names side by side
            took two lines of the top bar at 1280 pixels, more with enlarged text. The home screen
            lists them all, large. */}
        <LanguageMenu />
      </nav>
      <DisplayControls />
      {kiosk.inSession.value && (
        <button type="button" class="end-button" onClick={() => void kiosk.endSession()}>
          <CloseIcon /> {t('end.button')}
        </button>
      )}
    </header>
  );
}
