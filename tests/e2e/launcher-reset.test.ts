import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAUNCHER_CONTROL_PORT } from '../../src/core/lockdown/policy';
import { startControl } from '../../src/launcher/launcher';
import { useBrowserAndServer } from '../support/e2e';

/**
 * At every session end the kiosk page asks its launcher, on the same PC, for the hard reset. A
 * stand-in launcher listens on the real control port and counts the requests.
 */
const suite = useBrowserAndServer();
const resets: number[] = [];
let control: Awaited<ReturnType<typeof startControl>>;

beforeAll(async () => {
  const launcher = { runs: 0, reset: async () => void resets.push(Date.now()) };
  try {
    control = await startControl(launcher, LAUNCHER_CONTROL_PORT);
  } catch (error) {
    throw new Error(`port ${LAUNCHER_CONTROL_PORT} (the launcher's control port) must be free for this test: ${(error as Error).message}`);
  }
});
afterAll(() => new Promise<void>((resolve) => (control ? control.server.close(() => resolve()) : resolve())));

describe('the end of a session on a kiosk PC', () => {
  it('asks the launcher for the hard reset, whether the usager ends it or a médiateur does', async () => {
    const page = await (await suite.browser.newContext()).newPage();
    await page.goto(suite.e2e.kioskUrl('villeneuve-la-garenne-1'));
    await page.getByRole('button', { name: /Démarches en ligne/ }).click();
    await page.getByRole('heading', { name: 'Démarches en ligne', level: 1 }).waitFor();
    await page.locator('.end-button').click();
    await page.getByRole('heading', { name: 'Bonjour, bienvenue' }).waitFor();
    await expect.poll(() => resets.length).toBe(1);

    await page.getByRole('button', { name: /Prendre rendez-vous/ }).click();
    const admin = await suite.e2e.server.app.inject({ method: 'POST', url: '/api/staff/session', payload: { username: 'admin', password: 'admin' } });
    const cookie = String(admin.headers['set-cookie']).split(';')[0]!;
    await suite.e2e.server.app.inject({ method: 'POST', url: '/api/staff/kiosks/villeneuve-la-garenne-1/reset', headers: { cookie } });
    await page.getByRole('heading', { name: 'Bonjour, bienvenue' }).waitFor();
    await expect.poll(() => resets.length).toBe(2);
    await page.context().close();
  });
});
