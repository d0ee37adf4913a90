import { sql } from 'kysely';
import { migrate, type Db, type Store } from './db';

/**
 * `npm run db:copy`: a SQLite install moves to PostgreSQL and loses nothing.
 *
 * Both sides are migrated by the same list first, so their tables and columns are the same. The
 * copy reads the SQLite file inside one read transaction (a consistent snapshot, even if a server
 * still writes) and writes PostgreSQL inside one transaction: parents before children (foreign
 * keys), in batches, then every sequence set past the largest id copied (the events id, that a
 * console's Last-Event-ID resumes from, continues), then each table's count checked against the
 * source's before the commit. Anything wrong rolls everything back: the target stays empty.
 */
export class CopyRefused extends Error {}

export interface CopyReport {
  tables: { name: string; rows: number }[];
  /** Sequences set past the largest id copied: table.column → the next value. */
  sequences: { table: string; column: string; next: number }[];
}

/** Under PostgreSQL's 65,535 bind parameters a statement, and small enough to keep memory flat. */
const MAX_PARAMETERS = 30_000;
const MAX_BATCH_ROWS = 1_000;

export async function copyStore(from: Store, to: Store, options: { onTable?: (name: string, rows: number) => void } = {}): Promise<CopyReport> {
  if (from.dialect !== 'sqlite') throw new CopyRefused('the source must be a SQLite database (sqlite:<file>); to copy PostgreSQL to PostgreSQL use pg_dump and pg_restore');
  if (to.dialect !== 'postgres') throw new CopyRefused('the target must be a PostgreSQL database (postgres://…)');
  await migrate(from);
  await migrate(to);
  const tables = await copyOrder(to.db);
  const sourceTables = new Set((await from.db.introspection.getTables()).map((t) => t.name));
  const missing = tables.filter((t) => !sourceTables.has(t));
  const extra = [...sourceTables].filter((t) => !tables.includes(t));
  if (missing.length || extra.length) throw new CopyRefused(`the two databases do not have the same tables after migration (only in PostgreSQL: ${missing.join(', ') || 'none'}; only in SQLite: ${extra.join(', ') || 'none'})`);

  return from.db.transaction().execute((src) =>
    to.db.transaction().execute(async (dst) => {
      const filled = [];
      for (const table of tables) if ((await count(dst, table)) > 0) filled.push(table);
      if (filled.length) throw new CopyRefused(`the target already holds data (in ${filled.join(', ')}): nothing was written. Copy into a new, empty database (createdb), or drop this one first.`);

      const report: CopyReport = { tables: [], sequences: [] };
      for (const table of tables) {
        const rows = await copyTable(src, dst, table);
        const expected = await count(src, table);
        const got = await count(dst, table);
        if (rows !== expected || got !== expected) throw new Error(`${table}: ${expected} rows in SQLite, ${got} in PostgreSQL after the copy; nothing was written`);
        report.tables.push({ name: table, rows: got });
        options.onTable?.(table, got);
      }
      report.sequences = await resetSequences(dst);
      return report;
    }),
  );
}

async function count(db: Db, table: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** The target's tables (not Kysely's own), every table after the tables its foreign keys point to. */
async function copyOrder(db: Db): Promise<string[]> {
  const tables = (
    await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely\_%' order by table_name`.execute(db)
  ).rows.map((r) => r.name);
  const edges = (
    await sql<{ child: string; parent: string }>`
      select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = current_schema()`.execute(db)
  ).rows;
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) if (e.child !== e.parent) parents.get(unquote(e.child))?.add(unquote(e.parent));
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p) || !parents.has(p)));
    if (ready.length === 0) throw new Error(`the foreign keys between ${tables.filter((t) => !placed.has(t)).join(', ')} form a cycle`);
    for (const t of ready) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return ordered;
}

function unquote(name: string): string {
  return name.startsWith('"') ? name.slice(1, -1).replaceAll('""', '"') : name;
}

/** Reads the SQLite table in rowid order, a batch at a time, and inserts each batch as one statement. */
async function copyTable(src: Db, dst: Db, table: string): Promise<number> {
  let after = -Infinity;
  let copied = 0;
  let batch = MAX_BATCH_ROWS;
  for (;;) {
    const page = (await sql<Record<string, unknown>>`select rowid as "__copy_rowid", * from ${sql.table(table)} where rowid > ${after === -Infinity ? Number.MIN_SAFE_INTEGER : after} order by rowid limit ${batch}`.execute(src)).rows;
    if (page.length === 0) return copied;
    after = Number(page[page.length - 1]!.__copy_rowid);
    const columns = Object.keys(page[0]!).filter((c) => c !== '__copy_rowid');
    batch = Math.max(1, Math.min(MAX_BATCH_ROWS, Math.floor(MAX_PARAMETERS / Math.max(1, columns.length))));
    for (let i = 0; i < page.length; i += batch) {
      const rows = page.slice(i, i + batch);
      try {
        await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(rows.map((r) => sql`(${sql.join(columns.map((c) => r[c]))})`))}`.execute(dst);
      } catch (error) {
        throw new Error(`${table}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    copied += page.length;
  }
}

/** Every serial or identity column's sequence, set so that the next id is past the largest copied. */
async function resetSequences(db: Db): Promise<CopyReport['sequences']> {
  const columns = (
    await sql<{ table: string; column: string; sequence: string | null }>`
      select table_name as "table", column_name as "column", pg_get_serial_sequence(quote_ident(table_name), column_name) as "sequence"
      from information_schema.columns
      where table_schema = current_schema() and table_name not like 'kysely\_%' and (column_default like 'nextval(%' or is_identity = 'YES')
      order by table_name, column_name`.execute(db)
  ).rows;
  const out: CopyReport['sequences'] = [];
  for (const c of columns) {
    if (!c.sequence) continue;
    const max = (await sql<{ max: number | null }>`select max(${sql.ref(c.column)}) as max from ${sql.table(c.table)}`.execute(db)).rows[0]?.max;
    const next = Number(max ?? 0) + 1;
    await sql`select setval(${c.sequence}::regclass, ${next}, false)`.execute(db);
    out.push({ table: c.table, column: c.column, next });
  }
  return out;
}
