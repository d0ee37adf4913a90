import { sql, type Kysely } from 'kysely';

/**
 * The built-in agenda (an RDV-Solidarités connector replaces it later behind AgendaSource):
 * motifs, absences, bookings made at the kiosk, and the outbox of confirmations.
 */
export function agenda() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('motifs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('duration_minutes', 'integer', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('min_delay_minutes', 'integer', (c) => c.notNull())
        .addColumn('max_delay_days', 'integer', (c) => c.notNull())
        .addColumn('change_limit_hours', 'integer', (c) => c.notNull())
        .addColumn('metiers', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('motifs_site').on('motifs').columns(['site_id', 'position']).execute();
      await db.schema
        .createTable('absences')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('referent_id', 'text', (c) => c.notNull().references('referents.id').onDelete('cascade'))
        .addColumn('starts_at', 'text', (c) => c.notNull())
        .addColumn('ends_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('absences_referent').on('absences').columns(['referent_id', 'starts_at']).execute();
      for (const [column, type] of [
        ['motif_id', 'text'],
        ['reference', 'text'],
        ['kiosk_id', 'text'],
        ['contact_name', 'text'],
        ['contact_phone', 'text'],
        ['receipt_hash', 'text'],
        ['created_at', 'text'],
        ['changed_at', 'text'],
      ] as const) {
        await db.schema.alterTable('appointments').addColumn(column, type).execute();
      }
      // The decider of a race: two bookings of one référent at one start can never both be live.
      // Partial unique indexes exist in SQLite and PostgreSQL alike.
      await db.schema
        .createIndex('appointments_one_per_slot')
        .on('appointments')
        .columns(['referent_id', 'starts_at'])
        .unique()
        .where(sql.ref('status'), '=', 'booked')
        .execute();
      await db.schema.createIndex('appointments_reference').on('appointments').column('reference').execute();
      await db.schema
        .createTable('outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('appointment_id', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('recipient', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('outbox_site').on('outbox').columns(['site_id', 'created_at']).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('outbox').ifExists().execute();
      await db.schema.dropIndex('appointments_one_per_slot').ifExists().execute();
      await db.schema.dropTable('absences').ifExists().execute();
      await db.schema.dropTable('motifs').ifExists().execute();
    },
  };
}
