import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';

// Real scrypt (the demo accounts, unknown usernames) on a shared machine: give it time.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/**
 * Cache-Control says what the build means: hashed assets are immutable for a year; the page, the
 * service worker and the manifest are revalidated every time. A tiny dist folder made here, put
 * under a folder named "assets" on purpose: only the path inside the app counts.
 */
let server: TestServer;
let parent: string;
const IMMUTABLE = 'public, max-age=31536000, immutable';

beforeAll(async () => {
  parent = mkdtempSync(join(tmpdir(), 'borne-cache-'));
  const dist = join(parent, 'assets', 'dist');
  for (const name of ['kiosk', 'staff']) {
    mkdirSync(join(dist, name, 'assets'), { recursive: true });
    writeFileSync(join(dist, name, 'index.html'), '<!doctype html><title>Borne</title>');
    writeFileSync(join(dist, name, 'assets', 'index-Bx12abcd.js'), 'export {};');
    writeFileSync(join(dist, name, 'assets', 'index-Cd34efgh.css'), 'body{}');
    writeFileSync(join(dist, name, 'sw.js'), 'self.skipWaiting();');
    writeFileSync(join(dist, name, 'manifest.webmanifest'), '{}');
  }
  server = await startTestServer({ distDir: dist });
});
afterAll(async () => {
  await server.close();
  rmSync(parent, { recursive: true, force: true });
});

describe('cache headers', () => {
  it.each(['/kiosk/assets/index-Bx12abcd.js', '/kiosk/assets/index-Cd34efgh.css', '/staff/assets/index-Bx12abcd.js', '/staff/assets/index-Cd34efgh.css'])('%s is immutable for a year', async (url) => {
    const res = await server.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
  });

  it.each(['/kiosk/', '/kiosk/index.html', '/kiosk/sw.js', '/kiosk/manifest.webmanifest', '/staff/', '/staff/index.html', '/kiosk/some/screen', '/staff/agenda'])('%s is revalidated (no-cache)', async (url) => {
    const res = await server.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    // no-cache means "ask first": the validator must be there for a cheap 304.
    expect(res.headers.etag ?? res.headers['last-modified']).toBeTruthy();
  });

  it('a missing asset is not cached', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/kiosk/assets/index-missing.js' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('API answers are never stored', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
