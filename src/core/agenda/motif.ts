import type { ReferentMetier } from '../dossier/dossier';

/**
 * What an appointment is for. Mirrors the motif options of RDV-Solidarités (its public API v1):
 * follow-up with the référent only, min/max booking delay, cancellation and moving allowed up
 * to a limit before the appointment.
 */
export const MOTIF_CATEGORIES = ['referent_followup', 'accueil_social', 'pmi', 'sante_sexuelle', 'insertion_rsa'] as const;
export type MotifCategory = (typeof MOTIF_CATEGORIES)[number];

export const MOTIF_MODES = ['on_site', 'phone'] as const;
export type MotifMode = (typeof MOTIF_MODES)[number];

export interface Motif {
  id: string;
  siteId: string;
  category: MotifCategory;
  durationMinutes: number;
  mode: MotifMode;
  /** Earliest booking, from now: the référent must be able to prepare. */
  minDelayMinutes: number;
  /** How far ahead slots are offered. */
  maxDelayDays: number;
  /** Moving or cancelling at the kiosk closes this many hours before the appointment. */
  changeLimitHours: number;
  /** Who can take a first contact of this motif; the follow-up is always the dossier's référent. */
  metiers: readonly ReferentMetier[];
}

/** Only the follow-up needs to know who the usager is; first contacts are open to anyone. */
export function needsIdentification(motif: Pick<Motif, 'category'>): boolean {
  return motif.category === 'referent_followup';
}

/** Whether an appointment starting at `startsAt` may still be moved or cancelled at `now`. */
export function changeableUntil(startsAt: number, motif: Pick<Motif, 'changeLimitHours'>): number {
  return startsAt - motif.changeLimitHours * 3_600_000;
}
