import { existsSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, SUPPORTED_LANGUAGES, type Language } from '../../src/core/i18n/languages';
import type { SpeechManifest } from '../../src/core/i18n/speakable';
import { ESPEAK_PACKAGE, installedVoices } from '../../src/server/speech/espeak';
import { axeViolations } from '../support/axe';
import { configWith, useBrowserAndServer } from '../support/e2e';

/**
 * « Écouter » in real Chromium, in each of the eight languages: the home screen is read by the
 * server's espeak-ng (headless Chromium has no voices of its own; the test makes sure of it), or,
 * for a language espeak-ng lacks, the kiosk says so in that language and offers the help call.
 */
const suite = useBrowserAndServer({ configDir: configWith((_id, site) => (site.languages = [...SUPPORTED_LANGUAGES])) });

/** A kiosk text as the kiosk shows it in `lang`: its own, or the French one standing in. */
function kioskText(lang: Language, path: string): string {
  for (const l of [lang, 'fr']) {
    const file = `locales/${l}/kiosk.json`;
    if (!existsSync(file)) continue;
    const value = path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], JSON.parse(readFileSync(file, 'utf8')));
    if (typeof value === 'string') return value;
  }
  throw new Error(`no text ${path}`);
}

async function openKiosk(): Promise<Page> {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 1024 } });
  const page = await context.newPage();
  // No browser voice, whatever the machine has: the server's voice is what is tested here.
  await page.addInitScript(() => {
    if ('speechSynthesis' in window) Object.defineProperty(window.speechSynthesis, 'getVoices', { value: () => [] });
  });
  await page.goto(suite.e2e.kioskUrl('chatillon-1'));
  await page.locator('footer .help-button').waitFor();
  // Every 'playing' of the <audio> element, with its length.
  await page.evaluate(() => {
    const audio = document.querySelector<HTMLAudioElement>('audio.listen__audio')!;
    const played: { duration: number }[] = [];
    (window as unknown as { played: typeof played }).played = played;
    // Its length once known: an Ogg file's is read from its last page, after it starts.
    audio.addEventListener('playing', () => played.push({ duration: audio.duration }));
    audio.addEventListener('durationchange', () => {
      const last = played.at(-1);
      if (last && Number.isFinite(audio.duration)) last.duration = audio.duration;
    });
  });
  return page;
}

describe('« Écouter » on the kiosk', () => {
  it('reads the home screen in every language that has a voice, and says so in those without', async () => {
    if (!(await installedVoices())) throw new Error(`espeak-ng is not installed: this test needs the Debian package ${ESPEAK_PACKAGE} (apt-get install ${ESPEAK_PACKAGE})`);
    const page = await openKiosk();
    const manifest = (await (await page.request.get(`${suite.e2e.baseUrl}/api/kiosk/speech/manifest`, { headers: { authorization: `Bearer ${suite.e2e.server.kioskTokens.get('chatillon-1')}` } })).json()) as SpeechManifest;
    // Tigrinya has no synthetic voice at all; Pashto none in Debian 12's espeak-ng.
    expect(manifest.espeak).not.toContain('ti');
    let checkedNotice = false;
    for (const lang of SUPPORTED_LANGUAGES) {
      await page.locator(`.home__languages button[lang="${lang}"]`).click();
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      // A text not yet translated shows in French with the language's « en français » marker.
      const listen = page.locator('footer .listen__main');
      expect(await listen.innerText()).toContain(kioskText(lang, 'listen.button'));
      const before = await page.evaluate(() => (window as unknown as { played: unknown[] }).played.length);
      await listen.click();
      if (manifest.espeak.includes(lang)) {
        await page.waitForFunction((n) => (window as unknown as { played: unknown[] }).played.length > n && document.querySelector<HTMLAudioElement>('audio.listen__audio')!.currentTime > 0.2 && Number.isFinite(document.querySelector<HTMLAudioElement>('audio.listen__audio')!.duration), before, { timeout: 10_000 });
        const { duration } = await page.evaluate(() => (window as unknown as { played: { duration: number }[] }).played.at(-1)!);
        // « Bonjour, bienvenue » and its like, read slowly: one to a few seconds.
        expect({ lang, plausible: duration > 0.5 && duration < 30 }).toEqual({ lang, plausible: true });
        // « Arrêter la lecture » stops it at once.
        expect(await listen.getAttribute('aria-pressed')).toBe('true');
        expect(await listen.innerText()).toContain(kioskText(lang, 'listen.stop'));
        await listen.click();
        await page.waitForFunction(() => document.querySelector('footer .listen__main')!.getAttribute('aria-pressed') === 'false');
        expect(await page.evaluate(() => document.querySelector<HTMLAudioElement>('audio.listen__audio')!.paused)).toBe(true);
        if (lang === 'fr') expect(await axeViolations(page)).toEqual([]);
      } else {
        expect(LANGUAGES[lang].voice.espeakVoice === null || !manifest.espeak.includes(lang)).toBe(true);
        const alert = page.getByRole('alert');
        await alert.waitFor();
        expect(await alert.innerText()).toContain(kioskText(lang, 'listen.noVoice'));
        // « Appeler un médiateur », in that language, right there.
        expect(await alert.locator('.button--primary').innerText()).toContain(kioskText(lang, 'help.button'));
        expect(await page.evaluate(() => (window as unknown as { played: unknown[] }).played.length)).toBe(before);
        // axe once on the notice (it is the same in every language but its text).
        if (!checkedNotice) expect(await axeViolations(page)).toEqual([]);
        checkedNotice = true;
        await alert.locator('.button:not(.button--primary)').click();
        await alert.waitFor({ state: 'detached' });
      }
    }
    await page.context().close();
  });
});
