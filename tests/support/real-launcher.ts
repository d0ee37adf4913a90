import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports';
import { chromium, type Browser, type Page } from 'playwright-core';
import { LAUNCHER_CONTROL_PORT } from '../../src/core/lockdown/policy';
import { KioskLauncher, startControl } from '../../src/launcher/launcher';
import { CHROMIUM_PATH } from './browser';
import { EXTENSION_ARGS } from './lockdown';

/**
 * A kiosk PC run by the real launcher: it starts Debian's Chromium in --kiosk --app mode on a
 * throwaway profile, listens on the real control port, and at each reset kills Chromium, deletes
 * the profile and starts again. Tests reach each Chromium run over its DevTools port.
 */
export interface RealKiosk {
  launcher: KioskLauncher;
  /** What the launcher logged, in order: tests read the pid of each run here. */
  events: { event: string; details: Record<string, string | number> }[];
  /** The pid of the Chromium run started last (the leader of its process group). */
  currentPid(): number;
  /** Connects to the Chromium run now up, and returns its kiosk page once it shows. */
  connect(timeoutMs?: number): Promise<{ browser: Browser; page: Page }>;
  stop(): Promise<void>;
}

export { freePort };

export async function startRealKiosk(kioskUrl: string, extraArgs: readonly string[] = []): Promise<RealKiosk> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH).`);
  const debugPort = await freePort();
  const profileRoot = mkdtempSync(join(tmpdir(), 'borne-launcher-'));
  const events: RealKiosk['events'] = [];
  const launcher = new KioskLauncher({
    chromiumPath: CHROMIUM_PATH,
    kioskUrl,
    profileRoot,
    // Headless, and reachable over DevTools for the test; everything else as on a kiosk PC.
    extraArgs: [...EXTENSION_ARGS, '--headless', '--window-size=1280,900', `--remote-debugging-port=${debugPort}`, ...extraArgs],
    restartDelayMs: 100,
    log: (event, details = {}) => events.push({ event, details }),
  });
  let control: Awaited<ReturnType<typeof startControl>>;
  try {
    control = await startControl(launcher, LAUNCHER_CONTROL_PORT);
  } catch (error) {
    throw new Error(`port ${LAUNCHER_CONTROL_PORT} (the launcher's control port) must be free: ${(error as Error).message}`);
  }
  // Chromium runs in its own process group: if this process dies before stop(), take it along.
  const currentPid = () => Number(events.filter((e) => e.event === 'chromium started').at(-1)?.details.pid ?? 0);
  const killLeftover = () => {
    const pid = currentPid();
    if (pid > 0) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  };
  process.once('exit', killLeftover);
  launcher.start();
  const kioskOrigin = new URL(kioskUrl).origin;

  return {
    launcher,
    events,
    currentPid,
    async connect(timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      const endpoint = `http://127.0.0.1:${debugPort}`;
      let browser: Browser | null = null;
      while (!browser) {
        browser = await chromium.connectOverCDP(endpoint, { timeout: 2000 }).catch(() => null);
        if (!browser) {
          if (Date.now() > until) throw new Error(`Chromium started by the launcher did not open its DevTools port ${debugPort} within ${timeoutMs / 1000} s.`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      const context = browser.contexts()[0]!;
      const isKiosk = (p: Page) => p.url().startsWith(kioskOrigin);
      let page = context.pages().find(isKiosk);
      while (!page) {
        if (Date.now() > until) throw new Error(`Chromium started by the launcher shows no kiosk page (${context.pages().map((p) => p.url()).join(', ')}).`);
        await new Promise((resolve) => setTimeout(resolve, 100));
        page = context.pages().find(isKiosk);
      }
      return { browser, page };
    },
    async stop() {
      process.off('exit', killLeftover);
      await new Promise<void>((resolve) => control.server.close(() => resolve()));
      await launcher.stop();
      rmSync(profileRoot, { recursive: true, force: true });
    },
  };
}
