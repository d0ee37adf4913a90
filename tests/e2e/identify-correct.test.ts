import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { focusedNode } from '../support/closed-shadow';
import { useBrowserAndServer } from '../support/e2e';

/**
 * A wrong number or date of birth can be corrected, with the keyboard alone; the error and
 * « Ouvrir mon dossier » stay in sight, above the help bar, at the kiosks' two screen sizes; the
 * lockout says when to try again and offers the médiateur at once. In French and in Arabic.
 */
const suite = useBrowserAndServer();
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 1024 },
] as const;
const ARTIFACTS = 'tests/.artifacts';

const TEXT = {
  fr: { open: 'Mon dossier', number: 'Numéro de dossier (8 chiffres)', submit: 'Ouvrir mon dossier', notFound: 'Nous ne trouvons pas ce dossier.', retry: 'Réessayez dans 15 minutes.', help: 'Appeler un médiateur' },
  ar: { open: 'ملفي', number: 'رقم الملف (8 أرقام)', submit: 'فتح ملفي', notFound: 'لا نجد هذا الملف.', retry: 'حاول مرة أخرى بعد 15 دقيقة.', help: 'اطلب وسيطًا' },
} as const;
type Lang = keyof typeof TEXT;

async function openIdentify(kioskId: string, lang: Lang): Promise<Page> {
  const page = await (await suite.browser.newContext({ viewport: SIZES[1] })).newPage();
  await page.goto(suite.e2e.kioskUrl(kioskId));
  if (lang === 'ar') await page.getByRole('button', { name: 'العربية' }).first().click();
  await page.getByRole('button', { name: new RegExp(TEXT[lang].open) }).first().click();
  await page.getByRole('heading', { name: TEXT[lang].open, level: 1 }).waitFor();
  return page;
}

/** Presses Tab (or Shift+Tab) until the focus is on this role and name, as a keyboard user does. */
async function tabTo(page: Page, role: string, name: string, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press(key);
    const node = await focusedNode(page);
    if (node?.role?.value === role && node.name?.value === name) return;
  }
  throw new Error(`${key} never reached the ${role} named ${name}: it is not reachable with the keyboard.`);
}

/** Waits until the element with this id has the focus (the screen moves it after a render). */
async function focusMovesTo(page: Page, id: string): Promise<void> {
  await page.waitForFunction((wanted) => document.activeElement?.id === wanted, id, { timeout: 2000 });
}

/**
 * The element is inside the viewport and nothing covers it (the help bar, a dialog): the point
 * at its centre and near each edge hits the element itself or something inside it.
 */
async function expectInSight(page: Page, target: Locator, what: string, size: { width: number; height: number }): Promise<void> {
  const box = await target.boundingBox();
  expect(box, `${what} is not displayed`).not.toBeNull();
  const { x, y, width, height } = box!;
  const where = `${what} at ${size.width}×${size.height}: box ${Math.round(x)},${Math.round(y)} ${Math.round(width)}×${Math.round(height)}`;
  expect(x >= 0 && y >= 0 && x + width <= size.width && y + height <= size.height, `${where} is not inside the viewport`).toBe(true);
  const helpBar = await page.locator('.helpbar').boundingBox();
  expect(y + height <= helpBar!.y, `${where} goes under the help bar (top ${Math.round(helpBar!.y)})`).toBe(true);
  // Inset from the edges: hit-testing follows rounded corners, which are not the element's.
  const inset = Math.min(12, height / 4);
  const points = [
    [x + width / 2, y + height / 2],
    [x + width / 2, y + inset],
    [x + width / 2, y + height - inset],
    [x + inset * 2, y + height / 2],
    [x + width - inset * 2, y + height / 2],
  ];
  const hits = await target.evaluate((el, pts) => pts.map(([px, py]) => el.contains(document.elementFromPoint(px!, py!))), points);
  expect(hits, `${where} is covered at some of its points`).toEqual(points.map(() => true));
}

