import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signCourrierCode } from '../../src/server/identity/courrier-token';
import { useBrowserAndServer } from '../support/e2e';

const suite = useBrowserAndServer();

/**
 * Words of French data that leaked into the English and Arabic screens: rooms and floors,
 * demande names, métiers, appointments. (The pôle's name and street address are proper nouns,
 * shown as they are written on the building, so none of these words is in them.)
 */
const FRENCH = ['Bureau', 'étage', 'rez-de-chaussée', 'Salle PMI', 'demande', 'assistante', 'conseillère', 'Rendez-vous', 'Aide au logement', 'Accueil social'];
const BUTTON = { en: 'English', ar: 'العربية' } as const;

/** The screen in the middle: the top bar holds the pôle's name and the language names, on purpose in their own language. */
const screenText = (page: Page) => page.locator('#main').innerText();
// A place object printed as such would hide a fragment instead of translating it.
const frenchIn = (text: string) => [...FRENCH, '[object'].filter((w) => text.toLowerCase().includes(w.toLowerCase()));

async function openKiosk(lang: keyof typeof BUTTON): Promise<Page> {
  const page = await (await suite.browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await page.goto(suite.e2e.kioskUrl('chatillon-4'));
  await page.locator('.help-button').waitFor();
  await page.getByRole('button', { name: BUTTON[lang], exact: true }).first().click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  return page;
}

describe('no French fragment in the English and Arabic screens', () => {
  for (const lang of ['en', 'ar'] as const) {
    it.each([['dos-1', '10000001'], ['dos-2', '10000002']])(`in ${lang}, « Mon dossier » of %s (%s)`, async (dossierId) => {
      const page = await openKiosk(lang);
      await page.locator('.tile').first().click();
      await page.locator('.identify').waitFor();
      const secret = await suite.e2e.server.app.borne.identity.instanceSecret();
      await page.keyboard.type(signCourrierCode(secret, dossierId, new Date(Date.now() + 86_400_000)), { delay: 0 });
      await page.keyboard.press('Enter');
      await page.locator('.dossier .item').first().waitFor();
      const text = await screenText(page);
      expect(frenchIn(text), text).toEqual([]);
      await page.context().close();
    });

    it(`in ${lang}, a first contact without a dossier: check before booking, then the ticket`, async () => {
      const page = await openKiosk(lang);
      await page.locator('.tile').nth(2).click();
      // The motifs in the pôle's order: the follow-up (needs a dossier), then accueil social.
      await page.locator('.tile--motif').nth(1).click();
      await page.locator('#contact-name').fill('Awa Traoré');
      await page.locator('form .button--primary').click();
      await page.locator('#contact-phone').fill('0612345678');
      await page.locator('form .button--primary').click();
      await page.locator('.slot').first().click();
      await page.locator('.summary').waitFor();
      const check = await screenText(page);
      expect(frenchIn(check), check).toEqual([]);
      await page.locator('.actions-row .button--primary').click();
      await page.locator('#done-title').waitFor();
      const ticket = await page.locator('.ticket').innerText();
      expect(frenchIn(ticket), ticket).toEqual([]);
      await page.context().close();
    });
  }
});
