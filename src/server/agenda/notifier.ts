import { randomUUID } from 'node:crypto';
import type { NotifyChannel } from '../../core/agenda/booking';
import type { Db } from '../store/db';

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
    await this.db
      .insertInto('outbox')
      .values({ id: randomUUID(), site_id: m.siteId, appointment_id: m.appointmentId, channel: m.channel, recipient: m.to, body: m.body, created_at: now.toISOString() })
      .execute();
  }
}
