import { z } from 'zod';

/**
 * Enrolment codes: what an admin reads out or types on a new kiosk PC, once, within 15 minutes.
 * Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L, no U/V pair to misread:
 * 29 signs),
 * shown as two groups of four ("K7M4-9QXR"); accepted with or without the dash, in any case.
 * 29^8 ≈ 5·10^11 codes: with trying rate-limited, guessing a live one is out of reach.
 */
export const ENROLMENT_ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ23456789';
export const ENROLMENT_CODE_LENGTH = 8;
export const ENROLMENT_CODE_MINUTES = 15;

/** "k7m4 9qxr", "K7M4-9QXR" → "K7M4-9QXR"; null when it cannot be a code (wrong length, a letter we never use). */
export function normaliseEnrolmentCode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== ENROLMENT_CODE_LENGTH) return null;
  for (const ch of compact) if (!ENROLMENT_ALPHABET.includes(ch)) return null;
  return formatEnrolmentCode(compact);
}

/** The shown form: two groups of four, easier to read aloud and to type. */
export function formatEnrolmentCode(compact: string): string {
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

const FORMAT_MESSAGE = `expected the enrolment code shown in « Parc des bornes »: ${ENROLMENT_CODE_LENGTH} letters and digits, for example "K7M4-9QXR" (the dash is optional)`;

export const enrolmentCodeSchema = z
  .string({ error: FORMAT_MESSAGE })
  .max(32, { error: FORMAT_MESSAGE })
  .refine((v) => normaliseEnrolmentCode(v) !== null, { error: FORMAT_MESSAGE })
  .transform((v) => normaliseEnrolmentCode(v)!);

export const redeemEnrolmentBodySchema = z.object({ code: enrolmentCodeSchema }).strict();

export const addKioskBodySchema = z
  .object({
    label: z
      .string({ error: 'expected the label staff see, for example "Poste 1 (près de l\'entrée)"' })
      .trim()
      .min(1, { error: 'expected the label staff see, for example "Poste 1 (près de l\'entrée)"' })
      .max(80, { error: 'expected at most 80 characters: staff read it in a list' }),
  })
  .strict();

export interface EnrolKioskView {
  id: string;
  label: string;
  siteId: string;
}

/** What the console shows after « Ajouter une borne » or « Nouveau code d'enregistrement ». */
export interface EnrolmentCodeView {
  kiosk: EnrolKioskView;
  /** The code in its shown form ("K7M4-9QXR"). Only this answer ever carries it. */
  code: string;
  expiresAt: string;
  /** `<origin>/kiosk/#enrol=CODE`: the kiosk browser's way (also the QR code's content). */
  enrolUrl: string;
}

/** The one answer that carries a device token: given once, to the PC that redeemed the code. */
export interface EnrolmentRedeemed {
  token: string;
  kiosk: EnrolKioskView;
}
