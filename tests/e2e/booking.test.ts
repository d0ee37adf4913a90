import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signCourrierCode } from '../../src/server/identity/courrier-token';
import { axeViolations } from '../support/axe';
import { useBrowserAndServer } from '../support/e2e';

const suite = useBrowserAndServer();

async function openKiosk(kioskId: string): Promise<Page> {
  const page = await (await suite.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(suite.e2e.kioskUrl(kioskId));
  await page.getByRole('button', { name: 'Appeler un médiateur' }).waitFor();
  return page;
}

/** The demo usager 10000001 opens « Mon dossier » with the courrier code, as a USB scanner types it. */
async function identify(page: Page, dossierId = 'dos-1'): Promise<void> {
  const secret = await suite.e2e.server.app.borne.identity.instanceSecret();
  await page.keyboard.type(signCourrierCode(secret, dossierId, new Date(Date.now() + 86_400_000)), { delay: 0 });
  await page.keyboard.press('Enter');
}

const noAxeViolation = async (page: Page) => expect(await axeViolations(page)).toEqual([]);

/** The day heading and the time of a slot button, to find the same slot on another kiosk. */
async function slotName(page: Page, index = 0): Promise<{ day: string; time: string }> {
  const slot = page.locator('.slot').nth(index);
  const day = await slot.locator('xpath=ancestor::section[1]/h2').innerText();
  return { day, time: await slot.innerText() };
}

const slotButton = (page: Page, s: { day: string; time: string }) => page.getByRole('region', { name: s.day }).getByRole('button', { name: s.time, exact: true });

describe('a demo usager books, sees, moves and cancels the follow-up with the référent', () => {
  it('in French, with no axe violation on any screen', async () => {
    const page = await openKiosk('chatillon-1');
    await page.getByRole('button', { name: /Prendre rendez-vous/ }).click();
    await page.getByRole('heading', { name: 'Prendre rendez-vous', level: 1 }).waitFor();
    await page.getByRole('button', { name: /Suivi avec mon référent/ }).waitFor();
    await noAxeViolation(page);

    // The follow-up needs the dossier: the kiosk asks for it, then comes back to the slots.
    await page.getByRole('button', { name: /Suivi avec mon référent/ }).click();
    await page.getByRole('heading', { name: 'Mon dossier', level: 1 }).waitFor();
    await identify(page);
    await page.getByRole('heading', { name: 'Choisissez un moment', level: 1 }).waitFor();
    await page.locator('.slot').first().waitFor();
    await noAxeViolation(page);

    // Next week, far enough ahead to be changed later (the limit is 24 h before).
    await page.getByRole('button', { name: "Semaine d'après" }).click();
    await page.getByRole('button', { name: "Semaine d'avant" }).and(page.locator(':enabled')).waitFor();
    await page.locator('.slot').first().waitFor();
    const first = await slotName(page);
    await slotButton(page, first).click();
    await page.getByRole('heading', { name: 'Vérifiez votre rendez-vous' }).waitFor();
    await page.getByText('Sophie, conseillère en insertion').waitFor();
    await noAxeViolation(page);
    await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
    await page.getByRole('heading', { name: 'Votre rendez-vous est pris' }).waitFor();
    await page.getByText('Sophie, conseillère en insertion').waitFor();
    await page.getByRole('img', { name: /Code QR du rendez-vous/ }).first().waitFor();
    await noAxeViolation(page);

    // The printed ticket: what, who, where, when and the QR code, without the kiosk's bars.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Appeler un médiateur' }).isVisible()).toBe(false);
    expect(await page.locator('.ticket .qr').isVisible()).toBe(true);
    expect(await page.locator('.ticket').innerText()).toContain('Référence');
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('button', { name: 'Terminé' }).click();
    await page.getByRole('heading', { name: 'Mon dossier', level: 1 }).waitFor();
    const item = page.locator('.item', { hasText: first.time }).filter({ hasText: 'Suivi avec mon référent' });
    await item.waitFor();

    // Move it to another time of the same week.
    await item.getByRole('button', { name: 'Déplacer' }).click();
    await page.getByRole('heading', { name: 'Choisissez un moment', level: 1 }).waitFor();
    await page.getByRole('button', { name: "Semaine d'après" }).click();
    await page.getByRole('button', { name: "Semaine d'avant" }).and(page.locator(':enabled')).waitFor();
    const second = await slotName(page, 1);
    await slotButton(page, second).click();
    await page.getByRole('heading', { name: 'Vérifiez le nouveau moment' }).waitFor();
    await page.getByRole('button', { name: 'Déplacer à ce moment' }).click();
    await page.getByRole('heading', { name: 'Votre rendez-vous est déplacé' }).waitFor();
    await page.getByRole('button', { name: 'Terminé' }).click();
    const moved = page.locator('.item', { hasText: second.time }).filter({ hasText: 'Suivi avec mon référent' });
    await moved.waitFor();

    // Cancel it: a question first, then it is gone and the time is free again.
    await moved.getByRole('button', { name: 'Annuler le rendez-vous' }).click();
    await moved.getByText('Voulez-vous vraiment annuler ce rendez-vous ?').waitFor();
    await noAxeViolation(page);
    await moved.getByRole('button', { name: 'Oui, annuler' }).click();
    await page.getByText('Le rendez-vous est annulé.').waitFor();
    await moved.waitFor({ state: 'detached' });
    const live = await suite.e2e.server.store.db.selectFrom('appointments').select('id').where('dossier_id', '=', 'dos-1').where('status', '=', 'booked').where('motif_id', '=', 'chatillon-suivi').where('reference', '!=', 'DOS-001').execute();
    expect(live).toEqual([]);
    await page.context().close();
  });
});

describe('a person without a dossier books a first contact', () => {
  it('in Arabic, with a name and phone on the on-screen keys, and gets the SMS in the outbox', async () => {
    const page = await openKiosk('chatillon-2');
    await page.getByRole('button', { name: 'العربية' }).first().click();
    await page.getByRole('button', { name: /حجز موعد/ }).click();
    await page.locator('.tile--motif').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await noAxeViolation(page);
    await page.getByRole('button', { name: /حماية الأمهات والأطفال/ }).click();

    const keyboard = page.getByRole('group', { name: 'لوحة المفاتيح' });
    // The keys show Arabic letters first; « ABC » gives the Latin ones for a name written in Latin.
    await keyboard.getByRole('button', { name: /^ABC/ }).click();
    for (const key of ['A', 'W', 'A', 'مسافة', 'T', 'R', 'A', 'O', 'R', 'É']) await keyboard.getByRole('button', { name: key, exact: true }).click();
    expect(await page.getByLabel('اسمك العائلي واسمك الشخصي').inputValue()).toBe('Awa Traoré');
    await noAxeViolation(page);
    await page.getByRole('button', { name: 'متابعة' }).click();
    // A wrong number is refused with a hint, nothing is lost.
    await page.getByLabel('رقم هاتفك (10 أرقام)').fill('0612');
    await page.getByRole('button', { name: 'متابعة' }).click();
    await page.getByText('يجب أن يتكون الرقم من 10 أرقام').waitFor();
    await page.getByLabel('رقم هاتفك (10 أرقام)').fill('0612345678');
    await page.getByRole('button', { name: 'متابعة' }).click();

    await page.locator('.slot').first().waitFor();
    await noAxeViolation(page);
    await page.locator('.slot').first().click();
    await page.getByText('ممرضة رعاية الأطفال', { exact: false }).waitFor();
    await noAxeViolation(page);
    await page.getByRole('button', { name: 'تأكيد الموعد' }).click();
    await page.getByRole('heading', { name: 'تم حجز موعدك' }).waitFor();
    await noAxeViolation(page);
    const reference = /[A-Z2-9]{3}-[A-Z2-9]{3}/.exec(await page.locator('.ticket').innerText())![0];

    await page.getByRole('button', { name: 'إرسال' }).click();
    await page.getByText('تم الإرسال.').waitFor();
    const outbox = await suite.e2e.server.store.db.selectFrom('outbox').selectAll().where('recipient', '=', '0612345678').execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.body).toContain(reference);
    expect(outbox[0]!.body).toContain('موعد');
    const booked = await suite.e2e.server.store.db.selectFrom('appointments').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(booked).toMatchObject({ dossier_id: null, contact_name: 'Awa Traoré', contact_phone: '0612345678', status: 'booked' });

    // « Terminer »: nothing of the booking stays on the kiosk.
    await page.locator('.end-button').click();
    await page.getByRole('heading', { name: 'Bonjour, bienvenue' }).waitFor();
    expect(await page.content()).not.toContain('Traoré');
    await page.context().close();
  });
});

