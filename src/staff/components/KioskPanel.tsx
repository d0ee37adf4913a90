import { useState } from 'preact/hooks';
import type { KioskStatus } from '../../core/realtime/events';
import { useGuideText, useT } from '../../web/i18n-context';
import { guidePlace } from './guide-label';
import { useStaff } from '../state/context';

type Shown = 'offline' | 'callOffline' | 'idle' | 'inSession' | 'waitingHelp' | 'beingHelped' | 'outOfService';

/** The site's kiosks at a glance; the state is written out, not told by colour alone. */
export function KioskPanel() {
  const t = useT('staff');
  const staff = useStaff();
  const text = useGuideText();
  // Ending someone's session wipes what they were doing: it is asked twice.
  const [confirming, setConfirming] = useState<string | null>(null);
  const callOf = new Map(staff.openCalls.value.map((c) => [c.kioskId, c.status]));
  const shown = (k: KioskStatus): Shown => {
    const call = callOf.get(k.id);
    // A kiosk gone is shown gone, even with a call still open on it.
    if (!k.online) return call === 'waiting' ? 'callOffline' : 'offline';
    if (call) return call === 'claimed' ? 'beingHelped' : 'waitingHelp';
    // Put out of service from « Parc des bornes »: it opens no session (a call from it still shows above).
    if (k.outOfService) return 'outOfService';
    return k.inSession ? 'inSession' : 'idle';
  };
  return (
    <section class="panel kiosks" aria-labelledby="kiosks-title">
      <h2 id="kiosks-title">{t('kiosks.title')}</h2>
      <ul class="kiosks__list">
        {staff.kiosks.value.map((k) => {
          const state = shown(k);
          return (
            <li key={k.id} class={`kiosk kiosk--${state}`} data-kiosk-id={k.id}>
              <span class="kiosk__dot" aria-hidden="true" />
              <span class="kiosk__label">{k.label}</span>
              <span class="kiosk__state">{t(`kiosks.${state}`)}</span>
              {k.guide && <span class="kiosk__guide">{guidePlace(t, text, k.guide.id, k.guide.step)}</span>}
              {k.online && k.inSession && confirming !== k.id && (
                <button type="button" class="button kiosk__reset" disabled={staff.busy.value} onClick={() => setConfirming(k.id)}>
                  {t('kiosks.reset', { kiosk: k.label })}
                </button>
              )}
              {confirming === k.id && (
                <div class="kiosk__confirm" role="group" aria-labelledby={`reset-q-${k.id}`}>
                  <p id={`reset-q-${k.id}`}>{t('kiosks.resetQuestion', { kiosk: k.label })}</p>
                  <button type="button" class="button" autofocus onClick={() => setConfirming(null)}>
                    {t('kiosks.resetNo')}
                  </button>
                  <button
                    type="button"
                    class="button button--primary"
                    disabled={staff.busy.value}
                    onClick={() => {
                      setConfirming(null);
                      void staff.resetKiosk(k.id);
                    }}
                  >
                    {t('kiosks.resetYes')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
