import type { CommandKind, CommandMessage, CommandStatus, KioskCommandView } from '../../core/fleet/commands';
import type { Db } from '../store/db';

type Row = {
  id: string;
  site_id: string;
  kiosk_id: string;
  kind: string;
  message: string | null;
  status: string;
  staff_first_name: string | null;
  created_at: string;
  updated_at: string;
  expires_at: string;
};

function toView(r: Row): KioskCommandView {
  return {
    id: r.id,
    siteId: r.site_id,
    kioskId: r.kiosk_id,
    kind: r.kind as CommandKind,
    message: r.message ? (JSON.parse(r.message) as CommandMessage) : null,
    status: r.status as CommandStatus,
    byFirstName: r.staff_first_name,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    expiresAt: r.expires_at,
  };
}

export async function insertCommand(db: Db, c: { id: string; siteId: string; kioskId: string; kind: CommandKind; message: CommandMessage | null; staffId: string | null; staffFirstName: string | null; at: Date; expiresAt: Date }): Promise<KioskCommandView> {
  const row: Row & { staff_id: string | null } = {
    id: c.id,
    site_id: c.siteId,
    kiosk_id: c.kioskId,
    kind: c.kind,
    message: c.message ? JSON.stringify(c.message) : null,
    status: 'sent',
    staff_id: c.staffId,
    staff_first_name: c.staffFirstName,
    created_at: c.at.toISOString(),
    updated_at: c.at.toISOString(),
    expires_at: c.expiresAt.toISOString(),
  };
  await db.insertInto('kiosk_commands').values(row).execute();
  return toView(row);
}

export async function findCommand(db: Db, id: string): Promise<KioskCommandView | undefined> {
  const r = await db.selectFrom('kiosk_commands').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toView(r) : undefined;
}

/** Commands a kiosk has not received yet and that are still worth applying, oldest first. */
export async function pendingCommands(db: Db, kioskId: string, now: Date): Promise<KioskCommandView[]> {
  const rows = await db
    .selectFrom('kiosk_commands')
    .selectAll()
    .where('kiosk_id', '=', kioskId)
    .where('status', '=', 'sent')
    .where('expires_at', '>', now.toISOString())
    .orderBy('created_at')
    .execute();
  return rows.map(toView);
}

/** The latest commands of each kiosk of a site, newest first (the console shows each kiosk's last). */
export async function recentCommands(db: Db, siteIds: readonly string[], limit = 200): Promise<KioskCommandView[]> {
  if (siteIds.length === 0) return [];
  const rows = await db.selectFrom('kiosk_commands').selectAll().where('site_id', 'in', siteIds).orderBy('created_at', 'desc').limit(limit).execute();
  return rows.map(toView);
}

/**
 * Moves a command forward only (sent → acknowledged → done): a late "acknowledged" after "done"
 * changes nothing. Returns the new view, or undefined when nothing changed.
 */
export async function advanceCommand(db: Db, id: string, to: 'acknowledged' | 'done', at: Date): Promise<KioskCommandView | undefined> {
  const from = to === 'acknowledged' ? ['sent'] : ['sent', 'acknowledged'];
  const result = await db.updateTable('kiosk_commands').set({ status: to, updated_at: at.toISOString() }).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return undefined;
  return findCommand(db, id);
}

/** Marks expired the commands not applied in time; returns them so the consoles hear it. */
export async function expireCommands(db: Db, now: Date): Promise<KioskCommandView[]> {
  const rows = await db.selectFrom('kiosk_commands').selectAll().where('status', 'in', ['sent', 'acknowledged']).where('expires_at', '<=', now.toISOString()).execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  await db.updateTable('kiosk_commands').set({ status: 'expired', updated_at: now.toISOString() }).where('id', 'in', ids).where('status', 'in', ['sent', 'acknowledged']).execute();
  return rows.map((r) => toView({ ...r, status: 'expired', updated_at: now.toISOString() }));
}

export async function outOfServiceMessage(db: Db, kioskId: string): Promise<CommandMessage | null> {
  const r = await db.selectFrom('kiosks').select('out_of_service').where('id', '=', kioskId).executeTakeFirst();
  return r?.out_of_service ? (JSON.parse(r.out_of_service) as CommandMessage) : null;
}

export async function setOutOfService(db: Db, kioskId: string, message: CommandMessage | null): Promise<void> {
  await db.updateTable('kiosks').set({ out_of_service: message ? JSON.stringify(message) : null }).where('id', '=', kioskId).execute();
}
