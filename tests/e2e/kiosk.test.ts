import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { useBrowserAndServer } from '../support/e2e';

const suite = useBrowserAndServer();

async function openKiosk(kioskId: string, setup?: (page: Page) => Promise<void>): Promise<Page> {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await setup?.(page);
  await page.goto(suite.e2e.kioskUrl(kioskId));
  await page.getByRole('button', { name: 'Appeler un médiateur' }).waitFor();
  return page;
}

describe('kiosk home', () => {
  it('welcomes in French, offers the site languages and has no accessibility violation', async () => {
    const page = await openKiosk('chatillon-1');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Bonjour, bienvenue');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
    expect(await page.url()).not.toContain('kiosk='); // the device token leaves the address bar
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('turns fully right-to-left in Arabic, with zero axe violations', async () => {
    const page = await openKiosk('chatillon-2');
    await page.getByRole('button', { name: 'العربية' }).first().click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ar');
    const h1 = await page.getByRole('heading', { level: 1 }).textContent();
    expect(h1).toMatch(/[\u0600-\u06FF]/);
    // The help button stays, translated, in the same place.
    const help = page.locator('.help-button');
    await expect(help.textContent()).resolves.toMatch(/[\u0600-\u06FF]/);
    // In RTL the site name sits at the right edge of the top bar.
    const box = await page.locator('.topbar__site').boundingBox();
    expect(box!.x + box!.width).toBeGreaterThan(1280 - 80);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('refuses a browser without a valid kiosk token', async () => {
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${suite.e2e.baseUrl}/kiosk/#kiosk=${'x'.repeat(43)}`);
    await page.getByText("Cette borne n'est pas encore prête").waitFor();
    expect(await page.getByRole('button', { name: 'Appeler un médiateur' }).count()).toBe(0);
    await context.close();
  });
});

describe('calling when nobody is on duty', () => {
  it('says so at once, shows the site fallback text and lets the usager cancel', async () => {
    // During opening hours (a Tuesday, 10:00 in Paris): when the pôle is closed it says when it opens instead.
    const page = await openKiosk('chatenay-malabry-1', (p) => p.clock.setFixedTime(new Date('2026-12-01T09:00:00.000Z')));
    await page.getByRole('button', { name: 'Appeler un médiateur' }).click();
    await page.getByText('Votre appel est bien reçu.').waitFor();
    await page.getByText("Aucun médiateur n'est disponible en ce moment.").waitFor();
    await page.getByText("Allez à l'accueil du pôle, au rez-de-chaussée.", { exact: false }).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: "Annuler l'appel" }).click();
    await page.getByText('Votre appel est annulé.').waitFor();
    await page.context().close();
  });
});

describe('end of session', () => {
  it('« Terminer » cancels the open call, says goodbye in the session language, returns home in the site language and forgets the session', async () => {
    const page = await openKiosk('chatenay-malabry-2');
    await page.getByRole('button', { name: 'English' }).first().click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.locator('.help-button').click();
    await page.locator('.help-status').getByText(/received/i).waitFor();
    await page.locator('.end-button').click();
    // The goodbye is in the usager's language (issue 9 item 4), then the kiosk waits in French.
    await page.getByText('Thank you, goodbye.', { exact: false }).waitFor();
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await page.getByRole('heading', { name: 'Bonjour, bienvenue' }).waitFor();
    expect(await page.locator('.end-button').count()).toBe(0);
    const sessionKeys = await page.evaluate(() => Object.keys(sessionStorage));
    expect(sessionKeys).toEqual([]);
    const open = await suite.e2e.server.store.db.selectFrom('help_calls').select('status').where('kiosk_id', '=', 'chatenay-malabry-2').execute();
    expect(open.map((c) => c.status)).toEqual(['cancelled']);
    await page.context().close();
  });

  it('warns after inactivity with « Continuer » and at least 20 s to answer, then resets', async () => {
    const page = await openKiosk('chatenay-malabry-3', async (p) => {
      await p.clock.install();
    });
    await page.getByRole('button', { name: 'English' }).first().click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    // Demo sites warn after 120 s without input and give 30 s to answer.
    await page.clock.fastForward(121_000);
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect(dialog.locator('.dialog__countdown').textContent()).resolves.toMatch(/\b(2\d|30)\b/);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // No answer this time: the session ends, with a goodbye in English, then the kiosk is back in French.
    await page.clock.fastForward(121_000);
    await dialog.waitFor();
    await page.clock.fastForward(31_000);
    await page.getByText('Thank you, goodbye.', { exact: false }).waitFor();
    await page.clock.fastForward(6_000);
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await page.context().close();
  });

  it('never resets an untouched home screen', async () => {
    const page = await openKiosk('chatenay-malabry-4', async (p) => {
      await p.clock.install();
    });
    await page.clock.fastForward(10 * 60_000);
    expect(await page.getByRole('dialog').isVisible()).toBe(false);
    await page.context().close();
  });
});
