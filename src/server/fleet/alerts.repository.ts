import type { AlertStatus, FleetAlertView } from '../../core/fleet/alerts';
import type { Db } from '../store/db';
import type { Database } from '../store/schema';

type Row = Database['fleet_alerts'];

function toView(r: Row, kioskLabel: string): FleetAlertView {
  return {
    id: r.id,
    siteId: r.site_id,
    kioskId: r.kiosk_id,
    kioskLabel,
    kind: 'offline',
    status: r.status as AlertStatus,
    offlineSince: r.offline_since,
    raisedAt: r.raised_at,
    takenBy: r.taken_by_first_name,
    takenAt: r.taken_at,
    resolvedAt: r.resolved_at,
    resolvedAutomatically: Number(r.resolved_automatically) === 1,
  };
}

export type LabelOf = (siteId: string, kioskId: string) => string;

/** The one open (new or taken) alert of each kiosk of a site. */
export async function openAlerts(db: Db, siteId: string): Promise<Map<string, Row>> {
  const rows = (await db.selectFrom('fleet_alerts').selectAll().where('site_id', '=', siteId).where('open_slot', '=', 1).execute()) as Row[];
  return new Map(rows.map((r) => [r.kiosk_id, r]));
}

/**
 * Raises an alert, unless the kiosk has one open already: the unique index on (kiosk_id,
 * open_slot) decides, so two sweeps at once still raise one. Returns the row, or undefined.
 */
export async function insertAlert(db: Db, a: { id: string; siteId: string; kioskId: string; offlineSince: string | null; at: Date }): Promise<Row | undefined> {
  const row: Row = { id: a.id, site_id: a.siteId, kiosk_id: a.kioskId, kind: 'offline', status: 'new', offline_since: a.offlineSince, raised_at: a.at.toISOString(), taken_by: null, taken_by_first_name: null, taken_at: null, resolved_at: null, resolved_automatically: 0, open_slot: 1 };
  const result = await db.insertInto('fleet_alerts').values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1 ? row : undefined;
}

/** Whether this offline period already had its alert (an admin may have resolved it while the kiosk is still away). */
export async function alertedPeriod(db: Db, kioskId: string, offlineSince: string): Promise<boolean> {
  return (await db.selectFrom('fleet_alerts').select('id').where('kiosk_id', '=', kioskId).where('offline_since', '=', offlineSince).executeTakeFirst()) !== undefined;
}

export async function findAlert(db: Db, id: string): Promise<Row | undefined> {
  return (await db.selectFrom('fleet_alerts').selectAll().where('id', '=', id).executeTakeFirst()) as Row | undefined;
}

/** Open alerts and those resolved in the last day, newest first. */
export async function listAlerts(db: Db, siteIds: readonly string[], resolvedSince: Date, labelOf: LabelOf): Promise<FleetAlertView[]> {
  if (siteIds.length === 0) return [];
  const rows = (await db
    .selectFrom('fleet_alerts')
    .selectAll()
    .where('site_id', 'in', siteIds)
    .where((eb) => eb.or([eb('open_slot', '=', 1), eb('resolved_at', '>=', resolvedSince.toISOString())]))
    .orderBy('raised_at', 'desc')
    .limit(500)
    .execute()) as Row[];
  return rows.map((r) => toView(r, labelOf(r.site_id, r.kiosk_id)));
}

export async function takeAlert(db: Db, id: string, staff: { id: string; firstName: string }, at: Date): Promise<boolean> {
  const result = await db.updateTable('fleet_alerts').set({ status: 'taken', taken_by: staff.id, taken_by_first_name: staff.firstName, taken_at: at.toISOString() }).where('id', '=', id).where('open_slot', '=', 1).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function resolveAlert(db: Db, id: string, at: Date, automatically: boolean): Promise<boolean> {
  const result = await db.updateTable('fleet_alerts').set({ status: 'resolved', resolved_at: at.toISOString(), resolved_automatically: automatically ? 1 : 0, open_slot: null }).where('id', '=', id).where('open_slot', '=', 1).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertAlertMessage(db: Db, m: { id: string; siteId: string; alertId: string; channel: string; recipient: string; body: string; at: Date }): Promise<void> {
  await db.insertInto('fleet_alert_messages').values({ id: m.id, site_id: m.siteId, alert_id: m.alertId, channel: m.channel, recipient: m.recipient, body: m.body, created_at: m.at.toISOString() }).execute();
}

export { toView as alertView };
