import { z } from 'zod';
import { SUPPORTED_LANGUAGES } from './languages';
import { MAX_SPEAKABLE_KEY_LENGTH, MAX_SPEAKABLE_NUMBER, parseSpeakableKey } from './speakable';

// The speech API's validators, apart from speakable.ts so the kiosk does not carry zod.
const countSchema = z.coerce
  .number({ error: `expected a whole number from 0 to ${MAX_SPEAKABLE_NUMBER}` })
  .int({ error: 'expected a whole number' })
  .min(0, { error: 'expected 0 or more' })
  .max(MAX_SPEAKABLE_NUMBER, { error: `expected at most ${MAX_SPEAKABLE_NUMBER}` })
  .optional();

/** GET /api/kiosk/speech: a key of the locales, its language, and its non-personal counts only. */
export const speechQuerySchema = z
  .object({
    lang: z.enum(SUPPORTED_LANGUAGES, { error: `expected one of ${SUPPORTED_LANGUAGES.join(', ')}` }),
    key: z
      .string({ error: 'expected a text key, for example "home.title"' })
      .max(MAX_SPEAKABLE_KEY_LENGTH, { error: `expected at most ${MAX_SPEAKABLE_KEY_LENGTH} characters` })
      .refine((k) => parseSpeakableKey(k) !== null, { error: 'expected a text key of the kiosk, for example "home.title" or "guides:caf-rsa.steps.demande"' }),
    count: countSchema,
    n: countSchema,
    total: countSchema,
  })
  .strict();

export const speechFileParamsSchema = z
  .object({
    lang: z.enum(SUPPORTED_LANGUAGES, { error: `expected one of ${SUPPORTED_LANGUAGES.join(', ')}` }),
    file: z.string().regex(/^[0-9a-f]{24,32}\.(ogg|mp3|wav)$/, { error: 'expected an audio file name given by /api/kiosk/speech' }),
  })
  .strict();
