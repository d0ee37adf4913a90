import { sql } from 'kysely';
import type { Db } from './db';
import { isPostgres } from './locks';

/**
 * Tells the other server instances, when `trx` commits, that something happened on `channel`.
 * On PostgreSQL a NOTIFY inside a transaction is delivered at commit, in commit order, and not
 * at all on rollback. On SQLite there is one server process, which wakes its own bus.
 */
export async function notifyOnCommit(trx: Db, channel: string, payload: string): Promise<void> {
  if (!isPostgres(trx)) return;
  await sql`select pg_notify(${channel}, ${payload})`.execute(trx);
}

/** Sends a NOTIFY now (PostgreSQL only; callers on SQLite use the in-process transport). */
export async function notifyNow(db: Db, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}
