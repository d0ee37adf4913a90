import { join } from 'node:path';
import { inject } from 'vitest';
import { openSqlite, type Dialect, type Store } from '../../src/server/store/db';
import { openPgTestStore } from './pg';

/**
 * Which database the integration tests run on. The integration project runs them on SQLite; the
 * integration-pg project runs the same files on PostgreSQL (BORNE_TEST_DIALECT=postgres).
 */
export function testDialect(): Dialect {
  return process.env.BORNE_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
}

/**
 * A store for one test server: a SQLite file in `dir`, or a database of its own on the run's
 * PostgreSQL cluster (`migrated: false` for tests of the migrations themselves).
 */
export async function openTestStore(dir: string, options: { migrated?: boolean } = {}): Promise<Store & { dbFile: string }> {
  if (testDialect() === 'postgres') {
    const adminUrl = inject('pgAdminUrl');
    if (!adminUrl) throw new Error('BORNE_TEST_DIALECT=postgres needs the integration-pg project (its global setup starts PostgreSQL)');
    return { ...(await openPgTestStore(adminUrl, options)), dbFile: '' };
  }
  const dbFile = join(dir, 'borne.sqlite');
  return { ...openSqlite(dbFile), dbFile };
}
