import { sql, type Selectable } from 'kysely';
import type { HeartbeatBody, KioskHealth } from '../../core/fleet/heartbeat';
import type { Db } from '../store/db';
import type { Database } from '../store/schema';

export interface KioskRow {
  id: string;
  siteId: string;
  lastSeenAt: string | null;
  inSession: boolean;
  screen: string | null;
  language: string | null;
  guide: { id: string; step: number } | null;
  /** « Mettre hors service » (the remote actions' migration 013 holds the usagers' message). */
  outOfService: boolean;
  health: KioskHealth;
}

type Row = Selectable<Database['kiosks']>;

function toKiosk(r: Row): KioskRow {
  return {
    id: r.id,
    siteId: r.site_id,
    lastSeenAt: r.last_seen_at,
    inSession: Number(r.in_session) === 1,
    screen: r.screen,
    language: r.language,
    guide: r.guide_id ? { id: r.guide_id, step: Number(r.guide_step ?? 0) } : null,
    // The column holds the message for usagers while out of service (migration 013), null in service.
    outOfService: r.out_of_service !== null && r.out_of_service !== undefined,
    health: {
      appVersion: r.app_version ?? null,
      startedAt: r.started_at ?? null,
      camera: r.camera === null || r.camera === undefined ? null : Number(r.camera) === 1,
      lastError: r.last_error_code && r.last_error_at ? { code: r.last_error_code, at: r.last_error_at } : null,
    },
  };
}

export async function findKioskByTokenHash(db: Db, tokenHash: string): Promise<KioskRow | undefined> {
  const r = await db.selectFrom('kiosks').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  return r ? toKiosk(r) : undefined;
}

export async function findKiosk(db: Db, id: string): Promise<KioskRow | undefined> {
  const r = await db.selectFrom('kiosks').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toKiosk(r) : undefined;
}

export async function listKiosks(db: Db, siteId: string): Promise<KioskRow[]> {
  const rows = await db.selectFrom('kiosks').selectAll().where('site_id', '=', siteId).orderBy('id').execute();
  return rows.map(toKiosk);
}

/** Enrolling again replaces the token: the old URL stops working, which is what re-enrolment is for. */
export async function enrolKiosk(db: Db, id: string, siteId: string, tokenHash: string, at: Date): Promise<void> {
  const existing = await db.selectFrom('kiosks').select('id').where('id', '=', id).executeTakeFirst();
  if (existing) {
    await db.updateTable('kiosks').set({ site_id: siteId, token_hash: tokenHash, enrolled_at: at.toISOString() }).where('id', '=', id).execute();
  } else {
    await db.insertInto('kiosks').values({ id, site_id: siteId, token_hash: tokenHash, enrolled_at: at.toISOString(), last_seen_at: null, in_session: 0, screen: null, language: null }).execute();
  }
}

export async function saveKioskState(db: Db, id: string, state: { inSession: boolean; screen: string; language: string; guide?: { id: string; step: number } | null | undefined }, at: Date): Promise<void> {
  await db
    .updateTable('kiosks')
    .set({ in_session: state.inSession ? 1 : 0, screen: state.screen, language: state.language, guide_id: state.guide?.id ?? null, guide_step: state.guide?.step ?? null, last_seen_at: at.toISOString() })
    .where('id', '=', id)
    .execute();
}

/** What a heartbeat's single UPDATE tells: last_seen_at before it, and whether the details it carried changed anything. */
export interface BeatResult {
  previousSeenAt: string | null;
  healthChanged: boolean;
}

/**
 * Renews the lease and stores the details in ONE statement: the right-hand sides of SET read the
 * row as it was, so previous_seen_at and health_changed carry the old values out through
 * RETURNING. 500 kiosks every 15 s is 33 of these a second: no read before the write.
 * A field the body leaves out keeps its stored value (the extension cannot see the camera).
 */
export async function beatKiosk(db: Db, id: string, at: Date, body: HeartbeatBody): Promise<BeatResult | undefined> {
  const camera = body.camera === undefined ? undefined : body.camera ? 1 : 0;
  const error = body.lastError === undefined ? undefined : body.lastError;
  const given: [string, unknown][] = [
    ['app_version', body.appVersion],
    ['started_at', body.startedAt],
    ['camera', camera],
    ['last_error_code', error === undefined ? undefined : (error?.code ?? null)],
    ['last_error_at', error === undefined ? undefined : (error?.at ?? null)],
  ].filter(([, v]) => v !== undefined) as [string, unknown][];
  const changed = given.length ? sql.join(given.map(([c, v]) => sql`(${sql.ref(c)} IS DISTINCT FROM ${v})`), sql` OR `) : sql`FALSE`;
  const set: Record<string, unknown> = Object.fromEntries(given);
  const row = await db
    .updateTable('kiosks')
    .set({
      ...set,
      previous_seen_at: sql.ref('last_seen_at'),
      health_changed: sql<number>`CASE WHEN ${changed} THEN 1 ELSE 0 END`,
      last_seen_at: at.toISOString(),
    } as never)
    .where('id', '=', id)
    .returning(['previous_seen_at', 'health_changed'])
    .executeTakeFirst();
  return row ? { previousSeenAt: row.previous_seen_at, healthChanged: Number(row.health_changed) === 1 } : undefined;
}

/** The kiosks last seen after `afterIso` and up to `upToIso`: the sweep's question, answered from the last_seen_at index. */
export async function kiosksSeenIn(db: Db, window: { afterIso: string; upToIso: string }): Promise<KioskRow[]> {
  const rows = await db.selectFrom('kiosks').selectAll().where('last_seen_at', '>', window.afterIso).where('last_seen_at', '<=', window.upToIso).execute();
  return rows.map(toKiosk);
}
