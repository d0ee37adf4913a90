import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { editDistance, normalise, searchGuides, type SearchDocument } from '../../src/core/guides/search';

const DOCS: SearchDocument[] = [
  { id: 'caf-declaration-trimestrielle', main: 'Déclaration trimestrielle de ressources Je veux déclarer mes ressources à la CAF', extra: 'rsa prime activite aah trimestre revenus caf' },
  { id: 'caf-aide-logement', main: 'Aide au logement Je veux demander une aide pour mon loyer', extra: 'apl als alf loyer logement caf' },
  { id: 'impots-declaration-revenus', main: 'Déclaration des revenus Je veux déclarer mes revenus aux impôts', extra: 'impots declaration annuelle revenus' },
  { id: 'ft-actualisation', main: 'Actualisation mensuelle Je veux m\'actualiser à France Travail', extra: 'pole emploi chomage actualiser mois' },
  { id: 'email-creer-adresse', main: 'Créer une adresse e-mail أريد إنشاء عنوان بريد إلكتروني', extra: 'mail courriel بريد' },
];

const ids = (q: string) => searchGuides(q, DOCS).map((h) => h.id);

describe('searching the guides', () => {
  it('finds by plain words, whatever the accents and capitals', () => {
    expect(ids('Déclarer mes RESSOURCES')[0]).toBe('caf-declaration-trimestrielle');
    expect(ids('impots')[0]).toBe('impots-declaration-revenus');
    expect(ids('impôts')[0]).toBe('impots-declaration-revenus');
  });

  it('tolerates typos and words cut short', () => {
    expect(ids('actualisaton')[0]).toBe('ft-actualisation');
    expect(ids('logment')[0]).toBe('caf-aide-logement');
    expect(ids('declar impot')[0]).toBe('impots-declaration-revenus');
  });

  it('needs most of the words to match: "déclarer impôts" is not the CAF guide', () => {
    expect(ids('déclarer impôts')).toEqual(['impots-declaration-revenus']);
  });

  it('finds Arabic words with or without their vowel marks and letter variants', () => {
    expect(ids('بَرِيد')).toEqual(['email-creer-adresse']);
    expect(ids('انشاء')).toEqual(['email-creer-adresse']);
  });

  it('returns nothing for an empty query or only small words', () => {
    expect(ids('')).toEqual([]);
    expect(ids('je veux le')).toEqual([]);
  });

  it('normalises and measures distance as expected', () => {
    expect(normalise('Ça coûte ÉNORMÉMENT !')).toBe('ca coute enormement');
    expect(editDistance('logment', 'logement', 2)).toBe(1);
    expect(editDistance('ab', 'ba', 1)).toBe(1);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('searching the guides in every language of the kiosk', () => {
  // The documents as the guides screen builds them: the session's language, then French.
  const fr = JSON.parse(readFileSync('locales/fr/guides.json', 'utf8')) as Record<string, Record<string, string>>;
  const docsIn = (lang: string): SearchDocument[] => {
    const own = JSON.parse(readFileSync(`locales/${lang}/guides.json`, 'utf8')) as Record<string, Record<string, string>>;
    return Object.keys(fr).map((id) => {
      const pick = (field: string) => `${own[id]?.[field] ?? ''} ${fr[id]![field] ?? ''}`;
      return { id, main: `${pick('title')} ${pick('need')}`, extra: `${pick('keywords')} ${pick('purpose')}` };
    });
  };
  const first = (lang: string, query: string) => searchGuides(query, docsIn(lang))[0]?.id;

  it.each([
    // Russian: ё typed е, a typo, and the small words of a question.
    ['ru', 'пособие на жилье', 'caf-aide-logement'],
    ['ru', 'налоговая декларация доходв', 'impots-declaration-revenus'],
    ['ru', 'как отметиться', 'ft-actualisation'],
    // Ukrainian: the apostrophe and the letters і, ї, є.
    ['uk', 'податкова декларація', 'impots-declaration-revenus'],
    ['uk', 'житлова допомога', 'caf-aide-logement'],
    ['uk', 'оновлення щомісяця', 'ft-actualisation'],
    // Dari: Persian letters, and the same words typed on an Arabic keyboard (ك ي).
    ['fa', 'کرایه خانه', 'caf-aide-logement'],
    ['fa', 'كرايه خانه', 'caf-aide-logement'],
    ['fa', 'اعلام عايد ماليات', 'impots-declaration-revenus'],
    ['fa', 'گزارش ماهانه', 'ft-actualisation'],
    // Pashto: its own letters, or the nearest Persian ones.
    ['ps', 'د کور کرایه', 'caf-aide-logement'],
    ['ps', 'د مالیې عاید اعلان', 'impots-declaration-revenus'],
    ['ps', 'میاشتنی تازه کول', 'ft-actualisation'],
    // Tigrinya.
    ['ti', 'ሓገዝ ገዛ', 'caf-aide-logement'],
    ['ti', 'ግብሪ', 'impots-declaration-revenus'],
    ['ti', 'ወርሓዊ', 'ft-actualisation'],
    // Arabic: with or without the article, the vowel marks and the hamza.
    ['ar', 'مساعدة السكن', 'caf-aide-logement'],
    ['ar', 'الضرائب', 'impots-declaration-revenus'],
    ['ar', 'ضَرَائِب', 'impots-declaration-revenus'],
    ['ar', 'ضرايب', 'impots-declaration-revenus'],
    // Every language also finds the French words people see on the letters.
    ['uk', 'APL', 'caf-aide-logement'],
  ])('%s: « %s » finds %s', (lang, query, expected) => {
    expect(first(lang, query)).toBe(expected);
  });

  it('one form for the letters typed several ways', () => {
    expect(normalise('ككک')).toBe(normalise('ککک'));
    expect(normalise('يی')).toBe(normalise('یی'));
    expect(normalise('می‌خواهم')).toBe(normalise('میخواهم'));
    expect(normalise('۱۲٣')).toBe('123');
    expect(normalise('об’єкт')).toBe(normalise('обєкт'));
  });
});
