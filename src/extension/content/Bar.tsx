import type { i18n } from 'i18next';
import { useEffect, useRef } from 'preact/hooks';
import { callOpen as isCallOpen, helpScreen, type Instead } from '../../core/help/help-session';
import { LANGUAGE_INFO } from '../../core/i18n/languages';
import { barStep } from '../../core/lockdown/bridge';
import { openingSentence } from '../../core/site/opening-hours';
import type { BarRequest, BarState } from '../messages';

export interface BarProps {
  state: BarState;
  i18n: i18n;
  idleSecondsLeft: number | null;
  send: (request: BarRequest) => void;
}

/**
 * What the help call says, in the words of the kiosk's help screen, shortened for one line. Which
 * state it is comes from the rule shared with the kiosk page (src/core/help/help-session.ts).
 */
export function helpStatus({ state, i18n, now = Date.now() }: Pick<BarProps, 'state' | 'i18n'> & { now?: number }): string | null {
  const t = i18n.t.bind(i18n);
  const instead = (what: Instead): string => {
    if (what.kind === 'fallback') return state.context.fallback;
    // The pôle is closed: never send the usager to its accueil; say when it opens.
    const { key, date, time } = openingSentence(what.opensAt, now, state.context.language);
    return `${t('help.closed')} ${t(`help.${key}`, { date, time })} ${t('help.closedHint')}`;
  };
  const screen = helpScreen(state.help, { openingHours: state.context.openingHours, closedDays: state.context.closedDays, now });
  switch (screen.kind) {
    case 'sending':
      return t('help.sending');
    case 'failed':
      return `${t('help.failed')} ${instead(screen.instead)}`;
    case 'claimed':
      return t('help.claimed', { name: screen.name });
    case 'waiting':
      return `${t('help.received')} ${t('help.seenBy', { count: screen.seenBy })}`;
    case 'nobody-on-duty':
      return `${t('help.nobodyOnDuty')} ${instead(screen.instead)}`;
    case 'escalated':
      return `${t('help.escalated')} ${instead(screen.instead)}`;
    case 'expired':
      return `${t('help.expired')} ${instead(screen.instead)}`;
    default:
      return null;
  }
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
  const callOpen = isCallOpen(state.help) && state.help.request !== 'sending';
  const continueButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (idleSecondsLeft !== null) continueButton.current?.focus();
  }, [idleSecondsLeft !== null]);

  return (
    <div class="bar" lang={context.language} dir={LANGUAGE_INFO[context.language].dir} data-script={LANGUAGE_INFO[context.language].script} role="region" aria-label={t('bar.label')}>
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
        {state.help.request === 'failed' ? (
          <button type="button" class="button button--help" onClick={() => send({ type: 'help' })}>
            {t('help.retry')}
          </button>
        ) : callOpen ? (
          <button type="button" class="button" onClick={() => send({ type: 'cancel-help' })}>
            {t('help.cancel')}
          </button>
        ) : (
          <button type="button" class="button button--help" disabled={state.help.request === 'sending'} onClick={() => send({ type: 'help' })}>
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
