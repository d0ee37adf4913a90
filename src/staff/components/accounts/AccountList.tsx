import { useState } from 'preact/hooks';
import type { AccountView } from '../../../core/api/accounts';
import { useT } from '../../../web/i18n-context';
import { useAdmin } from '../../state/admin-context';
import type { AccountAction } from '../../state/accounts-state';
import { useStaff } from '../../state/context';
import type { FormRefusal } from '../../state/form-errors';
import { formatWhen, refusalText, siteNames } from './account-words';

/** The accounts the filters let through, each with its actions; each action is confirmed once. */
export function AccountList(props: { onEdit: (account: AccountView) => void; onDone: (text: string) => void }) {
  const t = useT('accounts');
  const staff = useStaff();
  const { accounts } = useAdmin();
  const rows = accounts.visible.value;
  if (rows.length === 0) return <p class="muted">{t('list.empty')}</p>;
  return (
    <table class="accounts__table">
      <caption class="accounts__hidden">{t('list.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('list.name')}</th>
          <th scope="col">{t('list.role')}</th>
          <th scope="col">{t('list.siteIds')}</th>
          <th scope="col">{t('list.state')}</th>
          <th scope="col">{t('list.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.id} class={a.disabled ? 'accounts__row accounts__row--disabled' : 'accounts__row'}>
            <th scope="row">
              <span class="accounts__first">{a.firstName}</span> <span class="muted" dir="ltr">{a.username}</span>
            </th>
            <td>{t(`roles.${a.role}`)}</td>
            <td>{a.role === 'admin_departement' && a.siteIds.length === 0 ? t('list.allSites') : siteNames(staff.sites.value, a.siteIds)}</td>
            <td>{stateText(t, a)}</td>
            <td>
              <RowActions account={a} isMe={staff.me.value?.id === a.id} onEdit={() => props.onEdit(a)} onDone={props.onDone} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function stateText(t: ReturnType<typeof useT<'accounts'>>, a: AccountView): string {
  if (a.disabled) return t('state.disabled');
  if (a.hasPassword) return t('state.active');
  return a.setupExpiresAt ? t('state.pending', { date: formatWhen(a.setupExpiresAt) }) : t('state.pendingExpired');
}

function RowActions(props: { account: AccountView; isMe: boolean; onEdit: () => void; onDone: (text: string) => void }) {
  const t = useT('accounts');
  const { accounts } = useAdmin();
  const [confirming, setConfirming] = useState<AccountAction | null>(null);
  const [refusal, setRefusal] = useState<FormRefusal | null>(null);
  const a = props.account;
  const qId = `account-q-${a.id}`;

  async function run(action: AccountAction): Promise<void> {
    const result = await accounts.act(a.id, action);
    setRefusal(result);
    setConfirming(null);
    if (!result && action !== 'resetPassword') props.onDone(t(action === 'disable' ? 'done.disable' : 'done.enable', { name: a.firstName }));
  }

  if (confirming) {
    return (
      <div class="accounts__confirm" role="group" aria-labelledby={qId}>
        <p id={qId}>{t(`confirm.${confirming}`, { name: a.firstName })}</p>
        <button type="button" class="button button--primary" disabled={accounts.busy.value} onClick={() => void run(confirming)}>
          {t('actions.confirm')}
        </button>
        <button type="button" class="button" onClick={() => setConfirming(null)}>
          {t('actions.cancel')}
        </button>
      </div>
    );
  }
  // Actions on oneself that the server refuses are not offered; editing one's first name is.
  return (
    <div class="accounts__actions">
      <button type="button" class="button" onClick={props.onEdit} aria-label={t('actionLabel', { action: t('actions.edit'), name: a.firstName, username: a.username })}>
        {t('actions.edit')}
      </button>
      {!props.isMe && !a.disabled && (
        <>
          <button type="button" class="button" onClick={() => setConfirming('resetPassword')} aria-label={t('actionLabel', { action: t('actions.resetPassword'), name: a.firstName, username: a.username })}>
            {t('actions.resetPassword')}
          </button>
          <button type="button" class="button" onClick={() => setConfirming('disable')} aria-label={t('actionLabel', { action: t('actions.disable'), name: a.firstName, username: a.username })}>
            {t('actions.disable')}
          </button>
        </>
      )}
      {!props.isMe && a.disabled && (
        <button type="button" class="button" onClick={() => setConfirming('enable')} aria-label={t('actionLabel', { action: t('actions.enable'), name: a.firstName, username: a.username })}>
          {t('actions.enable')}
        </button>
      )}
      <div role="alert" class="accounts__refusal">
        {refusal && <p class="error">{refusalText(t, refusal)}</p>}
      </div>
    </div>
  );
}
