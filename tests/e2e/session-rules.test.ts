import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { configWith, signInConsole, useBrowserAndServer } from '../support/e2e';
import { fixedClock } from '../support/server';
import { chooseKioskLanguage } from '../support/languages';

/**
 * Issue 9, items 1, 4 and 6, as a usager meets them in Chromium. The sites warn after the
 * shortest inactivity the config allows (30 s, then 20 s to answer); the page's clock is
 * Playwright's fake one, fast-forwarded, and the server's is fixed at the same instant.
 */
const TUESDAY_10H = '2026-12-01T09:00:00.000Z';
const SUNDAY_11H = '2026-12-06T10:00:00.000Z';
const clock = fixedClock(TUESDAY_10H);
const suite = useBrowserAndServer({
  clock,
  configDir: configWith((_id, site) => {
    site.idle = { warningAfterSeconds: 30, answerSeconds: 20 };
  }),
});

async function openKiosk(kioskId: string, at = TUESDAY_10H, viewport = { width: 1280, height: 1024 }): Promise<Page> {
  const page = await (await suite.browser.newContext({ viewport })).newPage();
  await page.clock.install({ time: new Date(at) });
  await page.goto(suite.e2e.kioskUrl(kioskId));
  await page.getByRole('button', { name: 'Appeler un médiateur' }).waitFor();
  return page;
}

async function openDossier(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Mon dossier/ }).click();
  await page.getByLabel('Numéro de dossier (8 chiffres)').fill('10000001');
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByLabel(/Date de naissance/).fill('14031985');
  await page.getByRole('button', { name: 'Ouvrir mon dossier' }).click();
  await page.getByText('Sophie', { exact: false }).first().waitFor();
}

const WORDS = {
  fr: { help: 'Appeler un médiateur', nobody: "Aucun médiateur n'est disponible en ce moment.", fallback: "Allez à l'accueil du pôle", idle: 'Êtes-vous toujours là ?', bye: 'Merci et à bientôt.' },
  ar: { help: 'اطلب وسيطًا', nobody: 'لا يوجد وسيط متاح الآن.', fallback: 'توجّه إلى مكتب الاستقبال', idle: null, bye: 'شكرًا لك، إلى اللقاء' },
} as const;

describe('a session always ends, even on the help screen (item 1)', () => {
  for (const [lang, kioskId] of [['fr', 'chatillon-1'], ['ar', 'chatillon-2']] as const) {
    it(`nobody on duty, dossier open, help called, fallback read, usager gone: warned, ended, the next person cannot reach the dossier (${lang})`, async () => {
      const page = await openKiosk(kioskId);
      await openDossier(page);
      if (lang === 'ar') {
        await chooseKioskLanguage(page, 'العربية');
        await page.waitForFunction(() => document.documentElement.dir === 'rtl');
      }
      const words = WORDS[lang];
      await page.locator('.help-button').click();
      await page.locator('.help-status').getByText(words.nobody).waitFor();
      await page.locator('.help-status').getByText(words.fallback, { exact: false }).waitFor();
      expect(await axeViolations(page)).toEqual([]);

      // The usager walks away. Today's bug: no warning ever came while the call was open.
      await page.clock.fastForward(31_000);
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      if (words.idle) await dialog.getByRole('heading', { name: words.idle }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.clock.fastForward(21_000);
      await page.getByText(words.bye, { exact: false }).waitFor();
      expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual([]);

      // The next person: back in French after the goodbye, « Mon dossier » asks who they are.
      await page.clock.fastForward(7_000);
      await page.waitForFunction(() => document.documentElement.lang === 'fr');
      await page.getByRole('button', { name: /Mon dossier/ }).click();
      await page.getByLabel('Numéro de dossier (8 chiffres)').waitFor();
      expect(await page.getByText('Sophie', { exact: false }).count()).toBe(0);
      const calls = await suite.e2e.server.store.db.selectFrom('help_calls').select('status').where('kiosk_id', '=', kioskId).execute();
      expect(calls.map((c) => c.status)).toEqual(['cancelled']);
      await page.context().close();
    });
  }
});

describe('the chosen language stays for the session (item 4)', () => {
  it('Arabic survives a reload and a return from an official site; the goodbye is in Arabic', async () => {
    const page = await openKiosk('chatillon-3');
    await page.getByRole('button', { name: 'العربية' }).first().click();
    await page.waitForFunction(() => document.documentElement.lang === 'ar');
    await page.reload();
    await page.getByRole('button', { name: WORDS.ar.help }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    // Back from an official site, the extension sends the tab to the kiosk's enrolling address.
    await page.goto(`${suite.e2e.baseUrl}/healthz`);
    await page.goto(suite.e2e.kioskUrl('chatillon-3'));
    await page.getByRole('button', { name: WORDS.ar.help }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.locator('.end-button').click();
    await page.getByText(WORDS.ar.bye, { exact: false }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('honest help states (item 6)', () => {
  it('after the escalation delay: nobody could come yet, and no estimate beside it', async () => {
    const console = await signInConsole(suite.browser, suite.e2e.baseUrl, 'mediateur', 'Pôle social de Villeneuve-la-Garenne');
    const page = await openKiosk('villeneuve-la-garenne-1');
    await page.locator('.help-button').click();
    await page.getByText('Attente estimée', { exact: false }).waitFor();
    clock.advance(5 * 60_000 + 1000);
    await suite.e2e.server.app.borne.sweep();
    await page.getByText("Personne n'a encore pu venir", { exact: false }).waitFor();
    expect(await page.getByText('Attente estimée', { exact: false }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('.end-button').click();
    clock.set(TUESDAY_10H);
    await Promise.all([page.context().close(), console.context().close()]);
  });

  it('outside opening hours: when the pôle opens and « Prendre rendez-vous », never the closed accueil', async () => {
    const page = await openKiosk('issy-les-moulineaux-1', SUNDAY_11H);
    await page.locator('.help-button').click();
    const status = page.locator('.help-status');
    await status.getByText('Le pôle est fermé en ce moment.').waitFor();
    await status.getByText('Il ouvre demain, lundi 7 décembre, à 08:30.').waitFor();
    expect(await status.getByText("l'accueil", { exact: false }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await chooseKioskLanguage(page, 'العربية');
    await status.getByText('يفتح غدًا', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await chooseKioskLanguage(page, 'Français');
    await status.getByRole('button', { name: 'Prendre rendez-vous' }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: /rendez-vous/i }).waitFor();
    await page.context().close();
  });
});
