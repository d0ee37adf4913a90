import { z } from 'zod';
import { LANGUAGES, SOURCE_LANGUAGE, SUPPORTED_LANGUAGES, type Language } from '../i18n/languages';

/**
 * Remote actions on a kiosk (issue 10 item 5): what the console sends, what the kiosk receives
 * on its stream and acknowledges, and what the console shows of each. Nothing here is about a usager.
 */
export const COMMAND_KINDS = ['reset', 'reload', 'out_of_service', 'back_in_service'] as const;
export type CommandKind = (typeof COMMAND_KINDS)[number];

/** sent → acknowledged (the kiosk got it) → done (applied); or expired (not applied in time). */
export const COMMAND_STATUSES = ['sent', 'acknowledged', 'done', 'expired'] as const;
export type CommandStatus = (typeof COMMAND_STATUSES)[number];

/** How long a command waits for its kiosk: a kiosk back after that does not reset or reload out of the blue. */
export const COMMAND_TTL_MS = 2 * 60_000;

/** A text for usagers in French, and optionally in the kiosk's other languages. */
export type CommandMessage = { fr: string } & Partial<Record<Exclude<Language, 'fr'>, string>>;

const messageText = (lang: string) =>
  z
    .string({ error: `expected the message in ${lang} as text` })
    .trim()
    .min(1, { error: `expected a message in ${lang}, or leave this language out to fall back to French` })
    .max(500, { error: 'expected at most 500 characters: a usager reads it standing at the kiosk' });

type OtherLanguage = Exclude<Language, 'fr'>;
const otherLanguageTexts = Object.fromEntries(
  SUPPORTED_LANGUAGES.filter((l): l is OtherLanguage => l !== SOURCE_LANGUAGE).map((l) => [l, messageText(LANGUAGES[l].frenchName).optional()]),
) as Record<OtherLanguage, z.ZodOptional<ReturnType<typeof messageText>>>;

/** French required; every other language of the table optional. */
export const commandMessageSchema = z.object({ fr: messageText('French'), ...otherLanguageTexts }).strict();

export const commandBodySchema = z
  .object({
    kind: z.enum(COMMAND_KINDS, { error: `expected one of ${COMMAND_KINDS.join(', ')}` }),
    message: commandMessageSchema.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.kind === 'out_of_service' && !body.message) ctx.addIssue({ code: 'custom', path: ['message'], message: 'expected a message for usagers, at least in French ({ "fr": "…" }): the kiosk shows it while out of service' });
    if (body.kind !== 'out_of_service' && body.message) ctx.addIssue({ code: 'custom', path: ['message'], message: 'only « Mettre hors service » (out_of_service) takes a message: leave it out' });
  });
export type CommandBody = z.infer<typeof commandBodySchema>;

export const commandAckSchema = z
  .object({ status: z.enum(['acknowledged', 'done'], { error: 'expected "acknowledged" (received) or "done" (applied)' }) })
  .strict();

export const commandParamsSchema = z.object({ id: z.string().uuid({ error: 'expected a command id (a UUID)' }) }).strict();

/** What the kiosk's stream carries (the 'command' KioskEvent). */
export interface KioskCommand {
  id: string;
  kind: CommandKind;
  message: CommandMessage | null;
}

/** A command as the console shows it. */
export interface KioskCommandView extends KioskCommand {
  kioskId: string;
  siteId: string;
  status: CommandStatus;
  /** The staff member who sent it (first name only, as the console shows people). */
  byFirstName: string | null;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
}
