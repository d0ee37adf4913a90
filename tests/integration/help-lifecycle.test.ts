import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HelpCall } from '../../src/core/help/help-call';
import { addStaff, callHelp, errorCode, kioskView, onDuty, pressHelp, staffAction, storedCalls } from '../support/help';
import { fixedClock, kioskAuth, staffCookie, startTestServer, type TestServer } from '../support/server';

// Every sign-in runs scrypt (about half a second here); the default 5 s is too tight on a busy machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const SECOND = 1000;
const MINUTE = 60 * SECOND;

let server: TestServer;
let clock: ReturnType<typeof fixedClock>;

beforeEach(async () => {
  clock = fixedClock();
  server = await startTestServer({ clock });
});
afterEach(async () => {
  await server?.close();
});

describe('a usager calls a médiateur', () => {
  it('is received, first in the queue, with the médiateurs on duty and an estimated wait', async () => {
    await onDuty(server, 'chatillon');
    const res = await pressHelp(server, 'chatillon-1', undefined, { screen: 'guide', language: 'ar', guideId: 'caf-rsa', step: 3 });
    expect(res.statusCode).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({ call: { status: 'waiting', claimedByFirstName: null, escalated: false }, onDutyCount: 1, position: 1, estimatedWait: { minMinutes: 2, maxMinutes: 3 } });
    expect(await kioskView(server, 'chatillon-1')).toEqual(view);
    // The call carries where the usager is stuck, for the console.
    const stored = await server.app.borne.help.snapshot('chatillon');
    expect(stored.calls.map((c: HelpCall) => c.context)).toEqual([{ screen: 'guide', language: 'ar', guideId: 'caf-rsa', step: 3, accessibility: {} }]);
  });

  it('says honestly that nobody is on duty: no wait is promised', async () => {
    const view = await callHelp(server, 'chatillon-1');
    expect(view).toMatchObject({ onDutyCount: 0, position: 1, estimatedWait: null });
  });

  it('queues calls of the same site in order, and keeps other sites apart', async () => {
    await onDuty(server, 'chatillon');
    await callHelp(server, 'chatillon-1');
    clock.advance(SECOND);
    await callHelp(server, 'issy-les-moulineaux-1');
    clock.advance(SECOND);
    const second = await callHelp(server, 'chatillon-2');
    expect(second.position).toBe(2);
    expect(second.estimatedWait).toEqual({ minMinutes: 7, maxMinutes: 11 }); // 2 min + one 5 min handling
    expect((await kioskView(server, 'issy-les-moulineaux-1')).position).toBe(1);
  });

  it('returns the same call for a retried request and for a second press while it is open', async () => {
    const requestId = '6f4c1a52-0d7e-4b8a-9c3e-2a1b0c9d8e7f';
    const first = await callHelp(server, 'chatillon-1', requestId);
    const retry = await callHelp(server, 'chatillon-1', requestId);
    const again = await callHelp(server, 'chatillon-1');
    expect(retry.call.id).toBe(first.call.id);
    expect(again.call.id).toBe(first.call.id);
    expect(await storedCalls(server)).toHaveLength(1);
  });

  it('lets two kiosks use the same request id without mixing their calls', async () => {
    const requestId = '6f4c1a52-0d7e-4b8a-9c3e-2a1b0c9d8e7f';
    const a = await callHelp(server, 'chatillon-1', requestId);
    const b = await callHelp(server, 'chatillon-2', requestId);
    expect(a.call.id).not.toBe(b.call.id);
  });
});

