import { whatInstead } from '../../core/help/help-session';
import { useT } from '../../web/i18n-context';
import { Instead } from '../components/Instead';
import { PoleText } from '../components/PoleText';
import { useKiosk } from '../state/context';

/**
 * « Mettre hors service » from the console: the kiosk says so, gives the pôle's message in the
 * kiosk's language (else in French, marked as such), where to go instead (the pôle's text while
 * it is open, when it opens otherwise), and keeps « Appeler un médiateur » below. No session opens.
 */
export function OutOfServiceScreen() {
  const t = useT();
  const kiosk = useKiosk();
  const message = kiosk.commands.outOfService.value;
  return (
    <section class="screen out-of-service" aria-labelledby="out-of-service-title">
      <div class="out-of-service__head">
        <span class="out-of-service__picto" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="56" height="56">
            <path fill="currentColor" d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 2a8 8 0 0 1 6.3 12.9L7.1 5.7A8 8 0 0 1 12 4Zm-6.3 3.1 11.2 11.2A8 8 0 0 1 5.7 7.1Z" />
          </svg>
        </span>
        <h1 id="out-of-service-title" tabIndex={-1}>{t('outOfService.title')}</h1>
        <p class="lead">{t('outOfService.lead')}</p>
      </div>
      {message && <PoleText as="p" class="out-of-service__message" text={message} />}
      <Instead instead={whatInstead(kiosk.site.value?.openingHours ?? null, kiosk.now())} offerBooking={false} />
      <p class="out-of-service__hint">{t('outOfService.hint', { button: t('help.button') })}</p>
    </section>
  );
}
