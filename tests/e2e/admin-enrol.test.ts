import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { useBrowserAndServer } from '../support/e2e';
import { chooseConsoleLanguage } from '../support/languages';

/**
 * Issue 10 item 2: an admin adds a kiosk in « Parc des bornes », reads the one-time code on
 * screen; a fresh kiosk browser opens /kiosk/#enrol=CODE and shows its home; the admin sees it
 * come online, then « Retirer la borne » and the kiosk is refused at once. In French, then with
 * the console in Arabic; labels come from the locale files. BORNE_SHOTS=<dir> keeps screenshots.
 */
const suite = useBrowserAndServer();

type Words = Record<string, any>;
const words = (lang: string): { staff: Words; admin: Words; enrol: Words; kiosk: Words } => ({
  staff: JSON.parse(readFileSync(`locales/${lang}/staff.json`, 'utf8')),
  admin: JSON.parse(readFileSync(`locales/${lang}/admin.json`, 'utf8')),
  enrol: JSON.parse(readFileSync(`locales/${lang}/enrol.json`, 'utf8')),
  kiosk: JSON.parse(readFileSync(`locales/${lang}/kiosk.json`, 'utf8')),
});
const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');

async function noViolations(page: Page, screen: string): Promise<void> {
  expect(await axeViolations(page), screen).toEqual([]);
}

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.BORNE_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
}

describe('« Ajouter une borne », then « Retirer la borne »', () => {
  it.each(['fr', 'ar'] as const)('in %s', async (lang) => {
    const w = words(lang);
    const fr = words('fr');
    const label = `Poste e2e ${lang}`;
    const admin = await (await suite.browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await admin.goto(`${suite.e2e.baseUrl}/staff/`);
    await admin.getByLabel(fr.staff.login.username).fill('admin');
    await admin.getByLabel(fr.staff.login.password).fill('admin');
    await admin.getByRole('button', { name: fr.staff.login.submit }).click();
    if (lang !== 'fr') await chooseConsoleLanguage(admin, lang);
    await admin.getByRole('link', { name: w.admin.nav.label }).click();
    await admin.getByRole('link', { name: w.admin.nav.fleet }).click();
    await admin.getByRole('heading', { name: w.enrol.add.title }).waitFor();
    expect(await admin.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');

    const panel = admin.getByRole('region', { name: w.enrol.add.title });
    await panel.getByRole('combobox', { name: w.enrol.add.site, exact: true }).selectOption({ label: 'Pôle social de Châtillon' });
    await panel.getByRole('textbox', { name: w.enrol.add.label, exact: true }).fill(label);
    await noViolations(admin, 'Ajouter une borne');
    await shot(admin, `enrol-form-${lang}`);
    await panel.getByRole('button', { name: w.enrol.add.submit }).click();
    const code = await admin.locator('[data-enrol-code]').innerText();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await admin.getByRole('img', { name: fill(w.enrol.code.qr, { kiosk: label }) }).waitFor();
    await admin.getByText(`npm run kiosk -- enrol --server ${suite.e2e.baseUrl} --code ${code}`).waitFor();
    await noViolations(admin, 'the enrolment code');
    await shot(admin, `enrol-code-${lang}`);
    await admin.getByRole('button', { name: w.enrol.code.done }).click();
    await admin.locator('[data-enrol-code]').waitFor({ state: 'detached' });

    // The kiosk PC's browser: nothing but the address with the code.
    const kiosk = await (await suite.browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await kiosk.goto(`${suite.e2e.baseUrl}/kiosk/#enrol=${code}`);
    await kiosk.getByRole('heading', { name: fr.kiosk.home.title }).waitFor();
    expect(kiosk.url()).not.toContain(code);
    expect(await kiosk.locator('body').innerText()).not.toMatch(/[A-Za-z0-9_-]{43}/);
    await noViolations(kiosk, 'the kiosk home after enrolment');

    // The admin sees it come online in « Parc des bornes ».
    const row = admin.locator('tr[data-kiosk-id]', { hasText: label });
    await row.and(admin.locator('[data-online="true"]')).waitFor();

    await row.getByRole('button', { name: fill(w.enrol.revoke.label, { kiosk: label }) }).click();
    await admin.getByRole('dialog', { name: fill(w.enrol.revoke.title, { kiosk: label }) }).waitFor();
    await noViolations(admin, 'Retirer la borne ?');
    await shot(admin, `enrol-revoke-${lang}`);
    await admin.getByRole('button', { name: w.enrol.revoke.confirm, exact: true }).click();
    await admin.getByText(fill(w.enrol.revoke.done, { kiosk: label })).waitFor();
    await row.waitFor({ state: 'detached' });

    // The kiosk loses its stream at once and is refused when it reconnects.
    await kiosk.getByText(fr.kiosk.app.unknownKiosk).waitFor({ timeout: 15_000 });
    await noViolations(kiosk, 'the refused kiosk');

    // The code worked once: opened again in another browser, it is refused calmly.
    const again = await (await suite.browser.newContext()).newPage();
    await again.goto(`${suite.e2e.baseUrl}/kiosk/#enrol=${code}`);
    await again.getByRole('heading', { name: fr.kiosk.enrol.title }).waitFor();
    await again.getByText(fr.kiosk.enrol.refused).waitFor();
    await noViolations(again, 'a used enrolment code');
    await shot(again, `kiosk-enrol-refused-${lang}`);
    await Promise.all([admin.context().close(), kiosk.context().close(), again.context().close()]);
  }, 120_000);
});
