import { EventEmitter } from 'node:events';
import type { KioskCommand } from '../../core/fleet/commands';
import type { StaffEvent } from '../../core/realtime/events';

export interface BusMessage {
  id: number;
  siteId: string;
  event: StaffEvent;
}

/**
 * In-process event bus. Each event is first stored (the `events` table gives it a durable,
 * increasing id, so a console's Last-Event-ID still means something after a restart), then
 * published to the streams of its site.
 */
export class EventBus {
  private readonly emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(0);
  }
  publish(message: BusMessage): void {
    this.emitter.emit('site', message);
  }
  subscribe(listener: (message: BusMessage) => void): () => void {
    this.emitter.on('site', listener);
    return () => this.emitter.off('site', listener);
  }

  /** A remote action to one kiosk's open streams; the commands table keeps it for a kiosk that reconnects. */
  commandKiosk(kioskId: string, command: KioskCommand): void {
    this.emitter.emit('kiosk-command', { kioskId, command });
  }

  /** The agenda of a site changed: its kiosks refresh the slots they show. Not stored either. */
  agendaChanged(siteId: string): void {
    this.emitter.emit('agenda', siteId);
  }

  onAgendaChange(listener: (siteId: string) => void): () => void {
    this.emitter.on('agenda', listener);
    return () => this.emitter.off('agenda', listener);
  }

  /** « Retirer la borne » (or a new enrolment of its id): the kiosk's open streams end at once. */
  revokeKiosk(kioskId: string): void {
    this.emitter.emit('kiosk-revoked', kioskId);
  }

  onKioskRevoked(listener: (kioskId: string) => void): () => void {
    this.emitter.on('kiosk-revoked', listener);
    return () => this.emitter.off('kiosk-revoked', listener);
  }

  /**
   * A staff member's access changed (account disabled, new password forced, role or pôles
   * changed): their open streams end, and a reconnect is judged under the new rule.
   */
  staffAccessChanged(staffId: string): void {
    this.emitter.emit('staff-access', staffId);
  }

  onStaffAccessChange(listener: (staffId: string) => void): () => void {
    this.emitter.on('staff-access', listener);
    return () => this.emitter.off('staff-access', listener);
  }

  onKioskCommand(listener: (message: { kioskId: string; command: KioskCommand }) => void): () => void {
    this.emitter.on('kiosk-command', listener);
    return () => this.emitter.off('kiosk-command', listener);
  }
}
