import type { Kysely } from 'kysely';

/**
 * Remote actions on kiosks and offline alerts (issue 10 items 4 and 5):
 * - kiosks.out_of_service: the message for usagers (JSON {fr, en?, ar?}) while an admin has put
 *   the kiosk out of order; null when in service. On the row, so it holds across a restart;
 * - kiosk_commands: each action sent, its state (sent → acknowledged → done, or expired);
 * - fleet_alerts: a kiosk offline too long while its pôle is open; one open alert per kiosk;
 * - fleet_alert_messages: what the alert provider sent. The agenda's outbox keeps its
 *   appointment_id NOT NULL: alerts are about no appointment, so they have their own outbox.
 */
export function commands() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('kiosks').addColumn('out_of_service', 'text').execute();
      await db.schema
        .createTable('kiosk_commands')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('kiosk_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('message', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('staff_id', 'text')
        .addColumn('staff_first_name', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('kiosk_commands_kiosk').on('kiosk_commands').columns(['kiosk_id', 'status', 'created_at']).execute();
      await db.schema.createIndex('kiosk_commands_status').on('kiosk_commands').columns(['status', 'expires_at']).execute();
      await db.schema
        .createTable('fleet_alerts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('kiosk_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('offline_since', 'text')
        .addColumn('raised_at', 'text', (c) => c.notNull())
        .addColumn('taken_by', 'text')
        .addColumn('taken_by_first_name', 'text')
        .addColumn('taken_at', 'text')
        .addColumn('resolved_at', 'text')
        .addColumn('resolved_automatically', 'integer', (c) => c.notNull().defaultTo(0))
        // 1 while new or taken: the unique index keeps one open alert a kiosk, however often the sweep runs.
        .addColumn('open_slot', 'integer')
        .execute();
      await db.schema.createIndex('fleet_alerts_open').on('fleet_alerts').columns(['kiosk_id', 'open_slot']).unique().execute();
      await db.schema.createIndex('fleet_alerts_site').on('fleet_alerts').columns(['site_id', 'raised_at']).execute();
      await db.schema
        .createTable('fleet_alert_messages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('alert_id', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('recipient', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('fleet_alert_messages_site').on('fleet_alert_messages').columns(['site_id', 'created_at']).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('fleet_alert_messages').ifExists().execute();
      await db.schema.dropTable('fleet_alerts').ifExists().execute();
      await db.schema.dropTable('kiosk_commands').ifExists().execute();
      await db.schema.alterTable('kiosks').dropColumn('out_of_service').execute();
    },
  };
}
