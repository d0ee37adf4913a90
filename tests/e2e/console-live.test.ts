import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { BookingConfirmation, WeekSlotsView } from '../../src/core/agenda/booking';
import { axeViolations } from '../support/axe';
import { configWith, signInConsole, useBrowserAndServer } from '../support/e2e';
import { fixedClock, kioskAuth } from '../support/server';

/**
 * The console a médiateur keeps open all day: everything on it follows live (no reload), a kiosk
 * that goes away is shown gone, and nothing overflows its panel at the usual screen sizes.
 */
const clock = fixedClock(new Date().toISOString());
const LONG_LABEL = 'Poste 1 — espace numérique, à gauche de l’entrée, près de la fenêtre';
const config = configWith((siteId, site) => {
  if (siteId !== 'chatillon') return;
  (site.help as Record<string, unknown>).ringIntervalSeconds = 5;
  (site.kiosks as { id: string; label: string }[])[0]!.label = LONG_LABEL;
});
const ctx = useBrowserAndServer({ clock, configDir: config });
const SHOTS = process.env.BORNE_SCREENSHOTS;

const inject = (kioskId: string, method: 'POST' | 'PUT' | 'GET', url: string, payload?: object) =>
  ctx.e2e.server.app.inject({ method, url, headers: kioskAuth(ctx.e2e.server, kioskId), ...(payload ? { payload } : {}) });

/** A kiosk where the usager follows the guide with the longest title, at a step. */
const onLongGuide = (kioskId: string) => inject(kioskId, 'PUT', '/api/kiosk/state', { inSession: true, screen: 'guide', language: 'fr', guide: { id: 'caf-prime-activite', step: 3 } });

const openConsole = (username = 'mediateur') => signInConsole(ctx.browser, ctx.e2e.baseUrl, username, 'Pôle social de Châtillon');

/** Elements that stick out of the panel they are in (wider than it, or past its edges). */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const panel of Array.from(document.querySelectorAll('.panel')) as HTMLElement[]) {
      const box = panel.getBoundingClientRect();
      for (const el of [panel, ...(Array.from(panel.querySelectorAll('*')) as HTMLElement[])]) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible' && el !== panel && el.clientWidth > 0) out.push(`${el.className || el.tagName} scrolls ${el.scrollWidth} > ${el.clientWidth}`);
        if (r.left < box.left - 1 || r.right > box.right + 1) out.push(`${el.className || el.tagName} (${Math.round(r.left)}–${Math.round(r.right)}) outside ${panel.className} (${Math.round(box.left)}–${Math.round(box.right)})`);
      }
    }
    if (document.documentElement.scrollWidth > window.innerWidth) out.push(`page ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
    return out;
  });
}

describe('the kiosks panel holds what it shows', () => {
  it.each([
    [1920, 1080],
    [1280, 1024],
  ])('at %ix%i, long labels, guide names and the reset question wrap inside it', async (width, height) => {
    const page = await openConsole();
    await page.setViewportSize({ width, height });
    for (const k of ['chatillon-1', 'chatillon-2', 'chatillon-3']) expect((await onLongGuide(k)).statusCode).toBe(204);
    const kiosks = page.getByRole('region', { name: 'Bornes du pôle' });
    await kiosks.getByText('étape 3', { exact: false }).first().waitFor();
    await kiosks.getByRole('button', { name: `Terminer la session : ${LONG_LABEL}` }).click();
    await kiosks.getByRole('button', { name: 'Oui, terminer' }).waitFor();
    expect(await overflowing(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/console-${width}x${height}.png`, fullPage: true });
    await kiosks.getByRole('button', { name: 'Non' }).click();
    await page.context().close();
  });
});

