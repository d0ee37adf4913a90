import { NORMAL_TEXT_SIZE } from '../../core/help/accessibility';
import { useT } from '../../web/i18n-context';
import { useKiosk } from '../state/context';
import { DisplayControls } from './DisplayControls';
import { CloseIcon } from './icons';
import { LanguageMenu } from './LanguageMenu';
import { LanguagePicker } from './LanguagePicker';

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
        {/* Enlarged text: the languages fold into one button, or they would fill the screen. */}
        {kiosk.display.textSize.value > NORMAL_TEXT_SIZE ? <LanguageMenu /> : <LanguagePicker variant="compact" />}
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
