import { z } from 'zod';
import { KIOSK_SCREENS } from '../help/help-call';
import { SUPPORTED_LANGUAGES } from '../i18n/languages';

/** What a kiosk reports of itself: the console shows it; nothing about the usager. */
export const kioskStateBodySchema = z
  .object({
    inSession: z.boolean({ error: 'expected true or false' }),
    screen: z.enum(KIOSK_SCREENS, { error: `expected one of ${KIOSK_SCREENS.join(', ')}` }),
    language: z.enum(SUPPORTED_LANGUAGES, { error: `expected one of ${SUPPORTED_LANGUAGES.join(', ')}` }),
    /** The guide open and its step (1-based), when the usager follows one. */
    guide: z
      .object({
        id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { error: 'expected a guide id, for example "caf-declaration-trimestrielle"' }),
        step: z.number().int({ error: 'expected a whole step number' }).min(0, { error: 'expected 0 (before starting) or a step number from 1' }).max(50),
      })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();
export type KioskStateBody = z.infer<typeof kioskStateBodySchema>;

export const siteParamsSchema = z.object({ siteId: z.string().min(1, { error: 'expected a site id, for example "chatillon"' }) }).strict();

export const kioskParamsSchema = z.object({ kioskId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, { error: 'expected a kiosk id, for example "chatillon-1"' }) }).strict();
