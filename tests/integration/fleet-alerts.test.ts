import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FleetAlertView } from '../../src/core/fleet/alerts';
import { addStaff, errorCode, onDuty } from '../support/help';
import { fixedClock, kioskAuth, staffCookie, startTestServer, type TestServer } from '../support/server';

let server: TestServer;
let clock: ReturnType<typeof fixedClock>;
beforeEach(async () => {
  // Monday 23 November 2026, 10:00 in Paris: the demo pôles are open 08:30–12:30 and 13:30–17:30.
  clock = fixedClock('2026-11-23T09:00:00.000Z');
  server = await startTestServer({ clock });
});
afterEach(() => server.close());

const MINUTE = 60_000;
const beat = (kioskId: string) => server.app.inject({ method: 'POST', url: '/api/kiosk/heartbeat', headers: kioskAuth(server, kioskId) });
const alertRows = () => server.store.db.selectFrom('fleet_alerts').selectAll().orderBy('raised_at').execute();
const messages = () => server.store.db.selectFrom('fleet_alert_messages').selectAll().execute();
const alertEvents = async () => (await server.store.db.selectFrom('events').select('payload').where('type', '=', 'fleetAlert').orderBy('id').execute()).map((r) => (JSON.parse(r.payload) as { alert: FleetAlertView }).alert);
/** The sweep as the timer runs it, some times over a stretch of time (the alert pass runs every 30 s). */
async function sweepFor(ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 31_000) {
    clock.advance(31_000);
    await server.app.borne.sweep();
  }
}

describe('a kiosk offline while its pôle is open raises one alert', () => {
  it('after offlineAlertMinutes, once however often the sweep runs, with a message in the alerts outbox', async () => {
    await beat('chatillon-1');
    await sweepFor(9 * MINUTE);
    expect(await alertRows()).toEqual([]);
    await sweepFor(5 * MINUTE);
    const [row, ...more] = await alertRows();
    expect(more).toEqual([]);
    expect(row).toMatchObject({ site_id: 'chatillon', kiosk_id: 'chatillon-1', status: 'new', offline_since: '2026-11-23T09:00:00.000Z' });
    const sent = await messages();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ site_id: 'chatillon', alert_id: row!.id, channel: 'email', recipient: 'admins:chatillon' });
    expect(sent[0]!.body).toContain('Poste 1');
    expect((await alertEvents()).map((a) => [a.kioskId, a.status])).toEqual([['chatillon-1', 'new']]);
    // The agenda's outbox is untouched.
    expect(await server.store.db.selectFrom('outbox').selectAll().execute()).toEqual([]);
  });

  it('resolves by itself when the kiosk comes back', async () => {
    await beat('chatillon-1');
    await sweepFor(12 * MINUTE);
    await beat('chatillon-1');
    await sweepFor(31_000);
    expect((await alertRows()).map((r) => [r.status, r.resolved_automatically])).toEqual([['resolved', 1]]);
    expect((await alertEvents()).map((a) => [a.status, a.resolvedAutomatically])).toEqual([['new', false], ['resolved', true]]);
  });

  it('nothing at night; a kiosk gone in the evening raises once the pôle has been open N minutes', async () => {
    clock.set('2026-11-23T17:00:00.000Z'); // 18:00, closed
    await beat('chatillon-2');
    await sweepFor(60 * MINUTE);
    clock.set('2026-11-24T07:30:00.000Z'); // Tuesday 08:30, opening
    await sweepFor(9 * MINUTE);
    expect(await alertRows()).toEqual([]);
    await sweepFor(2 * MINUTE);
    expect((await alertRows()).map((r) => r.kiosk_id)).toEqual(['chatillon-2']);
  });

  it('nothing on a closed day of the pôle', async () => {
    const { site, version } = (await server.app.borne.config.get('chatillon'))!;
    await server.app.borne.config.save({ ...site, closedDays: ['2026-11-23'] }, version, null);
    await beat('chatillon-1');
    await sweepFor(20 * MINUTE);
    expect(await alertRows()).toEqual([]);
  });

  it('a kiosk put out of service on purpose, or never seen, raises nothing', async () => {
    await server.app.inject({ method: 'POST', url: '/api/staff/kiosks/chatillon-3/commands', headers: await staffCookie(server.app, 'admin'), payload: { kind: 'out_of_service', message: { fr: 'En réparation' } } });
    await beat('chatillon-3');
    await sweepFor(20 * MINUTE);
    expect(await alertRows()).toEqual([]);
  });
});

describe('alert routes: the admins of the pôle see, take and resolve', () => {
  let alertId: string;
  beforeEach(async () => {
    await addStaff(server, 'adminissy', 'Karim', 'admin_pole', ['issy-les-moulineaux']);
    await beat('chatillon-1');
    await sweepFor(11 * MINUTE);
    alertId = (await alertRows())[0]!.id;
  });
  const list = (headers: Record<string, string>) => server.app.inject({ method: 'GET', url: '/api/staff/alerts', headers });
  const act = (action: 'take' | 'resolve', headers: Record<string, string>, id = alertId) => server.app.inject({ method: 'POST', url: `/api/staff/alerts/${id}/${action}`, headers });

  it('lists them per role: the pôle’s admin and the admin département, not another pôle’s, not a médiateur', async () => {
    expect((await list(await staffCookie(server.app, 'adminpole'))).json<FleetAlertView[]>().map((a) => [a.kioskId, a.kioskLabel, a.status])).toEqual([['chatillon-1', 'Poste 1', 'new']]);
    expect((await list(await staffCookie(server.app, 'admin'))).json<FleetAlertView[]>()).toHaveLength(1);
    expect((await list(await staffCookie(server.app, 'adminissy'))).json<FleetAlertView[]>()).toEqual([]);
    expect(errorCode(await list(await onDuty(server, 'chatillon')))).toBe('staff_forbidden');
  });

  it('take and resolve, each refused to a médiateur and to another pôle’s admin; audited', async () => {
    for (const action of ['take', 'resolve'] as const) {
      expect(errorCode(await act(action, await onDuty(server, 'chatillon')))).toBe('staff_forbidden');
      expect(errorCode(await act(action, await staffCookie(server.app, 'adminissy')))).toBe('site_not_yours');
    }
    const taken = await act('take', await staffCookie(server.app, 'adminpole'));
    expect(taken.json()).toMatchObject({ status: 'taken', takenBy: 'Nadia' });
    const resolved = await act('resolve', await staffCookie(server.app, 'admin'));
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolvedAutomatically: false });
    expect(errorCode(await act('take', await staffCookie(server.app, 'admin')))).toBe('alert_resolved');
    expect(errorCode(await act('resolve', await staffCookie(server.app, 'admin'), '8f14e45f-ceea-4e67-a0b1-111111111111'))).toBe('alert_not_found');
    expect((await alertEvents()).map((a) => a.status)).toEqual(['new', 'taken', 'resolved']);
    // Resolved by hand while the kiosk is still away: that offline period raises nothing more.
    await sweepFor(2 * MINUTE);
    expect((await alertRows()).map((r) => r.status)).toEqual(['resolved']);
    const audit = await server.store.db.selectFrom('staff_audit').select(['action', 'before_json', 'after_json']).where('action', 'in', ['alert_take', 'alert_resolve']).orderBy('at').execute();
    expect(audit.map((a) => [a.action, JSON.parse(a.before_json!).status, JSON.parse(a.after_json!).status])).toEqual([['alert_take', 'new', 'taken'], ['alert_resolve', 'taken', 'resolved']]);
  });
});
