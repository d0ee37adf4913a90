import type { Db } from '../store/db';

import type { StaffRole } from '../../core/auth/policy';

export type { StaffRole };

export interface StaffUser {
  id: string;
  username: string;
  firstName: string;
  role: StaffRole;
  /** The pôles the person belongs to (staff_sites). */
  siteIds: string[];
}

export async function staffSiteIds(db: Db, staffId: string): Promise<string[]> {
  const rows = await db.selectFrom('staff_sites').select('site_id').where('staff_id', '=', staffId).orderBy('site_id').execute();
  return rows.map((r) => r.site_id);
}

export async function findStaffByUsername(db: Db, username: string): Promise<(StaffUser & { passwordHash: string }) | undefined> {
  const r = await db.selectFrom('staff_users').selectAll().where('username', '=', username).where('disabled_at', 'is', null).executeTakeFirst();
  return r ? { id: r.id, username: r.username, firstName: r.first_name, role: r.role, siteIds: await staffSiteIds(db, r.id), passwordHash: r.password_hash } : undefined;
}

export async function insertStaff(db: Db, user: StaffUser, passwordHash: string, at: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('staff_users')
      .values({ id: user.id, username: user.username, first_name: user.firstName, role: user.role, password_hash: passwordHash, created_at: at.toISOString(), disabled_at: null })
      .execute();
    if (user.siteIds.length) await trx.insertInto('staff_sites').values(user.siteIds.map((site_id) => ({ staff_id: user.id, site_id }))).execute();
  });
}

export async function countStaff(db: Db): Promise<number> {
  const r = await db.selectFrom('staff_users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function insertSession(db: Db, tokenHash: string, staffId: string, at: Date, expiresAt: Date): Promise<void> {
  await db.insertInto('staff_sessions').values({ token_hash: tokenHash, staff_id: staffId, created_at: at.toISOString(), expires_at: expiresAt.toISOString() }).execute();
}

export async function findSessionUser(db: Db, tokenHash: string, now: Date): Promise<StaffUser | undefined> {
  const r = await db
    .selectFrom('staff_sessions')
    .innerJoin('staff_users', 'staff_users.id', 'staff_sessions.staff_id')
    .select(['staff_users.id', 'staff_users.username', 'staff_users.first_name', 'staff_users.role'])
    .where('staff_sessions.token_hash', '=', tokenHash)
    .where('staff_sessions.expires_at', '>', now.toISOString())
    .where('staff_users.disabled_at', 'is', null)
    .executeTakeFirst();
  return r ? { id: r.id, username: r.username, firstName: r.first_name, role: r.role, siteIds: await staffSiteIds(db, r.id) } : undefined;
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('staff_sessions').where('expires_at', '<=', now.toISOString()).execute();
}
