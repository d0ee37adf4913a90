import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FleetKiosk, FleetSnapshot } from '../../src/core/fleet/fleet-view';
import { addStaff, callHelp, errorCode } from '../support/help';
import { fixedClock, kioskAuth, staffCookie, startTestServer, type TestServer } from '../support/server';
import { openSse, type SseClient } from '../support/sse';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

/** « Parc des bornes »: GET /api/staff/fleet and its stream, for every role; the heartbeat's details. */
let server: TestServer;
let clock: ReturnType<typeof fixedClock>;
const streams: SseClient[] = [];

beforeEach(async () => {
  clock = fixedClock();
  server = await startTestServer({ clock });
  await addStaff(server, 'adminlyon', 'Lou', 'admin_pole', [[...server.sites.keys()].find((s) => s !== 'chatillon')!]);
});
afterEach(async () => {
  for (const s of streams.splice(0)) s.close();
  server?.app.server.closeAllConnections();
  await server?.close();
});

const fleet = async (username: string, query = '') => server.app.inject({ method: 'GET', url: `/api/staff/fleet${query}`, headers: await staffCookie(server.app, username) });
const beat = (kioskId: string, payload?: unknown) =>
  server.app.inject({ method: 'POST', url: '/api/kiosk/heartbeat', headers: kioskAuth(server, kioskId), ...(payload === undefined ? {} : { payload: payload as object }) });
const kioskOf = (snapshot: FleetSnapshot, id: string): FleetKiosk => snapshot.kiosks.find((k) => k.id === id)!;

describe('GET /api/staff/fleet, role by role', () => {
  it('refuses a médiateur (403 staff_forbidden), even for their own pôle', async () => {
    for (const query of ['', '?siteId=chatillon']) {
      const res = await fleet('mediateur', query);
      expect(res.statusCode).toBe(403);
      expect(errorCode(res)).toBe('staff_forbidden');
    }
  });

  it('gives an admin de pôle their pôles only; another pôle is refused with site_not_yours', async () => {
    const own = await fleet('adminpole');
    expect(own.statusCode).toBe(200);
    const snapshot = own.json<FleetSnapshot>();
    expect(snapshot.sites.map((s) => s.id)).toEqual(['chatillon']);
    expect(new Set(snapshot.kiosks.map((k) => k.siteId))).toEqual(new Set(['chatillon']));
    expect(snapshot.kiosks.map((k) => k.id)).toEqual(server.sites.get('chatillon')!.kiosks.map((k) => k.id));
    const other = [...server.sites.keys()].find((s) => s !== 'chatillon')!;
    const refused = await fleet('adminpole', `?siteId=${other}`);
    expect(refused.statusCode).toBe(403);
    expect(errorCode(refused)).toBe('site_not_yours');
    // And the admin of that other pôle sees none of Châtillon's kiosks.
    const theirs = (await fleet('adminlyon')).json<FleetSnapshot>();
    expect(theirs.kiosks.some((k) => k.siteId === 'chatillon')).toBe(false);
    expect(theirs.sites.map((s) => s.id)).toEqual([other]);
  });

  it('gives an admin département every kiosk of every pôle, or one pôle when asked', async () => {
    const all = (await fleet('admin')).json<FleetSnapshot>();
    expect(all.sites.map((s) => s.id)).toEqual([...server.sites.keys()]);
    expect(all.kiosks).toHaveLength([...server.sites.values()].reduce((n, s) => n + s.kiosks.length, 0));
    const one = (await fleet('admin', '?siteId=chatillon')).json<FleetSnapshot>();
    expect(one.sites.map((s) => s.id)).toEqual(['chatillon']);
    expect((await fleet('admin', '?siteId=nowhere')).statusCode).toBe(404);
    const bad = await fleet('admin', '?siteId=Not%20an%20id');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { fields: { path: string }[] } }>().error.fields.map((f) => f.path)).toEqual(['siteId']);
  });

  it('refuses without a session (401)', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/api/staff/fleet' })).statusCode).toBe(401);
    expect((await server.app.inject({ method: 'GET', url: '/api/staff/fleet/stream' })).statusCode).toBe(401);
  });

  it('shows each kiosk: presence, state, screen, guide and step, language, version, last heartbeat, uptime, last error, camera', async () => {
    expect((await beat('chatillon-1', { appVersion: '0.1.0', startedAt: '2026-11-23T08:00:00.000Z', camera: true, lastError: { code: 'stream_refused', at: '2026-11-23T08:30:00.000Z' } })).statusCode).toBe(204);
    const state = await server.app.inject({ method: 'PUT', url: '/api/kiosk/state', headers: kioskAuth(server, 'chatillon-1'), payload: { inSession: true, screen: 'guide', language: 'ar', guide: { id: 'caf-prime-activite', step: 2 } } });
    expect(state.statusCode).toBe(204);
    await beat('chatillon-2');
    await callHelp(server, 'chatillon-2');
    const snapshot = (await fleet('adminpole')).json<FleetSnapshot>();
    expect(kioskOf(snapshot, 'chatillon-1')).toMatchObject({
      online: true,
      state: 'en_session',
      screen: 'guide',
      guide: { id: 'caf-prime-activite', step: 2 },
      language: 'ar',
      lastSeenAt: '2026-11-23T09:00:00.000Z',
      outOfService: false,
      health: { appVersion: '0.1.0', startedAt: '2026-11-23T08:00:00.000Z', camera: true, lastError: { code: 'stream_refused', at: '2026-11-23T08:30:00.000Z' } },
    });
    expect(kioskOf(snapshot, 'chatillon-2')).toMatchObject({ online: true, waiting: true, state: 'attend' });
    expect(kioskOf(snapshot, 'chatillon-3')).toMatchObject({ online: false, state: 'libre', lastSeenAt: null, health: { appVersion: null, camera: null } });
    expect(snapshot.serverTime).toBe('2026-11-23T09:00:00.000Z');
  });
});

