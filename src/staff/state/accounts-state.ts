import { computed, effect, signal } from '@preact/signals';
import type { AccountView, AccountWithSetup, SetupInfo, SetupLink } from '../../core/api/accounts';
import type { StaffRole } from '../../core/auth/policy';
import { ApiRequestError } from '../../web/api-client';
import { accountsApi, type AccountsApi } from '../accounts-api';
import { formRefusal, type FormRefusal } from './form-errors';
import type { StaffState } from './staff-state';

/** What the « Ajouter un compte » and edit forms hold; kept as typed when the server refuses. */
export interface AccountDraft {
  username: string;
  firstName: string;
  role: StaffRole;
  siteIds: string[];
}

export type AccountFilter = { text: string; role: StaffRole | 'all'; state: 'all' | 'active' | 'pending' | 'disabled' };
export type AccountAction = 'disable' | 'enable' | 'resetPassword';

/** The link shown once, to the admin who made it; cleared on sign-out and when dismissed. */
export interface ShownSetup {
  account: AccountView;
  setup: SetupLink;
  reason: 'created' | 'reset';
}

/**
 * « Comptes »: the list, its filters, the add and edit forms' saves, the account actions, and the
 * setup screen a new staff member opens from their link (reachable without being signed in).
 * Every save answers with a FormRefusal (null: saved) so a form keeps what was typed.
 */
export function createAccountsState(deps: { staff: StaffState; api?: AccountsApi }) {
  const api = deps.api ?? accountsApi;
  const list = signal<AccountView[]>([]);
  const loading = signal<'idle' | 'loading' | 'ready' | 'failed'>('idle');
  const filter = signal<AccountFilter>({ text: '', role: 'all', state: 'all' });
  const shownSetup = signal<ShownSetup | null>(null);
  const busy = signal(false);

  const visible = computed(() => {
    const f = filter.value;
    const text = f.text.trim().toLowerCase();
    return list.value.filter(
      (a) =>
        (f.role === 'all' || a.role === f.role) &&
        (f.state === 'all' || (f.state === 'disabled' ? a.disabled : f.state === 'pending' ? !a.disabled && !a.hasPassword : !a.disabled && a.hasPassword)) &&
        (text === '' || a.username.includes(text) || a.firstName.toLowerCase().includes(text)),
    );
  });

  // Signing out leaves nothing behind: not the list, not a setup link still on screen.
  effect(() => {
    if (deps.staff.me.value === null) {
      list.value = [];
      shownSetup.value = null;
      loading.value = 'idle';
    }
  });

  function replace(account: AccountView): void {
    list.value = list.value.some((a) => a.id === account.id) ? list.value.map((a) => (a.id === account.id ? account : a)) : [...list.value, account].sort((a, b) => a.username.localeCompare(b.username));
  }

  /** Runs a save; null when it went through, else what the form shows next to what was typed. */
  async function save<T>(action: () => Promise<T>, then: (result: T) => void): Promise<FormRefusal | null> {
    busy.value = true;
    try {
      then(await action());
      return null;
    } catch (error) {
      return formRefusal(error);
    } finally {
      busy.value = false;
    }
  }

  const showLink = (reason: ShownSetup['reason']) => (r: AccountWithSetup) => {
    replace(r.account);
    shownSetup.value = { ...r, reason };
  };

  return {
    list,
    visible,
    loading,
    filter,
    shownSetup,
    busy,
    /** Loads the list when « Comptes » opens; again on demand (« Actualiser »). */
    async load(force = false): Promise<void> {
      if (!force && (loading.value === 'loading' || loading.value === 'ready')) return;
      loading.value = 'loading';
      try {
        list.value = await api.list();
        loading.value = 'ready';
      } catch {
        loading.value = 'failed';
      }
    },
    setFilter(change: Partial<AccountFilter>): void {
      filter.value = { ...filter.value, ...change };
    },
    create: (draft: AccountDraft) => save(() => api.create(draft), showLink('created')),
    update: (id: string, draft: Omit<AccountDraft, 'username'>, version: number) => save(() => api.update(id, { ...draft, version }), replace),
    act(id: string, action: AccountAction): Promise<FormRefusal | null> {
      if (action === 'resetPassword') return save(() => api.resetPassword(id), showLink('reset'));
      return save(() => (action === 'disable' ? api.disable(id) : api.enable(id)), replace);
    },
    dismissSetup(): void {
      shownSetup.value = null;
    },
    setup: createSetupState(api),
  };
}

export type SetupStatus = 'loading' | 'ready' | 'invalid' | 'limited' | 'done' | 'failed';

/** The screen behind a setup link: whose account it is, then the password they choose. */
function createSetupState(api: AccountsApi) {
  const code = signal<string | null>(null);
  const info = signal<SetupInfo | null>(null);
  const status = signal<SetupStatus>('loading');
  const retryMinutes = signal<number | null>(null);
  const busy = signal(false);

  function refused(error: unknown): FormRefusal {
    const refusal = formRefusal(error);
    if (refusal.code === 'setup_code_invalid') status.value = 'invalid';
    if (refusal.code === 'rate_limited') {
      status.value = 'limited';
      const wait = error instanceof ApiRequestError ? Number(error.details?.retryAfterSeconds ?? 0) : 0;
      retryMinutes.value = wait > 0 ? Math.ceil(wait / 60) : null;
    }
    return refusal;
  }

  return {
    code,
    info,
    status,
    retryMinutes,
    busy,
    /** Reads whose link this is; once per code (the screen may render many times). */
    async open(next: string): Promise<void> {
      if (code.value === next) return;
      code.value = next;
      info.value = null;
      status.value = 'loading';
      try {
        const found = await api.setupInfo(next);
        if (code.value !== next) return;
        info.value = found;
        status.value = 'ready';
      } catch (error) {
        if (code.value !== next) return;
        refused(error);
        if (status.value === 'loading') status.value = 'failed';
      }
    },
    async submit(password: string): Promise<FormRefusal | null> {
      if (!code.value) return null;
      busy.value = true;
      try {
        await api.completeSetup(code.value, password);
        status.value = 'done';
        return null;
      } catch (error) {
        return refused(error);
      } finally {
        busy.value = false;
      }
    },
  };
}

export type AccountsState = ReturnType<typeof createAccountsState>;
