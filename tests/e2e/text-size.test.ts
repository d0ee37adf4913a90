import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signCourrierCode } from '../../src/server/identity/courrier-token';
import { axeViolations } from '../support/axe';
import { useBrowserAndServer } from '../support/e2e';
import { chooseDisplay, focusProblems, layoutProblems, walkBooking, walkGuides, walkHelpAndDossier, type KioskScreenName } from '../support/kiosk-screens';

/**
 * Issue 12 item 6 (RGAA 10.4, 10.11): at 200 % on a 1280 x 1024 kiosk, every screen reflows with
 * nothing beyond the sides, nothing cut, no control over another, every control at least
 * 48 x 48 px; in high contrast, axe finds nothing, AAA contrast (7:1) included.
 */
const suite = useBrowserAndServer();

async function openKiosk(kioskId: string): Promise<Page> {
  const page = await (await suite.browser.newContext({ viewport: { width: 1280, height: 1024 } })).newPage();
  await page.goto(suite.e2e.kioskUrl(kioskId));
  await page.locator('.help-button').waitFor();
  return page;
}

/** The AAA contrast rule (7:1), which the shared run of the A and AA rules leaves out. */
async function enhancedContrast(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast-enhanced'] } });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
}

async function check(page: Page, screen: KioskScreenName): Promise<void> {
  expect({ screen, layout: await layoutProblems(page) }).toEqual({ screen, layout: [] });
  // axeViolations brings axe into the page; the AAA rule runs on the same copy.
  expect({ screen, axe: await axeViolations(page), aaa: await enhancedContrast(page) }).toEqual({ screen, axe: [], aaa: [] });
}

async function courrierCode(): Promise<string> {
  const secret = await suite.e2e.server.app.borne.identity.instanceSecret();
  return signCourrierCode(secret, 'dos-1', new Date(Date.now() + 86_400_000));
}

describe('text at 200 % and high contrast, on every kiosk screen at 1280 x 1024', () => {
  it('are chosen with the keyboard alone, with a visible focus; home, help, identification and dossier; « Terminer » puts them back', async () => {
    const page = await openKiosk('chatillon-1');
    // Tab from the top of the page to « 200 % », then Enter; on to the contrast, then Space.
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 30 && !(await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)); i++) await page.keyboard.press('Tab');
      expect(await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)).toBe(true);
    };
    await tabTo('.size-button--200');
    await page.keyboard.press('Enter');
    await tabTo('.contrast-button');
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => ({ size: document.documentElement.dataset.textSize, contrast: document.documentElement.dataset.contrast, font: getComputedStyle(document.documentElement).fontSize, zoom: getComputedStyle(document.body).zoom }))).toEqual({ size: '200', contrast: 'high', font: '40px', zoom: '1' });
    const focus = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor };
    });
    expect(focus).toEqual({ style: 'solid', width: 5, colour: 'rgb(0, 229, 255)' });

    await walkHelpAndDossier(page, await courrierCode(), (screen) => check(page, screen));

    await page.locator('.end-button').click();
    await page.waitForFunction(() => document.documentElement.dataset.textSize === '100' && document.documentElement.dataset.contrast === undefined);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');
    await page.context().close();
  });

  it('booking: motif, find, contact, slots, confirm, done; the printed ticket stays 12 pt, black on white', async () => {
    const page = await openKiosk('chatillon-2');
    await chooseDisplay(page, 200, true);
    await walkBooking(page, async (screen) => {
      await check(page, screen);
      if (screen !== 'book-done') return;
      await page.emulateMedia({ media: 'print' });
      const printed = await page.evaluate(() => ({ font: getComputedStyle(document.documentElement).fontSize, ink: getComputedStyle(document.querySelector('.ticket')!).color, paper: getComputedStyle(document.querySelector('.ticket .summary')!).backgroundColor }));
      expect(printed).toEqual({ font: '16px', ink: 'rgb(0, 0, 0)', paper: 'rgb(255, 255, 255)' });
      await page.emulateMedia({ media: 'screen' });
    });
    await page.context().close();
  });

  it('guides: the list, a guide, its first step; on the list every control takes a visible focus, never hidden, at 200 % in high contrast and at 150 % in normal contrast', async () => {
    const page = await openKiosk('chatillon-3');
    await chooseDisplay(page, 200, true);
    await walkGuides(page, async (screen) => {
      await check(page, screen);
      if (screen !== 'guides') return;
      const strong = await focusProblems(page);
      expect(strong.reached).toBeGreaterThan(10);
      expect(strong.problems).toEqual([]);
      await chooseDisplay(page, 150, false);
      expect((await focusProblems(page)).problems).toEqual([]);
      await chooseDisplay(page, 200, true);
    });
    await page.context().close();
  });
});
