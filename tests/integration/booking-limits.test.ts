import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BookingConfirmation, SlotView, WeekSlotsView } from '../../src/core/agenda/booking';
import { fixedClock, kioskAuth, staffCookie, startTestServer, type TestServer } from '../support/server';
import { openSse } from '../support/sse';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

/**
 * Item 16 of the field test: one kiosk booked 15 slots in 136 ms with the same name and phone.
 * The demo site config keeps the defaults: 2 live bookings per phone, 3 per dossier, 12 per
 * kiosk and hour.
 */
let server: TestServer;
// Monday 23 November 2026, 10:00 in Paris.
const clock = fixedClock('2026-11-23T09:00:00.000Z');

beforeEach(async () => {
  clock.set('2026-11-23T09:00:00.000Z');
  server = await startTestServer({ clock });
});
afterEach(async () => {
  server?.app.server.closeAllConnections();
  await server?.close();
});

const KIOSK = 'chatillon-1';
const headers = (token?: string, kioskId = KIOSK) => ({ ...kioskAuth(server, kioskId), ...(token ? { 'x-usager-session': token } : {}) });
const contact = (phone: string) => ({ name: 'Awa Traoré', phone });

/** Free slots of a first-contact motif over the next weeks (as many as the test needs). */
async function freeSlots(motifId: string, atLeast: number): Promise<SlotView[]> {
  const out: SlotView[] = [];
  let week: string | null = null;
  do {
    const url: string = `/api/kiosk/agenda/slots?motifId=${motifId}${week ? `&week=${week}` : ''}`;
    const view: WeekSlotsView = (await server.app.inject({ method: 'GET', url, headers: headers() })).json<WeekSlotsView>();
    out.push(...view.days.flatMap((d) => d.slots));
    week = view.nextWeek;
  } while (week && out.length < atLeast);
  if (out.length < atLeast) throw new Error(`only ${out.length} free slots for ${motifId}`);
  return out;
}

const book = (motifId: string, slot: SlotView, extra: { contact?: { name: string; phone: string }; token?: string; kioskId?: string }) =>
  server.app.inject({
    method: 'POST',
    url: '/api/kiosk/appointments',
    headers: headers(extra.token, extra.kioskId),
    payload: { motifId, referentId: slot.referentId, start: slot.start, language: 'fr', ...(extra.contact ? { contact: extra.contact } : {}) },
  });

async function usager(number = '10000001', birthDate = '1985-03-14'): Promise<string> {
  const res = await server.app.inject({ method: 'POST', url: '/api/kiosk/identify', headers: kioskAuth(server, KIOSK), payload: { dossierNumber: number, birthDate } });
  return res.json<{ token: string }>().token;
}

const liveBookings = async (where: { phone?: string; dossierId?: string }) => {
  let q = server.store.db.selectFrom('appointments').select('id').where('status', '=', 'booked').where('starts_at', '>', clock().toISOString());
  if (where.phone) q = q.where('contact_phone', '=', where.phone);
  if (where.dossierId) q = q.where('dossier_id', '=', where.dossierId);
  return (await q.execute()).length;
};

describe('live bookings per phone number', () => {
  it('refuses the 3rd with the same number, however it is written, kindly and with the cap; a cancelled one frees a place', async () => {
    // Days ahead, so the one cancelled below is still changeable at a kiosk.
    const slots = (await freeSlots('chatillon-accueil-social', 40)).filter((s) => Date.parse(s.start) > clock().getTime() + 3 * 86_400_000);
    expect((await book('chatillon-accueil-social', slots[0]!, { contact: contact('06 12 34 56 78') })).statusCode).toBe(201);
    const second = await book('chatillon-accueil-social', slots[1]!, { contact: contact('0612345678') });
    expect(second.statusCode).toBe(201);
    // The same number in the international form, and from another kiosk of the pôle.
    const third = await book('chatillon-accueil-social', slots[2]!, { contact: contact('+33 6 12 34 56 78'), kioskId: 'chatillon-2' });
    expect(third.statusCode).toBe(409);
    expect(third.json()).toMatchObject({ error: { code: 'booking_limit_phone', message: expect.stringContaining('médiateur'), details: { max: 2 } } });
    expect(await liveBookings({ phone: '0612345678' })).toBe(2);
    // Another number is not concerned.
    expect((await book('chatillon-accueil-social', slots[2]!, { contact: contact('07 00 00 00 01') })).statusCode).toBe(201);

    // The person cancels one with the ticket's reference: a new booking passes again.
    const { reference } = second.json<BookingConfirmation>().appointment;
    const found = await server.app.inject({ method: 'POST', url: '/api/kiosk/appointments/find', headers: headers(), payload: { reference, phone: '0612345678' } });
    const { access, appointment } = found.json<{ access: string; appointment: { id: string } }>();
    const cancelled = await server.app.inject({ method: 'POST', url: `/api/kiosk/appointments/${appointment.id}/cancel`, headers: { ...headers(), 'x-booking-access': access } });
    expect(cancelled.statusCode, cancelled.body).toBe(204);
    expect((await book('chatillon-accueil-social', slots[3]!, { contact: contact('06 12 34 56 78') })).statusCode).toBe(201);
  });

  it('lets at most the cap through when requests arrive at once', async () => {
    const slots = await freeSlots('chatillon-accueil-social', 6);
    const results = await Promise.all(slots.slice(0, 6).map((slot, i) => book('chatillon-accueil-social', slot, { contact: contact('06 99 88 77 66'), kioskId: `chatillon-${1 + (i % 4)}` })));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(2);
    expect(results.filter((r) => r.statusCode === 409 && r.json().error.code === 'booking_limit_phone')).toHaveLength(4);
    expect(await liveBookings({ phone: '0699887766' })).toBe(2);
  });
});

