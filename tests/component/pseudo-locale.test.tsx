import { cleanup, waitFor } from '@testing-library/preact';
import i18next, { type i18n } from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { GUIDES } from '../../src/web/guides';
import { fakeApi, loaders, MOTIF_TEXTS, renderKiosk, SITE } from './support/kiosk-harness';

afterEach(() => cleanup());

/**
 * Every kiosk screen in a pseudo-locale: each French text of the locale files, guides included,
 * is wrapped in ⟦…⟧ with its vowels accented. A text on screen without the brackets did not come
 * through i18next: a literal in the code, which no translation could ever reach.
 */
const guideLoaders = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/fr/guides.json');

async function pseudoI18n(): Promise<i18n> {
  const pseudo = (value: unknown): unknown => {
    if (typeof value === 'string') return `⟦${value.replace(/[aeiou]/g, (c) => ({ a: 'á', e: 'é', i: 'í', o: 'ö', u: 'ü' })[c]!)}⟧`;
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pseudo(v)]));
    return value;
  };
  const resources: Record<string, unknown> = {};
  for (const ns of ['common', 'kiosk']) resources[ns] = pseudo((await Object.entries(loaders).find(([k]) => k.endsWith(`/fr/${ns}.json`))![1]()).default);
  resources.guides = pseudo((await Object.values(guideLoaders)[0]!()).default);
  const instance = i18next.createInstance();
  await instance.init({ lng: 'fr', resources: { fr: resources as never }, defaultNS: 'kiosk', interpolation: { escapeValue: false } });
  return instance;
}

/** Data shown as it is, not UI text: the pôle (a proper noun, as on the building), names, places, motifs, references. */
const DATA = new Set([SITE.site.name, `${SITE.site.name}, ${SITE.site.address}`, 'Sophie', 'Léa', 'Awa Traoré', 'ABC-DEF', 'Bureau 12', 'Salle PMI', ...MOTIF_TEXTS]);

function untranslated(root: HTMLElement): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    const el = node.parentElement!;
    if (!text || el.closest('script, style, [aria-hidden="true"], .language-button, .topbar__site, .fallback, .keyboard, .keypad, time')) continue;
    if (DATA.has(text) || /^[\d\s:.,/%+\-–()]+$/.test(text)) continue;
    // Dates and times written by Intl in the session's language (French here).
    if (/\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b/.test(text)) continue;
    if (!/^⟦[\s\S]*⟧$/.test(text) && !text.includes('⟦')) out.push(text);
  }
  return out;
}

describe('the pseudo-locale on every kiosk screen', () => {
  it('finds no text that bypasses i18next, from home to the ticket and a guide step', async () => {
    const fake = fakeApi();
    const { state, result } = await renderKiosk(await pseudoI18n(), fake.api, { guides: GUIDES });
    const root = result.container as HTMLElement;
    const seen: Record<string, string[]> = {};
    const look = async (screen: string) => {
      await waitFor(() => expect(state.screen.value).toBe(screen));
      seen[screen] = untranslated(root);
    };

    await look('home');
    state.go('identify');
    await look('identify');
    await state.identifyByNumber('10000001', '1985-03-14');
    await look('dossier');
    state.startBooking();
    await waitFor(() => expect(state.booking.motifs.value).not.toBeNull());
    await look('book-motif');
    state.goHome();
    await state.endSession();
    state.startBooking();
    await waitFor(() => expect(state.booking.motifs.value).not.toBeNull());
    state.chooseMotif(state.booking.motifs.value!.find((m) => m.id === 'm2')!);
    await look('book-contact');
    state.booking.setContact({ name: 'Awa Traoré', phone: '06 12 34 56 78' });
    await waitFor(() => expect(state.booking.week.value).not.toBeNull());
    await look('book-slots');
    state.booking.chooseSlot(state.booking.week.value!.days[0]!.slots[0]!);
    await look('book-confirm');
    await state.booking.confirm();
    await look('book-done');
    state.findBooking();
    await look('book-find');
    state.openGuides();
    await look('guides');
    state.openGuide('caf-declaration-trimestrielle');
    await look('guide');
    state.guide.go(1);
    await waitFor(() => expect(root.querySelector('.guide__instruction')).not.toBeNull());
    seen['guide-step'] = untranslated(root);
    await state.callHelp();
    await look('help');

    expect(Object.keys(seen)).toEqual(['home', 'identify', 'dossier', 'book-motif', 'book-contact', 'book-slots', 'book-confirm', 'book-done', 'book-find', 'guides', 'guide', 'guide-step', 'help']);
    expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((k) => [k, []])));
    state.stop();
  });
});
