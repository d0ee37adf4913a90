import type { MotifCategory, MotifMode } from '../agenda/motif';
import type { LocalizedText } from '../i18n/localized-text';
/**
 * The usager's dossier as a kiosk may show it: only what the usager needs, never health or
 * child-protection details (those demandes are filtered out before anything leaves the server).
 */
export const DEMANDE_TYPES = ['rsa', 'aide_logement', 'fsl', 'aide_financiere', 'accompagnement_budget', 'insertion'] as const;
export type DemandeType = (typeof DEMANDE_TYPES)[number];

/** Kinds of demande a kiosk must never show, whatever the source sends (PMI, ASE, santé). */
export const CONFIDENTIAL_DEMANDE_KINDS = ['pmi', 'ase', 'sante', 'protection_enfance'] as const;

export const DEMANDE_STATUSES = ['received', 'in_instruction', 'waiting_documents', 'accepted', 'refused', 'closed'] as const;
export type DemandeStatus = (typeof DEMANDE_STATUSES)[number];

export const DOCUMENT_TYPES = ['avis_imposition', 'justificatif_domicile', 'piece_identite', 'rib', 'bulletins_salaire', 'bail'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const REFERENT_METIERS = ['assistant_social', 'conseiller_insertion', 'conseiller_economie_sociale', 'puericultrice', 'sage_femme'] as const;
export type ReferentMetier = (typeof REFERENT_METIERS)[number];

/**
 * The grammatical gender a référent's métier takes (« assistante sociale », « مساعدة اجتماعية »).
 * Null when the source does not say: the kiosk then names both forms.
 */
export const REFERENT_GENDERS = ['female', 'male'] as const;
export type ReferentGender = (typeof REFERENT_GENDERS)[number];

/** What every view says of a référent: a first name and a métier that agrees with them. */
export interface ReferentName {
  firstName: string;
  metier: ReferentMetier;
  gender: ReferentGender | null;
}

export function referentGenderOf(value: string | null | undefined): ReferentGender | null {
  return value === 'female' || value === 'male' ? value : null;
}

export interface DossierView {
  referent: (ReferentName & { place: LocalizedText; availability: string }) | null;
  demandes: { id: string; type: DemandeType; status: DemandeStatus; lastChangeAt: string }[];
  missingDocuments: { type: DocumentType; demandeId: string | null }[];
  appointments: {
    id: string;
    startsAt: string;
    endsAt: string;
    withFirstName: string;
    place: LocalizedText;
    /** Null for an appointment made outside Borne (no motif known): it can be changed by phone only. */
    motifId: string | null;
    motifCategory: MotifCategory;
    /** The motif's name as stored with it; null without a motif (shown as a follow-up). */
    motifName?: LocalizedText | null;
    mode: MotifMode;
    /** Until when it can be moved or cancelled at the kiosk; null when it cannot be at all. */
    changeableUntil: string | null;
  }[];
}

/** What happens next for a demande in a given status: the kiosk says it in one sentence. */
export function nextStepOf(status: DemandeStatus, hasMissingDocuments: boolean): 'bring_documents' | 'wait_decision' | 'nothing' | 'contact_referent' {
  if (status === 'waiting_documents' || (hasMissingDocuments && (status === 'received' || status === 'in_instruction'))) return 'bring_documents';
  if (status === 'received' || status === 'in_instruction') return 'wait_decision';
  if (status === 'refused') return 'contact_referent';
  return 'nothing';
}
