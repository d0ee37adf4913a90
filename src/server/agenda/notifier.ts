import type { NotifyChannel } from '../../core/agenda/booking';
import type { Db } from '../store/db';
import { insertOutboxMessage } from './outbox.repository';

export interface ConfirmationMessage {
  siteId: string;
  appointmentId: string;
  channel: NotifyChannel;
  to: string;
  body: string;
}

/**
 * Sends an appointment confirmation by SMS or e-mail. A département plugs its SMS gateway or
 * mail relay in here; the built-in provider only writes to the outbox.
 */
export interface NotificationProvider {
  send(message: ConfirmationMessage, now: Date): Promise<void>;
}

/** Writes each message to the `outbox` table, which staff read in the console. Never sends. */
export class OutboxProvider implements NotificationProvider {
  constructor(private readonly db: Db) {}

  async send(m: ConfirmationMessage, now: Date): Promise<void> {
    await insertOutboxMessage(this.db, { ...m, at: now });
  }
}
