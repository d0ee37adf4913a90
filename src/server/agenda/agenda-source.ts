import type { Motif } from '../../core/agenda/motif';
import type { Interval, WeeklyPeriods } from '../../core/agenda/slots';
import type { BookingLimitKind } from '../../core/realtime/events';
import type { ReferentGender, ReferentMetier } from '../../core/dossier/dossier';
import type { LocalizedText } from '../../core/i18n/localized-text';

export interface AgendaReferent {
  id: string;
  siteId: string;
  firstName: string;
  metier: ReferentMetier;
  gender: ReferentGender | null;
  /** Their room (« Bureau 12, 1er étage »), in every language written. */
  place: LocalizedText;
  hours: WeeklyPeriods;
}

export interface Booking {
  id: string;
  reference: string;
  motifId: string | null;
  referentId: string;
  dossierId: string | null;
  startsAt: number;
  endsAt: number;
  place: LocalizedText;
  status: 'booked' | 'cancelled';
  kioskId: string | null;
  contact: { name: string; phone: string } | null;
  receiptHash: string | null;
}

export interface NewBooking {
  id: string;
  reference: string;
  motifId: string;
  referentId: string;
  dossierId: string | null;
  start: number;
  end: number;
  place: LocalizedText;
  kioskId: string;
  contact: { name: string; phone: string } | null;
  receiptHash: string;
  now: Date;
}

/** How many bookings one person or one kiosk may hold or make (the site's `booking` settings). */
export interface BookingLimits {
  /** Live (coming, not cancelled) bookings per phone number, compared normalised. */
  maxLivePerPhone: number;
  /** Live bookings per dossier. */
  maxLivePerDossier: number;
  /** Bookings made at one kiosk within the last hour, cancelled ones included. */
  maxPerKioskPerHour: number;
}

export type BookingLimit = BookingLimitKind;

/** Thrown by book() when the booking would pass a limit; judged inside its transaction. */
export class BookingLimitError extends Error {
  constructor(readonly limit: BookingLimit) {
    super(`booking limit: ${limit}`);
  }
}

/** Thrown by book() and move() when the slot was taken between the offer and the write. */
export class SlotTakenError extends Error {
  constructor() {
    super('slot taken');
  }
}

/**
 * Where agenda data comes from: motifs, référents' hours and absences, bookings. The built-in
 * SQL implementation serves the demo and départements without an agenda; an RDV-Solidarités
 * connector implements the same calls. Slot computation itself stays in src/core, pure.
 */
export interface AgendaSource {
  motifs(siteId: string): Promise<Motif[]>;
  motif(id: string): Promise<Motif | undefined>;
  referents(siteId: string): Promise<AgendaReferent[]>;
  referent(id: string): Promise<AgendaReferent | undefined>;
  /** Absences and live bookings of these référents overlapping [from, to), per référent. */
  busy(referentIds: readonly string[], from: number, to: number): Promise<Map<string, Interval[]>>;
  /**
   * Atomic: a transaction and a unique index decide; throws SlotTakenError when it lost, and
   * BookingLimitError when the person or the kiosk already has enough (checked in the same
   * transaction, so two requests at once cannot both pass the limit).
   */
  book(booking: NewBooking, limits: BookingLimits): Promise<void>;
  /** Atomic like book(); the booking keeps its id and reference. */
  move(id: string, to: { referentId: string; start: number; end: number; place: LocalizedText; now: Date }): Promise<void>;
  cancel(id: string, now: Date): Promise<void>;
  booking(id: string): Promise<Booking | undefined>;
  /** The live booking with this reference, if any (references are printed on tickets). */
  bookingByReference(reference: string): Promise<Booking | undefined>;
  /** Live bookings of a site's référents in [from, to), with who they are for (staff only). */
  bookings(referentIds: readonly string[], from: number, to: number): Promise<(Booking & { dossierNumber: string | null })[]>;
  absences(referentIds: readonly string[], from: number, to: number): Promise<{ id: string; referentId: string; startsAt: number; endsAt: number }[]>;
  setHours(referentId: string, hours: WeeklyPeriods): Promise<void>;
  addAbsence(absence: { id: string; referentId: string; start: number; end: number }): Promise<void>;
  /** Returns the absence removed (whose it was, when), or undefined when there was none. */
  removeAbsence(id: string): Promise<{ id: string; referentId: string; start: number; end: number } | undefined>;
}
