import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { useBrowserAndServer } from '../support/e2e';
import { chooseConsoleLanguage } from '../support/languages';

/**
 * Issue 10 item 6: an admin creates a médiateur in « Comptes », reads the one-time link on
 * screen; the médiateur opens it in another browser, chooses a password, signs in and sees the
 * calls console. In French, then with the console switched to Arabic. Labels come from the
 * locale files, so each run reads what a person of that language reads.
 */
const suite = useBrowserAndServer();

type Words = Record<string, any>;
const words = (lang: string): { staff: Words; admin: Words; accounts: Words } => ({
  staff: JSON.parse(readFileSync(`locales/${lang}/staff.json`, 'utf8')),
  admin: JSON.parse(readFileSync(`locales/${lang}/admin.json`, 'utf8')),
  accounts: JSON.parse(readFileSync(`locales/${lang}/accounts.json`, 'utf8')),
});
const NATIVE = { fr: 'Français', ar: 'العربية' } as const;

async function noViolations(page: Page, screen: string): Promise<void> {
  expect(await axeViolations(page), screen).toEqual([]);
}

async function signIn(page: Page, w: ReturnType<typeof words>, username: string, password: string): Promise<void> {
  await page.getByLabel(w.staff.login.username).fill(username);
  await page.getByLabel(w.staff.login.password).fill(password);
  await page.getByRole('button', { name: w.staff.login.submit }).click();
}

describe('« Comptes »: a new médiateur sets their own password', () => {
  it.each(['fr', 'ar'] as const)('in %s', async (lang) => {
    const w = words(lang);
    const username = `karim.${lang}`;
    const admin = await (await suite.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await admin.goto(`${suite.e2e.baseUrl}/staff/`);
    await signIn(admin, words('fr'), 'admin', 'admin');
    if (lang !== 'fr') await chooseConsoleLanguage(admin, lang);
    await admin.getByRole('link', { name: w.admin.nav.label }).click();
    await admin.getByRole('link', { name: w.admin.nav.accounts }).click();
    await admin.getByRole('rowheader', { name: /Nadia/ }).waitFor();
    expect(await admin.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    await noViolations(admin, 'Comptes');

    await admin.getByRole('button', { name: w.accounts.add }).click();
    await admin.getByLabel(w.accounts.fields.username, { exact: true }).fill(username);
    await admin.getByLabel(w.accounts.fields.firstName, { exact: true }).fill('Karim');
    await admin.getByRole('radio', { name: new RegExp(w.accounts.roles.mediateur) }).check();
    await admin.getByRole('checkbox', { name: 'Pôle social de Châtillon' }).check();
    await noViolations(admin, 'Ajouter un compte');
    await admin.getByRole('button', { name: w.accounts.form.create }).click();
    const url = await admin.getByTestId('setup-url').innerText();
    expect(url).toMatch(new RegExp(`^${suite.e2e.baseUrl}/staff/#/setup/[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$`));
    await noViolations(admin, 'the setup link');
    await admin.getByRole('button', { name: w.accounts.setupLink.close }).click();
    await admin.getByTestId('setup-url').waitFor({ state: 'detached' });

    // The person, on another computer: nothing of the admin's session.
    const person = await (await suite.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await person.goto(url);
    if (lang !== 'fr') await person.getByRole('button', { name: NATIVE[lang] }).click();
    await person.getByRole('heading', { name: w.accounts.setup.title }).waitFor();
    await person.getByText(username, { exact: false }).waitFor();
    await noViolations(person, 'setup');
    await person.getByLabel(w.accounts.setup.password, { exact: true }).fill('court');
    await person.getByLabel(w.accounts.setup.passwordAgain).fill('court');
    await person.getByRole('button', { name: w.accounts.setup.submit }).click();
    await person.getByText(w.accounts.setup.tooShort).waitFor();
    await person.getByLabel(w.accounts.setup.password, { exact: true }).fill('le café du matin');
    await person.getByLabel(w.accounts.setup.passwordAgain).fill('le café du matin');
    await person.getByRole('button', { name: w.accounts.setup.submit }).click();
    await person.getByRole('link', { name: w.accounts.setup.signIn }).click();
    await signIn(person, w, username, 'le café du matin');
    await person.getByRole('button', { name: w.staff.duty.on }).waitFor();
    await noViolations(person, 'the calls console');

    // The link worked once: opened again, it says so.
    const again = await (await suite.browser.newContext()).newPage();
    await again.goto(url);
    await again.getByText(words('fr').accounts.setup.invalid).waitFor();
    await noViolations(again, 'a used link');
    // Without a link, the screen asks for the code the admin read out.
    await again.goto(`${suite.e2e.baseUrl}/staff/#/setup`);
    await again.getByLabel(words('fr').accounts.setup.code).waitFor();
    await noViolations(again, 'the code form');
    await again.getByLabel(words('fr').accounts.setup.code).fill(url.split('/').pop()!.toLowerCase());
    await again.getByRole('button', { name: words('fr').accounts.setup.continue }).click();
    await again.getByText(words('fr').accounts.setup.invalid).waitFor();
    expect(new URL(again.url()).hash).toBe(`#/setup/${url.split('/').pop()!.replaceAll('-', '')}`);
    for (const p of [admin, person, again]) await p.context().close();
  });
});
