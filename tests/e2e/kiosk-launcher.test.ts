import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickByRole, waitForRole } from '../support/closed-shadow';
import { startE2eServer, type E2eServer } from '../support/e2e';
import { installPolicy, openGuideOnSite, packTestExtension, waitForExtension } from '../support/lockdown';
import { startRealKiosk, type RealKiosk } from '../support/real-launcher';
import { startStandIns, type StandIns } from '../support/standins';

/**
 * The whole kiosk PC: the real launcher runs Debian's Chromium under the generated policy, with
 * the companion extension forced in. « Terminer » on an official site ends with a new Chromium on
 * a new profile folder, the old one deleted, and the kiosk's home screen.
 */
let e2e: E2eServer;
let standIns: StandIns;
let kiosk: RealKiosk;
let extensionId: string;
let removePolicy: () => void = () => undefined;

beforeAll(async () => {
  const pack = await packTestExtension();
  extensionId = pack.info.id;
  e2e = await startE2eServer({ extensionPackDir: pack.packDir });
  standIns = await startStandIns(['www.caf.fr']);
  removePolicy = installPolicy(e2e.server.sites.get('chatillon')!, e2e.baseUrl, extensionId, 'launcher');
  kiosk = await startRealKiosk(e2e.kioskUrl('chatillon-1'), standIns.chromiumArgs);
});

afterAll(async () => {
  await kiosk?.stop();
  removePolicy();
  await standIns?.close();
  await e2e?.stop();
});

/** The processes of a process group still running (zombies waiting to be reaped do not count). */
function runningInGroup(group: number): number[] {
  return readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      return []; // It ended while we looked.
    }
    // pid (comm) state ppid pgrp …: comm may hold spaces, so read after its closing parenthesis.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(pgrp) === group && state !== 'Z' ? [Number(entry)] : [];
  });
}

describe('the kiosk launcher with Chromium', () => {
  it('at « Terminer » on an official site replaces the profile folder and starts on a clean home screen', async () => {
    const { browser, page } = await kiosk.connect();
    await waitForExtension(browser.contexts()[0]!, extensionId);
    await openGuideOnSite(page, e2e, 'chatillon-1');
    await waitForRole(page, 'button', 'Terminer');
    await page.evaluate(() => {
      document.cookie = 'caf-session=connecte; path=/; max-age=86400; secure';
      localStorage.setItem('caf-login', 'usager');
    });
    const firstProfile = kiosk.launcher.profileDir!;
    const firstPid = Number(kiosk.events.filter((e) => e.event === 'chromium started').at(-1)!.details.pid);
    expect(existsSync(firstProfile)).toBe(true);

    await clickByRole(page, 'button', 'Terminer');
    await expect.poll(() => kiosk.launcher.runs, { timeout: 15_000 }).toBe(2);
    expect(existsSync(firstProfile)).toBe(false);
    const secondProfile = kiosk.launcher.profileDir!;
    expect(secondProfile).not.toBe(firstProfile);
    expect(existsSync(secondProfile)).toBe(true);
    // Nothing of the first Chromium is left running: its whole process group is gone.
    await expect.poll(() => runningInGroup(firstPid), { timeout: 5000 }).toEqual([]);
    const secondPid = Number(kiosk.events.filter((e) => e.event === 'chromium started').at(-1)!.details.pid);
    expect(runningInGroup(secondPid)).toContain(secondPid);

    const next = await kiosk.connect();
    await next.page.getByRole('heading', { name: 'Bonjour, bienvenue' }).waitFor();
    await next.page.goto(`https://www.caf.fr/`);
    expect(await next.page.evaluate(() => [document.cookie, localStorage.length])).toEqual(['', 0]);
    await next.browser.close();
  });

  it('starts again on a new profile after Chromium crashes', async () => {
    const before = kiosk.launcher.runs;
    const crashed = kiosk.launcher.profileDir!;
    const started = kiosk.events.filter((e) => e.event === 'chromium started');
    process.kill(Number(started.at(-1)!.details.pid), 'SIGKILL');
    await expect.poll(() => kiosk.launcher.runs, { timeout: 15_000 }).toBe(before + 1);
    expect(existsSync(crashed)).toBe(false);
    const { browser, page } = await kiosk.connect();
    await page.getByRole('heading', { name: 'Bonjour, bienvenue' }).waitFor();
    expect(kiosk.events.map((e) => e.event)).toContain('chromium stopped unexpectedly');
    // The log says what happened, never who was there: no kiosk token in any event.
    expect(JSON.stringify(kiosk.events)).not.toContain(e2e.server.kioskTokens.get('chatillon-1'));
    await browser.close();
  });
});
