import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_DATABASE_URL, isStoreOpenError, openCheckedStore } from './connect';
import { copyStore, CopyRefused, type CopyReport } from './copy';
import { redactUrl, type Store } from './db';

const USAGE = `Usage: npm run db:copy -- --to postgres://USER:PASSWORD@HOST:5432/DATABASE [--from sqlite:FILE]
  Copies a SQLite install of Borne into an empty PostgreSQL database, in one transaction:
  migrates the target, copies every table, sets the ids to continue after the largest copied,
  then checks every table's row count. A target that already holds data is refused, untouched.
  --from  the SQLite database (default: DATABASE_URL when it is sqlite:, else ${DEFAULT_DATABASE_URL}).
  Stop the server first: what it writes after the copy started is not copied.`;

/** Exit 2: the command line is wrong; nothing was done. */
function usage(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

/** Exit 1: the copy could not be made (unreachable database, target not empty); said in one line. */
function fail(message: string): never {
  process.stderr.write(`db:copy: ${message}\n`);
  process.exit(1);
}

function readArgs(): { from: string; to: string } {
  let values;
  try {
    const parsed = parseArgs({ args: process.argv.slice(2), options: { to: { type: 'string' }, from: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
    if (parsed.values.help) {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    if (parsed.positionals.length) usage(`Unexpected argument "${parsed.positionals[0]}".`);
    values = parsed.values;
  } catch (error) {
    usage((error as Error).message);
  }
  const to = values.to?.trim();
  if (!to) usage('--to is required: the PostgreSQL database to copy into, for example --to postgres://borne:secret@localhost:5432/borne');
  if (!/^postgres(ql)?:\/\//.test(to)) usage(`--to must be a postgres:// URL (got "${redactUrl(to)}").`);
  const env = process.env.DATABASE_URL;
  const from = values.from?.trim() || (env?.startsWith('sqlite:') ? env : DEFAULT_DATABASE_URL);
  if (!from.startsWith('sqlite:')) usage(`--from must be a sqlite: URL, for example --from sqlite:./data/borne.sqlite (got "${redactUrl(from)}").`);
  const file = from.slice('sqlite:'.length);
  if (!file || file === ':memory:') usage(`--from ${from} names no database file.`);
  // Opening a missing file would create an empty database and "copy" nothing.
  if (!existsSync(file)) usage(`There is no SQLite database at ${file}: give its path with --from sqlite:<file>.`);
  return { from, to };
}

function report(r: CopyReport): string {
  const width = Math.max(...r.tables.map((t) => t.name.length), 5);
  const total = r.tables.reduce((n, t) => n + t.rows, 0);
  return [
    `Tables (${r.tables.length}), rows copied and checked:`,
    ...r.tables.map((t) => `  ${t.name.padEnd(width)}  ${String(t.rows).padStart(9)}`),
    ...r.sequences.map((s) => `Next ${s.table}.${s.column}: ${s.next}`),
    `Copied ${total} rows; every table's count matches the SQLite database.`,
  ].join('\n');
}

async function open(url: string): Promise<Store> {
  try {
    return await openCheckedStore(url, { poolSize: 1 });
  } catch (error) {
    if (isStoreOpenError(error)) fail(error.message);
    throw error;
  }
}

async function main(): Promise<void> {
  const { from, to } = readArgs();
  process.stdout.write(`Copying ${from} to ${redactUrl(to)}\n`);
  const source = await open(from);
  const target = await open(to).catch(async (error: unknown) => {
    await source.close();
    throw error;
  });
  try {
    const result = await copyStore(source, target);
    process.stdout.write(`${report(result)}\nNext: stop using ${from}; start the servers with DATABASE_URL=${redactUrl(to)}\n`);
  } catch (error) {
    if (error instanceof CopyRefused) fail(error.message);
    throw error;
  } finally {
    await target.close();
    await source.close();
  }
}

main().catch((error: unknown) => fail(`the copy failed and was rolled back, nothing was written: ${error instanceof Error ? error.message : String(error)}`));
