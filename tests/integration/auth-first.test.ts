import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('callers are identified before their input is read', () => {
  it('an unknown kiosk sending a bad body learns nothing about the fields: 401, not 400', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/kiosk/help-calls', headers: { authorization: `Bearer ${'z'.repeat(43)}` }, payload: { nonsense: true } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'kiosk_unknown', message: expect.stringContaining('not enrolled') } });
  });

  it('a signed-out console resolving with a bad outcome gets 401', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/staff/help-calls/not-a-uuid/resolve', payload: { outcome: 'whatever' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('staff_unauthenticated');
  });
});
