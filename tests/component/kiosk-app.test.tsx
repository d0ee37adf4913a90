import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, frenchI18n, MOTIF_TEXTS, pseudoI18n, renderKiosk, SITE, view } from './support/kiosk-harness';

afterEach(() => cleanup());

/** Every visible text node, except data that is not UI text (site name, language names, fallback). */
function untranslatedTexts(root: HTMLElement): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    if (!text) continue;
    const el = node.parentElement!;
    // Data, not UI text: the site name, language names, fallback text, keypad digits, people's names and places.
    if (el.closest('.language-button, .topbar__site, .fallback') || /^\d$/.test(text)) continue;
    if (!text.startsWith('⟦') || !text.endsWith('⟧')) out.push(text);
  }
  return out;
}

describe('kiosk texts all go through i18next (pseudo-locale)', () => {
  it('has no hard-coded text on the home screen or in any help state', async () => {
    const fake = fakeApi();
    const { state, result } = await renderKiosk(await pseudoI18n(), fake.api);
    expect(untranslatedTexts(result.container as HTMLElement)).toEqual([]);
    await state.callHelp();
    const states = [
      view({ id: 'call-1' }),
      view({ id: 'call-1' }, { onDutyCount: 0, position: 1, estimatedWait: null }),
      view({ id: 'call-1', escalated: true }),
      view({ id: 'call-1', status: 'claimed', claimedByFirstName: 'Karim' }),
      view({ id: 'call-1', status: 'expired' }),
      view({ id: 'call-1', status: 'resolved', outcome: 'helped' }),
    ];
    for (const v of states) {
      fake.push(v);
      await waitFor(() => expect(result.container.querySelector('.help-status')).not.toBeNull());
      expect(untranslatedTexts(result.container as HTMLElement).filter((t) => t !== 'Karim')).toEqual([]);
    }
    state.stop();
  });
});

describe('help screen', () => {
  it('says the call is received, who sees it, the queue place and the wait', async () => {
    const fake = fakeApi();
    const { state } = await renderKiosk(await frenchI18n(), fake.api);
    fireEvent.click(screen.getByRole('button', { name: /Appeler un médiateur/ }));
    await screen.findByText('Votre appel est bien reçu.');
    screen.getByText('2 médiateurs disponibles voient votre appel.');
    screen.getByText('Vous êtes numéro 1 dans la file.');
    screen.getByText('Attente estimée : 2 à 3 minutes.');
    expect(fake.sent).toEqual([{ requestId: expect.any(String), screen: 'home', language: 'fr' }]);
    state.stop();
  });

  it('announces the médiateur by first name once claimed', async () => {
    const fake = fakeApi();
    const { state } = await renderKiosk(await frenchI18n(), fake.api);
    await state.callHelp();
    fake.push(view({ id: 'call-1', status: 'claimed', claimedByFirstName: 'Karim' }));
    await screen.findByText('Karim arrive pour vous aider.');
    state.stop();
  });

  it('with nobody on duty, says so and shows the site fallback text', async () => {
    const fake = fakeApi();
    const { state } = await renderKiosk(await frenchI18n(), fake.api);
    await state.callHelp();
    fake.push(view({ id: 'call-1' }, { onDutyCount: 0, estimatedWait: null }));
    await screen.findByText("Aucun médiateur n'est disponible en ce moment.");
    screen.getByText(SITE.help.fallback.fr);
    state.stop();
  });

  it('ignores a call that is not the one made in this session', async () => {
    const fake = fakeApi();
    const { state } = await renderKiosk(await frenchI18n(), fake.api);
    await state.callHelp();
    fake.push(view({ id: 'someone-elses-call', status: 'claimed', claimedByFirstName: 'Léa' }));
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.queryByText(/Léa/)).toBeNull();
    state.stop();
  });

  it('after a network failure, retries with the same request id so the call is never doubled', async () => {
    const fake = fakeApi();
    const { state } = await renderKiosk(await frenchI18n(), fake.api);
    fake.failNextCall();
    await state.callHelp();
    await screen.findByText(/L'appel n'a pas pu partir/);
    fireEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    await screen.findByText('Votre appel est bien reçu.');
    expect(fake.sent).toHaveLength(2);
    expect(fake.sent[0]!.requestId).toBe(fake.sent[1]!.requestId);
    state.stop();
  });

  it('shows the offline notice with the fallback text while the server is unreachable', async () => {
    const fake = fakeApi();
    const { state } = await renderKiosk(await frenchI18n(), fake.api);
    fake.setConnection('closed');
    await screen.findByText("La borne n'est plus connectée.");
    fake.setConnection('open');
    await waitFor(() => expect(screen.queryByText("La borne n'est plus connectée.")).toBeNull());
    state.stop();
  });
});

