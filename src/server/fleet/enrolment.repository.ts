import { randomUUID } from 'node:crypto';
import type { Db } from '../store/db';

export interface EnrolmentCodeRow {
  id: string;
  kioskId: string;
  siteId: string;
  expiresAt: string;
  usedAt: string | null;
}

/** Stores a new code (its keyed hash) and retires the kiosk's older unused ones in the same step. */
export async function insertEnrolmentCode(db: Db, row: { codeHash: string; kioskId: string; siteId: string; createdBy: string | null; at: Date; expiresAt: Date }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('enrolment_codes').set({ used_at: row.at.toISOString() }).where('kiosk_id', '=', row.kioskId).where('used_at', 'is', null).execute();
    await trx
      .insertInto('enrolment_codes')
      .values({ id: randomUUID(), code_hash: row.codeHash, kiosk_id: row.kioskId, site_id: row.siteId, created_by: row.createdBy, created_at: row.at.toISOString(), expires_at: row.expiresAt.toISOString(), used_at: null })
      .execute();
  });
}

export async function findEnrolmentCode(db: Db, codeHash: string): Promise<EnrolmentCodeRow | undefined> {
  const r = await db.selectFrom('enrolment_codes').select(['id', 'kiosk_id', 'site_id', 'expires_at', 'used_at']).where('code_hash', '=', codeHash).executeTakeFirst();
  return r ? { id: r.id, kioskId: r.kiosk_id, siteId: r.site_id, expiresAt: r.expires_at, usedAt: r.used_at } : undefined;
}

/** Marks a code used; false when someone used it first (two PCs racing on one code: one wins). */
export async function useEnrolmentCode(db: Db, id: string, at: Date): Promise<boolean> {
  const result = await db.updateTable('enrolment_codes').set({ used_at: at.toISOString() }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A revoked kiosk: its codes go with it (a code still unused must not bring it back). */
export async function deleteKioskEnrolment(db: Db, kioskId: string): Promise<void> {
  await db.deleteFrom('enrolment_codes').where('kiosk_id', '=', kioskId).execute();
  await db.deleteFrom('kiosks').where('id', '=', kioskId).execute();
}

export async function recordEnrolmentFailure(db: Db, addressKey: string, at: Date): Promise<void> {
  await db.insertInto('enrolment_failures').values({ id: randomUUID(), address_key: addressKey, at: at.toISOString() }).execute();
}

/** The times of the newest `limit` failures younger than `since` (of one address, or of everyone), newest first. */
export async function recentEnrolmentFailures(db: Db, scope: { addressKey?: string }, since: Date, limit: number): Promise<Date[]> {
  let q = db.selectFrom('enrolment_failures').select('at').where('at', '>', since.toISOString());
  if (scope.addressKey !== undefined) q = q.where('address_key', '=', scope.addressKey);
  const rows = await q.orderBy('at', 'desc').limit(limit).execute();
  return rows.map((r) => new Date(r.at));
}

/** Forgets what no longer counts: failures out of the window, codes long expired. */
export async function purgeEnrolment(db: Db, failuresBefore: Date, codesBefore: Date): Promise<void> {
  await db.deleteFrom('enrolment_failures').where('at', '<', failuresBefore.toISOString()).execute();
  await db.deleteFrom('enrolment_codes').where('expires_at', '<', codesBefore.toISOString()).execute();
}
