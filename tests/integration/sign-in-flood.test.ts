import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SIGN_IN_DEFAULTS } from '../../src/server/auth/auth.service';
import { verifyPassword, type PasswordVerifier } from '../../src/server/auth/password';
import { kioskAuth, startTestServer, type TestServer } from '../support/server';

// Real scrypt (the demo accounts, unknown usernames) on a shared machine: give it time.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/**
 * 48 sign-ins at once with made-up usernames (item 14 of the field test): the number of hashes
 * running at once stays bounded, the line is bounded (the rest are refused at once with 503 and
 * Retry-After), and the kiosk's API and static files answer meanwhile. Counts and ordering only:
 * nothing here depends on how fast the machine is.
 */
const FLOOD = 48;
const MAX_RUNNING = 2;
const MAX_QUEUED = 8;

let server: TestServer | undefined;
let dist: string | undefined;
afterEach(async () => {
  await server?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
  server = undefined;
  dist = undefined;
});

function tinyDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'borne-flood-dist-'));
  for (const name of ['kiosk', 'staff']) {
    mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(join(dir, name, 'index.html'), '<!doctype html><title>Borne</title>');
  }
  return dir;
}

/** A count whose reaching a value can be awaited (no polling, no sleeps). */
function counter() {
  let value = 0;
  const waiters: { target: number; resolve: () => void }[] = [];
  return {
    get value() {
      return value;
    },
    add(n = 1) {
      value += n;
      for (const w of waiters.filter((w) => value >= w.target)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    },
    reached(target: number): Promise<void> {
      return value >= target ? Promise.resolve() : new Promise((resolve) => waiters.push({ target, resolve }));
    },
  };
}

/** Wraps a password check so the test knows how many run at once and how many ran in all. */
function instrumented(inner: PasswordVerifier) {
  let running = 0;
  const stats = { maxRunning: 0, calls: 0 };
  const verify: PasswordVerifier = async (password, stored) => {
    running++;
    stats.calls++;
    stats.maxRunning = Math.max(stats.maxRunning, running);
    try {
      return await inner(password, stored);
    } finally {
      running--;
    }
  };
  return { verify, stats };
}

const signIn = (s: TestServer, i: number) =>
  s.app.inject({ method: 'POST', url: '/api/staff/session', remoteAddress: `198.51.100.${i + 1}`, payload: { username: `nobody-${i}`, password: `guess-${i}` } });

describe('a flood of sign-ins', () => {
  it('runs at most two hashes at once, queues eight, refuses the rest at once; the kiosk is served meanwhile', { timeout: 60_000 }, async () => {
    // The password check is held until the test lets it go: the flood is "still running" for sure.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const started = counter();
    const { verify, stats } = instrumented(async () => {
      started.add();
      await held;
      return false;
    });
    dist = tinyDist();
    server = await startTestServer({ distDir: dist, signIn: { verifyPassword: verify, maxConcurrentHashes: MAX_RUNNING, maxQueuedHashes: MAX_QUEUED } });
    const s = server;

    const refused = counter();
    const answers = Array.from({ length: FLOOD }, (_, i) =>
      signIn(s, i).then((res) => {
        if (res.statusCode === 503) refused.add();
        return res;
      }),
    );
    await refused.reached(FLOOD - MAX_RUNNING - MAX_QUEUED);
    await started.reached(MAX_RUNNING);

    // While ten sign-ins are held, the kiosk's page and API answer.
    const page = await s.app.inject({ method: 'GET', url: '/kiosk/' });
    expect([page.statusCode, page.body]).toEqual([200, '<!doctype html><title>Borne</title>']);
    const api = await s.app.inject({ method: 'GET', url: '/api/kiosk/help', headers: kioskAuth(s, 'chatillon-1') });
    expect(api.statusCode).toBe(200);
    expect(stats.calls).toBe(MAX_RUNNING);

    release();
    const all = await Promise.all(answers);
    const busy = all.filter((r) => r.statusCode === 503);
    expect(busy).toHaveLength(FLOOD - MAX_RUNNING - MAX_QUEUED);
    for (const r of busy) {
      expect(r.json().error.code).toBe('sign_in_busy');
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(all.filter((r) => r.statusCode === 401)).toHaveLength(MAX_RUNNING + MAX_QUEUED);
    expect(stats).toEqual({ maxRunning: MAX_RUNNING, calls: MAX_RUNNING + MAX_QUEUED });
  });

  it('with the real scrypt and the default bounds, a static file is served before the admitted sign-ins are done', { timeout: 120_000 }, async () => {
    const { verify, stats } = instrumented(verifyPassword);
    dist = tinyDist();
    server = await startTestServer({ distDir: dist, signIn: { verifyPassword: verify } });
    const s = server;

    const finished = counter();
    const answers = Array.from({ length: FLOOD }, (_, i) =>
      signIn(s, i).then((res) => {
        if (res.statusCode === 401) finished.add();
        return res;
      }),
    );
    // Each unknown username costs a full scrypt (the dummy hash), and those share libuv's threadpool
    // with file reads: unbounded, the page waited behind nearly every hash of the flood.
    const page = await s.app.inject({ method: 'GET', url: '/kiosk/index.html' });
    const finishedBeforePage = finished.value;
    expect(page.statusCode).toBe(200);
    const all = await Promise.all(answers);

    const admitted = all.filter((r) => r.statusCode === 401).length;
    expect(admitted).toBe(SIGN_IN_DEFAULTS.maxConcurrentHashes + SIGN_IN_DEFAULTS.maxQueuedHashes);
    expect(finishedBeforePage).toBeLessThan(admitted / 2);
    expect(stats.maxRunning).toBe(SIGN_IN_DEFAULTS.maxConcurrentHashes);
    expect(stats.calls).toBe(admitted);
  });
});
