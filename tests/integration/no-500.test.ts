import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BookingConfirmation, WeekSlotsView } from '../../src/core/agenda/booking';
import { isApiErrorBody } from '../../src/core/api/errors';
import { routeRegistry } from '../../src/server/http/route';
import { fixedClock, kioskAuth, staffCookie, startTestServer, type TestServer } from '../support/server';

// Real scrypt (the demo accounts, unknown usernames) on a shared machine: give it time.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/** Hostile requests that reached Node's or Fastify's defaults, or a 500: each answers in the API's format. */
const clock = fixedClock('2026-11-23T09:00:00.000Z');
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock });
});
afterAll(() => server.close());

const KIOSK = 'chatillon-1';

function expectApiError(res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number, code: string): void {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
  const body: unknown = JSON.parse(res.body);
  expect(isApiErrorBody(body) && body.error.code).toBe(code);
}

describe('a booking access whose signature holds a byte above 0x7F', () => {
  it('is refused as not found on /cancel and /move, not a 500', async () => {
    const week = (await server.app.inject({ method: 'GET', url: '/api/kiosk/agenda/slots?motifId=chatillon-pmi&week=2026-11-30', headers: kioskAuth(server, KIOSK) })).json<WeekSlotsView>();
    const [first, second] = week.days.flatMap((d) => d.slots);
    const booked = await server.app.inject({
      method: 'POST',
      url: '/api/kiosk/appointments',
      headers: kioskAuth(server, KIOSK),
      payload: { motifId: 'chatillon-pmi', referentId: first!.referentId, start: first!.start, contact: { name: 'Awa Traoré', phone: '06 12 34 56 78' } },
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const { reference } = booked.json<BookingConfirmation>().appointment;
    const found = await server.app.inject({ method: 'POST', url: '/api/kiosk/appointments/find', headers: kioskAuth(server, KIOSK), payload: { reference, phone: '0612345678' } });
    const { access, appointment } = found.json<{ access: string; appointment: { id: string } }>();
    const [payload, mac] = access.split('.') as [string, string];
    // Same number of characters as the real signature, one of them a Latin-1 byte (two bytes in UTF-8).
    const forged = `${payload}.${'é'}${mac.slice(1)}`;
    expect(forged.length).toBe(access.length);

    const cancel = await server.app.inject({ method: 'POST', url: `/api/kiosk/appointments/${appointment.id}/cancel`, headers: { ...kioskAuth(server, KIOSK), 'x-booking-access': forged } });
    expectApiError(cancel, 404, 'appointment_not_found');
    const move = await server.app.inject({
      method: 'POST',
      url: `/api/kiosk/appointments/${appointment.id}/move`,
      headers: { ...kioskAuth(server, KIOSK), 'x-booking-access': forged },
      payload: { referentId: second!.referentId, start: second!.start },
    });
    expectApiError(move, 404, 'appointment_not_found');
  });
});

describe('every declared route, fed hostile input', () => {
  it('answers 4xx in the API format, never 500', async () => {
    const { cookie } = await staffCookie(server.app, 'admin');
    const callers = [
      { ...kioskAuth(server, KIOSK), 'x-usager-session': 'é'.repeat(43), 'x-booking-access': `YWJj.${'é'.repeat(43)}` },
      { cookie },
    ];
    const bodies = [undefined, [], { start: 'é', referentId: 'é', motifId: 'é', siteId: 'é', outcome: 'é', hours: 'é', phone: 'é', reference: 'é' }];
    const failures: string[] = [];
    // Streams never end by design (an SSE answer stays open): they have their own tests.
    for (const route of routeRegistry.filter((r) => !r.url.endsWith('/stream'))) {
      for (const value of ['é'.repeat(43), 'a'.repeat(99), '__proto__']) {
        const url = route.url.replace(/:[a-zA-Z]+/g, encodeURIComponent(value)) + (route.method === 'GET' ? '?week=é&motifId=é&date=é' : '');
        for (const headers of callers) {
          for (const body of route.method === 'GET' ? [undefined] : bodies) {
            const res = await server.app.inject({ method: route.method, url, headers, ...(body === undefined ? {} : { payload: body }) });
            const json: unknown = res.statusCode === 204 || res.statusCode < 300 ? null : JSON.parse(res.body);
            if (res.statusCode >= 500 || (json !== null && !isApiErrorBody(json))) failures.push(`${route.method} ${url} -> ${res.statusCode}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('addresses the router cannot read', () => {
  it.each([
    ['/api/%zz', 'GET'],
    ['/api/kiosk/appointments/%E0%A4%A/cancel', 'POST'],
    ['/api/staff/sites/%C0%AF/stream', 'GET'],
  ] as const)('%s answers 400 bad_url', async (url, method) => {
    expectApiError(await server.app.inject({ method, url, headers: kioskAuth(server, KIOSK) }), 400, 'bad_url');
  });

  it('an over-long param answers 414 url_too_long', async () => {
    const res = await server.app.inject({ method: 'POST', url: `/api/kiosk/appointments/${'a'.repeat(500)}/cancel`, headers: kioskAuth(server, KIOSK) });
    expectApiError(res, 414, 'url_too_long');
  });
});

/** Sends raw bytes on a real socket and reads the whole answer (the server closes after an error). */
function rawRequest(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.write(bytes);
  });
}

function parseRaw(answer: string): { status: number; headers: string; body: unknown } {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), headers: head.toLowerCase(), body: JSON.parse(body) };
}

describe('what Node refuses before Fastify', () => {
  let port: number;
  beforeAll(async () => {
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    port = (server.app.server.address() as { port: number }).port;
  });

  it('headers over the 16 KiB limit answer 431 in the API format', async () => {
    const answer = parseRaw(await rawRequest(port, `GET /api/kiosk/help HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`));
    expect(answer.status).toBe(431);
    expect(answer.headers).toContain('content-type: application/json');
    expect(answer.body).toEqual({ error: { code: 'headers_too_large', message: expect.stringContaining('headers') } });
  });

  it('bytes that are not HTTP answer 400 in the API format', async () => {
    const answer = parseRaw(await rawRequest(port, 'NOT HTTP AT ALL\r\n\r\n'));
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'bad_request' } });
  });
});
