import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../web/i18n-context';
import { useKiosk } from '../state/context';
import type { IdentifyWay } from '../state/identity-state';

/** Whole minutes left, rounded up: « Réessayez dans 15 minutes », never « dans 0 minute ». */
function minutesLeft(retryAt: number, now: number): number {
  return Math.ceil((retryAt - now) / 60_000);
}

/**
 * What happened to the last try of one way in (number or courrier), shown next to that way:
 * « Un instant… » while the server checks, then the refusal. A lockout says when to try again,
 * counted down on screen, and a refusal that sends to a médiateur has the button right there.
 */
export function IdentifyNotice(props: { way: IdentifyWay }) {
  const t = useT();
  const kiosk = useKiosk();
  const identity = kiosk.identity;
  const mine = identity.way.value === props.way;
  const error = mine ? identity.error.value : null;
  const retryAt = error === 'identify_locked' ? identity.retryAt.value : null;
  const [now, setNow] = useState(Date.now);

  useEffect(() => {
    if (retryAt === null) return;
    setNow(Date.now());
    // Ticks on the minute left, and stops once the pause is over.
    const timer = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= retryAt) clearInterval(timer);
    }, 15_000);
    return () => clearInterval(timer);
  }, [retryAt]);

  const left = retryAt === null ? null : minutesLeft(retryAt, now);
  const askHelp = error === 'identify_locked' || error === 'dossier_blocked';
  return (
    <div class="identify__notice">
      <div role="status" class="identify__status">
        {mine && identity.busy.value && <p class="identify__checking">{t('identify.checking')}</p>}
      </div>
      <div role="alert" class="identify__alert">
        {error && (
          <div class="identify__error">
            <p class="identify__error-text">
              {t(`identify.errors.${error}`)}
              {left !== null && (
                // Not re-announced every minute: the alert said it once, the screen keeps it true.
                <span aria-live="off"> {left > 0 ? t('identify.retryIn', { count: left }) : t('identify.retryNow')}</span>
              )}
            </p>
            {askHelp && (
              <button type="button" class="button button--primary identify__help" onClick={() => void kiosk.callHelp()}>
                {t('help.button')}
              </button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
