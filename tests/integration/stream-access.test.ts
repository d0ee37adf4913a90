import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onDuty } from '../support/help';
import { fixedClock, kioskAuth, staffCookie, startTestServer, type TestServer } from '../support/server';
import { openSse, type SseClient } from '../support/sse';

vi.setConfig({ testTimeout: 20_000, hookTimeout: 20_000 });

let server: TestServer;
let base: string;
const clients: SseClient[] = [];

beforeEach(async () => {
  server = await startTestServer({ clock: fixedClock() });
  base = await server.app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  server?.app.server.closeAllConnections();
  await server?.close();
});

/** A raw HEAD over a real socket; rejects if no answer comes within `deadlineMs` (today's bug: none ever came). */
function head(path: string, headers: Record<string, string>, deadlineMs = 2000): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method: 'HEAD', headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.setTimeout(deadlineMs, () => {
      req.destroy();
      reject(new Error(`HEAD ${path}: no answer within ${deadlineMs} ms`));
    });
    req.on('error', reject);
    req.end();
  });
}

async function kioskOnline(kioskId: string): Promise<boolean> {
  const admin = await staffCookie(server.app, 'admin');
  const stream = await openSse(`${base}/api/staff/sites/chatillon/stream`, admin);
  clients.push(stream);
  const snapshot = await stream.next((m) => m.type === 'snapshot');
  stream.close();
  return snapshot.data.snapshot.kiosks.find((k: { id: string }) => k.id === kioskId).online as boolean;
}

describe("a site's live stream follows the site's rule (item 20)", () => {
  it('refuses a médiateur on duty at another site, in the API error format', async () => {
    const karim = await onDuty(server, 'issy-les-moulineaux');
    const res = await fetch(`${base}/api/staff/sites/chatillon/stream`, { headers: { accept: 'text/event-stream', ...karim } });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ error: { code: 'not_on_duty_here', message: expect.any(String) } });
  });

  it('refuses a médiateur on duty nowhere, and opens for the site they are on duty at', async () => {
    const cookie = await staffCookie(server.app);
    const refused = await fetch(`${base}/api/staff/sites/chatillon/stream`, { headers: cookie });
    expect(refused.status).toBe(403);
    const karim = await onDuty(server, 'chatillon');
    const stream = await openSse(`${base}/api/staff/sites/chatillon/stream`, karim);
    clients.push(stream);
    expect(stream.status).toBe(200);
    expect((await stream.next()).type).toBe('snapshot');
  });

  it('ends the stream when the médiateur moves their duty elsewhere', async () => {
    const karim = await onDuty(server, 'chatillon');
    const stream = await openSse(`${base}/api/staff/sites/chatillon/stream`, karim);
    clients.push(stream);
    await stream.next((m) => m.type === 'snapshot');
    const moved = await server.app.inject({ method: 'PUT', url: '/api/staff/duty', headers: karim, payload: { siteId: 'issy-les-moulineaux' } });
    expect(moved.statusCode).toBe(200);
    // The server ends the response (a deadline makes a stream that stays open fail the test).
    await Promise.race([stream.ended, new Promise((_, reject) => setTimeout(() => reject(new Error('the stream stayed open')), 3000))]);
    const again = await fetch(`${base}/api/staff/sites/chatillon/stream`, { headers: karim });
    expect(again.status).toBe(403);
  });

  it('lets an admin watch any site without being on duty', async () => {
    const admin = await staffCookie(server.app, 'admin');
    const stream = await openSse(`${base}/api/staff/sites/issy-les-moulineaux/stream`, admin);
    clients.push(stream);
    expect(stream.status).toBe(200);
  });
});

describe('HEAD on the streams answers at once and opens nothing (item 18)', () => {
  it('kiosk stream: 200 with the stream type and no body, and the kiosk is not counted online', async () => {
    const res = await head('/api/kiosk/stream', kioskAuth(server, 'chatillon-3'));
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^text\/event-stream/);
    expect(res.body).toBe('');
    expect(await kioskOnline('chatillon-3')).toBe(false);
  });

  it('staff stream: 200 for whoever may watch, the refusal for whoever may not', async () => {
    const karim = await onDuty(server, 'chatillon');
    const ok = await head('/api/staff/sites/chatillon/stream', karim);
    expect(ok.status).toBe(200);
    expect(String(ok.headers['content-type'])).toMatch(/^text\/event-stream/);
    expect(ok.body).toBe('');
    expect((await head('/api/staff/sites/issy-les-moulineaux/stream', karim)).status).toBe(403);
    expect((await head('/api/staff/sites/chatillon/stream', {})).status).toBe(401);
  });
});
