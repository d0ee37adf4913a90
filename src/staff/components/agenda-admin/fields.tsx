import { useState } from 'preact/hooks';
import { LANGUAGES, type Language } from '../../../core/i18n/languages';
import { useLanguageName, useT } from '../../../web/i18n-context';
import type { FormRefusal } from '../../state/form-errors';

/** The fields whose refusals have a French (and en, ar) explanation of our own; others show the server's words. */
const KNOWN = ['changeLimitHours', 'description', 'durationMinutes', 'firstName', 'maxDelayDays', 'metiers', 'minDelayMinutes', 'name', 'place', 'position'] as const;
type Known = (typeof KNOWN)[number];

/**
 * The save of a versioned record's form: what the server said last (kept beside what was
 * typed), the version the next save starts from and whether a save is under way. After a
 * conflict the next save is made from the version now shown: the admin has seen the other change,
 * so saving again is a deliberate choice. A save the server accepts closes the form.
 */
export function useVersionedSave<F>(initialVersion: number | null, onSave: (fields: F, version: number | null) => Promise<FormRefusal | null>, onDone: () => void) {
  const [refusal, setRefusal] = useState<FormRefusal | null>(null);
  const [version, setVersion] = useState(initialVersion);
  const [busy, setBusy] = useState(false);
  const save = async (fields: F) => {
    setBusy(true);
    const answer = await onSave(fields, version);
    setBusy(false);
    setRefusal(answer);
    if (answer?.conflict) setVersion(answer.conflict.version);
    if (!answer) onDone();
  };
  /** The refusal has been read (its current value taken, say): it stops showing. */
  const dismiss = () => setRefusal(null);
  return { refusal, busy, save, dismiss };
}

/** The message for a field, looked up by its path ("name.ar" is about the name). */
export function useFieldError(refusal: FormRefusal | null): FieldErrorOf {
  const t = useT('agendaAdmin');
  return (path, exact = false) => {
    if (!refusal) return null;
    const own = Object.entries(refusal.fields).find(([p]) => p === path || (!exact && p.startsWith(`${path}.`)));
    if (!own) return null;
    const base = path.split('.')[0]!;
    return (KNOWN as readonly string[]).includes(base) ? t(`errors.${base as Known}`) : own[1];
  };
}

export type FieldErrorOf = (path: string, exact?: boolean) => string | null;

/** The message shown under a field, tied to it with aria-describedby. */
export function FieldError(props: { id: string; message: string | null }) {
  return props.message ? (
    <p id={props.id} class="agenda-admin__error">
      {props.message}
    </p>
  ) : null;
}

/**
 * One field per language the pôle offers, French first and required: the kiosk shows the
 * session's language, and French when a translation is missing.
 */
export function LocalizedFields(props: {
  idPrefix: string;
  what: string;
  path: string;
  languages: readonly Language[];
  value: Partial<Record<Language, string>>;
  onChange(next: Partial<Record<Language, string>>): void;
  error: FieldErrorOf;
  multiline?: boolean;
}) {
  const t = useT('agendaAdmin');
  const nameOf = useLanguageName();
  return (
    <fieldset class="agenda-admin__languages">
      <legend>{props.what}</legend>
      {props.languages.map((lang) => {
        const id = `${props.idPrefix}-${lang}`;
        const message = props.error(`${props.path}.${lang}`) ?? (lang === 'fr' ? props.error(props.path, true) : null);
        const label = t(lang === 'fr' ? 'text.required' : 'text.optional', { what: props.what, language: nameOf(lang) });
        const common = {
          id,
          lang,
          dir: LANGUAGES[lang].dir,
          value: props.value[lang] ?? '',
          required: lang === 'fr',
          'aria-invalid': message ? true : undefined,
          'aria-describedby': message ? `${id}-error` : undefined,
          onInput: (e: Event) => props.onChange({ ...props.value, [lang]: (e.currentTarget as HTMLInputElement).value }),
        } as const;
        return (
          <p class="field" key={lang}>
            <label for={id}>{label}</label>
            {props.multiline ? <textarea rows={2} {...common} /> : <input type="text" {...common} />}
            <FieldError id={`${id}-error`} message={message} />
          </p>
        );
      })}
    </fieldset>
  );
}

/** The texts typed, without the empty translations (French stays, even empty: the server says it is needed). */
export function typedText(value: Partial<Record<Language, string>>): { fr: string } & Partial<Record<Language, string>> {
  const out: { fr: string } & Partial<Record<Language, string>> = { fr: value.fr ?? '' };
  for (const [lang, text] of Object.entries(value) as [Language, string][]) if (lang !== 'fr' && text.trim() !== '') out[lang] = text;
  return out;
}

/** What a refused save says above the form: a conflict, or a message that is not about one field. */
export function RefusalNotice(props: { refusal: FormRefusal | null; current: string | null; onTakeCurrent(): void }) {
  const t = useT('admin');
  const own = useT('agendaAdmin');
  const r = props.refusal;
  if (!r) return null;
  if (r.conflict)
    return (
      <div class="agenda-admin__notice" role="alert">
        <p>{t('common.conflict')}</p>
        {props.current && <p class="strong">{own('conflict.current', { value: props.current })}</p>}
        <button type="button" class="button" onClick={props.onTakeCurrent}>
          {own('conflict.take')}
        </button>
      </div>
    );
  return (
    <p class="agenda-admin__notice" role="alert">
      {Object.keys(r.fields).length ? t('common.fieldsInvalid') : r.message}
    </p>
  );
}

/** « Archiver », asked once: the first press asks, the second does it. */
export function ArchiveButton(props: { name: string; archived: boolean; disabled: boolean; onArchive(archived: boolean): void }) {
  const t = useT('agendaAdmin');
  return props.archived ? (
    <button type="button" class="button" disabled={props.disabled} onClick={() => props.onArchive(false)}>
      {t('archive.restore', { name: props.name })}
    </button>
  ) : (
    <ConfirmOnce name={props.name} disabled={props.disabled} onConfirm={() => props.onArchive(true)} />
  );
}

function ConfirmOnce(props: { name: string; disabled: boolean; onConfirm(): void }) {
  const t = useT('agendaAdmin');
  const admin = useT('admin');
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" class="button" disabled={props.disabled} onClick={() => setAsking(true)}>
        {t('archive.archive', { name: props.name })}
      </button>
    );
  return (
    <div class="agenda-admin__confirm" role="group" aria-label={t('archive.ask', { name: props.name })}>
      <p>{t('archive.ask', { name: props.name })}</p>
      <button
        type="button"
        class="button button--primary"
        disabled={props.disabled}
        onClick={() => {
          setAsking(false);
          props.onConfirm();
        }}
      >
        {t('archive.confirm')}
      </button>
      <button type="button" class="button" onClick={() => setAsking(false)}>
        {admin('common.cancel')}
      </button>
    </div>
  );
}
