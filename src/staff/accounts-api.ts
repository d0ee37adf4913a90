import type { AccountCreate, AccountView, AccountWithSetup, SetupInfo } from '../core/api/accounts';
import { apiRequest } from '../web/api-client';

/** « Comptes » and the setup link, as the console calls them. */
export const accountsApi = {
  list: () => apiRequest<AccountView[]>('/api/staff/accounts'),
  create: (body: AccountCreate) => apiRequest<AccountWithSetup>('/api/staff/accounts', { method: 'POST', body }),
  update: (id: string, body: { firstName: string; role: AccountView['role']; siteIds: string[]; version: number }) =>
    apiRequest<AccountView>(`/api/staff/accounts/${encodeURIComponent(id)}`, { method: 'PUT', body }),
  disable: (id: string) => apiRequest<AccountView>(`/api/staff/accounts/${encodeURIComponent(id)}/disable`, { method: 'POST' }),
  enable: (id: string) => apiRequest<AccountView>(`/api/staff/accounts/${encodeURIComponent(id)}/enable`, { method: 'POST' }),
  resetPassword: (id: string) => apiRequest<AccountWithSetup>(`/api/staff/accounts/${encodeURIComponent(id)}/password-reset`, { method: 'POST' }),
  setupInfo: (code: string) => apiRequest<SetupInfo>(`/api/staff/setup/${encodeURIComponent(code)}`),
  completeSetup: (code: string, password: string) => apiRequest<{ username: string }>('/api/staff/setup', { method: 'POST', body: { code, password } }),
};

export type AccountsApi = typeof accountsApi;
