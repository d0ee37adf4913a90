import type { Kysely } from 'kysely';

/**
 * Anonymous guide counts (opened, completed, per site, guide and day) and the guide step each
 * kiosk reports, so the console can show where a usager is without knowing who they are.
 */
export function guides() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('guide_stats')
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('guide_id', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('opened', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('completed', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('guide_stats_pk', ['site_id', 'guide_id', 'day'])
        .execute();
      await db.schema.alterTable('kiosks').addColumn('guide_id', 'text').execute();
      await db.schema.alterTable('kiosks').addColumn('guide_step', 'integer').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('guide_stats').ifExists().execute();
    },
  };
}
