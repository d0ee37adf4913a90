import { useState } from 'preact/hooks';
import type { ReferentAdminView, ReferentFields } from '../../../core/agenda/agenda-admin';
import { REFERENT_METIERS, type ReferentGender, type ReferentMetier } from '../../../core/dossier/dossier';
import type { Language } from '../../../core/i18n/languages';
import { useT } from '../../../web/i18n-context';
import type { FormRefusal } from '../../state/form-errors';
import { FieldError, LocalizedFields, RefusalNotice, typedText, useFieldError, useVersionedSave } from './fields';

interface Draft {
  firstName: string;
  metier: ReferentMetier;
  gender: ReferentGender | '';
  place: Partial<Record<Language, string>>;
}

const draftOf = (r: ReferentAdminView | null): Draft => (r ? { firstName: r.firstName, metier: r.metier, gender: r.gender ?? '', place: { ...r.place } } : { firstName: '', metier: REFERENT_METIERS[0], gender: '', place: {} });

/**
 * Add or change a référent: what was typed stays when the server refuses, each message sits next
 * to its field; after a conflict the next save is made from the version now shown.
 */
export function ReferentForm(props: { referent: ReferentAdminView | null; languages: readonly Language[]; onSave(fields: ReferentFields, version: number | null): Promise<FormRefusal | null>; onDone(): void }) {
  const t = useT('agendaAdmin');
  const staff = useT('staff');
  const admin = useT('admin');
  const [draft, setDraft] = useState(() => draftOf(props.referent));
  const { refusal, busy, save, dismiss } = useVersionedSave(props.referent?.version ?? null, props.onSave, props.onDone);
  const error = useFieldError(refusal);
  const id = `ref-form-${props.referent?.id ?? 'new'}`;
  const current = refusal?.conflict?.current as ReferentAdminView | undefined;

  const submit = async () => {
    const fields: ReferentFields = { firstName: draft.firstName, metier: draft.metier, gender: draft.gender === '' ? null : draft.gender, place: typedText(draft.place) };
    await save(fields);
  };

  const firstNameError = error('firstName');
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
      <h3 id={`${id}-title`}>{props.referent ? t('referents.editTitle', { name: props.referent.firstName }) : t('referents.newTitle')}</h3>
      <RefusalNotice
        refusal={refusal}
        current={current ? `${current.firstName}, ${staff(`agenda.metier.${current.metier}`)}, ${current.place.fr}` : null}
        onTakeCurrent={() => {
          if (current) setDraft(draftOf(current));
          dismiss();
        }}
      />
      <p class="field">
        <label for={`${id}-first`}>{t('referents.firstName')}</label>
        <input id={`${id}-first`} type="text" required autoComplete="off" value={draft.firstName} aria-invalid={firstNameError ? true : undefined} aria-describedby={firstNameError ? `${id}-first-error` : undefined} onInput={(e) => setDraft({ ...draft, firstName: e.currentTarget.value })} />
        <FieldError id={`${id}-first-error`} message={firstNameError} />
      </p>
      <p class="field">
        <label for={`${id}-metier`}>{t('referents.metier')}</label>
        <select id={`${id}-metier`} value={draft.metier} aria-describedby={error('metier') ? `${id}-metier-error` : undefined} onChange={(e) => setDraft({ ...draft, metier: e.currentTarget.value as ReferentMetier })}>
          {REFERENT_METIERS.map((m) => (
            <option key={m} value={m}>
              {staff(`agenda.metier.${m}`)}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-metier-error`} message={error('metier')} />
      </p>
      <p class="field">
        <label for={`${id}-gender`}>{t('gender.label')}</label>
        <select id={`${id}-gender`} value={draft.gender} aria-describedby={`${id}-gender-hint`} onChange={(e) => setDraft({ ...draft, gender: e.currentTarget.value as Draft['gender'] })}>
          <option value="female">{t('gender.female', { metier: staff(`agenda.metier.${draft.metier}`, { context: 'female' }) })}</option>
          <option value="male">{t('gender.male', { metier: staff(`agenda.metier.${draft.metier}`, { context: 'male' }) })}</option>
          <option value="">{t('gender.none')}</option>
        </select>
        <span id={`${id}-gender-hint`} class="muted">
          {t('gender.hint')}
        </span>
      </p>
      <LocalizedFields idPrefix={`${id}-place`} what={t('referents.place')} path="place" languages={props.languages} value={draft.place} error={error} onChange={(place) => setDraft({ ...draft, place })} />
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
