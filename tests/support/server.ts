import { randomBytes, scryptSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { SiteConfig } from '../../src/core/site/site-config';
import { build, type BuildOptions } from '../../src/server/app';
import { loadGuides } from '../../src/server/config/guide-loader';
import { loadSites } from '../../src/server/config/site-loader';
import { seedDemo } from '../../src/server/seed/demo';
import type { Clock } from '../../src/server/store/clock';
import { migrate, type Store } from '../../src/server/store/db';
import { openTestStore } from './store';

/**
 * The demo accounts' hashes in tests: the stored format and the check are the real ones, with a
 * scrypt cost of N=2^10 instead of 2^17 (0.7 s a sign-in on this machine, hundreds of sign-ins in
 * the suite). What the real cost does is tested where it matters: tests/unit/password.test.ts,
 * the sign-in throttle and flood tests, and every unknown username (checked against DUMMY_HASH).
 */
export async function testPasswordHash(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, 32, { N: 1024, r: 8, p: 1 });
  return ['scrypt', 1024, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** A controllable clock: tests move time instead of sleeping. */
export function fixedClock(start = '2026-11-23T09:00:00.000Z'): Clock & { advance(ms: number): void; set(iso: string): void } {
  let now = Date.parse(start);
  const clock = (() => new Date(now)) as Clock & { advance(ms: number): void; set(iso: string): void };
  clock.advance = (ms) => (now += ms);
  clock.set = (iso) => (now = Date.parse(iso));
  return clock;
}

export interface TestServer {
  app: FastifyInstance;
  store: Store;
  dir: string;
  dbFile: string;
  sites: ReadonlyMap<string, SiteConfig>;
  kioskTokens: Map<string, string>;
  /** Closes the app and store; keeps the database file unless `keepFiles` is false. */
  close(keepFiles?: boolean): Promise<void>;
}

/** Builds a Borne app on a real SQLite file in a temporary folder, seeded with the demo. */
export async function startTestServer(options: Partial<BuildOptions> & { configDir?: string; dir?: string } = {}): Promise<TestServer> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'borne-test-'));
  const store = await openTestStore(dir);
  const dbFile = store.dbFile;
  if (store.dialect === 'sqlite') await migrate(store);
  const sites = options.sites ?? loadSites(options.configDir ?? 'kiosk-config');
  const guides = options.guides ?? loadGuides(options.configDir ?? 'kiosk-config', sites).guides;
  // « Écouter »'s cache and recordings live in the test's folder, never in the repository's data/.
  const app = await build({ sweepIntervalMs: 0, speech: { cacheDir: join(dir, 'speech-cache'), audioDir: join(dir, 'audio') }, ...options, store, sites, guides });
  const { kioskTokens } = await seedDemo(store.db, app.borne.config.sites, (options.clock ?? (() => new Date()))(), testPasswordHash);
  return {
    app,
    store,
    dir,
    dbFile,
    sites: app.borne.config.sites,
    kioskTokens,
    async close(keepFiles = false) {
      await app.close();
      await store.close();
      // On PostgreSQL the database of `dir` is kept too, for a restart on the same `dir`.
      if (!keepFiles) await store.drop();
      if (!keepFiles) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function kioskAuth(server: TestServer, kioskId: string): { authorization: string } {
  const token = server.kioskTokens.get(kioskId);
  if (!token) throw new Error(`no demo kiosk ${kioskId}`);
  return { authorization: `Bearer ${token}` };
}

/** Signs a demo staff member in and returns the cookie header to send. */
export async function staffCookie(app: FastifyInstance, username = 'mediateur', password = username): Promise<{ cookie: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/staff/session', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  return { cookie: String(first).split(';')[0]! };
}
