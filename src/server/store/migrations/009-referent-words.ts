import type { Kysely } from 'kysely';

/**
 * Words that agree with the person and places in the usager's language: a référent's
 * grammatical gender (« assistante sociale » / « assistant social »), and the translations of
 * a room or an appointment's place next to the French text already stored (JSON {en, ar, …}).
 * All nullable: a source that does not know keeps the old behaviour (both forms, French place).
 */
export function referentWords() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('referents').addColumn('gender', 'text').execute();
      await db.schema.alterTable('referents').addColumn('place_i18n', 'text').execute();
      await db.schema.alterTable('appointments').addColumn('place_i18n', 'text').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('appointments').dropColumn('place_i18n').execute();
      await db.schema.alterTable('referents').dropColumn('place_i18n').execute();
      await db.schema.alterTable('referents').dropColumn('gender').execute();
    },
  };
}
