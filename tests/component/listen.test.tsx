import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Guide } from '../../src/core/guides/guide';
import type { HelpContext } from '../../src/core/help/help-call';
import type { Speakable, SpeechManifest } from '../../src/core/i18n/speakable';
import { fakeApi, frenchI18n, renderKiosk, SITE } from './support/kiosk-harness';

/** A speechSynthesis double: records each utterance; the test ends them. */
function fakeSynthesis(voices: { lang: string; name: string }[]) {
  const spoken: { text: string; rate: number; volume: number; lang: string; end: () => void }[] = [];
  let cancelled = 0;
  (globalThis as { speechSynthesis?: unknown }).speechSynthesis = {
    getVoices: () => voices,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    cancel: () => (cancelled += 1),
    speak: (u: { text: string; rate: number; volume: number; lang: string; onend: () => void }) => spoken.push({ text: u.text, rate: u.rate, volume: u.volume, lang: u.lang, end: () => u.onend() }),
  };
  (globalThis as { SpeechSynthesisUtterance?: unknown }).SpeechSynthesisUtterance = class {
    voice: unknown = null;
    lang = '';
    rate = 1;
    volume = 1;
    onend: unknown = null;
    onerror: unknown = null;
    constructor(readonly text: string) {}
  };
  return { spoken, cancelled: () => cancelled };
}

async function setup(manifest: SpeechManifest = { espeak: [], recordings: {} }, site = SITE, guides?: ReadonlyMap<string, Guide>) {
  const i18n = await frenchI18n();
  const fake = fakeApi(site);
  const asked: { lang: string; item: Speakable }[] = [];
  fake.api.speechManifest = async () => manifest;
  fake.api.speechAudio = async (lang, item) => {
    asked.push({ lang, item });
    return { url: `/api/kiosk/speech/audio/${lang}/${'a'.repeat(32)}.wav`, source: 'espeak', lang, durationMs: 1500 };
  };
  const { state } = await renderKiosk(i18n, fake.api, guides ? { guides } : {});
  return { i18n, fake, state, asked };
}

afterEach(() => {
  cleanup();
  delete (globalThis as { speechSynthesis?: unknown }).speechSynthesis;
});

