import { z } from 'zod';
import { BRING_KINDS, ORGANISMS } from './guide';

// The guide file's validator, apart from guide.ts so the kiosk (types and constants only) does not carry zod.
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
