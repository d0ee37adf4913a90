import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { signInConsole, useBrowserAndServer } from '../support/e2e';
import { fixedClock } from '../support/server';

// A Tuesday morning: the Saturday the test opens is always ahead, whatever day the suite runs.
const suite = useBrowserAndServer({ clock: fixedClock('2026-11-24T08:00:00.000Z') });

async function kioskOnPmiSlots(kioskId: string): Promise<Page> {
  const page = await (await suite.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(suite.e2e.kioskUrl(kioskId));
  await page.getByRole('button', { name: /Prendre rendez-vous/ }).click();
  await page.getByRole('button', { name: /PMI/ }).click();
  await page.getByLabel('Votre nom et votre prénom').fill(kioskId === 'chatillon-1' ? 'Zoé Kanté' : 'Omar Said');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByLabel('Votre numéro de téléphone (10 chiffres)').fill('0699999999');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.locator('.slot').first().waitFor();
  return page;
}

describe('the console shows the référents’ bookings and lets an admin change hours and absences', () => {
  it('live: a booking appears on the console; new hours and an absence reach the kiosk at once', async () => {
    const kiosk = await kioskOnPmiSlots('chatillon-1');
    const firstDay = await kiosk.locator('.day h2').first().innerText();
    const firstSlot = kiosk.locator('.slot').first();
    const time = await firstSlot.innerText();
    const dayIso = await kiosk.locator('.day').first().getAttribute('aria-labelledby');

    const console = await signInConsole(suite.browser, suite.e2e.baseUrl, 'admin', 'Pôle social de Châtillon');
    await console.getByRole('heading', { name: 'Rendez-vous des référents' }).waitFor();
    await console.getByLabel('Jour', { exact: true }).fill(dayIso!.replace('day-', ''));
    const lea = console.getByRole('article', { name: /Léa/ });
    await lea.waitFor();
    expect(await axeViolations(console)).toEqual([]);

    // The kiosk books; the console shows it without a reload.
    await firstSlot.click();
    await kiosk.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
    await kiosk.getByRole('heading', { name: 'Votre rendez-vous est pris' }).waitFor();
    await lea.getByText('Zoé Kanté, 0699999999 (sans dossier)').waitFor();
    expect(await lea.locator('.booking-row', { hasText: 'Zoé Kanté' }).innerText()).toContain(time);

    // Another kiosk shows the PMI week; the admin reduces Léa to Saturday mornings.
    const other = await kioskOnPmiSlots('chatillon-2');
    expect(await other.getByRole('region', { name: firstDay }).getByRole('button', { name: time, exact: true }).count()).toBe(0);
    await lea.getByText('Horaires et absences').click();
    for (const input of await lea.locator('.hours__table input').all()) await input.fill('');
    const saturday = lea.getByRole('row', { name: /samedi/ });
    await saturday.getByLabel('samedi, période 1 : début').fill('09:00');
    await saturday.getByLabel('samedi, période 1 : fin').fill('10:00');
    await lea.getByRole('button', { name: 'Enregistrer les horaires de Léa' }).click();
    await lea.getByText('Enregistré.', { exact: false }).waitFor();
    // The kiosk's week follows by itself: only Saturday, 09:00 and 09:30.
    await expect.poll(async () => (await other.locator('.day h2').allInnerTexts()).map((d) => d.toLowerCase().split(' ')[0])).toEqual(['samedi']);
    expect(await other.locator('.slot').allInnerTexts()).toEqual(['09:00', '09:30']);
    const saturdayTitle = await other.locator('.day h2').first().innerText();

    // An absence over that Saturday empties the week on the kiosk, then removing it brings it back.
    const saturdayDate = (await other.locator('.day').first().getAttribute('aria-labelledby'))!.replace('day-', '');
    await lea.getByLabel("Début de l'absence").fill(`${saturdayDate}T08:00`);
    await lea.getByLabel("Fin de l'absence").fill(`${saturdayDate}T12:00`);
    await lea.getByRole('button', { name: "Ajouter l'absence de Léa" }).click();
    await other.getByRole('region', { name: saturdayTitle }).waitFor({ state: 'detached' });
    await lea.getByRole('button', { name: /Supprimer l'absence du/ }).click();
    await other.getByRole('region', { name: saturdayTitle }).waitFor();
    expect(await axeViolations(console)).toEqual([]);

    // A médiateur sees the day but cannot change hours.
    const karim = await signInConsole(suite.browser, suite.e2e.baseUrl, 'mediateur', 'Pôle social de Châtillon');
    await karim.getByRole('article', { name: /Léa/ }).getByText('Horaires et absences').click();
    expect(await karim.getByRole('article', { name: /Léa/ }).getByRole('button', { name: /Enregistrer/ }).count()).toBe(0);
    for (const p of [kiosk, other, console, karim]) await p.context().close();
  });
});
