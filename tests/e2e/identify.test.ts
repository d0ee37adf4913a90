import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signCourrierCode } from '../../src/server/identity/courrier-token';
import { axeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { signInConsole, useBrowserAndServer } from '../support/e2e';
import { writeQrY4m } from '../support/y4m';
import { chooseKioskLanguage } from '../support/languages';

const suite = useBrowserAndServer();

async function openKiosk(kioskId: string, page?: Page): Promise<Page> {
  const p = page ?? (await (await suite.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage());
  await p.goto(suite.e2e.kioskUrl(kioskId));
  await p.getByRole('button', { name: /Mon dossier/ }).click();
  await p.getByRole('heading', { name: 'Mon dossier', level: 1 }).waitFor();
  return p;
}

async function courrierCode(dossierId: string): Promise<string> {
  return signCourrierCode(await suite.e2e.server.app.borne.identity.instanceSecret(), dossierId, new Date(Date.now() + 30 * 86_400_000));
}

describe('identification at the kiosk', () => {
  it('with the on-screen keypad, then shows the dossier in French and in Arabic with no axe violation', async () => {
    const page = await openKiosk('chatillon-1');
    expect(await axeViolations(page)).toEqual([]);
    const keypad = page.getByRole('group', { name: 'Avec le numéro de dossier' });
    for (const d of '10000001') await keypad.getByRole('button', { name: d, exact: true }).click();
    await page.getByRole('button', { name: 'Suivant' }).click();
    for (const d of '14031985') await page.getByRole('group', { name: 'Avec le numéro de dossier' }).getByRole('button', { name: d, exact: true }).click();
    await page.getByRole('button', { name: 'Ouvrir mon dossier' }).click();
    await page.getByText('Sophie, conseillère en insertion').waitFor();
    await page.getByText("En cours d'étude").waitFor();
    await page.getByText('Votre demande est étudiée.', { exact: false }).waitFor();
    await page.getByText('avec Sophie', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await chooseKioskLanguage(page, 'العربية');
    await page.getByText('قيد الدراسة').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('with a USB scanner: a fast burst of keys and Enter, no click', async () => {
    const page = await openKiosk('chatillon-2');
    await page.keyboard.type(await courrierCode('dos-2'), { delay: 0 });
    await page.keyboard.press('Enter');
    await page.getByText('Bail ou contrat de location').waitFor();
    await page.getByText('Avis d\'imposition').waitFor();
    await page.context().close();
  });

  it('says kindly when the number and date do not match', async () => {
    const page = await openKiosk('chatillon-3');
    await page.getByLabel('Numéro de dossier (8 chiffres)').fill('10000001');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByLabel(/Date de naissance/).fill('01011990');
    await page.getByRole('button', { name: 'Ouvrir mon dossier' }).click();
    await page.getByRole('alert').getByText('Nous ne trouvons pas ce dossier.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Appeler un médiateur' }).isVisible()).toBe(true);
    await page.context().close();
  });

  it('with the courrier QR code shown to the camera, decoded by @zxing/browser', async () => {
    const video = join(mkdtempSync(join(tmpdir(), 'borne-cam-')), 'courrier.y4m');
    writeQrY4m(video, await courrierCode('dos-1'));
    const camBrowser = await launchChromium({ args: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`] });
    try {
      // Camera permission is granted twice over: by the fake-UI flag and by the context, so a
      // Chromium build that handles one of them differently still opens the camera.
      const page = await openKiosk('issy-les-moulineaux-2', await (await camBrowser.newContext({ permissions: ['camera'] })).newPage());
      const consoleLines: string[] = [];
      page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
      await page.getByRole('button', { name: 'Scanner le courrier' }).click();
      // Wait for the dossier, or for anything the kiosk says instead, so a failure shows what the usager saw.
      const dossier = page.getByText('Sophie, conseillère en insertion');
      const outcome = dossier.or(page.getByText('La caméra ne marche pas', { exact: false })).or(page.getByRole('alert'));
      const seen = await outcome.first().waitFor({ timeout: 45_000 }).then(
        () => null,
        (e: Error) => e.message,
      );
      const screen = await page.locator('main').innerText().catch(() => '(no main)');
      expect(await dossier.isVisible(), `The kiosk did not open the dossier from the camera.\n${seen ?? ''}\nScreen:\n${screen}\nConsole:\n${consoleLines.join('\n')}`).toBe(true);
    } finally {
      await camBrowser.close();
    }
  });
});

describe('end of session', () => {
  it('after « Terminer », nothing of the dossier is left: page, history, storage, caches', async () => {
    const page = await openKiosk('chatillon-4');
    await page.keyboard.type(await courrierCode('dos-1'), { delay: 0 });
    await page.keyboard.press('Enter');
    await page.getByText('Sophie, conseillère en insertion').waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const ended = page.waitForResponse((r) => r.url().endsWith('/api/kiosk/session/end'));
    await page.locator('.end-button').click();
    expect((await (await ended).allHeaders())['clear-site-data']).toBe('"cache"');
    await page.getByRole('heading', { name: 'Bonjour, bienvenue' }).waitFor();
    expect(await page.content()).not.toContain('Sophie');
    // The dossier was never a page of its own: going back leaves the kiosk, it never shows it again.
    await page.goBack().catch(() => null);
    expect(await page.content()).not.toContain('Sophie');
    await page.goForward().catch(() => null);
    await page.getByRole('button', { name: 'Appeler un médiateur' }).waitFor();
    expect(await page.content()).not.toContain('Sophie');
    const left = await page.evaluate(async () => {
      const cached: string[] = [];
      for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) cached.push(new URL(r.url).pathname);
      return {
        local: Object.keys(localStorage).sort(),
        // The page's own start time (its uptime for « Parc des bornes ») is about the device, never a person.
        session: Object.keys(sessionStorage).filter((k) => k !== 'borne.startedAt'),
        databases: (await indexedDB.databases()).map((d) => d.name),
        apiInCache: cached.filter((u) => u.includes('/api/')),
        shellCached: cached.some((u) => u.endsWith('/kiosk/index.html')),
        cookies: document.cookie,
      };
    });
    // The device keeps only its own identity and its site settings, nothing about a person.
    expect(left).toEqual({ local: ['borne.kioskToken', 'borne.site'], session: [], databases: [], apiInCache: [], shellCached: true, cookies: '' });
    await page.context().close();
  });
});

describe('remote reset', () => {
  it('a médiateur ends a kiosk session from the console: the kiosk goes home and forgets the dossier', async () => {
    const kiosk = await openKiosk('chatillon-3');
    await kiosk.keyboard.type(await courrierCode('dos-1'), { delay: 0 });
    await kiosk.keyboard.press('Enter');
    await kiosk.getByText('Sophie, conseillère en insertion').waitFor();
    const console = await signInConsole(suite.browser, suite.e2e.baseUrl, 'mediateur', 'Pôle social de Châtillon');
    // A call from the dossier says where the usager is, never what the dossier holds.
    await kiosk.getByRole('button', { name: 'Appeler un médiateur' }).click();
    const card = console.locator('article[data-call-id]', { hasText: 'Poste 3' });
    await card.getByText('Écran : Mon dossier', { exact: false }).waitFor();
    // The console lists the référents' agendas elsewhere; the calls panel says nothing of the dossier.
    expect(await console.getByRole('region', { name: 'Appels en cours' }).innerText()).not.toContain('Sophie');
    expect(await console.getByRole('region', { name: 'Appels en cours' }).innerText()).not.toContain('10000001');
    await console.getByRole('button', { name: 'Terminer la session : Poste 3' }).click();
    // Asked twice: a mis-tap must not wipe a person's session.
    await console.getByText('Terminer la session de Poste 3 ?', { exact: false }).waitFor();
    expect(await axeViolations(console)).toEqual([]);
    await console.getByRole('button', { name: 'Oui, terminer' }).click();
    await kiosk.getByRole('heading', { name: 'Bonjour, bienvenue' }).waitFor();
    expect(await kiosk.content()).not.toContain('Sophie');
    await Promise.all([kiosk.context().close(), console.context().close()]);
  });
});
