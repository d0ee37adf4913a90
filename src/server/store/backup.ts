import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { redactUrl } from './db';

/**
 * `npm run db:backup`: a consistent copy of the live database while the server keeps running.
 * SQLite: SQLite's online backup API (better-sqlite3's db.backup), checked with integrity_check.
 * PostgreSQL: pg_dump's custom format, the tool PostgreSQL's own documentation gives for this.
 */
export class BackupError extends Error {}

export interface TableCount {
  name: string;
  /** null on PostgreSQL: a custom-format dump does not say without restoring it. */
  rows: number | null;
}

export interface BackupSummary {
  file: string;
  bytes: number;
  /** SQLite: the copy's `pragma integrity_check` ("ok"); PostgreSQL: what pg_restore --list read. */
  check: string;
  tables: TableCount[];
}

/** borne-YYYYMMDD-HHMMSS in UTC: sortable, and no two names the same hour when clocks change. */
export function backupName(now: Date, extension: string): string {
  const iso = now.toISOString();
  return `borne-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}.${extension}`;
}

/** The default SQLite target: backups/ next to the database file. */
export function defaultSqliteTarget(dbFile: string, now: Date): string {
  return join(dirname(dbFile), 'backups', backupName(now, 'sqlite'));
}

function refuseExisting(target: string): void {
  if (existsSync(target)) throw new BackupError(`${target} exists already: a backup never overwrites a file. Choose another --to.`);
}

/**
 * Copies a SQLite database that another process may be writing. The copy is written under a
 * .partial name and renamed only once it has passed integrity_check, so a file named like a
 * backup is always a whole, checked one.
 */
export async function backupSqlite(source: string, target: string): Promise<BackupSummary> {
  if (!existsSync(source)) throw new BackupError(`There is no database at ${source}: check DATABASE_URL (it is sqlite:${source}).`);
  refuseExisting(target);
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const db = new SQLite(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // All the pages in one step: one read transaction, a snapshot that WAL lets the server keep
    // writing past. In small steps, each write of the server between two steps would restart the copy.
    await db.backup(partial, { progress: () => 0x7fffffff });
  } catch (error) {
    rmSync(partial, { force: true });
    throw new BackupError(`The backup of ${source} failed: ${(error as Error).message}`);
  } finally {
    db.close();
  }
  const summary = checkSqliteCopy(partial);
  if (summary.check !== 'ok') {
    rmSync(partial, { force: true });
    throw new BackupError(`The copy of ${source} failed its integrity check (${summary.check}); nothing was kept. Try again; if it fails again, the database itself needs a look.`);
  }
  renameSync(partial, target);
  return { ...summary, file: target, bytes: statSync(target).size };
}

/** Makes the copy one self-contained file (no -wal beside it), then checks and counts it. */
export function checkSqliteCopy(file: string): BackupSummary {
  const copy = new SQLite(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const check = String(copy.pragma('integrity_check', { simple: true }));
    const names = copy.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[];
    const tables = names.map((name) => ({ name, rows: Number(copy.prepare(`select count(*) from "${name.replaceAll('"', '""')}"`).pluck().get()) }));
    return { file, bytes: statSync(file).size, check, tables };
  } finally {
    copy.close();
  }
}

const run = promisify(execFile);

/** The connection string without its password, which goes to pg_dump through PGPASSWORD instead of the command line (ps shows that). */
export function splitPassword(url: string): { url: string; password: string | undefined } {
  const parsed = new URL(url);
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  parsed.password = '';
  return { url: parsed.toString(), password };
}

/** The command an administrator runs by hand (or from cron): what db:backup runs on PostgreSQL. */
export function pgDumpCommand(url: string, target: string): string {
  return `pg_dump --format=custom --file ${target} '${splitPassword(url).url}'`;
}

async function onPath(tool: string): Promise<boolean> {
  return run(tool, ['--version']).then(
    () => true,
    () => false,
  );
}

/** pg_dump --format=custom, then pg_restore --list to read the dump back and count its tables. */
export async function backupPostgres(url: string, target: string): Promise<BackupSummary> {
  if (!(await onPath('pg_dump')) || !(await onPath('pg_restore'))) {
    throw new BackupError(
      `On PostgreSQL a backup is made with pg_dump, which is not installed here (Debian: apt install postgresql-client; its major version must be the server's or newer). The command is:\n  ${pgDumpCommand(url, target)}\n(the password from ~/.pgpass or PGPASSWORD).`,
    );
  }
  refuseExisting(target);
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  const { url: bare, password } = splitPassword(url);
  const env = { ...process.env, ...(password === undefined ? {} : { PGPASSWORD: password }) };
  try {
    await run('pg_dump', ['--format=custom', '--file', partial, bare], { env, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    rmSync(partial, { force: true });
    const stderr = String((error as { stderr?: string }).stderr ?? (error as Error).message).trim();
    throw new BackupError(`pg_dump failed on ${redactUrl(url)}:\n${stderr.replaceAll(password ?? '\0', '***')}`);
  }
  let list: string;
  try {
    list = (await run('pg_restore', ['--list', partial], { maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    rmSync(partial, { force: true });
    throw new BackupError(`pg_restore cannot read the dump back; nothing was kept: ${String((error as { stderr?: string }).stderr ?? error).trim()}`);
  }
  // "123; 0 16390 TABLE DATA public events postgres": one line for each table's rows.
  const tables = [...list.matchAll(/^\d+; \d+ \d+ TABLE DATA \S+ (\S+) /gm)].map((m) => ({ name: m[1]!, rows: null })).sort((a, b) => a.name.localeCompare(b.name));
  renameSync(partial, target);
  return { file: target, bytes: statSync(target).size, check: `pg_restore --list: ${tables.length} tables`, tables };
}
