import type { Kysely } from 'kysely';

/**
 * « Parc des bornes »:
 * - what the heartbeats tell of a kiosk: app version, since when its page runs, camera, the code
 *   of its last error (codes only, never a message);
 * - previous_seen_at and health_changed, written by the heartbeat's single UPDATE from the row as
 *   it was (the right-hand sides of SET read the old row), so that UPDATE … RETURNING says whether
 *   the lease had lapsed and whether the details changed without a read first;
 * - an index on last_seen_at: the presence sweep reads only the kiosks whose lease just ended.
 */
export function fleet() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .alterTable('kiosks')
        .addColumn('app_version', 'text')
        .execute();
      await db.schema.alterTable('kiosks').addColumn('started_at', 'text').execute();
      await db.schema.alterTable('kiosks').addColumn('camera', 'integer').execute();
      await db.schema.alterTable('kiosks').addColumn('last_error_code', 'text').execute();
      await db.schema.alterTable('kiosks').addColumn('last_error_at', 'text').execute();
      await db.schema.alterTable('kiosks').addColumn('previous_seen_at', 'text').execute();
      await db.schema.alterTable('kiosks').addColumn('health_changed', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.createIndex('kiosks_last_seen').on('kiosks').column('last_seen_at').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('kiosks_last_seen').ifExists().execute();
      for (const column of ['health_changed', 'previous_seen_at', 'last_error_at', 'last_error_code', 'camera', 'started_at', 'app_version']) {
        await db.schema.alterTable('kiosks').dropColumn(column).execute();
      }
    },
  };
}
