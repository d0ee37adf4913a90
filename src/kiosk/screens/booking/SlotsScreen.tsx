import { formatDay, formatDayMonth, formatTime } from '../../../web/format';
import { useT } from '../../../web/i18n-context';
import { useKiosk } from '../../state/context';
import { PoleText } from '../../components/PoleText';
import { BookingError } from './BookingError';

/** The free slots of one week, day by day, as large buttons; previous and next week. */
export function SlotsScreen() {
  const t = useT();
  const kiosk = useKiosk();
  const booking = kiosk.booking;
  const week = booking.week.value;
  const motif = booking.motif.value;
  const lang = kiosk.language.value;
  if (!motif) return null;
  return (
    <section class="screen booking" aria-labelledby="slots-title">
      <h1 id="slots-title" tabIndex={-1}>{t('booking.slotsTitle')}</h1>
      <p class="lead dots">
        <PoleText class="strong" text={motif.name} />
        <span>{t(`booking.mode.${motif.mode}`)}</span>
        <span>{t('booking.duration', { count: motif.durationMinutes })}</span>
      </p>
      <BookingError />
      {week && (
        <nav class="week-nav" aria-label={t('booking.week', { date: formatDayMonth(week.weekStart, lang) })}>
          <button type="button" class="button" disabled={!week.previousWeek || booking.loading.value} onClick={() => void booking.loadWeek(week.previousWeek)}>
            {t('booking.previousWeek')}
          </button>
          <p class="week-nav__title strong" aria-live="polite">
            {t('booking.week', { date: formatDayMonth(week.weekStart, lang) })}
          </p>
          <button type="button" class="button" disabled={!week.nextWeek || booking.loading.value} onClick={() => void booking.loadWeek(week.nextWeek)}>
            {t('booking.nextWeek')}
          </button>
        </nav>
      )}
      {booking.loading.value && <p role="status">{t('booking.loading')}</p>}
      {week && !booking.loading.value && week.days.length === 0 && <p class="notice">{week.nextWeek ? t('booking.noSlotThisWeek') : t('booking.noSlotAtAll')}</p>}
      {week && (
        <>
          <p>{t('booking.slotsIntro')}</p>
          <div class="days">
            {week.days.map((day) => (
              <section key={day.date} class="day" aria-labelledby={`day-${day.date}`}>
                <h2 id={`day-${day.date}`}>{formatDay(day.date, lang)}</h2>
                <ul class="slots">
                  {day.slots.map((slot) => (
                    <li key={slot.start}>
                      <button type="button" class="slot" onClick={() => booking.chooseSlot(slot)}>
                        <span dir="ltr">{formatTime(slot.start, lang)}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </>
      )}
      <button type="button" class="button" onClick={() => (booking.moving.value ? kiosk.finishBooking() : kiosk.startBooking())}>
        {t('booking.back')}
      </button>
    </section>
  );
}
