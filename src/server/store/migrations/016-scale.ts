import type { Kysely } from 'kysely';

/**
 * Indexes for 5,000 kiosks on one instance (npm run bench, scale), the same on both dialects:
 * - kiosks by pôle: a console's snapshot and « Parc des bornes » list a pôle's kiosks (1,000
 *   rows), which read the whole table without it;
 * - open calls: the sweep every 2 s asks for every open call, and a pôle's queue for its own;
 *   help_calls keeps every past call, so both scanned the history (open_slot is 1 only while
 *   open: the index stays small in use);
 * - a kiosk's last ended call, which its help view shows for ten minutes;
 * - events by age: the retention job deletes yesterday's events, a full scan of the log without it.
 */
export function scale() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createIndex('kiosks_site').on('kiosks').columns(['site_id', 'id']).execute();
      await db.schema.createIndex('help_calls_open').on('help_calls').columns(['open_slot', 'created_at']).execute();
      await db.schema.createIndex('help_calls_site_open').on('help_calls').columns(['site_id', 'open_slot', 'created_at']).execute();
      await db.schema.createIndex('help_calls_kiosk_ended').on('help_calls').columns(['kiosk_id', 'ended_at']).execute();
      await db.schema.createIndex('events_created').on('events').column('created_at').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const name of ['events_created', 'help_calls_kiosk_ended', 'help_calls_site_open', 'help_calls_open', 'kiosks_site']) await db.schema.dropIndex(name).ifExists().execute();
    },
  };
}
