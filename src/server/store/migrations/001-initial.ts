import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db';

/** Portable DDL: plain types, and an auto-increment id written per dialect. */
export function initial(dialect: Dialect) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createTable('settings').addColumn('key', 'text', (c) => c.primaryKey()).addColumn('value', 'text', (c) => c.notNull()).execute();

      await db.schema
        .createTable('staff_users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('first_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('disabled_at', 'text')
        .execute();

      await db.schema
        .createTable('staff_sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('staff_id', 'text', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('staff_duty')
        .addColumn('staff_id', 'text', (c) => c.primaryKey().references('staff_users.id').onDelete('cascade'))
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('since', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('kiosks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('enrolled_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text')
        .addColumn('in_session', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('screen', 'text')
        .addColumn('language', 'text')
        .execute();

      await db.schema
        .createTable('help_calls')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('kiosk_id', 'text', (c) => c.notNull())
        .addColumn('request_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('screen', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('guide_id', 'text')
        .addColumn('step', 'integer')
        .addColumn('accessibility', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('escalated_at', 'text')
        .addColumn('claimed_at', 'text')
        .addColumn('claimed_by', 'text')
        .addColumn('claimed_by_first_name', 'text')
        .addColumn('ended_at', 'text')
        .addColumn('outcome', 'text')
        .addColumn('open_slot', 'integer')
        .execute();
      await db.schema.createIndex('help_calls_request').on('help_calls').columns(['kiosk_id', 'request_id']).unique().execute();
      // NULLs never collide in a unique index, so this allows exactly one open call per kiosk.
      await db.schema.createIndex('help_calls_one_open').on('help_calls').columns(['kiosk_id', 'open_slot']).unique().execute();
      await db.schema.createIndex('help_calls_site_status').on('help_calls').columns(['site_id', 'status', 'created_at']).execute();
      await db.schema.createIndex('help_calls_site_ended').on('help_calls').columns(['site_id', 'ended_at']).execute();

      const events = db.schema.createTable('events');
      await (dialect === 'postgres'
        ? events.addColumn('id', 'bigserial', (c) => c.primaryKey())
        : events.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      )
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('events_site').on('events').columns(['site_id', 'id']).execute();
      void sql;
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const t of ['events', 'help_calls', 'kiosks', 'staff_duty', 'staff_sessions', 'staff_users', 'settings']) {
        await db.schema.dropTable(t).ifExists().execute();
      }
    },
  };
}
