import { useState } from 'preact/hooks';
import { useT } from '../../../web/i18n-context';
import { useAdmin } from '../../state/admin-context';
import { useStaff } from '../../state/context';
import { NO_REFUSAL, type FormRefusal } from '../../state/form-errors';
import { EnrolCode } from './EnrolCode';
import { refusalText } from './errors';

/**
 * « Ajouter une borne »: the pôle (the admin's own) and a label; then the one-time code. What
 * was typed stays when the server refuses, with its message next to the field.
 */
export function EnrolPanel() {
  const t = useT('enrol');
  const staff = useStaff();
  const admin = useAdmin();
  const { enrol } = admin;
  const sites = staff.sites.value;
  const [siteId, setSiteId] = useState<string | null>(null);
  const [label, setLabel] = useState('');
  const [refusal, setRefusal] = useState<FormRefusal>(NO_REFUSAL);
  const chosen = siteId && sites.some((s) => s.id === siteId) ? siteId : (admin.siteId.value ?? sites[0]?.id ?? '');
  const shown = enrol.shown.value;
  const labelError = refusal.fields['label'];

  const submit = async (event: Event) => {
    event.preventDefault();
    const result = await enrol.add(chosen, label);
    setRefusal(result ?? NO_REFUSAL);
    if (!result) setLabel('');
  };

  return (
    <section class="panel enrol" aria-labelledby="enrol-add-title">
      <h3 id="enrol-add-title">{t('add.title')}</h3>
      {shown?.reason === 'added' ? (
        <>
          <EnrolCode shown={shown} titleId="enrol-added-title" level={4} />
          <button type="button" class="button button--primary" onClick={() => enrol.dismiss()}>
            {t('code.done')}
          </button>
        </>
      ) : (
        <form class="enrol__form" onSubmit={(e) => void submit(e)} noValidate>
          <p class="muted">{t('add.intro')}</p>
          <p class="field">
            <label for="enrol-site">{t('add.site')}</label>
            <select id="enrol-site" value={chosen} onChange={(e) => setSiteId((e.currentTarget as HTMLSelectElement).value)}>
              {sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </p>
          <p class="field">
            <label for="enrol-label">{t('add.label')}</label>
            <input
              id="enrol-label"
              value={label}
              maxLength={80}
              required
              aria-invalid={labelError ? 'true' : undefined}
              aria-describedby={labelError ? 'enrol-label-hint enrol-label-error' : 'enrol-label-hint'}
              onInput={(e) => setLabel((e.currentTarget as HTMLInputElement).value)}
            />
            <span class="muted enrol__hint" id="enrol-label-hint">
              {t('add.labelHint')}
            </span>
            {labelError && (
              <span class="error" id="enrol-label-error">
                {t('add.labelInvalid')}
              </span>
            )}
          </p>
          <div class="error-region" role="alert">
            {refusal.message !== null || (refusal.code && refusal.code !== 'validation') ? <p class="error">{refusalText(t, refusal)}</p> : null}
          </div>
          <button type="submit" class="button button--primary" disabled={enrol.busy.value || !chosen}>
            {enrol.busy.value ? t('add.busy') : t('add.submit')}
          </button>
        </form>
      )}
      {enrol.revoked.value && (
        <p role="status" class="enrol__done">
          {t('revoke.done', { kiosk: enrol.revoked.value.label })}
        </p>
      )}
    </section>
  );
}
