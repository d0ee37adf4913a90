import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';

/**
 * Kysely over better-sqlite3, like Kysely's own SqliteDialect with two differences that matter
 * under load (npm run bench, booking):
 * - the single connection is handed out strictly first come, first served, so a request never
 *   starves behind later ones (Kysely's mutex wakes every waiter on each release);
 * - prepared statements are kept and reused instead of being compiled by SQLite on every query.
 */
export class BorneSqliteDialect implements Dialect {
  constructor(private readonly database: BetterSqlite3.Database) {}
  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }
  createDriver(): Driver {
    return new FifoSqliteDriver(this.database);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

/** Strict FIFO lock: each release hands the connection to the oldest waiter, and only to it. */
class FifoLock {
  private held = false;
  private readonly waiters: (() => void)[] = [];
  acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }
  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.held = false;
  }
  get busy(): boolean {
    return this.held;
  }
  get waiting(): number {
    return this.waiters.length;
  }
}

const openLocks = new Set<FifoLock>();

/** The use of this process's open SQLite connections, for /metrics: how many, idle, and queries waiting. */
export function sqliteConnectionUse(): { total: number; idle: number; waiting: number } {
  let idle = 0;
  let waiting = 0;
  for (const lock of openLocks) {
    if (!lock.busy) idle++;
    waiting += lock.waiting;
  }
  return { total: openLocks.size, idle, waiting };
}

const STATEMENT_CACHE_SIZE = 500;

class CachedConnection implements DatabaseConnection {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  constructor(private readonly db: BetterSqlite3.Database) {}

  private prepare(sql: string): BetterSqlite3.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      // Queries with IN (…) lists vary in text: keep the cache bounded, oldest out first.
      if (this.statements.size >= STATEMENT_CACHE_SIZE) this.statements.delete(this.statements.keys().next().value!);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const stmt = this.prepare(query.sql);
    const parameters = query.parameters as unknown[];
    if (stmt.reader) return { rows: stmt.all(parameters) as R[] };
    const { changes, lastInsertRowid } = stmt.run(parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Borne does not stream queries: page them instead');
  }
}

class FifoSqliteDriver implements Driver {
  private readonly lock = new FifoLock();
  private readonly connection: CachedConnection;
  constructor(private readonly db: BetterSqlite3.Database) {
    this.connection = new CachedConnection(db);
    openLocks.add(this.lock);
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    await this.lock.acquire();
    return this.connection;
  }
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }
  async releaseConnection(): Promise<void> {
    this.lock.release();
  }
  async destroy(): Promise<void> {
    openLocks.delete(this.lock);
    this.db.close();
  }
}
