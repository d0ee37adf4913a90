import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskCommandView } from '../../src/core/fleet/commands';
import { addStaff, callHelp, errorCode, onDuty } from '../support/help';
import { fixedClock, kioskAuth, staffCookie, startTestServer, type TestServer } from '../support/server';
import { openSse } from '../support/sse';

let server: TestServer;
let clock: ReturnType<typeof fixedClock>;
beforeEach(async () => {
  // Monday 23 November 2026, 10:00 in Paris.
  clock = fixedClock('2026-11-23T09:00:00.000Z');
  server = await startTestServer({ clock });
  await addStaff(server, 'adminissy', 'Karim', 'admin_pole', ['issy-les-moulineaux']);
});
afterEach(() => server.close());

const MESSAGE = { fr: 'Borne en maintenance. Allez à l’accueil, au rez-de-chaussée.', ar: 'الجهاز قيد الصيانة. توجّهوا إلى الاستقبال.' };
const send = (kioskId: string, headers: Record<string, string>, payload: object) => server.app.inject({ method: 'POST', url: `/api/staff/kiosks/${kioskId}/commands`, headers, payload });
const ack = (kioskId: string, id: string, status: 'acknowledged' | 'done') => server.app.inject({ method: 'POST', url: `/api/kiosk/commands/${id}/ack`, headers: kioskAuth(server, kioskId), payload: { status } });
const me = async (kioskId: string) => (await server.app.inject({ method: 'GET', url: '/api/kiosk/me', headers: kioskAuth(server, kioskId) })).json<{ outOfService?: unknown }>();
const commandEvents = async () =>
  (await server.store.db.selectFrom('events').select('payload').where('type', '=', 'kioskCommand').orderBy('id').execute()).map((r) => (JSON.parse(r.payload) as { command: KioskCommandView }).command);

const ACTIONS = [
  { kind: 'reset' },
  { kind: 'reload' },
  { kind: 'out_of_service', message: MESSAGE },
  { kind: 'back_in_service' },
] as const;

describe('who may send which remote action', () => {
  it('a médiateur may end a session where on duty, and nothing else', async () => {
    const offDuty = await staffCookie(server.app, 'mediateur');
    expect(errorCode(await send('chatillon-1', offDuty, { kind: 'reset' }))).toBe('not_on_duty_here');
    const cookie = await onDuty(server, 'chatillon');
    expect((await send('chatillon-1', cookie, { kind: 'reset' })).statusCode).toBe(201);
    for (const body of ACTIONS.slice(1)) {
      const res = await send('chatillon-1', cookie, body);
      expect(res.statusCode, body.kind).toBe(403);
      expect(errorCode(res)).toBe('staff_forbidden');
    }
  });

  it('an admin de pôle acts on the kiosks of their pôle only; an admin département everywhere', async () => {
    const own = await staffCookie(server.app, 'adminpole');
    const other = await staffCookie(server.app, 'adminissy');
    const departement = await staffCookie(server.app, 'admin');
    for (const body of ACTIONS) {
      expect((await send('chatillon-2', own, body)).statusCode, `adminpole ${body.kind}`).toBe(201);
      const refused = await send('chatillon-2', other, body);
      expect(refused.statusCode, `adminissy ${body.kind}`).toBe(403);
      expect(errorCode(refused)).toBe('site_not_yours');
      expect((await send('issy-les-moulineaux-1', departement, body)).statusCode, `admin ${body.kind}`).toBe(201);
    }
  });

  it('the old reset address is the same command (204), and a kiosk that does not exist is a 404', async () => {
    const cookie = await onDuty(server, 'chatillon');
    expect((await server.app.inject({ method: 'POST', url: '/api/staff/kiosks/chatillon-1/reset', headers: cookie })).statusCode).toBe(204);
    expect((await commandEvents()).map((c) => [c.kioskId, c.kind, c.status])).toEqual([['chatillon-1', 'reset', 'sent']]);
    expect(errorCode(await send('nowhere-9', await staffCookie(server.app, 'admin'), { kind: 'reload' }))).toBe('kiosk_not_found');
  });

  it('refuses a bad body field by field: out of service needs a message, others take none', async () => {
    const admin = await staffCookie(server.app, 'admin');
    const noMessage = await send('chatillon-1', admin, { kind: 'out_of_service' });
    expect(noMessage.statusCode).toBe(400);
    expect(noMessage.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['message']);
    expect((await send('chatillon-1', admin, { kind: 'out_of_service', message: { en: 'Closed' } })).statusCode).toBe(400);
    expect((await send('chatillon-1', admin, { kind: 'reload', message: MESSAGE })).statusCode).toBe(400);
    expect((await send('chatillon-1', admin, { kind: 'explode' })).statusCode).toBe(400);
    expect((await send('chatillon-1', admin, { kind: 'out_of_service', message: { fr: 'x'.repeat(501) } })).statusCode).toBe(400);
  });

  it('the console reads the pôle’s latest commands (admins of the pôle)', async () => {
    const own = await staffCookie(server.app, 'adminpole');
    await send('chatillon-3', own, { kind: 'reload' });
    const list = await server.app.inject({ method: 'GET', url: '/api/staff/sites/chatillon/commands', headers: own });
    expect(list.json<KioskCommandView[]>().map((c) => [c.kioskId, c.kind, c.byFirstName])).toEqual([['chatillon-3', 'reload', 'Nadia']]);
    expect(errorCode(await server.app.inject({ method: 'GET', url: '/api/staff/sites/chatillon/commands', headers: await staffCookie(server.app, 'adminissy') }))).toBe('site_not_yours');
    expect(errorCode(await server.app.inject({ method: 'GET', url: '/api/staff/sites/chatillon/commands', headers: await staffCookie(server.app, 'mediateur') }))).toBe('staff_forbidden');
  });
});

