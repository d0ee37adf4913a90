import { useState } from 'preact/hooks';
import type { MotifAdminView, MotifFields } from '../../../core/agenda/agenda-admin';
import { MOTIF_MODES, type MotifMode } from '../../../core/agenda/motif';
import { REFERENT_METIERS, type ReferentMetier } from '../../../core/dossier/dossier';
import type { Language } from '../../../core/i18n/languages';
import { useT } from '../../../web/i18n-context';
import type { FormRefusal } from '../../state/form-errors';
import { FieldError, LocalizedFields, RefusalNotice, typedText, useFieldError, useVersionedSave } from './fields';

interface Draft {
  name: Partial<Record<Language, string>>;
  description: Partial<Record<Language, string>>;
  mode: MotifMode;
  firstContact: boolean;
  metiers: ReferentMetier[];
  /** Numbers as typed: a half-typed value stays on screen and the server says what is wrong. */
  durationMinutes: string;
  minDelayMinutes: string;
  maxDelayDays: string;
  changeLimitHours: string;
  position: string;
}

type NumberField = 'durationMinutes' | 'minDelayMinutes' | 'maxDelayDays' | 'changeLimitHours' | 'position';
const NUMBERS: readonly NumberField[] = ['durationMinutes', 'minDelayMinutes', 'maxDelayDays', 'changeLimitHours', 'position'];

function draftOf(m: MotifAdminView | null): Draft {
  if (!m) return { name: {}, description: {}, mode: 'on_site', firstContact: true, metiers: [], durationMinutes: '30', minDelayMinutes: '120', maxDelayDays: '42', changeLimitHours: '24', position: '' };
  return {
    name: { ...m.name },
    description: { ...m.description },
    mode: m.mode,
    firstContact: m.firstContact,
    metiers: [...m.metiers],
    durationMinutes: String(m.durationMinutes),
    minDelayMinutes: String(m.minDelayMinutes),
    maxDelayDays: String(m.maxDelayDays),
    changeLimitHours: String(m.changeLimitHours),
    position: String(m.position),
  };
}

/** "" stays a non-number so the server names the field; anything else is sent as typed. */
const asNumber = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));

/** Add or change a motif: texts per language the pôle offers (French required), rules, métiers. */
export function MotifForm(props: { motif: MotifAdminView | null; languages: readonly Language[]; onSave(fields: MotifFields, version: number | null): Promise<FormRefusal | null>; onDone(): void }) {
  const t = useT('agendaAdmin');
  const staff = useT('staff');
  const admin = useT('admin');
  const [draft, setDraft] = useState(() => draftOf(props.motif));
  const { refusal, busy, save, dismiss } = useVersionedSave(props.motif?.version ?? null, props.onSave, props.onDone);
  const error = useFieldError(refusal);
  const id = `motif-form-${props.motif?.id ?? 'new'}`;
  const current = refusal?.conflict?.current as MotifAdminView | undefined;

  const submit = async () => {
    const numbers = Object.fromEntries(NUMBERS.filter((f) => f !== 'position' || draft.position.trim() !== '').map((f) => [f, asNumber(draft[f])])) as Record<NumberField, number>;
    // NaN is not JSON: send null so the server says which field needs a number.
    for (const f of NUMBERS) if (Number.isNaN(numbers[f])) (numbers as Record<string, number | null>)[f] = null;
    const fields = { name: typedText(draft.name), description: typedText(draft.description), mode: draft.mode, firstContact: draft.firstContact, metiers: draft.metiers, ...numbers } as MotifFields;
    await save(fields);
  };

  const numberField = (f: NumberField, label: string) => {
    const message = error(f);
    return (
      <p class="field">
        <label for={`${id}-${f}`}>{label}</label>
        <input id={`${id}-${f}`} type="number" inputMode="numeric" value={draft[f]} aria-invalid={message ? true : undefined} aria-describedby={message ? `${id}-${f}-error` : undefined} onInput={(e) => setDraft({ ...draft, [f]: e.currentTarget.value })} />
        <FieldError id={`${id}-${f}-error`} message={message} />
      </p>
    );
  };
  const metiersError = error('metiers');

  return (
    <form
      class="agenda-admin__form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id={`${id}-title`}>{props.motif ? t('motifs.editTitle', { name: props.motif.name.fr }) : t('motifs.newTitle')}</h3>
      <RefusalNotice
        refusal={refusal}
        current={current ? t('motifs.currentValue', { name: current.name.fr, duration: current.durationMinutes, mode: staff(`agenda.mode.${current.mode}`) }) : null}
        onTakeCurrent={() => {
          if (current) setDraft(draftOf(current));
          dismiss();
        }}
      />
      <LocalizedFields idPrefix={`${id}-name`} what={t('motifs.name')} path="name" languages={props.languages} value={draft.name} error={error} onChange={(name) => setDraft({ ...draft, name })} />
      <LocalizedFields idPrefix={`${id}-description`} what={t('motifs.description')} path="description" languages={props.languages} value={draft.description} error={error} multiline onChange={(description) => setDraft({ ...draft, description })} />
      <div class="agenda-admin__grid">
        {numberField('durationMinutes', t('motifs.durationMinutes'))}
        <p class="field">
          <label for={`${id}-mode`}>{t('motifs.mode')}</label>
          <select id={`${id}-mode`} value={draft.mode} onChange={(e) => setDraft({ ...draft, mode: e.currentTarget.value as MotifMode })}>
            {MOTIF_MODES.map((m) => (
              <option key={m} value={m}>
                {staff(`agenda.mode.${m}`)}
              </option>
            ))}
          </select>
        </p>
        {numberField('minDelayMinutes', t('motifs.minDelayMinutes'))}
        {numberField('maxDelayDays', t('motifs.maxDelayDays'))}
        {numberField('changeLimitHours', t('motifs.changeLimitHours'))}
        {numberField('position', t('motifs.position'))}
      </div>
      <p class="agenda-admin__check">
        <input id={`${id}-first`} type="checkbox" checked={draft.firstContact} aria-describedby={`${id}-first-hint`} onChange={(e) => setDraft({ ...draft, firstContact: e.currentTarget.checked })} />
        <label for={`${id}-first`}>{t('motifs.firstContact')}</label>
        <span id={`${id}-first-hint`} class="muted">
          {t('motifs.firstContactHint')}
        </span>
      </p>
      <fieldset class="agenda-admin__metiers" aria-describedby={metiersError ? `${id}-metiers-error` : undefined}>
        <legend>{t('motifs.metiers')}</legend>
        {REFERENT_METIERS.map((m) => (
          <p class="agenda-admin__check" key={m}>
            <input
              id={`${id}-metier-${m}`}
              type="checkbox"
              checked={draft.metiers.includes(m)}
              onChange={(e) => setDraft({ ...draft, metiers: e.currentTarget.checked ? [...draft.metiers, m] : draft.metiers.filter((x) => x !== m) })}
            />
            <label for={`${id}-metier-${m}`}>{staff(`agenda.metier.${m}`)}</label>
          </p>
        ))}
        <FieldError id={`${id}-metiers-error`} message={metiersError} />
      </fieldset>
      <div class="actions-row">
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? admin('common.saving') : admin('common.save')}
        </button>
        <button type="button" class="button" onClick={props.onDone}>
          {admin('common.cancel')}
        </button>
      </div>
    </form>
  );
}
