import type { FastifyInstance } from 'fastify';
import { identifyByCodeBodySchema, identifyByNumberBodySchema } from '../../core/dossier/identify';
import { defineRoute, type Authenticators } from '../http/route';
import type { IdentityService } from './identity.service';

export const USAGER_SESSION_HEADER = 'x-usager-session';

export function identityRoutes(app: FastifyInstance, authn: Authenticators, identity: IdentityService): void {
  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/kiosk/identify',
    summary: 'Identify with the dossier number and date of birth; opens a short usager session bound to this kiosk',
    auth: 'kiosk',
    body: identifyByNumberBodySchema,
    returns: 'The usager session token (send it as X-Usager-Session) and its expiry',
    handler: async ({ body, kiosk, reply }) => {
      reply.code(201);
      return identity.byNumber(kiosk, body.dossierNumber, body.birthDate);
    },
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/kiosk/identify/code',
    summary: 'Identify with the code scanned on a courrier (QR or USB scanner)',
    auth: 'kiosk',
    body: identifyByCodeBodySchema,
    handler: async ({ body, kiosk, reply }) => {
      reply.code(201);
      return identity.byCode(kiosk, body.code);
    },
  });

  defineRoute(app, authn, {
    method: 'GET',
    url: '/api/kiosk/dossier',
    summary: "The identified usager's dossier (référent, demandes, missing documents, appointments)",
    auth: 'kiosk',
    handler: async ({ kiosk, request }) => {
      const token = request.headers[USAGER_SESSION_HEADER];
      return identity.dossier(kiosk, typeof token === 'string' ? token : undefined);
    },
  });
}