describe('delivery, acknowledgement and expiry', () => {
  it('goes through the open stream, then sent → acknowledged → done, each published', async () => {
    const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openSse(`${base}/api/kiosk/stream`, kioskAuth(server, 'chatillon-2'));
    try {
      const command = (await send('chatillon-2', await staffCookie(server.app, 'adminpole'), { kind: 'reload' })).json<KioskCommandView>();
      expect(command).toMatchObject({ kind: 'reload', status: 'sent', message: null, byFirstName: 'Nadia', expiresAt: '2026-11-23T09:02:00.000Z' });
      const event = await stream.next((e) => e.type === 'command');
      expect(event.data).toEqual({ type: 'command', command: { id: command.id, kind: 'reload', message: null } });
      expect((await ack('chatillon-2', command.id, 'acknowledged')).json()).toMatchObject({ status: 'acknowledged' });
      expect((await ack('chatillon-2', command.id, 'done')).json()).toMatchObject({ status: 'done' });
      // A late or repeated acknowledgement changes nothing.
      expect((await ack('chatillon-2', command.id, 'acknowledged')).json()).toMatchObject({ status: 'done' });
      expect((await commandEvents()).map((c) => c.status)).toEqual(['sent', 'acknowledged', 'done']);
    } finally {
      stream.close();
      server.app.server.closeAllConnections();
    }
  });

  it('reaches a kiosk that was offline when it comes back, unless it expired meanwhile', async () => {
    const admin = await staffCookie(server.app, 'admin');
    const early = (await send('chatillon-3', admin, { kind: 'reload' })).json<KioskCommandView>();
    clock.advance(2 * 60_000 + 1000);
    await server.app.borne.sweep();
    const late = (await send('chatillon-3', admin, { kind: 'back_in_service' })).json<KioskCommandView>();
    expect((await commandEvents()).map((c) => [c.id, c.status])).toEqual([[early.id, 'sent'], [early.id, 'expired'], [late.id, 'sent']]);
    expect(errorCode(await ack('chatillon-3', early.id, 'done'))).toBe('command_over');

    const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openSse(`${base}/api/kiosk/stream`, kioskAuth(server, 'chatillon-3'));
    try {
      const event = await stream.next((e) => e.type === 'command');
      expect(event.data.command).toEqual({ id: late.id, kind: 'back_in_service', message: null });
      expect((await ack('chatillon-3', late.id, 'done')).statusCode).toBe(200);
      // Done, it is not sent again on the next reconnection.
      const again = await openSse(`${base}/api/kiosk/stream`, kioskAuth(server, 'chatillon-3'));
      await again.next((e) => e.type === 'help');
      again.close();
      expect(again.received.filter((e) => e.type === 'command')).toEqual([]);
    } finally {
      stream.close();
      server.app.server.closeAllConnections();
    }
  });

  it('a kiosk acknowledges only its own commands', async () => {
    const command = (await send('chatillon-1', await staffCookie(server.app, 'admin'), { kind: 'reload' })).json<KioskCommandView>();
    expect(errorCode(await ack('chatillon-2', command.id, 'done'))).toBe('command_not_found');
    expect((await server.app.inject({ method: 'POST', url: `/api/kiosk/commands/not-an-id/ack`, headers: kioskAuth(server, 'chatillon-1'), payload: { status: 'done' } })).statusCode).toBe(400);
    expect((await server.app.inject({ method: 'POST', url: `/api/kiosk/commands/${command.id}/ack`, headers: kioskAuth(server, 'chatillon-1'), payload: { status: 'expired' } })).statusCode).toBe(400);
  });
});

