import { sql, type Kysely } from 'kysely';

/**
 * What running Borne from the console needs:
 * - three roles instead of two: the old « admin » ran every pôle, so it becomes
 *   admin_departement; a médiateur and an admin de pôle belong to pôles (staff_sites);
 * - the live configuration of each pôle in the database (site_configs), imported from
 *   kiosk-config/ on the first start; `version` refuses a second admin's stale save;
 * - a version on staff accounts, for the same reason.
 */
export function administration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await sql`UPDATE staff_users SET role = 'admin_departement' WHERE role = 'admin'`.execute(db);
      await db.schema.alterTable('staff_users').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
      await db.schema
        .createTable('staff_sites')
        .addColumn('staff_id', 'text', (c) => c.notNull())
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('staff_sites_pk', ['staff_id', 'site_id'])
        .execute();
      await db.schema.createIndex('staff_sites_site').on('staff_sites').column('site_id').execute();
      // Médiateurs could work at every pôle until now: keep it so for the pôles that have kiosks;
      // an admin narrows it in « Comptes ».
      await sql`INSERT INTO staff_sites (staff_id, site_id) SELECT u.id, k.site_id FROM staff_users u CROSS JOIN (SELECT DISTINCT site_id FROM kiosks) k WHERE u.role = 'mediateur'`.execute(db);
      await db.schema
        .createTable('site_configs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('json', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        // Null when the change came from a file import (the CLI runs as nobody in particular).
        .addColumn('updated_by', 'text')
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('site_configs').ifExists().execute();
      await db.schema.dropTable('staff_sites').ifExists().execute();
      await db.schema.alterTable('staff_users').dropColumn('version').execute();
      await sql`UPDATE staff_users SET role = 'admin' WHERE role <> 'mediateur'`.execute(db);
    },
  };
}
