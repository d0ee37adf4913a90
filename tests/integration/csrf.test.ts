import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { kioskAuth, staffCookie, startTestServer, type TestServer } from '../support/server';

// Real scrypt (the demo accounts, unknown usernames) on a shared machine: give it time.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/**
 * The server refuses cross-site state changes itself (Origin / Sec-Fetch-Site), not only through
 * the SameSite cookie. inject() sends Host: localhost:80, so the server's own origin is http://localhost.
 */
let server: TestServer;
let cookie: string;
beforeAll(async () => {
  server = await startTestServer();
  cookie = (await staffCookie(server.app, 'admin')).cookie;
});
afterAll(() => server.close());

const OWN = 'http://localhost';
const duty = (headers: Record<string, string>) =>
  server.app.inject({ method: 'PUT', url: '/api/staff/duty', headers: { cookie, ...headers }, payload: { siteId: null } });

describe('cookie-authenticated staff routes', () => {
  it.each([
    ['Origin from another site', { origin: 'https://evil.example' }],
    ['Origin: null (sandboxed frame)', { origin: 'null' }],
    ['same host, other scheme', { origin: 'https://localhost' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (a sibling subdomain)', { 'sec-fetch-site': 'same-site' }],
    ['Sec-Fetch-Site cross-site even with our Origin', { 'sec-fetch-site': 'cross-site', origin: OWN }],
  ])('refuses %s with 403 in the API format', async (_label, headers) => {
    const res = await duty(headers);
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({ error: { code: 'cross_site', message: expect.stringContaining('another site') } });
  });

  it.each([
    ['our own Origin', { origin: OWN }],
    ['Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin', origin: OWN }],
    ['Sec-Fetch-Site: none (typed by the user)', { 'sec-fetch-site': 'none' }],
    ['neither header (curl, a script)', {}],
  ])('accepts %s', async (_label, headers) => {
    const res = await duty(headers);
    expect(res.statusCode, res.body).toBe(200);
  });

  it('refuses a cross-site sign-in (login CSRF) before any password is checked, and sets no cookie', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/staff/session', headers: { origin: 'https://evil.example' }, payload: { username: 'admin', password: 'admin' } });
    expect([res.statusCode, res.json().error.code]).toEqual([403, 'cross_site']);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a cross-site sign-out: the session stays', async () => {
    const { cookie: own } = await staffCookie(server.app, 'mediateur');
    const out = await server.app.inject({ method: 'DELETE', url: '/api/staff/session', headers: { cookie: own, 'sec-fetch-site': 'cross-site' } });
    expect(out.statusCode).toBe(403);
    expect((await server.app.inject({ method: 'GET', url: '/api/staff/me', headers: { cookie: own } })).statusCode).toBe(200);
  });

  it('a body-less staff POST accepts only what the console sends: no Content-Type, or JSON', async () => {
    // What a cross-site <form enctype="text/plain"> would send without a preflight.
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await server.app.inject({ method: 'POST', url: '/api/staff/help-calls/00000000-0000-4000-8000-000000000000/claim', headers: { cookie, 'content-type': type }, payload: '' });
      expect([res.statusCode, res.json().error.code], type).toEqual([415, 'unsupported_media_type']);
    }
    // The console's own request reaches the route (which then says the call does not exist).
    const own = await server.app.inject({ method: 'POST', url: '/api/staff/help-calls/00000000-0000-4000-8000-000000000000/claim', headers: { cookie, origin: OWN, 'sec-fetch-site': 'same-origin' } });
    expect(own.json().error.code).not.toBe('cross_site');
    expect(own.statusCode).not.toBe(415);
  });

  it('reads (GET) are not refused: a cross-site link to the console still opens it', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/staff/me', headers: { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(res.statusCode).toBe(200);
  });
});

describe('bearer-authenticated kiosk routes', () => {
  it("accept the companion extension's worker (Origin chrome-extension://…): no ambient credential to forge", async () => {
    const res = await server.app.inject({
      method: 'PUT',
      url: '/api/kiosk/state',
      headers: { ...kioskAuth(server, 'chatillon-1'), origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'sec-fetch-site': 'none' },
      payload: { inSession: false, screen: 'home', language: 'fr', guide: null },
    });
    expect(res.statusCode, res.body).toBe(204);
  });
});

describe('behind a reverse proxy (trustProxy)', () => {
  let proxied: TestServer;
  beforeAll(async () => {
    proxied = await startTestServer({ trustProxy: true });
  });
  afterAll(() => proxied.close());

  it('compares Origin with X-Forwarded-Proto and X-Forwarded-Host', async () => {
    const { cookie: c } = await staffCookie(proxied.app, 'admin');
    const forwarded = { cookie: c, 'x-forwarded-proto': 'https', 'x-forwarded-host': 'borne.example.fr' };
    const put = (origin: string) => proxied.app.inject({ method: 'PUT', url: '/api/staff/duty', headers: { ...forwarded, origin }, payload: { siteId: null } });
    expect((await put('https://borne.example.fr')).statusCode).toBe(200);
    expect((await put('http://borne.example.fr')).statusCode).toBe(403);
    expect((await put('http://localhost')).statusCode).toBe(403);
  });
});
