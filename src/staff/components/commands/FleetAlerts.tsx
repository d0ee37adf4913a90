import type { FleetAlertView } from '../../../core/fleet/alerts';
import { useT } from '../../../web/i18n-context';
import { useAdmin } from '../../state/admin-context';
import { refusalText } from './refusal';
import { localeFor } from '../../../core/i18n/languages';

const when = (iso: string, lang: string) => new Intl.DateTimeFormat(localeFor(lang), { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

/**
 * The offline alerts of the admin's pôles, at the top of « Parc des bornes »: a kiosk offline too
 * long while its pôle is open. « Je m'en occupe » takes one, « Résolue » closes it; an alert whose
 * kiosk came back resolves by itself and says so.
 */
export function FleetAlerts() {
  const t = useT('commands');
  const { commands } = useAdmin();
  const list = commands.alertList.value;
  const open = commands.openAlerts.value;
  return (
    <section class={`panel commands-alerts${open > 0 ? ' commands-alerts--open' : ''}`} aria-labelledby="commands-alerts-title">
      <h2 id="commands-alerts-title">{open > 0 ? t('alerts.titleCount', { count: open }) : t('alerts.title')}</h2>
      {list.length === 0 ? (
        <p class="muted">{t('alerts.empty')}</p>
      ) : (
        <ul class="commands-alerts__list">
          {list.map((a) => (
            <AlertItem key={a.id} alert={a} />
          ))}
        </ul>
      )}
    </section>
  );
}

function AlertItem(props: { alert: FleetAlertView }) {
  const t = useT('commands');
  const { commands } = useAdmin();
  const a = props.alert;
  const lang = document.documentElement.lang || 'fr';
  const busy = commands.busy.value.has(a.id);
  const refused = commands.refusal.value?.target === a.id ? commands.refusal.value.refusal : null;
  const status =
    a.status === 'taken' ? t('alerts.status.taken', { name: a.takenBy ?? '' }) : a.status === 'resolved' && a.resolvedAutomatically ? t('alerts.status.resolvedAutomatically') : t(`alerts.status.${a.status}`);
  return (
    <li class={`commands-alert commands-alert--${a.status}`} data-alert-id={a.id} data-alert-status={a.status}>
      <p class="commands-alert__what">
        <strong>{a.kioskLabel}</strong> <span class="muted">{commands.siteName(a.siteId)}</span>
      </p>
      <p>{a.offlineSince ? t('alerts.offlineSince', { date: when(a.offlineSince, lang) }) : null}</p>
      <p class="commands-alert__status">{status}</p>
      {a.status !== 'resolved' && (
        <p class="commands__actions commands__actions--start">
          {a.status === 'new' && (
            <button type="button" class="button button--primary" disabled={busy} aria-label={t('alerts.takeLabel', { kiosk: a.kioskLabel })} onClick={() => void commands.take(a.id)}>
              {t('alerts.take')}
            </button>
          )}
          <button type="button" class="button" disabled={busy} aria-label={t('alerts.resolveLabel', { kiosk: a.kioskLabel })} onClick={() => void commands.resolve(a.id)}>
            {t('alerts.resolve')}
          </button>
        </p>
      )}
      {refused && (
        <p class="error" role="alert">
          {refusalText(t, refused)}
        </p>
      )}
    </li>
  );
}
