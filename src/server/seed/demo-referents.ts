import type { ReferentGender, ReferentMetier } from '../../core/dossier/dossier';
import type { LocalizedText } from '../../core/i18n/localized-text';
import { translationsColumn } from '../../core/i18n/localized-text';
import type { Db } from '../store/db';

/** Floors as a pôle's signs say them, in each language the kiosk speaks. */
const FLOORS: Record<0 | 1 | 2, LocalizedText> = {
  0: { fr: 'rez-de-chaussée', en: 'ground floor', ar: 'الطابق الأرضي' },
  1: { fr: '1er étage', en: '1st floor', ar: 'الطابق الأول' },
  2: { fr: '2e étage', en: '2nd floor', ar: 'الطابق الثاني' },
};

/** « Bureau 12, 1er étage », written once per language from the room number and the floor. */
function office(number: number, floor: 0 | 1 | 2): LocalizedText {
  const f = FLOORS[floor];
  return { fr: `Bureau ${number}, ${f.fr}`, en: `Office ${number}, ${f.en!}`, ar: `المكتب ${number}، ${f.ar!}` };
}

const PMI_ROOM: LocalizedText = { fr: 'Salle PMI, rez-de-chaussée', en: 'Child health room (PMI), ground floor', ar: 'قاعة حماية الأم والطفل (PMI)، الطابق الأرضي' };

export interface DemoReferent {
  id: string;
  site: string;
  firstName: string;
  gender: ReferentGender;
  metier: ReferentMetier;
  place: LocalizedText;
  /** Which demo week they work (demo-agenda.ts). */
  hours: 'a' | 'b' | 'c';
}

/** Four référents a pôle; the three of the demo dossiers (demo-dossiers.ts) are the first of their pôle. */
export const DEMO_REFERENTS: readonly DemoReferent[] = [
  { id: 'ref-sophie', site: 'chatillon', firstName: 'Sophie', gender: 'female', metier: 'conseiller_insertion', place: office(12, 1), hours: 'a' },
  { id: 'ref-malik', site: 'chatillon', firstName: 'Malik', gender: 'male', metier: 'assistant_social', place: office(4, 0), hours: 'a' },
  { id: 'ref-lea', site: 'chatillon', firstName: 'Léa', gender: 'female', metier: 'puericultrice', place: PMI_ROOM, hours: 'b' },
  { id: 'ref-ines', site: 'chatillon', firstName: 'Inès', gender: 'female', metier: 'sage_femme', place: office(9, 1), hours: 'c' },
  { id: 'ref-nadia', site: 'issy-les-moulineaux', firstName: 'Nadia', gender: 'female', metier: 'conseiller_economie_sociale', place: office(7, 2), hours: 'a' },
  { id: 'ref-thomas', site: 'issy-les-moulineaux', firstName: 'Thomas', gender: 'male', metier: 'conseiller_insertion', place: office(3, 1), hours: 'b' },
  { id: 'ref-camille', site: 'issy-les-moulineaux', firstName: 'Camille', gender: 'male', metier: 'puericultrice', place: PMI_ROOM, hours: 'c' },
  { id: 'ref-aicha', site: 'issy-les-moulineaux', firstName: 'Aïcha', gender: 'female', metier: 'sage_femme', place: office(5, 1), hours: 'b' },
  { id: 'ref-julien', site: 'chatenay-malabry', firstName: 'Julien', gender: 'male', metier: 'assistant_social', place: office(2, 0), hours: 'b' },
  { id: 'ref-fatou', site: 'chatenay-malabry', firstName: 'Fatou', gender: 'female', metier: 'conseiller_insertion', place: office(6, 1), hours: 'a' },
  { id: 'ref-marie', site: 'chatenay-malabry', firstName: 'Marie', gender: 'female', metier: 'puericultrice', place: PMI_ROOM, hours: 'c' },
  { id: 'ref-helene', site: 'chatenay-malabry', firstName: 'Hélène', gender: 'female', metier: 'sage_femme', place: office(8, 1), hours: 'a' },
  { id: 'ref-karima', site: 'villeneuve-la-garenne', firstName: 'Karima', gender: 'female', metier: 'assistant_social', place: office(1, 0), hours: 'a' },
  { id: 'ref-paul', site: 'villeneuve-la-garenne', firstName: 'Paul', gender: 'male', metier: 'conseiller_insertion', place: office(4, 1), hours: 'c' },
  { id: 'ref-emma', site: 'villeneuve-la-garenne', firstName: 'Emma', gender: 'female', metier: 'puericultrice', place: PMI_ROOM, hours: 'b' },
  { id: 'ref-chloe', site: 'villeneuve-la-garenne', firstName: 'Chloé', gender: 'female', metier: 'sage_femme', place: office(6, 1), hours: 'c' },
  { id: 'ref-yasmine', site: 'asnieres-gennevilliers', firstName: 'Yasmine', gender: 'female', metier: 'assistant_social', place: office(3, 0), hours: 'b' },
  { id: 'ref-lucas', site: 'asnieres-gennevilliers', firstName: 'Lucas', gender: 'male', metier: 'conseiller_insertion', place: office(11, 1), hours: 'a' },
  { id: 'ref-sarah', site: 'asnieres-gennevilliers', firstName: 'Sarah', gender: 'female', metier: 'puericultrice', place: PMI_ROOM, hours: 'c' },
  { id: 'ref-awa', site: 'asnieres-gennevilliers', firstName: 'Awa', gender: 'female', metier: 'sage_femme', place: office(10, 1), hours: 'a' },
];

export const demoReferent = (id: string): DemoReferent => DEMO_REFERENTS.find((r) => r.id === id)!;

/** The row of a demo référent, with the week given (JSON of WeeklyPeriods). */
export function demoReferentRow(r: DemoReferent, hours: string) {
  return { id: r.id, site_id: r.site, first_name: r.firstName, metier: r.metier, gender: r.gender, place: r.place.fr, place_i18n: translationsColumn(r.place), hours };
}

/**
 * A demo database seeded before référents had a gender and translated places (migration 009)
 * gets them on the next start; a référent an admin already changed is left as it is.
 */
export async function completeDemoReferents(db: Db): Promise<void> {
  for (const r of DEMO_REFERENTS) {
    const i18n = translationsColumn(r.place);
    await db.updateTable('referents').set({ gender: r.gender, place_i18n: i18n }).where('id', '=', r.id).where('gender', 'is', null).where('place', '=', r.place.fr).execute();
    await db.updateTable('appointments').set({ place_i18n: i18n }).where('referent_id', '=', r.id).where('place_i18n', 'is', null).where('place', '=', r.place.fr).execute();
  }
}
