import type { ManagedElsewhere, MotifFields, ReferentFields } from '../../core/agenda/agenda-admin';
import type { Motif, MotifCategory } from '../../core/agenda/motif';
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
  /** A référent who left: offered nowhere, but their past appointments keep them. */
  archived: boolean;
  /** Bumped on every change of the fields above (hours excepted: they have their own editor). */
  version: number;
}

/** Thrown by the admin writes when the record changed since the version the admin started from. */
export class StaleVersionError<T> extends Error {
  constructor(readonly current: T) {
    super('stale version');
  }
}

/**
 * The changes « Référents » and « Motifs » make. Each update names the version it started from
 * and is refused with StaleVersionError (carrying the record as it is now) when it is not the
 * current one; undefined means there is no such record.
 */
export interface AgendaAdminWrites {
  createReferent(siteId: string, id: string, fields: ReferentFields): Promise<AgendaReferent>;
  updateReferent(id: string, fields: ReferentFields, version: number): Promise<AgendaReferent | undefined>;
  archiveReferent(id: string, archived: boolean, version: number, now: Date): Promise<AgendaReferent | undefined>;
  createMotif(siteId: string, id: string, fields: MotifFields & { category?: MotifCategory }): Promise<Motif>;
  updateMotif(id: string, fields: MotifFields, version: number): Promise<Motif | undefined>;
  archiveMotif(id: string, archived: boolean, version: number, now: Date): Promise<Motif | undefined>;
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

/** The audit row of a booking (identity.repository audit_log): kiosk, dossier id, time, never a name. */
export interface BookingAudit {
  kioskId: string;
  dossierId: string | null;
  at: Date;
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
  /**
   * Absent on a read-only source: a connector that owns its référents and motifs (RDV-Solidarités)
   * leaves it out and names itself in `managedBy`; the console then shows the data and says where
   * to change it, and the admin routes answer 409 agenda_read_only.
   */
  readonly admin?: AgendaAdminWrites;
  readonly managedBy?: ManagedElsewhere;
  /** The motifs offered (not archived), in their order; `withArchived` for the console's list. */
  motifs(siteId: string, options?: { withArchived?: boolean }): Promise<Motif[]>;
  /** Any motif, archived ones included (a past appointment still names its motif). */
  motif(id: string): Promise<Motif | undefined>;
  /** The référents working here now (not archived); `withArchived` for the console's list. */
  referents(siteId: string, options?: { withArchived?: boolean }): Promise<AgendaReferent[]>;
  /** Any référent, archived ones included. */
  referent(id: string): Promise<AgendaReferent | undefined>;
  /** Absences and live bookings of these référents overlapping [from, to), per référent. */
  busy(referentIds: readonly string[], from: number, to: number): Promise<Map<string, Interval[]>>;
  /**
   * Atomic: a transaction and a unique index decide; throws SlotTakenError when it lost, and
   * BookingLimitError when the person or the kiosk already has enough (checked in the same
   * transaction, so two requests at once cannot both pass the limit).
   * A source on Borne's own database writes `audit` in the booking's transaction and returns
   * true: one commit, so one fsync, per booking. A connector leaves it (returns false or nothing)
   * and the service writes it after the booking.
   */
  book(booking: NewBooking, limits: BookingLimits, audit?: BookingAudit): Promise<boolean | void>;
  /** Atomic like book(); the booking keeps its id and reference; a new receipt hash replaces the old one. */
  move(id: string, to: { referentId: string; start: number; end: number; place: LocalizedText; now: Date; receiptHash?: string }): Promise<void>;
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
