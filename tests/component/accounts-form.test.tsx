import { fireEvent, screen, waitFor } from '@testing-library/preact';
import type { i18n } from 'i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountCreate, AccountView, AccountWithSetup } from '../../src/core/api/accounts';
import { ApiRequestError } from '../../src/web/api-client';
import { fakeStaffApi, renderConsole, staffI18n } from './support/staff-harness';

/** « Ajouter un compte » keeps what was typed when the server refuses it (issue 10 item 6). */
const answers: (() => Promise<AccountWithSetup>)[] = [];
const sent: AccountCreate[] = [];
const stored: AccountView[] = [];
const updates: (() => Promise<AccountView>)[] = [];
vi.mock('../../src/staff/accounts-api', () => ({
  accountsApi: {
    list: async (): Promise<AccountView[]> => stored,
    create: (body: AccountCreate) => (sent.push(body), answers.shift()!()),
    update: () => updates.shift()!(),
  },
}));
const INES: AccountView = { id: 'a2', username: 'ines.m', firstName: 'Inès', role: 'mediateur', siteIds: ['chatillon'], disabled: false, hasPassword: true, setupExpiresAt: null, version: 1, createdAt: '2026-11-23T09:00:00.000Z' };

let i18n: i18n;
beforeAll(async () => {
  i18n = await staffI18n();
});
beforeEach(() => {
  window.location.hash = '#/admin/accounts';
});
afterEach(() => {
  document.body.innerHTML = '';
  window.location.hash = '';
});

/** What testing-library compares to: its normalizer turns the French no-break spaces into spaces. */
const fr = (key: 'accounts:fieldErrors.username' | 'accounts:errors.username_taken') => i18n.t(key).replace(/\s+/g, ' ');
const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('« Ajouter un compte »', () => {
  it('shows each refusal next to its field and keeps every value typed, then shows the link once', async () => {
    answers.push(
      async () => Promise.reject(new ApiRequestError(400, 'validation', 'The request is not valid', [{ path: 'username', message: 'expected 2 to 64 lower-case letters…' }])),
      async () => Promise.reject(new ApiRequestError(409, 'username_taken', 'taken', [{ path: 'username', message: 'taken' }])),
      async () => ({
        account: { id: 'a1', username: 'k.benali', firstName: 'Karim', role: 'admin_pole', siteIds: ['chatillon'], disabled: false, hasPassword: false, setupExpiresAt: '2026-11-26T09:00:00.000Z', version: 1, createdAt: '2026-11-23T09:00:00.000Z' },
        setup: { code: 'ABCD-EFGH-JKMN-PQRS', url: 'http://localhost/staff/#/setup/ABCD-EFGH-JKMN-PQRS', expiresAt: '2026-11-26T09:00:00.000Z' },
      }),
    );
    await renderConsole(i18n, fakeStaffApi('admin').api);
    fireEvent.click(await screen.findByRole('button', { name: 'Ajouter un compte' }));
    fireEvent.input(input('Identifiant'), { target: { value: 'Karim B' } });
    fireEvent.input(input('Prénom'), { target: { value: 'Karim' } });
    fireEvent.click(screen.getByRole('radio', { name: /Admin de pôle/ }));
    // The only pôle of this admin is ticked already.
    expect((screen.getByRole('checkbox', { name: 'Pôle social de Châtillon' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Créer le compte' }));

    await screen.findByText(fr('accounts:fieldErrors.username'));
    screen.getByText('Corrigez les champs signalés, puis enregistrez à nouveau.');
    expect(input('Identifiant').value).toBe('Karim B');
    expect(input('Identifiant').getAttribute('aria-invalid')).toBe('true');
    expect(input('Prénom').value).toBe('Karim');
    expect((screen.getByRole('radio', { name: /Admin de pôle/ }) as HTMLInputElement).checked).toBe(true);
    expect(sent[0]).toEqual({ username: 'Karim B', firstName: 'Karim', role: 'admin_pole', siteIds: ['chatillon'] });

    fireEvent.input(input('Identifiant'), { target: { value: 'mediateur' } });
    fireEvent.click(screen.getByRole('button', { name: 'Créer le compte' }));
    await screen.findByText(fr('accounts:errors.username_taken'));
    expect(input('Identifiant').value).toBe('mediateur');
    expect(input('Prénom').value).toBe('Karim');

    fireEvent.input(input('Identifiant'), { target: { value: 'k.benali' } });
    fireEvent.click(screen.getByRole('button', { name: 'Créer le compte' }));
    await screen.findByRole('heading', { name: i18n.t('accounts:setupLink.titleCreated', { name: 'Karim' }) });
    expect(screen.getByTestId('setup-url').textContent).toBe('http://localhost/staff/#/setup/ABCD-EFGH-JKMN-PQRS');
    expect(screen.queryByRole('button', { name: 'Créer le compte' })).toBeNull();
    await waitFor(() => screen.getByRole('cell', { name: 'Admin de pôle' }));

    fireEvent.click(screen.getByRole('button', { name: "J'ai transmis le lien" }));
    expect(screen.queryByTestId('setup-url')).toBeNull();
  });

  it('on a conflict, keeps what was typed, shows the account as saved by the other admin, and can start from it', async () => {
    stored.splice(0, stored.length, INES);
    const current = { ...INES, firstName: 'Inès-Marie', role: 'admin_pole' as const, version: 2 };
    updates.push(async () => Promise.reject(new ApiRequestError(409, 'version_conflict', 'conflict', undefined, { version: 2 }, current)));
    await renderConsole(i18n, fakeStaffApi('admin').api);
    fireEvent.click(await screen.findByRole('button', { name: i18n.t('accounts:actionLabel', { action: 'Modifier', name: 'Inès', username: 'ines.m' }) }));
    fireEvent.input(input('Prénom'), { target: { value: 'Ines' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText(i18n.t('accounts:form.conflict', { firstName: 'Inès-Marie', role: 'Admin de pôle', sites: 'Pôle social de Châtillon' }).replace(/\s+/g, ' '));
    expect(input('Prénom').value).toBe('Ines');
    fireEvent.click(screen.getByRole('button', { name: 'Reprendre la version actuelle' }));
    expect(input('Prénom').value).toBe('Inès-Marie');
    expect((screen.getByRole('radio', { name: /Admin de pôle/ }) as HTMLInputElement).checked).toBe(true);
  });
});
