import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import type { i18n } from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseRoute } from '../../src/staff/state/route';
import { fakeStaffApi, renderConsole, staffI18n } from './support/staff-harness';

let i18n: i18n;
beforeAll(async () => {
  i18n = await staffI18n();
});
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

describe('« Administration » in the console', () => {
  it('is offered to admins, and opens its sections from the address', async () => {
    window.location.hash = '#/admin/settings';
    await renderConsole(i18n, fakeStaffApi('admin').api);
    const nav = await screen.findByRole('navigation', { name: 'Administration' });
    expect(nav).toBeTruthy();
    await screen.findByRole('heading', { name: 'Réglages du pôle', level: 2 });
    expect(screen.getByRole('link', { name: 'Réglages du pôle' }).getAttribute('aria-current')).toBe('page');
    fireEvent.click(screen.getByRole('link', { name: 'Appels' }));
    await waitFor(() => expect(window.location.hash).toBe('#/'));
  });

  it('is not offered to a médiateur, and refuses them clearly when they type its address', async () => {
    window.location.hash = '#/admin/fleet';
    await renderConsole(i18n, fakeStaffApi('mediateur').api);
    await screen.findByRole('heading', { name: 'Accès réservé' });
    screen.getByText(/réservée aux admins de pôle et aux admins du département/);
    expect(screen.queryByRole('navigation', { name: 'Administration' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Parc des bornes' })).toBeNull();
    fireEvent.click(screen.getByRole('link', { name: 'Retour aux appels' }));
    await screen.findByRole('heading', { name: 'Appels en cours' });
  });
});

describe('console addresses', () => {
  it('reads the calls by default, a section from #/admin/<section>, and the first section otherwise', () => {
    expect(parseRoute('')).toEqual({ area: 'calls' });
    expect(parseRoute('#/')).toEqual({ area: 'calls' });
    expect(parseRoute('#/admin/accounts')).toEqual({ area: 'admin', section: 'accounts' });
    expect(parseRoute('#/admin')).toEqual({ area: 'admin', section: 'fleet' });
    expect(parseRoute('#/admin/nothing')).toEqual({ area: 'admin', section: 'fleet' });
  });
});
