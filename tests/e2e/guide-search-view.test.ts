import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { useBrowserAndServer } from '../support/e2e';

const suite = useBrowserAndServer();

const LANGUAGES = { fr: { button: 'Français', count: /^\d+ démarches? trouvées?$/ }, ar: { button: 'العربية', count: /^وجدنا / } } as const;

async function openGuides(size: { width: number; height: number }, lang: keyof typeof LANGUAGES): Promise<Page> {
  const page = await (await suite.browser.newContext({ viewport: size })).newPage();
  await page.goto(suite.e2e.kioskUrl('chatillon-3'));
  await page.locator('.help-button').waitFor();
  await page.getByRole('button', { name: LANGUAGES[lang].button, exact: true }).first().click();
  await page.locator('.tile').nth(1).click();
  await page.locator('#guide-search').waitFor();
  return page;
}

/**
 * Where the eyes are: the whole button inside the window, and what the screen shows at its
 * middle and near its bottom edge is the button itself, not the help bar drawn over the page.
 */
async function expectSeen(page: Page, target: Locator): Promise<void> {
  const box = (await target.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.y, 'top inside the window').toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, 'bottom inside the window').toBeLessThanOrEqual(viewport.height);
  const hits = await target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return [r.top + r.height / 2, r.bottom - 4].map((y) => {
      const at = document.elementFromPoint(r.left + r.width / 2, y);
      return Boolean(at && el.contains(at));
    });
  });
  expect(hits, 'not covered (middle, bottom edge)').toEqual([true, true]);
}

describe('guide search shows its results where the eyes are', () => {
  for (const size of [{ width: 1920, height: 1080 }, { width: 1280, height: 1024 }]) {
    for (const lang of ['fr', 'ar'] as const) {
      it(`at ${size.width}×${size.height} in ${lang}: typed with a keyboard, then with the on-screen keys`, async () => {
        const page = await openGuides(size, lang);
        const status = page.locator('.guides [role="status"]');
        await page.locator('#guide-search').pressSequentially('caf', { delay: 10 });
        await page.getByRole('heading', { level: 2, name: /caf/ }).waitFor();
        // The first result is in sight, and its count is in a live region, so a screen reader hears it.
        await expectSeen(page, page.locator('.needs .need').first());
        await expect.poll(() => status.innerText({ timeout: 2000 })).toMatch(LANGUAGES[lang].count);
        expect(await axeViolations(page)).toEqual([]);

        // The on-screen keys sit under the field: the first result is still in sight below them.
        await page.locator('#guide-search').fill('');
        await page.locator('[aria-controls="guide-keyboard"]').click();
        const keys = page.locator('#guide-keyboard');
        // In Arabic the keys show Arabic letters first: « ABC » for a word in Latin letters.
        if (lang !== 'fr') await keys.getByRole('button', { name: /^ABC/ }).click();
        for (const key of ['I', 'M', 'P']) await keys.getByRole('button', { name: key, exact: true }).click();
        expect(await page.locator('#guide-search').inputValue()).toBe('imp');
        await expect.poll(() => status.innerText({ timeout: 2000 })).toMatch(LANGUAGES[lang].count);
        await expectSeen(page, page.locator('.needs .need').first());

        // Words that find nothing say so, in sight, in the same live region.
        await page.locator('#guide-search').fill('zzzzqqq');
        await expect.poll(() => status.innerText({ timeout: 2000 })).not.toBe('');
        await expectSeen(page, status);
        await page.context().close();
      });
    }
  }
});
