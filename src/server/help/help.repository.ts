import type { Selectable } from 'kysely';
import type { HelpCall, HelpCallStatus, HelpContext, HelpOutcome, KioskScreen } from '../../core/help/help-call';
import type { Language } from '../../core/i18n/languages';
import type { Db } from '../store/db';
import type { Database } from '../store/schema';

type Row = Selectable<Database['help_calls']>;

function toCall(row: Row): HelpCall {
  return {
    id: row.id,
    siteId: row.site_id,
    kioskId: row.kiosk_id,
    status: row.status as HelpCallStatus,
    context: {
      screen: row.screen as KioskScreen,
      language: row.language as Language,
      ...(row.guide_id ? { guideId: row.guide_id } : {}),
      ...(row.step !== null ? { step: Number(row.step) } : {}),
      accessibility: JSON.parse(row.accessibility) as HelpContext['accessibility'],
    },
    createdAt: row.created_at,
    escalatedAt: row.escalated_at,
    claimedAt: row.claimed_at,
    claimedBy: row.claimed_by ? { staffId: row.claimed_by, firstName: row.claimed_by_first_name ?? '' } : null,
    endedAt: row.ended_at,
    outcome: row.outcome as HelpOutcome | null,
  };
}

function toRow(call: HelpCall, requestId: string): Database['help_calls'] {
  return {
    id: call.id,
    site_id: call.siteId,
    kiosk_id: call.kioskId,
    request_id: requestId,
    status: call.status,
    screen: call.context.screen,
    language: call.context.language,
    guide_id: call.context.guideId ?? null,
    step: call.context.step ?? null,
    accessibility: JSON.stringify(call.context.accessibility ?? {}),
    created_at: call.createdAt,
    escalated_at: call.escalatedAt,
    claimed_at: call.claimedAt,
    claimed_by: call.claimedBy?.staffId ?? null,
    claimed_by_first_name: call.claimedBy?.firstName ?? null,
    ended_at: call.endedAt,
    outcome: call.outcome,
    open_slot: call.status === 'waiting' || call.status === 'claimed' ? 1 : null,
  };
}

export async function insertCall(db: Db, call: HelpCall, requestId: string): Promise<void> {
  await db.insertInto('help_calls').values(toRow(call, requestId)).execute();
}

export async function findCall(db: Db, id: string): Promise<HelpCall | undefined> {
  const row = await db.selectFrom('help_calls').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCall(row) : undefined;
}

export async function findByRequest(db: Db, kioskId: string, requestId: string): Promise<HelpCall | undefined> {
  const row = await db.selectFrom('help_calls').selectAll().where('kiosk_id', '=', kioskId).where('request_id', '=', requestId).executeTakeFirst();
  return row ? toCall(row) : undefined;
}

export async function findOpenByKiosk(db: Db, kioskId: string): Promise<HelpCall | undefined> {
  const row = await db.selectFrom('help_calls').selectAll().where('kiosk_id', '=', kioskId).where('open_slot', '=', 1).executeTakeFirst();
  return row ? toCall(row) : undefined;
}

/** The kiosk's open call, or else its last call if it ended after `endedSince`: the kiosk says how it ended. */
export async function findCurrentByKiosk(db: Db, kioskId: string, endedSince: Date): Promise<HelpCall | undefined> {
  const open = await findOpenByKiosk(db, kioskId);
  if (open) return open;
  const row = await db
    .selectFrom('help_calls')
    .selectAll()
    .where('kiosk_id', '=', kioskId)
    .where('ended_at', '>=', endedSince.toISOString())
    .orderBy('ended_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toCall(row) : undefined;
}

export async function listOpenBySite(db: Db, siteId: string): Promise<HelpCall[]> {
  const rows = await db.selectFrom('help_calls').selectAll().where('site_id', '=', siteId).where('open_slot', '=', 1).orderBy('created_at').orderBy('id').execute();
  return rows.map(toCall);
}

/** Every call of a site made since `since` (the start of the Paris day), newest first. */
export async function listBySiteSince(db: Db, siteId: string, since: Date): Promise<HelpCall[]> {
  const rows = await db.selectFrom('help_calls').selectAll().where('site_id', '=', siteId).where('created_at', '>=', since.toISOString()).orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map(toCall);
}

export async function listOpen(db: Db): Promise<HelpCall[]> {
  const rows = await db.selectFrom('help_calls').selectAll().where('open_slot', '=', 1).orderBy('created_at').execute();
  return rows.map(toCall);
}

/**
 * Writes a transition only if the call is still as it was read (status and escalation); two
 * médiateurs claiming at once, or a claim racing the escalation timer, cannot both win.
 * Returns false when someone else changed it first.
 */
export async function updateCallFrom(db: Db, previous: HelpCall, next: HelpCall): Promise<boolean> {
  const { id, request_id: _r, ...values } = toRow(next, '');
  void _r;
  let query = db.updateTable('help_calls').set(values).where('id', '=', id).where('status', '=', previous.status);
  query = previous.escalatedAt === null ? query.where('escalated_at', 'is', null) : query.where('escalated_at', '=', previous.escalatedAt);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Recent response (call → claim) and handling (claim → end) times of a site, in seconds. */
export async function recentServiceTimes(db: Db, siteId: string, since: Date, limit = 30): Promise<{ responseSeconds: number[]; handlingSeconds: number[] }> {
  const rows = await db
    .selectFrom('help_calls')
    .select(['created_at', 'claimed_at', 'ended_at'])
    .where('site_id', '=', siteId)
    .where('status', '=', 'resolved')
    .where('ended_at', '>=', since.toISOString())
    .orderBy('ended_at', 'desc')
    .limit(limit)
    .execute();
  const responseSeconds: number[] = [];
  const handlingSeconds: number[] = [];
  for (const r of rows) {
    if (!r.claimed_at || !r.ended_at) continue;
    responseSeconds.push((Date.parse(r.claimed_at) - Date.parse(r.created_at)) / 1000);
    handlingSeconds.push((Date.parse(r.ended_at) - Date.parse(r.claimed_at)) / 1000);
  }
  return { responseSeconds, handlingSeconds };
}
