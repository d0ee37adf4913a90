import type { DutyMember } from '../../core/realtime/events';
import type { Db } from '../store/db';

/** A médiateur is on duty at one site at a time; marking a new site moves them. */
export async function setDuty(db: Db, staffId: string, siteId: string, at: Date): Promise<string | undefined> {
  const previous = await db.selectFrom('staff_duty').select('site_id').where('staff_id', '=', staffId).executeTakeFirst();
  if (previous) await db.updateTable('staff_duty').set({ site_id: siteId, since: at.toISOString() }).where('staff_id', '=', staffId).execute();
  else await db.insertInto('staff_duty').values({ staff_id: staffId, site_id: siteId, since: at.toISOString() }).execute();
  return previous?.site_id;
}

export async function clearDuty(db: Db, staffId: string): Promise<string | undefined> {
  const previous = await db.selectFrom('staff_duty').select('site_id').where('staff_id', '=', staffId).executeTakeFirst();
  if (previous) await db.deleteFrom('staff_duty').where('staff_id', '=', staffId).execute();
  return previous?.site_id;
}

export async function dutyOf(db: Db, staffId: string): Promise<string | undefined> {
  const row = await db.selectFrom('staff_duty').select('site_id').where('staff_id', '=', staffId).executeTakeFirst();
  return row?.site_id;
}

export async function listDuty(db: Db, siteId: string): Promise<DutyMember[]> {
  const rows = await db
    .selectFrom('staff_duty')
    .innerJoin('staff_users', 'staff_users.id', 'staff_duty.staff_id')
    .select(['staff_duty.staff_id', 'staff_users.first_name', 'staff_duty.since'])
    .where('staff_duty.site_id', '=', siteId)
    .orderBy('staff_duty.since')
    .execute();
  return rows.map((r) => ({ staffId: r.staff_id, firstName: r.first_name, since: r.since }));
}

/**
 * Ends the duty of staff whose every session has expired (nobody signed out; the tab was just
 * closed): kiosks must not count someone who went home. Returns the sites that changed.
 */
export async function clearDutyWithoutSession(db: Db, now: Date): Promise<string[]> {
  const stale = await db
    .selectFrom('staff_duty')
    .select(['staff_duty.staff_id', 'staff_duty.site_id'])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('staff_sessions').select('staff_sessions.token_hash').whereRef('staff_sessions.staff_id', '=', 'staff_duty.staff_id').where('staff_sessions.expires_at', '>', now.toISOString()))),
    )
    .execute();
  if (stale.length === 0) return [];
  await db.deleteFrom('staff_duty').where('staff_id', 'in', stale.map((s) => s.staff_id)).execute();
  return [...new Set(stale.map((s) => s.site_id))];
}
