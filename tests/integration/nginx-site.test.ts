import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSseParser } from '../../src/core/realtime/sse-parser';
import { HOME_CONTEXT } from '../support/help';
import { freePort, h2Client, readmeNginxSite, siteForTest, startNginx, throwawayCertificate, type Certificate, type H2Client, type Nginx } from '../support/nginx';
import { kioskAuth, startTestServer, type TestServer } from '../support/server';

/**
 * The README's nginx site, run by Debian's nginx in front of a real server (TRUST_PROXY on), with a
 * throwaway certificate. The upstream's second instance is a closed port: every request must
 * still be answered, by the live one. The client is bound to 127.0.0.5, so the address the server
 * records tells the client's from nginx's (127.0.0.1).
 */
const CLIENT_ADDRESS = '127.0.0.5';
let server: TestServer;
let nginx: Nginx;
let cert: Certificate;
let dir: string;
let origin: string;
let httpPort: number;
let client: H2Client;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'borne-nginx-site-'));
  cert = throwawayCertificate(dir);
  server = await startTestServer({ trustProxy: true });
  const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
  const httpsPort = await freePort();
  httpPort = await freePort();
  const deadPort = await freePort();
  const site = siteForTest(readmeNginxSite(), { httpsPort, httpPort, cert: cert.cert, key: cert.key, upstream: [`127.0.0.1:${deadPort}`, new URL(address).host] });
  nginx = await startNginx(site, [httpsPort, httpPort]);
  origin = `https://localhost:${httpsPort}`;
  client = await h2Client(origin, cert.pem, CLIENT_ADDRESS);
});

afterAll(async () => {
  client?.close();
  await nginx?.stop();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the README nginx site in front of Borne', () => {
  it('speaks HTTP/2 over TLS and answers every request, though one instance of the upstream is down', async () => {
    expect(client.alpn).toBe('h2');
    for (let i = 0; i < 4; i++) {
      const res = await client.request('/healthz');
      expect(res.status, nginx.errors()).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ status: 'ok' });
    }
    expect((await client.request('/healthz')).headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('sends plain http to https', async () => {
    const res = await new Promise<{ status: number; location?: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: httpPort, path: '/kiosk/', headers: { host: 'localhost' } }, (r) => {
        r.resume();
        resolve({ status: r.statusCode ?? 0, location: r.headers.location });
      });
      req.on('error', reject);
      req.end();
    });
    expect(res).toEqual({ status: 301, location: 'https://localhost/kiosk/' });
  });

  it("passes a kiosk's stream on unbuffered: the first event at once, then a call as it happens", async () => {
    const events: { type: string; data: any }[] = [];
    let wake: () => void = () => {};
    const feed = createSseParser((type, data) => {
      events.push({ type, data });
      wake();
    });
    const next = (match: (e: { type: string; data: any }) => boolean) =>
      new Promise<{ type: string; data: any }>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no such event through nginx within 5 s; received ${JSON.stringify(events.map((e) => e.type))}`)), 5000);
        const check = () => {
          const found = events.find(match);
          if (found) {
            clearTimeout(timer);
            resolve(found);
          }
        };
        wake = check;
        check();
      });
    // As a browser asks: a gzip on for event streams would hold the events in its buffer.
    const stream = await client.stream('/api/kiosk/stream', { ...kioskAuth(server, 'chatillon-1'), 'accept-encoding': 'gzip, deflate, br' }, feed);
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    // Not compressed: gzip holds its output until its buffer fills (seen failing with gzip_types
    // text/event-stream in the http block and no gzip off in the stream location).
    expect(stream.headers['content-encoding']).toBeUndefined();
    // The first view is a few hundred bytes: a buffering proxy would hold it. (The server's own
    // X-Accel-Buffering: no asks nginx what proxy_buffering off does; either one keeps events flowing.)
    await next((e) => e.type === 'help' && e.data.view.call === null);
    const call = await client.request('/api/kiosk/help-calls', { method: 'POST', headers: kioskAuth(server, 'chatillon-1'), body: { requestId: randomUUID(), context: HOME_CONTEXT } });
    expect(call.status).toBe(201);
    await next((e) => e.type === 'help' && e.data.view.call?.status === 'waiting');
    stream.close();
  });

  it("gives the server the client's address (X-Forwarded-For, TRUST_PROXY), never one the client claims, and https (Secure cookie)", async () => {
    const res = await client.request('/api/staff/session', { method: 'POST', headers: { 'x-forwarded-for': '203.0.113.9' }, body: { username: 'mediateur', password: 'mediateur' } });
    expect(res.status).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    const audit = await server.store.db.selectFrom('staff_audit').select(['action', 'address']).where('action', '=', 'sign_in').execute();
    expect(audit).toEqual([{ action: 'sign_in', address: CLIENT_ADDRESS }]);
  });

  it('refuses /metrics from outside', async () => {
    const res = await client.request('/metrics');
    expect(res.status).toBe(403);
  });
});

/**
 * An instance that takes a request and dies before answering it (the request may have been acted
 * on). nginx passes a GET on to the other instance, never a POST: a help call or a sign-in is not
 * replayed. Two such instances, so whatever nginx picks first, the count says what it did.
 */
describe('the README nginx site when an instance dies holding a request', () => {
  async function crashingUpstreams(): Promise<{ addresses: string[]; received: () => number; close: () => void }> {
    let received = 0;
    const servers = [createServer(), createServer()];
    for (const server of servers) {
      server.on('connection', (socket) =>
        socket.once('data', () => {
          received++;
          socket.destroy();
        }),
      );
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    }
    return { addresses: servers.map((s) => `127.0.0.1:${(s.address() as AddressInfo).port}`), received: () => received, close: () => servers.forEach((s) => s.close()) };
  }

  async function throughNginx(send: (c: H2Client) => Promise<number>): Promise<{ status: number; received: number }> {
    const upstreams = await crashingUpstreams();
    const [httpsPort, port80] = [await freePort(), await freePort()];
    const proxy = await startNginx(siteForTest(readmeNginxSite(), { httpsPort, httpPort: port80, cert: cert.cert, key: cert.key, upstream: upstreams.addresses }), [httpsPort]);
    const c = await h2Client(`https://localhost:${httpsPort}`, cert.pem);
    try {
      return { status: await send(c), received: upstreams.received() };
    } finally {
      c.close();
      await proxy.stop();
      upstreams.close();
    }
  }

  it('tries a GET on the other instance', async () => {
    expect(await throughNginx(async (c) => (await c.request('/api/kiosk/help')).status)).toEqual({ status: 502, received: 2 });
  });

  it('does not replay a POST', async () => {
    const post = (c: H2Client) => c.request('/api/kiosk/help-calls', { method: 'POST', body: { requestId: randomUUID(), context: HOME_CONTEXT } }).then((r) => r.status);
    expect(await throughNginx(post)).toEqual({ status: 502, received: 1 });
  });
});
