import { randomUUID } from 'node:crypto';
import type { NotifyChannel, OutboxMessageView } from '../../core/agenda/booking';
import type { Db } from '../store/db';

/** The outbox: confirmations the built-in provider keeps for staff to read (never sent). */
export async function insertOutboxMessage(db: Db, m: { siteId: string; appointmentId: string; channel: NotifyChannel; to: string; body: string; at: Date }): Promise<void> {
  await db
    .insertInto('outbox')
    .values({ id: randomUUID(), site_id: m.siteId, appointment_id: m.appointmentId, channel: m.channel, recipient: m.to, body: m.body, created_at: m.at.toISOString() })
    .execute();
}

/** A site's last 100 messages, newest first, with the reference of their appointment. */
export async function listOutbox(db: Db, siteId: string): Promise<OutboxMessageView[]> {
  const rows = await db
    .selectFrom('outbox')
    .leftJoin('appointments', 'appointments.id', 'outbox.appointment_id')
    .select(['outbox.id', 'outbox.channel', 'outbox.recipient', 'outbox.body', 'outbox.created_at', 'appointments.reference'])
    .where('outbox.site_id', '=', siteId)
    .orderBy('outbox.created_at', 'desc')
    .limit(100)
    .execute();
  return rows.map((r) => ({ id: r.id, channel: r.channel === 'email' ? 'email' : 'sms', to: r.recipient, body: r.body, createdAt: r.created_at, appointmentReference: r.reference ?? '' }));
}
