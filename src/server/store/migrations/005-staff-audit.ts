import type { Kysely } from 'kysely';

/**
 * What staff did (sign-in, duty, remote resets, hours, reading the outbox): who, what, when and
 * from which address. Kept apart from the kiosks' audit_log, which never names a person.
 */
export function staffAudit() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('staff_audit')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        // Null for a failed sign-in with an unknown username: that name is not kept either.
        .addColumn('staff_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('site_id', 'text')
        .addColumn('target', 'text')
        .addColumn('before_json', 'text')
        .addColumn('after_json', 'text')
        .addColumn('address', 'text')
        .execute();
      await db.schema.createIndex('staff_audit_at').on('staff_audit').column('at').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('staff_audit').ifExists().execute();
    },
  };
}
