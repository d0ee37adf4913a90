import type { i18n } from 'i18next';
import { useEffect, useRef } from 'preact/hooks';
import { LANGUAGE_INFO } from '../../core/i18n/languages';
import { barStep } from '../../core/lockdown/bridge';
import type { BarRequest, BarState } from '../messages';

export interface BarProps {
  state: BarState;
  i18n: i18n;
  idleSecondsLeft: number | null;
  send: (request: BarRequest) => void;
}

/** What the help call says, in the words of the kiosk's help screen, shortened for one line. */
function helpStatus({ state, i18n }: Pick<BarProps, 'state' | 'i18n'>): string | null {
  const t = i18n.t.bind(i18n);
  if (state.helpRequest === 'sending') return t('help.sending');
  if (state.helpRequest === 'failed') return t('help.failed');
  const call = state.help?.call;
  if (!call) return null;
  if (call.status === 'claimed') return t('help.claimed', { name: call.claimedByFirstName ?? '' });
  if (call.status === 'expired' || call.escalated) return `${t('help.expired')} ${state.context.fallback}`;
  if (call.status !== 'waiting') return null;
  if (state.help!.onDutyCount === 0) return `${t('help.nobodyOnDuty')} ${state.context.fallback}`;
  return `${t('help.received')} ${t('help.seenBy', { count: state.help!.onDutyCount })}`;
}

/**
 * Borne's bar on an official site: where the usager is in the guide, a médiateur one tap away,
 * the way back to the kiosk, and « Terminer ». Drawn in a closed shadow root, so the site's styles
 * and scripts cannot change it.
 */
export function Bar({ state, i18n, idleSecondsLeft, send }: BarProps) {
  const t = i18n.t.bind(i18n);
  const { context } = state;
  const guide = context.guide;
  const step = guide ? barStep(guide) : 0;
  const status = helpStatus({ state, i18n });
  const call = state.help?.call;
  const callOpen = call?.status === 'waiting' || call?.status === 'claimed';
  const continueButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (idleSecondsLeft !== null) continueButton.current?.focus();
  }, [idleSecondsLeft !== null]);

  return (
    <div class="bar" lang={context.language} dir={LANGUAGE_INFO[context.language].dir} role="region" aria-label={t('bar.label')}>
      {guide ? (
        <div class="bar__guide">
          <p class="bar__title">
            {guide.organism} — {guide.title}
          </p>
          <p class="bar__step">
            <strong>{t('bar.step', { step, total: guide.steps.length })}</strong> {guide.steps[step - 1]}
          </p>
          <div class="bar__nav">
            <button type="button" class="button" disabled={step <= 1} onClick={() => send({ type: 'step', step: step - 1 })}>
              {t('bar.previous')}
            </button>
            <button type="button" class="button" disabled={step >= guide.steps.length} onClick={() => send({ type: 'step', step: step + 1 })}>
              {t('bar.next')}
            </button>
          </div>
        </div>
      ) : (
        <p class="bar__guide bar__step">{t('bar.noGuide')}</p>
      )}
      <div class="bar__actions">
        <p class="bar__status" role="status">
          {state.ending ? t('bar.ending') : status}
        </p>
        {state.helpRequest === 'failed' ? (
          <button type="button" class="button button--help" onClick={() => send({ type: 'help' })}>
            {t('help.retry')}
          </button>
        ) : callOpen ? (
          <button type="button" class="button" onClick={() => send({ type: 'cancel-help' })}>
            {t('help.cancel')}
          </button>
        ) : (
          <button type="button" class="button button--help" disabled={state.helpRequest === 'sending'} onClick={() => send({ type: 'help' })}>
            {t('help.button')}
          </button>
        )}
        <button type="button" class="button" onClick={() => send({ type: 'back-to-kiosk' })}>
          {t('bar.back')}
        </button>
        <button type="button" class="button button--end" disabled={state.ending} onClick={() => send({ type: 'end-session', why: 'terminer' })}>
          {t('bar.end')}
        </button>
      </div>
      {idleSecondsLeft !== null && !state.ending ? (
        <div class="idle" role="alertdialog" aria-modal="true" aria-labelledby="borne-idle-title" aria-describedby="borne-idle-text">
          <h2 id="borne-idle-title">{t('idle.title')}</h2>
          <p id="borne-idle-text">
            {t('idle.explain')} {t('idle.countdown', { count: idleSecondsLeft })}
          </p>
          <button ref={continueButton} type="button" class="button button--help" onClick={() => send({ type: 'activity' })}>
            {t('idle.continue')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
