import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { personalStoresIn } from '../../src/launcher/profile-template';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickByRole } from '../support/closed-shadow';
import { openGuideOnSite, useLockedDown, waitForExtension } from '../support/lockdown';
import { startRealKiosk, type RealKiosk } from '../support/real-launcher';

/**
 * The whole kiosk PC: the real launcher runs Debian's Chromium under the generated policy, with
 * the companion extension forced in. « Terminer » on an official site ends with a new Chromium on
 * a new profile folder, the old one deleted, and the kiosk's home screen.
 */
// The real launcher answers on the control port here: no counting stand-in.
const pc = useLockedDown({ name: 'launcher', hosts: ['www.caf.fr'], countResets: false });
let kiosk: RealKiosk;

beforeAll(async () => {
  kiosk = await startRealKiosk(pc.e2e.kioskUrl('chatillon-1'), pc.standIns.chromiumArgs);
});

afterAll(async () => {
  await kiosk?.stop();
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
    await waitForExtension(browser.contexts()[0]!, pc.extensionId);
    await openGuideOnSite(page, pc.e2e, 'chatillon-1');
    await page.evaluate(() => {
      document.cookie = 'caf-session=connecte; path=/; max-age=86400; secure';
      localStorage.setItem('caf-login', 'usager');
    });
    const firstProfile = kiosk.launcher.profileDir!;
    const firstPid = kiosk.currentPid();
    expect(existsSync(firstProfile)).toBe(true);
    // The session runs on a copy of the warm template: the forced extension is in it, nothing personal is.
    const template = kiosk.launcher.templateDir!;
    expect(existsSync(join(template, 'Default', 'Extensions', pc.extensionId))).toBe(true);
    expect(personalStoresIn(template)).toEqual([]);

    await clickByRole(page, 'button', 'Terminer');
    await expect.poll(() => kiosk.launcher.runs, { timeout: 15_000 }).toBe(2);
    expect(existsSync(firstProfile)).toBe(false);
    const secondProfile = kiosk.launcher.profileDir!;
    expect(secondProfile).not.toBe(firstProfile);
    expect(existsSync(secondProfile)).toBe(true);
    expect(secondProfile).not.toBe(template);
    expect(personalStoresIn(template)).toEqual([]);
    // Nothing of the first Chromium is left running: its whole process group is gone.
    await expect.poll(() => runningInGroup(firstPid), { timeout: 5000 }).toEqual([]);
    const secondPid = kiosk.currentPid();
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
    process.kill(kiosk.currentPid(), 'SIGKILL');
    await expect.poll(() => kiosk.launcher.runs, { timeout: 15_000 }).toBe(before + 1);
    expect(existsSync(crashed)).toBe(false);
    const { browser, page } = await kiosk.connect();
    await page.getByRole('heading', { name: 'Bonjour, bienvenue' }).waitFor();
    expect(kiosk.events.map((e) => e.event)).toContain('chromium stopped unexpectedly');
    // The log says what happened, never who was there: no kiosk token in any event.
    expect(JSON.stringify(kiosk.events)).not.toContain(pc.e2e.server.kioskTokens.get('chatillon-1'));
    await browser.close();
  });
});
