import { fireEvent, screen, waitFor } from '@testing-library/preact';
import type { i18n } from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StaffApi } from '../../src/staff/api';
import { fakeStaffApi, renderConsole, snapshot, staffI18n } from './support/staff-harness';

let i18n: i18n;
beforeAll(async () => {
  i18n = await staffI18n();
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('the console asks the policy before watching a site (item 20)', () => {
  it('opens no stream for a médiateur off duty, says why, and opens it once they are on duty', async () => {
    const fake = fakeStaffApi('mediateur');
    const opened: string[] = [];
    const api: StaffApi = {
      ...fake.api,
      me: async () => ({ id: 's1', username: 'mediateur', firstName: 'Karim', role: 'mediateur', siteIds: ['chatillon'], dutySiteId: null }),
      stream: (siteId, ...rest) => {
        opened.push(siteId);
        return fake.api.stream(siteId, ...rest);
      },
    };
    await renderConsole(i18n, api);
    expect(opened).toEqual([]);
    await screen.findByText('Pas de suivi en direct ici');
    screen.getByText('Indiquez que vous êtes disponible dans ce pôle pour voir ses appels et ses bornes en direct.');

    fireEvent.click(screen.getByRole('button', { name: 'Je suis disponible' }));
    await waitFor(() => expect(opened).toEqual(['chatillon']));
    await screen.findByText('Connecté');
    fake.emit(snapshot());
    await screen.findByText('Aucun appel en attente. Tout va bien.');
  });

  it('lets an admin watch a site without being on duty', async () => {
    const fake = fakeStaffApi('admin');
    const api: StaffApi = { ...fake.api, me: async () => ({ id: 's1', username: 'admin', firstName: 'Claire', role: 'admin_departement', siteIds: [], dutySiteId: null }) };
    await renderConsole(i18n, api);
    await screen.findByText('Connecté');
  });
});

describe('a refused booking reaches the console (item 16)', () => {
  it('shows which kiosk and which limit, in words, until the médiateur dismisses it', async () => {
    const fake = fakeStaffApi('admin');
    await renderConsole(i18n, fake.api);
    fake.emit(snapshot());
    fake.emit({ type: 'bookingRefused', kioskId: 'chatillon-2', limit: 'phone', at: '2026-11-23T09:15:00.000Z' });
    // The person tries again: still one notice for that kiosk and limit, at the latest time.
    fake.emit({ type: 'bookingRefused', kioskId: 'chatillon-2', limit: 'phone', at: '2026-11-23T09:16:00.000Z' });
    const text = await screen.findByText(/Poste 2 : rendez-vous refusé, ce numéro de téléphone a déjà le nombre maximal/);
    await waitFor(() => expect(text.textContent).toContain('10:16'));
    expect(screen.getAllByText(/rendez-vous refusé/)).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Vu : Poste 2' }));
    await waitFor(() => expect(screen.queryByText(/rendez-vous refusé/)).toBeNull());
  });
});
