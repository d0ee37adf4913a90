import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBrowserAndServer } from '../support/e2e';
import { startCountingLauncher } from '../support/lockdown';

/**
 * At every session end the kiosk page asks its launcher, on the same PC, for the hard reset. A
 * stand-in launcher listens on the real control port and counts the requests.
 */
const suite = useBrowserAndServer();
let launcher: Awaited<ReturnType<typeof startCountingLauncher>> | undefined;
beforeAll(async () => {
  launcher = await startCountingLauncher();
});
afterAll(() => launcher?.close());
const resets = () => launcher?.resets ?? [];

describe('the end of a session on a kiosk PC', () => {
  it('asks the launcher for the hard reset, whether the usager ends it or a médiateur does', async () => {
    const page = await (await suite.browser.newContext()).newPage();
    await page.goto(suite.e2e.kioskUrl('villeneuve-la-garenne-1'));
    await page.getByRole('button', { name: /Démarches en ligne/ }).click();
    await page.getByRole('heading', { name: 'Démarches en ligne', level: 1 }).waitFor();
    await page.locator('.end-button').click();
    await page.getByRole('heading', { name: 'Bonjour, bienvenue' }).waitFor();
    await expect.poll(() => resets().length).toBe(1);

    await page.getByRole('button', { name: /Prendre rendez-vous/ }).click();
    const admin = await suite.e2e.server.app.inject({ method: 'POST', url: '/api/staff/session', payload: { username: 'admin', password: 'admin' } });
    const cookie = String(admin.headers['set-cookie']).split(';')[0]!;
    await suite.e2e.server.app.inject({ method: 'POST', url: '/api/staff/kiosks/villeneuve-la-garenne-1/reset', headers: { cookie } });
    await page.getByRole('heading', { name: 'Bonjour, bienvenue' }).waitFor();
    await expect.poll(() => resets().length).toBe(2);
    await page.context().close();
  });
});
