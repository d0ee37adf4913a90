import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, frenchI18n, renderKiosk, SITE, view } from './support/kiosk-harness';
import type { KioskSiteView } from '../../src/core/site/site-config';

/**
 * Issue 9, items 1, 4 and 6 on the kiosk page: the rules come from src/core/help/help-session.ts
 * (shared with the extension's bar); these tests check the page applies them.
 */
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Only the idle ticks and the clock are faked: Preact and testing-library keep their real timers. */
const fakeClock = (iso = '2026-12-01T09:00:00Z') => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], now: Date.parse(iso) });

describe('a session always ends (item 1)', () => {
  it('nobody on duty, dossier open, help called, fallback read, usager gone: the warning comes and the dossier goes', async () => {
    fakeClock();
    const fake = fakeApi();
    const { state } = await renderKiosk(await frenchI18n(), fake.api);
    await state.identifyByNumber('10000001', '1985-03-14');
    await waitFor(() => expect(state.identity.dossier.value).not.toBeNull());
    await state.callHelp();
    fake.push(view({ id: 'call-1' }, { onDutyCount: 0, estimatedWait: null }));
    await screen.findByText(SITE.help.fallback.fr);

    vi.advanceTimersByTime(121_000);
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Êtes-vous toujours là ?');
    vi.advanceTimersByTime(30_000);
    await waitFor(() => expect(state.inSession.value).toBe(false));
    expect(state.identity.dossier.value).toBeNull();
    expect(state.screen.value).toBe('home');
    // The next person: « Mon dossier » asks who they are.
    fireEvent.click(screen.getByRole('button', { name: /Mon dossier/ }));
    expect(state.screen.value).toBe('identify');
    state.stop();
  });

  it('pauses only while a médiateur has claimed the call, and no longer than the site ceiling', async () => {
    fakeClock();
    const fake = fakeApi({ ...SITE, help: { ...SITE.help, claimedPauseMinutes: 5 } });
    const { state } = await renderKiosk(await frenchI18n(), fake.api);
    await state.callHelp();
    fake.push(view({ id: 'call-1', status: 'claimed', claimedByFirstName: 'Karim' }));
    await screen.findByText('Karim arrive pour vous aider.');
    vi.advanceTimersByTime(4 * 60_000);
    expect(state.idleSecondsLeft.value).toBeNull();
    // 5 minutes of pause, then the usual 120 s: the warning comes.
    vi.advanceTimersByTime(60_000 + 121_000);
    await screen.findByRole('dialog');
    state.stop();
  });

  it('« Retour à l\'accueil » goes home; « Retour » goes back to the dossier', async () => {
    const fake = fakeApi();
    const { state } = await renderKiosk(await frenchI18n(), fake.api);
    await state.identifyByNumber('10000001', '1985-03-14');
    await state.callHelp();
    fake.push(view({ id: 'call-1', status: 'cancelled' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Retour' }));
    expect(state.screen.value).toBe('dossier');
    await state.callHelp();
    fireEvent.click(await screen.findByRole('button', { name: "Retour à l'accueil" }));
    expect(state.screen.value).toBe('home');
    state.stop();
  });
});

describe('the chosen language stays for the session (item 4)', () => {
  it('comes back after a reload, and the goodbye is in it', async () => {
    const first = await renderKiosk(await frenchI18n(), fakeApi().api);
    await first.state.chooseLanguage('ar');
    first.state.stop();
    cleanup();
    // The page reloads (or comes back from an official site, or after an app update): same tab, same session storage.
    const { state } = await renderKiosk(await frenchI18n(), fakeApi().api, { keepStorage: true });
    expect(state.language.value).toBe('ar');
    expect(state.inSession.value).toBe(true);
    await state.endSession();
    await screen.findByText(/شكرًا لك، إلى اللقاء/);
    expect(state.language.value).toBe('ar');
    expect(sessionStorage.length).toBe(0);
    state.stop();
  });
});

describe('honest help states (item 6)', () => {
  it('after the escalation delay: nobody could come yet, and no estimate beside it', async () => {
    const fake = fakeApi();
    const { state } = await renderKiosk(await frenchI18n(), fake.api);
    await state.callHelp();
    fake.push(view({ id: 'call-1', escalated: true }));
    await screen.findByText("Personne n'a encore pu venir, et nous en sommes désolés.");
    expect(screen.queryByText(/Attente estimée/)).toBeNull();
    state.stop();
  });

  it('outside opening hours: says when the pôle opens and offers « Prendre rendez-vous », not the accueil', async () => {
    // Sunday 6 December 2026, 11:00 in Paris; the pôle opens on Monday at 08:30.
    fakeClock('2026-12-06T10:00:00Z');
    const hours: KioskSiteView['openingHours'] = { mon: [['08:30', '12:30']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    const fake = fakeApi({ ...SITE, openingHours: hours });
    const { state } = await renderKiosk(await frenchI18n(), fake.api);
    await state.callHelp();
    fake.push(view({ id: 'call-1' }, { onDutyCount: 0, estimatedWait: null }));
    await screen.findByText('Le pôle est fermé en ce moment.');
    screen.getByText('Il ouvre demain, lundi 7 décembre, à 08:30.');
    expect(screen.queryByText(SITE.help.fallback.fr)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Prendre rendez-vous' }));
    await waitFor(() => expect(state.screen.value).toBe('book-motif'));
    state.stop();
  });

  it('offline outside opening hours: the notice says when the pôle opens, not « go to the accueil »', async () => {
    fakeClock('2026-12-06T10:00:00Z');
    const hours: KioskSiteView['openingHours'] = { mon: [['08:30', '12:30']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    const fake = fakeApi({ ...SITE, openingHours: hours });
    const { state } = await renderKiosk(await frenchI18n(), fake.api);
    fake.setConnection('closed');
    await screen.findByText("La borne n'est plus connectée.");
    screen.getByText('Il ouvre demain, lundi 7 décembre, à 08:30.');
    expect(screen.queryByText(SITE.help.fallback.fr)).toBeNull();
    // Booking needs the server: the offline notice offers no button that cannot work.
    expect(screen.queryByRole('button', { name: 'Prendre rendez-vous' })).toBeNull();
    state.stop();
  });

  it('offline while the pôle is open: the notice gives the site\'s fallback text', async () => {
    fakeClock();
    const fake = fakeApi();
    const { state } = await renderKiosk(await frenchI18n(), fake.api);
    fake.setConnection('closed');
    await screen.findByText("La borne n'est plus connectée.");
    screen.getByText(SITE.help.fallback.fr);
    state.stop();
  });
});
