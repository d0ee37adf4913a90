import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { BackupError, backupSqlite } from '../../src/server/store/backup';
import { openSqlite } from '../../src/server/store/db';
import { callHelp } from '../support/help';
import { kioskAuth, startTestServer } from '../support/server';
import { backupCli, serverOn, served, CHATILLON } from '../support/backup';

/**
 * `npm run db:backup` (issue 11, « Backups »): a copy made while the server writes, checked, and
 * a restore that a server then serves, here on SQLite (the other dialect has its own file).
 */
describe('npm run db:backup on SQLite', () => {
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
