import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { call, fakeStaffApi, renderConsole, snapshot, staffI18n } from './support/staff-harness';

afterEach(() => cleanup());

/**
 * Issue 12 item 5: the médiateur sees the usager's language on the call, in itself and in the
 * console's words, can turn the console to it to show a message, and back with one tap.
 */
describe('a call in another language', () => {
  it('names the language, turns the console to it, and back to the médiateur’s', async () => {
    const i18n = await staffI18n();
    const fake = fakeStaffApi();
    const { state } = await renderConsole(i18n, fake.api);
    fake.emit(snapshot({ calls: [call('c1', 'chatillon-1', { context: { screen: 'home', language: 'uk', accessibility: {} } })] }));
    await screen.findByText(/Українська/);
    screen.getByText('(ukrainien)');

    fireEvent.click(screen.getByRole('button', { name: 'Montrer la console en Українська' }));
    await waitFor(() => expect(i18n.language).toBe('uk'));
    // The way back is written in the médiateur's language, the console around it in the usager's.
    const back = await screen.findByRole('button', { name: 'Revenir en Français' });
    expect(back.getAttribute('lang')).toBe('fr');
    fireEvent.click(back);
    await waitFor(() => expect(i18n.language).toBe('fr'));
    await screen.findByRole('button', { name: 'Montrer la console en Українська' });
    state.stop?.();
  });

  it('offers nothing to switch when the usager speaks the console’s language', async () => {
    const i18n = await staffI18n();
    const fake = fakeStaffApi();
    await renderConsole(i18n, fake.api);
    fake.emit(snapshot({ calls: [call('c1', 'chatillon-1')] }));
    await screen.findByText(/Français/);
    expect(screen.queryByRole('button', { name: /Montrer la console en/ })).toBeNull();
  });
});
