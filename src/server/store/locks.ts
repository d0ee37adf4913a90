import { PostgresAdapter, sql } from 'kysely';
import type { Db } from './db';

/**
 * Serialising check-then-act work across server instances.
 *
 * On SQLite there is one writer: a transaction that reads then writes cannot interleave with
 * another, so these are no-ops. On PostgreSQL (READ COMMITTED) two instances can both count
 * "2 bookings" and both insert a third; a transaction-scoped advisory lock on a key makes the
 * second wait until the first commits or rolls back. Repositories call these with their `trx`
 * and stay dialect-free.
 */
export function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Takes the lock on `key` until the end of the transaction `trx` (PostgreSQL; nothing on SQLite). */
export async function lockForTransaction(trx: Db, key: string): Promise<void> {
  if (!isPostgres(trx)) return;
  if (!trx.isTransaction) throw new Error(`lockForTransaction(${key}) needs a transaction: an advisory xact lock outside one ends with its statement`);
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
}

/**
 * Takes the locks on several keys until the end of `trx`, always in the same (sorted) order, so
 * two transactions wanting overlapping keys wait for each other instead of deadlocking.
 */
export async function lockAllForTransaction(trx: Db, keys: readonly string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) await lockForTransaction(trx, key);
}

/** Runs `work` in a transaction that holds the lock on `key` (one transaction on SQLite too). */
export async function withLock<T>(db: Db, key: string, work: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) {
    await lockForTransaction(db, key);
    return work(db);
  }
  return db.transaction().execute(async (trx) => {
    await lockForTransaction(trx, key);
    return work(trx);
  });
}
