import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KioskLauncher, startControl } from '../../src/launcher/launcher';

const FAKE = join(process.cwd(), 'tests/support/fake-chromium.mjs');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function setup(env: Record<string, string> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'borne-launcher-'));
  const logDir = mkdtempSync(join(tmpdir(), 'borne-fake-log-'));
  const events: string[] = [];
  const launcher = new KioskLauncher({
    chromiumPath: '/usr/bin/chromium',
    kioskUrl: 'http://10.0.0.5:8080/kiosk/#kiosk=SECRET-TOKEN',
    profileRoot: root,
    restartDelayMs: 50,
    log: (event, details) => events.push(`${event} ${JSON.stringify(details ?? {})}`),
    spawn: (_command, args) => spawn(process.execPath, [FAKE, ...args], { stdio: 'ignore', env: { ...process.env, FAKE_CHROMIUM_LOG: logDir, ...env } }),
  });
  cleanups.push(async () => {
    await launcher.stop();
    rmSync(root, { recursive: true, force: true });
    rmSync(logDir, { recursive: true, force: true });
  });
  /** The arguments of each Chromium run, in start order. */
  const runs = () => readdirSync(logDir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(logDir, f), 'utf8')) as string[]);
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
    expect(check()).toBe(true);
  };
  return { launcher, root, events, runs, until };
}

describe('the kiosk launcher', () => {
  it('starts Chromium in kiosk mode on the kiosk address with a fresh profile folder', async () => {
    const { launcher, runs, until } = setup();
    launcher.start();
    await until(() => runs().length === 1);
    const args = runs()[0]!;
    expect(args).toEqual(expect.arrayContaining(['--kiosk', '--noerrdialogs', '--disable-session-crashed-bubble', '--app=http://10.0.0.5:8080/kiosk/#kiosk=SECRET-TOKEN', `--user-data-dir=${launcher.profileDir}`]));
  });

  it('at session end kills Chromium, deletes the profile with everything in it, and starts clean', async () => {
    const { launcher, runs, until } = setup();
    launcher.start();
    await until(() => runs().length === 1);
    const first = launcher.profileDir!;
    await until(() => existsSync(join(first, 'Cookies')));
    await launcher.reset();
    expect(existsSync(first)).toBe(false);
    expect(launcher.profileDir).not.toBe(first);
    await until(() => runs().length === 2);
    expect(launcher.runs).toBe(2);
  });

  it('starts again on a new profile after a crash, and never logs the kiosk token', async () => {
    const { launcher, runs, until, events } = setup();
    launcher.start();
    await until(() => runs().length === 1);
    const first = launcher.profileDir!;
    const pid = Number(events.find((e) => e.startsWith('chromium started'))!.match(/"pid":(\d+)/)![1]);
    process.kill(pid, 'SIGKILL');
    await until(() => runs().length === 2);
    expect(existsSync(first)).toBe(false);
    expect(events.some((e) => e.startsWith('chromium stopped unexpectedly'))).toBe(true);
    expect(events.join('\n')).not.toContain('SECRET-TOKEN');
  });

  it('waits longer and longer before restarting a Chromium that keeps dying at once', async () => {
    const { launcher, runs, until, events, root } = setup({ FAKE_CHROMIUM_CRASH: '1' });
    launcher.start();
    await until(() => runs().length >= 4);
    const delays = events.filter((e) => e.startsWith('restarting')).map((e) => Number(e.match(/"inMs":(\d+)/)![1]));
    expect(delays.slice(0, 3)).toEqual([50, 100, 200]);
    // Each crashed run's profile is gone too.
    expect(readdirSync(root).length).toBeLessThanOrEqual(1);
  });

  it('resets on POST /reset from the loopback control, the way the kiosk page and the extension ask', async () => {
    const { launcher, runs, until } = setup();
    launcher.start();
    const control = await startControl(launcher, 0);
    cleanups.push(() => new Promise<void>((resolve) => control.server.close(() => resolve())));
    await until(() => runs().length === 1);
    const response = await fetch(`http://127.0.0.1:${control.port}/reset`, { method: 'POST' });
    expect(response.status).toBe(202);
    await until(() => runs().length === 2);
    expect((await fetch(`http://127.0.0.1:${control.port}/nothing`)).status).toBe(404);
  });
});
