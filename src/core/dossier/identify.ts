import { z } from 'zod';

/** Dossier numbers as printed on the pôle's courriers: 8 digits. */
export const DOSSIER_NUMBER = /^\d{8}$/;

/** A real calendar date, in the past, after 1900: "2024-02-30" or a future birth date is refused. */
export function isPlausibleBirthDate(iso: string, today: Date): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return false;
  return y >= 1900 && date.getTime() <= today.getTime();
}

export const identifyByNumberBodySchema = z
  .object({
    dossierNumber: z.string().regex(DOSSIER_NUMBER, { error: 'expected the 8-digit dossier number printed on the courrier, for example "10000001"' }),
    birthDate: z
      .string()
      .refine((v) => isPlausibleBirthDate(v, new Date()), { error: 'expected a real date of birth as YYYY-MM-DD, for example "1985-03-14"' }),
  })
  .strict();

export const identifyByCodeBodySchema = z
  .object({
    code: z.string().min(1, { error: 'expected the text of the code scanned on the courrier' }).max(512, { error: 'this code is too long to be a Borne courrier code' }),
  })
  .strict();