describe('POST /api/kiosk/heartbeat details', () => {
  it('accepts no body (an old kiosk), an empty one, and a partial one that keeps what it leaves out', async () => {
    expect((await beat('chatillon-1')).statusCode).toBe(204);
    expect((await beat('chatillon-1', {})).statusCode).toBe(204);
    await beat('chatillon-1', { appVersion: '0.1.0', startedAt: '2026-11-23T08:00:00.000Z', camera: true });
    // The extension on an official site cannot see the camera: it sends its version only.
    await beat('chatillon-1', { appVersion: '0.1.1' });
    expect(kioskOf((await fleet('admin')).json<FleetSnapshot>(), 'chatillon-1').health).toEqual({ appVersion: '0.1.1', startedAt: '2026-11-23T08:00:00.000Z', camera: true, lastError: null });
    await beat('chatillon-1', { lastError: { code: 'api_unreachable', at: '2026-11-23T08:59:00.000Z' } });
    await beat('chatillon-1', { lastError: null });
    expect(kioskOf((await fleet('admin')).json<FleetSnapshot>(), 'chatillon-1').health.lastError).toBeNull();
  });

  it('refuses bad details with a 400 naming the field, never a 500 (one server for all the cases)', async () => {
    const cases: [unknown, string][] = [
      [{ appVersion: 12 }, 'appVersion'],
      [{ appVersion: 'v1 <script>' }, 'appVersion'],
      [{ startedAt: 'yesterday' }, 'startedAt'],
      [{ camera: 'yes' }, 'camera'],
      // Codes only: a sentence (which could name a usager) is refused.
      [{ lastError: { code: 'Le dossier de Mme Martin est introuvable', at: '2026-11-23T08:59:00.000Z' } }, 'lastError.code'],
      [{ lastError: { code: 'x_y' } }, 'lastError.at'],
      [{ lastError: { code: 'x', at: '2026-11-23T08:59:00.000Z', message: 'free text' } }, 'lastError'],
      [{ usager: 'Martin' }, '(body)'],
    ];
    for (const [payload, field] of cases) {
      const res = await beat('chatillon-1', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(errorCode(res)).toBe('validation');
      expect(res.json<{ error: { fields: { path: string }[] } }>().error.fields.map((f) => f.path), JSON.stringify(payload)).toContain(field);
    }
    // Nothing of the refused bodies was stored.
    expect(kioskOf((await fleet('admin')).json<FleetSnapshot>(), 'chatillon-1').health).toEqual({ appVersion: null, startedAt: null, camera: null, lastError: null });
  });

  it('refuses a body that is not JSON with a 4xx', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/kiosk/heartbeat', headers: { ...kioskAuth(server, 'chatillon-1'), 'content-type': 'application/json' }, payload: '{"appVersion":' });
    expect(res.statusCode).toBe(400);
  });
});

describe('GET /api/staff/fleet/stream', () => {
  it('refuses a médiateur and an admin de pôle asking for another pôle', async () => {
    const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const med = await openSse(`${base}/api/staff/fleet/stream`, await staffCookie(server.app, 'mediateur'));
    streams.push(med);
    expect(med.status).toBe(403);
    const other = [...server.sites.keys()].find((s) => s !== 'chatillon')!;
    const notYours = await openSse(`${base}/api/staff/fleet/stream?siteId=${other}`, await staffCookie(server.app, 'adminpole'));
    streams.push(notYours);
    expect(notYours.status).toBe(403);
  });

  it('sends a snapshot, then the changes of every pôle of an admin département on one stream', async () => {
    const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openSse(`${base}/api/staff/fleet/stream`, await staffCookie(server.app, 'admin'));
    streams.push(stream);
    const first = await stream.next((m) => m.type === 'snapshot');
    expect((first.data.snapshot as FleetSnapshot).sites).toHaveLength(server.sites.size);
    const other = [...server.sites.values()].find((s) => s.id !== 'chatillon')!;
    await beat('chatillon-1');
    await beat(other.kiosks[0]!.id);
    expect((await stream.next((m) => m.type === 'kiosk')).data.kiosk).toMatchObject({ id: 'chatillon-1', online: true });
    expect((await stream.next((m) => m.type === 'kiosk')).data.kiosk).toMatchObject({ id: other.kiosks[0]!.id, online: true });
    const { call } = await callHelp(server, 'chatillon-1');
    expect((await stream.next((m) => m.type === 'waiting')).data).toEqual({ type: 'waiting', kioskId: 'chatillon-1', siteId: 'chatillon', waiting: true });
    await server.app.inject({ method: 'POST', url: `/api/kiosk/help-calls/${call.id}/cancel`, headers: kioskAuth(server, 'chatillon-1') });
    expect((await stream.next((m) => m.type === 'waiting')).data).toMatchObject({ kioskId: 'chatillon-1', waiting: false });
    // A heartbeat that changes nothing sends nothing: no event every 15 s per kiosk.
    const before = stream.received.length;
    clock.advance(15_000);
    await beat('chatillon-1');
    await beat('chatillon-1', { appVersion: '0.1.0' });
    const changed = await stream.next((m) => m.type === 'kiosk');
    expect(changed.data.kiosk.health.appVersion).toBe('0.1.0');
    expect(stream.received.length).toBe(before + 1);
  });

  it('gives an admin de pôle only their pôles’ changes, and resumes after Last-Event-ID without repeating', async () => {
    const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const cookie = await staffCookie(server.app, 'adminpole');
    const stream = await openSse(`${base}/api/staff/fleet/stream`, cookie);
    streams.push(stream);
    await stream.next((m) => m.type === 'snapshot');
    const other = [...server.sites.values()].find((s) => s.id !== 'chatillon')!;
    await beat(other.kiosks[0]!.id);
    await beat('chatillon-2');
    const seen = await stream.next((m) => m.type === 'kiosk');
    expect(seen.data.kiosk.id).toBe('chatillon-2');
    expect(stream.received.filter((m) => m.type === 'kiosk').map((m) => m.data.kiosk.siteId)).toEqual(['chatillon']);
    stream.close();
    await beat('chatillon-3');
    const again = await openSse(`${base}/api/staff/fleet/stream`, { ...cookie, 'last-event-id': String(seen.id) });
    streams.push(again);
    const snap = await again.next((m) => m.type === 'snapshot');
    expect(kioskOf(snap.data.snapshot as FleetSnapshot, 'chatillon-3').online).toBe(true);
    expect(snap.id).toBeGreaterThan(seen.id!);
  });
});
