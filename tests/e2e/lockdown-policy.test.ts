import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPolicy, MANAGED_POLICY_DIR } from '../../src/core/lockdown/policy';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/browser';
import { startE2eServer, type E2eServer } from '../support/e2e';
import { startStandIns, type StandIns } from '../support/standins';

/**
 * The generated policy, installed where Chromium reads it, really locks the browser: an allowed
 * official site loads, any other site and the browser's internal pages do not. The policy folder
 * is machine-wide: the test removes its file when it ends.
 */
const POLICY_FILE = join(MANAGED_POLICY_DIR, `borne-test-${process.pid}.json`);
let e2e: E2eServer;
let standIns: StandIns;

beforeAll(async () => {
  e2e = await startE2eServer();
  standIns = await startStandIns(['www.caf.fr', 'www.example.org']);
  const site = e2e.server.sites.get('chatillon')!;
  // The test drives Chromium through the DevTools protocol, which the kiosk policy turns off
  // (DeveloperToolsAvailability 2 stops Playwright from attaching at all): only that one value is
  // relaxed here; every other policy is the generated one.
  const policy = { ...chromiumPolicy({ site, serverUrl: e2e.baseUrl }), DeveloperToolsAvailability: 1 };
  expect(chromiumPolicy({ site, serverUrl: e2e.baseUrl }).DeveloperToolsAvailability).toBe(2);
  try {
    mkdirSync(MANAGED_POLICY_DIR, { recursive: true });
    writeFileSync(POLICY_FILE, JSON.stringify(policy));
  } catch (error) {
    throw new Error(`cannot install the policy in ${MANAGED_POLICY_DIR}: this test needs root, as on CI (${(error as Error).message})`);
  }
});

afterAll(async () => {
  rmSync(POLICY_FILE, { force: true });
  await standIns?.close();
  await e2e?.stop();
});

describe('the generated Chromium policy', () => {
  it('lets the kiosk and the allowed official sites load, and blocks every other site and chrome:// pages', async () => {
    // A persistent profile, as the kiosk launcher runs it: the policy forbids incognito-like
    // contexts, which is what Playwright's newContext() would open.
    const profile = mkdtempSync(join(tmpdir(), 'borne-profile-'));
    const browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...standIns.chromiumArgs] });
    try {
      const page = browser.pages()[0] ?? (await browser.newPage());
      await page.goto(e2e.kioskUrl('chatillon-1'));
      await page.getByRole('button', { name: 'Appeler un médiateur' }).waitFor();

      await page.goto(standIns.url('www.caf.fr', '/allocataires'));
      await page.getByRole('heading', { name: 'Stand-in www.caf.fr' }).waitFor();

      const blocked = await page.goto(standIns.url('www.example.org')).then(
        () => 'loaded',
        (e: Error) => e.message,
      );
      expect(blocked).toContain('ERR_BLOCKED_BY_ADMINISTRATOR');
      // A blocked chrome:// page either fails to load or takes its tab down with it; either way
      // no tab of the kiosk ends up showing the browser's settings.
      const internalsPage = await browser.newPage();
      const internals = await internalsPage.goto('chrome://settings').then(
        () => 'loaded',
        (e: Error) => e.message,
      );
      expect(internals).toMatch(/ERR_BLOCKED_BY_ADMINISTRATOR|has been closed/);
      const open = await Promise.all(browser.pages().map(async (p) => (p.isClosed() ? '' : p.url())));
      expect(open.filter((u) => u.startsWith('chrome://settings'))).toEqual([]);
    } finally {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
