import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BookingConfirmation, WeekSlotsView } from '../../src/core/agenda/booking';
import { fixedClock, kioskAuth, startTestServer, type TestServer } from '../support/server';

let server: TestServer;
const clock = fixedClock('2026-11-23T09:00:00.000Z');

beforeEach(async () => {
  server = await startTestServer({ clock });
});
afterEach(() => server.close());

const headers = () => kioskAuth(server, 'chatillon-1');
const eventsOf = async (type: string) => (await server.store.db.selectFrom('events').select(['site_id', 'type']).where('type', '=', type).execute()).map((e) => e.site_id);

describe('the outbox follows live', () => {
  it('publishes an outbox event to the site when a confirmation is written, so the console reloads it', async () => {
    const week = (await server.app.inject({ method: 'GET', url: '/api/kiosk/agenda/slots?motifId=chatillon-pmi', headers: headers() })).json<WeekSlotsView>();
    const slot = week.days[0]!.slots[0]!;
    const booked = (
      await server.app.inject({ method: 'POST', url: '/api/kiosk/appointments', headers: headers(), payload: { motifId: 'chatillon-pmi', referentId: slot.referentId, start: slot.start, contact: { name: 'Awa Traoré', phone: '06 12 34 56 78' } } })
    ).json<BookingConfirmation>();
    expect(await eventsOf('outbox')).toEqual([]);
    const sent = await server.app.inject({ method: 'POST', url: `/api/kiosk/appointments/${booked.appointment.id}/notify`, headers: headers(), payload: { channel: 'sms', to: '0612345678', receipt: booked.receipt, language: 'fr' } });
    expect(sent.statusCode).toBe(204);
    expect(await eventsOf('outbox')).toEqual(['chatillon']);
  });
});
