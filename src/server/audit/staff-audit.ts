import type { FastifyRequest } from 'fastify';
import type { Db } from '../store/db';
import { orderedId } from '../store/ordered-id';

/** Every staff action the audit keeps. Never a password, a message body or a usager's details. */
export type StaffAuditAction =
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_out'
  | 'duty_on'
  | 'duty_off'
  | 'kiosk_reset'
  | 'referent_hours'
  | 'referent_absence_add'
  | 'referent_absence_remove'
  | 'referent_create'
  | 'referent_update'
  | 'referent_archive'
  | 'motif_create'
  | 'motif_update'
  | 'motif_archive'
  | 'outbox_read'
  | 'help_claim'
  | 'help_resolve'
  /** Remote actions (before/after: the out-of-service message and the state) and alert handling. */
  | 'kiosk_command'
  | 'alert_take'
  | 'alert_resolve'
  /** « Réglages du pôle » saved (before/after: the fields that changed) and config:import applied (staff_id null). */
  | 'settings_change'
  | 'config_import'
  | 'kiosk_add'
  | 'kiosk_enrolment_code'
  | 'kiosk_enrolled'
  | 'kiosk_revoke'
  | 'account_create'
  | 'account_update'
  | 'account_disable'
  | 'account_enable'
  | 'account_password_reset'
  | 'account_setup_done';

export interface StaffAuditEntry {
  staffId: string | null;
  action: StaffAuditAction;
  siteId?: string | null;
  /** What was acted on: a kiosk id, a référent id, a call id. */
  target?: string | null;
  /** The value before and after a change, for changes of configuration (hours, absences). */
  before?: unknown;
  after?: unknown;
  /** The client address (req.ip: the proxy's X-Forwarded-For only when TRUST_PROXY is set). */
  address: string | null;
  at: Date;
}

export async function recordStaffAction(db: Db, entry: StaffAuditEntry): Promise<void> {
  await db
    .insertInto('staff_audit')
    .values({
      id: orderedId(),
      at: entry.at.toISOString(),
      staff_id: entry.staffId,
      action: entry.action,
      site_id: entry.siteId ?? null,
      target: entry.target ?? null,
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
      address: entry.address,
    })
    .execute();
}

export interface StaffAuditRow {
  at: string;
  staffId: string | null;
  action: StaffAuditAction;
  siteId: string | null;
  target: string | null;
  before: unknown;
  after: unknown;
  address: string | null;
}

/** Newest first (ties of the same instant in the order written: ids are ordered); `since` bounds the read (the audit is kept one year). */
export async function listStaffActions(db: Db, filter: { since?: Date; staffId?: string; action?: StaffAuditAction; limit?: number } = {}): Promise<StaffAuditRow[]> {
  let q = db.selectFrom('staff_audit').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(filter.limit ?? 500);
  if (filter.since) q = q.where('at', '>=', filter.since.toISOString());
  if (filter.staffId) q = q.where('staff_id', '=', filter.staffId);
  if (filter.action) q = q.where('action', '=', filter.action);
  const rows = await q.execute();
  return rows.map((r) => ({
    at: r.at,
    staffId: r.staff_id,
    action: r.action as StaffAuditAction,
    siteId: r.site_id,
    target: r.target,
    before: r.before_json === null ? undefined : JSON.parse(r.before_json),
    after: r.after_json === null ? undefined : JSON.parse(r.after_json),
    address: r.address,
  }));
}

/** The address an audit line keeps for a request. */
export function clientAddress(request: Pick<FastifyRequest, 'ip'>): string | null {
  return request.ip || null;
}
