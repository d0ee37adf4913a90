import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountView } from '../../../core/api/accounts';
import { can, STAFF_ROLES, type StaffRole } from '../../../core/auth/policy';
import { useT } from '../../../web/i18n-context';
import { useAdmin } from '../../state/admin-context';
import type { AccountDraft } from '../../state/accounts-state';
import { useStaff } from '../../state/context';
import type { FormRefusal } from '../../state/form-errors';
import { refusalText, siteNames } from './account-words';

const FIELDS = ['username', 'firstName', 'role', 'siteIds'] as const;
type Field = (typeof FIELDS)[number];

/**
 * « Ajouter un compte » (no account) or the edit form of one account. What was typed stays on
 * screen whatever the server answers; its refusals show next to each field, in the console's
 * language, and a conflict shows the account as someone else saved it.
 */
export function AccountForm(props: { account?: AccountView; onDone: (saved: string) => void; onCancel: () => void }) {
  const t = useT('accounts');
  const staff = useStaff();
  const { accounts } = useAdmin();
  const me = staff.me.value;
  const editing = props.account;
  const [draft, setDraft] = useState<AccountDraft>(() => (editing ? { username: editing.username, firstName: editing.firstName, role: editing.role, siteIds: editing.siteIds } : { username: '', firstName: '', role: 'mediateur', siteIds: staff.sites.value.length === 1 ? [staff.sites.value[0]!.id] : [] }));
  const [version, setVersion] = useState(editing?.version ?? 0);
  const [refusal, setRefusal] = useState<FormRefusal | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);

  // Only an admin département may give (or keep) that role; the server refuses it to others anyway.
  const roles = STAFF_ROLES.filter((r) => r !== 'admin_departement' || (me !== null && can(me, 'account.grantDepartement', { siteId: null })));
  const id = editing ? `account-${editing.id}` : 'account-new';
  const fieldError = (field: Field): string | null => {
    if (!refusal) return null;
    if (field === 'username' && refusal.code === 'username_taken') return t('errors.username_taken');
    const named = Object.keys(refusal.fields).some((path) => path === field || path.startsWith(`${field}.`));
    return named ? t(`fieldErrors.${field}`) : null;
  };
  /** The field's message and the attributes that tie it (and its hint) to the control. */
  const errorOf = (field: Field, control: 'input' | 'group') => {
    const text = fieldError(field);
    const hint = field === 'role' ? [] : [`${id}-${field}-hint`];
    const describedby = [...(text ? [`${id}-${field}-error`] : []), ...hint].join(' ') || undefined;
    return { text, props: { 'aria-describedby': describedby, ...(text && control === 'input' ? { 'aria-invalid': true } : {}) } };
  };
  const anyField = FIELDS.some((f) => fieldError(f) !== null);
  const conflict = refusal?.conflict?.current as AccountView | undefined;

  async function submit(e: Event): Promise<void> {
    e.preventDefault();
    const result = editing ? await accounts.update(editing.id, { firstName: draft.firstName, role: draft.role, siteIds: draft.siteIds }, version) : await accounts.create(draft);
    setRefusal(result);
    if (!result) props.onDone(draft.firstName.trim() || draft.username);
  }

  const username = errorOf('username', 'input');
  const firstName = errorOf('firstName', 'input');
  const role = errorOf('role', 'group');
  const sites = errorOf('siteIds', 'group');
  return (
    <form class="panel accounts__form" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={`${id}-title`} tabIndex={-1} ref={title}>
        {editing ? t('form.editTitle', { name: editing.firstName }) : t('form.addTitle')}
      </h3>
      {!editing && (
        <p class="field">
          <label for={`${id}-username`}>{t('fields.username')}</label>
          <input id={`${id}-username`} name="username" autocomplete="off" spellcheck={false} dir="ltr" value={draft.username} onInput={(e) => setDraft({ ...draft, username: e.currentTarget.value })} {...username.props} />
          <span class="muted accounts__hint" id={`${id}-username-hint`}>{t('fields.usernameHint')}</span>
          {username.text && <span class="error" id={`${id}-username-error`}>{username.text}</span>}
        </p>
      )}
      <p class="field">
        <label for={`${id}-firstName`}>{t('fields.firstName')}</label>
        <input id={`${id}-firstName`} name="firstName" autocomplete="off" value={draft.firstName} onInput={(e) => setDraft({ ...draft, firstName: e.currentTarget.value })} {...firstName.props} />
        <span class="muted accounts__hint" id={`${id}-firstName-hint`}>{t('fields.firstNameHint')}</span>
        {firstName.text && <span class="error" id={`${id}-firstName-error`}>{firstName.text}</span>}
      </p>
      <fieldset class="accounts__choices" {...role.props}>
        <legend>{t('fields.role')}</legend>
        {roles.map((r) => (
          <label key={r} class="accounts__choice">
            <input type="radio" name={`${id}-role`} value={r} checked={draft.role === r} onChange={() => setDraft({ ...draft, role: r as StaffRole })} />
            <span>
              <strong>{t(`roles.${r}`)}</strong>
              <span class="muted accounts__hint">{t(`roleHelp.${r}`)}</span>
            </span>
          </label>
        ))}
        {role.text && <span class="error" id={`${id}-role-error`}>{role.text}</span>}
      </fieldset>
      <fieldset class="accounts__choices accounts__choices--sites" {...sites.props}>
        <legend>{t('fields.siteIds')}</legend>
        <span class="muted accounts__hint" id={`${id}-siteIds-hint`}>{t('fields.siteIdsHint')}</span>
        {staff.sites.value.map((s) => (
          <label key={s.id} class="accounts__choice">
            <input
              type="checkbox"
              name="siteIds"
              value={s.id}
              checked={draft.siteIds.includes(s.id)}
              onChange={(e) => setDraft({ ...draft, siteIds: e.currentTarget.checked ? [...draft.siteIds, s.id] : draft.siteIds.filter((x) => x !== s.id) })}
            />
            <span>{s.name}</span>
          </label>
        ))}
        {sites.text && <span class="error" id={`${id}-siteIds-error`}>{sites.text}</span>}
      </fieldset>
      <div role="alert" class="accounts__refusal">
        {conflict && (
          <>
            <p class="error">{t('form.conflict', { firstName: conflict.firstName, role: t(`roles.${conflict.role}`), sites: siteNames(staff.sites.value, conflict.siteIds) })}</p>
            <button
              type="button"
              class="button"
              onClick={() => {
                setDraft({ ...draft, firstName: conflict.firstName, role: conflict.role, siteIds: conflict.siteIds });
                setVersion(refusal?.conflict?.version ?? conflict.version);
                setRefusal(null);
              }}
            >
              {t('form.useCurrent')}
            </button>
          </>
        )}
        {refusal && !conflict && <p class="error">{anyField ? t('errors.validation') : refusalText(t, refusal)}</p>}
      </div>
      <div class="accounts__buttons">
        <button type="submit" class="button button--primary" disabled={accounts.busy.value}>
          {accounts.busy.value ? t('form.saving') : editing ? t('form.save') : t('form.create')}
        </button>
        <button type="button" class="button" onClick={props.onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
