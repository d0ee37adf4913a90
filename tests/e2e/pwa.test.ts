import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from '../support/e2e';

const suite = useBrowserAndServer();

describe('kiosk PWA', () => {
  it('precaches the shell and the locales, never anything from /api/, and starts offline', async () => {
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    // A Tuesday at 10:00 in Paris: the pôle is open, so the offline notice gives the site's
    // fallback text (at night it says when the pôle opens instead; the component tests cover that).
    await page.clock.setFixedTime(new Date('2026-12-01T09:00:00.000Z'));
    await page.goto(suite.e2e.kioskUrl('issy-les-moulineaux-1'));
    await page.getByRole('button', { name: 'Appeler un médiateur' }).waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // Use the kiosk a little, so /api/ requests have gone through the worker.
    await page.getByRole('button', { name: 'Appeler un médiateur' }).click();
    await page.getByText('Votre appel est bien reçu.').waitFor();
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    expect(cached.some((u) => u.endsWith('/kiosk/index.html'))).toBe(true);
    expect(cached.filter((u) => /\/assets\/kiosk-.*\.js$/.test(u)).length).toBeGreaterThan(0);
    expect(cached.filter((u) => u.includes('/api/'))).toEqual([]);

    // The server goes away: the shell still starts from the cache and says what to do instead.
    await context.setOffline(true);
    await page.reload();
    await page.getByText("La borne n'est plus connectée.").waitFor();
    await page.getByText("Allez à l'accueil du pôle", { exact: false }).first().waitFor();
    // The help button is there; the call made before the reload is still this session's (« Voir mon appel »).
    await page.getByRole('button', { name: 'Voir mon appel' }).waitFor();
    await context.setOffline(false);
    await page.getByText("La borne n'est plus connectée.").waitFor({ state: 'hidden', timeout: 20_000 });
    await context.close();
  });
});
