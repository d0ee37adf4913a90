import { useT } from '../../../web/i18n-context';
import { useKiosk } from '../../state/context';
import { PoleText } from '../../components/PoleText';
import { BookingError } from './BookingError';

/** What the appointment is for: the follow-up with the référent, or a first contact. */
export function MotifScreen() {
  const t = useT();
  const kiosk = useKiosk();
  const motifs = kiosk.booking.motifs.value;
  const identified = kiosk.identity.dossier.value !== null;
  return (
    <section class="screen booking" aria-labelledby="motif-title">
      <h1 id="motif-title" tabIndex={-1}>{t('booking.motifTitle')}</h1>
      <p class="lead">{t('booking.motifIntro')}</p>
      <BookingError />
      {motifs === null ? (
        <p role="status">{t('booking.loading')}</p>
      ) : (
        <ul class="motifs">
          {motifs.map((m) => {
            return (
              <li key={m.id}>
                <button type="button" class="tile tile--motif" onClick={() => kiosk.chooseMotif(m)}>
                  {/* Written by the pôle with the motif: the session's language, else French, marked as such. */}
                  <PoleText class="tile__title" text={m.name} />
                  <PoleText class="tile__hint" text={m.description} />
                  <span class="tile__meta dots">
                    <span>{t(`booking.mode.${m.mode}`)}</span>
                    <span>{t('booking.duration', { count: m.durationMinutes })}</span>
                  </span>
                  {m.needsIdentification && !identified && <span class="tile__meta">{t('booking.needsDossier')}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div class="actions-row">
        <button type="button" class="button" onClick={() => kiosk.finishBooking()}>
          {t('booking.back')}
        </button>
        {!identified && (
          <button type="button" class="button" onClick={() => kiosk.findBooking()}>
            {t('booking.haveOne')}
          </button>
        )}
      </div>
    </section>
  );
}
