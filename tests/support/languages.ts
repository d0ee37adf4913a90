import type { Page } from 'playwright-core';

/**
 * Chooses a kiosk language as a usager does: on the home screen from its list, elsewhere with
 * the top bar's language button, which opens the same list.
 */
export async function chooseKioskLanguage(page: Page, nativeName: string): Promise<void> {
  const onHome = page.locator('.languages--large').getByRole('button', { name: nativeName, exact: true });
  if (await onHome.isVisible()) return onHome.click();
  await page.locator('.language-menu__toggle').click();
  await page.locator('#topbar-languages').getByRole('button', { name: nativeName, exact: true }).click();
}

/** Chooses the staff console's language in its header, as a médiateur does. */
export async function chooseConsoleLanguage(page: Page, lang: string): Promise<void> {
  await page.locator('.header__language select').selectOption(lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}
