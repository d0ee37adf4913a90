import { useT } from '../../web/i18n-context';
import { useKiosk } from '../state/context';
import { whatInstead } from '../../core/help/help-session';
import { Instead } from './Instead';
import { OfflineIcon } from './icons';

/** Says plainly that the kiosk lost the server, what to do meanwhile (as the help screen says it), and that it will come back. */
export function OfflineBanner() {
  const t = useT();
  const kiosk = useKiosk();
  return (
    <div class="offline-region" role="status" aria-live="polite">
      {kiosk.offline.value && (
        <div class="offline">
          <OfflineIcon />
          <div>
            <p class="offline__title">{t('offline.title')}</p>
            <p>{t('offline.retrying')}</p>
            {/* Not « go to the accueil » when the pôle is closed: when it opens (booking needs the server). */}
            <Instead instead={whatInstead(kiosk.site.value?.openingHours ?? null, kiosk.now(), kiosk.site.value?.closedDays)} offerBooking={false} />
          </div>
        </div>
      )}
    </div>
  );
}