describe('a médiateur takes and closes the call', () => {
  it('claims it (« Je m’en occupe »): the kiosk shows who comes and a second médiateur is refused', async () => {
    await addStaff(server, 'sophie', 'Sophie');
    const karim = await onDuty(server, 'chatillon');
    const sophie = await onDuty(server, 'chatillon', 'sophie');
    const { call } = await callHelp(server, 'chatillon-1');
    clock.advance(40 * SECOND);

    const claim = await staffAction(server, karim, call.id, 'claim');
    expect(claim.statusCode).toBe(200);
    expect(claim.json()).toMatchObject({ id: call.id, status: 'claimed', claimedBy: { firstName: 'Karim' }, claimedAt: clock().toISOString() });
    expect(await kioskView(server, 'chatillon-1')).toMatchObject({ call: { status: 'claimed', claimedByFirstName: 'Karim' }, position: null, estimatedWait: null, onDutyCount: 2 });

    const late = await staffAction(server, sophie, call.id, 'claim');
    expect(late.statusCode).toBe(409);
    expect(errorCode(late)).toBe('call_already_claimed');
    expect((await kioskView(server, 'chatillon-1')).call?.claimedByFirstName).toBe('Karim');
  });

  it('lets exactly one of two simultaneous claims win', async () => {
    await addStaff(server, 'sophie', 'Sophie');
    const [karim, sophie] = [await onDuty(server, 'chatillon'), await onDuty(server, 'chatillon', 'sophie')];
    const { call } = await callHelp(server, 'chatillon-1');
    const results = await Promise.all([staffAction(server, karim, call.id, 'claim'), staffAction(server, sophie, call.id, 'claim')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('resolves only a claimed call (« Terminé »), with its outcome, once', async () => {
    const karim = await onDuty(server, 'chatillon');
    const { call } = await callHelp(server, 'chatillon-1');
    const early = await staffAction(server, karim, call.id, 'resolve');
    expect(early.statusCode).toBe(409);
    expect(errorCode(early)).toBe('call_not_claimed');

    await staffAction(server, karim, call.id, 'claim');
    const done = await staffAction(server, karim, call.id, 'resolve', 'appointment_offered');
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'resolved', outcome: 'appointment_offered' });
    const twice = await staffAction(server, karim, call.id, 'resolve');
    expect([twice.statusCode, errorCode(twice)]).toEqual([409, 'call_not_open']);

    // The kiosk is free to call again: a new call, not the closed one.
    const next = await callHelp(server, 'chatillon-1');
    expect(next.call.id).not.toBe(call.id);
    expect(next.call.status).toBe('waiting');
  });

  it('refuses a médiateur on duty elsewhere, or not on duty at all', async () => {
    const { call } = await callHelp(server, 'chatillon-1');
    const offDuty = await staffCookie(server.app);
    const notYet = await staffAction(server, offDuty, call.id, 'claim');
    expect([notYet.statusCode, errorCode(notYet)]).toEqual([403, 'not_on_duty_here']);
    const elsewhere = await onDuty(server, 'issy-les-moulineaux');
    const refused = await staffAction(server, elsewhere, call.id, 'claim');
    expect([refused.statusCode, errorCode(refused)]).toEqual([403, 'not_on_duty_here']);
    expect((await kioskView(server, 'chatillon-1')).call?.status).toBe('waiting');
  });

  it('lets an admin act at any site without being on duty', async () => {
    const admin = await staffCookie(server.app, 'admin');
    const { call } = await callHelp(server, 'villeneuve-la-garenne-3');
    expect((await staffAction(server, admin, call.id, 'claim')).json()).toMatchObject({ status: 'claimed', claimedBy: { firstName: 'Claire' } });
    expect((await staffAction(server, admin, call.id, 'resolve', 'redirected_accueil')).statusCode).toBe(200);
  });
});

describe('the usager leaves', () => {
  it('cancels the call from the kiosk; it can no longer be claimed', async () => {
    const karim = await onDuty(server, 'chatillon');
    const { call } = await callHelp(server, 'chatillon-1');
    const res = await server.app.inject({ method: 'POST', url: `/api/kiosk/help-calls/${call.id}/cancel`, headers: kioskAuth(server, 'chatillon-1') });
    expect(res.statusCode).toBe(200);
    expect(res.json().call).toMatchObject({ id: call.id, status: 'cancelled' });
    const again = await server.app.inject({ method: 'POST', url: `/api/kiosk/help-calls/${call.id}/cancel`, headers: kioskAuth(server, 'chatillon-1') });
    expect(again.statusCode).toBe(200);
    const claim = await staffAction(server, karim, call.id, 'claim');
    expect([claim.statusCode, errorCode(claim)]).toEqual([409, 'call_not_open']);
  });

  it('cancels a claimed call too, and never another kiosk’s call', async () => {
    const karim = await onDuty(server, 'chatillon');
    const { call } = await callHelp(server, 'chatillon-1');
    const other = await server.app.inject({ method: 'POST', url: `/api/kiosk/help-calls/${call.id}/cancel`, headers: kioskAuth(server, 'chatillon-2') });
    expect([other.statusCode, errorCode(other)]).toEqual([404, 'call_not_found']);
    await staffAction(server, karim, call.id, 'claim');
    const res = await server.app.inject({ method: 'POST', url: `/api/kiosk/help-calls/${call.id}/cancel`, headers: kioskAuth(server, 'chatillon-1') });
    expect(res.json().call.status).toBe('cancelled');
  });

  it('ends the session (« Terminer »), which cancels the open call', async () => {
    const { call } = await callHelp(server, 'chatillon-1');
    const res = await server.app.inject({ method: 'POST', url: '/api/kiosk/session/end', headers: kioskAuth(server, 'chatillon-1') });
    expect(res.statusCode).toBe(204);
    expect(await storedCalls(server)).toEqual([{ id: call.id, status: 'cancelled', kioskId: 'chatillon-1' }]);
  });
});

describe('nobody comes in time', () => {
  /** Moves the clock as a kiosk that stays there sees it: a heartbeat every 15 s. */
  async function aliveFor(kioskId: string, ms: number): Promise<void> {
    for (let left = ms; left > 0; left -= 15 * SECOND) {
      clock.advance(Math.min(left, 15 * SECOND));
      await server.app.inject({ method: 'POST', url: '/api/kiosk/heartbeat', headers: kioskAuth(server, kioskId) });
    }
  }

  it('escalates at the site’s escalation minutes, then expires at its expiry minutes', async () => {
    const karim = await onDuty(server, 'chatillon');
    const { call } = await callHelp(server, 'chatillon-1');
    // The kiosk stays there all along (its heartbeat renews its lease): only the wait expires it.
    await aliveFor('chatillon-1', 5 * MINUTE - SECOND);
    await server.app.borne.sweep();
    expect((await kioskView(server, 'chatillon-1')).call?.escalated).toBe(false);
    await aliveFor('chatillon-1', SECOND);
    await server.app.borne.sweep();
    expect((await kioskView(server, 'chatillon-1')).call).toMatchObject({ status: 'waiting', escalated: true });

    await aliveFor('chatillon-1', 25 * MINUTE - SECOND);
    await server.app.borne.sweep();
    expect((await storedCalls(server))[0]?.status).toBe('waiting');
    await aliveFor('chatillon-1', SECOND);
    await server.app.borne.sweep();
    expect((await kioskView(server, 'chatillon-1')).call).toMatchObject({ id: call.id, status: 'expired' });
    const claim = await staffAction(server, karim, call.id, 'claim');
    expect([claim.statusCode, errorCode(claim)]).toEqual([409, 'call_not_open']);
    expect((await callHelp(server, 'chatillon-1')).call.id).not.toBe(call.id);
  });

  it('never expires a call a médiateur has taken', async () => {
    const karim = await onDuty(server, 'chatillon');
    const { call } = await callHelp(server, 'chatillon-1');
    await staffAction(server, karim, call.id, 'claim');
    clock.advance(3 * 60 * MINUTE);
    await server.app.borne.sweep();
    expect((await kioskView(server, 'chatillon-1')).call).toMatchObject({ status: 'claimed', escalated: false });
  });
});

describe('the wait estimate', () => {
  /** A call answered in `responseS` and helped for `handlingS`. */
  async function serve(kioskId: string, cookie: { cookie: string }, responseS: number, handlingS: number): Promise<void> {
    const { call } = await callHelp(server, kioskId);
    clock.advance(responseS * SECOND);
    await staffAction(server, cookie, call.id, 'claim');
    clock.advance(handlingS * SECOND);
    expect((await staffAction(server, cookie, call.id, 'resolve')).statusCode).toBe(200);
  }

  it('follows the site’s recent service times, and forgets them after two weeks', async () => {
    const karim = await onDuty(server, 'chatillon');
    for (const kiosk of ['chatillon-1', 'chatillon-2', 'chatillon-3']) await serve(kiosk, karim, 60, 600);
    // Another site's quick calls say nothing about Châtillon's waits.
    const admin = await staffCookie(server.app, 'admin');
    for (const kiosk of ['issy-les-moulineaux-1', 'issy-les-moulineaux-2', 'issy-les-moulineaux-3']) await serve(kiosk, admin, 1, 1);

    expect((await callHelp(server, 'chatillon-1')).estimatedWait).toEqual({ minMinutes: 1, maxMinutes: 2 });
    clock.advance(SECOND);
    expect((await callHelp(server, 'chatillon-2')).estimatedWait).toEqual({ minMinutes: 11, maxMinutes: 17 });

    clock.advance(15 * 24 * 60 * MINUTE);
    await onDuty(server, 'chatillon'); // a new working day, a new sign-in
    expect((await kioskView(server, 'chatillon-1')).estimatedWait).toEqual({ minMinutes: 2, maxMinutes: 3 });
  });
});

describe('durability', () => {
  it('keeps an open call across a restart on the same database file, still claimable', async () => {
    const { call } = await callHelp(server, 'chatillon-1');
    await server.close(true);
    server = await startTestServer({ dir: server.dir, clock });

    expect(await kioskView(server, 'chatillon-1')).toMatchObject({ call: { id: call.id, status: 'waiting' }, position: 1 });
    const karim = await onDuty(server, 'chatillon');
    const claim = await staffAction(server, karim, call.id, 'claim');
    expect(claim.json()).toMatchObject({ id: call.id, status: 'claimed' });
    expect(await storedCalls(server)).toHaveLength(1);
  });
});
