import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Clock } from '../../src/server/store/clock';
import { launchChromium } from './browser';
import { loadSites } from '../../src/server/config/site-loader';
import { startTestServer, type TestServer } from './server';

export interface E2eServer {
  server: TestServer;
  baseUrl: string;
  kioskUrl(kioskId: string): string;
  /** Stops the server and starts a new one on the same port and database file. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** The built front ends the e2e tests serve (BORNE_DIST when a build went elsewhere). */
export const TEST_DIST = process.env.BORNE_DIST ?? 'dist';

/** Writes a copy of kiosk-config where `edit` may change a site, for tests needing other timings. */
export function configWith(edit: (siteId: string, site: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'borne-config-'));
  cpSync('kiosk-config', dir, { recursive: true });
  for (const site of loadSites(dir).keys()) {
    const file = join(dir, 'sites', `${site}.json`);
    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    edit(site, json);
    writeFileSync(file, JSON.stringify(json, null, 2));
  }
  return dir;
}

/** Runs the real server, with the built front ends, on a loopback port. */
export async function startE2eServer(options: { clock?: Clock; configDir?: string; sweepIntervalMs?: number; distDir?: string; extensionPackDir?: string } = {}): Promise<E2eServer> {
  const distDir = options.distDir ?? TEST_DIST;
  if (!existsSync(join(distDir, 'kiosk/index.html')) || !existsSync(join(distDir, 'staff/index.html'))) {
    throw new Error('The front ends are not built: run "npm run build" (npm test does it first).');
  }
  const common = { distDir, sweepIntervalMs: options.sweepIntervalMs ?? 0, ...(options.clock ? { clock: options.clock } : {}), ...(options.configDir ? { configDir: options.configDir } : {}), ...(options.extensionPackDir ? { extensionPackDir: options.extensionPackDir } : {}) };
  let server = await startTestServer(common);
  const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
  const port = Number(new URL(address).port);
  const handle: E2eServer = {
    get server() {
      return server;
    },
    baseUrl: address,
    kioskUrl: (kioskId) => `${address}/kiosk/#kiosk=${server.kioskTokens.get(kioskId)}`,
    async restart() {
      const dir = server.dir;
      await server.close(true);
      server = await startTestServer({ ...common, dir });
      await server.app.listen({ port, host: '127.0.0.1' });
    },
    stop: () => server.close(),
  };
  return handle;
}

/**
 * Starts Chromium and a server for a test file, and stops both after it. Read `.browser` and
 * `.server` inside tests (they exist once beforeAll has run).
 */
export function useBrowserAndServer(options: Parameters<typeof startE2eServer>[0] = {}): { readonly browser: Browser; readonly e2e: E2eServer } {
  let browser: Browser | undefined;
  let e2e: E2eServer | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    e2e = await startE2eServer(options);
  });
  afterAll(async () => {
    await browser?.close();
    await e2e?.stop();
  });
  return {
    get browser() {
      if (!browser) throw new Error('Chromium is not started yet (use it inside a test)');
      return browser;
    },
    get e2e() {
      if (!e2e) throw new Error('the server is not started yet (use it inside a test)');
      return e2e;
    },
  };
}

/** Signs a médiateur into the console and puts them on duty at `siteName`. */
export async function signInConsole(browser: Browser, baseUrl: string, username: string, siteName: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto(`${baseUrl}/staff/`);
  await page.getByLabel('Identifiant').fill(username);
  await page.getByLabel('Mot de passe').fill(username);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('combobox', { name: 'Pôle' }).selectOption({ label: siteName });
  // A médiateur may still be on duty there from an earlier test: duty outlives a closed tab.
  const on = page.getByRole('button', { name: 'Je suis disponible' });
  const off = page.getByRole('button', { name: 'Je ne suis plus disponible' });
  await on.or(off).waitFor();
  if (await on.isVisible()) await on.click();
  await off.waitFor();
  await page.getByText('Connecté', { exact: true }).waitFor();
  return page;
}

