import type { HelpCall } from '../../core/help/help-call';
import { useT } from '../../web/i18n-context';
import { useStaff } from '../state/context';
import { localeFor } from '../../core/i18n/languages';

const time = (iso: string, lang: string) => new Intl.DateTimeFormat(localeFor(lang), { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/** « Appels du jour »: every call of the site since midnight, live, with how it ended. */
export function TodayCallsPanel() {
  const t = useT('staff');
  const staff = useStaff();
  const lang = document.documentElement.lang || 'fr';
  const calls = staff.todayCalls.value;
  const result = (c: HelpCall) => (c.status === 'resolved' && c.outcome ? t('today.status.resolved', { outcome: t(`calls.outcome.${c.outcome}`) }) : t(`today.status.${c.status}`));
  return (
    <section class="panel" aria-labelledby="today-title">
      <h2 id="today-title">{t('today.title')}</h2>
      <p class="muted">{t('today.hint')}</p>
      {calls.length === 0 ? (
        <p>{t('today.empty')}</p>
      ) : (
        <table class="today">
          <thead>
            <tr>
              <th scope="col">{t('today.calledAt')}</th>
              <th scope="col">{t('today.kiosk')}</th>
              <th scope="col">{t('today.result')}</th>
              <th scope="col">{t('today.by')}</th>
            </tr>
          </thead>
          <tbody>
            {calls.map((c) => (
              <tr key={c.id} data-call-id={c.id}>
                <td dir="ltr">{time(c.createdAt, lang)}</td>
                <th scope="row">{staff.kioskLabel(c.kioskId)}</th>
                <td>{result(c)}</td>
                <td>{c.claimedBy?.firstName ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
