import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BookingConfirmation, MotifView, WeekSlotsView } from '../../src/core/agenda/booking';
import { fixedClock, kioskAuth, staffCookie, startTestServer, type TestServer } from '../support/server';

let server: TestServer;
// Monday 23 November 2026, 10:00 in Paris.
const clock = fixedClock('2026-11-23T09:00:00.000Z');

beforeEach(async () => {
  clock.set('2026-11-23T09:00:00.000Z');
  server = await startTestServer({ clock });
});
afterEach(() => server.close());

const KIOSK = 'chatillon-1';
const headers = (token?: string, kioskId = KIOSK) => ({ ...kioskAuth(server, kioskId), ...(token ? { 'x-usager-session': token } : {}) });
const CONTACT = { name: 'Awa Traoré', phone: '06 12 34 56 78' };

async function usager(number = '10000001', birthDate = '1985-03-14', kioskId = KIOSK): Promise<string> {
  const res = await server.app.inject({ method: 'POST', url: '/api/kiosk/identify', headers: kioskAuth(server, kioskId), payload: { dossierNumber: number, birthDate } });
  return res.json<{ token: string }>().token;
}
const slots = async (motifId: string, token?: string, week?: string) => {
  const res = await server.app.inject({ method: 'GET', url: `/api/kiosk/agenda/slots?motifId=${motifId}${week ? `&week=${week}` : ''}`, headers: headers(token) });
  return res;
};
const firstSlot = async (motifId: string, token?: string) => (await slots(motifId, token)).json<WeekSlotsView>().days[0]!.slots[0]!;
const book = (payload: object, token?: string, kioskId = KIOSK) => server.app.inject({ method: 'POST', url: '/api/kiosk/appointments', headers: headers(token, kioskId), payload });
const parisTime = (iso: string) => new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', weekday: 'short' }).format(new Date(iso));

describe('motifs and slots', () => {
  it('offers the follow-up (identified only) and the four first-contact motifs of the pôle', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/kiosk/agenda/motifs', headers: headers() });
    const motifs = res.json<MotifView[]>();
    expect(motifs.map((m) => m.category)).toEqual(['referent_followup', 'accueil_social', 'pmi', 'sante_sexuelle', 'insertion_rsa']);
    expect(motifs.filter((m) => m.needsIdentification).map((m) => m.category)).toEqual(['referent_followup']);
    expect(motifs.find((m) => m.category === 'sante_sexuelle')).toMatchObject({ mode: 'phone', durationMinutes: 30 });
  });

  it('gives a week of free slots grouped by Paris day, within opening hours and after the booking delay', async () => {
    const week = (await slots('chatillon-accueil-social')).json<WeekSlotsView>();
    expect(week.weekStart).toBe('2026-11-23');
    expect(week.previousWeek).toBeNull();
    expect(week.nextWeek).toBe('2026-11-30');
    expect(week.days.length).toBeGreaterThan(0);
    for (const day of week.days) {
      for (const s of day.slots) {
        expect(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(s.start))).toBe(day.date);
        expect(Date.parse(s.start)).toBeGreaterThanOrEqual(Date.parse('2026-11-23T11:00:00.000Z')); // 2 h ahead
        expect(Date.parse(s.end) - Date.parse(s.start)).toBe(45 * 60_000);
        const [, hh, mm] = /(\d\d):(\d\d)/.exec(parisTime(s.start))!;
        expect(`${hh}:${mm}` >= '08:30' && `${hh}:${mm}` <= '16:45').toBe(true);
        expect(s.referentId).toBe('ref-malik'); // the only assistant social of Châtillon
      }
    }
    const next = (await slots('chatillon-accueil-social', undefined, '2026-11-30')).json<WeekSlotsView>();
    expect(next.previousWeek).toBe('2026-11-23');
    // Malik is away three days from 30 November (demo absence): nothing offered then.
    expect(next.days.map((d) => d.date)).not.toContain('2026-12-01');
  });

  it('needs an identified usager for the follow-up, and offers only their own référent', async () => {
    expect((await slots('chatillon-suivi')).json().error.code).toBe('usager_session_invalid');
    const week = (await slots('chatillon-suivi', await usager())).json<WeekSlotsView>();
    expect(new Set(week.days.flatMap((d) => d.slots.map((s) => s.referentId)))).toEqual(new Set(['ref-sophie']));
  });

  it('refuses an unknown motif, a motif of another pôle and a malformed week, saying what to send', async () => {
    expect((await slots('nope')).statusCode).toBe(404);
    expect((await slots('issy-les-moulineaux-pmi')).json().error.code).toBe('motif_not_found');
    const bad = await slots('chatillon-pmi', undefined, '2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ path: 'week', message: expect.stringContaining('YYYY-MM-DD') });
  });
});

