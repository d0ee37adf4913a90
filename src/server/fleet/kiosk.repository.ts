import type { Db } from '../store/db';

export interface KioskRow {
  id: string;
  siteId: string;
  lastSeenAt: string | null;
  inSession: boolean;
  screen: string | null;
  language: string | null;
  guide: { id: string; step: number } | null;
}

function toKiosk(r: { id: string; site_id: string; last_seen_at: string | null; in_session: number; screen: string | null; language: string | null; guide_id: string | null; guide_step: number | null }): KioskRow {
  return {
    id: r.id,
    siteId: r.site_id,
    lastSeenAt: r.last_seen_at,
    inSession: Number(r.in_session) === 1,
    screen: r.screen,
    language: r.language,
    guide: r.guide_id ? { id: r.guide_id, step: Number(r.guide_step ?? 0) } : null,
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

export async function touchKiosk(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('kiosks').set({ last_seen_at: at.toISOString() }).where('id', '=', id).execute();
}
