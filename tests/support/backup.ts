import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { build } from '../../src/server/app';
import { loadGuides } from '../../src/server/config/guide-loader';
import { loadSites } from '../../src/server/config/site-loader';
import { migrate, type Store } from '../../src/server/store/db';
import { kioskAuth, staffCookie, type TestServer } from './server';
import { TSX } from './server-process';

/** What the backup tests of both dialects share: the CLI, a server on a restored store, what it serves. */
export const run = promisify(execFile);

export async function backupCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(TSX, ['src/server/store/backup-cli.ts', ...args], { env: { ...process.env, ...env }, timeout: 60_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

/** A server on `store`, as `npm run serve` builds it after a restore. */
export async function serverOn(store: Store) {
  await migrate(store);
  const sites = loadSites('kiosk-config');
  return build({ store, sites, guides: loadGuides('kiosk-config', sites).guides, sweepIntervalMs: 0 });
}

/** What a médiateur sees of the day's calls, and whether a demo kiosk is still recognised. */
export async function served(app: Awaited<ReturnType<typeof serverOn>>, server: TestServer): Promise<{ calls: string[]; kiosk: number }> {
  const cookie = await staffCookie(app);
  expect((await app.inject({ method: 'PUT', url: '/api/staff/duty', headers: cookie, payload: { siteId: 'chatillon' } })).statusCode).toBe(200);
  const today = await app.inject({ method: 'GET', url: '/api/staff/sites/chatillon/help-calls/today', headers: cookie });
  expect(today.statusCode).toBe(200);
  const kiosk = await app.inject({ method: 'GET', url: '/api/kiosk/help', headers: kioskAuth(server, 'chatillon-2') });
  return { calls: today.json<{ id: string }[]>().map((c) => c.id).sort(), kiosk: kiosk.statusCode };
}

export const CHATILLON = ['chatillon-1', 'chatillon-2', 'chatillon-3', 'chatillon-4'];
