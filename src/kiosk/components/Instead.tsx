import type { Instead as InsteadState } from '../../core/help/help-session';
import { openingSentence } from '../../core/site/opening-hours';
import { useT } from '../../web/i18n-context';
import { useKiosk } from '../state/context';
import { FallbackText } from './FallbackText';

/**
 * What to do when nobody can come: the site's text while the pôle is open; when it is closed, when
 * it opens, and a booking (only where the kiosk can book: not while it is offline).
 */
export function Instead({ instead, offerBooking = true }: { instead: InsteadState; offerBooking?: boolean }) {
  const t = useT();
  const kiosk = useKiosk();
  if (instead.kind === 'closed') {
    const { key, date, time } = openingSentence(instead.opensAt, kiosk.now(), kiosk.language.value);
    return (
      <div class="instead instead--closed">
        <h2>{t('help.closedTitle')}</h2>
        <p class="instead__opens">{t(`help.${key}` as const, { date, time })}</p>
        {offerBooking && (
          <>
            <p>{t('help.closedHint')}</p>
            <button type="button" class="button button--primary" onClick={() => kiosk.startBooking()}>
              {t('home.actions.book')}
            </button>
          </>
        )}
      </div>
    );
  }
  return (
    <div class="instead">
      <h2>{t('help.insteadTitle')}</h2>
      <FallbackText />
    </div>
  );
}
