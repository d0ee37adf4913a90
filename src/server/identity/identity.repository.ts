import { randomUUID } from 'node:crypto';
import type { Db } from '../store/db';

export async function recordAttempt(db: Db, kioskId: string, dossierKey: string, success: boolean, at: Date): Promise<void> {
  await db.insertInto('identification_attempts').values({ id: randomUUID(), kiosk_id: kioskId, dossier_key: dossierKey, success: success ? 1 : 0, at: at.toISOString() }).execute();
}

/** Failures since `since`, for one dossier (all kiosks) and for one kiosk (all dossiers). */
export async function countFailures(db: Db, by: { dossierKey?: string; kioskId?: string }, since: Date): Promise<number> {
  let q = db.selectFrom('identification_attempts').select((eb) => eb.fn.countAll().as('n')).where('success', '=', 0).where('at', '>=', since.toISOString());
  if (by.dossierKey) q = q.where('dossier_key', '=', by.dossierKey);
  if (by.kioskId) q = q.where('kiosk_id', '=', by.kioskId);
  return Number((await q.executeTakeFirst())?.n ?? 0);
}

/** The most recent failures since `since`, newest first, at most `limit` (what a lockout needs to know when it lifts). */
export async function recentFailures(db: Db, by: { dossierKey: string } | { kioskId: string }, since: Date, limit: number): Promise<Date[]> {
  let q = db.selectFrom('identification_attempts').select('at').where('success', '=', 0).where('at', '>=', since.toISOString());
  q = 'dossierKey' in by ? q.where('dossier_key', '=', by.dossierKey) : q.where('kiosk_id', '=', by.kioskId);
  return (await q.orderBy('at', 'desc').limit(limit).execute()).map((r) => new Date(r.at));
}

/** Attempts older than the lockout window serve nothing any more: they are deleted. */
export async function purgeAttempts(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('identification_attempts').where('at', '<', before.toISOString()).execute();
}

export async function countAttempts(db: Db, kioskId: string, since: Date): Promise<number> {
  const r = await db.selectFrom('identification_attempts').select((eb) => eb.fn.countAll().as('n')).where('kiosk_id', '=', kioskId).where('at', '>=', since.toISOString()).executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function insertUsagerSession(db: Db, row: { tokenHash: string; kioskId: string; dossierId: string; at: Date; expiresAt: Date }): Promise<void> {
  await db
    .insertInto('usager_sessions')
    .values({ token_hash: row.tokenHash, kiosk_id: row.kioskId, dossier_id: row.dossierId, created_at: row.at.toISOString(), expires_at: row.expiresAt.toISOString(), ended_at: null })
    .execute();
}

export async function findLiveSession(db: Db, tokenHash: string, now: Date): Promise<{ kioskId: string; dossierId: string } | undefined> {
  const r = await db
    .selectFrom('usager_sessions')
    .select(['kiosk_id', 'dossier_id'])
    .where('token_hash', '=', tokenHash)
    .where('ended_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return r ? { kioskId: r.kiosk_id, dossierId: r.dossier_id } : undefined;
}

/** Ends every open usager session of a kiosk; returns the dossiers whose session ended. */
export async function endKioskSessions(db: Db, kioskId: string, at: Date): Promise<string[]> {
  const open = await db.selectFrom('usager_sessions').select('dossier_id').where('kiosk_id', '=', kioskId).where('ended_at', 'is', null).execute();
  if (open.length) await db.updateTable('usager_sessions').set({ ended_at: at.toISOString() }).where('kiosk_id', '=', kioskId).where('ended_at', 'is', null).execute();
  return open.map((o) => o.dossier_id);
}

export type AuditAction = 'identify' | 'lockout' | 'session_end' | 'booking' | 'booking_move' | 'booking_cancel';
export type AuditOutcome = 'success' | 'failure' | 'locked' | 'blocked' | 'ended';

/** Kiosk, dossier id, time and outcome: never a name, a number typed or a date of birth. */
export async function audit(db: Db, entry: { kioskId: string | null; dossierId: string | null; action: AuditAction; outcome: AuditOutcome; at: Date }): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ id: randomUUID(), at: entry.at.toISOString(), kiosk_id: entry.kioskId, dossier_id: entry.dossierId, action: entry.action, outcome: entry.outcome })
    .execute();
}
