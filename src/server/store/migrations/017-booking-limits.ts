import type { Kysely } from 'kysely';

/**
 * Indexes for the booking caps, counted inside every booking's transaction (sql-agenda-source):
 * bookings of a kiosk in the last hour, and live bookings of a phone and of a dossier. Without
 * them each booking scanned the whole appointments table three times, which keeps every past
 * booking: the largest cost of a booking in a CPU profile (issue 13). The same on both dialects.
 */
export function bookingLimits() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createIndex('appointments_kiosk_created').on('appointments').columns(['kiosk_id', 'created_at']).execute();
      await db.schema.createIndex('appointments_phone_live').on('appointments').columns(['contact_phone', 'status', 'starts_at']).execute();
      await db.schema.createIndex('appointments_dossier_live').on('appointments').columns(['dossier_id', 'status', 'starts_at']).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const name of ['appointments_dossier_live', 'appointments_phone_live', 'appointments_kiosk_created']) await db.schema.dropIndex(name).ifExists().execute();
    },
  };
}
