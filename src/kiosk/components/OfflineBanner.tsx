import { useT } from '../../web/i18n-context';
import { useKiosk } from '../state/context';
import { FallbackText } from './FallbackText';
import { OfflineIcon } from './icons';

/** Says plainly that the kiosk lost the server, what to do meanwhile, and that it will come back. */
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
            <FallbackText />
          </div>
        </div>
      )}
    </div>
  );
}
