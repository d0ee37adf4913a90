import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAUNCHER_CONTROL_PORT } from '../../src/core/lockdown/policy';
import { startControl } from '../../src/launcher/launcher';
import { focusedNode, waitForRole } from '../support/closed-shadow';
import { configWith, startE2eServer, type E2eServer } from '../support/e2e';
import { installPolicy, launchKioskBrowser, openGuideOnSite, packTestExtension, waitForExtension } from '../support/lockdown';
import { startStandIns, type StandIns } from '../support/standins';

/**
 * Inactivity ends the session on an official site too: the bar warns, gives the usager the time
 * RGAA 13.1 asks for, then wipes and goes home. The site's shortest allowed timings are used
 * (30 s before the warning, 20 s to answer), so this test runs for about a minute.
 */
let e2e: E2eServer;
let standIns: StandIns;
let extensionId: string;
let removePolicy: () => void = () => undefined;
let control: Awaited<ReturnType<typeof startControl>> | undefined;
const resets: number[] = [];

beforeAll(async () => {
  const pack = await packTestExtension();
  extensionId = pack.info.id;
  const configDir = configWith((_id, site) => {
    site.idle = { warningAfterSeconds: 30, answerSeconds: 20 };
  });
  e2e = await startE2eServer({ extensionPackDir: pack.packDir, configDir });
  standIns = await startStandIns(['www.caf.fr']);
  removePolicy = installPolicy(e2e.server.sites.get('chatillon')!, e2e.baseUrl, extensionId, 'idle');
  try {
    control = await startControl({ runs: 0, reset: async () => void resets.push(Date.now()) }, LAUNCHER_CONTROL_PORT);
  } catch (error) {
    throw new Error(`port ${LAUNCHER_CONTROL_PORT} (the launcher's control port) must be free for this test: ${(error as Error).message}`);
  }
});

afterAll(async () => {
  removePolicy();
  await new Promise<void>((resolve) => (control ? control.server.close(() => resolve()) : resolve()));
  await standIns?.close();
  await e2e?.stop();
});

describe('inactivity on an official site', () => {
  it('warns with « Continuer » focused, then wipes the site, asks for the hard reset and goes home', async () => {
    const kiosk = await launchKioskBrowser(standIns.chromiumArgs);
    try {
      await waitForExtension(kiosk.context, extensionId);
      const page = kiosk.context.pages()[0] ?? (await kiosk.context.newPage());
      await openGuideOnSite(page, e2e, 'chatillon-1');
      await waitForRole(page, 'button', 'Terminer');
      await page.evaluate(() => localStorage.setItem('caf-login', 'usager'));

      await waitForRole(page, 'alertdialog', 'Êtes-vous toujours là ?', 45_000);
      // The warning takes the focus, so a keyboard or screen-reader user meets it at once.
      expect((await focusedNode(page))?.name?.value).toBe('Continuer');
      await waitForRole(page, 'StaticText', /la borne s'efface dans \d+ secondes/);

      // Nobody answers: the session ends by itself.
      await page.getByRole('heading', { name: 'Bonjour, bienvenue' }).waitFor({ timeout: 40_000 });
      expect(resets).toHaveLength(1);
      await page.goto(standIns.url('www.caf.fr', '/apres'));
      expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    } finally {
      await kiosk.close();
    }
  }, 150_000);
});
