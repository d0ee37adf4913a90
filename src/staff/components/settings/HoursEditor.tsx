import { useT } from '../../../web/i18n-context';
import { useAdmin } from '../../state/admin-context';
import { WEEKDAYS } from '../../state/settings-draft';
import { FieldErrors, invalidProps, useErrors } from './fields';
import { localeFor } from '../../../core/i18n/languages';

/** Monday is index 0; 2024-01-01 was a Monday, so its week names the days in any language. */
export function weekdayName(index: number, lang: string): string {
  return new Intl.DateTimeFormat(localeFor(lang), { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + index)));
}

/**
 * The pôle's weekly hours: any number of periods a day (none: closed), each with its opening and
 * closing time. A refused time is said next to its day.
 */
export function HoursEditor(props: { lang: string }) {
  const t = useT('settings');
  const settings = useAdmin().settings;
  const hours = settings.draft.value?.openingHours;
  if (!hours) return null;
  const setDay = (day: (typeof WEEKDAYS)[number], periods: [string, string][]) => settings.edit((d) => ({ ...d, openingHours: { ...d.openingHours, [day]: periods } }));
  return (
    <table class="settings__hours">
      <caption>{t('field.openingHours')}</caption>
      <tbody>
        {WEEKDAYS.map((day, i) => (
          <DayRow key={day} day={day} name={weekdayName(i, props.lang)} periods={hours[day]} onChange={(p) => setDay(day, p)} />
        ))}
      </tbody>
    </table>
  );
}

function DayRow(props: { day: string; name: string; periods: [string, string][]; onChange: (periods: [string, string][]) => void }) {
  const t = useT('settings');
  const prefix = `openingHours.${props.day}`;
  const errors = useErrors(prefix);
  const aria = invalidProps(prefix, errors);
  const set = (i: number, which: 0 | 1, value: string) => props.onChange(props.periods.map((p, pi) => (pi === i ? ((which === 0 ? [value, p[1]] : [p[0], value]) as [string, string]) : p)));
  return (
    <tr>
      <th scope="row">{props.name}</th>
      <td>
        {props.periods.length === 0 && <span class="settings__closed">{t('hours.closed')}</span>}
        {props.periods.map((period, i) => (
          <span class="settings__period" key={i}>
            <input type="time" aria-label={t('hours.from', { day: props.name, n: i + 1 })} value={period[0]} {...aria} onInput={(e) => set(i, 0, e.currentTarget.value)} />
            <span aria-hidden="true">–</span>
            <input type="time" aria-label={t('hours.to', { day: props.name, n: i + 1 })} value={period[1]} {...aria} onInput={(e) => set(i, 1, e.currentTarget.value)} />
            <button type="button" class="button button--quiet" aria-label={t('hours.removeFor', { day: props.name, n: i + 1 })} onClick={() => props.onChange(props.periods.filter((_, pi) => pi !== i))}>
              {t('hours.remove')}
            </button>
          </span>
        ))}
        <button type="button" class="button button--quiet" aria-label={t('hours.addFor', { day: props.name })} onClick={() => props.onChange([...props.periods, ['', '']])}>
          {t('hours.add')}
        </button>
        <FieldErrors prefix={prefix} errors={errors} />
      </td>
    </tr>
  );
}
