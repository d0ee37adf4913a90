import { useT } from '../../../web/i18n-context';
import { LIMIT_ERRORS, type BookingLimitError } from '../../state/booking-state';
import { useKiosk } from '../../state/context';

/** The booking's last problem, said kindly; the live region exists before it has anything to say. */
export function BookingError() {
  const t = useT();
  const kiosk = useKiosk();
  const error = kiosk.booking.error.value;
  if (error && LIMIT_ERRORS.includes(error)) return <LimitReached error={error as BookingLimitError} />;
  return (
    <div class="booking__error" role="alert">
      {error && <p class="status-line status-line--warn">{error === 'slot_taken' ? t('booking.slotTaken') : t(`booking.errors.${error as Exclude<typeof error, BookingLimitError | 'slot_taken'>}`)}</p>}
    </div>
  );
}

/**
 * Enough bookings already: not a dead end. The person sees the appointments they have (their
 * dossier, or « J'ai déjà un rendez-vous » with the ticket), or calls a médiateur.
 */
function LimitReached(props: { error: BookingLimitError }) {
  const t = useT();
  const kiosk = useKiosk();
  const count = kiosk.booking.limitMax.value ?? 0;
  const identified = kiosk.identity.dossier.value !== null;
  const text =
    props.error === 'booking_limit_dossier'
      ? t('booking.errors.booking_limit_dossier', { count })
      : props.error === 'booking_limit_phone'
        ? t('booking.errors.booking_limit_phone', { count })
        : t('booking.errors.booking_rate_kiosk');
  return (
    <div class="booking__error" role="alert">
      <p class="status-line status-line--warn">{text}</p>
      <div class="actions-row">
        {props.error !== 'booking_rate_kiosk' &&
          (identified ? (
            <button type="button" class="button" onClick={() => kiosk.finishBooking()}>
              {t('booking.limitSeeMine')}
            </button>
          ) : (
            <button type="button" class="button" onClick={() => kiosk.findBooking()}>
              {t('booking.haveOne')}
            </button>
          ))}
        <button type="button" class="button button--primary" onClick={() => void kiosk.callHelp()}>
          {t('help.button')}
        </button>
      </div>
    </div>
  );
}
