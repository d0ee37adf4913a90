import { z } from 'zod';
import type { StaffRole } from '../auth/policy';

export const loginBodySchema = z
  .object({
    username: z.string().trim().min(1, { error: 'enter your username' }).max(64, { error: 'a username has at most 64 characters' }),
    password: z.string().min(1, { error: 'enter your password' }).max(256, { error: 'a password has at most 256 characters' }),
  })
  .strict();

export const dutyBodySchema = z
  .object({
    siteId: z.string().min(1, { error: 'expected the id of a site, for example "chatillon"' }).nullable(),
  })
  .strict();

export interface StaffMe {
  id: string;
  username: string;
  firstName: string;
  role: StaffRole;
  /** The pôles the person belongs to (an admin département acts on all of them). */
  siteIds: string[];
  dutySiteId: string | null;
}

export interface SiteSummary {
  id: string;
  name: string;
}
