import { useState } from 'preact/hooks';
import { useT } from '../../web/i18n-context';
import { askNotificationPermission, notificationPermission } from '../notifications';
import type { Chime } from '../sound';
import { useStaff } from '../state/context';
import { localeFor } from '../../core/i18n/languages';

/** The pôle's clock, like the agenda: a console may run on a device set to another zone. */
const timeOf = (iso: string) => new Intl.DateTimeFormat(localeFor(document.documentElement.lang || 'fr'), { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/**
 * Offers to turn on what the browser holds back (sound under the autoplay policy, notifications),
 * and says when a kiosk's booking was refused over a limit, so a médiateur can go and help there.
 */
export function AlertsBar(props: { chime: Chime }) {
  const t = useT('staff');
  const staff = useStaff();
  const [, rerender] = useState(0);
  const needsSound = props.chime.needsUnlock;
  const canAsk = notificationPermission() === 'default';
  const refused = staff.bookingAlerts.value;
  return (
    <div class="alerts-region">
      {(needsSound || canAsk) && (
        <div class="alerts">
          {needsSound && (
            <button type="button" class="button" onClick={() => void props.chime.unlock().then(() => rerender((n) => n + 1))}>
              {t('notify.sound')}
            </button>
          )}
          {canAsk && (
            <button type="button" class="button" onClick={() => void askNotificationPermission().then(() => rerender((n) => n + 1))}>
              {t('notify.enable')}
            </button>
          )}
        </div>
      )}
      {/* The live region exists before it has anything to say, so a new notice is announced. */}
      <div role="status" class="booking-alerts-live">
        {refused.length > 0 && (
          <ul class="booking-alerts">
            {refused.map((a) => (
              <li key={a.id} class="booking-alert">
                <p>{t(`alerts.bookingRefused.${a.limit}`, { kiosk: staff.kioskLabel(a.kioskId), time: timeOf(a.at) })}</p>
                <button type="button" class="button" onClick={() => staff.dismissBookingAlert(a.id)}>
                  {t('alerts.dismiss', { kiosk: staff.kioskLabel(a.kioskId) })}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
