import { useState } from 'preact/hooks';
import { formatDate } from '../../../web/format';
import { useGuideText, useT } from '../../../web/i18n-context';
import { BringIcon, OrganismIcon } from '../../components/guide-icons';
import { GuideTextView } from '../../components/GuideTextView';
import { useKiosk } from '../../state/context';

/** The guide player: what to prepare, then one short instruction a step, then done. */
export function GuideScreen() {
  const kiosk = useKiosk();
  const guide = kiosk.guide.guide.value;
  const step = kiosk.guide.current.value?.step ?? 0;
  if (!guide) return null;
  if (step === 0) return <Prepare />;
  if (step > guide.steps.length) return <Done />;
  return <Step />;
}

function Header() {
  const t = useT();
  const kiosk = useKiosk();
  const text = useGuideText();
  const guide = kiosk.guide.guide.value!;
  return (
    <header class={`guide__header organism-band organism-band--${guide.organism}`}>
      <OrganismIcon organism={guide.organism} size={40} />
      <span class="guide__organism">{t(`guides.organism.${guide.organism}`)}</span>
      <GuideTextView text={text(guide.id, 'title')} as="h1" id="guide-title" class="guide__title" tabIndex={-1} />
    </header>
  );
}

function Prepare() {
  const t = useT();
  const kiosk = useKiosk();
  const text = useGuideText();
  const guide = kiosk.guide.guide.value!;
  const [have, setHave] = useState<ReadonlySet<string>>(new Set());
  const missing = guide.bring.some((b) => !have.has(b.id));
  return (
    <section class="screen guide" aria-labelledby="guide-title">
      <Header />
      <p class="lead">{t('guide.duration', { count: guide.durationMinutes })}</p>
      <section class="panel-card" aria-labelledby="purpose-title">
        <h2 id="purpose-title">{t('guide.purposeTitle')}</h2>
        <GuideTextView text={text(guide.id, 'purpose')} as="p" />
      </section>
      {guide.bring.length > 0 && (
        <section class="panel-card" aria-labelledby="bring-title">
          <h2 id="bring-title">{t('guide.bringTitle')}</h2>
          <ul class="bring">
            {guide.bring.map((item) => {
              const checked = have.has(item.id);
              const where = text(guide.id, `bring.${item.id}.where`);
              return (
                <li key={item.id} class="bring__item">
                  <span class="bring__icon">
                    <BringIcon kind={item.kind} />
                  </span>
                  <div class="bring__text">
                    <GuideTextView text={text(guide.id, `bring.${item.id}.label`)} as="p" class="strong" id={`bring-${item.id}`} />
                    {!checked && where && <GuideTextView text={where} as="p" class="muted" />}
                  </div>
                  <button
                    type="button"
                    class="button bring__have"
                    role="checkbox"
                    aria-checked={checked}
                    aria-describedby={`bring-${item.id}`}
                    onClick={() => {
                      const next = new Set(have);
                      if (checked) next.delete(item.id);
                      else next.add(item.id);
                      setHave(next);
                    }}
                  >
                    <span class="check" aria-hidden="true">
                      {checked ? '✓' : ''}
                    </span>
                    {t('guide.have')}
                  </button>
                </li>
              );
            })}
          </ul>
          {missing && <p class="notice">{t('guide.missingHelp')}</p>}
        </section>
      )}
      <p class="muted">{t('guide.checked', { date: formatDate(`${guide.checked.on}T12:00:00Z`, kiosk.language.value) })}</p>
      <div class="actions-row">
        <button type="button" class="button" onClick={() => kiosk.closeGuide()}>
          {t('guide.backToList')}
        </button>
        <button type="button" class="button button--primary" onClick={() => kiosk.guide.begin()}>
          {t('guide.start')}
        </button>
      </div>
    </section>
  );
}

function Step() {
  const t = useT();
  const kiosk = useKiosk();
  const text = useGuideText();
  const guide = kiosk.guide.guide.value!;
  const n = kiosk.guide.current.value!.step;
  const step = guide.steps[n - 1]!;
  // « Écouter » is in the help bar, as on every screen: it reads this step (core/i18n/kiosk-speakables.ts).
  const instruction = text(guide.id, `steps.${step.id}`);

  return (
    <section class="screen guide" aria-labelledby="guide-title">
      <Header />
      <p class="guide__progress">
        <span class="strong">{t('guide.step', { n, total: guide.steps.length })}</span>
        <progress max={guide.steps.length} value={n} aria-hidden="true" />
      </p>
      <div class="guide__step" aria-live="polite">
        <GuideTextView text={instruction} as="p" class="guide__instruction" />
      </div>
      <div class="actions-row">
        {step.onSite && (
          <a class="button button--site" href={guide.startUrl}>
            {t('guide.openSite')}
          </a>
        )}
      </div>
      <nav class="guide__nav" aria-label={t('guide.step', { n, total: guide.steps.length })}>
        <button type="button" class="button" onClick={() => kiosk.guide.previous()}>
          {t('guide.previous')}
        </button>
        <button type="button" class="button button--primary" onClick={() => kiosk.guide.next()}>
          {n === guide.steps.length ? t('guide.finish') : t('guide.next')}
        </button>
      </nav>
    </section>
  );
}

function Done() {
  const t = useT();
  const kiosk = useKiosk();
  return (
    <section class="screen guide" aria-labelledby="guide-title">
      <Header />
      <h2 class="guide__done">{t('guide.doneTitle')}</h2>
      <p class="lead">{t('guide.doneText')}</p>
      <div class="actions-row">
        <button type="button" class="button button--primary" onClick={() => kiosk.closeGuide()}>
          {t('guide.backToList')}
        </button>
      </div>
    </section>
  );
}
