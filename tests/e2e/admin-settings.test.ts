import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { useBrowserAndServer } from '../support/e2e';
import { chooseConsoleLanguage } from '../support/languages';

/**
 * Issue 10 item 8: an admin changes the fallback text in « Réglages du pôle », and a kiosk page
 * already open shows the new text without a restart or a reload. A bad value is refused with the
 * field's message, and what was typed stays. In French, then with the console in Arabic; labels
 * come from the locale files, so each run reads what a person of that language reads.
 */
const suite = useBrowserAndServer();

type Words = Record<string, any>;
const words = (lang: string): { staff: Words; admin: Words; settings: Words } => ({
  staff: JSON.parse(readFileSync(`locales/${lang}/staff.json`, 'utf8')),
  admin: JSON.parse(readFileSync(`locales/${lang}/admin.json`, 'utf8')),
  settings: JSON.parse(readFileSync(`locales/${lang}/settings.json`, 'utf8')),
});
const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');

async function noViolations(page: Page, screen: string): Promise<void> {
  expect(await axeViolations(page), screen).toEqual([]);
}

/** A kiosk whose usager called while nobody is on duty: the help screen shows the fallback text. */
async function kioskShowingFallback(kioskId: string): Promise<Page> {
  const page = await (await suite.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  // The pôle is open (Tuesday 10:00 in Paris): when it is closed the kiosk says when it opens instead.
  await page.clock.setFixedTime(new Date('2026-12-01T09:00:00Z'));
  await page.goto(suite.e2e.kioskUrl(kioskId));
  await page.getByRole('button', { name: 'Appeler un médiateur' }).click();
  await page.locator('.instead').getByText("Allez à l'accueil du pôle", { exact: false }).waitFor();
  return page;
}

describe('« Réglages du pôle »: a new fallback text reaches an open kiosk', () => {
  it.each([['fr', 'chatillon-1'], ['ar', 'chatillon-2']] as const)('with the console in %s', async (lang, kioskId) => {
    const w = words(lang);
    const kiosk = await kioskShowingFallback(kioskId);

    const admin = await (await suite.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await admin.goto(`${suite.e2e.baseUrl}/staff/`);
    await admin.getByLabel(words('fr').staff.login.username).fill('adminpole');
    await admin.getByLabel(words('fr').staff.login.password).fill('adminpole');
    await admin.getByRole('button', { name: words('fr').staff.login.submit }).click();
    if (lang !== 'fr') await chooseConsoleLanguage(admin, lang);
    await admin.getByRole('link', { name: w.admin.nav.label }).click();
    await admin.getByRole('link', { name: w.admin.nav.settings }).click();
    const fallback = admin.getByLabel(fill(w.settings.field.fallback, { language: 'Français' }));
    await fallback.waitFor();
    expect(await admin.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    await noViolations(admin, 'Réglages du pôle');
    // Each language says whether a fluent person reviewed its texts (none has: never claimed).
    const ukrainian = admin.locator('.settings__language').filter({ has: admin.locator('[lang="uk"]') });
    await ukrainian.getByText(w.settings.translation.unreviewed, { exact: false }).waitFor();
    await ukrainian.getByText(w.settings.translation.kiosk.complete, { exact: false }).waitFor();
    expect(await admin.locator('.settings__translation--reviewed').count()).toBe(1);
    await admin.locator('.settings__language').filter({ has: admin.locator('[lang="fr"]') }).getByText(w.settings.translation.source).waitFor();

    // A bad value: refused next to its field, in the console's language, and the typed value stays.
    const escalation = admin.getByLabel(w.settings.field.escalationMinutes);
    await escalation.fill('0');
    const text = `Guichet ${lang === 'fr' ? '3' : '7'}, au fond du couloir.`;
    await fallback.fill(text);
    await admin.getByRole('button', { name: w.admin.common.save }).click();
    const message = fill(w.settings.issue.tooSmallStrict, { label: w.settings.field.escalationMinutes, limit: '0' });
    await admin.locator('.settings__errors').getByText(message).waitFor();
    expect(await escalation.inputValue()).toBe('0');
    expect(await escalation.getAttribute('aria-invalid')).toBe('true');
    expect(await fallback.inputValue()).toBe(text);
    await noViolations(admin, 'a refused save');
    await kiosk.locator('.instead').getByText("Allez à l'accueil du pôle", { exact: false }).waitFor();

    // Corrected and saved: the open kiosk shows the new text, no reload (the same page, still in its call).
    await escalation.fill('5');
    await admin.getByRole('button', { name: w.admin.common.save }).click();
    await admin.getByRole('status').getByText(w.admin.common.saved, { exact: false }).waitFor();
    await noViolations(admin, 'saved');
    const marker = await kiosk.evaluate(() => ((window as unknown as { borneMarker: number }).borneMarker = 42));
    await kiosk.locator('.instead').getByText(text).waitFor();
    expect(await kiosk.evaluate(() => (window as unknown as { borneMarker?: number }).borneMarker)).toBe(marker);
    await noViolations(kiosk, 'the kiosk with the new text');

    // Back to the demo's text for the next run.
    await fallback.fill("Allez à l'accueil du pôle, près de la porte d'entrée. Une personne peut vous aider ou vous donner un rendez-vous.");
    await admin.getByRole('button', { name: w.admin.common.save }).click();
    await admin.getByRole('status').getByText(w.admin.common.saved, { exact: false }).waitFor();
    await Promise.all([kiosk.context().close(), admin.context().close()]);
  });
});
