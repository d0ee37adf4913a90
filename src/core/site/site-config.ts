import { z } from 'zod';
import { SUPPORTED_LANGUAGES } from '../i18n/languages';

const languageSchema = z.enum(SUPPORTED_LANGUAGES, {
  error: () => `expected one of ${SUPPORTED_LANGUAGES.join(', ')}`,
});

const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a time "HH:MM" (24 h), for example "08:30"' });

const periodSchema = z
  .tuple([hhmm, hhmm])
  .refine(([start, end]) => start < end, { error: 'expected the opening time before the closing time, for example ["08:30", "12:30"]' });

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof DAYS)[number];

const openingHoursSchema = z
  .object(Object.fromEntries(DAYS.map((d) => [d, z.array(periodSchema).default([])])) as Record<Weekday, z.ZodDefault<z.ZodArray<typeof periodSchema>>>)
  .strict();

const localizedTextSchema = z
  .object({ fr: z.string().min(1, { error: 'expected a French text: French is the fallback of every language' }) })
  .catchall(z.string().min(1, { error: 'expected a non-empty text, or remove this language to fall back to French' }))
  .superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (!(SUPPORTED_LANGUAGES as readonly string[]).includes(key)) {
        ctx.addIssue({ code: 'custom', path: [key], message: `unknown language "${key}": expected one of ${SUPPORTED_LANGUAGES.join(', ')}` });
      }
    }
  });

const kioskIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, { error: 'expected lower-case letters, digits and dashes, for example "chatenay-1"' });

export const kioskConfigSchema = z
  .object({
    id: kioskIdSchema,
    label: z.string().min(1, { error: 'expected the label staff see, for example "Poste 1 (près de l\'entrée)"' }),
  })
  .strict();

export const siteConfigSchema = z
  .object({
    $schema: z.string().optional(),
    id: kioskIdSchema,
    name: z.string().min(1, { error: 'expected the pôle\'s name, for example "Pôle social de Châtillon"' }),
    address: z.string().min(1, { error: 'expected the postal address of the pôle' }),
    timezone: z.literal('Europe/Paris', { error: 'expected "Europe/Paris"' }).default('Europe/Paris'),
    languages: z.array(languageSchema).min(1, { error: 'expected at least one language, for example ["fr"]' }),
    defaultLanguage: languageSchema,
    openingHours: openingHoursSchema,
    // Days the pôle is closed whatever its weekly hours say (public holidays, a closure), as Paris dates.
    closedDays: z
      .array(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'expected a date "YYYY-MM-DD", for example "2026-12-25"' }))
      .default([]),
    // A new pôle may have no kiosk yet: « Ajouter une borne » adds them from the console.
    kiosks: z.array(kioskConfigSchema).default([]),
    help: z
      .object({
        escalationMinutes: z.number({ error: 'expected a number of minutes, for example 5' }).positive({ error: 'expected a number of minutes greater than 0, for example 5' }).max(120, { error: 'expected at most 120 minutes' }),
        expiryMinutes: z.number({ error: 'expected a number of minutes, for example 30' }).positive({ error: 'expected a number of minutes greater than 0, for example 30' }).max(480, { error: 'expected at most 480 minutes' }),
        fallback: localizedTextSchema,
        // Inactivity pauses only while a médiateur has claimed the call and walks over, and never longer than this.
        claimedPauseMinutes: z.number({ error: 'expected a number of minutes, for example 10' }).positive({ error: 'expected a number of minutes greater than 0, for example 10' }).max(60, { error: 'expected at most 60 minutes' }).default(10),
        // The console rings again at this interval until someone claims the call.
        ringIntervalSeconds: z.number({ error: 'expected a number of seconds, for example 30' }).int({ error: 'expected whole seconds' }).min(5, { error: 'expected at least 5 seconds between rings' }).max(600, { error: 'expected at most 600 seconds' }).default(30),
        // A waiting call from a kiosk that went offline expires on its own after this.
        offlineExpiryMinutes: z.number({ error: 'expected a number of minutes, for example 5' }).positive({ error: 'expected a number of minutes greater than 0, for example 5' }).max(120, { error: 'expected at most 120 minutes' }).default(5),
      })
      .strict()
      .refine((h) => h.expiryMinutes > h.escalationMinutes, { error: 'expected expiryMinutes greater than escalationMinutes', path: ['expiryMinutes'] }),
    // The official sites this pôle's kiosks may open (the guides' sites and their login pages).
    allowedHosts: z
      .array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, { error: 'expected a host name, for example "www.caf.fr"' }))
      .default([]),
    // What the locked-down browser lets a usager do on official sites (npm run kiosk -- policy).
    browser: z
      .object({
        printing: z.boolean({ error: 'expected true or false: may usagers print from the official sites?' }).default(true),
        downloads: z.boolean({ error: 'expected true or false: may usagers download files (they stay on the kiosk until its profile is wiped)?' }).default(false),
      })
      .strict()
      .default({ printing: true, downloads: false }),
    // The guides offered under « Démarches en ligne », by id (kiosk-config/guides/<id>.json).
    guides: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { error: 'expected a guide id, for example "caf-declaration-trimestrielle"' })).default([]),
    // Limits that keep one person or one kiosk from taking the référents' slots (field test: 15 in 136 ms).
    booking: z
      .object({
        maxLivePerPhone: z.number().int({ error: 'expected a whole number' }).min(1, { error: 'expected at least 1 live booking per phone number' }).max(20, { error: 'expected at most 20' }).default(2),
        maxLivePerDossier: z.number().int({ error: 'expected a whole number' }).min(1, { error: 'expected at least 1 live booking per dossier' }).max(20, { error: 'expected at most 20' }).default(3),
        maxPerKioskPerHour: z.number().int({ error: 'expected a whole number' }).min(1, { error: 'expected at least 1 booking per kiosk and hour' }).max(200, { error: 'expected at most 200' }).default(12),
      })
      .strict()
      .default({ maxLivePerPhone: 2, maxLivePerDossier: 3, maxPerKioskPerHour: 12 }),
    // « Parc des bornes »: a kiosk offline this long while the pôle is open raises an alert for its admins.
    fleet: z
      .object({
        offlineAlertMinutes: z.number({ error: 'expected a number of minutes, for example 10' }).int({ error: 'expected whole minutes' }).min(1, { error: 'expected at least 1 minute' }).max(240, { error: 'expected at most 240 minutes' }).default(10),
      })
      .strict()
      .default({ offlineAlertMinutes: 10 }),
    // « Écouter »: the pôle's volume (0.2 to 1), where every session starts and goes back to at its end.
    speech: z
      .object({
        volume: z.number({ error: 'expected a volume from 0.2 to 1, for example 0.8' }).min(0.2, { error: 'expected at least 0.2: quieter, people would not hear' }).max(1, { error: 'expected at most 1 (the loudest)' }).default(0.8),
      })
      .strict()
      .default({ volume: 0.8 }),
    idle: z
      .object({
        warningAfterSeconds: z.number().int({ error: 'expected whole seconds' }).min(30, { error: 'expected at least 30 seconds of inactivity before the warning' }).max(1800, { error: 'expected at most 1800 seconds' }),
        // RGAA 13.1: the usager must get at least 20 s to ask for more time.
        answerSeconds: z.number().int({ error: 'expected whole seconds' }).min(20, { error: 'expected at least 20 seconds to answer the warning (RGAA 13.1)' }).max(300, { error: 'expected at most 300 seconds' }),
      })
      .strict(),
  })
  .strict()
  .superRefine((site, ctx) => {
    if (!site.languages.includes(site.defaultLanguage)) {
      ctx.addIssue({ code: 'custom', path: ['defaultLanguage'], message: `expected one of this site's languages (${site.languages.join(', ')})` });
    }
    const seen = new Set<string>();
    site.kiosks.forEach((k, i) => {
      if (seen.has(k.id)) ctx.addIssue({ code: 'custom', path: ['kiosks', i, 'id'], message: `kiosk id "${k.id}" is used twice: give each kiosk its own id` });
      seen.add(k.id);
    });
  });

