import { describe, expect, it } from 'vitest';
import { focusedNode, waitForRole } from '../support/closed-shadow';
import { openGuideOnSite, useLockedDown } from '../support/lockdown';

/**
 * Inactivity ends the session on an official site too: the bar warns, gives the usager the time
 * RGAA 13.1 asks for, then wipes and goes home. The site's shortest allowed timings are used
 * (30 s before the warning, 20 s to answer), so this test runs for about a minute.
 */
const pc = useLockedDown({
  name: 'idle',
  hosts: ['www.caf.fr'],
  editSite: (_id, site) => {
    site.idle = { warningAfterSeconds: 30, answerSeconds: 20 };
  },
});

describe('inactivity on an official site', () => {
  it('warns with « Continuer » focused, then wipes the site, asks for the hard reset and goes home', async () => {
    const { kiosk, page } = await pc.openKioskBrowser();
    try {
      await openGuideOnSite(page, pc.e2e, 'chatillon-1');
      await page.evaluate(() => localStorage.setItem('caf-login', 'usager'));

      await waitForRole(page, 'alertdialog', 'Êtes-vous toujours là ?', 45_000);
      // The warning takes the focus, so a keyboard or screen-reader user meets it at once.
      expect((await focusedNode(page))?.name?.value).toBe('Continuer');
      await waitForRole(page, 'StaticText', /la borne s'efface dans \d+ secondes/);
      await page.screenshot({ path: 'tests/.artifacts/extension-idle-warning.png' });

      // Nobody answers: the session ends by itself.
      await page.getByRole('heading', { name: 'Bonjour, bienvenue' }).waitFor({ timeout: 40_000 });
      expect(pc.resets).toHaveLength(1);
      await page.goto(pc.standIns.url('www.caf.fr', '/apres'));
      expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    } finally {
      await kiosk.close();
    }
  }, 150_000);
});
