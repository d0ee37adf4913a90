import type { Kysely } from 'kysely';

/**
 * Enrolment from the console (« Ajouter une borne »):
 * - enrolment_codes keeps each one-time code as a keyed hash only (HMAC under a key derived from
 *   the instance secret): the database alone never gives a code back, not even by trying them all;
 * - enrolment_failures keeps each refused try (when, and a keyed hash of the client address), so
 *   trying codes is rate-limited per address and overall, whatever process or restart answers.
 */
export function enrolment() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('enrolment_codes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code_hash', 'text', (c) => c.notNull().unique())
        .addColumn('kiosk_id', 'text', (c) => c.notNull())
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        // Set once, when a PC redeems it (or when a newer code for the kiosk replaces it).
        .addColumn('used_at', 'text')
        .execute();
      await db.schema.createIndex('enrolment_codes_kiosk').on('enrolment_codes').column('kiosk_id').execute();
      await db.schema
        .createTable('enrolment_failures')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('address_key', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('enrolment_failures_address').on('enrolment_failures').columns(['address_key', 'at']).execute();
      await db.schema.createIndex('enrolment_failures_at').on('enrolment_failures').column('at').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('enrolment_failures').ifExists().execute();
      await db.schema.dropTable('enrolment_codes').ifExists().execute();
    },
  };
}
