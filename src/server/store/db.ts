import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, type Migration, type MigrationProvider } from 'kysely';
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

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;

export interface Store {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
}

/** Opens the embedded SQLite store. WAL lets the SSE readers and the writers work side by side. */
export function openSqlite(file: string): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
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
