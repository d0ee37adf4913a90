import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { build } from '../../src/server/app';
import { loadGuides } from '../../src/server/config/guide-loader';
import { loadSites } from '../../src/server/config/site-loader';
import { BackupError, backupSqlite } from '../../src/server/store/backup';
import { migrate, openPostgres, openSqlite, type Store } from '../../src/server/store/db';
import { callHelp, pressHelp } from '../support/help';
import { kioskAuth, staffCookie, startTestServer, type TestServer } from '../support/server';
import { testDialect } from '../support/store';

/**
 * `npm run db:backup` (issue 11, « Backups »): a copy made while the server writes, checked, and
 * a restore that a server then serves, on both dialects.
 */
const run = promisify(execFile);
const TSX = join('node_modules', '.bin', 'tsx');

async function backupCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(TSX, ['src/server/store/backup-cli.ts', ...args], { env: { ...process.env, ...env }, timeout: 60_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

/** A server on `store`, as `npm run serve` builds it after a restore. */
async function serverOn(store: Store) {
  await migrate(store);
  const sites = loadSites('kiosk-config');
  return build({ store, sites, guides: loadGuides('kiosk-config', sites).guides, sweepIntervalMs: 0 });
}

/** What a médiateur sees of the day's calls, and whether a demo kiosk is still recognised. */
async function served(app: Awaited<ReturnType<typeof serverOn>>, server: TestServer): Promise<{ calls: string[]; kiosk: number }> {
  const cookie = await staffCookie(app);
  expect((await app.inject({ method: 'PUT', url: '/api/staff/duty', headers: cookie, payload: { siteId: 'chatillon' } })).statusCode).toBe(200);
  const today = await app.inject({ method: 'GET', url: '/api/staff/sites/chatillon/help-calls/today', headers: cookie });
  expect(today.statusCode).toBe(200);
  const kiosk = await app.inject({ method: 'GET', url: '/api/kiosk/help', headers: kioskAuth(server, 'chatillon-2') });
  return { calls: today.json<{ id: string }[]>().map((c) => c.id).sort(), kiosk: kiosk.statusCode };
}

const CHATILLON = ['chatillon-1', 'chatillon-2', 'chatillon-3', 'chatillon-4'];

describe.runIf(testDialect() === 'sqlite')('npm run db:backup on SQLite', () => {
  it('copies the database while the server keeps writing; the copy passes integrity_check, and a server restored on it serves the data', async () => {
    const server = await startTestServer();
    // No automatic checkpoint: everything written from here stays in the -wal file, as between two
    // checkpoints in production, where a copy of the database file alone would miss it.
    await sql`pragma wal_autocheckpoint = 0`.execute(server.store.db);
    // Enough pages (about 4 MB) that the copy is not a single page write.
    const padding = 'x'.repeat(1000);
    await server.store.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 40; i++) {
        await trx.insertInto('events').values(Array.from({ length: 100 }, () => ({ site_id: 'chatillon', type: 'test.padding', payload: padding, created_at: new Date().toISOString() }))).execute();
      }
    });
    // The server writes all along: help calls made and cancelled, each one rows in help_calls and events.
    let writing = true;
    let made = 0;
    let tenMade: () => void = () => {};
    const ten = new Promise<void>((resolve) => (tenMade = resolve));
    const writer = (async () => {
      while (writing) {
        const kiosk = CHATILLON[made % CHATILLON.length]!;
        const view = await callHelp(server, kiosk);
        if (++made === 10) tenMade();
        const cancel = await server.app.inject({ method: 'POST', url: `/api/kiosk/help-calls/${view.call.id}/cancel`, headers: kioskAuth(server, kiosk) });
        if (cancel.statusCode !== 200) throw new Error(`cancel refused: ${cancel.statusCode} ${cancel.body}`);
      }
    })();
    // The last calls before the backup are still in the -wal file: a plain copy of the database file would miss them.
    await ten;
    const backup = join(server.dir, 'copies', 'borne.sqlite');
    const madeBefore = made;
    const result = await backupCli(['--to', backup], { DATABASE_URL: `sqlite:${server.dbFile}` });
    const madeAfter = made;
    writing = false;
    await writer;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Backup written: ${backup}`);
    expect(result.stdout).toContain('Check: ok');
    expect(result.stdout).toMatch(/\n {2}events +\d{4,}\n/);
    expect(madeAfter, 'the server kept writing while the backup ran').toBeGreaterThan(madeBefore);

    // One self-contained, sound file, holding every call made before the backup started.
    expect(existsSync(`${backup}-wal`)).toBe(false);
    const copy = new SQLite(backup, { readonly: true, fileMustExist: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const copied = copy.prepare("select id from help_calls where site_id = 'chatillon' order by id").pluck().all() as string[];
    expect(copy.prepare("select count(*) from events where type = 'test.padding'").pluck().get()).toBe(4000);
    copy.close();
    expect(madeBefore).toBeGreaterThanOrEqual(10);
    expect(copied.length).toBeGreaterThanOrEqual(madeBefore);
    expect(copied.length).toBeLessThanOrEqual(madeAfter);

    // Restore: stop the server, copy the file in place, remove -wal and -shm, start.
    await server.close(true);
    copyFileSync(backup, server.dbFile);
    rmSync(`${server.dbFile}-wal`, { force: true });
    rmSync(`${server.dbFile}-shm`, { force: true });
    const store = openSqlite(server.dbFile);
    const app = await serverOn(store);
    try {
      expect(await served(app, server)).toEqual({ calls: copied, kiosk: 200 });
    } finally {
      await app.close();
      await store.close();
      rmSync(server.dir, { recursive: true, force: true });
    }
  });

  it('refuses bad arguments with the usage (exit 2), and never overwrites a file', async () => {
    const server = await startTestServer();
    try {
      const unknown = await backupCli(['--too', 'x'], { DATABASE_URL: `sqlite:${server.dbFile}` });
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain("Unknown option '--too'");
      expect(unknown.stderr).toContain('Usage: npm run db:backup');
      const badUrl = await backupCli([], { DATABASE_URL: 'mysql://root:secret@db/borne' });
      expect(badUrl.code).toBe(2);
      expect(badUrl.stderr).toContain('DATABASE_URL must start with sqlite: or postgres://');
      expect(badUrl.stderr).not.toContain('secret');
      expect(badUrl.stderr).not.toMatch(/\n\s+at /);
      await expect(backupSqlite(server.dbFile, server.dbFile)).rejects.toThrow(new BackupError(`${server.dbFile} exists already: a backup never overwrites a file. Choose another --to.`));
      await expect(backupSqlite(join(server.dir, 'none.sqlite'), join(server.dir, 'b.sqlite'))).rejects.toThrow(/There is no database at .*none\.sqlite: check DATABASE_URL/);
    } finally {
      await server.close();
    }
  });
});

describe.runIf(testDialect() === 'postgres')('npm run db:backup on PostgreSQL', () => {
  it('dumps with pg_dump --format=custom; pg_restore into a new database gives a server that serves the same data', async () => {
    const version = await run('pg_dump', ['--version']).then(
      ({ stdout }) => stdout,
      () => '',
    );
    expect(version, "pg_dump is missing: install Debian's postgresql-client (15, the test server's version)").toMatch(/\b15\.\d+/);
    const server = await startTestServer();
    const url = server.store.url!;
    const made = [(await callHelp(server, 'chatillon-1')).call.id, (await callHelp(server, 'chatillon-3')).call.id].sort();
    expect((await pressHelp(server, 'issy-les-moulineaux-1')).statusCode).toBe(201);

    const dump = join(server.dir, 'borne.dump');
    const result = await backupCli(['--to', dump], { DATABASE_URL: url });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Backup written: ${dump}`);
    expect(result.stdout).toMatch(/Check: pg_restore --list: \d+ tables/);
    expect(result.stdout).toMatch(/\n {2}help_calls\n/);
    // The password goes to pg_dump through PGPASSWORD, never into the output.
    expect(result.stdout).not.toContain(':borne-test@');
    expect(result.stdout).toContain("--dbname 'postgres://postgres@127.0.0.1:");

    // Restore into a new, empty database; the original is dropped first, so nothing comes from it.
    const adminUrl = inject('pgAdminUrl');
    const name = `borne_restore_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await server.close(true);
    await admin.query(`create database ${name}`);
    const restoredUrl = adminUrl.replace(/\/postgres$/, `/${name}`);
    const { password, ...restoreEnv } = { password: new URL(adminUrl).password, ...process.env };
    await run('pg_restore', ['--no-owner', '--exit-on-error', '--dbname', restoredUrl.replace(`:${password}@`, '@'), dump], { env: { ...restoreEnv, PGPASSWORD: password } });
    const store = openPostgres(restoredUrl, { poolSize: 2 });
    try {
      const app = await serverOn(store);
      try {
        expect(await served(app, server)).toEqual({ calls: made, kiosk: 200 });
      } finally {
        await app.close();
      }
    } finally {
      await store.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
      rmSync(server.dir, { recursive: true, force: true });
    }
  });
});
