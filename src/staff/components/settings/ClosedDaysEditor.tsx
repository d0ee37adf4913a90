import { useState } from 'preact/hooks';
import { useT } from '../../../web/i18n-context';
import { useAdmin } from '../../state/admin-context';
import { FieldErrors, invalidProps, useErrors } from './fields';
import { localeFor } from '../../../core/i18n/languages';

/** « Jeudi 25 décembre 2026 » for "2026-12-25" (a Paris date: no time zone shift). */
export function closedDayName(date: string, lang: string): string {
  const at = Date.parse(`${date}T12:00:00Z`);
  return Number.isNaN(at) ? date : new Intl.DateTimeFormat(localeFor(lang), { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(at));
}

/** Days the pôle is closed whatever its hours say: added one by one, each removable. */
export function ClosedDaysEditor(props: { lang: string }) {
  const t = useT('settings');
  const settings = useAdmin().settings;
  const [next, setNext] = useState('');
  const days = settings.draft.value?.closedDays ?? [];
  const errors = useErrors('closedDays');
  const aria = invalidProps('closedDays', errors);
  const add = () => {
    if (!next || days.includes(next)) return;
    settings.edit((d) => ({ ...d, closedDays: [...d.closedDays, next] }));
    setNext('');
  };
  return (
    <div class="settings__field settings__closed-days">
      <h3 id="settings-closed-title">{t('field.closedDays')}</h3>
      {days.length === 0 ? (
        <p class="muted">{t('closed.none')}</p>
      ) : (
        <ul aria-labelledby="settings-closed-title">
          {days.map((day) => (
            <li key={day}>
              <span>{closedDayName(day, props.lang)}</span>
              <button type="button" class="button button--quiet" aria-label={t('closed.removeFor', { date: closedDayName(day, props.lang) })} onClick={() => settings.edit((d) => ({ ...d, closedDays: d.closedDays.filter((x) => x !== day) }))}>
                {t('closed.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class="settings__add-day">
        <label for="settings-closed-new">{t('closed.new')}</label>
        <input id="settings-closed-new" type="date" value={next} {...aria} onInput={(e) => setNext(e.currentTarget.value)} />
        <button type="button" class="button" onClick={add}>
          {t('closed.add')}
        </button>
      </p>
      <FieldErrors prefix="closedDays" errors={errors} />
    </div>
  );
}
