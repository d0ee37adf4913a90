import type { FastifyInstance, FastifyRequest } from 'fastify';
import { addKioskBodySchema, redeemEnrolmentBodySchema } from '../../core/fleet/enrolment';
import { kioskParamsSchema, siteParamsSchema } from '../../core/fleet/kiosk-state';
import { clientAddress } from '../audit/staff-audit';
import { defineRoute, type Authenticators } from '../http/route';
import type { EnrolmentService, RequestFacts } from './enrolment.service';

function facts(request: FastifyRequest): RequestFacts {
  return { origin: `${request.protocol}://${request.host}`, address: clientAddress(request) };
}

/** Kiosk enrolment: « Ajouter une borne », a new code for a replaced PC, the PC's redeeming, « Retirer la borne ». */
export function enrolmentRoutes(app: FastifyInstance, authn: Authenticators, enrolment: EnrolmentService): void {
  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/staff/sites/:siteId/kiosks',
    summary: '« Ajouter une borne »: adds a kiosk to the pôle and gives a one-time enrolment code valid 15 minutes',
    auth: 'staff',
    params: siteParamsSchema,
    body: addKioskBodySchema,
    returns: '{ kiosk, code, expiresAt, enrolUrl }',
    handler: async ({ params, body, staff, request, reply }) => {
      reply.code(201);
      return enrolment.addKiosk(staff, params.siteId, body.label, facts(request));
    },
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/staff/kiosks/:kioskId/enrolment-code',
    summary: "« Nouveau code d'enregistrement »: a new one-time code for a kiosk (a replaced PC); its older unused code stops working",
    auth: 'staff',
    params: kioskParamsSchema,
    returns: '{ kiosk, code, expiresAt, enrolUrl }',
    handler: async ({ params, staff, request, reply }) => {
      reply.code(201);
      return enrolment.newCode(staff, params.kioskId, facts(request));
    },
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/kiosk/enrol',
    summary: "The kiosk PC redeems its enrolment code, once, for its device token (rate-limited per address and overall)",
    auth: 'none',
    body: redeemEnrolmentBodySchema,
    returns: '{ token, kiosk: { id, siteId, label } }',
    handler: async ({ body, request }) => enrolment.redeem(body.code, clientAddress(request)),
  });

  defineRoute(app, authn, {
    method: 'DELETE',
    url: '/api/staff/kiosks/:kioskId',
    summary: '« Retirer la borne »: the kiosk leaves its pôle, its token stops working and its stream closes at once',
    auth: 'staff',
    params: kioskParamsSchema,
    handler: async ({ params, staff, request, reply }) => {
      await enrolment.revoke(staff, params.kioskId, facts(request));
      reply.code(204);
      return null;
    },
  });
}

