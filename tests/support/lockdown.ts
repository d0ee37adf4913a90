import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { chromiumPolicy, LAUNCHER_CONTROL_PORT, MANAGED_POLICY_DIR } from '../../src/core/lockdown/policy';
import type { SiteConfig } from '../../src/core/site/site-config';
import { generateExtensionKey } from '../../src/launcher/extension-key';
import { packExtension, type PackInfo } from '../../src/launcher/extension-build';
import { startControl } from '../../src/launcher/launcher';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser';
import { waitForRole } from './closed-shadow';
import { configWith, startE2eServer, TEST_DIST, type E2eServer } from './e2e';
import { startStandIns, type StandIns } from './standins';

/**
 * A kiosk PC for tests: the extension packed with a throwaway key, the site's generated policy
 * installed where Chromium reads it (machine-wide, so it is removed at the end), and Chromium
 * started as the launcher starts it, with extensions and their update checks allowed.
 */
export async function packTestExtension(): Promise<{ info: PackInfo; packDir: string; keyFile: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'borne-ext-'));
  const keyFile = join(dir, 'key.pem');
  writeFileSync(keyFile, generateExtensionKey(), { mode: 0o600 });
  const packDir = join(dir, 'pack');
  const info = await packExtension({ unpackedDir: `${TEST_DIST}/extension`, keyFile, packDir });
  return { info, packDir, keyFile };
}

export function installPolicy(site: SiteConfig, serverUrl: string, extensionId: string, name: string): () => void {
  // Playwright drives Chromium over the DevTools protocol, which DeveloperToolsAvailability 2
  // forbids; only that value is relaxed, every other policy is the generated one.
  const policy = { ...chromiumPolicy({ site, serverUrl, extension: { id: extensionId } }), DeveloperToolsAvailability: 1 };
  const file = join(MANAGED_POLICY_DIR, `borne-test-${name}-${process.pid}.json`);
  try {
    mkdirSync(MANAGED_POLICY_DIR, { recursive: true });
    writeFileSync(file, JSON.stringify(policy));
  } catch (error) {
    throw new Error(`cannot install the policy in ${MANAGED_POLICY_DIR}: this test needs root, as on CI (${(error as Error).message})`);
  }
  return () => rmSync(file, { force: true });
}

/** Chromium's switches for a kiosk with its extension: Playwright's defaults would turn extensions off. */
export const EXTENSION_ARGS = CHROMIUM_ARGS.filter((a) => a !== '--disable-background-networking');
export const IGNORED_DEFAULT_ARGS = ['--disable-extensions', '--disable-background-networking', '--disable-component-extensions-with-background-pages'];

