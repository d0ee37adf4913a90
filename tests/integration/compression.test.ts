import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { precompressDir } from '../../src/server/http/precompress';
import { startTestServer, type TestServer } from '../support/server';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/**
 * Issue 13: the build writes brotli and gzip beside each text file, and the server sends the one
 * the browser accepts, with its Content-Encoding and a Vary; the plain file to anyone else. API
 * JSON above 1 KB is compressed on the fly. Checked on the bytes sent, not the files on disk.
 */
let server: TestServer;
let parent: string;
// Text that compresses as a real bundle does: repeated identifiers, not random bytes.
const SCRIPT = Array.from({ length: 200 }, (_, i) => `export const screen${i} = () => render("kiosk-screen-${i % 7}");`).join('\n');
const IMMUTABLE = 'public, max-age=31536000, immutable';

beforeAll(async () => {
  parent = mkdtempSync(join(tmpdir(), 'borne-compress-'));
  const dist = join(parent, 'dist');
  for (const name of ['kiosk', 'staff']) {
    mkdirSync(join(dist, name, 'assets'), { recursive: true });
    writeFileSync(join(dist, name, 'index.html'), `<!doctype html><title>Borne</title>${'<p>Borne</p>'.repeat(100)}`);
    writeFileSync(join(dist, name, 'assets', 'index-Bx12abcd.js'), SCRIPT);
    writeFileSync(join(dist, name, 'assets', 'font-Cd34.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32, 1, 2, 3, 4]));
    await precompressDir(join(dist, name));
  }
  server = await startTestServer({ distDir: dist });
});
afterAll(async () => {
  await server.close();
  rmSync(parent, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) => server.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('static files, compressed at build time', () => {
  it('brotli to a browser that takes it (as Chromium asks), with Vary, the right type and the immutable cache', async () => {
    const res = await get('/kiosk/assets/index-Bx12abcd.js', 'gzip, deflate, br, zstd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.rawPayload.length).toBeLessThan(SCRIPT.length / 5);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
  });

  it('gzip to a client without brotli, and smaller than plain but larger than brotli', async () => {
    const res = await get('/kiosk/assets/index-Bx12abcd.js', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.rawPayload).toString()).toBe(SCRIPT);
    const br = await get('/kiosk/assets/index-Bx12abcd.js', 'br');
    expect(br.rawPayload.length).toBeLessThan(res.rawPayload.length);
  });

  it('the plain file to a request without compression, still with Vary', async () => {
    const res = await get('/kiosk/assets/index-Bx12abcd.js');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe(SCRIPT);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
  });

  it('the page itself (/kiosk/) comes compressed too, and a font is sent as it is', async () => {
    const page = await get('/staff/', 'br');
    expect(page.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(page.rawPayload).toString()).toContain('<title>Borne</title>');
    const font = await get('/kiosk/assets/font-Cd34.woff2', 'br, gzip');
    expect(font.headers['content-encoding']).toBeUndefined();
    expect(font.rawPayload.length).toBe(8);
  });
});

describe('API answers', () => {
  it('JSON above 1 KB is compressed on the fly for a client that accepts it', async () => {
    const res = await get('/api/openapi.json', 'br, gzip');
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.headers['content-encoding']).toBe('br');
    const json = brotliDecompressSync(res.rawPayload).toString();
    expect(json.length).toBeGreaterThan(1024);
    expect(JSON.parse(json)).toHaveProperty('paths');
  });

  it('a small JSON answer (under 1 KB) is sent plain: compressing it would cost more than it saves', async () => {
    const res = await get('/api/nothing-here', 'br, gzip');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.json()).toHaveProperty('error');
  });
});
