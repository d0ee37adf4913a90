import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HelpCall, HelpContext } from '../../src/core/help/help-call';
import { CONTRAST_KEY, TEXT_SIZE_KEY } from '../../src/kiosk/state/display-state';
import { CallCard } from '../../src/staff/components/CallCard';
import { StaffStateContext } from '../../src/staff/state/context';
import { ConsoleLanguageContext, createConsoleLanguage } from '../../src/staff/state/console-language';
import { createStaffState } from '../../src/staff/state/staff-state';
import { I18nProvider } from '../../src/web/i18n-context';
import { fakeApi, frenchI18n, pseudoI18n, renderKiosk } from './support/kiosk-harness';
import { call, fakeStaffApi, staffI18n } from './support/staff-harness';

/** Issue 12 item 6: text size and high contrast on the kiosk, part of the session, told to the console. */
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  delete document.documentElement.dataset.textSize;
  delete document.documentElement.dataset.contrast;
});

const root = () => document.documentElement;
const sizes = () => within(screen.getByRole('group', { name: 'Taille du texte' })).getAllByRole('button');
const sizeButton = (percent: number) => screen.getByRole('button', { name: `Texte à ${percent} %` });
const contrast = () => screen.getByRole('button', { name: 'Contraste élevé' });

/** The kiosk, with every help call's context recorded. */
async function kioskWithCalls(options: { keepStorage?: boolean } = {}) {
  const fake = fakeApi();
  const contexts: HelpContext[] = [];
  const callHelp = fake.api.callHelp;
  fake.api.callHelp = (requestId, context) => {
    contexts.push(context);
    return callHelp(requestId, context);
  };
  const { state, result } = await renderKiosk(await frenchI18n(), fake.api, options);
  return { fake, contexts, state, result };
}

describe('the text size and contrast controls (top bar)', () => {
  it('offers 100, 150 and 200 %, one pressed at a time, applied to the page root', async () => {
    const { state } = await kioskWithCalls();
    expect(sizes().map((b) => b.textContent)).toEqual(['ATexte à 100 %', 'ATexte à 150 %', 'ATexte à 200 %']);
    expect(sizeButton(100).getAttribute('aria-pressed')).toBe('true');
    expect(root().dataset.textSize).toBe('100');
    expect(root().dataset.contrast).toBeUndefined();

    fireEvent.click(sizeButton(200));
    expect(root().dataset.textSize).toBe('200');
    expect(sizes().map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'false', 'true']);
    fireEvent.click(sizeButton(150));
    expect(root().dataset.textSize).toBe('150');

    expect(contrast().getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(contrast());
    expect(root().dataset.contrast).toBe('high');
    expect(contrast().getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(contrast());
    expect(root().dataset.contrast).toBeUndefined();
    state.stop();
  });

  it('are plain buttons in the tab order, in the top bar of every screen', async () => {
    const { state } = await kioskWithCalls();
    for (const to of ['home', 'identify', 'guides', 'help'] as const) {
      if (to === 'help') await state.callHelp();
      else state.go(to);
      await waitFor(() => expect(state.screen.value).toBe(to));
      const bar = document.querySelector('.topbar') as HTMLElement;
      const controls = [...within(bar).getByRole('group', { name: 'Taille du texte' }).querySelectorAll('button'), within(bar).getByRole('button', { name: 'Contraste élevé' })];
      expect(controls).toHaveLength(4);
      for (const c of controls) {
        expect(c.tagName).toBe('BUTTON');
        expect(c.getAttribute('type')).toBe('button');
        expect(c.tabIndex).toBe(0);
      }
    }
    state.stop();
  });

  it('say every word through i18next (pseudo-locale)', async () => {
    const fake = fakeApi();
    const { state, result } = await renderKiosk(await pseudoI18n(), fake.api);
    const texts = [...(result.container.querySelector('.display-controls') as HTMLElement).querySelectorAll('span')].map((s) => s.textContent ?? '').filter((t) => t.trim());
    expect(texts.length).toBe(7);
    for (const text of texts) expect(text).toMatch(/^⟦.*⟧$/);
    state.stop();
  });

  it('choosing a size starts a session: « Terminer » appears', async () => {
    const { state } = await kioskWithCalls();
    expect(state.inSession.value).toBe(false);
    fireEvent.click(sizeButton(200));
    expect(state.inSession.value).toBe(true);
    await screen.findByRole('button', { name: /Terminer/ });
    state.stop();
  });
});

describe('the top bar with enlarged text', () => {
  it('folds the languages into one button that opens them, by touch or keyboard (Escape closes)', async () => {
    const { state } = await kioskWithCalls();
    const bar = () => document.querySelector('.topbar') as HTMLElement;
    await waitFor(() => expect(state.site.value).not.toBeNull());
    fireEvent.click(sizeButton(200));
    const toggle = await within(bar()).findByRole('button', { name: 'Choisissez votre langue Français' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(bar()).queryByRole('button', { name: 'English' })).toBeNull();
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-expanded')).toBe('true'));
    fireEvent.keyDown(within(bar()).getByRole('button', { name: 'English' }), { key: 'Escape' });
    await waitFor(() => expect(toggle.getAttribute('aria-expanded')).toBe('false'));
    expect(document.activeElement).toBe(toggle);
    fireEvent.click(toggle);
    fireEvent.click(await within(bar()).findByRole('button', { name: 'English' }));
    await waitFor(() => expect(state.language.value).toBe('en'));
    await waitFor(() => expect(within(bar()).getByRole('button', { name: 'Choose your language English' }).getAttribute('aria-expanded')).toBe('false'));
    // The size stays through the change of language.
    expect(root().dataset.textSize).toBe('200');
    state.stop();
  });
});

describe('text size and contrast are part of the session', () => {
  it('survive a reload within the session (sessionStorage)', async () => {
    const first = await kioskWithCalls();
    fireEvent.click(sizeButton(200));
    fireEvent.click(contrast());
    expect(sessionStorage.getItem(TEXT_SIZE_KEY)).toBe('200');
    expect(sessionStorage.getItem(CONTRAST_KEY)).toBe('1');
    first.state.stop();
    cleanup();
    delete root().dataset.textSize;
    delete root().dataset.contrast;

    const again = await kioskWithCalls({ keepStorage: true });
    expect(root().dataset.textSize).toBe('200');
    expect(root().dataset.contrast).toBe('high');
    expect(sizeButton(200).getAttribute('aria-pressed')).toBe('true');
    expect(again.state.inSession.value).toBe(true);
    again.state.stop();
  });

  it('go back to 100 % and normal contrast when the usager presses « Terminer »', async () => {
    const { state } = await kioskWithCalls();
    fireEvent.click(sizeButton(150));
    fireEvent.click(contrast());
    fireEvent.click(await screen.findByRole('button', { name: /Terminer/ }));
    await waitFor(() => expect(state.inSession.value).toBe(false));
    expect(root().dataset.textSize).toBe('100');
    expect(root().dataset.contrast).toBeUndefined();
    expect(sizeButton(100).getAttribute('aria-pressed')).toBe('true');
    expect(contrast().getAttribute('aria-pressed')).toBe('false');
    expect(sessionStorage.getItem(TEXT_SIZE_KEY)).toBeNull();
    expect(sessionStorage.getItem(CONTRAST_KEY)).toBeNull();
    state.stop();
  });

  it('go back to normal when the session ends on inactivity', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], now: Date.parse('2026-12-01T09:00:00Z') });
    const { state } = await kioskWithCalls();
    fireEvent.click(sizeButton(200));
    fireEvent.click(contrast());
    // The site's idle settings: warned after 120 s, 30 s to answer.
    vi.advanceTimersByTime(121_000);
    await screen.findByRole('dialog');
    expect(root().dataset.textSize).toBe('200');
    vi.advanceTimersByTime(30_000);
    await waitFor(() => expect(state.inSession.value).toBe(false));
    expect(root().dataset.textSize).toBe('100');
    expect(root().dataset.contrast).toBeUndefined();
    expect(sessionStorage.getItem(TEXT_SIZE_KEY)).toBeNull();
    state.stop();
  });

  it('go back to normal on a remote reset from the console', async () => {
    const { fake, state } = await kioskWithCalls();
    fireEvent.click(sizeButton(200));
    fake.remoteReset();
    await waitFor(() => expect(state.inSession.value).toBe(false));
    expect(root().dataset.textSize).toBe('100');
    state.stop();
  });

  it('are told in the help call: the real size and the contrast', async () => {
    const { contexts, state } = await kioskWithCalls();
    await state.callHelp();
    expect(contexts[0]!.accessibility).toEqual({ textSize: 100, highContrast: false });
    await state.cancelHelp();
    fireEvent.click(sizeButton(200));
    fireEvent.click(contrast());
    fireEvent.click(screen.getByRole('button', { name: /Appeler un médiateur/ }));
    await waitFor(() => expect(contexts).toHaveLength(2));
    expect(contexts[1]!.accessibility).toEqual({ textSize: 200, highContrast: true });
    state.stop();
  });
});

