import { useState } from 'preact/hooks';
import { accessibilityInUse } from '../../core/help/accessibility';
import { HELP_OUTCOMES, type HelpCall, type HelpOutcome } from '../../core/help/help-call';
import { LANGUAGES, SOURCE_LANGUAGE } from '../../core/i18n/languages';
import { useGuideText, useLanguageName, useT } from '../../web/i18n-context';
import { ShowInLanguage } from './ShowInLanguage';
import { guidePlace } from './guide-label';
import { useStaff } from '../state/context';

/** One open call: which kiosk, how long, where the usager is and in which language. */
export function CallCard(props: { call: HelpCall; now: number }) {
  const t = useT('staff');
  const tc = useT('common');
  const nameOf = useLanguageName();
  const staff = useStaff();
  const [closing, setClosing] = useState(false);
  const [outcome, setOutcome] = useState<HelpOutcome>('helped');
  const { call } = props;
  const titleId = `call-${call.id}`;
  const waitedMin = Math.floor((props.now - Date.parse(call.createdAt)) / 60_000);
  const mine = call.claimedBy?.staffId === staff.me.value?.id;
  // The kiosk stopped renewing its presence: the usager has probably gone (it expires by itself).
  const kioskGone = staff.kiosks.value.find((k) => k.id === call.kioskId)?.online === false;
  const text = useGuideText();
  const where = call.context.guideId ? guidePlace(t, text, call.context.guideId, call.context.step) : tc(`screen.${call.context.screen}`);
  // Large text or high contrast: the usager sees poorly; the médiateur knows it before walking over.
  const display = accessibilityInUse(call.context.accessibility);
  const displayTexts = [
    ...(display.textSize === 'larger' ? [t('calls.display.largeText')] : display.textSize ? [t('calls.display.textSize', { size: display.textSize })] : []),
    ...(display.highContrast ? [t('calls.display.highContrast')] : []),
    ...(display.speech ? [t('calls.display.speech')] : []),
  ];

  return (
    <article class={`call call--${call.status}`} aria-labelledby={titleId} data-call-id={call.id}>
      <div class="call__head">
        <h3 id={titleId}>{staff.kioskLabel(call.kioskId)}</h3>
        {call.escalatedAt && call.status === 'waiting' && <span class="badge badge--warn">{t('calls.escalated')}</span>}
        {kioskGone && <span class="badge badge--offline">{t('calls.kioskOffline')}</span>}
      </div>
      <p class="call__wait">{waitedMin < 1 ? t('calls.justCalled') : t('calls.waiting', { duration: tc('minutes', { count: waitedMin }) })}</p>
      <p>
        {t('calls.context', { screen: where, language: LANGUAGES[call.context.language].nativeName })}
        {call.context.language !== SOURCE_LANGUAGE && <span class="muted"> ({nameOf(call.context.language)})</span>}
      </p>
      {displayTexts.length > 0 && (
        <p class="call__display">
          {t('calls.display.label')}{' '}
          <span class="dots">
            {displayTexts.map((text) => (
              <span key={text}>{text}</span>
            ))}
          </span>
        </p>
      )}
      <ShowInLanguage lang={call.context.language} />
      {call.status === 'claimed' && <p class="call__claimed">{mine ? t('calls.claimedByYou') : t('calls.claimedBy', { name: call.claimedBy?.firstName ?? '' })}</p>}
      <div class="call__actions">
        {call.status === 'waiting' && (
          <button type="button" class="button button--primary" disabled={staff.busy.value} onClick={() => void staff.claim(call.id)}>
            {t('calls.claim')}
          </button>
        )}
        {call.status === 'claimed' && mine && !closing && (
          <button type="button" class="button button--primary" onClick={() => setClosing(true)}>
            {t('calls.resolve')}
          </button>
        )}
      </div>
      {closing && (
        <form
          class="outcome"
          onSubmit={(e) => {
            e.preventDefault();
            void staff.resolve(call.id, outcome);
          }}
        >
          <fieldset>
            <legend>{t('calls.outcomeLegend')}</legend>
            {HELP_OUTCOMES.map((o) => (
              <label key={o} class="outcome__choice">
                <input type="radio" name={`outcome-${call.id}`} value={o} checked={outcome === o} onChange={() => setOutcome(o)} />
                {t(`calls.outcome.${o}`)}
              </label>
            ))}
          </fieldset>
          <div class="call__actions">
            <button type="submit" class="button button--primary" disabled={staff.busy.value}>
              {t('calls.outcomeConfirm')}
            </button>
            <button type="button" class="button" onClick={() => setClosing(false)}>
              {t('calls.outcomeCancel')}
            </button>
          </div>
        </form>
      )}
    </article>
  );
}
