import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, type Migration, type MigrationProvider } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import { BorneSqliteDialect } from './sqlite-dialect';
import { initial } from './migrations/001-initial';
import { dossiers } from './migrations/002-dossiers';
import { agenda } from './migrations/003-agenda';
import { guides } from './migrations/004-guides';
import { staffAudit } from './migrations/005-staff-audit';
import { signInThrottle } from './migrations/007-sign-in-throttle';
import { referentWords } from './migrations/009-referent-words';
import { keyedAttempts } from './migrations/006-keyed-attempts';
import { administration } from './migrations/010-administration';
import { agendaAdmin } from './migrations/015-agenda-admin';
import { fleet } from './migrations/012-fleet';
import { enrolment } from './migrations/011-enrolment';
import { accounts } from './migrations/014-accounts';
import { commands } from './migrations/013-commands';
import { scale } from './migrations/016-scale';
import { bookingLimits } from './migrations/017-booking-limits';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;

export interface Store {
  db: Db;
  dialect: Dialect;
  /** PostgreSQL only: the pool, for its use figures (/metrics) and for a listener's connection settings. */
  pool?: pg.Pool;
  /** PostgreSQL only: the connection string, for the bus's own LISTEN connection outside the pool. */
  url?: string;
  close(): Promise<void>;
}

export class StoreUrlError extends Error {}

/** Hides a password in a connection string before it goes into a message. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

/**
 * Opens the store a DATABASE_URL names: `sqlite:<file>` (the embedded default) or
 * `postgres://user:pass@host/db` (PostgreSQL 15 or later).
 */
export function openStore(url: string, options: { poolSize?: number } = {}): Store {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length));
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgres(url, options);
  throw new StoreUrlError(`DATABASE_URL must start with sqlite: (a file path, for example sqlite:./data/borne.sqlite) or postgres:// (for example postgres://borne:secret@localhost/borne); got "${redactUrl(url)}"`);
}

/**
 * PostgreSQL over a pg pool. Integer columns come back as numbers on both dialects: pg returns
 * bigint (count(*), bigserial ids) as strings by default, which repositories must not need to know.
 */
export function openPostgres(url: string, options: { poolSize?: number } = {}): Store {
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (oid === pg.types.builtins.INT8 && format !== 'binary') return (value: string) => Number(value);
      if (oid === pg.types.builtins.NUMERIC && format !== 'binary') return (value: string) => Number(value);
      return pg.types.getTypeParser(oid, format as 'text');
    }) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, types, application_name: 'borne' });
  // An idle client that loses its server (restart, failover) emits here; without a listener the process would crash.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', pool, url, close: () => db.destroy() };
}

/** Opens the embedded SQLite store. WAL lets the SSE readers and the writers work side by side. */
export function openSqlite(file: string): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // FULL: a commit is on disk before the usager is told (a booking, a help call survives a power
  // cut). In WAL mode NORMAL would sync only at checkpoints, and a power cut could roll back the
  // last commits the kiosk had confirmed. The cost of a sync per commit is kept off the hot
  // paths instead: heartbeats commit in batches (store/write-batch.ts), and a booking writes its
  // audit row in its own transaction (one sync per booking, not two: agenda/sql-agenda-source.ts).
  sqlite.pragma('synchronous = FULL');
  const db = new Kysely<Database>({ dialect: new BorneSqliteDialect(sqlite) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

function provider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return { '001-initial': initial(dialect), '002-dossiers': dossiers(), '003-agenda': agenda(), '004-guides': guides(), '005-staff-audit': staffAudit(), '006-keyed-attempts': keyedAttempts(), '007-sign-in-throttle': signInThrottle(), '009-referent-words': referentWords(),
        '010-administration': administration(),
        '015-agenda-admin': agendaAdmin(),
        '012-fleet': fleet(),
        '011-enrolment': enrolment(),
        '014-accounts': accounts(),
        '013-commands': commands(),
        '016-scale': scale(),
        '017-booking-limits': bookingLimits(),
      };
    },
  };
}

/** Migrates to the latest version, or up to `target` (a migration's name: tests of an upgrade). */
export async function migrate(store: Store, target?: string): Promise<void> {
  const migrator = new Migrator({ db: store.db, provider: provider(store.dialect) });
  const { error, results } = target ? await migrator.migrateTo(target) : await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
