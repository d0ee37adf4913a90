import { useT } from '../../web/i18n-context';
import { useStaff } from '../state/context';
import { localeFor } from '../../core/i18n/languages';

/** What the built-in provider "sent": confirmations written to the outbox, never sent for real. */
export function OutboxPanel() {
  const t = useT('staff');
  const staff = useStaff();
  // The state loads it (staff-state.ts), for the pôle where a médiateur is on duty or an admin's pôle.
  const messages = staff.outbox.value;
  const lang = document.documentElement.lang || 'fr';
  const allowed = staff.may('site.outbox.read');
  return (
    <section class="panel" aria-labelledby="outbox-title">
      <h2 id="outbox-title">{t('outbox.title')}</h2>
      <p class="muted">{t('outbox.hint')}</p>
      {!allowed && <p class="muted">{t('agenda.onDutyFirst')}</p>}
      {allowed && messages?.length === 0 && <p>{t('outbox.empty')}</p>}
      <ul class="outbox">
        {allowed && messages?.map((m) => (
          <li key={m.id} class="outbox__item">
            <p class="strong dots">
              <span>{t(`outbox.channel.${m.channel}`)}</span>
              <span>{t('outbox.to', { to: m.to })}</span>
              <span>{t('outbox.reference', { reference: m.appointmentReference })}</span>
              <span>{new Intl.DateTimeFormat(localeFor(lang), { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' }).format(new Date(m.createdAt))}</span>
            </p>
            <p>{m.body}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
