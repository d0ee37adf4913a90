import { parseArgs } from 'node:util';
import { BackupError, backupName, backupPostgres, backupSqlite, defaultSqliteTarget, splitPassword, type BackupSummary } from './backup';
import { redactUrl } from './db';

const USAGE = `Usage: npm run db:backup [-- --to FILE]
  Backs up the database DATABASE_URL names (default sqlite:./data/borne.sqlite) while the server runs.
  SQLite: SQLite's online backup, then an integrity check of the copy; default
    FILE is backups/borne-YYYYMMDD-HHMMSS.sqlite (UTC) next to the database file.
  PostgreSQL: pg_dump --format=custom (Debian: postgresql-client); default FILE is
    data/backups/borne-YYYYMMDD-HHMMSS.dump.
  A backup never overwrites a file.`;

/** Exit 2: the command line or DATABASE_URL is wrong; nothing was done. */
function usage(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function readArgs(): { to: string | undefined } {
  try {
    const { values, positionals } = parseArgs({ args: process.argv.slice(2), options: { to: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    if (positionals.length) usage(`Unexpected argument "${positionals[0]}".`);
    if (values.to !== undefined && values.to.trim() === '') usage('--to needs a file name, for example --to /var/backups/borne/borne.sqlite');
    return { to: values.to };
  } catch (error) {
    return usage((error as Error).message);
  }
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

function report(summary: BackupSummary, restore: string): string {
  const width = Math.max(...summary.tables.map((t) => t.name.length), 5);
  const rows = summary.tables.map((t) => (t.rows === null ? `  ${t.name}` : `  ${t.name.padEnd(width)}  ${String(t.rows).padStart(9)}`));
  return [`Backup written: ${summary.file} (${formatSize(summary.bytes)})`, `Check: ${summary.check}`, `Tables (${summary.tables.length}):`, ...rows, `Restore: ${restore}`, ''].join('\n');
}

async function main(): Promise<void> {
  const { to } = readArgs();
  const url = process.env.DATABASE_URL ?? 'sqlite:./data/borne.sqlite';
  const now = new Date();
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (!file || file === ':memory:') usage(`DATABASE_URL=${url} names no database file.`);
    const summary = await backupSqlite(file, to ?? defaultSqliteTarget(file, now));
    process.stdout.write(report(summary, `stop the server, copy ${summary.file} over ${file}, delete ${file}-wal and ${file}-shm, start the server.`));
  } else if (/^postgres(ql)?:\/\//.test(url)) {
    const summary = await backupPostgres(url, to ?? `data/backups/${backupName(now, 'dump')}`);
    process.stdout.write(report(summary, `stop the servers, then pg_restore --clean --if-exists --no-owner --dbname '${splitPassword(url).url}' ${summary.file} (or into a new, empty database), start the servers.`));
  } else {
    usage(`DATABASE_URL must start with sqlite: or postgres:// (got "${redactUrl(url)}").`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`\nThe backup failed:\n${error instanceof BackupError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n\n`);
  process.exit(1);
});
