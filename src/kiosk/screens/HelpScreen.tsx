import { useT } from '../../web/i18n-context';
import { FallbackText } from '../components/FallbackText';
import { useKiosk } from '../state/context';

/** Says honestly where the call is: sent, seen by whom, queue and wait, who is coming, or what to do instead. */
export function HelpScreen() {
  const t = useT();
  const kiosk = useKiosk();
  const call = kiosk.myCall.value;
  const view = kiosk.help.value;
  const request = kiosk.helpRequest.value;

  let body;
  if (request === 'sending' && !call) {
    body = <p class="status-line">{t('help.sending')}</p>;
  } else if (request === 'failed' && !call) {
    body = (
      <>
        <p class="status-line status-line--warn">{t('help.failed')}</p>
        <button type="button" class="button button--primary" onClick={() => void kiosk.retryHelp()}>
          {t('help.retry')}
        </button>
        <Instead />
      </>
    );
  } else if (call?.status === 'claimed') {
    body = (
      <>
        <p class="status-line status-line--good">{t('help.claimed', { name: call.claimedByFirstName ?? '' })}</p>
        <p>{t('help.claimedHint')}</p>
      </>
    );
  } else if (call?.status === 'waiting' && view) {
    body = (
      <>
        <p class="status-line">{t('help.received')}</p>
        {view.onDutyCount === 0 ? (
          <>
            <p class="status-line status-line--warn">{t('help.nobodyOnDuty')}</p>
            <Instead />
          </>
        ) : (
          <>
            <p>{t('help.seenBy', { count: view.onDutyCount })}</p>
            {view.position !== null && <p>{t('help.position', { position: view.position })}</p>}
            {view.estimatedWait && <p>{t('help.wait', { min: view.estimatedWait.minMinutes, max: view.estimatedWait.maxMinutes })}</p>}
            {call.escalated && (
              <>
                <p class="status-line status-line--warn">{t('help.escalated')}</p>
                <p>{t('help.keepWaiting')}</p>
                <Instead />
              </>
            )}
          </>
        )}
      </>
    );
  } else if (call?.status === 'expired') {
    body = (
      <>
        <p class="status-line status-line--warn">{t('help.expired')}</p>
        <Instead />
      </>
    );
  } else if (call?.status === 'resolved') {
    body = <p class="status-line status-line--good">{t('help.resolved')}</p>;
  } else if (call?.status === 'cancelled') {
    body = <p class="status-line">{t('help.cancelled')}</p>;
  } else {
    body = <p class="status-line">{t('help.sending')}</p>;
  }

  const open = call?.status === 'waiting' || call?.status === 'claimed';
  return (
    <section class="screen help-screen" aria-labelledby="help-title">
      {/* The title and the way out share one row, so both stay in view above the help bar. */}
      <div class="help-screen__head">
        <h1 id="help-title" tabIndex={-1}>{t('help.title')}</h1>
        <div class="help-screen__actions">
        {open && (
          <button type="button" class="button" onClick={() => void kiosk.cancelHelp()}>
            {t('help.cancel')}
          </button>
        )}
        {!open && request !== 'sending' && (
          <button type="button" class="button" onClick={() => kiosk.goHome()}>
            {t('help.back')}
          </button>
        )}
        </div>
      </div>
      <div class="help-status" role="status" aria-live="polite" aria-atomic="true">
        {body}
      </div>
    </section>
  );
}

function Instead() {
  const t = useT();
  return (
    <div class="instead">
      <h2>{t('help.insteadTitle')}</h2>
      <FallbackText />
    </div>
  );
}
