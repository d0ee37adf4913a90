import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BookingConfirmation, WeekSlotsView } from '../../src/core/agenda/booking';
import { listStaffActions, type StaffAuditAction } from '../../src/server/audit/staff-audit';
import { fixedClock, kioskAuth, staffCookie, startTestServer, type TestServer } from '../support/server';

/** Item 21: duty, remote resets, hours and absences, and reading the outbox are audited. */
let server: TestServer;
const clock = fixedClock('2026-11-23T09:00:00.000Z');

beforeEach(async () => {
  clock.set('2026-11-23T09:00:00.000Z');
  server = await startTestServer({ clock });
});
afterEach(() => server.close());

const staffId = async (username: string) => (await server.store.db.selectFrom('staff_users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
const duty = (cookie: { cookie: string }, siteId: string | null) => server.app.inject({ method: 'PUT', url: '/api/staff/duty', headers: cookie, payload: { siteId } });
/** Oldest first, as they happened. */
const actions = async (action: StaffAuditAction) => (await listStaffActions(server.store.db, { action })).reverse();

describe('the staff audit', () => {
  it('keeps going on duty, moving and going off duty: who, where, when, from which address', async () => {
    const karim = await staffCookie(server.app);
    const id = await staffId('mediateur');
    expect((await duty(karim, 'chatillon')).statusCode).toBe(200);
    clock.advance(60_000);
    expect((await duty(karim, 'chatillon')).statusCode).toBe(200); // no change: nothing new to keep
    expect((await duty(karim, 'issy-les-moulineaux')).statusCode).toBe(200);
    clock.advance(60_000);
    expect((await duty(karim, null)).statusCode).toBe(200);

    expect(await actions('duty_on')).toEqual([
      { at: '2026-11-23T09:00:00.000Z', staffId: id, action: 'duty_on', siteId: 'chatillon', target: null, before: { siteId: null }, after: { siteId: 'chatillon' }, address: '127.0.0.1' },
      { at: '2026-11-23T09:01:00.000Z', staffId: id, action: 'duty_on', siteId: 'issy-les-moulineaux', target: null, before: { siteId: 'chatillon' }, after: { siteId: 'issy-les-moulineaux' }, address: '127.0.0.1' },
    ]);
    expect(await actions('duty_off')).toEqual([
      { at: '2026-11-23T09:02:00.000Z', staffId: id, action: 'duty_off', siteId: 'issy-les-moulineaux', target: null, before: { siteId: 'issy-les-moulineaux' }, after: { siteId: null }, address: '127.0.0.1' },
    ]);
  });

  it("keeps a remote reset with the kiosk, and not a refused one", async () => {
    const karim = await staffCookie(server.app);
    await duty(karim, 'chatillon');
    const reset = (kioskId: string) => server.app.inject({ method: 'POST', url: `/api/staff/kiosks/${kioskId}/reset`, headers: karim });
    expect((await reset('chatillon-2')).statusCode).toBe(204);
    expect((await reset('issy-les-moulineaux-1')).statusCode).toBe(403);
    expect(await actions('kiosk_reset')).toEqual([expect.objectContaining({ staffId: await staffId('mediateur'), siteId: 'chatillon', target: 'chatillon-2', address: '127.0.0.1' })]);
  });

  it('keeps hours and absences with the value before and after', async () => {
    const admin = await staffCookie(server.app, 'admin');
    const adminId = await staffId('admin');
    const before = JSON.parse((await server.store.db.selectFrom('referents').select('hours').where('id', '=', 'ref-lea').executeTakeFirstOrThrow()).hours);
    const hours = { wed: [['09:00', '12:00']] };
    expect((await server.app.inject({ method: 'PUT', url: '/api/staff/referents/ref-lea/hours', headers: admin, payload: { hours } })).statusCode).toBe(204);
    expect(await actions('referent_hours')).toEqual([{ at: clock().toISOString(), staffId: adminId, action: 'referent_hours', siteId: 'chatillon', target: 'ref-lea', before, after: hours, address: '127.0.0.1' }]);

    const period = { startsAt: '2026-11-25T07:00:00.000Z', endsAt: '2026-11-25T12:00:00.000Z' };
    const added = await server.app.inject({ method: 'POST', url: '/api/staff/referents/ref-lea/absences', headers: admin, payload: period });
    const { id } = added.json<{ id: string }>();
    expect((await server.app.inject({ method: 'DELETE', url: `/api/staff/absences/${id}`, headers: admin })).statusCode).toBe(204);
    expect(await actions('referent_absence_add')).toEqual([expect.objectContaining({ staffId: adminId, siteId: 'chatillon', target: 'ref-lea', before: null, after: { id, ...period }, address: '127.0.0.1' })]);
    expect(await actions('referent_absence_remove')).toEqual([expect.objectContaining({ staffId: adminId, siteId: 'chatillon', target: 'ref-lea', before: { id, ...period }, after: null })]);
  });

  it('keeps who read the outbox, never what the messages said or who they were for', async () => {
    const week = (await server.app.inject({ method: 'GET', url: '/api/kiosk/agenda/slots?motifId=chatillon-pmi', headers: kioskAuth(server, 'chatillon-1') })).json<WeekSlotsView>();
    const slot = week.days[0]!.slots[0]!;
    const booked = (
      await server.app.inject({ method: 'POST', url: '/api/kiosk/appointments', headers: kioskAuth(server, 'chatillon-1'), payload: { motifId: 'chatillon-pmi', referentId: slot.referentId, start: slot.start, contact: { name: 'Awa Traoré', phone: '06 12 34 56 78' }, language: 'fr' } })
    ).json<BookingConfirmation>();
    await server.app.inject({ method: 'POST', url: `/api/kiosk/appointments/${booked.appointment.id}/notify`, headers: kioskAuth(server, 'chatillon-1'), payload: { channel: 'sms', to: '0612345678', receipt: booked.receipt, language: 'fr' } });

    const karim = await staffCookie(server.app);
    expect((await server.app.inject({ method: 'GET', url: '/api/staff/sites/chatillon/outbox', headers: karim })).statusCode).toBe(403); // not on duty: refused, not read
    await duty(karim, 'chatillon');
    const outbox = await server.app.inject({ method: 'GET', url: '/api/staff/sites/chatillon/outbox', headers: karim });
    expect(outbox.json()).toHaveLength(1);
    expect(await actions('outbox_read')).toEqual([{ at: clock().toISOString(), staffId: await staffId('mediateur'), action: 'outbox_read', siteId: 'chatillon', target: null, before: undefined, after: undefined, address: '127.0.0.1' }]);

    const everything = JSON.stringify(await server.store.db.selectFrom('staff_audit').selectAll().execute());
    expect(everything).not.toContain(booked.appointment.reference);
    expect(everything).not.toMatch(/0612345678|Awa|Traoré|rendez-vous/);
  });
});
