import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callHelp, onDuty, staffAction } from '../support/help';
import { fixedClock, kioskAuth, startTestServer, type TestServer } from '../support/server';
import { openSse, type SseClient, type SseMessage } from '../support/sse';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let server: TestServer;
let clock: ReturnType<typeof fixedClock>;
let base: string;
const clients: SseClient[] = [];

beforeEach(async () => {
  clock = fixedClock();
  server = await startTestServer({ clock });
  base = await server.app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  // After an abort, Node's fetch opens a spare connection that never sends a request; the server
  // would wait for it to time out (~4 s). The shutdown test below checks a real close on its own.
  server?.app.server.closeAllConnections();
  await server?.close();
});

async function stream(path: string, headers: Record<string, string>): Promise<SseClient> {
  const client = await openSse(`${base}${path}`, headers);
  clients.push(client);
  return client;
}

const isCall = (status?: string) => (m: SseMessage) => m.type === 'call' && (status === undefined || m.data.call.status === status);

describe('the staff stream of a site', () => {
  it('starts with a snapshot that has an id, then sends each call change with increasing ids', async () => {
    const staff = await onDuty(server, 'chatillon');
    const console1 = await stream('/api/staff/sites/chatillon/stream', staff);
    expect(console1.status).toBe(200);
    expect(console1.contentType).toMatch(/^text\/event-stream/);

    const snapshot = await console1.next();
    expect(snapshot.type).toBe('snapshot');
    expect(snapshot.id).toEqual(expect.any(Number));
    expect(snapshot.data.snapshot).toMatchObject({ siteId: 'chatillon', calls: [], onDuty: [{ firstName: 'Karim' }] });
    expect(snapshot.data.snapshot.kiosks).toHaveLength(4);

    // Another site's call never reaches this console: the next call event is Châtillon's.
    await callHelp(server, 'issy-les-moulineaux-1');
    const { call } = await callHelp(server, 'chatillon-2');
    const created = await console1.next(isCall());
    expect(created.data.call).toMatchObject({ id: call.id, kioskId: 'chatillon-2', status: 'waiting', context: { screen: 'home', language: 'fr' } });
    expect(created.id!).toBeGreaterThan(snapshot.id!);

    await staffAction(server, staff, call.id, 'claim');
    const claimed = await console1.next(isCall());
    expect(claimed.data.call).toMatchObject({ id: call.id, status: 'claimed', claimedBy: { firstName: 'Karim' } });
    expect(claimed.id!).toBeGreaterThan(created.id!);

    const ids = console1.received.map((m) => m.id).filter((id): id is number => id !== null);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('resyncs after a reconnect: a fresh snapshot, then only newer events', async () => {
    const staff = await onDuty(server, 'chatillon');
    const first = await stream('/api/staff/sites/chatillon/stream', staff);
    await first.next();
    const { call: a } = await callHelp(server, 'chatillon-1');
    const seen = await first.next(isCall());
    first.close();

    // While the console is away: a new call, and the first one taken.
    clock.advance(1000);
    const { call: b } = await callHelp(server, 'chatillon-2');
    await staffAction(server, staff, a.id, 'claim');

    const again = await stream('/api/staff/sites/chatillon/stream', { ...staff, 'last-event-id': String(seen.id) });
    const snapshot = await again.next();
    expect(snapshot.type).toBe('snapshot');
    expect(snapshot.id!).toBeGreaterThan(seen.id!);
    expect(snapshot.data.snapshot.calls.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([
      [a.id, 'claimed'],
      [b.id, 'waiting'],
    ]);

    await staffAction(server, staff, b.id, 'claim');
    const live = await again.next(isCall());
    expect(live.data.call).toMatchObject({ id: b.id, status: 'claimed' });
    expect(live.id!).toBeGreaterThan(snapshot.id!);
    expect(again.received.filter((m) => m.id !== null && m.id <= snapshot.id! && m.type !== 'snapshot')).toEqual([]);
  });

  it('shows a kiosk online while its stream is open', async () => {
    const staff = await onDuty(server, 'chatillon');
    const console1 = await stream('/api/staff/sites/chatillon/stream', staff);
    await console1.next();
    await stream('/api/kiosk/stream', kioskAuth(server, 'chatillon-3'));
    const online = await console1.next((m) => m.type === 'kiosk' && m.data.kiosk.id === 'chatillon-3');
    expect(online.data.kiosk).toMatchObject({ online: true, siteId: 'chatillon' });
  });

  it('refuses a console that is not signed in, before opening the stream', async () => {
    const res = await fetch(`${base}/api/staff/sites/chatillon/stream`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('staff_unauthenticated');
  });
});

describe('the kiosk stream', () => {
  it('sends the help view at once, then each time it changes', async () => {
    const staff = await onDuty(server, 'chatillon');
    const kiosk = await stream('/api/kiosk/stream', kioskAuth(server, 'chatillon-1'));
    expect(kiosk.status).toBe(200);
    const initial = await kiosk.next();
    expect(initial).toMatchObject({ type: 'help', data: { type: 'help', view: { call: null, onDutyCount: 1 } } });

    const { call } = await callHelp(server, 'chatillon-1');
    const waiting = await kiosk.next((m) => m.data.view?.call?.status === 'waiting');
    expect(waiting.data.view).toMatchObject({ call: { id: call.id }, position: 1, estimatedWait: { minMinutes: 2, maxMinutes: 3 } });

    await staffAction(server, staff, call.id, 'claim');
    const claimed = await kiosk.next((m) => m.data.view?.call?.status === 'claimed');
    expect(claimed.data.view).toMatchObject({ call: { id: call.id, claimedByFirstName: 'Karim' }, position: null });
  });

  it('tells nothing about the other kiosks’ calls', async () => {
    const kiosk = await stream('/api/kiosk/stream', kioskAuth(server, 'chatillon-1'));
    await kiosk.next();
    const { call: other } = await callHelp(server, 'chatillon-2');
    const { call: own } = await callHelp(server, 'chatillon-1');
    const view = await kiosk.next((m) => m.data.view?.call !== null);
    expect(view.data.view.call.id).toBe(own.id);
    expect(JSON.stringify(kiosk.received)).not.toContain(other.id);
  });

  it('refuses an unknown kiosk', async () => {
    const res = await fetch(`${base}/api/kiosk/stream`, { headers: { authorization: `Bearer ${'Z'.repeat(43)}` } });
    expect(res.status).toBe(401);
  });
});

describe('shutdown', () => {
  it('ends open streams so the server can stop, and clients can reconnect elsewhere', async () => {
    const staff = await onDuty(server, 'chatillon');
    const console1 = await stream('/api/staff/sites/chatillon/stream', staff);
    const kiosk = await stream('/api/kiosk/stream', kioskAuth(server, 'chatillon-1'));
    await Promise.all([console1.next(), kiosk.next()]);
    await server.app.close();
    await Promise.all([console1.ended, kiosk.ended]);
  });
});

describe('service endpoints over the network', () => {
  it('answers /healthz', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('describes every route in /api/openapi.json', async () => {
    const res = await fetch(`${base}/api/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { requestBody?: unknown; security: unknown[] }>> };
    expect(doc.openapi).toMatch(/^3\.1/);
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /api/kiosk/help-calls',
        'POST /api/kiosk/help-calls/{id}/cancel',
        'GET /api/kiosk/help',
        'GET /api/kiosk/me',
        'PUT /api/kiosk/state',
        'POST /api/kiosk/session/end',
        'GET /api/kiosk/stream',
        'POST /api/staff/session',
        'DELETE /api/staff/session',
        'GET /api/staff/me',
        'GET /api/staff/sites',
        'PUT /api/staff/duty',
        'POST /api/staff/help-calls/{id}/claim',
        'POST /api/staff/help-calls/{id}/resolve',
        'GET /api/staff/sites/{siteId}/stream',
      ]),
    );
    expect(doc.paths['/api/kiosk/help-calls']!.post!.requestBody).toBeDefined();
    expect(doc.paths['/api/staff/help-calls/{id}/claim']!.post!.security).toEqual([{ staffSession: [] }]);
  });
});
