import { execFile } from 'node:child_process';
import { LiveConfig } from '../../src/server/config/live-config';
import { loadSites } from '../../src/server/config/site-loader';
import { migrate, openSqlite } from '../../src/server/store/db';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startServerProcess, TSX } from '../support/server-process';

const run = promisify(execFile);


async function start(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stderr: string }> {
  try {
    await run(TSX, ['src/server/main.ts', ...args], { env: { ...process.env, ...env }, timeout: 30_000 });
    return { code: 0, stderr: '' };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

// Each case starts a real process (tsx compiles on the fly): give it time on a slow machine.
describe('server start refuses bad settings with the fix, never a stack trace', { timeout: 60_000 }, () => {
  it('stops on a bad site file, naming the file, the field and the expected value', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'borne-badconfig-'));
    cpSync('kiosk-config', dir, { recursive: true });
    const file = join(dir, 'sites', 'chatillon.json');
    const site = JSON.parse(readFileSync(file, 'utf8')) as { idle: { answerSeconds: number } };
    site.idle.answerSeconds = 5;
    writeFileSync(file, JSON.stringify(site));
    const { code, stderr } = await start(['--config', dir], { PORT: '0', DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}` });
    expect(code).toBe(1);
    expect(stderr).toContain('chatillon.json: idle.answerSeconds: expected at least 20 seconds');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('starts on the live configuration when only the files went wrong, and says what to fix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'borne-badconfig-'));
    cpSync('kiosk-config', dir, { recursive: true });
    const dbFile = join(dir, 'db.sqlite');
    // The database already holds the live configuration (an earlier start imported it).
    const store = openSqlite(dbFile);
    await migrate(store);
    await LiveConfig.open(store.db, () => new Date(), loadSites(dir));
    await store.close();
    const file = join(dir, 'sites', 'chatillon.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"answerSeconds": 30', '"answerSeconds": 5'));
    const running = await startServerProcess(['--config', dir], { PORT: '0', DATABASE_URL: `sqlite:${dbFile}` });
    running.stop();
    expect(running.stderr).toContain('Borne starts on the live configuration (the database)');
    expect(running.stderr).toContain('chatillon.json: idle.answerSeconds: expected at least 20 seconds');
    expect(running.stderr).not.toMatch(/\n\s+at /);
  });

  it('stops on a bad PORT or an unknown option', async () => {
    const port = await start([], { PORT: 'eighty' });
    expect(port.code).toBe(1);
    expect(port.stderr).toContain('PORT must be a number');
    const option = await start(['--colour'], { PORT: '0' });
    expect(option.code).toBe(1);
    expect(option.stderr).toContain("Unknown option '--colour'");
  });
});
