import { z } from 'zod';
import { STAFF_ROLES, type StaffRole } from '../auth/policy';

/**
 * « Comptes »: what the console sends and receives about staff accounts. The rules that need
 * the database (unique username, pôles that exist, the last admin département) are the
 * server's; these are the ones a form can check on its own.
 */

/** The CLI's rule too (src/server/auth/staff-cli.ts): what a person types to sign in. */
export const USERNAME_PATTERN = /^[a-z0-9._-]{2,64}$/;
/** The CLI's rule too: long enough that a guess costs more than the throttle allows. */
export const PASSWORD_MIN_LENGTH = 10;
/** How long a setup link stays valid: a long weekend between the admin and the person. */
export const SETUP_CODE_HOURS = 72;

const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(USERNAME_PATTERN, { error: 'expected 2 to 64 lower-case letters, digits, dots, dashes or underscores, for example "k.benali"' });
const firstName = z.string().trim().min(1, { error: 'enter the first name usagers will see on the kiosk' }).max(64, { error: 'a first name has at most 64 characters' });
const role = z.enum(STAFF_ROLES, { error: `expected one of ${STAFF_ROLES.join(', ')}` });
const siteIds = z.array(z.string().min(1).max(64), { error: 'expected a list of pôle ids' }).max(100);

export const accountCreateSchema = z.object({ username, firstName, role, siteIds }).strict();
export const accountUpdateSchema = z.object({ firstName, role, siteIds, version: z.number({ error: 'expected the version of the account as it was read' }).int().min(1) }).strict();
export const accountParamsSchema = z.object({ id: z.string().min(1).max(64) }).strict();
export const setupParamsSchema = z.object({ code: z.string().min(1).max(64) }).strict();
export const setupBodySchema = z
  .object({
    code: z.string().min(1, { error: 'enter the code of your setup link' }).max(64),
    password: z
      .string()
      .min(PASSWORD_MIN_LENGTH, { error: `a password has at least ${PASSWORD_MIN_LENGTH} characters` })
      .max(256, { error: 'a password has at most 256 characters' }),
  })
  .strict();

export type AccountCreate = z.infer<typeof accountCreateSchema>;
export type AccountUpdate = z.infer<typeof accountUpdateSchema>;

export interface AccountView {
  id: string;
  username: string;
  firstName: string;
  role: StaffRole;
  siteIds: string[];
  disabled: boolean;
  /** False while the person has not chosen their password from their setup link. */
  hasPassword: boolean;
  /** When their setup link stops working (null: none pending). */
  setupExpiresAt: string | null;
  version: number;
  createdAt: string;
}

/** Shown once to the admin who made it: the server keeps only a keyed hash of the code. */
export interface SetupLink {
  code: string;
  url: string;
  expiresAt: string;
}

export interface AccountWithSetup {
  account: AccountView;
  setup: SetupLink;
}

/** What the setup screen shows before the person chooses a password. */
export interface SetupInfo {
  username: string;
  firstName: string;
  expiresAt: string;
}

/** Codes are typed from a screen or a phone call: no I, L, O, U; dashes and case do not matter. */
export function normalizeSetupCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}
