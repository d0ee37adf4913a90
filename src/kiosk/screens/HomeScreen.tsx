import { useT } from '../../web/i18n-context';
import { PersonIcon } from '../components/icons';
import { LanguagePicker } from '../components/LanguagePicker';
import { useKiosk } from '../state/context';

export function HomeScreen() {
  const t = useT();
  const kiosk = useKiosk();
  return (
    <section class="screen home" aria-labelledby="home-title">
      {kiosk.farewell.value && (
        <p class="notice" role="status">
          {t('end.done')}
        </p>
      )}
      <div class="home__welcome">
        <span class="home__picto">
          <PersonIcon />
        </span>
        <h1 id="home-title" tabIndex={-1}>{t('home.title')}</h1>
        <p class="lead">{t('home.intro')}</p>
      </div>
      <nav class="home__actions" aria-label={t('home.title')}>
        <button type="button" class="tile" onClick={() => kiosk.go(kiosk.identity.dossier.value ? 'dossier' : 'identify')}>
          <span class="tile__title">{t('home.actions.dossier')}</span>
          <span class="tile__hint">{t('home.actions.dossierHint')}</span>
        </button>
        <button type="button" class="tile" onClick={() => kiosk.openGuides()}>
          <span class="tile__title">{t('home.actions.guides')}</span>
          <span class="tile__hint">{t('home.actions.guidesHint')}</span>
        </button>
        <button type="button" class="tile" onClick={() => kiosk.startBooking()}>
          <span class="tile__title">{t('home.actions.book')}</span>
          <span class="tile__hint">{t('home.actions.bookHint')}</span>
        </button>
      </nav>
      <div class="home__languages">
        <h2 id="languages-title">{t('home.languageTitle')}</h2>
        <LanguagePicker variant="large" labelledBy="languages-title" />
      </div>
    </section>
  );
}
