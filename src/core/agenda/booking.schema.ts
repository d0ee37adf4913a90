import { z } from 'zod';
import { SUPPORTED_LANGUAGES } from '../i18n/languages';
import { NAME_MAX_LENGTH, NAME_MIN_LENGTH, NAME_PATTERN, normalisePhone, normaliseReference } from './booking';
import { parseIsoDate } from './paris-time';

/*
 * The booking API's validators. Apart from booking.ts so the kiosk, which imports booking.ts for
 * its types and its phone and name rules, does not carry zod in its bundle.
 */
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


export const contactSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(NAME_MIN_LENGTH, { error: `expected the name of the person, at least ${NAME_MIN_LENGTH} letters` })
      .max(NAME_MAX_LENGTH, { error: `the name is too long: ${NAME_MAX_LENGTH} characters at most` })
      .regex(NAME_PATTERN, { error: 'expected letters, spaces, hyphens or apostrophes only' }),
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