describe('« Écouter » in the help bar', () => {
  it('reads the screen\'s texts with the browser\'s voice, slower than normal, and stops', async () => {
    const synth = fakeSynthesis([{ lang: 'fr-FR', name: 'Française' }]);
    const { state } = await setup();
    const footer = document.querySelector('footer.helpbar')!;
    const listen = await screen.findByRole('button', { name: 'Écouter' });
    expect(footer.contains(listen)).toBe(true);
    fireEvent.click(listen);
    await waitFor(() => expect(synth.spoken.length).toBe(1));
    expect(synth.spoken[0]).toMatchObject({ text: 'Bonjour, bienvenue', rate: 0.8, volume: 0.8, lang: 'fr-FR' });
    synth.spoken[0]!.end();
    await waitFor(() => expect(synth.spoken.map((s) => s.text).slice(0, 2)).toEqual(['Bonjour, bienvenue', 'Un médiateur numérique peut vous aider à tout moment. Appuyez sur le bouton vert.']));
    const stop = screen.getByRole('button', { name: 'Arrêter la lecture' });
    expect(stop.getAttribute('aria-pressed')).toBe('true');
    const before = synth.cancelled();
    fireEvent.click(stop);
    expect(synth.cancelled()).toBeGreaterThan(before);
    // Stopped, it reads again from the start.
    fireEvent.click(await screen.findByRole('button', { name: 'Écouter' }));
    await waitFor(() => expect(synth.spoken.at(-1)?.text).toBe('Bonjour, bienvenue'));
    state.stop();
  });

  it('without a browser voice, plays the server\'s espeak-ng audio in the <audio> element, by key', async () => {
    fakeSynthesis([]);
    const { state, asked } = await setup({ espeak: ['fr', 'en', 'ar'], recordings: { fr: { 'home.title': '/api/kiosk/speech/recordings/fr/rec.ogg' } } });
    fireEvent.click(await screen.findByRole('button', { name: 'Écouter' }));
    const audio = document.querySelector<HTMLAudioElement>('audio.listen__audio')!;
    // The pôle's recording of the title comes first, before any synthetic voice.
    await waitFor(() => expect(audio.getAttribute('src')).toBe('/api/kiosk/speech/recordings/fr/rec.ogg'));
    audio.dispatchEvent(new Event('ended'));
    await waitFor(() => expect(audio.getAttribute('src')).toMatch(/^\/api\/kiosk\/speech\/audio\/fr\//));
    // Keys only: the server looks the texts up itself.
    expect(asked[0]).toEqual({ lang: 'fr', item: { key: 'home.intro' } });
    expect(asked.every((a) => !('text' in a.item))).toBe(true);
    state.stop();
  });

  it('in a language without any voice, says so and offers « Appeler un médiateur »', async () => {
    fakeSynthesis([{ lang: 'fr-FR', name: 'Française' }]);
    const { state, fake, i18n } = await setup({ espeak: ['fr', 'en', 'ar'], recordings: {} });
    const contexts: HelpContext[] = [];
    const callHelp = fake.api.callHelp;
    fake.api.callHelp = (id, context) => (contexts.push(context), callHelp(id, context));
    // Tigrinya: no synthetic voice exists (languages.ts); the texts are the kiosk's, in Tigrinya where translated.
    await state.chooseLanguage('ti');
    fireEvent.click(await screen.findByRole('button', { name: i18n.t('kiosk:listen.button') }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(i18n.t('kiosk:listen.noVoice'));
    fireEvent.click(screen.getAllByRole('button', { name: i18n.t('kiosk:help.button') }).find((b) => alert.contains(b))!);
    await waitFor(() => expect(fake.sent.length).toBe(1));
    expect(state.screen.value).toBe('help');
    // The call tells the médiateur that « Écouter » was used.
    expect(contexts.at(-1)?.accessibility).toMatchObject({ speech: true });
    state.stop();
  });

  it('reads a guide step as a key of the guides namespace', async () => {
    const synth = fakeSynthesis([{ lang: 'fr-FR', name: 'Française' }]);
    const guide: Guide = { id: 'caf-test', organism: 'caf', startUrl: 'https://www.caf.fr/', durationMinutes: 10, checked: { on: '2026-11-01', source: 'https://www.caf.fr/' }, bring: [], steps: [{ id: 'ouvrir', onSite: true }] };
    const { state, i18n } = await setup(undefined, { ...SITE, guides: ['caf-test'] }, new Map([[guide.id, guide]]));
    i18n.addResourceBundle('fr', 'guides', { 'caf-test': { title: 'Test', need: 'Test', purpose: 'Test.', keywords: '', steps: { ouvrir: 'Touchez « Ouvrir le site ».' } } });
    state.openGuide('caf-test');
    state.guide.begin();
    await screen.findByText('Étape 1 sur 1');
    fireEvent.click(screen.getByRole('button', { name: 'Écouter' }));
    await waitFor(() => expect(synth.spoken.length).toBe(1));
    expect(synth.spoken[0]!.text).toBe('Étape 1 sur 1');
    synth.spoken[0]!.end();
    await waitFor(() => expect(synth.spoken[1]?.text).toBe('Touchez « Ouvrir le site ».'));
    // Another step stops the reading.
    const cancelled = synth.cancelled();
    state.guide.next();
    await waitFor(() => expect(synth.cancelled()).toBeGreaterThan(cancelled));
    state.stop();
  });

  it('changes the volume for the session only: back to the pôle\'s level at its end', async () => {
    fakeSynthesis([{ lang: 'fr-FR', name: 'Française' }]);
    const { state } = await setup(undefined, { ...SITE, speech: { volume: 0.6 } });
    expect(screen.getByText('Volume : 60 %')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Plus fort' }));
    fireEvent.click(screen.getByRole('button', { name: 'Plus fort' }));
    expect(screen.getByText('Volume : 100 %')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Plus fort' }) as HTMLButtonElement).disabled).toBe(true);
    expect(state.inSession.value).toBe(true);
    await state.endSession();
    await waitFor(() => expect(screen.getByText('Volume : 60 %')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Moins fort' }));
    expect(screen.getByText('Volume : 40 %')).toBeTruthy();
    state.stop();
  });
});