describe('session end', () => {
  it('forgets the language, the call and the session storage', async () => {
    const fake = fakeApi();
    const { state } = await renderKiosk(await frenchI18n(), fake.api);
    await state.chooseLanguage('en');
    await state.callHelp();
    expect(sessionStorage.length).toBeGreaterThan(0);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await state.endSession();
      expect(state.inSession.value).toBe(false);
      expect(state.myCall.value).toBeNull();
      expect(sessionStorage.length).toBe(0);
      // The goodbye is in the session's language (issue 9 item 4); then the kiosk is back in French.
      expect(state.language.value).toBe('en');
      await vi.waitFor(() => screen.getByText(/Thank you, goodbye/));
      await vi.advanceTimersByTimeAsync(6000);
      await vi.waitFor(() => expect(state.language.value).toBe('fr'));
    } finally {
      vi.useRealTimers();
    }
    state.stop();
  });
});

describe('identification and dossier', () => {
  it('opens the dossier with the keypad: number, then date of birth', async () => {
    const fake = fakeApi();
    const { state } = await renderKiosk(await frenchI18n(), fake.api);
    fireEvent.click(screen.getByRole('button', { name: /Mon dossier/ }));
    for (const d of '10000001') fireEvent.click(screen.getAllByRole('button', { name: d })[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Suivant' }));
    for (const d of '14031985') fireEvent.click(screen.getAllByRole('button', { name: d })[0]!);
    expect((screen.getByLabelText(/Date de naissance/) as HTMLInputElement).value).toBe('14/03/1985');
    fireEvent.click(screen.getByRole('button', { name: 'Ouvrir mon dossier' }));
    await screen.findByText('Sophie, conseillère en insertion');
    screen.getByText('En cours d\'étude');
    screen.getByText('Bail ou contrat de location');
    screen.getByText(/Il manque des documents/);
    state.stop();
  });

  it('says kindly when nothing matches, and forgets the dossier at session end', async () => {
    const fake = fakeApi();
    const { state } = await renderKiosk(await frenchI18n(), fake.api);
    state.go('identify');
    await state.identifyByNumber('10000009', '1985-03-14');
    await screen.findByText(/Nous ne trouvons pas ce dossier/);
    await state.identifyByNumber('10000001', '1985-03-14');
    expect(state.identity.dossier.value).not.toBeNull();
    await state.endSession();
    expect(state.identity.dossier.value).toBeNull();
    expect(screen.queryByText(/Sophie/)).toBeNull();
    state.stop();
  });

  it('has no hard-coded text on the identification and dossier screens', async () => {
    const fake = fakeApi();
    const { state, result } = await renderKiosk(await pseudoI18n(), fake.api);
    state.go('identify');
    await waitFor(() => expect(result.container.querySelector('.identify')).not.toBeNull());
    expect(untranslatedTexts(result.container as HTMLElement)).toEqual([]);
    state.go('no-dossier');
    await waitFor(() => expect(result.container.querySelector('.plain-list')).not.toBeNull());
    expect(untranslatedTexts(result.container as HTMLElement)).toEqual([]);
    await state.identifyByNumber('10000001', '1985-03-14');
    await waitFor(() => expect(result.container.querySelector('.dossier')).not.toBeNull());
    const data = ['Sophie', 'Bureau 12', ...MOTIF_TEXTS];
    expect(untranslatedTexts(result.container as HTMLElement).filter((t) => !data.some((d) => t.includes(d)))).toEqual([]);
    state.stop();
  });

  it('has no hard-coded text on any booking screen', async () => {
    const fake = fakeApi();
    const { state, result } = await renderKiosk(await pseudoI18n(), fake.api);
    const root = () => result.container as HTMLElement;
    // Times and dates come from Intl, names, places and motif texts from the agenda: data, not UI text.
    const isData = (t: string) => /\d/.test(t) || ['Léa', 'Salle PMI', 'ABC-DEF', 'Pôle social de Châtillon', ...MOTIF_TEXTS].some((d) => t.includes(d));
    state.startBooking();
    await waitFor(() => expect(root().querySelector('.motifs')).not.toBeNull());
    expect(untranslatedTexts(root()).filter((t) => !isData(t))).toEqual([]);
    state.chooseMotif((await fake.api.motifs()).find((m) => m.id === 'm2')!);
    await waitFor(() => expect(root().querySelector('.keyboard')).not.toBeNull());
    expect(untranslatedTexts(root()).filter((t) => !isData(t) && !/^[A-ZÉÈÀÇ'-]$/.test(t))).toEqual([]);
    state.booking.setContact({ name: 'Awa Traoré', phone: '0612345678' });
    await waitFor(() => expect(root().querySelector('.slot')).not.toBeNull());
    expect(untranslatedTexts(root()).filter((t) => !isData(t))).toEqual([]);
    state.booking.chooseSlot(state.booking.week.value!.days[0]!.slots[0]!);
    await waitFor(() => expect(root().querySelector('.summary')).not.toBeNull());
    expect(untranslatedTexts(root()).filter((t) => !isData(t))).toEqual([]);
    await state.booking.confirm();
    await waitFor(() => expect(root().querySelector('.ticket')).not.toBeNull());
    expect(untranslatedTexts(root()).filter((t) => !isData(t))).toEqual([]);
    state.stop();
  });
});
