import type { Kysely } from 'kysely';

/**
 * identification_attempts now keeps a keyed hash (HMAC under the instance secret) of what was
 * typed. The rows written before hold unkeyed sha256 hashes, reversible by trying every number:
 * they are deleted, not rehashed (nobody can rehash them, and they only matter for 15 minutes).
 */
export function keyedAttempts() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.deleteFrom('identification_attempts').execute();
      // The sweep deletes attempts by age: an index on the time alone keeps that cheap.
      await db.schema.createIndex('identification_attempts_at').ifNotExists().on('identification_attempts').column('at').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('identification_attempts_at').ifExists().execute();
    },
  };
}
