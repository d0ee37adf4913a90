import type { FastifyInstance } from 'fastify';
import { archiveBodySchema, createMotifBodySchema, createReferentBodySchema, motifParamsSchema, updateMotifBodySchema, updateReferentBodySchema } from '../../core/agenda/agenda-admin';
import { referentParamsSchema } from '../../core/agenda/booking.schema';
import { siteParamsSchema } from '../../core/fleet/kiosk-state';
import { clientAddress } from '../audit/staff-audit';
import { defineRoute, type Authenticators } from '../http/route';
import type { AgendaAdminService } from './agenda-admin.service';

/** « Référents » and « Motifs » of a pôle (admin de pôle of that pôle, or admin département). */
export function agendaAdminRoutes(app: FastifyInstance, authn: Authenticators, admin: AgendaAdminService): void {
  defineRoute(app, authn, {
    method: 'GET',
    url: '/api/staff/sites/:siteId/referents',
    summary: "A pôle's référents, archived ones included, with their hours, coming absences and version; `managedBy` names the connector when they are changed elsewhere",
    auth: 'staff',
    params: siteParamsSchema,
    handler: async ({ staff, params }) => admin.listReferents(staff, params.siteId),
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/staff/sites/:siteId/referents',
    summary: 'Add a référent (first name, métier, grammatical gender, office per language); hours and absences are set with their own routes',
    auth: 'staff',
    params: siteParamsSchema,
    body: createReferentBodySchema,
    handler: async ({ staff, params, body, request, reply }) => {
      reply.code(201);
      return admin.createReferent(staff, params.siteId, body, clientAddress(request));
    },
  });

  defineRoute(app, authn, {
    method: 'PUT',
    url: '/api/staff/referents/:referentId',
    summary: 'Change a référent; `version` is the one you started from (409 version_conflict with the current record otherwise)',
    auth: 'staff',
    params: referentParamsSchema,
    body: updateReferentBodySchema,
    handler: async ({ staff, params, body, request }) => admin.updateReferent(staff, params.referentId, body, clientAddress(request)),
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/staff/referents/:referentId/archive',
    summary: 'Archive a référent who left ("archived": true) or bring them back (false): no slot is offered with them, their past appointments stay',
    auth: 'staff',
    params: referentParamsSchema,
    body: archiveBodySchema,
    handler: async ({ staff, params, body, request }) => admin.archiveReferent(staff, params.referentId, body, clientAddress(request)),
  });

  defineRoute(app, authn, {
    method: 'GET',
    url: '/api/staff/sites/:siteId/motifs',
    summary: "A pôle's motifs in their order, archived ones included, with their texts per language and version",
    auth: 'staff',
    params: siteParamsSchema,
    handler: async ({ staff, params }) => admin.listMotifs(staff, params.siteId),
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/staff/sites/:siteId/motifs',
    summary: 'Add a motif: name and description per language (French required), duration, mode, first contact or not, delays, change limit, métiers',
    auth: 'staff',
    params: siteParamsSchema,
    body: createMotifBodySchema,
    handler: async ({ staff, params, body, request, reply }) => {
      reply.code(201);
      return admin.createMotif(staff, params.siteId, body, clientAddress(request));
    },
  });

  defineRoute(app, authn, {
    method: 'PUT',
    url: '/api/staff/motifs/:motifId',
    summary: 'Change a motif; `version` is the one you started from (409 version_conflict with the current record otherwise). Kiosks show the change at once',
    auth: 'staff',
    params: motifParamsSchema,
    body: updateMotifBodySchema,
    handler: async ({ staff, params, body, request }) => admin.updateMotif(staff, params.motifId, body, clientAddress(request)),
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/staff/motifs/:motifId/archive',
    summary: 'Archive a motif ("archived": true: no longer offered, its appointments stay) or offer it again (false)',
    auth: 'staff',
    params: motifParamsSchema,
    body: archiveBodySchema,
    handler: async ({ staff, params, body, request }) => admin.archiveMotif(staff, params.motifId, body, clientAddress(request)),
  });
}
