import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, SUPPORTED_LANGUAGES, type Language } from '../../src/core/i18n/languages';
import { signCourrierCode } from '../../src/server/identity/courrier-token';
import { axeViolations } from '../support/axe';
import { useBrowserAndServer } from '../support/e2e';
import { walkBooking, walkGuides, walkHelpAndDossier, type KioskScreenName } from '../support/kiosk-screens';

/**
 * Issue 12: every kiosk screen in each of the eight languages. On each screen: axe finds nothing;
 * the page says its language and direction; a right-to-left language mirrors the layout (the
 * pôle's name on the right, « Terminer » on the left); no French stand-in (the « en français »
 * marker) shows, since the kiosk's texts are complete in every language; and the main action is
 * above the fold at 1920 x 1080. The session runs start to end in the language: « Terminer »
 * says goodbye in it.
 */
const suite = useBrowserAndServer();
const MARKERS: Record<string, string> = {};

async function openKiosk(kioskId: string, lang: Language): Promise<Page> {
  const page = await (await suite.browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  // Whether the Ethiopic font had loaded when the first screen appeared: text laid out before
  // showed empty boxes in places even after the font came (the kiosk loads it before rendering).
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('.help-button')) return;
      observer.disconnect();
      const faces: FontFace[] = [];
      document.fonts.forEach((f) => (f.family.includes('Ethiopic') ? faces.push(f) : undefined));
      document.documentElement.dataset.ethiopicAtFirstRender = faces.length > 0 && faces.every((f) => f.status === 'loaded') ? 'loaded' : 'missing';
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(suite.e2e.kioskUrl(kioskId));
  await page.locator('.help-button').waitFor();
  await page.locator(`.languages--large .language-button[lang="${lang}"]`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  return page;
}

async function check(page: Page, lang: Language, screen: KioskScreenName): Promise<void> {
  const facts = await page.evaluate((marker) => {
    const site = document.querySelector('.topbar__site')!.getBoundingClientRect();
    const help = document.querySelector('.help-button')!.getBoundingClientRect();
    return {
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
      siteOnTheRight: site.left > window.innerWidth / 2,
      helpVisible: help.bottom <= window.innerHeight && help.top >= 0,
      standIns: marker ? document.body.innerText.split('\n').filter((line) => line.includes(`(${marker})`)) : [],
    };
  }, MARKERS[lang] ?? '');
  expect({ screen, ...facts }).toEqual({ screen, lang, dir: LANGUAGES[lang].dir, siteOnTheRight: LANGUAGES[lang].dir === 'rtl', helpVisible: true, standIns: [] });
  expect({ screen, axe: await axeViolations(page) }).toEqual({ screen, axe: [] });
  // BORNE_SHOTS=<folder>: also keeps a picture of each screen, to look at.
  if (process.env.BORNE_SHOTS) await page.screenshot({ path: join(process.env.BORNE_SHOTS, `${lang}-${screen}.png`) });
}

async function courrierCode(): Promise<string> {
  const secret = await suite.e2e.server.app.borne.identity.instanceSecret();
  return signCourrierCode(secret, 'dos-1', new Date(Date.now() + 86_400_000));
}

describe('every kiosk screen in each of the eight languages', () => {
  it.each(SUPPORTED_LANGUAGES.map((lang, i) => [lang, i] as const))('%s', async (lang, i) => {
    // The marker a stand-in carries: the language's own words, or the French ones when it lacks them.
    const marker = (l: string) => (JSON.parse(readFileSync(`locales/${l}/common.json`, 'utf8')) as { inFrench?: string }).inFrench;
    MARKERS[lang] = lang === 'fr' ? '' : (marker(lang) ?? marker('fr') ?? '');
    // Four kiosks of Châtillon, taken in turn: each walk is a session of its own.
    const page = await openKiosk(`chatillon-${(i % 4) + 1}`, lang);
    // « ትግርኛ » is in every language picker: its letters must have a font, not empty boxes.
    expect(await page.evaluate(() => document.documentElement.dataset.ethiopicAtFirstRender)).toBe('loaded');
    const seen: KioskScreenName[] = [];
    const visit = (screen: KioskScreenName) => (seen.push(screen), check(page, lang, screen));
    await walkHelpAndDossier(page, await courrierCode(), visit);
    await page.locator('.end-button').click();
    await page.locator('#home-title').waitFor();
    await page.locator(`.languages--large .language-button[lang="${lang}"]`).click();
    await walkBooking(page, visit, { name: 'Awa Traoré', phone: `06123456${String(10 + i)}` });
    await page.locator('.end-button').click();
    await page.locator('#home-title').waitFor();
    await page.locator(`.languages--large .language-button[lang="${lang}"]`).click();
    await walkGuides(page, visit);
    await page.locator('.end-button').click();
    // The goodbye in the session's language, then home in the pôle's.
    await page.waitForFunction((l) => document.documentElement.lang === l && document.body.innerText.length > 0, lang);
    expect(seen).toEqual(['home', 'help', 'identify', 'no-dossier', 'dossier', 'book-motif', 'book-find', 'book-contact', 'book-slots', 'book-confirm', 'book-done', 'guides', 'guide', 'guide-step']);
    await page.context().close();
  });
});
