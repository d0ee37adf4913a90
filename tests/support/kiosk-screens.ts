import type { Page } from 'playwright-core';

/**
 * Walks a kiosk page through every screen a usager can reach in the demo, in whatever language
 * the page is in (it finds its way by the screens' structure, not by their French words), and
 * calls `visit` on each. Used by tests/e2e/text-size.test.ts and for screenshots.
 */
export type KioskScreenName = 'home' | 'help' | 'identify' | 'no-dossier' | 'dossier' | 'book-motif' | 'book-find' | 'book-contact' | 'book-slots' | 'book-confirm' | 'book-done' | 'guides' | 'guide' | 'guide-step';

export type Visit = (screen: KioskScreenName) => Promise<void>;

const heading = (page: Page, id: string) => page.locator(`#${id}`).waitFor();

/** Home, help (called, then cancelled), identify and « Je n'ai pas de dossier », then the dossier opened with a courrier code. */
export async function walkHelpAndDossier(page: Page, courrierCode: string, visit: Visit): Promise<void> {
  await heading(page, 'home-title');
  await visit('home');
  await page.locator('.help-button').click();
  await page.locator('.help-status .status-line').first().waitFor();
  await visit('help');
  // « Annuler l'appel », then « Retour à l'accueil » once the call is cancelled.
  await page.locator('.help-screen__actions .button').first().click();
  await page.waitForFunction(() => document.querySelectorAll('.help-screen__actions .button').length === 1);
  await page.locator('.help-screen__actions .button').click();
  await heading(page, 'home-title');

  await page.locator('.home__actions .tile').nth(0).click();
  await heading(page, 'identify-title');
  await visit('identify');
  await page.locator('.identify__none').click();
  await heading(page, 'nodossier-title');
  await visit('no-dossier');
  await page.locator('#nodossier-title ~ .button').last().click();
  await heading(page, 'home-title');
  await page.locator('.home__actions .tile').nth(0).click();
  await heading(page, 'identify-title');
  // The courrier's QR code, as a USB scanner types it on the identification screen.
  await page.keyboard.type(courrierCode, { delay: 0 });
  await page.keyboard.press('Enter');
  await heading(page, 'dossier-title');
  await page.locator('.dossier .item').first().waitFor();
  await visit('dossier');
}

/** A first-contact booking (PMI) by a person without a dossier: motif, « retrouver un rendez-vous », contact, slots, confirm, done. */
export async function walkBooking(page: Page, visit: Visit, contact = { name: 'Awa Traoré', phone: '0612345678' }): Promise<void> {
  await heading(page, 'home-title');
  await page.locator('.home__actions .tile').nth(2).click();
  await page.locator('.tile--motif').first().waitFor();
  await visit('book-motif');
  await page.locator('#motif-title ~ .actions-row .button').last().click();
  await heading(page, 'find-title');
  await visit('book-find');
  await page.locator('#find-title ~ .button').click();
  await heading(page, 'home-title');
  await page.locator('.home__actions .tile').nth(2).click();
  await page.locator('.tile--motif').first().waitFor();

  await page.locator('.tile--motif').nth(2).click();
  await heading(page, 'contact-title');
  await page.locator('#contact-name').fill(contact.name);
  await visit('book-contact');
  await page.locator('.contact-form .button--primary').click();
  // A phone has few upcoming bookings allowed: walks that book again give another number.
  await page.locator('#contact-phone').fill(contact.phone);
  await page.locator('.contact-form .button--primary').click();
  await heading(page, 'slots-title');
  await page.locator('.slot').first().waitFor();
  await visit('book-slots');
  await page.locator('.slot').first().click();
  await heading(page, 'confirm-title');
  await visit('book-confirm');
  await page.locator('.actions-row .button--primary').click();
  await heading(page, 'done-title');
  await page.locator('.ticket').waitFor();
  await visit('book-done');
}

/** « Démarches en ligne », a guide's first page, then its first step. */
export async function walkGuides(page: Page, visit: Visit): Promise<void> {
  await heading(page, 'home-title');
  await page.locator('.home__actions .tile').nth(1).click();
  await heading(page, 'guides-title');
  await page.locator('.need').first().waitFor();
  await visit('guides');
  await page.locator('.need').first().click();
  await heading(page, 'guide-title');
  await visit('guide');
  await page.locator('.guide .actions-row .button--primary').click();
  await page.locator('.guide__instruction').waitFor();
  await visit('guide-step');
}

/** Chooses the text size and contrast with the top bar's buttons, as a usager does. */
export async function chooseDisplay(page: Page, size: 100 | 150 | 200, highContrast: boolean): Promise<void> {
  await page.locator(`.size-button--${size}`).click();
  await page.waitForFunction((s) => document.documentElement.dataset.textSize === String(s), size);
  const on = (await page.locator('.contrast-button').getAttribute('aria-pressed')) === 'true';
  if (on !== highContrast) await page.locator('.contrast-button').click();
  await page.waitForFunction((hc) => (document.documentElement.dataset.contrast === 'high') === hc, highContrast);
}

