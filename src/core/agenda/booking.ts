import type { ReferentGender, ReferentMetier, ReferentName } from '../dossier/dossier';
import type { LocalizedText } from '../i18n/localized-text';
import type { MotifCategory, MotifMode } from './motif';

/** What the kiosk shows of a motif. */
export interface MotifView {
  id: string;
  /** The demo's built-in kinds; null for a motif an admin wrote. Labels come from `name`. */
  category: MotifCategory | null;
  /** As stored with the motif, per language: the kiosk shows the session's language, else French. */
  name: LocalizedText;
  description: LocalizedText;
  durationMinutes: number;
  mode: MotifMode;
  needsIdentification: boolean;
  changeLimitHours: number;
}

export interface SlotView {
  start: string;
  end: string;
  /** The référent who is free then (the first one, when several are). */
  referentId: string;
}

/** One week of free slots, Monday to Sunday in Paris, days without a slot left out. */
export interface WeekSlotsView {
  motifId: string;
  weekStart: string;
  previousWeek: string | null;
  nextWeek: string | null;
  days: { date: string; slots: SlotView[] }[];
  /** Who the slots are with, so the check before booking can say it. */
  referents: Record<string, ReferentName>;
}

export interface AppointmentView {
  id: string;
  /** Printed on the ticket and said on the phone: short, no personal data. */
  reference: string;
  motifCategory: MotifCategory | null;
  /** The motif's name as stored with it, per language. */
  motifName: LocalizedText;
  mode: MotifMode;
  referent: ReferentName;
  /** Room, pôle and address, or « by phone », in every language written: the kiosk picks its own. */
  place: LocalizedText;
  startsAt: string;
  endsAt: string;
  /** Until when the usager may move or cancel it at a kiosk. */
  changeableUntil: string;
  /**
   * How the person finds it again to change it: « Mon dossier », or, booked without a dossier,
   * « J'ai déjà un rendez-vous » with the reference and the phone number given (printed on their ticket).
   */
  changeWith: { kind: 'dossier' } | { kind: 'reference'; phone: string };
}

export interface BookingConfirmation {
  appointment: AppointmentView;
  /** The iCalendar event the confirmation's QR code carries. */
  ics: string;
  /** Lets this kiosk send the confirmation by SMS or e-mail; kept in memory only. */
  receipt: string;
}

/** A French phone number: 10 digits starting with 0, or +33 and 9 digits; spaces and dots allowed. */
export function normalisePhone(text: string): string | null {
  const compact = text.replace(/[\s.\-]/g, '');
  if (/^0[1-9]\d{8}$/.test(compact)) return compact;
  if (/^\+33[1-9]\d{8}$/.test(compact)) return `0${compact.slice(3)}`;
  return null;
}

/** A booking contact's name: the same rule on the kiosk's keys and in the API's validation. */
export const NAME_MIN_LENGTH = 2;
export const NAME_MAX_LENGTH = 80;
/**
 * Letters and their marks of every script (Arabic, Persian, Pashto, Cyrillic, Latin…), the
 * apostrophes ' ’ and ʼ (a letter: « Марʼяна »), and the zero-width non-joiner of Persian and
 * Pashto names (« حسین‌زاده »); no digits.
 */
export const NAME_PATTERN = /^\p{L}[\p{L}\p{M}'’ \-.\u200C]*$/u;

export function isValidContactName(text: string): boolean {
  const name = text.trim();
  return name.length >= NAME_MIN_LENGTH && name.length <= NAME_MAX_LENGTH && NAME_PATTERN.test(name);
}

/** "zg2teh", "ZG2 TEH" → "ZG2-TEH", as printed on the ticket; null when it cannot be one. */
export function normaliseReference(text: string): string | null {
  const compact = text.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z2-9]{6}$/.test(compact) ? `${compact.slice(0, 3)}-${compact.slice(3)}` : null;
}

export const NOTIFY_CHANNELS = ['sms', 'email'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

/** A référent's day as the staff console shows it. */
export interface StaffAgendaDay {
  siteId: string;
  day: string;
  referents: {
    id: string;
    firstName: string;
    metier: ReferentMetier;
    gender: ReferentGender | null;
    /** In French: the console's rooms are read by staff of the pôle. */
    place: string;
    hours: Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', [string, string][]>>;
    absences: { id: string; startsAt: string; endsAt: string }[];
    bookings: { id: string; reference: string; startsAt: string; endsAt: string; motifCategory: MotifCategory | null; motifName: LocalizedText | null; mode: MotifMode; who: { dossierNumber: string } | { name: string; phone: string } }[];
  }[];
}

export interface OutboxMessageView {
  id: string;
  channel: NotifyChannel;
  to: string;
  body: string;
  createdAt: string;
  appointmentReference: string;
}
