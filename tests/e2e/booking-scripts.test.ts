import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { signInConsole, useBrowserAndServer } from '../support/e2e';
import { fixedClock } from '../support/server';

/**
 * A name typed on the on-screen keys in the letters of the kiosk's language (Arabic, Ukrainian
 * Cyrillic), a booking made with it, and the console showing that name with its Latin letters.
 * Texts of languages still being translated are not looked up: the Ukrainian kiosk is driven
 * through its fields and keys. BORNE_SHOTS=<dir> keeps screenshots of the keyboards at
 * 1920×1080 and 1280×1024.
 */
// A Tuesday morning: the PMI week ahead is open.
const suite = useBrowserAndServer({ clock: fixedClock('2026-11-24T08:00:00.000Z') });
const SHOTS = process.env.BORNE_SHOTS;

const booked: { name: string; reference: string; day: string }[] = [];
const noAxeViolation = async (page: Page) => expect(await axeViolations(page)).toEqual([]);

async function kioskIn(kioskId: string, nativeName: string): Promise<Page> {
  const page = await (await suite.browser.newContext({ viewport: { width: 1280, height: 1024 } })).newPage();
  await page.goto(suite.e2e.kioskUrl(kioskId));
  await page.locator('.help-button').waitFor();
  await page.getByRole('button', { name: nativeName, exact: true }).first().click();
  // « Prendre rendez-vous », the third tile, then the PMI: open without a dossier.
  await page.locator('.home__actions .tile').nth(2).click();
  await page.locator('.tile--motif', { hasText: 'PMI' }).click();
  await page.locator('#contact-name').waitFor();
  return page;
}

async function shots(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  for (const viewport of [{ width: 1920, height: 1080 }, { width: 1280, height: 1024 }]) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(SHOTS, `${name}-${viewport.width}x${viewport.height}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 1024 });
}

/** The phone, the first free slot, « Confirmer »: the reference and the day booked. */
async function finishBooking(page: Page, name: string, phone: string): Promise<void> {
  await page.locator('.contact-form button[type="submit"]').click();
  await page.locator('#contact-phone').fill(phone);
  await page.locator('.contact-form button[type="submit"]').click();
  const slot = page.locator('.slot').first();
  await slot.waitFor();
  const day = (await slot.locator('xpath=ancestor::*[starts-with(@aria-labelledby, "day-")][1]').getAttribute('aria-labelledby'))!.replace('day-', '');
  await slot.click();
  await page.locator('.summary').waitFor();
  await page.locator('.booking .actions-row .button--primary').click();
  const ticket = page.locator('.ticket');
  await ticket.waitFor();
  const reference = /[A-Z2-9]{3}-[A-Z2-9]{3}/.exec(await ticket.innerText())![0];
  const row = await suite.e2e.server.store.db.selectFrom('appointments').select(['contact_name', 'status']).where('reference', '=', reference).executeTakeFirstOrThrow();
  expect(row).toEqual({ contact_name: name, status: 'booked' });
  booked.push({ name, reference, day });
  await page.context().close();
}

describe('a name typed in the letters of the kiosk’s language', () => {
  it('Arabic: on the Arabic keys, right to left in its field; « ABC » is one tap away', async () => {
    const page = await kioskIn('chatillon-2', 'العربية');
    const keyboard = page.getByRole('group', { name: 'لوحة المفاتيح' });
    const arabic = keyboard.getByRole('button', { name: /حروف عربية/ });
    expect(await arabic.getAttribute('aria-pressed')).toBe('true');
    for (const key of ['م', 'ح', 'م', 'د', 'مسافة', 'ع', 'ل', 'ي']) await keyboard.getByRole('button', { name: key, exact: true }).click();
    const field = page.locator('#contact-name');
    expect(await field.inputValue()).toBe('محمد علي');
    expect(await field.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    // Every key at least 48 px, the rows inside the window.
    for (const box of await keyboard.locator('button').evaluateAll((keys) => keys.map((k) => k.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(48);
      expect(box.right).toBeLessThanOrEqual(1280);
    }
    await noAxeViolation(page);
    await shots(page, 'contact-arabic');

    await keyboard.getByRole('button', { name: /^ABC/ }).click();
    expect(await arabic.getAttribute('aria-pressed')).toBe('false');
    await keyboard.getByRole('button', { name: 'A', exact: true }).waitFor();
    await noAxeViolation(page);
    await arabic.click();
    await finishBooking(page, 'محمد علي', '0611111111');
  });

  it('Ukrainian: on the Cyrillic keys, capitalised by themselves, left to right on a page that is too', async () => {
    const page = await kioskIn('chatillon-3', 'Українська');
    const keyboard = page.locator('.keyboard');
    expect(await keyboard.getAttribute('data-script')).toBe('ukrainian');
    for (const key of ['О', 'Л', 'Е', 'К', 'С', 'І', 'Й']) await keyboard.getByRole('button', { name: key, exact: true }).click();
    await keyboard.locator('.keyboard__key--wide').first().click(); // the space bar
    for (const key of ['Ш', 'Е', 'В', 'Ч', 'У', 'К']) await keyboard.getByRole('button', { name: key, exact: true }).click();
    expect(await page.locator('#contact-name').inputValue()).toBe('Олексій Шевчук');
    await noAxeViolation(page);
    await shots(page, 'contact-ukrainian');
    await finishBooking(page, 'Олексій Шевчук', '0622222222');
  });

  it('the console shows each name with its Latin letters', async () => {
    expect(booked).toHaveLength(2);
    const console = await signInConsole(suite.browser, suite.e2e.baseUrl, 'admin', 'Pôle social de Châtillon');
    await console.getByRole('heading', { name: 'Rendez-vous des référents' }).waitFor();
    const expected: Record<string, string> = { 'محمد علي': "(Mhmd 'Li)", 'Олексій Шевчук': '(Oleksii Shevchuk)' };
    for (const b of booked) {
      await console.getByLabel('Jour', { exact: true }).fill(b.day);
      const row = console.locator('.booking-row', { hasText: b.reference });
      await row.waitFor();
      const name = row.locator('.person-name');
      expect(await name.locator('bdi').innerText()).toBe(b.name);
      expect(await name.locator('.person-name__latin').textContent()).toBe(`en lettres latines : ${expected[b.name]}`);
      expect(await name.locator('bdi').getAttribute('dir')).toBe(b.name === 'محمد علي' ? 'rtl' : 'ltr');
    }
    await noAxeViolation(console);
    await console.locator('.booking-row', { hasText: booked[1]!.reference }).scrollIntoViewIfNeeded();
    await shots(console, 'console-agenda');
    await console.context().close();
  });
});
