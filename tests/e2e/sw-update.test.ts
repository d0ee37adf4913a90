import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../src/server/http/precompress';
import { launchChromium } from '../support/browser';
import { startE2eServer, TEST_DIST, type E2eServer } from '../support/e2e';

let browser: Browser;
let e2e: E2eServer;
let dist: string;

beforeAll(async () => {
  // A private copy of the build, so this test can publish a "new version" of the worker.
  dist = mkdtempSync(join(tmpdir(), 'borne-dist-'));
  cpSync(TEST_DIST, dist, { recursive: true });
  browser = await launchChromium();
  e2e = await startE2eServer({ distDir: dist });
});

afterAll(async () => {
  await browser?.close();
  await e2e?.stop();
  rmSync(dist, { recursive: true, force: true });
});

describe('kiosk updates', () => {
  it('installs a new version in the background but applies it only when the session ends', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(e2e.kioskUrl('chatillon-4'));
    await page.getByRole('button', { name: 'Appeler un médiateur' }).waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null || navigator.serviceWorker.ready.then(() => false));
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    await page.getByRole('button', { name: 'English' }).first().click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');

    // A new release, as the build makes it: a new sw.js, and its brotli and gzip beside it.
    appendFileSync(join(dist, 'kiosk', 'sw.js'), '\n// a new release\n');
    await precompressDir(join(dist, 'kiosk'));
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration('/kiosk/');
      await registration!.update();
    });
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration('/kiosk/'))?.waiting != null);

    // Mid-session nothing changes under the usager's fingers.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    const reloaded = page.waitForEvent('load');
    await page.locator('.end-button').click();
    await reloaded;
    await page.getByRole('button', { name: 'Appeler un médiateur' }).waitFor();
    const state = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration('/kiosk/');
      return { waiting: registration?.waiting != null, controlled: navigator.serviceWorker.controller !== null };
    });
    expect(state).toEqual({ waiting: false, controlled: true });
    await page.context().close();
  });
});
