import { sql } from 'kysely';
import { openStore, redactUrl, StoreUrlError, type Store } from './db';

/** The database a DATABASE_URL names cannot be reached or opened: said in one line, never a stack trace. */
export class StoreConnectError extends Error {}

/** The default of the server and of every command: the embedded SQLite file. */
export const DEFAULT_DATABASE_URL = 'sqlite:./data/borne.sqlite';

/**
 * Opens the store `url` names and checks that it answers, so that a server or a command stops
 * at once with "cannot connect to PostgreSQL at host:port: <reason>" instead of a driver's stack
 * trace on its first query. A malformed URL is a StoreUrlError, an unreachable database a
 * StoreConnectError; neither message holds the password.
 */
export async function openCheckedStore(url: string, options: { poolSize?: number } = {}): Promise<Store> {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new StoreUrlError(`DATABASE_URL is not a valid PostgreSQL URL: expected postgres://user:password@host:5432/database, got "${redactUrl(url)}"`);
    }
    if (!parsed.hostname || parsed.pathname.length <= 1) throw new StoreUrlError(`DATABASE_URL names no host or no database: expected postgres://user:password@host:5432/database, got "${redactUrl(url)}"`);
  }
  let store: Store;
  try {
    store = openStore(url, options);
  } catch (error) {
    if (error instanceof StoreUrlError) throw error;
    throw new StoreConnectError(`cannot open the SQLite database ${url.slice('sqlite:'.length)}: ${reasonOf(error)}`);
  }
  try {
    await sql`select 1`.execute(store.db);
    return store;
  } catch (error) {
    await store.close().catch(() => {});
    throw new StoreConnectError(store.dialect === 'postgres' ? `cannot connect to PostgreSQL at ${hostOf(url)}: ${reasonOf(error)}` : `cannot open the SQLite database ${url.slice('sqlite:'.length)}: ${reasonOf(error)}`);
  }
}

/** Whether an error is one of the two above, whose message is meant for the person. */
export function isStoreOpenError(error: unknown): error is Error {
  return error instanceof StoreUrlError || error instanceof StoreConnectError;
}

function hostOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}`;
}

function reasonOf(error: unknown): string {
  const e = error as { message?: string; code?: string; errors?: { message?: string }[] };
  // A host that resolves to several addresses fails with an AggregateError and an empty message.
  const message = e.message || e.errors?.map((x) => x.message).join('; ') || e.code || String(error);
  return message.split('\n')[0]!;
}
