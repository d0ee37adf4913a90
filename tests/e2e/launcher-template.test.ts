import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAUNCHER_CONTROL_PORT } from '../../src/core/lockdown/policy';
import { personalStoresIn, TEMPLATE_STAMP } from '../../src/launcher/profile-template';
import { nonApi, startCountingProxy, type CountingProxy } from '../support/counting-proxy';
import { startE2eServer, type E2eServer } from '../support/e2e';
import { startRealKiosk, type RealKiosk } from '../support/real-launcher';

/**
 * Every session starts warm, and clean. The real launcher builds its profile template before the
 * first session (Borne's service worker installed and the kiosk app precached, nothing
 * personal), then runs each session's Debian Chromium on a fresh copy of it. A proxy in front of
 * the server sees every request Chromium makes, and can make the static files unreachable.
 */
let e2e: E2eServer;
let proxy: CountingProxy;
let kiosk: RealKiosk;

/** Another kiosk-PC test of this machine may hold the launcher's control port for a while. */
async function controlPortFree(timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(LAUNCHER_CONTROL_PORT, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return;
    if (Date.now() > until) throw new Error(`port ${LAUNCHER_CONTROL_PORT} (the launcher's control port) stayed busy for ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

beforeAll(async () => {
  await controlPortFree(120_000);
  e2e = await startE2eServer();
  proxy = await startCountingProxy(e2e.baseUrl);
  const token = e2e.server.kioskTokens.get('chatillon-1')!;
  kiosk = await startRealKiosk(`${proxy.url}/kiosk/#kiosk=${token}`);
}, 180_000);

afterAll(async () => {
  await kiosk?.stop();
  await proxy?.close();
  await e2e?.stop();
});

describe('the profile template', () => {
  it('is built before the first session, holds the precache and nothing personal', async () => {
    const { browser, page } = await kiosk.connect(60_000);
    await page.getByRole('heading', { name: 'Bonjour, bienvenue' }).waitFor();
    const template = kiosk.launcher.templateDir;
    expect(template).not.toBeNull();
    expect(JSON.parse(readFileSync(join(template!, TEMPLATE_STAMP), 'utf8')).version).toMatch(/^[0-9a-f]{64}$/);
    expect(existsSync(join(template!, 'Default', 'Service Worker', 'CacheStorage'))).toBe(true);
    // Cookies, local and session storage, IndexedDB, history, form data, the HTTP cache: none.
    expect(personalStoresIn(template!)).toEqual([]);
    expect(kiosk.launcher.profileDir).not.toBe(template);
    // The template's own run is not a session: it is not counted, and it was the first thing done.
    expect(kiosk.launcher.runs).toBe(1);
    const built = kiosk.events.findIndex((e) => e.event === 'profile template built');
    expect(built).toBeGreaterThanOrEqual(0);
    expect(built).toBeLessThan(kiosk.events.findIndex((e) => e.event === 'chromium started'));
    await browser.close();
  });

  it('serves a new session the kiosk shell from the service worker, with the static files out of reach', async () => {
    let { browser, page } = await kiosk.connect();
    await page.getByRole('heading', { name: 'Bonjour, bienvenue' }).waitFor();
    const runs = kiosk.launcher.runs;
    const since = Date.now();
    proxy.staticUnreachable = true;
    try {
      await page.getByRole('button', { name: /Démarches en ligne/ }).click();
      await page.getByRole('heading', { name: 'Démarches en ligne', level: 1 }).waitFor();
      await page.locator('.end-button').click().catch(() => undefined);
      await expect.poll(() => kiosk.launcher.runs, { timeout: 15_000 }).toBe(runs + 1);
      await browser.close();
      ({ browser, page } = await kiosk.connect());
      await page.getByRole('heading', { name: 'Bonjour, bienvenue' }).waitFor();
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/kiosk\/sw\.js$/);
      // A reload too comes whole from the precache.
      await page.reload();
      await page.getByRole('heading', { name: 'Bonjour, bienvenue' }).waitFor();
      await page.getByRole('button', { name: /Démarches en ligne/ }).click();
      await page.getByRole('heading', { name: 'Démarches en ligne', level: 1 }).waitFor();
    } finally {
      proxy.staticUnreachable = false;
    }
    // What the new session asked the server for beyond the API: nothing but the worker's own
    // update check (sw.js, which the browser makes itself and never serves from a cache).
    const fetched = nonApi(proxy.requests, since).map((r) => r.path.split('?')[0]);
    expect(fetched.filter((path) => path !== '/kiosk/sw.js')).toEqual([]);
    await browser.close();
  });

  it('after « Terminer » starts the next session on a fresh copy, with nothing of the one before', async () => {
    let { browser, page } = await kiosk.connect();
    // The session before ended on « Démarches en ligne »: back to the home screen.
    await page.reload();
    await page.getByRole('heading', { name: 'Bonjour, bienvenue' }).waitFor();
    await page.evaluate(async () => {
      localStorage.setItem('usager-note', 'Mme Exemple');
      sessionStorage.setItem('usager-step', '3');
      document.cookie = 'usager=present; path=/; max-age=86400';
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('usager-db', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('notes').put('Mme Exemple', 'name');
        open.onsuccess = () => {
          open.result.close();
          resolve();
        };
        open.onerror = () => reject(open.error);
      });
      const cache = await caches.open('usager-cache');
      await cache.put('/kiosk/usager.txt', new Response('Mme Exemple'));
    });
    const first = kiosk.launcher.profileDir!;
    const runs = kiosk.launcher.runs;
    await page.locator('.end-button').click().catch(() => undefined);
    await expect.poll(() => kiosk.launcher.runs, { timeout: 15_000 }).toBe(runs + 1);
    await browser.close();
    expect(existsSync(first)).toBe(false);
    const second = kiosk.launcher.profileDir!;
    expect(second).not.toBe(first);
    expect(second).not.toBe(kiosk.launcher.templateDir);
    // The template was not written back: still nothing personal in it.
    expect(personalStoresIn(kiosk.launcher.templateDir!)).toEqual([]);

    ({ browser, page } = await kiosk.connect());
    await page.getByRole('heading', { name: 'Bonjour, bienvenue' }).waitFor();
    const left = await page.evaluate(async () => ({
      note: localStorage.getItem('usager-note'),
      step: sessionStorage.getItem('usager-step'),
      cookie: document.cookie,
      databases: (await indexedDB.databases()).map((d) => d.name),
      caches: (await caches.keys()).filter((name) => !name.startsWith('workbox-precache')),
      precached: (await Promise.all((await caches.keys()).map(async (name) => (await (await caches.open(name)).keys()).length))).reduce((a, b) => a + b, 0),
    }));
    expect(left).toEqual({ note: null, step: null, cookie: '', databases: [], caches: [], precached: expect.any(Number) });
    expect(left.precached).toBeGreaterThan(10);
    await browser.close();
  });

  it('is kept while Borne is the same build, and built again once sw.js changes', async () => {
    const template = kiosk.launcher.templateDir;
    const version = kiosk.launcher.templateVersion;
    // Two session ends on the same build: the launcher looked at sw.js each time and kept its template.
    expect(kiosk.events.filter((e) => e.event === 'profile template built')).toHaveLength(1);
    expect(kiosk.launcher.templateDir).toBe(template);

    proxy.serviceWorkerSuffix = '\n// build 2\n';
    try {
      await kiosk.launcher.reset();
      await expect.poll(() => kiosk.launcher.templateVersion, { timeout: 60_000 }).not.toBe(version);
      expect(kiosk.launcher.templateDir).not.toBe(template);
      expect(existsSync(template!)).toBe(false);
      expect(personalStoresIn(kiosk.launcher.templateDir!)).toEqual([]);
      // The session after it starts from the new template.
      await kiosk.launcher.reset();
      const { browser, page } = await kiosk.connect();
      await page.getByRole('heading', { name: 'Bonjour, bienvenue' }).waitFor();
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/kiosk\/sw\.js$/);
      await browser.close();
    } finally {
      proxy.serviceWorkerSuffix = '';
    }
  });
});
