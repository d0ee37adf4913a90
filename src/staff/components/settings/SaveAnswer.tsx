import { useEffect, useRef } from 'preact/hooks';
import { changedFields, type SiteSettings } from '../../../core/site/settings';
import { useT } from '../../../web/i18n-context';
import { useAdmin } from '../../state/admin-context';
import { settingsOfDraft } from '../../state/settings-draft';
import { fieldLabel, fieldMessage } from './field-messages';

const shown = (value: unknown): string => (Array.isArray(value) ? value.map((v) => (Array.isArray(v) ? v.join('–') : String(v))).join(', ') : String(value ?? ''));

/**
 * What the last save answered, just above the button: every refused field again (each is also
 * next to its field), the other person's values after a conflict, or « Enregistré » with the
 * browser policy command when the allowed sites changed.
 */
export function SaveAnswer() {
  // The button stays on screen (sticky) at the foot of a long form: bring its answer into view,
  // and put the focus on a refusal so the keyboard goes on from the list of what to fix.
  const box = useRef<HTMLDivElement>(null);
  const answer = useAdmin().settings;
  useEffect(() => {
    const el = box.current;
    const refused = answer.refusal.value.code !== null || answer.refusal.value.message !== null;
    if (!el || (!answer.saved.value && !refused)) return;
    el.scrollIntoView?.({ block: 'center' });
    if (refused) el.focus();
  }, [answer.refusal.value, answer.saved.value]);
  return (
    <div ref={box} tabIndex={-1} class="settings__answer-box">
      <Answer />
    </div>
  );
}

function Answer() {
  const t = useT('settings');
  const ta = useT('admin');
  const settings = useAdmin().settings;
  const refusal = settings.refusal.value;
  const errors = Object.values(settings.fieldErrors.value);
  const saved = settings.saved.value;
  const draft = settings.draft.value;

  if (refusal.conflict && draft) {
    const current = refusal.conflict.current as SiteSettings;
    const diff = changedFields(settingsOfDraft(draft), current).after;
    const paths = Object.keys(diff);
    return (
      <div class="settings__answer settings__answer--conflict" role="alert">
        <p>{ta('common.conflict')}</p>
        <h3>{t('conflict.current')}</h3>
        {paths.length === 0 ? (
          <p>{t('conflict.none')}</p>
        ) : (
          <dl>
            {paths.map((p) => (
              <div key={p}>
                <dt>{fieldLabel(t, p)}</dt>
                <dd dir="auto">{shown(diff[p])}</dd>
              </div>
            ))}
          </dl>
        )}
        <button type="button" class="button" onClick={() => settings.takeCurrent()}>
          {t('conflict.reload')}
        </button>
      </div>
    );
  }
  if (errors.length) {
    return (
      <div class="settings__answer settings__answer--refused" role="alert">
        <p>{ta('common.fieldsInvalid')}</p>
        <ul>
          {errors.map((e) => (
            <li key={e.path}>{fieldMessage(t, e)}</li>
          ))}
        </ul>
      </div>
    );
  }
  if (refusal.message) {
    return (
      <p class="settings__answer error" role="alert">
        {refusal.message}
      </p>
    );
  }
  return (
    <div role="status" class="settings__status">
      {saved && (
        <div class="settings__answer settings__answer--saved">
          <p>
            {ta('common.saved')} {t('savedLive')}
          </p>
          {saved.policyCommand && (
            <div class="settings__policy">
              <h3>{t('policy.title')}</h3>
              <p>{t('policy.text')}</p>
              <p>{t('policy.export')}</p>
              <pre dir="ltr">
                <code>npm run config:export</code>
              </pre>
              <p>{t('policy.kiosk')}</p>
              <pre dir="ltr">
                <code>{saved.policyCommand}</code>
              </pre>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
