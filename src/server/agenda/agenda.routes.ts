import type { FastifyInstance, FastifyRequest } from 'fastify';
import { normaliseReference } from '../../core/agenda/booking';
import { absenceBodySchema, findBookingBodySchema, absenceParamsSchema, agendaDayQuerySchema, appointmentParamsSchema, bookBodySchema, hoursBodySchema, moveBodySchema, notifyBodySchema, referentParamsSchema, slotQuerySchema } from '../../core/agenda/booking.schema';
import { siteParamsSchema } from '../../core/fleet/kiosk-state';
import { clientAddress } from '../audit/staff-audit';
import { defineRoute, type Authenticators } from '../http/route';
import { USAGER_SESSION_HEADER } from '../identity/identity.routes';
import type { AgendaService } from './agenda.service';

export const BOOKING_ACCESS_HEADER = 'x-booking-access';

const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};
const usagerToken = (request: FastifyRequest) => header(request, USAGER_SESSION_HEADER);
const holder = (request: FastifyRequest) => ({ usagerToken: usagerToken(request), access: header(request, BOOKING_ACCESS_HEADER) });

export function agendaRoutes(app: FastifyInstance, authn: Authenticators, agenda: AgendaService): void {
  defineRoute(app, authn, {
    method: 'GET',
    url: '/api/kiosk/agenda/motifs',
    summary: 'What an appointment can be for at this pôle: the follow-up with the référent, and first contacts open to anyone',
    auth: 'kiosk',
    handler: async ({ kiosk }) => agenda.motifs(kiosk),
  });

  defineRoute(app, authn, {
    method: 'GET',
    url: '/api/kiosk/agenda/slots',
    summary: 'One week of free slots for a motif (the week of the first free slot when no week is given); the follow-up needs X-Usager-Session',
    auth: 'kiosk',
    query: slotQuerySchema,
    handler: async ({ kiosk, query, request }) => agenda.weekSlots(kiosk, query, usagerToken(request)),
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/kiosk/appointments',
    summary: 'Book a slot. Atomic: when two kiosks book the same slot, one gets 201 and the other 409 slot_taken',
    auth: 'kiosk',
    body: bookBodySchema,
    returns: 'The appointment, its iCalendar event and a receipt for sending the confirmation',
    handler: async ({ kiosk, body, request, reply }) => {
      const { language, ...input } = body;
      const confirmation = await agenda.book(kiosk, input, usagerToken(request), language);
      reply.code(201);
      return confirmation;
    },
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/kiosk/appointments/find',
    summary: 'A person without a dossier finds their coming appointment with the ticket reference and their phone number; returns an access for moving or cancelling it on this kiosk',
    auth: 'kiosk',
    body: findBookingBodySchema,
    handler: async ({ kiosk, body }) => agenda.findByReference(kiosk, normaliseReference(body.reference)!, body.phone),
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/kiosk/appointments/:appointmentId/move',
    summary: "Move an appointment to another free slot, until the motif's limit (X-Usager-Session, or X-Booking-Access without a dossier)",
    auth: 'kiosk',
    params: appointmentParamsSchema,
    body: moveBodySchema,
    handler: async ({ kiosk, params, body, request }) => agenda.move(kiosk, params.appointmentId, body, holder(request), body.language),
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/kiosk/appointments/:appointmentId/cancel',
    summary: "Cancel the identified usager's appointment, until the motif's limit; the slot is free again at once",
    auth: 'kiosk',
    params: appointmentParamsSchema,
    handler: async ({ kiosk, params, request, reply }) => {
      await agenda.cancel(kiosk, params.appointmentId, holder(request));
      reply.code(204);
    },
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/kiosk/appointments/:appointmentId/notify',
    summary: 'Send the confirmation by SMS or e-mail through the notification provider (the built-in one writes to the outbox)',
    auth: 'kiosk',
    params: appointmentParamsSchema,
    body: notifyBodySchema,
    handler: async ({ kiosk, params, body, reply }) => {
      await agenda.notify(kiosk, params.appointmentId, body, body.language);
      reply.code(204);
    },
  });

  defineRoute(app, authn, {
    method: 'GET',
    url: '/api/staff/sites/:siteId/agenda',
    summary: "Each référent's bookings of one day, with their weekly hours and coming absences",
    auth: 'staff',
    params: siteParamsSchema,
    query: agendaDayQuerySchema,
    handler: async ({ staff, params, query }) => agenda.staffDay(staff, params.siteId, query.day),
  });

  defineRoute(app, authn, {
    method: 'PUT',
    url: '/api/staff/referents/:referentId/hours',
    summary: "Replace a référent's weekly opening periods (admin); kiosks offer the new slots at once",
    auth: 'staff',
    params: referentParamsSchema,
    body: hoursBodySchema,
    handler: async ({ staff, params, body, request, reply }) => {
      await agenda.setHours(staff, params.referentId, body.hours, clientAddress(request));
      reply.code(204);
    },
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/staff/referents/:referentId/absences',
    summary: 'Add an absence (admin): no slot is offered during it',
    auth: 'staff',
    params: referentParamsSchema,
    body: absenceBodySchema,
    handler: async ({ staff, params, body, request, reply }) => {
      reply.code(201);
      return agenda.addAbsence(staff, params.referentId, body.startsAt, body.endsAt, clientAddress(request));
    },
  });

  defineRoute(app, authn, {
    method: 'DELETE',
    url: '/api/staff/absences/:absenceId',
    summary: 'Remove an absence (admin)',
    auth: 'staff',
    params: absenceParamsSchema,
    handler: async ({ staff, params, request, reply }) => {
      await agenda.removeAbsence(staff, params.absenceId, clientAddress(request));
      reply.code(204);
    },
  });

  defineRoute(app, authn, {
    method: 'GET',
    url: '/api/staff/sites/:siteId/outbox',
    summary: 'The confirmations the built-in provider wrote instead of sending them (latest 100)',
    auth: 'staff',
    params: siteParamsSchema,
    handler: async ({ staff, params, request }) => agenda.outbox(staff, params.siteId, clientAddress(request)),
  });
}

