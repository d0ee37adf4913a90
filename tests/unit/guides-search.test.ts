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
