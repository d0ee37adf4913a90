import { randomUUID } from 'node:crypto';
import type { AccountView } from '../../core/api/accounts';
import type { StaffRole } from '../../core/auth/policy';
import type { Db } from '../store/db';

/**
 * « Comptes » in the database: staff_users and their pôles (staff_sites), the one-time setup
 * codes (only their keyed hash) and the wrong codes per address. password_hash '' means the
 * person has not chosen a password yet; sign-in never accepts it.
 */
export interface AccountRow {
  id: string;
  username: string;
  firstName: string;
  role: StaffRole;
  siteIds: string[];
  disabled: boolean;
  hasPassword: boolean;
  version: number;
  createdAt: string;
}

export async function listAccountRows(db: Db, now: Date): Promise<AccountView[]> {
  const users = await db.selectFrom('staff_users').select(['id', 'username', 'first_name', 'role', 'password_hash', 'disabled_at', 'version', 'created_at']).orderBy('username').execute();
  const sites = await db.selectFrom('staff_sites').select(['staff_id', 'site_id']).orderBy('site_id').execute();
  const codes = await db
    .selectFrom('account_setup_codes')
    .select(['staff_id', 'expires_at'])
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .execute();
  const sitesOf = new Map<string, string[]>();
  for (const s of sites) sitesOf.set(s.staff_id, [...(sitesOf.get(s.staff_id) ?? []), s.site_id]);
  const codeOf = new Map(codes.map((c) => [c.staff_id, c.expires_at]));
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    firstName: u.first_name,
    role: u.role,
    siteIds: sitesOf.get(u.id) ?? [],
    disabled: u.disabled_at !== null,
    hasPassword: u.password_hash !== '',
    setupExpiresAt: codeOf.get(u.id) ?? null,
    version: u.version,
    createdAt: u.created_at,
  }));
}

export async function findAccount(db: Db, id: string, now: Date): Promise<AccountView | undefined> {
  // A département has a few dozen accounts: reading them all keeps one way of building a view.
  return (await listAccountRows(db, now)).find((a) => a.id === id);
}

export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  // Disabled accounts keep their username: the audit names them, and a re-enabled one must still sign in.
  return (await db.selectFrom('staff_users').select('id').where('username', '=', username).executeTakeFirst()) !== undefined;
}

export async function countActiveDepartementAdmins(db: Db): Promise<number> {
  const r = await db
    .selectFrom('staff_users')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('role', '=', 'admin_departement')
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Saves name, role and pôles if the account is still at `version`; false when someone saved first. */
export async function updateAccountRow(db: Db, id: string, change: { firstName: string; role: StaffRole; siteIds: string[] }, version: number): Promise<boolean> {
  // Inside the caller's transaction when there is one (the last-admin guard's lock).
  const inTransaction = <T>(work: (trx: Db) => Promise<T>) => (db.isTransaction ? work(db) : db.transaction().execute(work));
  return inTransaction(async (trx) => {
    const r = await trx
      .updateTable('staff_users')
      .set((eb) => ({ first_name: change.firstName, role: change.role, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    await trx.deleteFrom('staff_sites').where('staff_id', '=', id).execute();
    if (change.siteIds.length) await trx.insertInto('staff_sites').values(change.siteIds.map((site_id) => ({ staff_id: id, site_id }))).execute();
    return true;
  });
}

export async function setDisabled(db: Db, id: string, at: Date | null): Promise<void> {
  await db
    .updateTable('staff_users')
    .set((eb) => ({ disabled_at: at ? at.toISOString() : null, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** '' clears it (« Forcer un nouveau mot de passe »): the old password stops working at once. */
export async function setPasswordHash(db: Db, id: string, hash: string): Promise<void> {
  await db
    .updateTable('staff_users')
    .set((eb) => ({ password_hash: hash, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function deleteSessionsOf(db: Db, staffId: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('staff_id', '=', staffId).execute();
}

/** One pending code per account: a new one replaces any earlier one. */
export async function replaceSetupCode(db: Db, staffId: string, codeHash: string, createdBy: string | null, at: Date, expiresAt: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('account_setup_codes').where('staff_id', '=', staffId).where('used_at', 'is', null).execute();
    await trx
      .insertInto('account_setup_codes')
      .values({ code_hash: codeHash, staff_id: staffId, created_at: at.toISOString(), expires_at: expiresAt.toISOString(), used_at: null, created_by: createdBy })
      .execute();
  });
}

export async function deletePendingCodes(db: Db, staffId: string): Promise<void> {
  await db.deleteFrom('account_setup_codes').where('staff_id', '=', staffId).where('used_at', 'is', null).execute();
}

/** The account a code opens, when it is unused, unexpired and the account is enabled. */
export async function findUsableCode(db: Db, codeHash: string, now: Date): Promise<{ staffId: string; username: string; firstName: string; expiresAt: string } | undefined> {
  const r = await db
    .selectFrom('account_setup_codes')
    .innerJoin('staff_users', 'staff_users.id', 'account_setup_codes.staff_id')
    .select(['staff_users.id', 'staff_users.username', 'staff_users.first_name', 'account_setup_codes.expires_at'])
    .where('account_setup_codes.code_hash', '=', codeHash)
    .where('account_setup_codes.used_at', 'is', null)
    .where('account_setup_codes.expires_at', '>', now.toISOString())
    .where('staff_users.disabled_at', 'is', null)
    .executeTakeFirst();
  return r ? { staffId: r.id, username: r.username, firstName: r.first_name, expiresAt: r.expires_at } : undefined;
}

/** Uses the code and sets the password together; false when the code was used meanwhile. */
export async function consumeCode(db: Db, codeHash: string, staffId: string, passwordHash: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('account_setup_codes')
      .set({ used_at: now.toISOString() })
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now.toISOString())
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    await trx
      .updateTable('staff_users')
      .set((eb) => ({ password_hash: passwordHash, version: eb('version', '+', 1) }))
      .where('id', '=', staffId)
      .execute();
    return true;
  });
}

export async function recentSetupFailures(db: Db, address: string, since: Date): Promise<string[]> {
  const rows = await db.selectFrom('account_setup_failures').select('at').where('address', '=', address).where('at', '>', since.toISOString()).orderBy('at', 'asc').execute();
  return rows.map((r) => r.at);
}

export async function recordSetupFailure(db: Db, address: string, now: Date, forgetBefore: Date): Promise<void> {
  await db.insertInto('account_setup_failures').values({ id: randomUUID(), address, at: now.toISOString() }).execute();
  await db.deleteFrom('account_setup_failures').where('at', '<=', forgetBefore.toISOString()).execute();
}
