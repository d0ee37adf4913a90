import type { DossierView } from '../../core/dossier/dossier';

/** The minimum needed to check an identification; the birth date never leaves the server. */
export interface DossierIdentity {
  id: string;
  birthDate: string;
  siteId: string;
  /** 'blocked' when staff closed kiosk access to this dossier (the usager is asked to see a médiateur). */
  kioskAccess: 'open' | 'blocked';
  /** The référent who follows the dossier: the follow-up motif books with them. */
  referentId: string | null;
}

/**
 * Where dossier data comes from. The built-in SQL implementation serves the demo and small
 * départements; a GRC connector implements the same three calls.
 */
export interface DossierSource {
  findByNumber(number: string): Promise<DossierIdentity | undefined>;
  findById(id: string): Promise<DossierIdentity | undefined>;
  /** What the kiosk may show, with confidential demandes already left out. */
  view(dossierId: string, now: Date): Promise<DossierView>;
}
