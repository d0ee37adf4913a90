import type { Kysely } from 'kysely';

/**
 * The built-in dossier store (a département's GRC connector replaces it later behind
 * DossierSource), identification attempts for the lockout, usager sessions and the audit log.
 */
export function dossiers() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('referents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('first_name', 'text', (c) => c.notNull())
        .addColumn('metier', 'text', (c) => c.notNull())
        .addColumn('place', 'text', (c) => c.notNull())
        .addColumn('hours', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('dossiers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('number', 'text', (c) => c.notNull().unique())
        .addColumn('birth_date', 'text', (c) => c.notNull())
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('referent_id', 'text', (c) => c.references('referents.id'))
        .addColumn('kiosk_access', 'text', (c) => c.notNull().defaultTo('open'))
        .execute();
      await db.schema
        .createTable('demandes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('last_change_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('missing_documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id').onDelete('cascade'))
        .addColumn('demande_id', 'text')
        .addColumn('type', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('appointments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('dossier_id', 'text', (c) => c.references('dossiers.id').onDelete('cascade'))
        .addColumn('referent_id', 'text', (c) => c.notNull().references('referents.id'))
        .addColumn('starts_at', 'text', (c) => c.notNull())
        .addColumn('ends_at', 'text', (c) => c.notNull())
        .addColumn('place', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('appointments_referent').on('appointments').columns(['referent_id', 'starts_at']).execute();
      await db.schema
        .createTable('identification_attempts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kiosk_id', 'text', (c) => c.notNull())
        // sha256 of the dossier number tried: counts failures per dossier without keeping what was typed.
        .addColumn('dossier_key', 'text', (c) => c.notNull())
        .addColumn('success', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('identification_attempts_kiosk').on('identification_attempts').columns(['kiosk_id', 'at']).execute();
      await db.schema.createIndex('identification_attempts_dossier').on('identification_attempts').columns(['dossier_key', 'at']).execute();
      await db.schema
        .createTable('usager_sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('kiosk_id', 'text', (c) => c.notNull())
        .addColumn('dossier_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('ended_at', 'text')
        .execute();
      await db.schema.createIndex('usager_sessions_kiosk').on('usager_sessions').columns(['kiosk_id', 'ended_at']).execute();
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('kiosk_id', 'text')
        .addColumn('dossier_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const t of ['audit_log', 'usager_sessions', 'identification_attempts', 'appointments', 'missing_documents', 'demandes', 'dossiers', 'referents']) {
        await db.schema.dropTable(t).ifExists().execute();
      }
    },
  };
}