/** At both kiosk sizes: the error, and the form's last button, are in sight; axe finds nothing. */
async function checkState(page: Page, lang: Lang, state: string, lastButton: Locator): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const alert = page.getByRole('alert').filter({ hasText: /\S/ });
    await expectInSight(page, alert, `the ${state} message`, size);
    await expectInSight(page, lastButton, `« ${TEXT[lang].submit} »`, size);
    await page.screenshot({ path: `${ARTIFACTS}/identify-${state}-${lang}-${size.width}x${size.height}.png` });
  }
  expect(await axeViolations(page)).toEqual([]);
}

/** Types as a person does: a burst of 8 keys and Enter within milliseconds is a USB scanner. */
const typeLikeAPerson = (page: Page, text: string) => page.keyboard.type(text, { delay: 110 });

async function typeNumberAndDate(page: Page, lang: Lang, number: string, date: string): Promise<void> {
  await tabTo(page, 'textbox', TEXT[lang].number);
  await typeLikeAPerson(page, number);
  await page.keyboard.press('Enter');
  // The date field takes the focus by itself: the keyboard carries on there.
  await focusMovesTo(page, 'birth-date');
  await typeLikeAPerson(page, date);
  await page.keyboard.press('Enter');
}

describe('a wrong number or date of birth can be corrected', () => {
  it('after « Nous ne trouvons pas ce dossier »: fix the date in place, or go back to the number, keyboard alone', async () => {
    const page = await openIdentify('chatillon-1', 'fr');
    await typeNumberAndDate(page, 'fr', '10000002', '03071990');
    const alert = page.getByRole('alert').filter({ hasText: /\S/ });
    await alert.getByText(TEXT.fr.notFound, { exact: false }).waitFor();
    // The date is still there to correct: erase the day, type the right one.
    await tabTo(page, 'textbox', 'Date de naissance (jour, mois, année)', 'Shift+Tab');
    expect(await page.getByLabel('Date de naissance (jour, mois, année)').inputValue()).toBe('03/07/1990');
    await page.keyboard.press('End');
    for (let i = 0; i < 10; i++) await page.keyboard.press('Backspace');
    await typeLikeAPerson(page, '02071990');
    await page.keyboard.press('Enter');
    await page.getByText('Bail ou contrat de location').waitFor();
    await page.context().close();
  });

  it('a mistyped number: « Modifier le numéro » brings it back, and the date typed is kept', async () => {
    const page = await openIdentify('chatillon-2', 'fr');
    await typeNumberAndDate(page, 'fr', '10000006', '14031985');
    await page.getByRole('alert').filter({ hasText: /\S/ }).getByText(TEXT.fr.notFound, { exact: false }).waitFor();
    await tabTo(page, 'button', 'Modifier le numéro', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await focusMovesTo(page, 'dossier-number');
    expect(await page.getByLabel(TEXT.fr.number).inputValue()).toBe('10000006');
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    expect(await page.getByLabel('Date de naissance (jour, mois, année)').inputValue()).toBe('14/03/1985');
    await page.keyboard.press('Enter');
    await page.getByText("En cours d'étude").waitFor();
    await page.context().close();
  });
});

describe.each(['fr', 'ar'] as const)('in sight, above the help bar (%s)', (lang) => {
  it('the error, then the lockout with when to try again and the médiateur at hand', async () => {
    const page = await openIdentify(lang === 'fr' ? 'chatillon-3' : 'chatillon-4', lang);
    const number = lang === 'fr' ? '20000001' : '20000002';
    await typeNumberAndDate(page, lang, number, '01011990');
    const alert = page.getByRole('alert').filter({ hasText: /\S/ });
    await alert.getByText(TEXT[lang].notFound, { exact: false }).waitFor();
    const submit = page.getByRole('button', { name: TEXT[lang].submit });
    await checkState(page, lang, 'error', submit);
    // Four more tries of the same number: the fifth pauses the search.
    for (let i = 0; i < 4; i++) {
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/kiosk/identify'));
      await submit.click();
      await answered;
    }
    await alert.getByText(TEXT[lang].retry, { exact: false }).waitFor();
    const help = alert.getByRole('button', { name: TEXT[lang].help });
    await checkState(page, lang, 'lockout', submit);
    await expectInSight(page, help, 'the médiateur button of the lockout', SIZES[1]);
    await help.click();
    await page.locator('.help-screen').waitFor();
    await page.context().close();
  });
});
