import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { signInConsole, useBrowserAndServer } from '../support/e2e';
import { chooseKioskLanguage } from '../support/languages';

const suite = useBrowserAndServer();

type Texts = Record<string, { title: string; need: string; steps: Record<string, string> }>;
const texts = (lang: string) => JSON.parse(readFileSync(`locales/${lang}/guides.json`, 'utf8')) as Texts;
const guide = (id: string) => JSON.parse(readFileSync(`kiosk-config/guides/${id}.json`, 'utf8')) as { steps: { id: string }[]; organism: string };

async function openKiosk(kioskId: string): Promise<Page> {
  const page = await (await suite.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(suite.e2e.kioskUrl(kioskId));
  await page.getByRole('button', { name: 'Appeler un médiateur' }).waitFor();
  return page;
}

const noAxeViolation = async (page: Page) => expect(await axeViolations(page)).toEqual([]);

describe('guided démarches', () => {
  it('finds a guide by a search with a typo, follows it, and calls for help at a step the console names', async () => {
    const id = 'caf-declaration-trimestrielle';
    const fr = texts('fr')[id]!;
    const steps = guide(id).steps;
    const console = await signInConsole(suite.browser, suite.e2e.baseUrl, 'mediateur', 'Pôle social de Châtillon');
    const page = await openKiosk('chatillon-1');
    await page.getByRole('button', { name: /Démarches en ligne/ }).click();
    await page.getByRole('heading', { name: 'Démarches en ligne', level: 1 }).waitFor();
    await noAxeViolation(page);

    await page.getByLabel('Rechercher une démarche').fill('declarer mes resources');
    await page.getByRole('heading', { name: 'Démarches pour « declarer mes resources »' }).waitFor();
    await page.getByRole('button', { name: new RegExp(fr.need) }).first().click();
    await page.getByRole('heading', { name: fr.title, level: 1 }).waitFor();
    await noAxeViolation(page);
    await page.getByRole('button', { name: 'Commencer' }).click();
    await page.getByText(`Étape 1 sur ${steps.length}`).waitFor();
    await page.getByText(fr.steps[steps[0]!.id]!).waitFor();
    await noAxeViolation(page);
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByText(`Étape 2 sur ${steps.length}`).waitFor();

    await page.getByRole('button', { name: 'Appeler un médiateur' }).click();
    await page.getByText('Votre appel est bien reçu.').waitFor();
    const card = console.locator('article[data-call-id]', { hasText: 'Poste 1' });
    await card.getByText(`CAF — ${fr.title}, étape 2/${steps.length}`, { exact: false }).waitFor();
    // The kiosk panel shows the step too; back on the kiosk, the usager finds the same step.
    await console.locator('[data-kiosk-id="chatillon-1"]').getByText(`étape 2/${steps.length}`, { exact: false }).waitFor();
    await page.context().close();
    await console.context().close();
  });

  it('follows three guides, one per organism, in Arabic, with no axe violation, and the console counts them', async () => {
    const ar = texts('ar');
    const page = await openKiosk('chatillon-2');
    await page.getByRole('button', { name: 'العربية' }).first().click();
    await page.getByRole('button', { name: /الإجراءات عبر الإنترنت/ }).click();
    await page.locator('.organism').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await noAxeViolation(page);
    for (const [organism, id] of [
      ['CAF', 'caf-declaration-trimestrielle'],
      ['الضرائب', 'impots-declaration-revenus'],
      ['France Travail', 'ft-actualisation'],
    ] as const) {
      const g = guide(id);
      await page.getByRole('button', { name: new RegExp(organism) }).first().click();
      await page.getByRole('button', { name: new RegExp(ar[id]!.need) }).click();
      await page.getByRole('heading', { name: ar[id]!.title, level: 1 }).waitFor();
      await noAxeViolation(page);
      await page.getByRole('button', { name: 'ابدأ' }).click();
      for (let n = 1; n <= g.steps.length; n++) {
        await page.getByText(`الخطوة ${n} من ${g.steps.length}`).waitFor();
        await page.getByText(ar[id]!.steps[g.steps[n - 1]!.id]!).waitFor();
        if (n === 1) await noAxeViolation(page);
        await page.getByRole('button', { name: n === g.steps.length ? 'انتهيت' : 'التالي' }).click();
      }
      await page.getByText('أحسنت، تم!').waitFor();
      await noAxeViolation(page);
      await page.getByRole('button', { name: 'إجراءات أخرى' }).click();
      await page.locator('.organism').first().waitFor();
    }
    await page.context().close();

    const admin = await signInConsole(suite.browser, suite.e2e.baseUrl, 'admin', 'Pôle social de Châtillon');
    const row = admin.getByRole('row', { name: new RegExp(texts('fr')['impots-declaration-revenus']!.title) });
    await row.waitFor();
    expect((await row.getByRole('cell').allInnerTexts()).slice(0, 2)).toEqual(['1', '1']);
    await admin.context().close();
  });

  it('shows the guides with no server at all: the index and the texts are in the precache', async () => {
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    await page.goto(suite.e2e.kioskUrl('chatillon-3'));
    await page.getByRole('button', { name: 'Appeler un médiateur' }).waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    await page.reload();
    await page.getByText("La borne n'est plus connectée.").waitFor();
    await page.getByRole('button', { name: /Démarches en ligne/ }).click();
    const fr = texts('fr');
    await page.getByRole('button', { name: new RegExp(fr['ft-actualisation']!.need) }).click();
    await page.getByRole('heading', { name: fr['ft-actualisation']!.title, level: 1 }).waitFor();
    await chooseKioskLanguage(page, 'العربية');
    await page.getByRole('heading', { name: texts('ar')['ft-actualisation']!.title, level: 1 }).waitFor();
    await context.close();
  });
});
