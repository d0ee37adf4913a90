import { changeableUntil, MOTIF_CATEGORIES, type MotifCategory } from '../../core/agenda/motif';
import { CONFIDENTIAL_DEMANDE_KINDS, DEMANDE_STATUSES, DEMANDE_TYPES, DOCUMENT_TYPES, REFERENT_METIERS, referentGenderOf, type DemandeStatus, type DemandeType, type DocumentType, type DossierView, type ReferentMetier } from '../../core/dossier/dossier';
import { localizedFromColumns } from '../../core/i18n/localized-text';
import type { Db } from '../store/db';
import type { DossierIdentity, DossierSource } from './dossier-source';

const isOneOf = <T extends string>(values: readonly T[], v: string): v is T => (values as readonly string[]).includes(v);

/** The built-in DossierSource on Borne's own database. */
export class SqlDossierSource implements DossierSource {
  constructor(private readonly db: Db) {}

  async findByNumber(number: string): Promise<DossierIdentity | undefined> {
    const r = await this.db.selectFrom('dossiers').selectAll().where('number', '=', number).executeTakeFirst();
    return r ? { id: r.id, birthDate: r.birth_date, siteId: r.site_id, kioskAccess: r.kiosk_access === 'blocked' ? 'blocked' : 'open', referentId: r.referent_id } : undefined;
  }

  async findById(id: string): Promise<DossierIdentity | undefined> {
    const r = await this.db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? { id: r.id, birthDate: r.birth_date, siteId: r.site_id, kioskAccess: r.kiosk_access === 'blocked' ? 'blocked' : 'open', referentId: r.referent_id } : undefined;
  }

  async view(dossierId: string, now: Date): Promise<DossierView> {
    const dossier = await this.db.selectFrom('dossiers').select(['referent_id']).where('id', '=', dossierId).executeTakeFirstOrThrow();
    const referent = dossier.referent_id ? await this.db.selectFrom('referents').selectAll().where('id', '=', dossier.referent_id).executeTakeFirst() : undefined;
    const demandes = await this.db
      .selectFrom('demandes')
      .selectAll()
      .where('dossier_id', '=', dossierId)
      // Health and child protection never reach a kiosk, whatever their type says.
      .where('kind', 'not in', [...CONFIDENTIAL_DEMANDE_KINDS])
      .orderBy('last_change_at', 'desc')
      .execute();
    const shown = new Set(demandes.map((d) => d.id));
    const documents = await this.db.selectFrom('missing_documents').selectAll().where('dossier_id', '=', dossierId).execute();
    const appointments = await this.db
      .selectFrom('appointments')
      .innerJoin('referents', 'referents.id', 'appointments.referent_id')
      .leftJoin('motifs', 'motifs.id', 'appointments.motif_id')
      .select(['appointments.id', 'appointments.starts_at', 'appointments.ends_at', 'appointments.place', 'appointments.place_i18n', 'referents.first_name', 'motifs.id as motif_id', 'motifs.category', 'motifs.name as motif_name', 'motifs.name_i18n as motif_name_i18n', 'motifs.mode', 'motifs.change_limit_hours'])
      .where('appointments.dossier_id', '=', dossierId)
      .where('appointments.status', '=', 'booked')
      .where('appointments.starts_at', '>=', now.toISOString())
      .orderBy('appointments.starts_at')
      .execute();
    return {
      referent:
        referent && isOneOf<ReferentMetier>(REFERENT_METIERS, referent.metier)
          ? { firstName: referent.first_name, metier: referent.metier, gender: referentGenderOf(referent.gender), place: localizedFromColumns(referent.place, referent.place_i18n), availability: referent.hours }
          : null,
      demandes: demandes
        .filter((d): d is typeof d & { type: DemandeType; status: DemandeStatus } => isOneOf(DEMANDE_TYPES, d.type) && isOneOf(DEMANDE_STATUSES, d.status))
        .map((d) => ({ id: d.id, type: d.type, status: d.status, lastChangeAt: d.last_change_at })),
      missingDocuments: documents
        .filter((d): d is typeof d & { type: DocumentType } => isOneOf(DOCUMENT_TYPES, d.type) && (d.demande_id === null || shown.has(d.demande_id)))
        .map((d) => ({ type: d.type, demandeId: d.demande_id })),
      appointments: appointments.map((a) => ({
        id: a.id,
        startsAt: a.starts_at,
        endsAt: a.ends_at,
        withFirstName: a.first_name,
        place: localizedFromColumns(a.place, a.place_i18n),
        motifId: a.motif_id,
        // An appointment made outside Borne has no motif here: shown as a follow-up, changed by phone only.
        motifCategory: a.category !== null && isOneOf<MotifCategory>(MOTIF_CATEGORIES, a.category) ? a.category : 'referent_followup',
        motifName: a.motif_name ? localizedFromColumns(a.motif_name, a.motif_name_i18n) : null,
        mode: a.mode === 'phone' ? 'phone' : 'on_site',
        changeableUntil: a.change_limit_hours === null ? null : new Date(changeableUntil(Date.parse(a.starts_at), { changeLimitHours: a.change_limit_hours })).toISOString(),
      })),
    };
  }
}
