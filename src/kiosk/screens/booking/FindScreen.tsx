import { useState } from 'preact/hooks';
import { normalisePhone, normaliseReference } from '../../../core/agenda/booking';
import { useT } from '../../../web/i18n-context';
import { AppointmentCard } from '../../components/AppointmentCard';
import { Keypad } from '../../components/Keypad';
import { TextKeyboard } from '../../components/TextKeyboard';
import { cleanDigits } from '../../io/keypad';
import { useKiosk } from '../../state/context';
import { BookingError } from './BookingError';

/** Without a dossier: the ticket's reference and the phone number given find the appointment. */
export function FindScreen() {
  const t = useT();
  const kiosk = useKiosk();
  const booking = kiosk.booking;
  const found = booking.found.value;
  return (
    <section class="screen booking" aria-labelledby="find-title">
      <h1 id="find-title" tabIndex={-1}>{found ? t('booking.foundTitle') : t('booking.findTitle')}</h1>
      <BookingError />
      <div role="status">{booking.cancelled.value && <p class="status-line status-line--good">{t('dossier.cancelled')}</p>}</div>
      {found ? (
        <ul class="items">
          <AppointmentCard appointment={found} />
        </ul>
      ) : (
        !booking.cancelled.value && <FindForm />
      )}
      <button type="button" class="button" onClick={() => kiosk.finishBooking()}>
        {t('booking.finish')}
      </button>
    </section>
  );
}

function FindForm() {
  const t = useT();
  const kiosk = useKiosk();
  const [step, setStep] = useState<'reference' | 'phone'>('reference');
  const [reference, setReference] = useState('');
  const [phone, setPhone] = useState('');
  const [tried, setTried] = useState(false);
  const referenceOk = normaliseReference(reference) !== null;
  const phoneOk = normalisePhone(phone) !== null;
  const submit = () => {
    setTried(true);
    if (step === 'reference' && referenceOk) {
      setTried(false);
      setStep('phone');
    } else if (step === 'phone' && phoneOk) void kiosk.booking.find(normaliseReference(reference)!, phone);
  };
  return (
    <form
      class="contact-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <p class="lead">{t('booking.findIntro')}</p>
      {step === 'reference' ? (
        <>
          <label for="find-reference">{t('booking.referenceLabel')}</label>
          <input
            id="find-reference"
            class="big-input"
            autocomplete="off"
            spellcheck={false}
            aria-invalid={tried && !referenceOk}
            aria-describedby="find-reference-error"
            value={reference}
            onInput={(e) => setReference(e.currentTarget.value.toUpperCase().slice(0, 7))}
          />
          <p id="find-reference-error" class="field-error" aria-live="polite">
            {tried && !referenceOk ? t('booking.referenceError') : ''}
          </p>
          <TextKeyboard value={reference} kind="code" onChange={setReference} controls="find-reference" />
        </>
      ) : (
        <>
          <label for="find-phone">{t('booking.phoneLabel')}</label>
          <input
            id="find-phone"
            class="big-input"
            inputMode="tel"
            autocomplete="off"
            aria-invalid={tried && !phoneOk}
            aria-describedby="find-phone-error"
            value={phone}
            onInput={(e) => setPhone(cleanDigits(e.currentTarget.value, 10))}
          />
          <p id="find-phone-error" class="field-error" aria-live="polite">
            {tried && !phoneOk ? t('booking.phoneError') : ''}
          </p>
          <Keypad value={phone} maxLength={10} onChange={setPhone} controls="find-phone" label={t('booking.keyboard')} />
        </>
      )}
      <div class="actions-row">
        {step === 'phone' && (
          <button type="button" class="button" onClick={() => setStep('reference')}>
            {t('booking.back')}
          </button>
        )}
        <button type="submit" class="button button--primary" disabled={kiosk.booking.busy.value}>
          {step === 'reference' ? t('booking.continue') : t('booking.find')}
        </button>
      </div>
    </form>
  );
}
