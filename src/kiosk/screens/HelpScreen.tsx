import { useT } from '../../web/i18n-context';
import { Instead } from '../components/Instead';
import { useKiosk } from '../state/context';

/**
 * Says honestly where the call is: sent, seen by whom, queue and wait, who is coming, or what to
 * do instead. Which of these it is comes from the rule shared with the extension's bar
 * (src/core/help/help-session.ts `helpScreen`); this screen only words it.
 */
export function HelpScreen() {
  const t = useT();
  const kiosk = useKiosk();
  const state = kiosk.helpScreen();

  let body;
  switch (state.kind) {
    case 'failed':
      body = (
        <>
          <p class="status-line status-line--warn">{t('help.failed')}</p>
          <button type="button" class="button button--primary" onClick={() => void kiosk.retryHelp()}>
            {t('help.retry')}
          </button>
          <Instead instead={state.instead} />
        </>
      );
      break;
    case 'claimed':
      body = (
        <>
          <p class="status-line status-line--good">{t('help.claimed', { name: state.name })}</p>
          <p>{t('help.claimedHint')}</p>
        </>
      );
      break;
    case 'waiting':
      body = (
        <>
          <p class="status-line">{t('help.received')}</p>
          <p>{t('help.seenBy', { count: state.seenBy })}</p>
          {state.position !== null && <p>{t('help.position', { position: state.position })}</p>}
          {state.estimate && <p>{t('help.wait', { min: state.estimate.minMinutes, max: state.estimate.maxMinutes, count: state.estimate.maxMinutes })}</p>}
        </>
      );
      break;
    case 'nobody-on-duty':
      body = (
        <>
          <p class="status-line">{t('help.received')}</p>
          <p class="status-line status-line--warn">{t('help.nobodyOnDuty')}</p>
          <Instead instead={state.instead} />
        </>
      );
      break;
    case 'escalated':
      // No estimate here: the site's delay has passed and nobody came; a figure would not be honest.
      body = (
        <>
          <p class="status-line status-line--warn">{t('help.escalated')}</p>
          <p>{t('help.keepWaiting')}</p>
          <Instead instead={state.instead} />
        </>
      );
      break;
    case 'expired':
      body = (
        <>
          <p class="status-line status-line--warn">{t('help.expired')}</p>
          <Instead instead={state.instead} />
        </>
      );
      break;
    case 'resolved':
      body = <p class="status-line status-line--good">{t('help.resolved')}</p>;
      break;
    case 'cancelled':
      body = <p class="status-line">{t('help.cancelled')}</p>;
      break;
    default:
      body = <p class="status-line">{t('help.sending')}</p>;
  }

  const open = state.kind === 'waiting' || state.kind === 'nobody-on-duty' || state.kind === 'escalated' || state.kind === 'claimed';
  const back = kiosk.backTarget();
  return (
    <section class="screen help-screen" aria-labelledby="help-title">
      {/* The title and the ways out share one row, so both stay in view above the help bar. */}
      <div class="help-screen__head">
        <h1 id="help-title" tabIndex={-1}>{t('help.title')}</h1>
        <div class="help-screen__actions">
          {open && (
            <button type="button" class="button" onClick={() => void kiosk.cancelHelp()}>
              {t('help.cancel')}
            </button>
          )}
          {state.kind !== 'sending' && back !== 'home' && (
            <button type="button" class="button" onClick={() => kiosk.goBack()}>
              {t('help.backTo')}
            </button>
          )}
          {state.kind !== 'sending' && (
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
