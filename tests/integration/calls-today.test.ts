import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HelpCall } from '../../src/core/help/help-call';
import { callHelp, errorCode, onDuty, staffAction } from '../support/help';
import { fixedClock, kioskAuth, staffCookie, startTestServer, type TestServer } from '../support/server';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let server: TestServer;
let clock: ReturnType<typeof fixedClock>;

beforeEach(async () => {
  // Sunday 22 November, 23:30 in Paris (UTC+1): the day before the test's "today".
  clock = fixedClock('2026-11-22T22:30:00.000Z');
  server = await startTestServer({ clock });
});
afterEach(async () => {
  await server?.close();
});

const endSession = (kioskId: string) => server.app.inject({ method: 'POST', url: '/api/kiosk/session/end', headers: kioskAuth(server, kioskId) });
const today = (headers: Record<string, string>, siteId = 'chatillon') => server.app.inject({ method: 'GET', url: `/api/staff/sites/${siteId}/help-calls/today`, headers });

describe('« Appels du jour »', () => {
  it('lists the site’s calls since Paris midnight, newest first, with how each ended', async () => {
    const yesterday = await callHelp(server, 'chatillon-1');
    await endSession('chatillon-1');
    clock.set('2026-11-22T23:30:00.000Z'); // 00:30 in Paris: today already
    const early = await callHelp(server, 'chatillon-2');
    await endSession('chatillon-2');
    clock.set('2026-11-23T09:00:00.000Z');
    const karim = await onDuty(server, 'chatillon');
    const helped = await callHelp(server, 'chatillon-3');
    await staffAction(server, karim, helped.call.id, 'claim');
    clock.advance(4 * 60_000);
    await staffAction(server, karim, helped.call.id, 'resolve', 'appointment_offered');
    clock.advance(60_000);
    const waiting = await callHelp(server, 'chatillon-4');
    await callHelp(server, 'issy-les-moulineaux-1');

    const res = await today(karim);
    expect(res.statusCode).toBe(200);
    const calls = res.json<HelpCall[]>();
    expect(calls.map((c) => [c.id, c.kioskId, c.status, c.outcome])).toEqual([
      [waiting.call.id, 'chatillon-4', 'waiting', null],
      [helped.call.id, 'chatillon-3', 'resolved', 'appointment_offered'],
      [early.call.id, 'chatillon-2', 'cancelled', null],
    ]);
    expect(calls.map((c) => c.id)).not.toContain(yesterday.call.id);
    expect(calls[1]).toMatchObject({ claimedBy: { firstName: 'Karim' }, endedAt: '2026-11-23T09:04:00.000Z' });
  });

  it('follows the rule of the site’s other staff routes: admin, or on duty here', async () => {
    const anonymous = await today({});
    expect([anonymous.statusCode, errorCode(anonymous)]).toEqual([401, 'staff_unauthenticated']);
    const offDuty = await staffCookie(server.app);
    const refused = await today(offDuty);
    expect([refused.statusCode, errorCode(refused)]).toEqual([403, 'not_on_duty_here']);
    const elsewhere = await onDuty(server, 'issy-les-moulineaux');
    expect((await today(elsewhere)).statusCode).toBe(403);
    expect((await today(elsewhere, 'issy-les-moulineaux')).statusCode).toBe(200);
    const admin = await staffCookie(server.app, 'admin');
    expect((await today(admin)).statusCode).toBe(200);
    const unknown = await today(admin, 'nowhere');
    expect([unknown.statusCode, errorCode(unknown)]).toEqual([404, 'site_unknown']);
  });
});
