import { useState } from 'preact/hooks';
import { normalisePhone, type NotifyChannel } from '../../../core/agenda/booking';
import { LANGUAGE_INFO, type Language } from '../../../core/i18n/languages';
import { useT } from '../../../web/i18n-context';
import { Keypad } from '../../components/Keypad';
import { TextKeyboard } from '../../components/TextKeyboard';
import { cleanDigits } from '../../io/keypad';
import { useKiosk } from '../../state/context';
import { AppointmentQr } from './AppointmentQr';
import { AppointmentSummary } from './AppointmentSummary';

/** "0612345678" → "06 12 34 56 78", as people read and type it. */
const spacedPhone = (phone: string) => phone.replace(/(\d{2})(?=\d)/g, '$1 ');
/** Isolated left-to-right in a right-to-left language, so Arabic keeps "ZG2-TEH" and the number whole. */
const ltrIn = (lang: Language) => (text: string) => (LANGUAGE_INFO[lang].dir === 'rtl' ? `\u2066${text}\u2069` : text);

/**
 * Booked: the ticket to print, the calendar QR code, and the confirmation by SMS or e-mail.
 * The ticket says how to change it the way this person can: « Mon dossier », or, without a
 * dossier, « J'ai déjà un rendez-vous » with the reference and the phone number given.
 */
export function DoneScreen() {
  const t = useT();
  const kiosk = useKiosk();
  const booking = kiosk.booking;
  const confirmation = booking.confirmation.value;
  if (!confirmation) return null;
  const a = confirmation.appointment;
  const ltr = ltrIn(kiosk.language.value);
  return (
    <section class="screen booking" aria-labelledby="done-title">
      <div class="ticket">
        <p class="ticket__site">{kiosk.site.value?.site.name}</p>
        <h1 id="done-title" tabIndex={-1}>{booking.moving.value ? t('booking.movedTitle') : t('booking.doneTitle')}</h1>
        <AppointmentSummary motifName={a.motifName} mode={a.mode} referent={a.referent} place={a.place} startsAt={a.startsAt} />
        <p class="strong">{t('booking.reference', { reference: a.reference })}</p>
        <p class="ticket__change">
          {a.changeWith.kind === 'reference'
            ? t('booking.ticketChangeNoDossier', { reference: ltr(a.reference), phone: ltr(spacedPhone(a.changeWith.phone)) })
            : t('booking.ticketChange')}
        </p>
        <div class="ticket__qr">
          <AppointmentQr ics={confirmation.ics} label={t('booking.qrLabel')} />
        </div>
      </div>
      <div class="actions-row">
        <button type="button" class="button" onClick={() => window.print()}>
          {t('booking.print')}
        </button>
        <button type="button" class="button button--primary" onClick={() => kiosk.finishBooking()}>
          {t('booking.finish')}
        </button>
      </div>
      <div class="done__panels">
        <section class="panel-card" aria-labelledby="qr-title">
          <h2 id="qr-title">{t('booking.qrTitle')}</h2>
          <p>{t('booking.qrHint')}</p>
          <AppointmentQr ics={confirmation.ics} label={t('booking.qrLabel')} />
        </section>
        <section class="panel-card" aria-labelledby="send-title">
          <h2 id="send-title">{t('booking.sendTitle')}</h2>
          <SendForm />
        </section>
      </div>
    </section>
  );
}

function SendForm() {
  const t = useT();
  const kiosk = useKiosk();
  const booking = kiosk.booking;
  const [channel, setChannel] = useState<NotifyChannel>('sms');
  const [phone, setPhone] = useState(booking.contact.value?.phone.replace(/\D/g, '') ?? '');
  const [email, setEmail] = useState('');
  const valid = channel === 'sms' ? normalisePhone(phone) !== null : /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
  return (
    <form
      class="send-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) void booking.send(channel, channel === 'sms' ? phone : email);
      }}
    >
      <div class="choice" role="group" aria-label={t('booking.sendTitle')}>
        {(['sms', 'email'] as const).map((c) => (
          <button key={c} type="button" class="button" aria-pressed={channel === c} onClick={() => setChannel(c)}>
            {t(`booking.${c}`)}
          </button>
        ))}
      </div>
      {channel === 'sms' ? (
        <>
          <label for="send-phone">{t('booking.smsLabel')}</label>
          <input id="send-phone" class="big-input" inputMode="tel" autocomplete="off" value={phone} onInput={(e) => setPhone(cleanDigits(e.currentTarget.value, 10))} />
          <Keypad value={phone} maxLength={10} onChange={setPhone} controls="send-phone" label={t('booking.keyboard')} />
        </>
      ) : (
        <>
          <label for="send-email">{t('booking.emailLabel')}</label>
          <input id="send-email" class="big-input big-input--text" type="email" dir="ltr" autocomplete="off" spellcheck={false} value={email} onInput={(e) => setEmail(e.currentTarget.value.slice(0, 200))} />
          <TextKeyboard value={email} kind="email" onChange={setEmail} controls="send-email" />
        </>
      )}
      <div role="status" class="send-form__status">
        {booking.sent.value && <p class="status-line status-line--good">{t('booking.sent')}</p>}
        {booking.sendError.value && <p class="status-line status-line--warn">{t('booking.sendError')}</p>}
      </div>
      <button type="submit" class="button button--primary" disabled={!valid}>
        {t('booking.send')}
      </button>
    </form>
  );
}
