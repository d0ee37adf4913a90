import { useT } from '../../../web/i18n-context';
import { useKiosk } from '../../state/context';

/** The booking's last problem, said kindly; the live region exists before it has anything to say. */
export function BookingError() {
  const t = useT();
  const error = useKiosk().booking.error.value;
  return (
    <div class="booking__error" role="alert">
      {error && <p class="status-line status-line--warn">{error === 'slot_taken' ? t('booking.slotTaken') : t(`booking.errors.${error}`)}</p>}
    </div>
  );
}
