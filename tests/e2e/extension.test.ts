import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { axeViolations } from '../support/axe';
import { accessibleTexts, clickByRole, tabTo, waitForRole } from '../support/closed-shadow';
import { signInConsole } from '../support/e2e';
import { openGuideOnSite, useLockedDown } from '../support/lockdown';
import { staffCookie } from '../support/server';

/**
 * The companion extension on a kiosk locked by the generated policy, in Debian's Chromium: forced
 * in from the update XML the server serves, its bar on the caf.fr stand-in, new windows kept in the
 * one tab, Borne's page for a blocked address, and the wipe at « Terminer ». A stand-in launcher on
 * the real control port counts the hard resets asked for.
 */
const GUIDE = 'caf-declaration-trimestrielle';
const fr = (JSON.parse(readFileSync('locales/fr/guides.json', 'utf8')) as Record<string, { title: string; steps: Record<string, string> }>)[GUIDE]!;
const steps = (JSON.parse(readFileSync(`kiosk-config/guides/${GUIDE}.json`, 'utf8')) as { steps: { id: string }[] }).steps;

const pc = useLockedDown({ name: 'extension', hosts: ['www.caf.fr', 'www.example.org'] });

describe('the companion extension', () => {
  it('is forced in by the policy; its bar on caf.fr follows the guide and calls a médiateur with the step', async () => {
    const staffBrowser = await launchChromium();
    const { kiosk, page } = await pc.openKioskBrowser();
    try {
      const console = await signInConsole(staffBrowser, pc.e2e.baseUrl, 'mediateur', 'Pôle social de Châtillon');
      await openGuideOnSite(page, pc.e2e, 'chatillon-1');

      await waitForRole(page, 'region', 'Borne : votre aide sur ce site');
      await waitForRole(page, 'StaticText', `Étape 1 sur ${steps.length}`);
      // With the keyboard alone: Tab into the bar, Enter on « Suivant ».
      await tabTo(page, 'button', 'Suivant');
      await page.keyboard.press('Enter');
      await waitForRole(page, 'StaticText', `Étape 2 sur ${steps.length}`);
      expect((await accessibleTexts(page)).join(' ')).toContain(fr.steps[steps[1]!.id]!.slice(0, 30));

      await clickByRole(page, 'button', 'Appeler un médiateur');
      await waitForRole(page, 'StaticText', /Votre appel est bien reçu/);
      const card = console.locator('article[data-call-id]', { hasText: 'Poste 1' });
      await card.getByText(`CAF — ${fr.title}, étape 2/${steps.length}`, { exact: false }).waitFor();
      // The médiateur takes it: the usager reads who is coming, on the official site.
      await card.getByRole('button', { name: "Je m'en occupe" }).click();
      await waitForRole(page, 'StaticText', /arrive pour vous aider/);
      await page.screenshot({ path: 'tests/.artifacts/extension-bar-help.png' });

      // « Retour à la borne »: the kiosk shows the guide at the step reached in the bar.
      await clickByRole(page, 'button', 'Retour à la borne');
      await page.getByText(`Étape 2 sur ${steps.length}`).waitFor();
      await console.context().close();
    } finally {
      await kiosk.close();
      await staffBrowser.close();
    }
  });

  it('keeps new windows in the one tab, and shows Borne’s page for a blocked address', async () => {
    const { kiosk, page } = await pc.openKioskBrowser();
    try {
      await openGuideOnSite(page, pc.e2e, 'chatillon-2');

      await page.getByRole('link', { name: 'Ouvrir dans une nouvelle fenêtre' }).click();
      await page.waitForURL('https://www.caf.fr/nouvelle-fenetre');
      // The bar comes a moment after the page: wait for it, so the page does not shift under the click.
      await waitForRole(page, 'button', 'Terminer');
      await page.getByRole('button', { name: 'Ouvrir par un script' }).click();
      await page.waitForURL('https://www.caf.fr/par-script');
      await expect.poll(() => kiosk.context.pages().filter((p) => !p.isClosed()).length).toBe(1);
      await waitForRole(page, 'button', 'Terminer');

      await page.goto(pc.standIns.url('www.example.org')).catch(() => undefined);
      await page.waitForURL(`chrome-extension://${pc.extensionId}/blocked.html**`);
      await page.getByRole('heading', { name: "Cette page n'est pas disponible sur la borne" }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: 'tests/.artifacts/extension-blocked-fr.png' });
      await page.getByRole('button', { name: 'Retour à la borne' }).click();
      await page.getByRole('button', { name: 'Appeler un médiateur' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/kiosk/');
    } finally {
      await kiosk.close();
    }
  });

  it('at « Terminer » wipes the official site’s cookies, localStorage and IndexedDB, asks for the hard reset and goes home', async () => {
    const { kiosk, page } = await pc.openKioskBrowser();
    try {
      await openGuideOnSite(page, pc.e2e, 'chatillon-3');
      await page.evaluate(async () => {
        document.cookie = 'caf-session=connecte; path=/; max-age=86400; secure';
        localStorage.setItem('caf-login', 'usager');
        await new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('caf-db', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('brouillons').put('ma déclaration', 'd1');
          open.onsuccess = () => (open.result.close(), resolve());
          open.onerror = () => reject(open.error);
        });
      });
      // Borne's own origin is wiped too: a cookie there goes (the kiosk enrols again from its address).
      await kiosk.context.addCookies([{ name: 'borne-trace', value: 'x', url: pc.e2e.baseUrl }]);
      const before = pc.resets.length;
      await clickByRole(page, 'button', 'Terminer');
      await page.getByRole('heading', { name: 'Bonjour, bienvenue' }).waitFor();
      await expect.poll(() => pc.resets.length).toBe(before + 1);

      await page.goto(pc.standIns.url('www.caf.fr', '/apres'));
      const left = await page.evaluate(async () => ({
        cookie: document.cookie,
        local: Object.keys(localStorage),
        databases: (await indexedDB.databases()).map((d) => d.name),
      }));
      expect(left).toEqual({ cookie: '', local: [], databases: [] });
      expect(await kiosk.context.cookies(pc.e2e.baseUrl)).toEqual([]);
      // The session is over: no bar on the official site any more.
      await page.waitForTimeout(500);
      expect((await accessibleTexts(page)).includes('Terminer')).toBe(false);

      // « Terminer » on the kiosk screen itself wipes the official site the same way, and the
      // kiosk, reloaded, is still enrolled: it is ready for the next usager.
      await openGuideOnSite(page, pc.e2e, 'chatillon-3');
      await page.evaluate(() => localStorage.setItem('caf-login', 'usager-suivant'));
      await clickByRole(page, 'button', 'Retour à la borne');
      // After its wipe the extension reloads the kiosk from the address that enrols it again.
      const reloaded = page.waitForURL(/#kiosk=.*ended=1/, { waitUntil: 'commit' });
      await page.locator('.end-button').click();
      await reloaded;
      await expect.poll(() => pc.resets.length).toBe(before + 2);
      await page.getByRole('heading', { name: 'Bonjour, bienvenue' }).waitFor();
      await page.goto(pc.standIns.url('www.caf.fr', '/encore'));
      expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
      await page.goBack();
      await page.getByRole('button', { name: 'Appeler un médiateur' }).waitFor();
      expect(await page.getByRole('heading', { name: 'Bonjour, bienvenue' }).isVisible()).toBe(true);
    } finally {
      await kiosk.close();
    }
  });

  it('follows the console’s remote reset on the official site: wipe, hard reset, home', async () => {
    const { kiosk, page } = await pc.openKioskBrowser();
    try {
      await openGuideOnSite(page, pc.e2e, 'chatillon-2');
      await page.evaluate(() => localStorage.setItem('caf-login', 'usager'));
      const before = pc.resets.length;
      const { cookie } = await staffCookie(pc.e2e.server.app, 'admin');
      const reset = await pc.e2e.server.app.inject({ method: 'POST', url: '/api/staff/kiosks/chatillon-2/reset', headers: { cookie } });
      expect(reset.statusCode).toBeLessThan(300);
      await page.getByRole('heading', { name: 'Bonjour, bienvenue' }).waitFor();
      await expect.poll(() => pc.resets.length).toBe(before + 1);
      await page.goto(pc.standIns.url('www.caf.fr', '/apres'));
      expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    } finally {
      await kiosk.close();
    }
  });

  it('speaks the usager’s language on the official site: Arabic, right to left, bar and blocked page', async () => {
    const ar = JSON.parse(readFileSync('locales/ar/extension.json', 'utf8')) as { bar: Record<string, string>; blocked: Record<string, string> };
    const arGuides = (JSON.parse(readFileSync('locales/ar/guides.json', 'utf8')) as Record<string, { title: string; need: string }>)[GUIDE]!;
    const { kiosk, page } = await pc.openKioskBrowser();
    try {
      await page.goto(pc.e2e.kioskUrl('chatillon-4'));
      await page.getByRole('button', { name: 'العربية' }).first().click();
      await page.getByRole('button', { name: /الإجراءات عبر الإنترنت/ }).click();
      await page.getByRole('button', { name: /CAF/ }).first().click();
      await page.getByRole('button', { name: new RegExp(arGuides.need) }).click();
      await page.getByRole('button', { name: 'ابدأ' }).click();
      await page.getByText(`الخطوة 1 من ${steps.length}`).waitFor();
      await page.getByRole('link', { name: /الموقع/ }).first().click();
      await page.waitForURL('https://www.caf.fr/**');

      await waitForRole(page, 'region', ar.bar.label!);
      await waitForRole(page, 'button', ar.bar.end!);
      await waitForRole(page, 'StaticText', ar.bar.step!.replace('{{step}}', '1').replace('{{total}}', String(steps.length)));
      // Right to left: « Précédent » comes first from the right, « Suivant » to its left.
      const previous = await waitForRole(page, 'button', ar.bar.previous!);
      const next = await waitForRole(page, 'button', ar.bar.next!);
      const x = async (node: typeof next) => (await page.context().newCDPSession(page).then((cdp) => cdp.send('DOM.getBoxModel', { backendNodeId: node.backendDOMNodeId! }))).model.border[0]!;
      expect(await x(next)).toBeLessThan(await x(previous));
      await page.screenshot({ path: 'tests/.artifacts/extension-bar-ar.png' });

      await page.goto(pc.standIns.url('www.example.org')).catch(() => undefined);
      await page.waitForURL(`chrome-extension://${pc.extensionId}/blocked.html**`);
      await page.getByRole('heading', { name: ar.blocked.title! }).waitFor();
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: 'tests/.artifacts/extension-blocked-ar.png' });
    } finally {
      await kiosk.close();
    }
  });
});
