import { randomUUID } from 'node:crypto';
import { isOpenAt, offlineAlertDue, type FleetAlertView } from '../../core/fleet/alerts';
import { visibleSites } from '../../core/auth/policy';
import { recordStaffAction } from '../audit/staff-audit';
import { authorize } from '../auth/policy';
import type { StaffUser } from '../auth/staff.repository';
import { publish, type AppContext } from '../context';
import { apiError } from '../errors';
import type { Db } from '../store/db';
import { alertedPeriod, alertView, findAlert, insertAlert, insertAlertMessage, listAlerts, openAlerts, resolveAlert, takeAlert } from './alerts.repository';
import type { FleetService } from './fleet.service';

/** An offline alert as it leaves for the pôle's admins (no usager, no personal data). */
export interface FleetAlertMessage {
  siteId: string;
  alertId: string;
  body: string;
}

/**
 * Where an offline alert is sent. A département plugs its mail relay or SMS gateway in here; the
 * built-in one writes to `fleet_alert_messages`, the alerts' own outbox (the agenda's outbox rows
 * are confirmations of appointments and keep their appointment_id NOT NULL).
 */
export interface AlertNotifier {
  sendAlert(message: FleetAlertMessage, now: Date): Promise<void>;
}

export class AlertOutboxProvider implements AlertNotifier {
  constructor(private readonly db: Db) {}

  async sendAlert(m: FleetAlertMessage, now: Date): Promise<void> {
    await insertAlertMessage(this.db, { id: randomUUID(), siteId: m.siteId, alertId: m.alertId, channel: 'email', recipient: `admins:${m.siteId}`, body: m.body, at: now });
  }
}

/** The sweep runs every 2 s; the alert rule needs no such pace, and reading every kiosk that often would cost. */
export const ALERT_SWEEP_MS = 30_000;
const DAY_MS = 24 * 3600_000;

/**
 * Offline alerts that respect opening hours (issue 10 item 4). The rule is src/core/fleet/alerts.ts;
 * this raises each alert once (an open alert per kiosk at most), sends its message, resolves it
 * automatically when the kiosk is back, and lets an admin take and resolve it.
 */
export class AlertsService {
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly ctx: AppContext,
    private readonly fleet: FleetService,
    private readonly notifier: AlertNotifier,
  ) {}

  private labelOf = (siteId: string, kioskId: string): string => this.ctx.sites.get(siteId)?.kiosks.find((k) => k.id === kioskId)?.label ?? kioskId;

  async sweep(): Promise<void> {
    const now = this.ctx.clock();
    if (now.getTime() - this.lastSweep < ALERT_SWEEP_MS) return;
    this.lastSweep = now.getTime();
    for (const site of this.ctx.sites.values()) {
      const open = await openAlerts(this.ctx.db, site.id);
      // Nothing is raised at night or on a closed day: most sweeps stop here without reading a kiosk.
      const siteOpen = isOpenAt(site.openingHours, site.closedDays, now.getTime());
      if (!siteOpen && open.size === 0) continue;
      for (const status of await this.fleet.statuses(site.id)) {
        const alert = open.get(status.id);
        if (status.online) {
          // The kiosk is back: its alert resolves by itself (the console says « résolue automatiquement »).
          if (alert && (await resolveAlert(this.ctx.db, alert.id, now, true))) await this.publishAlert(alert.id);
          continue;
        }
        // Never seen (declared, not set up yet) or put out of service on purpose: no alert.
        if (!siteOpen || alert || status.lastSeenAt === null || status.outOfService) continue;
        const due = offlineAlertDue({ hours: site.openingHours, closedDays: site.closedDays, minutes: site.fleet.offlineAlertMinutes, offlineSinceMs: Date.parse(status.lastSeenAt), nowMs: now.getTime() });
        // Resolved by hand while the kiosk is still away: that period has had its alert.
        if (!due || (await alertedPeriod(this.ctx.db, status.id, status.lastSeenAt))) continue;
        const raised = await insertAlert(this.ctx.db, { id: randomUUID(), siteId: site.id, kioskId: status.id, offlineSince: status.lastSeenAt, at: now });
        if (!raised) continue;
        const since = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' }).format(new Date(status.lastSeenAt));
        // The admins' message is in French, the console's source language.
        await this.notifier.sendAlert({ siteId: site.id, alertId: raised.id, body: `Borne « ${status.label} » (${site.name}) hors ligne depuis le ${since}, pendant les heures d'ouverture. Voir « Parc des bornes » dans la console.` }, now);
        await this.publishAlert(raised.id);
      }
    }
  }

  /** The alerts of the pôles the person runs: open ones and those resolved in the last day. */
  async list(staff: StaffUser): Promise<FleetAlertView[]> {
    await authorize(this.ctx.db, staff, 'fleet.alert.handle', { siteId: null });
    const siteIds = visibleSites(staff, this.ctx.sites.values()).map((s) => s.id);
    return listAlerts(this.ctx.db, siteIds, new Date(this.ctx.clock().getTime() - DAY_MS), this.labelOf);
  }

  async take(staff: StaffUser, id: string, address: string | null): Promise<FleetAlertView> {
    const before = await this.mine(staff, id);
    if (before.status === 'resolved' || !(await takeAlert(this.ctx.db, id, staff, this.ctx.clock()))) throw apiError('alert_resolved');
    return this.changed(staff, 'alert_take', before, address);
  }

  async resolve(staff: StaffUser, id: string, address: string | null): Promise<FleetAlertView> {
    const before = await this.mine(staff, id);
    if (before.status === 'resolved' || !(await resolveAlert(this.ctx.db, id, this.ctx.clock(), false))) throw apiError('alert_resolved');
    return this.changed(staff, 'alert_resolve', before, address);
  }

  private async mine(staff: StaffUser, id: string): Promise<FleetAlertView> {
    const row = await findAlert(this.ctx.db, id);
    if (!row) throw apiError('alert_not_found');
    await authorize(this.ctx.db, staff, 'fleet.alert.handle', { siteId: row.site_id });
    return alertView(row, this.labelOf(row.site_id, row.kiosk_id));
  }

  private async changed(staff: StaffUser, action: 'alert_take' | 'alert_resolve', before: FleetAlertView, address: string | null): Promise<FleetAlertView> {
    const after = await this.publishAlert(before.id);
    await recordStaffAction(this.ctx.db, { staffId: staff.id, action, siteId: before.siteId, target: before.kioskId, before: { status: before.status, takenBy: before.takenBy }, after: { status: after.status, takenBy: after.takenBy }, address, at: this.ctx.clock() });
    return after;
  }

  private async publishAlert(id: string): Promise<FleetAlertView> {
    const row = (await findAlert(this.ctx.db, id))!;
    const alert = alertView(row, this.labelOf(row.site_id, row.kiosk_id));
    await publish(this.ctx, row.site_id, { type: 'fleetAlert', alert });
    return alert;
  }
}
