import { STAFF_ROLES, type StaffRole } from '../../../core/auth/policy';
import { useT } from '../../../web/i18n-context';
import { useAdmin } from '../../state/admin-context';
import type { AccountFilter } from '../../state/accounts-state';

const STATES = ['all', 'active', 'pending', 'disabled'] as const;
const STATE_KEY = { all: 'filters.stateAll', active: 'filters.stateActive', pending: 'filters.statePending', disabled: 'filters.stateDisabled' } as const;

/** Search by username or first name, by role and by state; applied as typed. */
export function AccountFilters() {
  const t = useT('accounts');
  const { accounts } = useAdmin();
  const f = accounts.filter.value;
  return (
    <div role="search" class="accounts__filters" aria-label={t('filters.label')}>
      <p class="field">
        <label for="accounts-search">{t('filters.search')}</label>
        <input id="accounts-search" type="search" value={f.text} onInput={(e) => accounts.setFilter({ text: e.currentTarget.value })} />
      </p>
      <p class="field">
        <label for="accounts-role">{t('filters.role')}</label>
        <select id="accounts-role" value={f.role} onChange={(e) => accounts.setFilter({ role: e.currentTarget.value as StaffRole | 'all' })}>
          <option value="all">{t('filters.roleAll')}</option>
          {STAFF_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </p>
      <p class="field">
        <label for="accounts-state">{t('filters.state')}</label>
        <select id="accounts-state" value={f.state} onChange={(e) => accounts.setFilter({ state: e.currentTarget.value as AccountFilter['state'] })}>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {t(STATE_KEY[s])}
            </option>
          ))}
        </select>
      </p>
    </div>
  );
}
