import { translationsColumn } from '../../core/i18n/localized-text';
import type { Db } from '../store/db';
import { demoReferent, demoReferentRow } from './demo-referents';

/**
 * Demo dossiers, one per case the kiosk must handle (README lists them). Seeded once; the
 * upcoming appointment is placed a few days after the first start so it stays upcoming.
 */
export const DEMO_DOSSIERS = [
  { number: '10000001', birthDate: '1985-03-14', shows: 'a demande in instruction (RSA), an upcoming appointment with the référent' },
  { number: '10000002', birthDate: '1990-07-02', shows: 'a housing-aid demande waiting for documents: two missing documents' },
  { number: '10000003', birthDate: '1978-11-23', shows: 'an old demande, closed; nothing pending' },
  { number: '10000004', birthDate: '1969-01-30', shows: 'kiosk access blocked by staff: the usager is asked to see a médiateur' },
  { number: '10000005', birthDate: '2001-05-09', shows: 'a PMI follow-up that must never appear, next to an insertion demande' },
] as const;

const REFERENTS = ['ref-sophie', 'ref-malik', 'ref-nadia'].map(demoReferent);

// The agenda seed (demo-agenda.ts) gives every référent their own week; this is the starting one.
const HOURS = JSON.stringify({ mon: [['08:30', '12:30'], ['13:30', '17:30']], tue: [['08:30', '12:30'], ['13:30', '17:30']], thu: [['08:30', '12:30'], ['13:30', '17:30']], fri: [['08:30', '12:30']] });

export async function seedDemoDossiers(db: Db, sites: ReadonlySet<string>, now: Date): Promise<void> {
  const existing = await db.selectFrom('dossiers').select('id').limit(1).executeTakeFirst();
  if (existing) return;
  const referents = REFERENTS.filter((r) => sites.has(r.site));
  if (referents.length < REFERENTS.length) return; // a custom config without the demo pôles: no demo dossiers
  for (const r of referents) await db.insertInto('referents').values(demoReferentRow(r, HOURS)).execute();
  const sophie = referents[0]!.place;
  const day = (offset: number, hour = 9, minute = 0) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset, hour, minute)).toISOString();
  const dossier = (id: string, n: number, site: string, referent: string | null, access = 'open') =>
    db.insertInto('dossiers').values({ id, number: DEMO_DOSSIERS[n]!.number, birth_date: DEMO_DOSSIERS[n]!.birthDate, site_id: site, referent_id: referent, kiosk_access: access }).execute();
  const demande = (id: string, dossierId: string, kind: string, type: string, status: string, at: string) =>
    db.insertInto('demandes').values({ id, dossier_id: dossierId, kind, type, status, last_change_at: at }).execute();

  await dossier('dos-1', 0, 'chatillon', 'ref-sophie');
  await demande('dem-1', 'dos-1', 'social', 'rsa', 'in_instruction', day(-6));
  await db.insertInto('appointments').values({ id: 'rdv-1', dossier_id: 'dos-1', referent_id: 'ref-sophie', starts_at: day(3, 9), ends_at: day(3, 9, 30), place: sophie.fr, place_i18n: translationsColumn(sophie), status: 'booked' }).execute();

  await dossier('dos-2', 1, 'chatillon', 'ref-malik');
  await demande('dem-2', 'dos-2', 'social', 'aide_logement', 'waiting_documents', day(-2));
  await db.insertInto('missing_documents').values([
    { id: 'doc-1', dossier_id: 'dos-2', demande_id: 'dem-2', type: 'bail' },
    { id: 'doc-2', dossier_id: 'dos-2', demande_id: 'dem-2', type: 'avis_imposition' },
  ]).execute();

  await dossier('dos-3', 2, 'issy-les-moulineaux', 'ref-nadia');
  await demande('dem-3', 'dos-3', 'social', 'aide_financiere', 'closed', day(-400));

  await dossier('dos-4', 3, 'chatillon', 'ref-malik', 'blocked');
  await demande('dem-4', 'dos-4', 'social', 'fsl', 'in_instruction', day(-10));

  await dossier('dos-5', 4, 'chatillon', 'ref-sophie');
  await demande('dem-5a', 'dos-5', 'social', 'insertion', 'received', day(-1));
  await demande('dem-5b', 'dos-5', 'pmi', 'accompagnement_budget', 'in_instruction', day(-3));
  await db.insertInto('missing_documents').values({ id: 'doc-3', dossier_id: 'dos-5', demande_id: 'dem-5b', type: 'piece_identite' }).execute();
}
