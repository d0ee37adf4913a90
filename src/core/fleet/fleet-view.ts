import { z } from 'zod';
import type { KioskStatus } from '../realtime/events';
import type { FleetAlertView } from './alerts';
import type { KioskCommandView } from './commands';

/**
 * « Parc des bornes »: what each kiosk is doing, decided once here for the server's answer and
 * the console's live updates alike. Out of order wins over everything; a call waiting for a
 * médiateur wins over the session it belongs to.
 */
export const FLEET_STATES = ['libre', 'en_session', 'attend', 'hors_service'] as const;
export type FleetKioskState = (typeof FLEET_STATES)[number];

export function fleetKioskState(kiosk: Pick<KioskStatus, 'outOfService' | 'inSession'>, waiting: boolean): FleetKioskState {
  if (kiosk.outOfService) return 'hors_service';
  if (waiting) return 'attend';
  return kiosk.inSession ? 'en_session' : 'libre';
}

/** A kiosk of the fleet: its status (with what its heartbeats told), whether a call waits there, and the state both give. */
export interface FleetKiosk extends KioskStatus {
  waiting: boolean;
  state: FleetKioskState;
}

export interface FleetSnapshot {
  /** The admin's pôles, in the order the screen groups them. */
  sites: { id: string; name: string }[];
  kiosks: FleetKiosk[];
  /** The server's clock, so « il y a 12 s » is right whatever the PC's clock says. */
  serverTime: string;
}

/** What the fleet stream sends: a snapshot on every (re)connection, then one kiosk's change at a time. */
export type FleetEvent =
  | { type: 'snapshot'; snapshot: FleetSnapshot }
  | { type: 'kiosk'; kiosk: KioskStatus }
  /** A help call of the kiosk changed: it waits for a médiateur, or no longer does. */
  | { type: 'waiting'; kioskId: string; siteId: string; waiting: boolean }
  /** A remote action's state, and an offline alert's (src/staff/state/commands-state.ts listens). */
  | { type: 'kioskCommand'; command: KioskCommandView }
  | { type: 'fleetAlert'; alert: FleetAlertView };

export const fleetQuerySchema = z
  .object({ siteId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { error: 'expected a pôle id, for example "chatillon"' }).optional() })
  .strict();

/** The filters of the screen; each kiosk falls in « all », online or offline, and its state. */
export const FLEET_FILTERS = ['all', 'online', 'offline', 'en_session', 'attend', 'hors_service', 'libre'] as const;
export type FleetFilter = (typeof FLEET_FILTERS)[number];

export function matchesFilter(kiosk: Pick<FleetKiosk, 'online' | 'state'>, filter: FleetFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'online') return kiosk.online;
  if (filter === 'offline') return !kiosk.online;
  return kiosk.state === filter;
}
