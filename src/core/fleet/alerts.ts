import { z } from 'zod';
import { openingState, type OpeningHours } from '../site/opening-hours';

/**
 * Offline alerts that respect opening hours (issue 10 item 4): a kiosk offline for more than the
 * site's `fleet.offlineAlertMinutes` while its pôle is open. Pure rule, no clock of its own.
 */
export const ALERT_STATUSES = ['new', 'taken', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export interface FleetAlertView {
  id: string;
  siteId: string;
  kioskId: string;
  kioskLabel: string;
  kind: 'offline';
  status: AlertStatus;
  /** When the kiosk was last seen (null: never seen since enrolment). */
  offlineSince: string | null;
  raisedAt: string;
  takenBy: string | null;
  takenAt: string | null;
  resolvedAt: string | null;
  /** True when the sweep resolved it because the kiosk came back online. */
  resolvedAutomatically: boolean;
}

export const alertParamsSchema = z.object({ id: z.string().uuid({ error: 'expected an alert id (a UUID)' }) }).strict();

const MINUTE = 60_000;
/** Far enough back for a kiosk dark over a long weekend; older than this, it does not matter when. */
const LOOKBACK_MS = 8 * 24 * 3600_000;

/** Is the pôle open at this instant: its weekly hours, and not one of its closed days (Paris dates). */
export function isOpenAt(hours: OpeningHours, closedDays: readonly string[], ms: number): boolean {
  return openingState(hours, ms, closedDays).open;
}

/**
 * How long the kiosk has been offline during opening hours, up to `now`: time at night, on a
 * closed day or on a Sunday does not count, so a kiosk that went dark at 22:00 raises an alert
 * only once the pôle has been open N minutes with the kiosk still gone. Walks from one opening
 * period to the next on UTC instants (openingState), so both DST changes hold.
 */
export function openMsSince(hours: OpeningHours, closedDays: readonly string[], sinceMs: number, nowMs: number): number {
  let total = 0;
  let t = Math.max(sinceMs, nowMs - LOOKBACK_MS);
  while (t < nowMs) {
    // The pôle's one rule (weekly hours and closed days): a closed day is skipped like a night.
    const state = openingState(hours, t, closedDays);
    if (!state.open) {
      if (state.opensAt === null) break;
      t = state.opensAt;
      continue;
    }
    total += Math.min(state.closesAt, nowMs) - t;
    t = state.closesAt;
  }
  return total;
}

/** The rule: an alert is due when the kiosk has been offline more than `minutes` of opening time and the pôle is open now. */
export function offlineAlertDue(input: { hours: OpeningHours; closedDays: readonly string[]; minutes: number; offlineSinceMs: number; nowMs: number }): boolean {
  if (!isOpenAt(input.hours, input.closedDays, input.nowMs)) return false;
  return openMsSince(input.hours, input.closedDays, input.offlineSinceMs, input.nowMs) > input.minutes * MINUTE;
}
