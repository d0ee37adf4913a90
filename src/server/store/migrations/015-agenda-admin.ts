import type { Kysely } from 'kysely';
import { translationsColumn } from '../../../core/i18n/localized-text';
import { DEMO_MOTIFS } from '../../seed/demo-motifs';

/**
 * « Référents » and « Motifs » in the console: a motif keeps its own name and description per
 * language (French in one column, the others as JSON, as places do), whether it is open without a
 * dossier, and when it was archived; référents can be archived too (their past appointments stay).
 * Both carry a version, so a second admin's save that started from an older one is refused.
 */
export function agendaAdmin() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('motifs').addColumn('name', 'text', (c) => c.notNull().defaultTo('')).execute();
      await db.schema.alterTable('motifs').addColumn('name_i18n', 'text').execute();
      await db.schema.alterTable('motifs').addColumn('description', 'text', (c) => c.notNull().defaultTo('')).execute();
      await db.schema.alterTable('motifs').addColumn('description_i18n', 'text').execute();
      await db.schema.alterTable('motifs').addColumn('first_contact', 'integer', (c) => c.notNull().defaultTo(1)).execute();
      await db.schema.alterTable('motifs').addColumn('archived_at', 'text').execute();
      await db.schema.alterTable('motifs').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
      await db.schema.alterTable('referents').addColumn('archived_at', 'text').execute();
      await db.schema.alterTable('referents').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
      // Before 015 only the demo made motifs, and their texts were the kiosk's locale keys of
      // their category: such rows get the same texts, now stored with them.
      await db.updateTable('motifs').set({ first_contact: 0 }).where('category', '=', 'referent_followup').execute();
      for (const m of DEMO_MOTIFS) {
        await db
          .updateTable('motifs')
          .set({ name: m.name.fr, name_i18n: translationsColumn(m.name), description: m.description.fr, description_i18n: translationsColumn(m.description) })
          .where('category', '=', m.category)
          .where('name', '=', '')
          .execute();
      }
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const c of ['version', 'archived_at']) await db.schema.alterTable('referents').dropColumn(c).execute();
      for (const c of ['version', 'archived_at', 'first_contact', 'description_i18n', 'description', 'name_i18n', 'name']) await db.schema.alterTable('motifs').dropColumn(c).execute();
    },
  };
}