describe('the console follows live', () => {
  it('rings again until the call is claimed, counts it in the title, and keeps it in « Appels du jour »', async () => {
    const page = await openConsole();
    await inject('chatillon-2', 'POST', '/api/kiosk/heartbeat');
    const rings = () => page.evaluate(() => Number(document.body.dataset.rings ?? 0));
    const before = await rings();
    const created = await inject('chatillon-2', 'POST', '/api/kiosk/help-calls', { requestId: crypto.randomUUID(), context: { screen: 'home', language: 'fr', accessibility: {} } });
    expect(created.statusCode).toBe(201);
    const card = page.locator('article[data-call-id]', { hasText: 'Poste 2' });
    await card.waitFor();
    await page.waitForFunction(() => document.title === '(1) Borne — console des médiateurs');
    // The site rings every 5 s: a second ring comes without a new call.
    await page.waitForFunction((n) => Number(document.body.dataset.rings ?? 0) >= n + 2, before, { timeout: 15_000 });
    const today = page.getByRole('region', { name: 'Appels du jour' });
    await today.getByRole('row', { name: /Poste 2.*En attente/ }).waitFor();

    await card.getByRole('button', { name: "Je m'en occupe" }).click();
    await page.waitForFunction(() => document.title === 'Borne — console des médiateurs');
    const afterClaim = await rings();
    await card.getByRole('button', { name: 'Terminé' }).click();
    await card.getByRole('radio', { name: 'Rendez-vous proposé' }).check();
    await card.getByRole('button', { name: 'Valider' }).click();
    await card.waitFor({ state: 'detached' });
    await today.getByRole('row', { name: /Poste 2.*Terminé : Rendez-vous proposé.*Karim/ }).waitFor();
    expect(await rings()).toBe(afterClaim);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('shows a kiosk that went away as offline, and its call « Borne hors ligne » until it expires', async () => {
    const page = await openConsole();
    await inject('chatillon-4', 'POST', '/api/kiosk/heartbeat');
    await inject('chatillon-4', 'POST', '/api/kiosk/help-calls', { requestId: crypto.randomUUID(), context: { screen: 'home', language: 'fr', accessibility: {} } });
    const card = page.locator('article[data-call-id]', { hasText: 'Poste 4' });
    await card.waitFor();
    const row = page.locator('[data-kiosk-id="chatillon-4"]');
    await row.getByText('Attend un médiateur').waitFor();
    // The kiosk's PC lost power: no more heartbeat. 45 s later the console says so.
    clock.advance(45_000);
    // The other kiosks go on beating meanwhile, as real ones do.
    await inject('chatillon-3', 'POST', '/api/kiosk/heartbeat');
    await ctx.e2e.server.app.borne.sweep();
    await card.getByText('Borne hors ligne').waitFor();
    await row.getByText('Appel en attente, borne hors ligne').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    clock.advance(5 * 60_000);
    await ctx.e2e.server.app.borne.sweep();
    await card.waitFor({ state: 'detached' });
    await page.getByRole('region', { name: 'Appels du jour' }).getByRole('row', { name: /Poste 4.*Expiré/ }).waitFor();
    await page.context().close();
  });

  it('shows an SMS sent from a kiosk in the outbox at once', async () => {
    const page = await openConsole();
    const outbox = page.getByRole('region', { name: 'Confirmations SMS et e-mail' });
    await outbox.getByText('Aucun message.').or(outbox.locator('.outbox__item').first()).waitFor();
    const week = (await inject('chatillon-3', 'GET', '/api/kiosk/agenda/slots?motifId=chatillon-pmi')).json<WeekSlotsView>();
    const slot = week.days.flatMap((d) => d.slots)[0]!;
    const booked = (await inject('chatillon-3', 'POST', '/api/kiosk/appointments', { motifId: 'chatillon-pmi', referentId: slot.referentId, start: slot.start, contact: { name: 'Awa Traoré', phone: '06 12 34 56 78' }, language: 'fr' })).json<BookingConfirmation>();
    const sent = await inject('chatillon-3', 'POST', `/api/kiosk/appointments/${booked.appointment.id}/notify`, { channel: 'sms', to: '0612345678', receipt: booked.receipt, language: 'fr' });
    expect(sent.statusCode).toBe(204);
    await outbox.getByText(`Réf. ${booked.appointment.reference}`).waitFor();
    await page.context().close();
  });
});

describe('a refused change is said where it was made', () => {
  it('shows the hours error next to the form and its button, in view', async () => {
    const page = await openConsole('admin');
    await page.setViewportSize({ width: 1280, height: 1024 });
    const first = page.locator('.referent').first();
    await first.getByText('Horaires et absences').click();
    const form = first.locator('form.hours');
    const from = form.locator('input[type="time"]').first();
    const to = form.locator('input[type="time"]').nth(1);
    await from.fill('12:00');
    await to.fill('09:00');
    const save = form.getByRole('button', { name: /Enregistrer les horaires/ });
    await save.click();
    const alert = form.getByRole('alert');
    await alert.getByText("Ce qui est saisi n'est pas valable", { exact: false }).waitFor();
    expect(await page.locator('.console__main > .error-region').textContent()).toBe('');
    // The message sits by the button the admin pressed, on screen without scrolling.
    const [a, b] = [await alert.boundingBox(), await save.boundingBox()];
    expect(Math.abs(a!.y - b!.y)).toBeLessThan(150);
    expect(await alert.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; })).toBe(true);
    expect(await from.getAttribute('aria-describedby')).toMatch(/^hours-.+-error$/);
    expect(await axeViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/console-hours-error.png` });
    await page.context().close();
  });
});
