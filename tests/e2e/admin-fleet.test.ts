import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { configWith, useBrowserAndServer } from '../support/e2e';
import { fixedClock, kioskAuth } from '../support/server';
import { chooseConsoleLanguage } from '../support/languages';

/**
 * Issue 10 item 3, « Parc des bornes »: an admin watches the kiosks of every pôle live. A kiosk
 * page that opens turns its row online and « libre », then « en session »; closed, it shows
 * offline once its lease ends (the server's clock is moved and the sweep run: no 45 s sleep).
 * In French and in Arabic, with axe; 30 kiosks a pôle (150) so the screen is seen full.
 */
const clock = fixedClock(new Date().toISOString());
const config = configWith((siteId, site) => {
  const kiosks = site.kiosks as { id: string; label: string }[];
  for (let i = kiosks.length + 1; i <= 30; i++) kiosks.push({ id: `${siteId}-${i}`, label: `Poste ${i}` });
});
const suite = useBrowserAndServer({ clock, configDir: config });
const SHOTS = process.env.BORNE_SCREENSHOTS;

type Words = Record<string, any>;
const words = (lang: string): { staff: Words; admin: Words; fleet: Words } => ({
  staff: JSON.parse(readFileSync(`locales/${lang}/staff.json`, 'utf8')),
  admin: JSON.parse(readFileSync(`locales/${lang}/admin.json`, 'utf8')),
  fleet: JSON.parse(readFileSync(`locales/${lang}/fleet.json`, 'utf8')),
});
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));

async function openFleet(lang: 'fr' | 'ar', viewport = { width: 1280, height: 900 }): Promise<Page> {
  const w = words(lang);
  const fr = words('fr');
  const page = await (await suite.browser.newContext({ viewport })).newPage();
  await page.goto(`${suite.e2e.baseUrl}/staff/`);
  await page.getByLabel(fr.staff.login.username).fill('admin');
  await page.getByLabel(fr.staff.login.password).fill('admin');
  await page.getByRole('button', { name: fr.staff.login.submit }).click();
  if (lang !== 'fr') await chooseConsoleLanguage(page, lang);
  await page.getByRole('link', { name: w.admin.nav.label }).click();
  await page.getByRole('link', { name: w.admin.nav.fleet }).click();
  await page.getByText(w.fleet.connection.open, { exact: true }).waitFor();
  return page;
}

const row = (page: Page, kioskId: string, attrs = '') => page.locator(`tr[data-kiosk-id="${kioskId}"]${attrs}`);

describe('« Parc des bornes » follows the kiosks live', () => {
  it.each([['fr', 'chatillon-1'], ['ar', 'chatillon-2']] as const)('in %s: online and « libre », « en session », then offline; filtered by state', async (lang, kioskId) => {
    const w = words(lang);
    const admin = await openFleet(lang);
    expect(await admin.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    await row(admin, kioskId, '[data-online="false"]').waitFor();

    const kiosk = await (await suite.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await kiosk.goto(suite.e2e.kioskUrl(kioskId));
    const line = row(admin, kioskId);
    await row(admin, kioskId, '[data-online="true"][data-state="libre"]').waitFor();
    await line.getByText(w.fleet.state.libre, { exact: true }).waitFor();
    await line.getByText(w.fleet.presence.online, { exact: true }).waitFor();

    await kiosk.getByRole('button', { name: 'Démarches en ligne' }).click();
    await row(admin, kioskId, '[data-state="en_session"]').waitFor();
    await line.getByText(w.fleet.state.en_session, { exact: true }).waitFor();
    expect(await axeViolations(admin), 'fleet with a kiosk in session').toEqual([]);

    // Filter by state: only the kiosk in session is left.
    await admin.getByRole('button', { name: fill(w.fleet.filter.en_session, { n: 1 }) }).click();
    await expect.poll(() => admin.locator('tr[data-kiosk-id]').count()).toBe(1);
    await admin.getByRole('button', { name: fill(w.fleet.filter.all, { n: 150 }) }).click();
    await expect.poll(() => admin.locator('tr[data-kiosk-id]').count()).toBe(150);

    // The kiosk's PC goes away: no more heartbeat. Its lease ends 40 s later; the sweep says so.
    await kiosk.context().close();
    clock.advance(45_000);
    await suite.e2e.server.app.borne.sweep();
    await row(admin, kioskId, '[data-online="false"]').waitFor();
    await line.getByText(w.fleet.presence.offline, { exact: true }).waitFor();
    expect(await axeViolations(admin), 'fleet with the kiosk offline').toEqual([]);
    await admin.context().close();
  });

  it.each([
    ['fr', 1920, 1080],
    ['ar', 1280, 1024],
    ['fr', 1280, 1024],
    ['ar', 1920, 1080],
  ] as const)('in %s at %ix%i, many kiosks in every state hold in the screen', async (lang, width, height) => {
    const server = suite.e2e.server;
    const inject = (kioskId: string, method: 'POST' | 'PUT', url: string, payload?: object) => server.app.inject({ method, url, headers: kioskAuth(server, kioskId), ...(payload ? { payload } : {}) });
    const ids = [...server.sites.values()].flatMap((s) => s.kiosks.map((k) => k.id));
    for (const [i, id] of ids.entries()) {
      if (i % 7 === 6) continue; // some stay offline
      await inject(id, 'POST', '/api/kiosk/heartbeat', { appVersion: '0.1.0', startedAt: new Date(clock().getTime() - (i + 1) * 600_000).toISOString(), camera: i % 3 !== 0, ...(i % 11 === 0 ? { lastError: { code: 'stream_refused', at: clock().toISOString() } } : {}) });
      if (i % 3 === 1) await inject(id, 'PUT', '/api/kiosk/state', { inSession: true, screen: i % 2 ? 'guide' : 'booking', language: i % 4 ? 'fr' : 'ar', ...(i % 2 ? { guide: { id: 'caf-prime-activite', step: 3 } } : {}) });
    }
    await inject(ids[4]!, 'POST', '/api/kiosk/help-calls', { requestId: crypto.randomUUID(), context: { screen: 'home', language: 'fr', accessibility: {} } });
    const page = await openFleet(lang, { width, height });
    await row(page, ids[4]!, '[data-state="attend"]').waitFor();
    // The pôles' kiosks, where an admin looks (the top of the screen is « Ajouter une borne »).
    await page.locator('.fleet__filters').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/fleet-${lang}-${width}x${height}.png` });
    // Nothing sticks out of the page: a wide table scrolls inside its pôle's panel.
    const outside = await page.evaluate(() =>
      (Array.from(document.querySelectorAll('.fleet *')) as HTMLElement[])
        .filter((el) => !el.closest('.fleet__scroll') || el.classList.contains('fleet__scroll'))
        .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.right > window.innerWidth + 1 || r.left < -1); })
        .map((el) => `${el.tagName}.${el.className}`).slice(0, 5),
    );
    expect(outside).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.context().close();
  });
});