describe('live bookings per dossier', () => {
  it('refuses the one after the cap of 3, counting the appointments the dossier already has', async () => {
    const token = await usager();
    const dossier = await server.store.db.selectFrom('dossiers').select('id').where('number', '=', '10000001').executeTakeFirstOrThrow();
    const already = await liveBookings({ dossierId: dossier.id });
    expect(already).toBeLessThan(3);
    const slots = await freeSlots('chatillon-pmi', 4);
    for (let i = already; i < 3; i++) expect((await book('chatillon-pmi', slots[i]!, { token })).statusCode).toBe(201);
    const over = await book('chatillon-pmi', slots[3]!, { token });
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ error: { code: 'booking_limit_dossier', details: { max: 3 } } });
    expect(await liveBookings({ dossierId: dossier.id })).toBe(3);
  });
});

describe('bookings per kiosk and hour', () => {
  it('refuses the 13th booking of the hour at one kiosk, while its neighbour still books; an hour later it books again', async () => {
    const slots = await freeSlots('chatillon-accueil-social', 15);
    for (let i = 0; i < 12; i++) {
      const res = await book('chatillon-accueil-social', slots[i]!, { contact: contact(`07 11 22 33 ${String(i).padStart(2, '0')}`) });
      expect(res.statusCode, res.body).toBe(201);
      clock.advance(60_000);
    }
    const over = await book('chatillon-accueil-social', slots[12]!, { contact: contact('07 11 22 33 12') });
    expect(over.statusCode).toBe(429);
    expect(over.json()).toMatchObject({ error: { code: 'booking_rate_kiosk', details: { max: 12 } } });
    expect((await book('chatillon-accueil-social', slots[12]!, { contact: contact('07 11 22 33 12'), kioskId: 'chatillon-2' })).statusCode).toBe(201);

    // The first booking of the run leaves the hour's window.
    clock.advance(49 * 60_000);
    const later = (await freeSlots('chatillon-accueil-social', 1))[0]!;
    expect((await book('chatillon-accueil-social', later, { contact: contact('07 11 22 33 13') })).statusCode).toBe(201);
  });
});

describe('the console is told', () => {
  it("receives the refusal on the site's stream: which kiosk and which limit, nothing about the person", async () => {
    const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openSse(`${base}/api/staff/sites/chatillon/stream`, await staffCookie(server.app, 'admin'));
    try {
      await stream.next((m) => m.type === 'snapshot');
      const slots = await freeSlots('chatillon-accueil-social', 3);
      for (const slot of slots.slice(0, 2)) expect((await book('chatillon-accueil-social', slot, { contact: contact('06 12 34 56 78') })).statusCode).toBe(201);
      expect((await book('chatillon-accueil-social', slots[2]!, { contact: contact('06 12 34 56 78'), kioskId: 'chatillon-3' })).statusCode).toBe(409);
      const event = await stream.next((m) => m.type === 'bookingRefused');
      expect(event.data).toEqual({ type: 'bookingRefused', kioskId: 'chatillon-3', limit: 'phone', at: clock().toISOString() });
      const stored = await server.store.db.selectFrom('events').select('payload').where('type', '=', 'bookingRefused').execute();
      expect(stored).toHaveLength(1);
      expect(stored[0]!.payload).not.toMatch(/0612345678|12 34|Awa|Traoré/);
    } finally {
      stream.close();
    }
  });
});