describe('a person without a dossier moves and cancels with the ticket reference and their phone', () => {
  it('finds the appointment, moves it, then cancels it', async () => {
    const page = await openKiosk('chatillon-1');
    await page.getByRole('button', { name: /Prendre rendez-vous/ }).click();
    await page.getByRole('button', { name: /Accueil social/ }).click();
    await page.getByLabel('Votre nom et votre prénom').fill('Léon Moreau');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByLabel('Votre numéro de téléphone (10 chiffres)').fill('0677889900');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByRole('button', { name: "Semaine d'après" }).click();
    await page.getByRole('button', { name: "Semaine d'avant" }).and(page.locator(':enabled')).waitFor();
    await page.locator('.slot').first().click();
    await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
    await page.getByRole('heading', { name: 'Votre rendez-vous est pris' }).waitFor();
    const reference = /[A-Z2-9]{3}-[A-Z2-9]{3}/.exec(await page.locator('.ticket').innerText())![0];
    await page.locator('.end-button').click();
    await page.getByRole('heading', { name: 'Bonjour, bienvenue' }).waitFor();

    // Later, on the same kiosk: « J'ai déjà un rendez-vous », the reference on the keys, the phone.
    const find = async () => {
      await page.getByRole('button', { name: /Prendre rendez-vous/ }).click();
      await page.getByRole('button', { name: "J'ai déjà un rendez-vous" }).click();
      await page.getByRole('heading', { name: 'Retrouver mon rendez-vous', level: 1 }).waitFor();
      const keys = page.getByRole('group', { name: 'Clavier' });
      for (const char of reference.replace('-', '')) await keys.getByRole('button', { name: char, exact: true }).click();
      expect(await page.getByLabel('Référence du rendez-vous (6 caractères)').inputValue()).toBe(reference.replace('-', ''));
      await noAxeViolation(page);
      await page.getByRole('button', { name: 'Continuer' }).click();
      await page.getByLabel('Votre numéro de téléphone (10 chiffres)').fill('0677889900');
      await page.getByRole('button', { name: 'Rechercher mon rendez-vous' }).click();
      await page.getByRole('heading', { name: 'Votre rendez-vous', level: 1 }).waitFor();
    };
    await find();
    await noAxeViolation(page);
    await page.getByRole('button', { name: 'Déplacer' }).click();
    await page.getByRole('button', { name: "Semaine d'après" }).click();
    await page.getByRole('button', { name: "Semaine d'avant" }).and(page.locator(':enabled')).waitFor();
    const target = await slotName(page, 1);
    await slotButton(page, target).click();
    await page.getByRole('button', { name: 'Déplacer à ce moment' }).click();
    await page.getByRole('heading', { name: 'Votre rendez-vous est déplacé' }).waitFor();
    expect(await page.locator('.ticket').innerText()).toContain(reference);
    await page.getByRole('button', { name: 'Terminé' }).click();

    await find();
    await page.locator('.item', { hasText: target.time }).waitFor();
    await page.getByRole('button', { name: 'Annuler le rendez-vous' }).click();
    await page.getByRole('button', { name: 'Oui, annuler' }).click();
    await page.getByText('Le rendez-vous est annulé.').waitFor();
    const row = await suite.e2e.server.store.db.selectFrom('appointments').select('status').where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(row.status).toBe('cancelled');
    await page.context().close();
  });
});