export async function launchKioskBrowser(extraArgs: readonly string[]): Promise<{ context: BrowserContext; profile: string; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'borne-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    ignoreDefaultArgs: IGNORED_DEFAULT_ARGS,
    args: [...EXTENSION_ARGS, ...extraArgs],
  });
  return {
    context,
    profile,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The extension is forced in by policy a moment after start: wait for its worker. */
export async function waitForExtension(context: BrowserContext, id: string, timeoutMs = 20_000): Promise<void> {
  const isOurs = (url: string) => url.startsWith(`chrome-extension://${id}/`);
  if (context.serviceWorkers().some((w) => isOurs(w.url()))) return;
  await context.waitForEvent('serviceworker', { predicate: (w) => isOurs(w.url()), timeout: timeoutMs }).catch(() => {
    throw new Error(`The companion extension ${id} was not force-installed within ${timeoutMs / 1000} s: check the policy's ExtensionSettings and the server's /extension/updates.xml.`);
  });
}

/**
 * From the kiosk home to the first step of the CAF guide, then « Ouvrir le site », as a usager
 * does it; it returns once Borne's bar is on the official site.
 */
export async function openGuideOnSite(page: Page, e2e: E2eServer, kioskId: string, guideId = 'caf-declaration-trimestrielle'): Promise<void> {
  const title = (JSON.parse(readFileSync('locales/fr/guides.json', 'utf8')) as Record<string, { title: string }>)[guideId]!.title;
  const steps = (JSON.parse(readFileSync(`kiosk-config/guides/${guideId}.json`, 'utf8')) as { steps: unknown[] }).steps.length;
  await page.goto(e2e.kioskUrl(kioskId));
  await page.getByRole('button', { name: /Démarches en ligne/ }).click();
  await page.getByLabel('Rechercher une démarche').fill('declarer mes ressources');
  await page.getByRole('button', { name: new RegExp(title.slice(0, 20)) }).first().click();
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.getByText(`Étape 1 sur ${steps}`).waitFor();
  await page.getByRole('link', { name: 'Ouvrir le site' }).click();
  await page.waitForURL('https://www.caf.fr/**');
  await waitForRole(page, 'button', 'Terminer');
}

/** A stand-in launcher on the real control port: it counts the hard resets asked for. */
export async function startCountingLauncher(): Promise<{ resets: number[]; close(): Promise<void> }> {
  const resets: number[] = [];
  let control: Awaited<ReturnType<typeof startControl>>;
  try {
    control = await startControl({ runs: 0, reset: async () => void resets.push(Date.now()) }, LAUNCHER_CONTROL_PORT);
  } catch (error) {
    throw new Error(`port ${LAUNCHER_CONTROL_PORT} (the launcher's control port) must be free for this test: ${(error as Error).message}`);
  }
  return { resets, close: () => new Promise<void>((resolve) => control.server.close(() => resolve())) };
}

export interface LockedDownOptions {
  /** Names the policy file, so two runs never share one. */
  name: string;
  /** The official sites served as stand-ins. */
  hosts: string[];
  /** Changes to the sites' config (shorter timings…). */
  editSite?: (siteId: string, site: Record<string, unknown>) => void;
}

export interface LockedDown {
  e2e: E2eServer;
  standIns: StandIns;
  extensionId: string;
  close(): Promise<void>;
}

/**
 * The server side of a locked-down kiosk PC: the extension packed and served, the official sites'
 * stand-ins, and Châtillon's policy installed with the extension forced in.
 */
export async function startLockedDown(options: LockedDownOptions): Promise<LockedDown> {
  const pack = await packTestExtension();
  const configDir = options.editSite ? configWith(options.editSite) : undefined;
  const e2e = await startE2eServer({ extensionPackDir: pack.packDir, ...(configDir ? { configDir } : {}) });
  const standIns = await startStandIns(options.hosts);
  let removePolicy: () => void;
  try {
    removePolicy = installPolicy(e2e.server.sites.get('chatillon')!, e2e.baseUrl, pack.info.id, options.name);
  } catch (error) {
    await standIns.close();
    await e2e.stop();
    throw error;
  }
  return {
    e2e,
    standIns,
    extensionId: pack.info.id,
    async close() {
      removePolicy();
      await standIns.close();
      await e2e.stop();
    },
  };
}

/**
 * startLockedDown for one test file, with a counting launcher (unless the file runs the real one),
 * and kiosk browsers on demand. Read the fields inside tests.
 */
export function useLockedDown(options: LockedDownOptions & { countResets?: boolean }) {
  let lockedDown: LockedDown | undefined;
  let launcher: Awaited<ReturnType<typeof startCountingLauncher>> | undefined;
  beforeAll(async () => {
    lockedDown = await startLockedDown(options);
    if (options.countResets !== false) launcher = await startCountingLauncher();
  });
  afterAll(async () => {
    await launcher?.close();
    await lockedDown?.close();
  });
  const ready = () => {
    if (!lockedDown) throw new Error('the locked-down kiosk PC is not set up yet (use it inside a test)');
    return lockedDown;
  };
  return {
    get e2e() {
      return ready().e2e;
    },
    get standIns() {
      return ready().standIns;
    },
    get extensionId() {
      return ready().extensionId;
    },
    /** The hard resets asked for so far. */
    get resets(): number[] {
      return launcher?.resets ?? [];
    },
    /** A kiosk's Chromium under the policy, once the extension is in: its first page. */
    async openKioskBrowser(): Promise<{ kiosk: Awaited<ReturnType<typeof launchKioskBrowser>>; page: Page }> {
      const kiosk = await launchKioskBrowser(ready().standIns.chromiumArgs);
      try {
        await waitForExtension(kiosk.context, ready().extensionId);
        return { kiosk, page: kiosk.context.pages()[0] ?? (await kiosk.context.newPage()) };
      } catch (error) {
        await kiosk.close();
        throw error;
      }
    },
  };
}