describe('« Mettre hors service » and « Remettre en service »', () => {
  it('holds on the kiosk row: /api/kiosk/me and the console say it until back in service; audited', async () => {
    const admin = await staffCookie(server.app, 'adminpole');
    const identified = await server.app.inject({ method: 'POST', url: '/api/kiosk/identify', headers: kioskAuth(server, 'chatillon-1'), payload: { dossierNumber: '10000001', birthDate: '1985-03-14' } });
    const { token } = identified.json<{ token: string }>();
    await callHelp(server, 'chatillon-1');
    expect((await me('chatillon-1')).outOfService).toBeNull();

    expect((await send('chatillon-1', admin, { kind: 'out_of_service', message: MESSAGE })).statusCode).toBe(201);
    // Whatever the kiosk does, the session in progress is over on the server.
    const dossier = await server.app.inject({ method: 'GET', url: '/api/kiosk/dossier', headers: { ...kioskAuth(server, 'chatillon-1'), 'x-usager-session': token } });
    expect(dossier.statusCode).toBe(401);
    expect((await server.store.db.selectFrom('help_calls').select('status').where('kiosk_id', '=', 'chatillon-1').execute()).map((c) => c.status)).toEqual(['cancelled']);
    // A restart of the kiosk (or of the server) reads it again.
    expect((await me('chatillon-1')).outOfService).toEqual(MESSAGE);
    expect((await server.app.borne.fleet.statuses('chatillon')).find((k) => k.id === 'chatillon-1')?.outOfService).toBe(true);
    const kioskEvents = (await server.store.db.selectFrom('events').select('payload').where('type', '=', 'kiosk').execute()).map((r) => JSON.parse(r.payload).kiosk);
    expect(kioskEvents.at(-1)).toMatchObject({ id: 'chatillon-1', outOfService: true });

    expect((await send('chatillon-1', admin, { kind: 'back_in_service' })).statusCode).toBe(201);
    expect((await me('chatillon-1')).outOfService).toBeNull();
    expect((await server.app.borne.fleet.statuses('chatillon')).find((k) => k.id === 'chatillon-1')?.outOfService).toBe(false);

    const audit = await server.store.db.selectFrom('staff_audit').selectAll().where('action', '=', 'kiosk_command').orderBy('at').execute();
    expect(audit.map((a) => [a.target, JSON.parse(a.before_json!), JSON.parse(a.after_json!)])).toEqual([
      ['chatillon-1', { outOfService: null, state: 'in_service' }, { outOfService: MESSAGE, state: 'out_of_service', command: 'out_of_service', commandId: expect.any(String) }],
      ['chatillon-1', { outOfService: MESSAGE, state: 'out_of_service' }, { outOfService: null, state: 'in_service', command: 'back_in_service', commandId: expect.any(String) }],
    ]);
  });
});
