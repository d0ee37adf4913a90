import { useEffect, useState } from 'preact/hooks';
import type { AccountView } from '../../../core/api/accounts';
import { useT } from '../../../web/i18n-context';
import { AccountFilters } from '../../components/accounts/AccountFilters';
import { AccountForm } from '../../components/accounts/AccountForm';
import { AccountList } from '../../components/accounts/AccountList';
import { SetupLinkPanel } from '../../components/accounts/SetupLinkPanel';
import { useAdmin } from '../../state/admin-context';

/**
 * « Comptes »: who works at the admin's pôles, « Ajouter un compte », and for each account its
 * role and pôles, « Désactiver » / « Réactiver » and « Forcer un nouveau mot de passe ».
 */
export function AccountsSection() {
  const t = useT('accounts');
  const { accounts } = useAdmin();
  const [editing, setEditing] = useState<AccountView | 'new' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // The state fetches; opening the section only asks it to (once, unless « Réessayer »).
  useEffect(() => void accounts.load(), []);
  const loading = accounts.loading.value;
  const finish = (text: string | null) => {
    setEditing(null);
    setDone(text);
  };

  return (
    <div class="accounts">
      <p>{t('intro')}</p>
      <SetupLinkPanel />
      {editing === null && (
        <p>
          <button type="button" class="button button--primary" onClick={() => (setDone(null), setEditing('new'))}>
            {t('add')}
          </button>
        </p>
      )}
      {editing === 'new' && <AccountForm key="new" onDone={() => finish(null)} onCancel={() => finish(null)} />}
      {editing !== null && editing !== 'new' && <AccountForm key={editing.id} account={editing} onDone={(name) => finish(t('done.update', { name }))} onCancel={() => finish(null)} />}
      <p role="status" class="accounts__done">
        {done ?? ''}
      </p>
      <AccountFilters />
      {loading === 'loading' && <p class="muted">{t('list.loading')}</p>}
      {loading === 'failed' && (
        <div role="alert">
          <p class="error">{t('list.failed')}</p>
          <button type="button" class="button" onClick={() => void accounts.load(true)}>
            {t('list.retry')}
          </button>
        </div>
      )}
      {loading === 'ready' && <AccountList onEdit={(a) => (setDone(null), setEditing(a))} onDone={setDone} />}
    </div>
  );
}
