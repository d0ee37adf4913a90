import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { DossierView, ReferentName } from '../../src/core/dossier/dossier';
import type { Language } from '../../src/core/i18n/languages';
import { referentLine } from '../../src/kiosk/components/referent-words';
import { createI18n } from '../../src/web/i18n';
import { DOSSIER, fakeApi, frenchI18n, loaders, renderKiosk, view } from './support/kiosk-harness';

afterEach(() => cleanup());

const i18nIn = async (language: Language) =>
  language === 'fr' ? frenchI18n() : createI18n({ loaders, namespaces: ['common', 'kiosk'], defaultNS: 'kiosk', language, onMissingKey: (key) => { throw new Error(`missing translation key: ${key}`); } });

const KARIMA: ReferentName = { firstName: 'Karima', metier: 'assistant_social', gender: 'female' };
const MALIK: ReferentName = { firstName: 'Malik', metier: 'assistant_social', gender: 'male' };

describe('the métier agrees with the référent', () => {
  it.each([
    ['fr', KARIMA, 'Karima, assistante sociale'],
    ['fr', MALIK, 'Malik, assistant social'],
    ['fr', { firstName: 'Camille', metier: 'puericultrice', gender: 'male' }, 'Camille, puériculteur'],
    ['fr', { firstName: 'Sophie', metier: 'conseiller_insertion', gender: 'female' }, 'Sophie, conseillère en insertion'],
    ['ar', KARIMA, 'Karima، مساعدة اجتماعية'],
    ['ar', MALIK, 'Malik، مساعد اجتماعي'],
    ['ar', { firstName: 'Sophie', metier: 'conseiller_insertion', gender: 'female' }, 'Sophie، مستشارة في الإدماج المهني'],
    // A source that gives no gender: both forms, never a guess.
    ['fr', { firstName: 'Dominique', metier: 'assistant_social', gender: null }, 'Dominique, assistante sociale ou assistant social'],
  ] as const)('in %s: %o', async (lang, referent, expected) => {
    const i18n = await i18nIn(lang);
    expect(referentLine(i18n.getFixedT(lang, 'kiosk'), referent)).toBe(expected);
  });

  it.each([
    ['fr', KARIMA, 'Karima, assistante sociale', 'Bureau 12'],
    ['fr', MALIK, 'Malik, assistant social', 'Bureau 12'],
    ['ar', KARIMA, 'Karima، مساعدة اجتماعية', 'المكتب 12'],
    ['ar', MALIK, 'Malik، مساعد اجتماعي', 'المكتب 12'],
  ] as const)('« Mon dossier » in %s names %o with the agreeing métier and the room in that language', async (lang, referent, line, room) => {
    const fake = fakeApi();
    const dossier: DossierView = { ...DOSSIER, referent: { ...DOSSIER.referent!, ...referent } };
    fake.api.dossier = async () => dossier;
    const { state } = await renderKiosk(await frenchI18n(), fake.api);
    await state.chooseLanguage(lang);
    await state.identifyByNumber('10000001', '1985-03-14');
    await screen.findByText(line);
    // The référent's room and the appointment's place, in the session's language.
    expect(screen.getAllByText(new RegExp(room)).length).toBe(2);
    state.stop();
  });
});

describe('numbers agree with their nouns', () => {
  it.each([
    ['ar', 7, 11, 'مدة الانتظار المتوقعة: من 7 إلى 11 دقيقة.'],
    ['ar', 2, 3, 'مدة الانتظار المتوقعة: من 2 إلى 3 دقائق.'],
    ['ar', 1, 2, 'مدة الانتظار المتوقعة: من 1 إلى 2 دقيقتين.'],
    ['fr', 7, 11, 'Attente estimée : 7 à 11 minutes.'],
    ['en', 0, 1, 'Estimated wait: 0 to 1 minute.'],
  ] as const)('in %s the help screen says a wait of %i to %i minutes as « %s »', async (lang, min, max, expected) => {
    const fake = fakeApi();
    const { state } = await renderKiosk(await frenchI18n(), fake.api);
    await state.chooseLanguage(lang);
    await state.callHelp();
    fake.push(view({ id: 'call-1' }, { estimatedWait: { minMinutes: min, maxMinutes: max } }));
    await screen.findByText(expected);
    state.stop();
  });

  it.each([
    ['ar', 5, 'المدة: 5 دقائق'],
    ['ar', 30, 'المدة: 30 دقيقة'],
    ['ar', 2, 'المدة: دقيقتان'],
    ['fr', 30, 'Durée : 30 minutes'],
  ] as const)('in %s a motif of %i minutes reads « %s »', async (lang, minutes, expected) => {
    const i18n = await i18nIn(lang);
    expect(i18n.getFixedT(lang, 'kiosk')('booking.duration', { count: minutes })).toBe(expected);
  });
});
