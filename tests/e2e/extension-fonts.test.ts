import { readFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clickByRole, waitForRole } from '../support/closed-shadow';
import { chooseKioskLanguage } from '../support/languages';
import { openGuideOnSite, useLockedDown } from '../support/lockdown';

/**
 * The bar and the blocked page draw Tigrinya (Ethiopic script) and Pashto (Arabic script) with
 * the fonts the extension ships, not the PC's: this Chromium has no Noto fonts (no
 * fonts-noto-core), so without them Tigrinya is empty boxes. Chromium ignores @font-face in the
 * bar's shadow root; the faces are on the official site's document, under Borne's own names, and
 * the DevTools protocol says which font each of the bar's texts was drawn with.
 */
const pc = useLockedDown({ name: 'extension-fonts', hosts: ['www.caf.fr', 'www.example.org'] });

const locale = (lang: string, ns: string) => JSON.parse(readFileSync(`locales/${lang}/${ns}.json`, 'utf8')) as Record<string, Record<string, string>>;

interface DomNode {
  nodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function elements(node: DomNode, skip = (_: DomNode) => false): DomNode[] {
  if (skip(node)) return [];
  const below = [...(node.shadowRoots ?? []), ...(node.children ?? [])].flatMap((n) => elements(n, skip));
  return [node, ...below].filter((n) => n.nodeName !== '#text');
}

const hasClass = (node: DomNode, name: string) => {
  const at = node.attributes?.indexOf('class') ?? -1;
  return at >= 0 && node.attributes![at + 1]!.split(' ').includes(name);
};

/** The fonts Chromium drew the texts under the first element matching `pick` with, closed shadow roots included. */
async function fontsDrawn(cdp: CDPSession, pick: (node: DomNode) => boolean, skip?: (node: DomNode) => boolean): Promise<{ familyName: string; isCustomFont: boolean; glyphCount: number }[]> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const top = elements(root).find(pick);
  if (!top) throw new Error('no such element on the page');
  const fonts = new Map<string, { familyName: string; isCustomFont: boolean; glyphCount: number }>();
  for (const node of elements(top, skip)) {
    const { fonts: used } = (await cdp.send('CSS.getPlatformFontsForNode', { nodeId: node.nodeId })) as { fonts: { familyName: string; isCustomFont: boolean; glyphCount: number }[] };
    for (const f of used) {
      const seen = fonts.get(f.familyName);
      fonts.set(f.familyName, { ...f, glyphCount: (seen?.glyphCount ?? 0) + f.glyphCount });
    }
  }
  return [...fonts.values()];
}

/** Borne's faces on the page's document: family, weight and status. */
function bundledFaces(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const faces: string[] = [];
    document.fonts.forEach((f) => void (f.family.includes('Borne Bar') && faces.push(`${f.family.replace(/"/g, '')} ${f.weight} ${f.status}`)));
    return faces.sort();
  });
}

/** From the bar back to the kiosk, another language, and the official site again. */
let shown = 'fr';
async function barIn(page: Page, lang: string, nativeName: string): Promise<void> {
  await clickByRole(page, 'button', locale(shown, 'extension').bar!.back!);
  await page.getByRole('link', { name: locale(shown, 'kiosk').guide!.openSite! }).waitFor();
  await chooseKioskLanguage(page, nativeName);
  await page.getByRole('link', { name: locale(lang, 'kiosk').guide!.openSite! }).click();
  await page.waitForURL('https://www.caf.fr/**');
  await waitForRole(page, 'region', locale(lang, 'extension').bar!.label!);
  shown = lang;
}

describe('the companion extension’s own fonts', () => {
  it('draws the bar in Tigrinya, Pashto and Arabic, and the blocked page in Tigrinya, with the bundled Noto faces', async () => {
    const { kiosk, page } = await pc.openKioskBrowser();
    try {
      await page.setViewportSize({ width: 1920, height: 1080 });
      await openGuideOnSite(page, pc.e2e, 'chatillon-1');
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');

      await barIn(page, 'ti', 'ትግርኛ');
      const ethiopic = (await fontsDrawn(cdp, (n) => hasClass(n, 'bar'))).find((f) => f.familyName === 'Noto Sans Ethiopic');
      expect(ethiopic).toMatchObject({ isCustomFont: true });
      expect(ethiopic!.glyphCount).toBeGreaterThan(20);
      // Both weights of the script's face are loaded before the bar draws; the Arabic ones are
      // registered but not fetched (unicode-range: no Arabic letter on screen).
      expect(await bundledFaces(page)).toEqual(['Borne Bar Arabic 400 unloaded', 'Borne Bar Arabic 700 unloaded', 'Borne Bar Ethiopic 400 loaded', 'Borne Bar Ethiopic 700 loaded']);
      await page.screenshot({ path: 'tests/.artifacts/extension-bar-ti.png' });

      await barIn(page, 'ps', 'پښتو');
      const drawn = await fontsDrawn(cdp, (n) => hasClass(n, 'bar'));
      // The Arabic letters from the bundled face, first in an Arabic-script language (Latin letters
      // and digits stay with the PC's font).
      const arabic = drawn.find((f) => f.familyName === 'Noto Sans Arabic');
      expect(arabic).toMatchObject({ isCustomFont: true });
      expect(arabic!.glyphCount).toBeGreaterThan(20);
      expect(await bundledFaces(page)).toContain('Borne Bar Arabic 400 loaded');
      await page.screenshot({ path: 'tests/.artifacts/extension-bar-ps.png' });
      // The official site's own text, out of the bar, never takes Borne's faces (unicode-range, own names).
      const site = await fontsDrawn(cdp, (n) => n.nodeName === 'BODY', (n) => n.nodeName === 'BORNE-BAR');
      expect(site.length).toBeGreaterThan(0);
      expect(site.filter((f) => f.isCustomFont)).toEqual([]);

      await barIn(page, 'ar', 'العربية');
      expect((await fontsDrawn(cdp, (n) => hasClass(n, 'bar'))).find((f) => f.familyName === 'Noto Sans Arabic')).toMatchObject({ isCustomFont: true });
      await page.screenshot({ path: 'tests/.artifacts/extension-bar-ar.png' });

      await barIn(page, 'ti', 'ትግርኛ');
      await page.goto(pc.standIns.url('www.example.org')).catch(() => undefined);
      await page.waitForURL(`chrome-extension://${pc.extensionId}/blocked.html**`);
      await page.getByRole('heading', { name: locale('ti', 'extension').blocked!.title! }).waitFor();
      const blocked = await page.context().newCDPSession(page);
      await blocked.send('DOM.enable');
      await blocked.send('CSS.enable');
      expect((await fontsDrawn(blocked, (n) => n.nodeName === 'MAIN')).find((f) => f.familyName === 'Noto Sans Ethiopic')).toMatchObject({ isCustomFont: true });
      await page.screenshot({ path: 'tests/.artifacts/extension-blocked-ti.png' });
    } finally {
      await kiosk.close();
    }
  }, 120_000);
});
