import type { ReferentMetier } from '../dossier/dossier';
import type { LocalizedText } from '../i18n/localized-text';

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
  /** The demo's built-in kinds; null for a motif an admin wrote (its name says what it is). */
  category: MotifCategory | null;
  /** What the kiosk shows, per language (French always): stored with the motif, not in the locale files. */
  name: LocalizedText;
  description: LocalizedText;
  /** Open without a dossier (a first contact); otherwise the follow-up with the dossier's référent. */
  firstContact: boolean;
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
  /** Order on the kiosk's list. */
  position: number;
  /** Archived motifs are no longer offered; their past appointments keep them. */
  archived: boolean;
  /** Bumped on every change: a save that started from an older one is refused (409). */
  version: number;
}

/** Only the follow-up needs to know who the usager is; first contacts are open to anyone. */
export function needsIdentification(motif: Pick<Motif, 'firstContact'>): boolean {
  return !motif.firstContact;
}

/** Whether an appointment starting at `startsAt` may still be moved or cancelled at `now`. */
export function changeableUntil(startsAt: number, motif: Pick<Motif, 'changeLimitHours'>): number {
  return startsAt - motif.changeLimitHours * 3_600_000;
}
