import { z } from 'zod';
import { REFERENT_GENDERS, REFERENT_METIERS, type ReferentGender, type ReferentMetier } from '../dossier/dossier';
import { SUPPORTED_LANGUAGES, type Language } from '../i18n/languages';
import type { LocalizedText } from '../i18n/localized-text';
import type { StaffAgendaDay } from './booking';
import { MOTIF_MODES, type Motif } from './motif';

/**
 * « Référents » and « Motifs » in the console: what the routes accept (zod, with messages that
 * say the fix) and what they answer. Every change carries the version it started from.
 */

/** A référent as an admin edits them, with the hours and coming absences the existing editors change. */
export interface ReferentAdminView {
  id: string;
  siteId: string;
  firstName: string;
  metier: ReferentMetier;
  gender: ReferentGender | null;
  place: LocalizedText;
  hours: StaffAgendaDay['referents'][number]['hours'];
  absences: { id: string; startsAt: string; endsAt: string }[];
  archived: boolean;
  version: number;
}

export type MotifAdminView = Motif;

/** Set when a connector (RDV-Solidarités) owns this data: the console shows it and says where to change it. */
export interface ManagedElsewhere {
  name: string;
  url: string | null;
}

export interface ReferentAdminList {
  managedBy: ManagedElsewhere | null;
  /** The languages the pôle offers: the console asks for the office in each (French first). */
  languages: Language[];
  referents: ReferentAdminView[];
}

export interface MotifAdminList {
  managedBy: ManagedElsewhere | null;
  /** The languages the pôle offers: the console asks for the texts in each (French first). */
  languages: Language[];
  motifs: MotifAdminView[];
}

/** French required, the other languages optional; an empty translation is no translation. */
function localizedSchema(what: string, max: number) {
  const text = z.string().trim().max(max, { error: `${what} is too long: keep it under ${max} characters` });
  const shape = Object.fromEntries(SUPPORTED_LANGUAGES.filter((l) => l !== 'fr').map((l) => [l, text.optional()])) as Record<Exclude<(typeof SUPPORTED_LANGUAGES)[number], 'fr'>, z.ZodOptional<typeof text>>;
  return z
    .object({ fr: text.min(1, { error: `write ${what} in French: it is shown when no translation is written` }), ...shape }, { error: `expected ${what} per language, for example {"fr": "…", "ar": "…"}` })
    .strict()
    .transform((t) => Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined && v !== '')) as LocalizedText);
}

const int = (what: string, min: number, max: number) =>
  z.number({ error: `expected ${what} as a number` }).int({ error: `expected ${what} as a whole number` }).min(min, { error: `${what} must be at least ${min}` }).max(max, { error: `${what} must be at most ${max}` });

const version = z.number({ error: 'expected the version you started from (given with the record)' }).int().min(1, { error: 'expected the version you started from (given with the record)' });

export const referentFieldsSchema = z
  .object({
    firstName: z.string({ error: 'expected a first name' }).trim().min(1, { error: 'write the first name the usager will see' }).max(60, { error: 'the first name is too long: keep it under 60 characters' }),
    metier: z.enum(REFERENT_METIERS, { error: `expected a métier, one of ${REFERENT_METIERS.join(', ')}` }),
    gender: z.enum(REFERENT_GENDERS, { error: 'expected "female", "male" or null' }).nullable(),
    place: localizedSchema('the office', 120),
  })
  .strict();

export const createReferentBodySchema = referentFieldsSchema;
export const updateReferentBodySchema = referentFieldsSchema.extend({ version }).strict();
export const archiveBodySchema = z.object({ version, archived: z.boolean({ error: 'expected "archived": true to archive, false to bring back' }) }).strict();

const motifShape = z
  .object({
    name: localizedSchema('the name', 80),
    description: localizedSchema('the description', 300),
    durationMinutes: int('the duration in minutes', 5, 240).refine((n) => n % 5 === 0, { error: 'the duration must be a multiple of 5 minutes' }),
    mode: z.enum(MOTIF_MODES, { error: 'expected "on_site" or "phone"' }),
    firstContact: z.boolean({ error: 'expected true (open without a dossier) or false (the follow-up with the dossier’s référent)' }),
    minDelayMinutes: int('the minimum delay in minutes', 0, 10_080),
    maxDelayDays: int('the maximum delay in days', 1, 365),
    changeLimitHours: int('the limit in hours for moving or cancelling', 0, 720),
    metiers: z.array(z.enum(REFERENT_METIERS, { error: `expected métiers among ${REFERENT_METIERS.join(', ')}` })).max(REFERENT_METIERS.length),
    position: int('the position', 0, 1000).optional(),
  })
  .strict();

function motifRules(m: z.infer<typeof motifShape>, ctx: z.RefinementCtx): void {
  // A first contact is taken by whoever has one of its métiers: without any, nobody could be booked.
  if (m.firstContact && m.metiers.length === 0) ctx.addIssue({ code: 'custom', path: ['metiers'], message: 'choose at least one métier: a first contact is taken by the référents of these métiers' });
  if (new Set(m.metiers).size !== m.metiers.length) ctx.addIssue({ code: 'custom', path: ['metiers'], message: 'each métier once' });
  if (m.maxDelayDays * 1440 <= m.minDelayMinutes) ctx.addIssue({ code: 'custom', path: ['maxDelayDays'], message: 'the maximum delay must be longer than the minimum delay' });
}

export const motifFieldsSchema = motifShape.superRefine(motifRules);
export const createMotifBodySchema = motifFieldsSchema;
export const updateMotifBodySchema = motifShape.extend({ version }).strict().superRefine(motifRules);

export const motifParamsSchema = z.object({ motifId: z.string().min(1, { error: 'expected a motif id' }).max(100) }).strict();

export type ReferentFields = z.infer<typeof referentFieldsSchema>;
export type MotifFields = z.infer<typeof motifFieldsSchema>;
