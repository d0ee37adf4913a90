import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callHelp, onDuty } from '../support/help';
import { kioskAuth, staffCookie, startTestServer, type TestServer } from '../support/server';
import { openSse } from '../support/sse';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const reset = (kioskId: string, headers: Record<string, string>) => server.app.inject({ method: 'POST', url: `/api/staff/kiosks/${kioskId}/reset`, headers });

describe('remote reset from the console', () => {
  it('cancels the call and closes the dossier session on the server, whatever the kiosk does', async () => {
    const identified = await server.app.inject({ method: 'POST', url: '/api/kiosk/identify', headers: kioskAuth(server, 'chatillon-1'), payload: { dossierNumber: '10000001', birthDate: '1985-03-14' } });
    const { token } = identified.json<{ token: string }>();
    await callHelp(server, 'chatillon-1');
    const cookie = await onDuty(server, 'chatillon');
    expect((await reset('chatillon-1', cookie)).statusCode).toBe(204);
    const dossier = await server.app.inject({ method: 'GET', url: '/api/kiosk/dossier', headers: { ...kioskAuth(server, 'chatillon-1'), 'x-usager-session': token } });
    expect(dossier.statusCode).toBe(401);
    const calls = await server.store.db.selectFrom('help_calls').select('status').where('kiosk_id', '=', 'chatillon-1').execute();
    expect(calls.map((c) => c.status)).toEqual(['cancelled']);
  });

  it('tells the kiosk over its stream', async () => {
    const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openSse(`${base}/api/kiosk/stream`, kioskAuth(server, 'chatillon-2'));
    try {
      const cookie = await onDuty(server, 'chatillon');
      await reset('chatillon-2', cookie);
      const event = await stream.next((e) => e.type === 'command');
      // One path for every remote action: the reset is a stored command the kiosk acknowledges by id.
      expect(event.data).toEqual({ type: 'command', command: { id: expect.any(String), kind: 'reset', message: null } });
    } finally {
      stream.close();
      server.app.server.closeAllConnections();
    }
  });

  it('is refused to a médiateur on duty elsewhere, and for an unknown kiosk', async () => {
    const cookie = await onDuty(server, 'issy-les-moulineaux');
    expect((await reset('chatillon-1', cookie)).json().error.code).toBe('not_on_duty_here');
    expect((await reset('nowhere-9', await staffCookie(server.app, 'admin'))).statusCode).toBe(404);
  });
});