/**
 * What is wrong with the layout on screen (RGAA 10.4, 10.11, touch targets), one line each:
 * a horizontal scroll, an element beyond the viewport's sides, a text cut (its box narrower than
 * its content), a button, link or field smaller than 48 x 48 px, two controls over each other.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${Array.from(el.classList).join('.')}` : ''} «${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}»`;
    const hidden = (el: Element) => el.closest('.visually-hidden, dialog:not([open])') !== null || getComputedStyle(el).visibility === 'hidden';
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px for ${width} px`);
    const all = Array.from(document.body.querySelectorAll('*')).filter((el) => !hidden(el));
    /** The part of an element its scrolling or clipping ancestors let be seen. */
    const seen = (el: Element): DOMRect | null => {
      let r = el.getBoundingClientRect();
      let left = r.left, top = r.top, right = r.right, bottom = r.bottom;
      for (let a = el.parentElement; a; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        r = a.getBoundingClientRect();
        left = Math.max(left, r.left), top = Math.max(top, r.top), right = Math.min(right, r.right), bottom = Math.min(bottom, r.bottom);
      }
      return right - left > 0 && bottom - top > 0 ? new DOMRect(left, top, right - left, bottom - top) : null;
    };
    for (const el of all) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.left < -1 || r.right > width + 1) problems.push(`beyond the viewport (${Math.round(r.left)}–${Math.round(r.right)} px): ${name(el)}`);
      const s = getComputedStyle(el);
      if (s.overflowX !== 'visible' && s.overflowX !== 'clip' && el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'INPUT') problems.push(`scrolls sideways: ${name(el)}`);
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (ownText && s.display !== 'inline' && s.display !== 'contents' && el.tagName !== 'INPUT' && el.tagName !== 'TEXTAREA') {
        if (el.scrollWidth > el.clientWidth + 1) problems.push(`text cut or spilling out (${el.scrollWidth} px in ${el.clientWidth} px): ${name(el)}`);
        if (s.overflowY !== 'visible' && el.scrollHeight > el.clientHeight + 1) problems.push(`text cut at the bottom: ${name(el)}`);
      }
    }
    const controls = all.filter((el) => el.matches('button, a[href], input:not([type="hidden"]), select, textarea, [role="button"], [role="checkbox"]'));
    for (const el of controls) {
      const r = el.getBoundingClientRect();
      if (r.width < 47.5 || r.height < 47.5) problems.push(`smaller than 48 x 48 px (${Math.round(r.width)} x ${Math.round(r.height)}): ${name(el)}`);
    }
    // A button kept in view while the page scrolls (the help button, with enlarged text) passes over
    // the content by design: that is scrolling, not two controls laid over each other.
    const pinned = (el: Element) => {
      for (let a: Element | null = el; a; a = a.parentElement) if (['sticky', 'fixed'].includes(getComputedStyle(a).position)) return true;
      return false;
    };
    const boxes = controls.map((el) => ({ el, box: seen(el), pinned: pinned(el) })).filter((c): c is { el: Element; box: DOMRect; pinned: boolean } => c.box !== null);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!, b = boxes[j]!;
        if (a.el.contains(b.el) || b.el.contains(a.el) || a.pinned !== b.pinned) continue;
        const w = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (w > 1 && h > 1) problems.push(`over each other: ${name(a.el)} and ${name(b.el)}`);
      }
    }
    return problems;
  });
}

/**
 * Tabs through the page from its start and says, for each control reached, what is wrong: no
 * visible focus ring (outline), or the control hidden (off screen, or under the help button kept
 * in view with enlarged text). Stops when focus comes back to the first control reached.
 */
export async function focusProblems(page: Page, maxTabs = 60): Promise<{ reached: number; problems: string[] }> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const problems: string[] = [];
  let first: string | null = null;
  let reached = 0;
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const seen = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
      const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
      const top = document.elementFromPoint(x, y);
      const id = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).trim().split(/\s+/).join('.')}` : ''} «${(el.textContent ?? '').trim().slice(0, 30)}»`;
      return { id, key: `${id}@${Math.round(r.left)},${Math.round(r.top + (document.scrollingElement?.scrollTop ?? 0))}`, ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2, inView: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth, onTop: top !== null && (el === top || el.contains(top)) };
    });
    if (!seen) continue;
    if (seen.key === first) break;
    first ??= seen.key;
    reached++;
    // The main region is focusable only so a keyboard can scroll it; it is not a control.
    if (seen.id.startsWith('main.')) continue;
    if (!seen.ring) problems.push(`no visible focus: ${seen.id}`);
    if (!seen.inView || !seen.onTop) problems.push(`focused but hidden: ${seen.id}`);
  }
  return { reached, problems };
}
