import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { signInConsole, startE2eServer, type E2eServer } from '../support/e2e';
import { fixedClock } from '../support/server';

/**
 * The whole call flow, a kiosk page and a console page in one run, on the real server with a
 * controllable clock (escalation is driven by advancing it, never by sleeping).
 */
let browser: Browser;
let e2e: E2eServer;
const clock = fixedClock(new Date().toISOString());

beforeAll(async () => {
  browser = await launchChromium();
  e2e = await startE2eServer({ clock });
});

afterAll(async () => {
  await browser?.close();
  await e2e?.stop();
});

async function openKiosk(kioskId: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  // The pôle is open (a Tuesday, 10:00 in Paris): at night the kiosk says when it opens instead of the accueil.
  await page.clock.setFixedTime(new Date('2026-12-01T09:00:00.000Z'));
  await page.goto(e2e.kioskUrl(kioskId));
  await page.getByRole('button', { name: 'Appeler un médiateur' }).waitFor();
  return page;
}

const openConsole = (username = 'mediateur', siteName = 'Pôle social de Châtillon') => signInConsole(browser, e2e.baseUrl, username, siteName);

const rings = (page: Page) => page.evaluate(() => Number(document.body.dataset.rings ?? 0));

describe('a usager calls a médiateur', () => {
  it('goes through call, ring, claim and resolve, with the kiosk saying what happens', async () => {
    const console = await openConsole();
    expect(await axeViolations(console)).toEqual([]);
    const ringsBefore = await rings(console);
    const kiosk = await openKiosk('chatillon-1');
    await kiosk.getByRole('button', { name: 'العربية' }).first().click();
    await kiosk.waitForFunction(() => document.documentElement.dir === 'rtl');
    await kiosk.locator('.help-button').click();
    // Received, seen by one médiateur, first in the queue, with a wait estimate.
    await kiosk.locator('.help-status').getByText('1', { exact: false }).first().waitFor();
    expect(await axeViolations(kiosk)).toEqual([]);

    const card = console.locator('article[data-call-id]', { hasText: 'Poste 1' });
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('العربية');
    await expect(card.textContent()).resolves.toContain('Accueil');
    await console.waitForFunction((n) => Number(document.body.dataset.rings ?? 0) > n, ringsBefore);
    expect(await axeViolations(console)).toEqual([]);

    await card.getByRole('button', { name: "Je m'en occupe" }).click();
    await kiosk.locator('.help-status').getByText('Karim', { exact: false }).waitFor();
    await card.getByRole('button', { name: 'Terminé' }).click();
    await card.getByRole('radio', { name: 'Aide apportée' }).check();
    await card.getByRole('button', { name: 'Valider' }).click();
    await card.waitFor({ state: 'detached' });
    await kiosk.locator('.status-line--good').waitFor();

    // The console too lays out right-to-left in Arabic, with no accessibility violation.
    await console.locator('.header__language select').selectOption('ar');
    await console.waitForFunction(() => document.documentElement.dir === 'rtl');
    await console.getByText('متصل', { exact: true }).waitFor();
    expect(await axeViolations(console)).toEqual([]);

    const rows = await e2e.server.store.db.selectFrom('help_calls').select(['status', 'outcome', 'language']).where('kiosk_id', '=', 'chatillon-1').execute();
    expect(rows).toEqual([{ status: 'resolved', outcome: 'helped', language: 'ar' }]);
    await kiosk.context().close();
    await console.context().close();
  });

  it('shows other médiateurs who claimed a call, and refuses a second claim', async () => {
    const karim = await openConsole('mediateur');
    const claire = await openConsole('admin');
    const kiosk = await openKiosk('chatillon-2');
    await kiosk.getByRole('button', { name: 'Appeler un médiateur' }).click();
    const claireCard = claire.locator('article[data-call-id]', { hasText: 'Poste 2' });
    const karimCard = karim.locator('article[data-call-id]', { hasText: 'Poste 2' });
    await claireCard.waitFor();
    await karimCard.waitFor();
    await claireCard.getByRole('button', { name: "Je m'en occupe" }).click();
    await karimCard.getByText('Claire', { exact: false }).waitFor();
    expect(await karimCard.getByRole('button', { name: "Je m'en occupe" }).count()).toBe(0);
    await kiosk.getByText('Claire arrive pour vous aider.').waitFor();
    // The usager no longer needs help: the call leaves every console.
    await kiosk.getByRole('button', { name: "Annuler l'appel" }).click();
    await karimCard.waitFor({ state: 'detached' });
    await claireCard.waitFor({ state: 'detached' });
    await Promise.all([kiosk, karim, claire].map((p) => p.context().close()));
  });

  it('escalates a call nobody takes within the site minutes: the kiosk says what to do instead', async () => {
    const karim = await openConsole('mediateur', 'Pôle social de Villeneuve-la-Garenne');
    const kiosk = await openKiosk('villeneuve-la-garenne-1');
    await kiosk.getByRole('button', { name: 'Appeler un médiateur' }).click();
    await kiosk.getByText('1 médiateur disponible voit votre appel.').waitFor();
    clock.advance(5 * 60_000 + 1000);
    await e2e.server.app.borne.sweep();
    await kiosk.getByText("Personne n'a encore pu venir", { exact: false }).waitFor();
    await kiosk.getByText("Allez à l'accueil du pôle, à droite de l'entrée", { exact: false }).first().waitFor();
    await karim.locator('article[data-call-id]', { hasText: 'Poste 1' }).getByText('Attend depuis longtemps').waitFor();
    clock.advance(30 * 60_000);
    await e2e.server.app.borne.sweep();
    await kiosk.getByText("Personne n'a pu venir à temps.").waitFor();
    await karim.locator('article[data-call-id]', { hasText: 'Poste 1' }).waitFor({ state: 'detached' });
    await Promise.all([kiosk, karim].map((p) => p.context().close()));
  });

  it('keeps the call through a server restart; kiosk and console reconnect and resync by themselves', async () => {
    const karim = await openConsole('mediateur', "Pôle social d'Asnières/Gennevilliers");
    const kiosk = await openKiosk('asnieres-gennevilliers-3');
    await kiosk.getByRole('button', { name: 'Appeler un médiateur' }).click();
    const card = karim.locator('article[data-call-id]', { hasText: 'Poste 3' });
    await card.waitFor();

    await e2e.restart();
    await kiosk.getByText("La borne n'est plus connectée.").waitFor({ state: 'hidden', timeout: 30_000 });
    await karim.getByText('Connecté', { exact: true }).waitFor({ timeout: 30_000 });
    await card.waitFor();
    await kiosk.getByText('Votre appel est bien reçu.').waitFor();
    await card.getByRole('button', { name: "Je m'en occupe" }).click();
    await kiosk.getByText('Karim arrive pour vous aider.').waitFor();
    await Promise.all([kiosk, karim].map((p) => p.context().close()));
  });
});
