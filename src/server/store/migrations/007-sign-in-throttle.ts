import type { Kysely } from 'kysely';

/**
 * Failed sign-ins, kept in the database so the limits per username and per client address hold
 * across a restart. The username is kept only as a keyed hash (people type their password in the
 * username field); rows are purged after a day, and a successful sign-in clears its username's.
 */
export function signInThrottle() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('sign_in_failures')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username_key', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sign_in_failures_username').on('sign_in_failures').columns(['username_key', 'at']).execute();
      await db.schema.createIndex('sign_in_failures_address').on('sign_in_failures').columns(['address', 'at']).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('sign_in_failures').ifExists().execute();
    },
  };
}
