import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { useBrowserAndServer } from '../support/e2e';
import { chooseConsoleLanguage } from '../support/languages';
import { languageName } from '../../src/core/i18n/languages';

/**
 * Issue 10 item 7: an admin adds a motif in « Motifs » with a French and an Arabic name; the
 * kiosk's booking screen offers it at once, in French and, in an Arabic session, with its Arabic
 * name. The admin changes a référent's office in « Référents ». Both screens in fr and ar, with axe.
 */
const suite = useBrowserAndServer();

type Words = Record<string, any>;
const words = (lang: string, ns: string): Words => JSON.parse(readFileSync(`locales/${lang}/${ns}.json`, 'utf8'));
const NATIVE = { fr: 'Français', ar: 'العربية' } as const;

async function noViolations(page: Page, screen: string): Promise<void> {
  expect(await axeViolations(page), screen).toEqual([]);
}

async function adminConsole(lang: 'fr' | 'ar', section: 'motifs' | 'referents'): Promise<{ page: Page; t: Words; admin: Words }> {
  const page = await (await suite.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const login = words('fr', 'staff').login;
  await page.goto(`${suite.e2e.baseUrl}/staff/`);
  await page.getByLabel(login.username).fill('adminpole');
  await page.getByLabel(login.password).fill('adminpole');
  await page.getByRole('button', { name: login.submit }).click();
  if (lang !== 'fr') await chooseConsoleLanguage(page, lang);
  const admin = words(lang, 'admin');
  await page.getByRole('link', { name: admin.nav.label }).click();
  await page.getByRole('link', { name: admin.nav[section] }).click();
  return { page, t: words(lang, 'agendaAdmin'), admin };
}

async function kioskMotifs(lang: 'fr' | 'ar'): Promise<Page> {
  const page = await (await suite.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(suite.e2e.kioskUrl('chatillon-1'));
  const kiosk = words(lang, 'kiosk');
  if (lang !== 'fr') {
    await page.getByRole('button', { name: NATIVE[lang] }).first().click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  }
  await page.getByRole('button', { name: new RegExp(kiosk.home.actions.book) }).click();
  await page.getByRole('heading', { name: kiosk.booking.motifTitle, level: 1 }).waitFor();
  return page;
}

describe('« Motifs » and « Référents » in the console', () => {
  it('an admin adds a motif with a French and an Arabic name; the kiosk offers it in French and in Arabic', async () => {
    const { page, t, admin } = await adminConsole('fr', 'motifs');
    await page.getByRole('heading', { name: admin.nav.motifs, level: 2 }).waitFor();
    await page.getByText('Santé sexuelle', { exact: true }).waitFor();
    await noViolations(page, 'Motifs (fr)');
    // The kiosk is already on its motif list when the motif is added: it follows the 'agenda' event.
    const fr = await kioskMotifs('fr');
    await fr.getByRole('button', { name: /Santé sexuelle/ }).waitFor();

    await page.getByRole('button', { name: t.motifs.add }).click();
    await page.getByLabel('Nom en français (obligatoire)').fill('Aide numérique');
    await page.getByLabel('Nom en arabe (facultatif)').fill('مساعدة رقمية');
    await page.getByLabel('Description en français (obligatoire)').fill('Pour une démarche en ligne, avec un conseiller.');
    await page.getByRole('checkbox', { name: 'conseillère ou conseiller en insertion' }).check();
    await noViolations(page, 'Nouveau motif (fr)');
    await page.getByRole('button', { name: admin.common.save }).click();
    await page.getByRole('heading', { name: 'Aide numérique' }).waitFor();

    await fr.getByRole('button', { name: /Aide numérique/ }).waitFor();
    await noViolations(fr, 'kiosk motifs (fr)');
    const ar = await kioskMotifs('ar');
    const button = ar.getByRole('button', { name: /مساعدة رقمية/ });
    await button.waitFor();
    // No Arabic description was written: the French one is shown, tagged as French for a screen
    // reader, and with a visible « بالفرنسية » (in French) for who cannot read it.
    const french = button.locator('[lang="fr"]');
    await expect(french.evaluate((el) => el.firstChild?.textContent)).resolves.toBe('Pour une démarche en ligne, avec un conseiller.');
    await expect(french.locator('.in-french').innerText()).resolves.toBe('بالفرنسية');
    await noViolations(ar, 'kiosk motifs (ar)');
    await Promise.all([page.context().close(), fr.context().close(), ar.context().close()]);
  });

  it('in Arabic: « Motifs » reads right to left with no violation', async () => {
    const { page, t, admin } = await adminConsole('ar', 'motifs');
    await page.getByRole('heading', { name: admin.nav.motifs, level: 2 }).waitFor();
    await page.getByText('Santé sexuelle', { exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await noViolations(page, 'Motifs (ar)');
    await page.getByRole('button', { name: t.motifs.add }).click();
    await page.getByRole('button', { name: admin.common.save }).click();
    await page.getByText(t.errors.name).first().waitFor();
    await noViolations(page, 'Nouveau motif refusé (ar)');
    await page.context().close();
  });

  it.each(['fr', 'ar'] as const)('an admin changes a référent’s office (%s)', async (lang) => {
    const { page, t, admin } = await adminConsole(lang, 'referents');
    await page.getByRole('heading', { name: admin.nav.referents, level: 2 }).waitFor();
    await page.getByRole('button', { name: t.referents.edit.replace('{{name}}', 'Léa') }).click();
    await noViolations(page, `Modifier Léa (${lang})`);
    const office = `Salle PMI ${lang}, rez-de-chaussée`;
    await page.getByLabel(t.text.required.replace('{{what}}', t.referents.place).replace('{{language}}', languageName('fr', lang))).fill(office);
    await page.getByRole('button', { name: admin.common.save }).click();
    // The French office is isolated (FSI … PDI) inside the sentence, so it reads right in Arabic too.
    await page.getByText(t.referents.office.replace('{{place}}', `\u2068${office}\u2069`)).waitFor();
    await noViolations(page, `Référents (${lang})`);
    const lea = await suite.e2e.server.store.db.selectFrom('referents').select(['place', 'version']).where('id', '=', 'ref-lea').executeTakeFirstOrThrow();
    expect(lea.place).toBe(office);
    await page.context().close();
  });
});
