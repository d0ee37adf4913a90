import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrolmentCodeView, EnrolmentRedeemed } from '../../src/core/fleet/enrolment';
import { listStaffActions } from '../../src/server/audit/staff-audit';
import { HOME_CONTEXT } from '../support/help';
import { staffCookie, startTestServer, type TestServer } from '../support/server';
import { openSse } from '../support/sse';

let server: TestServer;
let base: string;
let admin: { cookie: string };
beforeAll(async () => {
  server = await startTestServer();
  base = await server.app.listen({ port: 0, host: '127.0.0.1' });
  admin = await staffCookie(server.app, 'admin');
});
afterAll(async () => {
  server.app.server.closeAllConnections();
  await server.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const me = (token: string) => server.app.inject({ method: 'GET', url: '/api/kiosk/me', headers: bearer(token) });

async function enrolNew(label: string): Promise<{ view: EnrolmentCodeView; token: string }> {
  const view = (await server.app.inject({ method: 'POST', url: '/api/staff/sites/chatillon/kiosks', headers: admin, payload: { label } })).json<EnrolmentCodeView>();
  return { view, token: await redeem(view.code) };
}

async function redeem(code: string): Promise<string> {
  const res = await server.app.inject({ method: 'POST', url: '/api/kiosk/enrol', payload: { code } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<EnrolmentRedeemed>().token;
}

describe('« Retirer la borne »', () => {
  it('closes the open kiosk stream at once, stops the token, cancels the call and ends the usager sessions', async () => {
    const { view, token } = await enrolNew('Poste à retirer');
    const stream = await openSse(`${base}/api/kiosk/stream`, bearer(token));
    await stream.next((m) => m.type === 'help');
    const call = await server.app.inject({ method: 'POST', url: '/api/kiosk/help-calls', headers: bearer(token), payload: { requestId: randomUUID(), context: HOME_CONTEXT } });
    expect(call.statusCode).toBe(201);
    const identified = await server.app.inject({ method: 'POST', url: '/api/kiosk/identify', headers: bearer(token), payload: { dossierNumber: '10000001', birthDate: '1985-03-14' } });
    expect(identified.statusCode, identified.body).toBe(201);
    const kiosksBefore = server.sites.get('chatillon')!.kiosks;

    const res = await server.app.inject({ method: 'DELETE', url: `/api/staff/kiosks/${view.kiosk.id}`, headers: admin });
    expect(res.statusCode, res.body).toBe(204);
    await stream.ended;

    expect((await me(token)).statusCode).toBe(401);
    const again = await openSse(`${base}/api/kiosk/stream`, bearer(token));
    expect(again.status).toBe(401);
    again.close();
    const calls = await server.store.db.selectFrom('help_calls').select('status').where('kiosk_id', '=', view.kiosk.id).execute();
    expect(calls.map((c) => c.status)).toEqual(['cancelled']);
    const open = await server.store.db.selectFrom('usager_sessions').select('kiosk_id').where('kiosk_id', '=', view.kiosk.id).where('ended_at', 'is', null).execute();
    expect(open).toEqual([]);
    expect(await server.store.db.selectFrom('kiosks').select('id').where('id', '=', view.kiosk.id).execute()).toEqual([]);
    expect(server.sites.get('chatillon')!.kiosks.map((k) => k.id)).not.toContain(view.kiosk.id);
    const [audit] = await listStaffActions(server.store.db, { action: 'kiosk_revoke', limit: 1 });
    expect(audit).toMatchObject({ target: view.kiosk.id, siteId: 'chatillon', before: kiosksBefore, after: kiosksBefore.filter((k) => k.id !== view.kiosk.id) });
  });

  it('leaves the other kiosks of the pôle alone', async () => {
    const kept = await enrolNew('Poste gardé');
    const removed = await enrolNew('Poste retiré');
    const stream = await openSse(`${base}/api/kiosk/stream`, bearer(kept.token));
    try {
      await stream.next((m) => m.type === 'help');
      expect((await server.app.inject({ method: 'DELETE', url: `/api/staff/kiosks/${removed.view.kiosk.id}`, headers: admin })).statusCode).toBe(204);
      expect((await me(kept.token)).statusCode).toBe(200);
      // The kept kiosk's stream is still open: its own call still reaches it there.
      await server.app.inject({ method: 'POST', url: '/api/kiosk/help-calls', headers: bearer(kept.token), payload: { requestId: randomUUID(), context: HOME_CONTEXT } });
      const view = await stream.next((m) => m.type === 'help' && m.data.view.call !== null);
      expect(view.data.view.call.status).toBe('waiting');
    } finally {
      stream.close();
    }
  });
});

describe('enrolling again', () => {
  it('gives a new token; the old one stops and the old PC loses its stream', async () => {
    const first = await enrolNew('Poste remplacé');
    const oldStream = await openSse(`${base}/api/kiosk/stream`, bearer(first.token));
    await oldStream.next((m) => m.type === 'help');
    const code = (await server.app.inject({ method: 'POST', url: `/api/staff/kiosks/${first.view.kiosk.id}/enrolment-code`, headers: admin })).json<EnrolmentCodeView>().code;
    const second = await redeem(code);
    expect(second).not.toBe(first.token);
    await oldStream.ended;
    expect((await me(first.token)).statusCode).toBe(401);
    expect((await me(second)).json().kiosk.id).toBe(first.view.kiosk.id);
  });
});
