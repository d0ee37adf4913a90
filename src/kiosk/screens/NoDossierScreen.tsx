import { useT } from '../../web/i18n-context';
import { FallbackText } from '../components/FallbackText';
import { useKiosk } from '../state/context';

/** Someone without a dossier is welcome too: say what the pôle can do, and offer help now. */
export function NoDossierScreen() {
  const t = useT();
  const kiosk = useKiosk();
  return (
    <section class="screen" aria-labelledby="nodossier-title">
      <h1 id="nodossier-title" tabIndex={-1}>{t('noDossier.title')}</h1>
      <p class="lead">{t('noDossier.intro')}</p>
      <ul class="plain-list">
        <li>{t('noDossier.what1')}</li>
        <li>{t('noDossier.what2')}</li>
        <li>{t('noDossier.what3')}</li>
      </ul>
      <div class="actions-row">
        <button type="button" class="button button--primary" onClick={() => kiosk.startBooking()}>
          {t('home.actions.book')}
        </button>
        <button type="button" class="button" onClick={() => kiosk.findBooking()}>
          {t('booking.haveOne')}
        </button>
      </div>
      <div class="instead">
        <FallbackText />
      </div>
      <button type="button" class="button" onClick={() => kiosk.go('home')}>
        {t('noDossier.back')}
      </button>
    </section>
  );
}
