import type { Db } from '../store/db';

export type StaffRole = 'mediateur' | 'admin';

export interface StaffUser {
  id: string;
  username: string;
  firstName: string;
  role: StaffRole;
}

export async function findStaffByUsername(db: Db, username: string): Promise<(StaffUser & { passwordHash: string }) | undefined> {
  const r = await db.selectFrom('staff_users').selectAll().where('username', '=', username).where('disabled_at', 'is', null).executeTakeFirst();
  return r ? { id: r.id, username: r.username, firstName: r.first_name, role: r.role, passwordHash: r.password_hash } : undefined;
}

export async function insertStaff(db: Db, user: StaffUser, passwordHash: string, at: Date): Promise<void> {
  await db
    .insertInto('staff_users')
    .values({ id: user.id, username: user.username, first_name: user.firstName, role: user.role, password_hash: passwordHash, created_at: at.toISOString(), disabled_at: null })
    .execute();
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
  return r ? { id: r.id, username: r.username, firstName: r.first_name, role: r.role } : undefined;
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('staff_sessions').where('expires_at', '<=', now.toISOString()).execute();
}
