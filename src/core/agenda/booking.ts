import { z } from 'zod';
import type { ReferentGender, ReferentMetier, ReferentName } from '../dossier/dossier';
import type { LocalizedText } from '../i18n/localized-text';
import { SUPPORTED_LANGUAGES } from '../i18n/languages';
import type { MotifCategory, MotifMode } from './motif';
import { parseIsoDate } from './paris-time';

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

const isoInstant = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date and time, for example "2026-11-25T09:30:00.000Z", as given in the slot list' });
/** The usager's language: confirmations and the calendar event are written in it. */
const language = z.enum(SUPPORTED_LANGUAGES, { error: `expected one of ${SUPPORTED_LANGUAGES.join(', ')}` }).default('fr');
const id = (what: string) => z.string().min(1, { error: `expected the ${what} id` }).max(100, { error: `this ${what} id is too long` });

export const weekParamSchema = z
  .string()
  .refine((v) => parseIsoDate(v) !== null, { error: 'expected a date as YYYY-MM-DD, for example "2026-11-23"' });

export const slotQuerySchema = z
  .object({
    motifId: id('motif'),
    week: weekParamSchema.optional(),
  })
  .strict();

/** A French phone number: 10 digits starting with 0, or +33 and 9 digits; spaces and dots allowed. */
export function normalisePhone(text: string): string | null {
  const compact = text.replace(/[\s.\-]/g, '');
  if (/^0[1-9]\d{8}$/.test(compact)) return compact;
  if (/^\+33[1-9]\d{8}$/.test(compact)) return `0${compact.slice(3)}`;
  return null;
}

export const contactSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(2, { error: 'expected the name of the person, at least 2 letters' })
      .max(80, { error: 'the name is too long: 80 characters at most' })
      // Letters and their marks of every script (Arabic, Persian, Pashto, Cyrillic, Latin…), the
      // apostrophes ' ’ and ʼ (a letter: « Марʼяна »), and the zero-width non-joiner of Persian
      // and Pashto names (« حسین‌زاده »); no digits.
      .regex(/^\p{L}[\p{L}\p{M}'’ \-.\u200C]*$/u, { error: 'expected letters, spaces, hyphens or apostrophes only' }),
    phone: z.string().refine((v) => normalisePhone(v) !== null, { error: 'expected a French phone number of 10 digits, for example "06 12 34 56 78"' }),
  })
  .strict();

export const bookBodySchema = z
  .object({
    motifId: id('motif'),
    referentId: id('référent'),
    start: isoInstant,
    contact: contactSchema.optional(),
    language,
  })
  .strict();

/** "zg2teh", "ZG2 TEH" → "ZG2-TEH", as printed on the ticket; null when it cannot be one. */
export function normaliseReference(text: string): string | null {
  const compact = text.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z2-9]{6}$/.test(compact) ? `${compact.slice(0, 3)}-${compact.slice(3)}` : null;
}

export const findBookingBodySchema = z
  .object({
    reference: z.string().refine((v) => normaliseReference(v) !== null, { error: 'expected the 6-character reference printed on the ticket, for example "ZG2-TEH"' }),
    phone: z.string().refine((v) => normalisePhone(v) !== null, { error: 'expected the phone number given when booking, 10 digits' }),
  })
  .strict();

export const moveBodySchema = z
  .object({
    referentId: id('référent'),
    start: isoInstant,
    language,
  })
  .strict();

export const appointmentParamsSchema = z.object({ appointmentId: id('appointment') }).strict();

export const NOTIFY_CHANNELS = ['sms', 'email'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

export const notifyBodySchema = z
  .discriminatedUnion('channel', [
    z.object({ channel: z.literal('sms'), to: z.string().refine((v) => normalisePhone(v) !== null, { error: 'expected a French mobile number of 10 digits, for example "06 12 34 56 78"' }), receipt: z.string().min(1).max(200), language }).strict(),
    z.object({ channel: z.literal('email'), to: z.email({ error: 'expected an e-mail address, for example "prenom.nom@exemple.fr"' }).max(200), receipt: z.string().min(1).max(200), language }).strict(),
  ], { error: 'expected "channel" to be "sms" or "email"' });

// Staff side: the weekly opening periods and absences an admin edits.
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a time as HH:MM, for example "08:30"' });
const period = z
  .tuple([hhmm, hhmm])
  .refine(([a, b]) => a < b, { error: 'a period must end after it starts, for example ["08:30", "12:30"]' });

export const weeklyPeriodsSchema = z
  .object({
    mon: z.array(period).max(4).optional(),
    tue: z.array(period).max(4).optional(),
    wed: z.array(period).max(4).optional(),
    thu: z.array(period).max(4).optional(),
    fri: z.array(period).max(4).optional(),
    sat: z.array(period).max(4).optional(),
    sun: z.array(period).max(4).optional(),
  })
  .strict()
  .superRefine((week, ctx) => {
    for (const [day, periods] of Object.entries(week)) {
      const sorted = [...(periods ?? [])].sort((a, b) => (a[0] < b[0] ? -1 : 1));
      for (let i = 1; i < sorted.length; i++) {
        if (sorted[i]![0] < sorted[i - 1]![1]) ctx.addIssue({ code: 'custom', path: [day], message: `two periods overlap on ${day}: make one end before the next starts` });
      }
    }
  });

export const hoursBodySchema = z.object({ hours: weeklyPeriodsSchema }).strict();

export const absenceBodySchema = z
  .object({ startsAt: isoInstant, endsAt: isoInstant })
  .strict()
  .refine((a) => Date.parse(a.endsAt) > Date.parse(a.startsAt), { error: 'the absence must end after it starts', path: ['endsAt'] });

export const referentParamsSchema = z.object({ referentId: id('référent') }).strict();
export const absenceParamsSchema = z.object({ absenceId: id('absence') }).strict();
export const agendaDayQuerySchema = z.object({ day: weekParamSchema }).strict();

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
