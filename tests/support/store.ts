import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openSqlite, type Dialect, type Store } from '../../src/server/store/db';
import { openNamedPgTestStore } from './pg';

/**
 * Which database the integration tests run on. The integration project runs them on SQLite; the
 * integration-pg project runs the same files on PostgreSQL (BORNE_TEST_DIALECT=postgres).
 */
export function testDialect(): Dialect {
  return process.env.BORNE_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
}

/** The PostgreSQL database that stands for the SQLite file of `dir`: one name per folder. */
export function pgDatabaseOf(dir: string): string {
  return `borne_d${process.pid}_${createHash('sha256').update(dir).digest('hex').slice(0, 16)}`;
}

export function pgAdminUrl(): string {
  const adminUrl = inject('pgAdminUrl');
  if (!adminUrl) throw new Error('BORNE_TEST_DIALECT=postgres needs the integration-pg project (its global setup starts PostgreSQL)');
  return adminUrl;
}

/**
 * A store for one test server: a SQLite file in `dir`, or on the run's PostgreSQL cluster the
 * database of `dir` (`migrated: false` for tests of the migrations themselves). Opening the same
 * `dir` again opens the same data on both dialects, as a restart does; closing keeps it, `drop()`
 * removes it (the SQLite file goes with its folder).
 */
export async function openTestStore(dir: string, options: { migrated?: boolean; poolSize?: number } = {}): Promise<Store & { dbFile: string; drop(): Promise<void> }> {
  if (testDialect() === 'postgres') {
    return { ...(await openNamedPgTestStore(pgAdminUrl(), pgDatabaseOf(dir), options)), dbFile: '' };
  }
  const dbFile = join(dir, 'borne.sqlite');
  return { ...openSqlite(dbFile), dbFile, drop: async () => {} };
}