describe('booking', () => {
  it('books a first contact for a person without a dossier, with an .ics, and the slot is gone at once', async () => {
    const slot = await firstSlot('chatillon-pmi');
    const res = await book({ motifId: 'chatillon-pmi', referentId: slot.referentId, start: slot.start, contact: CONTACT });
    expect(res.statusCode).toBe(201);
    const confirmation = res.json<BookingConfirmation>();
    expect(confirmation.appointment).toMatchObject({ motifCategory: 'pmi', mode: 'on_site', referent: { firstName: 'Léa', metier: 'puericultrice', gender: 'female' }, startsAt: slot.start });
    // The place in every language, so the kiosk shows it in whichever the session is in.
    expect(confirmation.appointment.place).toMatchObject({ fr: expect.stringContaining('Salle PMI, rez-de-chaussée, Pôle social de Châtillon'), en: expect.stringContaining('Child health room'), ar: expect.stringContaining('الطابق الأرضي') });
    // Booked without a dossier: the ticket sends the person to « J'ai déjà un rendez-vous » with this phone.
    expect(confirmation.appointment.changeWith).toEqual({ kind: 'reference', phone: '0612345678' });
    expect(confirmation.appointment.reference).toMatch(/^[A-Z2-9]{3}-[A-Z2-9]{3}$/);
    expect(confirmation.ics).toContain(`UID:${confirmation.appointment.id}@borne`);
    expect((await firstSlot('chatillon-pmi')).start).not.toBe(slot.start);
    const again = await book({ motifId: 'chatillon-pmi', referentId: slot.referentId, start: slot.start, contact: CONTACT }, undefined, 'chatillon-2');
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'slot_taken', message: expect.stringContaining('choose another') });
  });

  it('lets exactly one of 50 simultaneous bookings of one slot win', async () => {
    const slot = await firstSlot('chatillon-insertion-rsa');
    const kiosks = ['chatillon-1', 'chatillon-2', 'chatillon-3', 'chatillon-4'];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => book({ motifId: 'chatillon-insertion-rsa', referentId: slot.referentId, start: slot.start, contact: { ...CONTACT, name: `Personne ${String.fromCharCode(65 + (i % 26))}` } }, undefined, kiosks[i % 4])),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409 && r.json().error.code === 'slot_taken')).toHaveLength(49);
    const rows = await server.store.db.selectFrom('appointments').select('id').where('referent_id', '=', slot.referentId).where('starts_at', '=', slot.start).where('status', '=', 'booked').execute();
    expect(rows).toHaveLength(1);
  });

  it('needs a name and a phone number from a person without a dossier, and checks them', async () => {
    const slot = await firstSlot('chatillon-pmi');
    expect((await book({ motifId: 'chatillon-pmi', referentId: slot.referentId, start: slot.start })).json().error.code).toBe('contact_required');
    const bad = await book({ motifId: 'chatillon-pmi', referentId: slot.referentId, start: slot.start, contact: { name: 'A', phone: '12345' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['contact.name', 'contact.phone']);
  });

  it('refuses a time that was never offered: off the grid, at night, too soon, or with the wrong référent', async () => {
    const slot = await firstSlot('chatillon-pmi');
    const shifted = new Date(Date.parse(slot.start) + 7 * 60_000).toISOString();
    expect((await book({ motifId: 'chatillon-pmi', referentId: slot.referentId, start: shifted, contact: CONTACT })).json().error.code).toBe('slot_unavailable');
    expect((await book({ motifId: 'chatillon-pmi', referentId: slot.referentId, start: '2026-11-25T02:00:00.000Z', contact: CONTACT })).json().error.code).toBe('slot_unavailable');
    expect((await book({ motifId: 'chatillon-pmi', referentId: slot.referentId, start: '2026-11-23T09:30:00.000Z', contact: CONTACT })).json().error.code).toBe('slot_unavailable');
    expect((await book({ motifId: 'chatillon-pmi', referentId: 'ref-sophie', start: slot.start, contact: CONTACT })).json().error.code).toBe('slot_unavailable');
    const malformed = await book({ motifId: 'chatillon-pmi', referentId: slot.referentId, start: 'demain 9h', contact: CONTACT });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.fields[0]).toMatchObject({ path: 'start', message: expect.stringContaining('ISO 8601') });
  });
});

