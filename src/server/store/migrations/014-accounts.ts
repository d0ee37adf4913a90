import type { Kysely } from 'kysely';

/**
 * « Comptes »: accounts made in the console get a one-time setup code instead of a password.
 * - account_setup_codes keeps only a keyed hash of each code (HMAC under a key derived from the
 *   instance secret): reading the database does not give a working link. A code is used once
 *   (used_at) and expires; a new code for the same account replaces the old one.
 * - account_setup_failures counts wrong codes per client address, so trying codes is slow and
 *   a restart forgets nothing.
 */
export function accounts() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('account_setup_codes')
        .addColumn('code_hash', 'text', (c) => c.primaryKey())
        .addColumn('staff_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addColumn('created_by', 'text')
        .execute();
      await db.schema.createIndex('account_setup_codes_staff').on('account_setup_codes').column('staff_id').execute();
      await db.schema
        .createTable('account_setup_failures')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('account_setup_failures_address').on('account_setup_failures').columns(['address', 'at']).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('account_setup_failures').ifExists().execute();
      await db.schema.dropTable('account_setup_codes').ifExists().execute();
    },
  };
}
