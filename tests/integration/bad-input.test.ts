import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addStaff, callHelp, errorCode, onDuty } from '../support/help';
import { fixedClock, kioskAuth, startTestServer, type TestServer } from '../support/server';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const UNKNOWN_ID = '0b6f3c2e-8d4a-4f1b-9e7c-5a2d1c0b9f8e';
const VALID_CALL = { requestId: '9d2c4e6f-1a3b-4c5d-8e7f-0a1b2c3d4e5f', context: { screen: 'home', language: 'fr' } };

let server: TestServer;
let clock: ReturnType<typeof fixedClock>;
let staff: { cookie: string };
let callId: string;
let kiosk: { authorization: string };

beforeAll(async () => {
  clock = fixedClock();
  server = await startTestServer({ clock });
  staff = await onDuty(server, 'chatillon');
  kiosk = kioskAuth(server, 'chatillon-1');
  callId = (await callHelp(server, 'chatillon-1')).call.id;
});
afterAll(async () => {
  await server?.close();
});

/** Row counts of every table a refused request could have written to. */
async function counts(): Promise<Record<string, number>> {
  const tables = ['help_calls', 'events', 'staff_duty', 'staff_sessions', 'staff_users', 'kiosks'] as const;
  const entries = await Promise.all(
    tables.map(async (t) => [t, Number((await server.store.db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)] as const),
  );
  return Object.fromEntries(entries);
}

const json = { 'content-type': 'application/json' };
const createCall = (extra: Partial<InjectOptions>): InjectOptions => ({ method: 'POST', url: '/api/kiosk/help-calls', headers: { ...kiosk, ...json }, ...extra });

interface Case {
  name: string;
  request: () => InjectOptions;
  status: number;
  code: string;
  /** A field the error must name, when the input had one wrong. */
  field?: string;
}

const cases: Case[] = [
  // POST /api/kiosk/help-calls
  { name: 'invalid JSON', request: () => createCall({ payload: '{"requestId": ' }), status: 400, code: 'bad_json' },
  { name: 'a form instead of JSON', request: () => createCall({ headers: { ...kiosk, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'requestId=1' }), status: 415, code: 'unsupported_media_type' },
  { name: 'plain text instead of JSON', request: () => createCall({ headers: { ...kiosk, 'content-type': 'text/plain' }, payload: 'help' }), status: 400, code: 'validation' },
  { name: 'an empty JSON body', request: () => createCall({ payload: '' }), status: 400, code: 'bad_json' },
  { name: 'an empty object', request: () => createCall({ payload: {} }), status: 400, code: 'validation', field: 'requestId' },
  { name: 'an array', request: () => createCall({ payload: '[]' }), status: 400, code: 'validation', field: '(body)' },
  { name: 'JSON null', request: () => createCall({ payload: 'null' }), status: 400, code: 'validation', field: 'context' },
  { name: 'an unknown field', request: () => createCall({ payload: { ...VALID_CALL, name: 'Dupont' } }), status: 400, code: 'validation', field: '(body)' },
  { name: 'an unknown context field', request: () => createCall({ payload: { ...VALID_CALL, context: { ...VALID_CALL.context, dossier: '123' } } }), status: 400, code: 'validation', field: 'context' },
  { name: 'a request id that is not a UUID', request: () => createCall({ payload: { ...VALID_CALL, requestId: '42' } }), status: 400, code: 'validation', field: 'requestId' },
  { name: 'an unknown screen and language', request: () => createCall({ payload: { ...VALID_CALL, context: { screen: 'desktop', language: 'de' } } }), status: 400, code: 'validation', field: 'context.language' },
  { name: 'a __proto__ key', request: () => createCall({ payload: `{"__proto__":{"admin":true},"requestId":"${VALID_CALL.requestId}","context":{"screen":"home","language":"fr"}}` }), status: 400, code: 'bad_json' },
  { name: 'a body over the limit', request: () => createCall({ payload: { ...VALID_CALL, padding: 'x'.repeat(70 * 1024) } }), status: 413, code: 'body_too_large' },
  { name: 'no kiosk token', request: () => createCall({ headers: json, payload: VALID_CALL }), status: 401, code: 'kiosk_unknown' },
  { name: 'an unknown kiosk token', request: () => createCall({ headers: { ...json, authorization: `Bearer ${'A'.repeat(43)}` }, payload: VALID_CALL }), status: 401, code: 'kiosk_unknown' },
  { name: 'a staff cookie instead of a kiosk token', request: () => createCall({ headers: { ...json, ...staff }, payload: VALID_CALL }), status: 401, code: 'kiosk_unknown' },
  { name: 'a Basic authorization', request: () => createCall({ headers: { ...json, authorization: 'Basic a2lvc2s6a2lvc2s=' }, payload: VALID_CALL }), status: 401, code: 'kiosk_unknown' },
  // other kiosk routes
  { name: 'cancel: a call id that is not a UUID', request: () => ({ method: 'POST', url: '/api/kiosk/help-calls/42/cancel', headers: kiosk }), status: 400, code: 'validation', field: 'id' },
  { name: 'cancel: an unknown call', request: () => ({ method: 'POST', url: `/api/kiosk/help-calls/${UNKNOWN_ID}/cancel`, headers: kiosk }), status: 404, code: 'call_not_found' },
  { name: 'cancel: another kiosk’s call', request: () => ({ method: 'POST', url: `/api/kiosk/help-calls/${callId}/cancel`, headers: kioskAuth(server, 'chatillon-2') }), status: 404, code: 'call_not_found' },
  { name: 'cancel: no token', request: () => ({ method: 'POST', url: `/api/kiosk/help-calls/${callId}/cancel` }), status: 401, code: 'kiosk_unknown' },
  { name: 'help view: no token', request: () => ({ method: 'GET', url: '/api/kiosk/help' }), status: 401, code: 'kiosk_unknown' },
  { name: 'site view: no token', request: () => ({ method: 'GET', url: '/api/kiosk/me' }), status: 401, code: 'kiosk_unknown' },
  { name: 'kiosk stream: no token', request: () => ({ method: 'GET', url: '/api/kiosk/stream' }), status: 401, code: 'kiosk_unknown' },
  { name: 'session end: no token', request: () => ({ method: 'POST', url: '/api/kiosk/session/end' }), status: 401, code: 'kiosk_unknown' },
  { name: 'state: wrong types', request: () => ({ method: 'PUT', url: '/api/kiosk/state', headers: kiosk, payload: { inSession: 'yes', screen: 'home', language: 'fr' } }), status: 400, code: 'validation', field: 'inSession' },
  { name: 'state: an unknown field', request: () => ({ method: 'PUT', url: '/api/kiosk/state', headers: kiosk, payload: { inSession: true, screen: 'home', language: 'fr', url: 'https://x' } }), status: 400, code: 'validation' },
  // staff routes
  { name: 'me: no cookie', request: () => ({ method: 'GET', url: '/api/staff/me' }), status: 401, code: 'staff_unauthenticated' },
  { name: 'me: a forged cookie', request: () => ({ method: 'GET', url: '/api/staff/me', headers: { cookie: 'borne_staff=forged' } }), status: 401, code: 'staff_unauthenticated' },
  { name: 'sites: a kiosk token instead of a cookie', request: () => ({ method: 'GET', url: '/api/staff/sites', headers: kiosk }), status: 401, code: 'staff_unauthenticated' },
  { name: 'duty: no cookie', request: () => ({ method: 'PUT', url: '/api/staff/duty', payload: { siteId: 'chatillon' } }), status: 401, code: 'staff_unauthenticated' },
  { name: 'duty: an unknown site', request: () => ({ method: 'PUT', url: '/api/staff/duty', headers: staff, payload: { siteId: 'paris-15' } }), status: 404, code: 'site_unknown' },
  { name: 'duty: a site id that names an object property', request: () => ({ method: 'PUT', url: '/api/staff/duty', headers: staff, payload: { siteId: 'constructor' } }), status: 404, code: 'site_unknown' },
  { name: 'duty: no site id', request: () => ({ method: 'PUT', url: '/api/staff/duty', headers: staff, payload: {} }), status: 400, code: 'validation', field: 'siteId' },
  { name: 'duty: a number as site id', request: () => ({ method: 'PUT', url: '/api/staff/duty', headers: staff, payload: { siteId: 7 } }), status: 400, code: 'validation', field: 'siteId' },
  { name: 'claim: a call id that is not a UUID', request: () => ({ method: 'POST', url: '/api/staff/help-calls/abc/claim', headers: staff }), status: 400, code: 'validation', field: 'id' },
  { name: 'claim: an unknown call', request: () => ({ method: 'POST', url: `/api/staff/help-calls/${UNKNOWN_ID}/claim`, headers: staff }), status: 404, code: 'call_not_found' },
  { name: 'claim: no cookie', request: () => ({ method: 'POST', url: `/api/staff/help-calls/${callId}/claim` }), status: 401, code: 'staff_unauthenticated' },
  { name: 'resolve: no outcome', request: () => ({ method: 'POST', url: `/api/staff/help-calls/${callId}/resolve`, headers: staff, payload: {} }), status: 400, code: 'validation', field: 'outcome' },
  { name: 'resolve: an unknown outcome', request: () => ({ method: 'POST', url: `/api/staff/help-calls/${callId}/resolve`, headers: staff, payload: { outcome: 'solved' } }), status: 400, code: 'validation', field: 'outcome' },
  { name: 'resolve: a call not taken yet', request: () => ({ method: 'POST', url: `/api/staff/help-calls/${callId}/resolve`, headers: staff, payload: { outcome: 'helped' } }), status: 409, code: 'call_not_claimed' },
  { name: 'stream: no cookie', request: () => ({ method: 'GET', url: '/api/staff/sites/chatillon/stream' }), status: 401, code: 'staff_unauthenticated' },
  { name: 'stream: an unknown site', request: () => ({ method: 'GET', url: '/api/staff/sites/paris-15/stream', headers: staff }), status: 404, code: 'site_unknown' },
  { name: 'sign-in: no password', request: () => ({ method: 'POST', url: '/api/staff/session', payload: { username: 'mediateur' } }), status: 400, code: 'validation', field: 'password' },
  { name: 'sign-in: an unknown field', request: () => ({ method: 'POST', url: '/api/staff/session', payload: { username: 'mediateur', password: 'mediateur', role: 'admin' } }), status: 400, code: 'validation' },
  { name: 'sign-in: an overlong password', request: () => ({ method: 'POST', url: '/api/staff/session', payload: { username: 'mediateur', password: 'x'.repeat(300) } }), status: 400, code: 'validation', field: 'password' },
  { name: 'sign-in: a wrong password', request: () => ({ method: 'POST', url: '/api/staff/session', payload: { username: 'admin', password: 'mediateur' } }), status: 401, code: 'staff_bad_credentials' },
  { name: 'sign-in: an unknown user', request: () => ({ method: 'POST', url: '/api/staff/session', payload: { username: 'nobody', password: 'nobody' } }), status: 401, code: 'staff_bad_credentials' },
  // nothing here
  { name: 'an unknown API route', request: () => ({ method: 'GET', url: '/api/dossiers' }), status: 404, code: 'not_found' },
  { name: 'a POST to an unknown API route', request: () => ({ method: 'POST', url: '/api/nothing', headers: json, payload: '{}' }), status: 404, code: 'not_found' },
  { name: 'an unknown page', request: () => ({ method: 'GET', url: '/wp-admin' }), status: 404, code: 'not_found' },
];

describe('bad input gets a 4xx with a clear JSON error, never a 500, and writes nothing', () => {
  it.each(cases)('$name → $status $code', async ({ request, status, code, field }) => {
    const before = await counts();
    const res = await server.app.inject(request());
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(errorCode(res)).toBe(code);
    if (field) expect(res.json().error.fields?.map((f: { path: string }) => f.path)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('refuses a method a route does not have, as JSON', async () => {
    const res = await server.app.inject({ method: 'PATCH', url: '/api/kiosk/help', headers: kiosk });
    expect([404, 405]).toContain(res.statusCode);
    expect(['not_found', 'method_not_allowed']).toContain(errorCode(res));
  });

  it('leaves the open call untouched by all of the above', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/kiosk/help', headers: kiosk });
    expect(res.json().call).toMatchObject({ id: callId, status: 'waiting' });
  });
});

describe('sign-in lockout', () => {
  it('locks an account after 5 failures, even for the right password, and unlocks after a minute', async () => {
    await addStaff(server, 'lucie', 'Lucie');
    const signIn = (password: string) => server.app.inject({ method: 'POST', url: '/api/staff/session', payload: { username: 'lucie', password } });
    for (let i = 0; i < 5; i++) expect((await signIn(`guess-${i}`)).statusCode).toBe(401);
    const sessions = (await counts()).staff_sessions ?? 0;

    const locked = await signIn('lucie');
    expect([locked.statusCode, errorCode(locked)]).toEqual([429, 'staff_locked']);
    expect(locked.headers['set-cookie']).toBeUndefined();
    // Another account is not locked by someone guessing at Lucie's.
    expect((await server.app.inject({ method: 'POST', url: '/api/staff/session', payload: { username: 'admin', password: 'admin' } })).statusCode).toBe(200);
    expect((await counts()).staff_sessions).toBe(sessions + 1);

    clock.advance(60_000);
    expect((await signIn('lucie')).statusCode).toBe(200);
  });
});

describe('kiosk identity', () => {
  it('refuses a kiosk that was enrolled but has since been removed from the live config', async () => {
    const own = await startTestServer();
    const token = kioskAuth(own, 'issy-les-moulineaux-1');
    const issy = own.app.borne.config.get('issy-les-moulineaux')!;
    // Removed by an admin (or a reviewed import), not by editing a file: the database is the live config.
    await own.app.borne.config.save({ ...issy.site, kiosks: issy.site.kiosks.filter((k) => k.id !== 'issy-les-moulineaux-1') }, issy.version, null);
    await own.close(true);
    const restarted = await startTestServer({ dir: own.dir });
    try {
      const res = await restarted.app.inject({ method: 'GET', url: '/api/kiosk/me', headers: token });
      expect([res.statusCode, errorCode(res)]).toEqual([401, 'kiosk_unknown']);
      expect((await restarted.app.inject({ method: 'GET', url: '/api/kiosk/me', headers: kioskAuth(restarted, 'chatillon-1') })).statusCode).toBe(200);
    } finally {
      await restarted.close();
    }
  });
});
