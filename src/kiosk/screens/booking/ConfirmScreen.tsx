import { useT } from '../../../web/i18n-context';
import { useKiosk } from '../../state/context';
import { AppointmentSummary } from './AppointmentSummary';
import { BookingError } from './BookingError';

/** The last check before booking (or moving): nothing is booked until « Confirmer ». */
export function ConfirmScreen() {
  const t = useT();
  const kiosk = useKiosk();
  const booking = kiosk.booking;
  const motif = booking.motif.value;
  const slot = booking.chosen.value;
  const moving = booking.moving.value;
  if (!motif || !slot) return null;
  return (
    <section class="screen booking" aria-labelledby="confirm-title">
      <h1 id="confirm-title" tabIndex={-1}>{moving ? t('booking.moveTitle') : t('booking.confirmTitle')}</h1>
      <BookingError />
      <AppointmentSummary motifName={motif.name} mode={motif.mode} referent={booking.week.value?.referents[slot.referentId] ?? null} place={null} startsAt={slot.start} />
      {booking.busy.value && <p role="status">{t('booking.sending')}</p>}
      <div class="actions-row">
        <button type="button" class="button" onClick={() => booking.openSlots()}>
          {t('booking.changeSlot')}
        </button>
        <button type="button" class="button button--primary" disabled={booking.busy.value} onClick={() => void booking.confirm()}>
          {moving ? t('booking.confirmMove') : t('booking.confirm')}
        </button>
      </div>
    </section>
  );
}
