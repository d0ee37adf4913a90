import { useState } from 'preact/hooks';
import { useT } from '../../web/i18n-context';
import { askNotificationPermission, notificationPermission } from '../notifications';
import type { Chime } from '../sound';

/** Offers to turn on what the browser holds back: sound (autoplay policy) and notifications. */
export function AlertsBar(props: { chime: Chime }) {
  const t = useT('staff');
  const [, rerender] = useState(0);
  const needsSound = props.chime.needsUnlock;
  const canAsk = notificationPermission() === 'default';
  if (!needsSound && !canAsk) return null;
  return (
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
  );
}
