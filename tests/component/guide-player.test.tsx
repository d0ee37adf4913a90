import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Guide } from '../../src/core/guides/guide';
import { fakeApi, frenchI18n, renderKiosk, SITE } from './support/kiosk-harness';

const CAF: Guide = {
  id: 'caf-test',
  organism: 'caf',
  startUrl: 'https://www.caf.fr/allocataires',
  durationMinutes: 10,
  checked: { on: '2026-11-01', source: 'https://www.caf.fr/' },
  bring: [{ id: 'numero', kind: 'identifier' }],
  steps: [
    { id: 'ouvrir', onSite: true },
    { id: 'verifier', onSite: true },
    { id: 'garder', onSite: false },
  ],
};
const GUIDES = new Map([[CAF.id, CAF]]);
const SITE_WITH_GUIDE = { ...SITE, guides: [CAF.id] };

const FR = {
  'caf-test': {
    title: 'Déclaration de test',
    need: 'Je veux déclarer mes ressources',
    purpose: 'Pour garder vos droits.',
    keywords: 'rsa trimestre',
    bring: { numero: { label: 'Votre numéro allocataire', where: 'En haut des courriers de la CAF.' } },
    steps: { ouvrir: 'Touchez « Ouvrir le site ».', verifier: 'Vérifiez les montants.', garder: 'Notez la date.' },
  },
};
// Arabic lacks the second step: French stands in, marked.
const AR = { 'caf-test': { ...FR['caf-test'], title: 'تصريح تجريبي', need: 'أريد التصريح بمواردي', purpose: 'للحفاظ على حقوقك.', steps: { ouvrir: 'المس «Ouvrir le site».', garder: 'سجّل التاريخ.' } } };

async function setup(options: { keepStorage?: boolean } = {}) {
  const i18n = await frenchI18n();
  i18n.addResourceBundle('fr', 'guides', FR);
  i18n.addResourceBundle('ar', 'guides', AR);
  const fake = fakeApi(SITE_WITH_GUIDE);
  const { state, result } = await renderKiosk(i18n, fake.api, { guides: GUIDES, ...options });
  return { i18n, fake, state, result };
}

afterEach(() => {
  cleanup();
  delete (globalThis as { speechSynthesis?: unknown }).speechSynthesis;
});

describe('the guide player', () => {
  it('goes from the list to what to prepare, through every step, to done, counting opened and completed', async () => {
    const { fake, state } = await setup();
    state.openGuides();
    fireEvent.click(await screen.findByRole('button', { name: /Je veux déclarer mes ressources/ }));
    await screen.findByRole('heading', { name: 'Déclaration de test', level: 1 });
    expect(screen.getByText('Environ 10 minutes')).toBeTruthy();
    const have = screen.getByRole('checkbox', { name: /Je l'ai/ });
    expect(screen.getByText('En haut des courriers de la CAF.')).toBeTruthy();
    fireEvent.click(have);
    expect(have.getAttribute('aria-checked')).toBe('true');
    expect(screen.queryByText('En haut des courriers de la CAF.')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Commencer' }));
    await screen.findByText('Étape 1 sur 3');
    expect(screen.getByText('Touchez « Ouvrir le site ».')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ouvrir le site' }).getAttribute('href')).toBe('https://www.caf.fr/allocataires');
    fireEvent.click(screen.getByRole('button', { name: 'Suivant' }));
    await screen.findByText('Étape 2 sur 3');
    fireEvent.click(screen.getByRole('button', { name: 'Précédent' }));
    await screen.findByText('Étape 1 sur 3');
    fireEvent.click(screen.getByRole('button', { name: 'Suivant' }));
    fireEvent.click(screen.getByRole('button', { name: 'Suivant' }));
    await screen.findByText('Étape 3 sur 3');
    // The last step is on paper: no « Ouvrir le site ».
    expect(screen.queryByRole('link', { name: 'Ouvrir le site' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: "C'est fini" }));
    await screen.findByText("Bravo, c'est fait !");
    await waitFor(() => expect(fake.progress).toEqual(['caf-test:opened', 'caf-test:completed']));
    state.stop();
  });

  it('keeps the guide and step across a reload within the session, and forgets them at its end', async () => {
    const first = await setup();
    first.state.openGuide('caf-test');
    first.state.guide.begin();
    first.state.guide.next();
    first.state.stop();
    first.result.unmount();

    const again = await setup({ keepStorage: true });
    expect(again.state.screen.value).toBe('guide');
    await screen.findByText('Étape 2 sur 3');
    await again.state.endSession();
    again.state.stop();
    again.result.unmount();

    const after = await setup({ keepStorage: true });
    expect(after.state.screen.value).toBe('home');
    expect(after.state.guide.current.value).toBeNull();
    after.state.stop();
  });

  it('sends the guide and the step with a help call', async () => {
    const { fake, state } = await setup();
    state.openGuide('caf-test');
    state.guide.begin();
    state.guide.next();
    await state.callHelp();
    expect(fake.sent.at(-1)).toMatchObject({ screen: 'guide', guideId: 'caf-test', step: 2 });
    // « Retour » goes back to the step; « Retour à l'accueil » goes home, as it says.
    state.goBack();
    expect(state.screen.value).toBe('guide');
    await state.callHelp();
    state.goHome();
    expect(state.screen.value).toBe('home');
    state.stop();
  });

  it('shows a missing translation in French, marked « en français » in the usager language', async () => {
    const { state } = await setup();
    await state.chooseLanguage('ar');
    state.openGuide('caf-test');
    state.guide.begin();
    state.guide.next();
    const french = await screen.findByText('Vérifiez les montants.', { exact: false });
    expect(french.closest('[lang="fr"]')).not.toBeNull();
    expect(screen.getByText('بالفرنسية').getAttribute('lang')).toBe('ar');
    state.guide.next();
    await screen.findByText('سجّل التاريخ.');
    expect(screen.queryByText('بالفرنسية')).toBeNull();
    state.stop();
  });

  // « Écouter » is in the help bar of every screen now: tests/component/listen.test.tsx reads a guide step.
});
