import type { FleetAlertView } from '../fleet/alerts';
import type { KioskCommand, KioskCommandView } from '../fleet/commands';
import type { HelpCall, KioskHelpView, KioskScreen } from '../help/help-call';
import type { KioskHealth } from '../fleet/heartbeat';
import type { Language } from '../i18n/languages';

/** A kiosk as the console sees it. `online` means a live stream or a recent heartbeat. */
export interface KioskStatus {
  id: string;
  siteId: string;
  label: string;
  online: boolean;
  inSession: boolean;
  screen: KioskScreen | null;
  language: Language | null;
  /** The guide the usager follows there, and the step (0: the page before the steps). */
  guide: { id: string; step: number } | null;
  lastSeenAt: string | null;
  /** Put out of order from the console (« Mettre hors service »): it opens no session. */
  outOfService: boolean;
  /** What its heartbeats said: app version, uptime, camera, last error (codes only). */
  health: KioskHealth;
}

/** The booking limits of a site's `booking` settings, as events and screens name them. */
export type BookingLimitKind = 'phone' | 'dossier' | 'kiosk_rate';

export interface DutyMember {
  staffId: string;
  firstName: string;
  since: string;
}

/** Everything a console needs after (re)connecting. */
export interface StaffSnapshot {
  siteId: string;
  calls: HelpCall[];
  kiosks: KioskStatus[];
  onDuty: DutyMember[];
  serverTime: string;
  /** The site's help settings the console needs: how often it rings again while a call waits. */
  help: { ringIntervalSeconds: number };
}

export type StaffEvent =
  | { type: 'snapshot'; snapshot: StaffSnapshot }
  | { type: 'call'; call: HelpCall }
  | { type: 'kiosk'; kiosk: KioskStatus }
  | { type: 'duty'; onDuty: DutyMember[] }
  /**
   * A kiosk's booking was refused over a limit (live bookings per phone or per dossier, bookings
   * per kiosk and hour): a médiateur may want to go and help. Which kiosk and limit only, never
   * who: no phone number, no name, no dossier.
   */
  | { type: 'bookingRefused'; kioskId: string; limit: BookingLimitKind; at: string }
  /** Bookings, hours or absences of the site changed: a console showing the agenda reloads it. */
  | { type: 'agenda' }
  /** A confirmation was written to the site's outbox: a console showing it reloads it. */
  | { type: 'outbox' }
  /** The pôle's settings changed: the console applies what it uses (how often it rings again). */
  | { type: 'settings'; help: StaffSnapshot['help'] }
  /** A remote action on a kiosk was sent, received, done or expired (src/core/fleet/commands.ts). */
  | { type: 'kioskCommand'; command: KioskCommandView }
  /** An offline alert of the site was raised, taken or resolved (src/core/fleet/alerts.ts). */
  | { type: 'fleetAlert'; alert: FleetAlertView };

export type KioskEvent =
  | { type: 'help'; view: KioskHelpView }
  /** A remote action (reset, reload, out of service, back in service); the kiosk acknowledges it by id. */
  | { type: 'command'; command: KioskCommand }
  /** The site's agenda changed: slots on screen are refreshed. */
  | { type: 'agenda' }
  /** The pôle's settings changed (« Réglages du pôle », config:import): the kiosk reads GET /api/kiosk/me again. */
  | { type: 'site' };