export type SiteConfig = z.infer<typeof siteConfigSchema>;
export type KioskConfig = z.infer<typeof kioskConfigSchema>;

/** What a kiosk needs to know of its site: public, cached offline, no personal data. */
export interface KioskSiteView {
  site: { id: string; name: string; address: string; languages: SiteConfig['languages']; defaultLanguage: SiteConfig['defaultLanguage'] };
  kiosk: { id: string; label: string };
  help: { escalationMinutes: number; fallback: SiteConfig['help']['fallback']; claimedPauseMinutes: number };
  idle: SiteConfig['idle'];
  /** Europe/Paris wall-clock hours: outside them the kiosk says when the pôle opens, never "go to the accueil". */
  openingHours: SiteConfig['openingHours'];
  /** Paris dates the pôle is closed whatever its hours say (absent in a view cached by an older version). */
  closedDays?: string[];
  /** The guides offered here, in the order the site lists them. */
  guides: string[];
  /** « Écouter »: the pôle's volume, restored at every session end (absent in a view cached by an older version). */
  speech?: SiteConfig['speech'];
  /** Set by « Mettre hors service »: the message for usagers ({fr, en?, ar?}); null or absent in service. */
  outOfService?: ({ fr: string } & Partial<Record<SiteConfig['defaultLanguage'], string>>) | null;
}

export function kioskSiteView(site: SiteConfig, kioskId: string): KioskSiteView | undefined {
  const kiosk = site.kiosks.find((k) => k.id === kioskId);
  if (!kiosk) return undefined;
  return {
    site: { id: site.id, name: site.name, address: site.address, languages: site.languages, defaultLanguage: site.defaultLanguage },
    kiosk: { id: kiosk.id, label: kiosk.label },
    help: { escalationMinutes: site.help.escalationMinutes, fallback: site.help.fallback, claimedPauseMinutes: site.help.claimedPauseMinutes },
    idle: site.idle,
    openingHours: site.openingHours,
    closedDays: [...site.closedDays],
    guides: [...site.guides],
    speech: { volume: site.speech.volume },
  };
}
