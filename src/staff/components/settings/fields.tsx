import type { ComponentChildren } from 'preact';
import type { SettingsFieldError } from '../../../core/site/settings';
import { useT } from '../../../web/i18n-context';
import { useAdmin } from '../../state/admin-context';
import type { NumberField as NumberPath } from '../../state/settings-draft';
import { errorId, errorsUnder, fieldMessage } from './field-messages';

/** The refused fields under `prefix`, from the state. */
export function useErrors(prefix: string): SettingsFieldError[] {
  return errorsUnder(useAdmin().settings.fieldErrors.value, prefix);
}

/** Each message next to its field, in the console's language (the server's words when not a common kind). */
export function FieldErrors(props: { prefix: string; errors: SettingsFieldError[] }) {
  const t = useT('settings');
  if (!props.errors.length) return null;
  return (
    <ul class="settings__errors" id={errorId(props.prefix)}>
      {props.errors.map((e) => (
        <li key={e.path}>{fieldMessage(t, e)}</li>
      ))}
    </ul>
  );
}

/** ARIA for a field that may be refused: invalid, and described by its message and its hint. */
export function invalidProps(prefix: string, errors: SettingsFieldError[], hintId?: string) {
  const describedBy = [errors.length ? errorId(prefix) : null, hintId ?? null].filter(Boolean).join(' ');
  return { 'aria-invalid': errors.length ? ('true' as const) : undefined, 'aria-describedby': describedBy || undefined };
}

const UNITS = { minutes: 'unit.minutes', seconds: 'unit.seconds', rendezVous: 'unit.rendezVous', bookings: 'unit.bookings' } as const;

/** A number with its label and its unit; the text typed is kept as typed. */
export function NumberField(props: { path: NumberPath; label: string; unit: keyof typeof UNITS }) {
  const t = useT('settings');
  const settings = useAdmin().settings;
  const value = settings.draft.value?.numbers[props.path] ?? '';
  const errors = useErrors(props.path);
  const id = `settings-${props.path.replace('.', '-')}`;
  const unitId = `${id}-unit`;
  const aria = invalidProps(props.path, errors, unitId);
  return (
    <div class="settings__field settings__field--number">
      <label for={id}>{props.label}</label>
      <span class="settings__with-unit">
        <input
          id={id}
          type="text"
          inputMode="numeric"
          value={value}
          {...aria}
          onInput={(e) => {
            const text = e.currentTarget.value;
            settings.edit((d) => ({ ...d, numbers: { ...d.numbers, [props.path]: text } }));
          }}
        />
        <span id={unitId} class="settings__unit">
          {t(UNITS[props.unit])}
        </span>
      </span>
      <FieldErrors prefix={props.path} errors={errors} />
    </div>
  );
}

/** A fieldset of the form, with its legend. */
export function Group(props: { id: string; legend: string; children: ComponentChildren }) {
  return (
    <fieldset class="settings__group" id={`settings-group-${props.id}`}>
      <legend>{props.legend}</legend>
      {props.children}
    </fieldset>
  );
}