describe('two kiosks confirm the same slot at the same moment', () => {
  it('gives it to exactly one; the other hears it kindly and sees the refreshed slots', async () => {
    const [a, b] = await Promise.all([openKiosk('chatillon-3'), openKiosk('chatillon-4')]);
    for (const page of [a, b]) {
      await page.getByRole('button', { name: /Prendre rendez-vous/ }).click();
      await page.getByRole('button', { name: /Insertion et RSA/ }).click();
      await page.getByLabel('Votre nom et votre prénom').fill(page === a ? 'Jean Petit' : 'Nour Haddad');
      await page.getByRole('button', { name: 'Continuer' }).click();
      await page.getByLabel('Votre numéro de téléphone (10 chiffres)').fill(page === a ? '0611111111' : '0622222222');
      await page.getByRole('button', { name: 'Continuer' }).click();
      await page.locator('.slot').first().waitFor();
    }
    const slot = await slotName(a);
    await slotButton(a, slot).click();
    await slotButton(b, slot).click();
    await Promise.all([a, b].map((p) => p.getByRole('button', { name: 'Confirmer le rendez-vous' }).waitFor()));
    await Promise.all([a, b].map((p) => p.getByRole('button', { name: 'Confirmer le rendez-vous' }).click()));

    const outcome = async (p: Page) => {
      const won = p.getByRole('heading', { name: 'Votre rendez-vous est pris' });
      const lost = p.getByText('Quelqu\'un vient de prendre ce moment.', { exact: false });
      await won.or(lost).waitFor();
      return (await won.isVisible()) ? 'won' : 'lost';
    };
    const results = await Promise.all([outcome(a), outcome(b)]);
    expect([...results].sort()).toEqual(['lost', 'won']);
    const loser = results[0] === 'lost' ? a : b;
    await loser.getByRole('heading', { name: 'Choisissez un moment', level: 1 }).waitFor();
    // The refreshed week no longer offers the slot the other kiosk got.
    await expect.poll(() => slotButton(loser, slot).count()).toBe(0);
    await noAxeViolation(loser);
    await a.context().close();
    await b.context().close();
  });
});
