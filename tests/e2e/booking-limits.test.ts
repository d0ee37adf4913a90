import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { WeekSlotsView } from '../../src/core/agenda/booking';
import { axeViolations } from '../support/axe';
import { signInConsole, useBrowserAndServer } from '../support/e2e';

/**
 * Item 16 where people see it: the kiosk refuses a 3rd coming appointment for one phone number
 * with a way forward, in French and Arabic, and the console of the pôle shows the refusal.
 */
const suite = useBrowserAndServer();

/** Two coming appointments for 06 12 34 56 78, made at another kiosk of the pôle. */
async function twoBookings(): Promise<void> {
  const server = suite.e2e.server;
  const headers = { authorization: `Bearer ${server.kioskTokens.get('chatillon-2')}` };
  const week = (await server.app.inject({ method: 'GET', url: '/api/kiosk/agenda/slots?motifId=chatillon-accueil-social&week=2026-12-14', headers })).json<WeekSlotsView>();
  for (const s of week.days.flatMap((d) => d.slots).slice(-2)) {
    const res = await server.app.inject({ method: 'POST', url: '/api/kiosk/appointments', headers, payload: { motifId: 'chatillon-accueil-social', referentId: s.referentId, start: s.start, contact: { name: 'Awa Traoré', phone: '06 12 34 56 78' }, language: 'fr' } });
    expect(res.statusCode, res.body).toBe(201);
  }
}

/** The booking of a first contact up to « Confirmer », with that number, in the kiosk's language. */
async function bookAgain(page: Page, texts: { book: RegExp; motif: RegExp }): Promise<void> {
  await page.getByRole('button', { name: texts.book }).first().click();
  await page.getByRole('button', { name: texts.motif }).first().click();
  await page.locator('#contact-name').fill('Awa Traoré');
  await page.locator('form button[type="submit"]').click();
  await page.locator('#contact-phone').fill('0612345678');
  await page.locator('form button[type="submit"]').click();
  await page.locator('.slot').first().click();
  await page.locator('.summary').waitFor();
  await page.locator('.actions-row .button--primary').last().click();
}

describe('a 3rd coming appointment for one phone number', () => {
  it('is refused kindly with a way forward, in French and in Arabic; the console is told', async () => {
    await twoBookings();
    const console = await signInConsole(suite.browser, suite.e2e.baseUrl, 'admin', 'Pôle social de Châtillon');

    const page = await (await suite.browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await page.goto(suite.e2e.kioskUrl('chatillon-1'));
    await page.getByRole('button', { name: 'Appeler un médiateur' }).first().waitFor();
    await bookAgain(page, { book: /Prendre rendez-vous/, motif: /Accueil social/ });
    await page.getByText("Ce numéro de téléphone a déjà 2 rendez-vous à venir : c'est le maximum.", { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await console.locator('.booking-alert', { hasText: 'Poste 1' }).getByText('ce numéro de téléphone a déjà le nombre maximal', { exact: false }).waitFor();
    expect(await axeViolations(console)).toEqual([]);

    // « J'ai déjà un rendez-vous » leads to the appointments made with the ticket's reference.
    await page.locator('.booking__error').getByRole('button', { name: "J'ai déjà un rendez-vous" }).click();
    await page.getByRole('heading', { name: 'Retrouver mon rendez-vous', level: 1 }).waitFor();

    // The same in Arabic, right to left.
    await page.getByRole('button', { name: 'Terminer' }).click();
    await page.getByRole('button', { name: /Prendre rendez-vous/ }).first().waitFor();
    await page.getByRole('button', { name: 'العربية' }).first().click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await bookAgain(page, { book: /موعد/, motif: /استقبال/ });
    await page.getByText('لرقم الهاتف هذا بالفعل موعدان قادمان', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([page, console].map((p) => p.context().close()));
  });
});
