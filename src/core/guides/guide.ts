import { z } from 'zod';

/**
 * A guided démarche: data in kiosk-config/guides/<id>.json, texts in locales/<lang>/guides.json
 * (keyed by guide id). The schema checks the structure; cross-checks with the sites and the
 * texts (allow-lists, step length, freshness) live in checkGuides(), so config:check and the
 * server start say the same thing.
 */
export const ORGANISMS = ['caf', 'impots', 'france-travail', 'franceconnect', 'email'] as const;
export type Organism = (typeof ORGANISMS)[number];

export const BRING_KINDS = ['identifier', 'password', 'document', 'email', 'phone'] as const;
export type BringKind = (typeof BRING_KINDS)[number];

/** FALC: one short instruction a step. Longer texts are refused by config:check. */
export const MAX_STEP_WORDS = 25;
/** Steps not checked against the official site for this long earn a warning. */
export const STALE_AFTER_DAYS = 365;

const slug = (what: string, example: string) =>
  z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { error: `expected a ${what} in lower-case letters, digits and dashes, for example "${example}"` });

export const guideIdSchema = slug('guide id', 'caf-declaration-trimestrielle');

const httpsUrl = z.string().refine(
  (v) => {
    try {
      return new URL(v).protocol === 'https:';
    } catch {
      return false;
    }
  },
  { error: 'expected an https:// address of the official site, for example "https://www.caf.fr/"' },
);

export const guideSchema = z
  .object({
    $schema: z.string().optional(),
    id: guideIdSchema,
    organism: z.enum(ORGANISMS, { error: `expected one of ${ORGANISMS.join(', ')}` }),
    startUrl: httpsUrl,
    durationMinutes: z.number({ error: 'expected a number of minutes, for example 15' }).int({ error: 'expected whole minutes' }).min(1).max(240),
    checked: z
      .object({
        on: z.iso.date({ error: 'expected the date the steps were last checked, as YYYY-MM-DD' }),
        source: z.string().min(1, { error: 'expected the page (or document) the steps were checked against' }),
      })
      .strict(),
    bring: z
      .array(z.object({ id: slug('item id', 'numero-fiscal'), kind: z.enum(BRING_KINDS, { error: `expected one of ${BRING_KINDS.join(', ')}` }) }).strict())
      .max(8, { error: 'expected at most 8 things to bring: keep the list short' }),
    steps: z
      .array(z.object({ id: slug('step id', 'se-connecter'), onSite: z.boolean({ error: 'expected true when the step happens on the official site, false otherwise' }) }).strict())
      .min(1, { error: 'expected at least one step' })
      .max(12, { error: 'expected at most 12 steps: split the démarche into two guides' }),
  })
  .strict()
  .superRefine((guide, ctx) => {
    const unique = (list: { id: string }[], path: string) => {
      const seen = new Set<string>();
      list.forEach((item, i) => {
        if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [path, i, 'id'], message: `"${item.id}" is used twice: give each its own id` });
        seen.add(item.id);
      });
    };
    unique(guide.bring, 'bring');
    unique(guide.steps, 'steps');
  });

export type Guide = z.infer<typeof guideSchema>;

/** The texts of one guide in one language (locales/<lang>/guides.json, under the guide id). */
export interface GuideTexts {
  title?: string;
  need?: string;
  purpose?: string;
  keywords?: string;
  bring?: Record<string, { label?: string; where?: string }>;
  steps?: Record<string, string>;
}

export const wordCount = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;

export function hostOf(url: string): string {
  return new URL(url).host;
}