/** Call cards as the console shows them, with what main.tsx puts around the console. */
async function renderCalls(calls: HelpCall[]) {
  const i18n = await staffI18n();
  const state = createStaffState({ api: fakeStaffApi('mediateur').api, onNewCall: () => undefined });
  render(
    <I18nProvider i18n={i18n} language={signal('fr')}>
      <ConsoleLanguageContext.Provider value={createConsoleLanguage('fr', async (lang) => lang)}>
        <StaffStateContext.Provider value={state}>
          {calls.map((c) => (
            <CallCard key={c.id} call={c} now={Date.parse(c.createdAt)} />
          ))}
        </StaffStateContext.Provider>
      </ConsoleLanguageContext.Provider>
    </I18nProvider>,
  );
}

describe('the console shows the display of the kiosk that calls', () => {
  it('says the text size and the contrast; an old kiosk’s « large text »; nothing for a normal screen', async () => {
    const at200 = call('c1', 'chatillon-1', { context: { screen: 'dossier', language: 'ar', accessibility: { textSize: 200, highContrast: true } } });
    const old = call('c2', 'chatillon-2', { context: { screen: 'home', language: 'fr', accessibility: { largeText: true } } });
    const normal = call('c3', 'chatillon-1', { context: { screen: 'home', language: 'fr', accessibility: { textSize: 100, highContrast: false } } });
    await renderCalls([at200, old, normal]);
    const card = (id: string) => document.querySelector(`[data-call-id="${id}"]`) as HTMLElement;
    expect(card('c1').querySelector('.call__display')?.textContent).toBe('Affichage : Texte à 200 %Contraste élevé');
    expect([...card('c1').querySelectorAll('.call__display .dots > span')].map((s) => s.textContent)).toEqual(['Texte à 200 %', 'Contraste élevé']);
    expect(card('c2').querySelector('.call__display')?.textContent).toBe('Affichage : Grand texte');
    expect(card('c3').querySelector('.call__display')).toBeNull();
  });
});
