import { useState } from 'preact/hooks';
import { isValidContactName, normalisePhone } from '../../../core/agenda/booking';
import { useT } from '../../../web/i18n-context';
import { Keypad } from '../../components/Keypad';
import { TextKeyboard } from '../../components/TextKeyboard';
import { cleanDigits } from '../../io/keypad';
import { useKiosk } from '../../state/context';

/** A name, then a phone number, one field at a time, each with its on-screen keys. */
export function ContactScreen() {
  const t = useT();
  const kiosk = useKiosk();
  const [step, setStep] = useState<'name' | 'phone'>('name');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [tried, setTried] = useState(false);
  const nameOk = isValidContactName(name);
  const phoneOk = normalisePhone(phone) !== null;

  const submit = () => {
    setTried(true);
    if (step === 'name' && nameOk) {
      setTried(false);
      setStep('phone');
    } else if (step === 'phone' && phoneOk) kiosk.booking.setContact({ name: name.trim(), phone });
  };

  return (
    <section class="screen booking" aria-labelledby="contact-title">
      <h1 id="contact-title" tabIndex={-1}>{t('booking.contactTitle')}</h1>
      <p class="lead">{t('booking.contactIntro')}</p>
      <form
        class="contact-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {step === 'name' ? (
          <>
            <label for="contact-name">{t('booking.nameLabel')}</label>
            <input
              id="contact-name"
              class="big-input big-input--text"
              dir="auto"
              autocomplete="off"
              spellcheck={false}
              aria-invalid={tried && !nameOk}
              aria-describedby="contact-name-error"
              value={name}
              onInput={(e) => setName(e.currentTarget.value.slice(0, 80))}
            />
            <p id="contact-name-error" class="field-error" aria-live="polite">
              {tried && !nameOk ? t('booking.nameError') : ''}
            </p>
            <TextKeyboard value={name} kind="name" onChange={setName} controls="contact-name" language={kiosk.language.value} />
          </>
        ) : (
          <>
            <label for="contact-phone">{t('booking.phoneLabel')}</label>
            <input
              id="contact-phone"
              class="big-input"
              inputMode="tel"
              autocomplete="off"
              aria-invalid={tried && !phoneOk}
              aria-describedby="contact-phone-error"
              value={phone}
              onInput={(e) => setPhone(cleanDigits(e.currentTarget.value, 10))}
            />
            <p id="contact-phone-error" class="field-error" aria-live="polite">
              {tried && !phoneOk ? t('booking.phoneError') : ''}
            </p>
            <Keypad value={phone} maxLength={10} onChange={setPhone} controls="contact-phone" label={t('booking.keyboard')} />
          </>
        )}
        <div class="actions-row">
          <button type="button" class="button" onClick={() => (step === 'phone' ? setStep('name') : kiosk.startBooking())}>
            {t('booking.back')}
          </button>
          <button type="submit" class="button button--primary">
            {t('booking.continue')}
          </button>
        </div>
      </form>
    </section>
  );
}