describe('moving and cancelling from « Mon dossier »', () => {
  it('moves the follow-up to another free slot, frees the old one, then cancels it', async () => {
    const token = await usager();
    // Next week: far enough ahead to be changed (the limit is 24 h before).
    const week = (await slots('chatillon-suivi', token, '2026-11-30')).json<WeekSlotsView>();
    const [first, second] = week.days.flatMap((d) => d.slots);
    const booked = (await book({ motifId: 'chatillon-suivi', referentId: first!.referentId, start: first!.start }, token)).json<BookingConfirmation>();
    const dossier = async () => (await server.app.inject({ method: 'GET', url: '/api/kiosk/dossier', headers: headers(token) })).json<{ appointments: { id: string; startsAt: string; changeableUntil: string | null }[] }>();
    expect((await dossier()).appointments.map((a) => a.id)).toContain(booked.appointment.id);
    expect(booked.appointment.changeWith).toEqual({ kind: 'dossier' });

    const moved = await server.app.inject({ method: 'POST', url: `/api/kiosk/appointments/${booked.appointment.id}/move`, headers: headers(token), payload: { referentId: second!.referentId, start: second!.start } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<BookingConfirmation>().appointment).toMatchObject({ id: booked.appointment.id, reference: booked.appointment.reference, startsAt: second!.start });
    const after = (await slots('chatillon-suivi', token, '2026-11-30')).json<WeekSlotsView>().days.flatMap((d) => d.slots.map((s) => s.start));
    expect(after).toContain(first!.start);
    expect(after).not.toContain(second!.start);

    // Another usager cannot touch it.
    const other = await usager('10000005', '2001-05-09', 'chatillon-2');
    const foreign = await server.app.inject({ method: 'POST', url: `/api/kiosk/appointments/${booked.appointment.id}/cancel`, headers: headers(other, 'chatillon-2') });
    expect(foreign.json().error.code).toBe('appointment_not_found');

    const cancelled = await server.app.inject({ method: 'POST', url: `/api/kiosk/appointments/${booked.appointment.id}/cancel`, headers: headers(token) });
    expect(cancelled.statusCode).toBe(204);
    expect((await dossier()).appointments.map((a) => a.id)).not.toContain(booked.appointment.id);
    expect((await slots('chatillon-suivi', token, '2026-11-30')).json<WeekSlotsView>().days.flatMap((d) => d.slots.map((s) => s.start))).toContain(second!.start);
  });

  it('stops moving and cancelling at the motif limit (24 h before)', async () => {
    const token = await usager();
    const slot = await firstSlot('chatillon-suivi', token);
    const booked = (await book({ motifId: 'chatillon-suivi', referentId: slot.referentId, start: slot.start }, token)).json<BookingConfirmation>();
    expect(booked.appointment.changeableUntil).toBe(new Date(Date.parse(slot.start) - 24 * 3_600_000).toISOString());
    clock.set(booked.appointment.changeableUntil);
    const late = await server.app.inject({ method: 'POST', url: `/api/kiosk/appointments/${booked.appointment.id}/cancel`, headers: headers(await usager()) });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('change_too_late');
  });
});

describe('a person without a dossier changes their appointment with the ticket reference and their phone', () => {
  const find = (reference: string, phone: string, kioskId = KIOSK) =>
    server.app.inject({ method: 'POST', url: '/api/kiosk/appointments/find', headers: kioskAuth(server, kioskId), payload: { reference, phone } });

  it('finds it, moves it and cancels it on this kiosk only; a wrong phone finds nothing', async () => {
    const week = (await slots('chatillon-pmi', undefined, '2026-11-30')).json<WeekSlotsView>();
    const [first, second] = week.days.flatMap((d) => d.slots);
    const booked = (await book({ motifId: 'chatillon-pmi', referentId: first!.referentId, start: first!.start, contact: CONTACT })).json<BookingConfirmation>();
    const reference = booked.appointment.reference;

    const wrong = await find(reference, '0700000000');
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe('booking_not_found');
    const bad = await find('12', '06');
    expect(bad.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['phone', 'reference']);

    // The ticket's reference in lower case, without its hyphen, still works.
    const found = await find(reference.replace('-', '').toLowerCase(), '06.12.34.56.78');
    expect(found.statusCode, found.body).toBe(200);
    const { access, appointment } = found.json<{ access: string; appointment: { id: string; withFirstName: string; changeableUntil: string } }>();
    expect(appointment).toMatchObject({ id: booked.appointment.id, withFirstName: 'Léa', motifCategory: 'pmi' });

    const elsewhere = await server.app.inject({ method: 'POST', url: `/api/kiosk/appointments/${appointment.id}/cancel`, headers: { ...kioskAuth(server, 'chatillon-2'), 'x-booking-access': access } });
    expect(elsewhere.json().error.code).toBe('appointment_not_found');
    const forged = await server.app.inject({ method: 'POST', url: `/api/kiosk/appointments/${appointment.id}/cancel`, headers: { ...headers(), 'x-booking-access': `${access.split('.')[0]}.forged` } });
    expect(forged.json().error.code).toBe('appointment_not_found');

    const moved = await server.app.inject({ method: 'POST', url: `/api/kiosk/appointments/${appointment.id}/move`, headers: { ...headers(), 'x-booking-access': access }, payload: { referentId: second!.referentId, start: second!.start } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<BookingConfirmation>().appointment.startsAt).toBe(second!.start);
    const cancelled = await server.app.inject({ method: 'POST', url: `/api/kiosk/appointments/${appointment.id}/cancel`, headers: { ...headers(), 'x-booking-access': access } });
    expect(cancelled.statusCode).toBe(204);
    expect((await find(reference, '0612345678')).statusCode).toBe(404);
  });

  it('locks the lookup of a reference after repeated wrong phone numbers', async () => {
    const slot = await firstSlot('chatillon-pmi');
    const { appointment } = (await book({ motifId: 'chatillon-pmi', referentId: slot.referentId, start: slot.start, contact: CONTACT })).json<BookingConfirmation>();
    for (let i = 0; i < 5; i++) expect((await find(appointment.reference, `070000000${i}`)).statusCode).toBe(404);
    expect((await find(appointment.reference, '0612345678', 'chatillon-2')).json().error.code).toBe('identify_locked');
  });
});

describe('confirmations and staff', () => {
  it('writes the SMS to the outbox in the usager language; staff read it, kiosks cannot', async () => {
    const slot = await firstSlot('chatillon-sante-sexuelle');
    const booked = (await book({ motifId: 'chatillon-sante-sexuelle', referentId: slot.referentId, start: slot.start, contact: CONTACT, language: 'en' })).json<BookingConfirmation>();
    expect(booked.appointment.place).toMatchObject({ fr: 'Par téléphone : le pôle vous appelle', en: 'By phone: the centre calls you' });
    const notify = (receipt: string) =>
      server.app.inject({ method: 'POST', url: `/api/kiosk/appointments/${booked.appointment.id}/notify`, headers: headers(), payload: { channel: 'sms', to: '0612345678', receipt, language: 'en' } });
    expect((await notify('forged')).statusCode).toBe(404);
    expect((await notify(booked.receipt)).statusCode).toBe(204);
    const badEmail = await server.app.inject({ method: 'POST', url: `/api/kiosk/appointments/${booked.appointment.id}/notify`, headers: headers(), payload: { channel: 'email', to: 'not-an-address', receipt: booked.receipt } });
    expect(badEmail.json().error.fields[0].path).toBe('to');

    const admin = await staffCookie(server.app, 'admin');
    const outbox = await server.app.inject({ method: 'GET', url: '/api/staff/sites/chatillon/outbox', headers: admin });
    expect(outbox.json()).toEqual([expect.objectContaining({ channel: 'sms', to: '0612345678', appointmentReference: booked.appointment.reference, body: expect.stringContaining('Sexual health') })]);
    expect((await server.app.inject({ method: 'GET', url: '/api/staff/sites/chatillon/outbox', headers: headers() })).statusCode).toBe(401);
  });

  it('shows each référent’s bookings of a day; admins change hours and absences and the slots follow at once', async () => {
    const slot = await firstSlot('chatillon-pmi');
    await book({ motifId: 'chatillon-pmi', referentId: slot.referentId, start: slot.start, contact: CONTACT });
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(slot.start));
    const admin = await staffCookie(server.app, 'admin');
    const agenda = (await server.app.inject({ method: 'GET', url: `/api/staff/sites/chatillon/agenda?day=${day}`, headers: admin })).json();
    const lea = agenda.referents.find((r: { id: string }) => r.id === 'ref-lea');
    expect(lea.bookings).toContainEqual(expect.objectContaining({ startsAt: slot.start, motifCategory: 'pmi', who: { name: 'Awa Traoré', phone: '0612345678' } }));

    // A médiateur may look but not change.
    const karim = await staffCookie(server.app, 'mediateur');
    await server.app.inject({ method: 'PUT', url: '/api/staff/duty', headers: karim, payload: { siteId: 'chatillon' } });
    expect((await server.app.inject({ method: 'GET', url: `/api/staff/sites/chatillon/agenda?day=${day}`, headers: karim })).statusCode).toBe(200);
    expect((await server.app.inject({ method: 'PUT', url: '/api/staff/referents/ref-lea/hours', headers: karim, payload: { hours: {} } })).statusCode).toBe(403);

    const badHours = await server.app.inject({ method: 'PUT', url: '/api/staff/referents/ref-lea/hours', headers: admin, payload: { hours: { mon: [['09:00', '12:00'], ['11:00', '13:00']], tue: [['25:00', '26:00']] } } });
    expect(badHours.statusCode).toBe(400);
    expect(badHours.json().error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['hours.mon', 'hours.tue.0.0']));

    // Only Wednesday mornings from now on (three weeks ahead, past the demo bookings).
    expect((await server.app.inject({ method: 'PUT', url: '/api/staff/referents/ref-lea/hours', headers: admin, payload: { hours: { wed: [['09:00', '12:00']] } } })).statusCode).toBe(204);
    const week = (await slots('chatillon-pmi', undefined, '2026-12-14')).json<WeekSlotsView>();
    expect(week.days.map((d) => d.date)).toEqual(['2026-12-16']);
    expect(week.days[0]!.slots.map((s) => parisTime(s.start).slice(-5))).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']);

    const absence = await server.app.inject({ method: 'POST', url: '/api/staff/referents/ref-lea/absences', headers: admin, payload: { startsAt: '2026-11-25T07:00:00.000Z', endsAt: '2026-11-25T12:00:00.000Z' } });
    expect(absence.statusCode).toBe(201);
    expect((await slots('chatillon-pmi')).json<WeekSlotsView>().weekStart).toBe('2026-11-30');
    expect((await server.app.inject({ method: 'DELETE', url: `/api/staff/absences/${absence.json().id}`, headers: admin })).statusCode).toBe(204);
    expect((await slots('chatillon-pmi')).json<WeekSlotsView>().weekStart).toBe('2026-11-23');
    const backwards = await server.app.inject({ method: 'POST', url: '/api/staff/referents/ref-lea/absences', headers: admin, payload: { startsAt: '2026-11-25T12:00:00.000Z', endsAt: '2026-11-25T07:00:00.000Z' } });
    expect(backwards.json().error.fields[0].path).toBe('endsAt');
  });
});
