import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { openPostgres } from '../../src/server/store/db';
import { callHelp, pressHelp } from '../support/help';
import { startTestServer } from '../support/server';
import { backupCli, run, serverOn, served } from '../support/backup';

/**
 * `npm run db:backup` (issue 11, « Backups »): a copy made while the server writes, checked, and
 * a restore that a server then serves, here on PostgreSQL (the other dialect has its own file).
 */
describe('npm run db:backup on PostgreSQL', () => {
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
